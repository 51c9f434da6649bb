/**
 * Timeline JSON → DOM: the rollout preview's chart. Composes the parts in timeline/ around one shared view
 * context (context.ts): the header with the outcome, the scrubber, the zoomable chart (head lanes, axis,
 * virtual rows), the legend and the selected pod's details. The kubectl tables, conditions, events, spec and
 * assumptions are the panels' (main.ts composes them beside this chart).
 *
 * Nothing here talks to VS Code: `renderTimeline(document, timeline)` builds the DOM and wires its own
 * controls, so it runs in any DOM (the webview, a test page). Every string from the timeline goes in as text
 * (dom.ts).
 */
import { el } from './dom';
import { podCount } from './counts';
import { formatDuration, formatOffset } from './format';
import { t } from './l10n';
import { createContext } from './timeline/context';
import { renderHeader } from './timeline/header';
import { renderHead } from './timeline/head';
import { renderLegend } from './timeline/legend';
import { BAD_CONDITIONS, GOOD_CONDITIONS } from './timeline/outcome';
import { readPalette } from './timeline/palette';
import { renderPodDetails } from './timeline/podDetails';
import { buildRows } from './timeline/rows';
import { axisTicks, FULL_WINDOW, viewX, windowOf } from './timeline/scale';
import { renderScrubber } from './timeline/scrubber';
import { defaultStartTime } from './timeline/startTime';
import { timelineSvg } from './timeline/svg';
import { renderRows } from './timeline/virtualRows';
import { renderZoom } from './timeline/zoom';
import type { Timeline } from './timelineTypes';

export interface RenderOptions {
  /** Where the scrubber starts; default: when the object finished, else the end of the run (startTime.ts). */
  readonly time?: number;
  readonly selectedPod?: string;
  /** Kept for the panels (events "warnings only"); the chart itself does not filter. */
  readonly warningsOnly?: boolean;
  /** The manifest, as the header names it (`job.yaml`, `jobs.yaml · document 2`). */
  readonly sourceLabel?: string;
  /** The visible window to start with, in seconds (default: the fitted axis). */
  readonly window?: { readonly from: number; readonly to: number };
  /** Shown right under the header (the run's warnings). */
  readonly belowHeader?: HTMLElement | null;
  readonly onTimeChange?: (t: number) => void;
  readonly onSelectPod?: (name: string | undefined) => void;
  /** The visible window changed (zoom, pan, fit), in seconds. */
  readonly onWindowChange?: (window: { from: number; to: number }) => void;
}

export interface TimelineView {
  readonly element: HTMLElement;
  /** Pods in the chart (every pod of the timeline; only the rows in view are in the DOM). */
  readonly podCount: number;
  /** The time range of the whole run (the scrubber's), in seconds since the start. */
  readonly range: { readonly from: number; readonly to: number };
  time(): number;
  setTime(t: number): void;
  selectPod(name: string | undefined): void;
  /** Measures the chart's width and redraws (done by itself when the view is in a page and resized). */
  layout(): void;
  /** The visible window, in seconds. */
  window(): { from: number; to: number };
  /** Shows the seconds from `from` to `to` (clamped to the run); no arguments: fit the whole run. */
  setWindow(from?: number, to?: number): void;
  /** The chart as visible, as a standalone SVG document (colours from the current theme). */
  svg(): string;
}

/** The chart's heading: what its rows are. */
function sectionTitle(kind: string): string {
  if (kind === 'DaemonSet') return t('Nodes');
  if (kind === 'CronJob') return t('Runs');
  if (kind === 'Deployment') return t('ReplicaSets and their pods');
  if (kind === 'StatefulSet') return t('Pods by ordinal');
  return t('Pods');
}

export function renderTimeline(doc: Document, timeline: Timeline, options: RenderOptions = {}): TimelineView {
  const started = typeof performance === 'undefined' ? undefined : performance.now();
  const ctx = createContext(doc, timeline, { onTimeChange: options.onTimeChange, onSelectPod: options.onSelectPod });
  const pods = timeline.pods ?? [];
  const root = el(doc, 'main', { class: `preview kind-${ctx.kind.toLowerCase()}`, attrs: { 'data-kind': ctx.kind } });
  for (const part of renderHeader(ctx, options.sourceLabel)) root.appendChild(part);
  if (options.belowHeader) root.appendChild(options.belowHeader);

  const scrubber = renderScrubber(ctx);
  root.appendChild(scrubber.element);

  // the chart
  const expanded = new Set<string>();
  const head = renderHead(ctx);
  const zoom = renderZoom(ctx);
  const details = renderPodDetails(ctx, () => {
    rows.selectPod(undefined, true);
    rows.element.focus();
  });
  const rows = renderRows(ctx, {
    onExpand: (key) => {
      expanded.add(key);
      rows.setRows(buildRows(timeline, { end: ctx.to, expanded, when: ctx.when }));
    },
    onSelect: (pod, notify) => {
      ctx.selectedPod = pod?.name;
      details.show(pod);
      if (notify) options.onSelectPod?.(pod?.name);
    },
  });
  rows.setRows(buildRows(timeline, { end: ctx.to, expanded, when: ctx.when }));
  const gantt = el(doc, 'div', { class: 'gantt', attrs: { 'aria-keyshortcuts': '+ - 0 F Alt+ArrowLeft Alt+ArrowRight' } }, [head.underlay, head.head, rows.element, head.overlay]);
  root.appendChild(
    el(doc, 'section', { class: 'gantt-section', attrs: { 'aria-label': t('Pods over time') } }, [
      el(doc, 'div', { class: 'section-head' }, [el(doc, 'h2', { text: sectionTitle(ctx.kind) }), renderLegend(ctx)]),
      zoom.toolbar,
      gantt,
      pods.length === 0 ? el(doc, 'p', { class: 'empty', text: t('The {0} created no pods during the simulation.', ctx.kind) }) : null,
      el(doc, 'p', { class: 'hint zoom-hint', text: t('Ctrl + wheel or + / − zoom, drag or Shift + wheel pans, 0 fits the whole run.') }),
    ]),
  );
  zoom.attach(gantt, head.axisTrack);
  root.appendChild(details.element);

  const redraw = (): void => {
    head.redraw();
    rows.redraw();
    zoom.describe(gantt);
  };
  ctx.on('window', () => {
    redraw();
    options.onWindowChange?.(ctx.visible());
  });

  function layout(): void {
    const width = head.axisTrack.clientWidth;
    if (width > 0) ctx.trackWidth = width;
    // the rows' scrollbar: the lines over the chart end where the rows' tracks end
    gantt.style.setProperty('--gutter', `${Math.max(0, rows.element.offsetWidth - rows.element.clientWidth)}px`);
    redraw();
  }
  const view = doc.defaultView;
  if (view && 'ResizeObserver' in view) {
    // first call once the view is in the page and sized, then whenever its width changes
    let lastWidth = -1;
    let frame = 0;
    new view.ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      if (width === lastWidth || width === 0) return;
      lastWidth = width;
      view.cancelAnimationFrame(frame);
      frame = view.requestAnimationFrame(() => layout());
    }).observe(root);
  }

  const setWindow = (from?: number, to?: number): void => {
    ctx.window = from === undefined || to === undefined ? FULL_WINDOW : windowOf(ctx.scale, Math.max(ctx.from, from), Math.min(ctx.to, to));
    ctx.emit('window');
  };
  if (options.window) ctx.window = windowOf(ctx.scale, Math.max(ctx.from, options.window.from), Math.min(ctx.to, options.window.to));
  scrubber.setTime(options.time ?? defaultStartTime(timeline));
  redraw();
  rows.selectPod(options.selectedPod);
  // the chart's own share of a render, for the UI test's and the bench's figures (User Timing, no cost otherwise)
  if (started !== undefined) performance.measure('k8s-dryrun:timeline-chart', { start: started, end: performance.now() });

  function svg(): string {
    const { from, to } = ctx.visible();
    const { ticks, folds } = axisTicks(ctx.scale, ctx.window, 10);
    const objectConditions = (timeline.conditions ?? []).filter((c) => c.status !== 'False' && c.object === ctx.name);
    const markers = [
      ...objectConditions.map((c) => ({ x: viewX(ctx.scale, ctx.window, c.at), label: c.type, tone: BAD_CONDITIONS.has(c.type) ? ('bad' as const) : GOOD_CONDITIONS.has(c.type) ? ('good' as const) : ('neutral' as const) })),
      ...(timeline.markers ?? []).filter((m) => m.kind !== 'skippedRun' && m.kind !== 'missedRun').map((m) => ({ x: viewX(ctx.scale, ctx.window, m.at), label: m.kind, tone: 'scenario' as const })),
    ];
    return timelineSvg(
      {
        title: `${ctx.kind}/${ctx.name}`,
        subtitle: `${podCount(pods.length)} · ${formatOffset(from)} → ${formatOffset(to)} (${ctx.clock(from)} → ${ctx.clock(to)}) · ${t('simulated {0}', formatDuration(ctx.to, 3))}`,
        rows: rows.rows(),
        x: (t) => viewX(ctx.scale, ctx.window, t),
        ticks: ticks.map((t) => ({ x: t.x, label: t.t === 0 ? '0' : formatOffset(t.t) })),
        folds: folds.map((f) => ({ x0: f.x0, x1: f.x1, label: f.fold.label })),
        markers,
      },
      readPalette(gantt),
    );
  }

  return {
    element: root,
    podCount: pods.length,
    range: { from: ctx.from, to: ctx.to },
    time: () => ctx.time,
    setTime: (t) => scrubber.setTime(t),
    selectPod: (name) => rows.selectPod(name),
    layout,
    window: () => ctx.visible(),
    setWindow,
    svg,
  };
}
