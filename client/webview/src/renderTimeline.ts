/**
 * Timeline JSON → DOM: the rollout preview a person reads. A Gantt-like chart with one row per pod (grouped per
 * Job for CronJobs and per node for DaemonSets), a time axis with condition, schedule and scenario markers, a
 * scrubber that shows the state at any time t, the pod's details, the final status, the effective spec and
 * the events as `kubectl get events` lists them.
 *
 * Nothing here talks to VS Code: `renderTimeline(document, timeline)` builds the DOM and wires its own controls,
 * so it runs in any DOM (the webview, a test page). Every string from the timeline goes in as text (dom.ts).
 */
import { clear, el, type Child } from './dom';
import { flatten, formatClock, formatDuration, formatOffset, formatValue, parseTime, plural, ticks, tickStep } from './format';
import {
  changeTimes,
  COUNTED_STATES,
  countsAt,
  podStateAt,
  runsOf,
  segmentsOf,
  STATE_LABELS,
  type PodState,
} from './podState';
import type { Timeline, TimelineCondition, TimelineJob, TimelinePod } from './timelineTypes';

export interface RenderOptions {
  /** Where the scrubber starts; default: the end of the run (the final state). */
  readonly time?: number;
  readonly selectedPod?: string;
  readonly warningsOnly?: boolean;
  /** The manifest, as the header names it (`job.yaml`, `jobs.yaml · document 2`). */
  readonly sourceLabel?: string;
  /** Pod rows drawn at most; the rest are counted in a note. */
  readonly maxPodRows?: number;
  /** Events listed at most. */
  readonly maxEvents?: number;
  readonly onTimeChange?: (t: number) => void;
  readonly onSelectPod?: (name: string | undefined) => void;
  readonly onWarningsOnlyChange?: (on: boolean) => void;
}

export interface TimelineView {
  readonly element: HTMLElement;
  /** Pod rows drawn. */
  readonly podCount: number;
  /** The time range the axis and the scrubber cover, in seconds since the start. */
  readonly range: { readonly from: number; readonly to: number };
  time(): number;
  setTime(t: number): void;
  selectPod(name: string | undefined): void;
  /** Places labels and flags by their measured widths (done by itself when the view is in a page and resized). */
  layout(): void;
}

const DEFAULT_MAX_ROWS = 1500;
const DEFAULT_MAX_EVENTS = 2000;
/** Events that mean a CronJob let a schedule time pass without a Job. */
/** The engine's markers for CronJob runs that never started (a Forbid run held back but started later is not one). */
const NOT_STARTED_RUNS = new Set(['skippedRun', 'missedRun']);

/** How many runs a marker stands for: a missed-run marker may cover many (`missed 180 runs ...`). */
function runsInMarker(description: string): number {
  const many = /missed (\d+) runs/.exec(description);
  return many ? Number(many[1]) : 1;
}
const GOOD_CONDITIONS = new Set(['Complete', 'SuccessCriteriaMet']);
const BAD_CONDITIONS = new Set(['Failed', 'FailureTarget']);

/** `Job` → `job`, as kubectl names objects: `job/pi`, `pod/pi-x7k2p`. */
const kindSlug = (kind: string): string => kind.toLowerCase();

export function renderTimeline(doc: Document, timeline: Timeline, options: RenderOptions = {}): TimelineView {
  const pods = timeline.pods ?? [];
  const jobs = timeline.jobs ?? [];
  const conditions = timeline.conditions ?? [];
  const events = timeline.events ?? [];
  const kind = timeline.object?.kind ?? 'Object';
  const name = timeline.object?.name ?? '';
  const startMs = parseTime(timeline.startTime);
  const endMs = parseTime(timeline.endTime);
  const duration =
    typeof timeline.duration === 'number' && Number.isFinite(timeline.duration)
      ? timeline.duration
      : Number.isFinite(endMs - startMs)
        ? (endMs - startMs) / 1000
        : Math.max(0, ...pods.map((p) => p.finishedAt ?? p.createdAt), ...events.map((e) => e.at));

  // The axis covers the run, and what the timeline tells of before it (a pasted object's own history).
  const earliest = Math.min(0, ...pods.map((p) => p.createdAt), ...jobs.map((j) => j.createdAt));
  const from = earliest;
  const to = duration > from ? duration : from + 1;
  const span = to - from;
  const pct = (t: number): number => ((Math.min(Math.max(t, from), to) - from) / span) * 100;
  const clock = (t: number): string => formatClock(startMs, t);
  const when = (t: number): string => `${formatOffset(t)} (${clock(t)})`;

  let currentTime = clampTime(options.time ?? to);
  let selected: string | undefined = options.selectedPod;
  const stops = changeTimes(timeline).filter((t) => t >= from && t <= to);

  function clampTime(t: number): number {
    return Number.isFinite(t) ? Math.min(Math.max(t, from), to) : to;
  }

  const root = el(doc, 'main', { class: `preview kind-${kindSlug(kind)}`, attrs: { 'data-kind': kind } });

  // ---- header ---------------------------------------------------------------------------------------------
  const outcome = outcomeOf(timeline, kind, name, conditions, jobs);
  root.appendChild(
    el(doc, 'header', { class: 'summary' }, [
      el(doc, 'h1', { class: 'title' }, [
        el(doc, 'span', { class: 'kind-badge', text: kind }),
        ' ',
        el(doc, 'span', { class: 'object-name', text: name }),
        timeline.object?.namespace ? el(doc, 'span', { class: 'namespace', text: ` in ${timeline.object.namespace}` }) : null,
      ]),
      el(doc, 'p', { class: 'subtitle' }, [
        options.sourceLabel ? el(doc, 'span', { class: 'source', text: options.sourceLabel }) : null,
        options.sourceLabel ? ' · ' : null,
        `${plural(pods.length, 'pod')}`,
        kind === 'CronJob' ? ` · ${plural(jobs.length, 'Job')}` : null,
        ` · simulated ${formatDuration(duration, 3)} from ${clock(0)}`,
        typeof timeline.seed === 'number' ? ` · seed ${timeline.seed}` : null,
      ]),
      el(doc, 'p', { class: `outcome outcome-${outcome.tone}`, attrs: { role: 'status' } }, [
        el(doc, 'span', { class: 'outcome-icon', text: outcome.icon, attrs: { 'aria-hidden': 'true' } }),
        ' ',
        el(doc, 'span', { class: 'outcome-text', text: outcome.text }),
      ]),
    ]),
  );

  if (timeline.truncated) {
    const message =
      timeline.message ||
      `The simulation stopped at ${formatOffset(duration)} before the ${kind} finished; what follows is its state at ${clock(duration)}.`;
    root.appendChild(
      el(doc, 'div', { class: 'banner banner-truncated', attrs: { role: 'alert' } }, [
        el(doc, 'span', { class: 'banner-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
        el(doc, 'span', {}, [el(doc, 'strong', { text: 'Stopped early. ' }), el(doc, 'span', { class: 'banner-message', text: message })]),
      ]),
    );
  }

  // ---- scrubber -------------------------------------------------------------------------------------------
  const range = el(doc, 'input', {
    class: 'scrubber-input',
    attrs: {
      type: 'range',
      min: from,
      max: to,
      step: 'any',
      'aria-label': 'Time',
      'aria-describedby': 'scrubber-help',
      'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End PageUp PageDown',
    },
  });
  range.value = String(currentTime);
  const prevButton = el(doc, 'button', { class: 'icon-button prev', text: '◀', attrs: { type: 'button', title: 'Previous change', 'aria-label': 'Previous change' } });
  const nextButton = el(doc, 'button', { class: 'icon-button next', text: '▶', attrs: { type: 'button', title: 'Next change', 'aria-label': 'Next change' } });
  const timeOffset = el(doc, 'span', { class: 'time-offset' });
  const clockDate = el(doc, 'span', { class: 'clock-date' });
  const clockTime = el(doc, 'span', { class: 'clock-time' });
  const timeClock = el(doc, 'span', { class: 'time-clock' }, [clockDate, clockTime]);
  const timeOutput = el(doc, 'output', { class: 'scrubber-time', attrs: { 'aria-live': 'off' } }, [timeOffset, timeClock]);
  const countsBox = el(doc, 'div', { class: 'counts', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  const runningList = el(doc, 'p', { class: 'running-list' });
  root.appendChild(
    el(doc, 'section', { class: 'scrubber', attrs: { 'aria-label': 'State at a time' } }, [
      el(doc, 'div', { class: 'scrubber-grid' }, [
        el(doc, 'div', { class: 'scrubber-controls' }, [prevButton, timeOutput, nextButton]),
        el(doc, 'div', { class: 'scrubber-track' }, [range]),
      ]),
      countsBox,
      runningList,
      el(doc, 'p', {
        class: 'hint',
        attrs: { id: 'scrubber-help' },
        text: '← / → jump to the previous / next change, Page Up / Page Down move by a tenth, Home / End go to the start / end.',
      }),
    ]),
  );

  // ---- gantt ----------------------------------------------------------------------------------------------
  const maxRows = options.maxPodRows ?? DEFAULT_MAX_ROWS;
  // gridlines under the bars; the cursor and the condition and marker lines over them
  const underlay = el(doc, 'div', { class: 'gantt-underlay', attrs: { 'aria-hidden': 'true' } });
  const overlay = el(doc, 'div', { class: 'gantt-overlay', attrs: { 'aria-hidden': 'true' } });
  const axisTrack = el(doc, 'div', { class: 'lane-track' });
  let tickCount = 0;
  /** Ticks at a readable step giving at most `maxTicks` intervals: labels on the axis, gridlines under the bars. */
  const drawTicks = (maxTicks: number): void => {
    if (maxTicks === tickCount) return;
    tickCount = maxTicks;
    clear(underlay);
    clear(axisTrack);
    for (const [i, t] of ticks(from, to, tickStep(span, maxTicks)).entries()) {
      underlay.appendChild(el(doc, 'div', { class: `gridline${t === 0 ? ' origin' : ''}`, style: { left: `${pct(t)}%` } }));
      axisTrack.appendChild(
        el(doc, 'span', {
          class: `tick${i % 2 ? ' odd' : ''}${pct(t) < 4 ? ' first' : pct(t) > 92 ? ' last' : ''}`,
          text: t === 0 ? '0' : formatOffset(t),
          style: { left: `${pct(t)}%` },
          attrs: { title: clock(t) },
        }),
      );
    }
  };
  drawTicks(8);
  const cursor = el(doc, 'div', { class: 'cursor' });
  overlay.appendChild(cursor);

  const head = el(doc, 'div', { class: 'gantt-head' });
  interface PlacedFlag {
    readonly element: HTMLElement;
    /** Percent of the track. */
    readonly at: number;
  }
  const flagGroups: PlacedFlag[][] = [];
  const lane = (label: string, cls: string, content: Child[]): void => {
    head.appendChild(
      el(doc, 'div', { class: `gantt-lane lane-${cls}` }, [
        el(doc, 'div', { class: 'lane-label', text: label }),
        el(doc, 'div', { class: 'lane-track' }, content),
      ]),
    );
  };

  // conditions of the simulated object: flags, and a line across the chart
  const objectConditions = conditions.filter((c) => c.status !== 'False' && c.object === name && (!c.kind || c.kind === kind));
  const conditionFlags = mergeByTime(objectConditions).map(({ at, items }) => {
    const tone = items.some((c) => BAD_CONDITIONS.has(c.type)) ? 'bad' : items.some((c) => GOOD_CONDITIONS.has(c.type)) ? 'good' : 'neutral';
    const text = items.map((c) => (c.reason ? `${c.type}: ${c.reason}` : c.type)).join(', ');
    const title = items.map((c) => `${c.type} (${c.reason || 'no reason'}) at ${when(c.at)}${c.message ? `\n${c.message}` : ''}`).join('\n\n');
    overlay.appendChild(el(doc, 'div', { class: `condition-line tone-${tone}`, style: { left: `${pct(at)}%` } }));
    return { at, text, title, cls: `flag-condition tone-${tone}` };
  });
  if (conditionFlags.length > 0) lane('Conditions', 'conditions', flags(conditionFlags));

  // CronJob schedule times: the Jobs it created, and the runs it skipped
  const scheduleMarks: Child[] = [];
  for (const job of jobs) {
    const scheduled = parseTime(job.scheduledTime);
    if (!Number.isFinite(scheduled) || !Number.isFinite(startMs)) continue;
    const at = (scheduled - startMs) / 1000;
    scheduleMarks.push(
      el(doc, 'span', {
        class: `schedule-mark result-${kindSlug(job.result ?? 'Running')}`,
        text: '▼',
        style: { left: `${pct(at)}%` },
        attrs: { title: `Scheduled ${clock(at)} (${formatOffset(at)})\n${job.name}: ${job.result}${job.reason ? ` (${job.reason})` : ''}` },
      }),
    );
  }
  for (const marker of timeline.markers ?? []) {
    if (!NOT_STARTED_RUNS.has(marker.kind) || !Number.isFinite(marker.at)) continue;
    scheduleMarks.push(
      el(doc, 'span', {
        class: 'schedule-mark skipped',
        text: '▽',
        style: { left: `${pct(marker.at)}%` },
        attrs: { title: `${when(marker.at)}: ${marker.description}` },
      }),
    );
  }
  if (scheduleMarks.length > 0) lane('Schedule', 'schedule', scheduleMarks);

  // the scenario's own events (node added, pod deleted, image changed, ...)
  const markers = (timeline.markers ?? []).filter((m) => Number.isFinite(m.at));
  if (markers.length > 0) {
    lane(
      'Scenario',
      'scenario',
      flags(
        mergeByTime(markers).map(({ at, items }) => {
          overlay.appendChild(el(doc, 'div', { class: 'marker-line', style: { left: `${pct(at)}%` } }));
          return {
            at,
            text: items.map((m) => m.description || m.kind).join(', '),
            title: items.map((m) => `${m.kind} at ${when(m.at)}: ${m.description}`).join('\n'),
            cls: 'flag-scenario',
          };
        }),
      ),
    );
  }

  // time axis
  head.appendChild(el(doc, 'div', { class: 'gantt-lane lane-axis' }, [el(doc, 'div', { class: 'lane-label', text: 'Time' }), axisTrack]));

  /**
   * Flag elements. Where they go (which of up to three rows, pointing right or left) is decided by `layout()`
   * once their widths are known; until then they point right from their instant, in one row.
   */
  function flags(items: { at: number; text: string; title: string; cls: string }[]): Child[] {
    const placed: PlacedFlag[] = [];
    const nodes = items.map((item) => {
      const node = el(doc, 'span', { class: `flag ${item.cls} row-0`, style: { left: `${pct(item.at)}%` }, attrs: { title: item.title } }, [
        el(doc, 'span', { class: 'flag-text', text: item.text }),
      ]);
      placed.push({ element: node, at: pct(item.at) });
      return node;
    });
    flagGroups.push(placed);
    return nodes;
  }

  // rows
  const body = el(doc, 'div', { class: 'gantt-body', attrs: { role: 'listbox', tabindex: 0, 'aria-label': `Pods of ${kind} ${name}` } });
  interface Row {
    readonly pod: TimelinePod;
    readonly element: HTMLElement;
    state?: PodState;
  }
  const rows: Row[] = [];
  const rowByName = new Map<string, Row>();
  interface PlacedLabel {
    readonly element: HTMLElement;
    readonly track: HTMLElement;
    /** Percent of the track where the bar starts and where its active part ends. */
    readonly start: number;
    readonly end: number;
  }
  const barLabels: PlacedLabel[] = [];
  const placeLabel = (label: PlacedLabel, placement: 'after' | 'before' | 'inside'): void => {
    label.element.classList.remove('place-after', 'place-before', 'place-inside');
    label.element.classList.add(`place-${placement}`);
    label.element.style.left = placement === 'before' ? '' : `${placement === 'after' ? label.end : label.start}%`;
    label.element.style.right = placement === 'before' ? `${100 - label.start}%` : '';
  };
  const shownPods = pods.slice(0, maxRows);

  const podRow = (pod: TimelinePod): HTMLElement => {
    const id = `pod-row-${rows.length}`;
    const segments = segmentsOf(pod, to);
    const barFrom = segments.length > 0 ? segments[0].from : pod.createdAt;
    const active = segments.filter((s) => !s.tail);
    const barTo = active.length > 0 ? active[active.length - 1].to : barFrom;
    const track = el(doc, 'div', { class: 'row-track' });
    const bar = el(doc, 'div', { class: 'bar', attrs: { title: podTooltip(pod, when) } });
    for (const segment of segments) {
      bar.appendChild(
        el(doc, 'span', {
          class: `seg seg-${segment.state}${segment.tail ? ' tail' : ''}`,
          style: { left: `${pct(segment.from)}%`, width: `${Math.max(0, pct(segment.to) - pct(segment.from))}%` },
        }),
      );
    }
    if (pod.deletedAt !== null && pod.deletedAt !== undefined && pod.deletedAt <= to) {
      bar.appendChild(el(doc, 'span', { class: 'deleted-mark', text: '×', style: { left: `${pct(pod.deletedAt)}%` } }));
    }
    const label = barLabel(pod, to);
    const labelElement = el(doc, 'span', { class: `bar-label tone-${label.tone}`, text: label.text });
    bar.appendChild(labelElement);
    const placed = { element: labelElement, track, start: pct(barFrom), end: pct(barTo) };
    // a first guess for a DOM without layout; layout() measures and decides
    placeLabel(placed, placed.end <= 78 ? 'after' : placed.start >= 22 ? 'before' : 'inside');
    barLabels.push(placed);
    track.appendChild(bar);

    const badges: Child[] = [];
    if (pod.index !== null && pod.index !== undefined) badges.push(el(doc, 'span', { class: 'row-badge', text: `#${pod.index}`, attrs: { title: `completion index ${pod.index}` } }));
    if (pod.attempt !== null && pod.attempt !== undefined && pod.attempt > 1) badges.push(el(doc, 'span', { class: 'row-badge', text: `try ${pod.attempt}`, attrs: { title: `attempt ${pod.attempt} for this index` } }));
    if (pod.revision !== null && pod.revision !== undefined && kind === 'DaemonSet') badges.push(el(doc, 'span', { class: 'row-badge', text: `r${pod.revision}`, attrs: { title: `template revision ${pod.revision}` } }));
    if (pod.restarts > 0) badges.push(el(doc, 'span', { class: 'row-badge', text: `↻${pod.restarts}`, attrs: { title: plural(pod.restarts, 'restart') } }));

    const row = el(doc, 'div', { class: 'gantt-row', attrs: { role: 'option', id, 'aria-selected': 'false', 'aria-label': `${pod.name}: ${label.text}` } }, [
      el(doc, 'div', { class: 'row-label' }, [el(doc, 'span', { class: 'pod-name', text: pod.name, attrs: { title: pod.name } }), ...badges]),
      track,
    ]);
    row.addEventListener('click', () => select(pod.name, true));
    const entry: Row = { pod, element: row };
    rows.push(entry);
    if (!rowByName.has(pod.name)) rowByName.set(pod.name, entry);
    return row;
  };

  const groupHead = (label: Child[], title: string, spanFrom: number | null, spanTo: number | null, cls: string): HTMLElement => {
    const track = el(doc, 'div', { class: 'row-track' });
    if (spanFrom !== null) {
      const a = pct(spanFrom);
      const b = pct(spanTo ?? to);
      track.appendChild(el(doc, 'span', { class: `group-span ${cls}`, style: { left: `${a}%`, width: `${Math.max(0, b - a)}%` } }));
    }
    return el(doc, 'div', { class: 'gantt-group-head', attrs: { role: 'presentation', title } }, [el(doc, 'div', { class: 'row-label' }, label), track]);
  };

  const shownSet = new Set(shownPods);
  if (kind === 'CronJob') {
    const byJob = groupBy(shownPods, (p) => p.job ?? '');
    const seen = new Set<string>();
    for (const job of jobs) {
      seen.add(job.name);
      body.appendChild(jobHead(job));
      for (const pod of byJob.get(job.name) ?? []) body.appendChild(podRow(pod));
    }
    for (const [jobName, list] of byJob) {
      if (seen.has(jobName)) continue;
      body.appendChild(groupHead([el(doc, 'span', { class: 'group-name', text: jobName ? `job/${jobName}` : 'no Job' })], jobName, null, null, ''));
      for (const pod of list) body.appendChild(podRow(pod));
    }
  } else if (kind === 'DaemonSet') {
    const byNode = groupBy(shownPods, (p) => p.node ?? '');
    const seen = new Set<string>();
    for (const node of timeline.nodes ?? []) {
      seen.add(node.name);
      const list = byNode.get(node.name) ?? [];
      const facts = [
        node.addedAt > from ? `added ${formatOffset(node.addedAt)}` : '',
        node.removedAt !== null ? `removed ${formatOffset(node.removedAt)}` : '',
        node.unschedulable ? 'unschedulable' : '',
        node.ready ? '' : 'not ready',
        node.taints?.length ? plural(node.taints.length, 'taint') : '',
        list.length === 0 ? 'no pod' : '',
      ].filter(Boolean);
      const labels = Object.entries(node.labels ?? {}).map(([k, v]) => `${k}=${v}`);
      const title = [`node/${node.name}`, ...facts, labels.length ? `labels: ${labels.join(', ')}` : '', ...(node.taints ?? []).map((t) => `taint ${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)]
        .filter(Boolean)
        .join('\n');
      body.appendChild(
        groupHead(
          [el(doc, 'span', { class: 'group-name', text: `node/${node.name}` }), facts.length ? el(doc, 'span', { class: 'group-facts', text: facts.join(' · ') }) : null],
          title,
          node.addedAt,
          node.removedAt,
          `node-span${node.removedAt !== null ? ' removed' : ''}`,
        ),
      );
      for (const pod of list) body.appendChild(podRow(pod));
    }
    for (const [nodeName, list] of byNode) {
      if (seen.has(nodeName)) continue;
      body.appendChild(groupHead([el(doc, 'span', { class: 'group-name', text: nodeName ? `node/${nodeName}` : 'not scheduled' })], nodeName, null, null, ''));
      for (const pod of list) body.appendChild(podRow(pod));
    }
  } else {
    for (const pod of shownPods) body.appendChild(podRow(pod));
  }
  if (pods.length === 0) body.appendChild(el(doc, 'p', { class: 'empty', text: `The ${kind} created no pods during the simulation.` }));

  function jobHead(job: TimelineJob): HTMLElement {
    const result = job.result ?? 'Running';
    const end = job.finishedAt ?? job.deletedAt ?? null;
    const title = [
      `job/${job.name}: ${result}${job.reason ? ` (${job.reason})` : ''}`,
      job.scheduledTime ? `scheduled ${job.scheduledTime}` : '',
      `created ${when(job.createdAt)}`,
      job.finishedAt !== null && job.finishedAt !== undefined ? `finished ${when(job.finishedAt)}` : '',
      job.deletedAt !== null && job.deletedAt !== undefined ? `deleted ${when(job.deletedAt)}` : '',
      job.message ?? '',
    ]
      .filter(Boolean)
      .join('\n');
    return groupHead(
      [
        el(doc, 'span', { class: 'group-name', text: `job/${job.name}` }),
        el(doc, 'span', { class: `result-badge result-${kindSlug(result)}`, text: result }),
      ],
      title,
      job.createdAt,
      end,
      `job-span result-${kindSlug(result)}`,
    );
  }

  const gantt = el(doc, 'div', { class: 'gantt' }, [underlay, head, body, overlay]);
  const hiddenRows = pods.length - shownPods.length;
  root.appendChild(
    el(doc, 'section', { class: 'gantt-section', attrs: { 'aria-label': 'Pods over time' } }, [
      el(doc, 'div', { class: 'section-head' }, [el(doc, 'h2', { text: 'Pods' }), legend(doc)]),
      gantt,
      hiddenRows > 0 ? el(doc, 'p', { class: 'note', text: `${plural(hiddenRows, 'more pod')} not drawn (the first ${maxRows} are).` }) : null,
    ]),
  );

  // ---- details of the selected pod ------------------------------------------------------------------------
  const details = el(doc, 'section', { class: 'pod-details', attrs: { 'aria-label': 'Selected pod', 'aria-live': 'polite' } });
  root.appendChild(details);

  // ---- final status, effective spec, notes ----------------------------------------------------------------
  const statusRows = flatten(timeline.status ?? {}, 6);
  const specRows = flatten(timeline.effectiveSpec ?? {}, 6);
  root.appendChild(
    el(doc, 'div', { class: 'panels' }, [
      el(doc, 'details', { class: 'panel panel-status', attrs: { open: true } }, [
        el(doc, 'summary', { text: `Final status at ${formatOffset(duration)}` }),
        keyValueTable(doc, statusRows, 'No status fields.'),
      ]),
      el(doc, 'details', { class: 'panel panel-spec', attrs: { open: true } }, [
        el(doc, 'summary', { text: 'Effective spec (defaults applied)' }),
        keyValueTable(doc, specRows, 'No spec fields.'),
      ]),
    ]),
  );
  if (conditions.length > 0) {
    root.appendChild(
      el(doc, 'details', { class: 'panel panel-conditions', attrs: { open: true } }, [
        el(doc, 'summary', { text: `Conditions (${conditions.length})` }),
        el(doc, 'div', { class: 'table-wrap' }, [conditionsTable(doc, conditions, when)]),
      ]),
    );
  }
  if ((timeline.notes ?? []).length > 0) {
    root.appendChild(
      el(doc, 'details', { class: 'panel panel-notes' }, [
        el(doc, 'summary', { text: `Assumptions (${timeline.notes.length})` }),
        el(doc, 'ul', {}, timeline.notes.map((n) => el(doc, 'li', { text: n }))),
      ]),
    );
  }

  // ---- events ---------------------------------------------------------------------------------------------
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const kindOfName = objectKinds(timeline);
  const eventRows = events.slice(0, maxEvents).map((event) => {
    const row = el(doc, 'tr', { class: `event type-${event.type === 'Warning' ? 'warning' : 'normal'}` }, [
      el(doc, 'td', { class: 'event-time', text: formatOffset(event.at), attrs: { title: clock(event.at) } }),
      el(doc, 'td', { class: 'event-type', text: event.type }),
      el(doc, 'td', { class: 'event-reason', text: event.reason }),
      el(doc, 'td', { class: 'event-object', text: `${kindSlug(event.kind || kindOfName.get(event.object) || '')}/${event.object}`.replace(/^\//, '') }),
      el(doc, 'td', { class: 'event-message', text: event.message }),
    ]);
    return { event, row };
  });
  const warningsOnly = el(doc, 'input', { attrs: { type: 'checkbox' } });
  warningsOnly.checked = options.warningsOnly ?? false;
  const eventTable = el(doc, 'table', { class: 'events-table' }, [
    el(doc, 'thead', {}, [
      el(doc, 'tr', {}, ['TIME', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } }))),
    ]),
    el(doc, 'tbody', {}, eventRows.map((r) => r.row)),
  ]);
  const warnings = events.filter((e) => e.type === 'Warning').length;
  root.appendChild(
    el(doc, 'section', { class: 'events', attrs: { 'aria-label': 'Events' } }, [
      el(doc, 'div', { class: 'section-head' }, [
        el(doc, 'h2', { text: `Events (${events.length})` }),
        el(doc, 'label', { class: 'toggle' }, [warningsOnly, ` Warnings only (${warnings})`]),
      ]),
      events.length === 0
        ? el(doc, 'p', { class: 'empty', text: 'No events.' })
        : el(doc, 'div', { class: 'table-wrap', attrs: { tabindex: 0, role: 'region', 'aria-label': 'Events table' } }, [eventTable]),
      events.length > maxEvents ? el(doc, 'p', { class: 'note', text: `${plural(events.length - maxEvents, 'later event')} not listed.` }) : null,
    ]),
  );
  const applyWarningsOnly = (): void => {
    root.classList.toggle('warnings-only', warningsOnly.checked);
  };
  warningsOnly.addEventListener('change', () => {
    applyWarningsOnly();
    options.onWarningsOnlyChange?.(warningsOnly.checked);
  });
  applyWarningsOnly();

  // ---- behaviour ------------------------------------------------------------------------------------------
  function setTime(t: number, notify = false): void {
    currentTime = clampTime(t);
    if (range.value !== String(currentTime)) range.value = String(currentTime);
    cursor.style.left = `${pct(currentTime)}%`;
    timeOffset.textContent = formatOffset(currentTime);
    // `2026-01-01 ` and `00:02:08Z`: narrow panels show the time of day only
    const wall = clock(currentTime);
    const space = wall.indexOf(' ');
    clockDate.textContent = wall.slice(0, space + 1);
    clockTime.textContent = wall.slice(space + 1);
    timeClock.title = wall;
    const counts = countsAt(pods, currentTime);
    clear(countsBox);
    for (const state of COUNTED_STATES) {
      countsBox.appendChild(
        el(doc, 'span', { class: `count count-${state}${counts[state] === 0 ? ' zero' : ''}` }, [
          el(doc, 'span', { class: `swatch seg-${state}`, attrs: { 'aria-hidden': 'true' } }),
          `${STATE_LABELS[state]} `,
          el(doc, 'strong', { text: String(counts[state]) }),
        ]),
      );
    }
    if (kind === 'CronJob') {
      const activeJobs = jobs.filter((j) => j.createdAt <= currentTime && (j.finishedAt ?? j.deletedAt ?? Infinity) > currentTime).length;
      countsBox.appendChild(el(doc, 'span', { class: 'count count-jobs' }, ['Active Jobs ', el(doc, 'strong', { text: String(activeJobs) })]));
    }
    const running: string[] = [];
    for (const row of rows) {
      const state = podStateAt(row.pod, currentTime);
      if (state !== row.state) {
        if (row.state) row.element.classList.remove(`at-${row.state}`);
        row.element.classList.add(`at-${state}`);
        row.state = state;
      }
      if (state === 'running' || state === 'ready') running.push(row.pod.name);
    }
    for (const pod of pods) if (!shownSet.has(pod)) { const s = podStateAt(pod, currentTime); if (s === 'running' || s === 'ready') running.push(pod.name); }
    runningList.textContent =
      running.length === 0
        ? `No pod is running at ${formatOffset(currentTime)}.`
        : `Running at ${formatOffset(currentTime)}: ${running.slice(0, 12).join(', ')}${running.length > 12 ? ` and ${running.length - 12} more` : ''}.`;
    range.setAttribute(
      'aria-valuetext',
      `${formatOffset(currentTime)}, ${clock(currentTime)}: ${COUNTED_STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATE_LABELS[s].toLowerCase()}`).join(', ') || 'no pods'}`,
    );
    for (const { event, row } of eventRows) row.classList.toggle('future', event.at > currentTime + 1e-9);
    if (notify) options.onTimeChange?.(currentTime);
  }

  const nextStop = (dir: 1 | -1): number => {
    const eps = 1e-6;
    if (dir > 0) return stops.find((t) => t > currentTime + eps) ?? to;
    for (let i = stops.length - 1; i >= 0; i--) if (stops[i] < currentTime - eps) return stops[i];
    return from;
  };
  range.addEventListener('input', () => setTime(Number(range.value), true));
  range.addEventListener('keydown', (e) => {
    let t: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') t = e.shiftKey ? currentTime + span / 100 : nextStop(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') t = e.shiftKey ? currentTime - span / 100 : nextStop(-1);
    else if (e.key === 'PageUp') t = currentTime + span / 10;
    else if (e.key === 'PageDown') t = currentTime - span / 10;
    else if (e.key === 'Home') t = from;
    else if (e.key === 'End') t = to;
    if (t === undefined) return;
    e.preventDefault();
    setTime(t, true);
  });
  prevButton.addEventListener('click', () => setTime(nextStop(-1), true));
  nextButton.addEventListener('click', () => setTime(nextStop(1), true));

  function select(podName: string | undefined, notify = false): void {
    const previous = selected !== undefined ? rowByName.get(selected) : undefined;
    previous?.element.setAttribute('aria-selected', 'false');
    previous?.element.classList.remove('selected');
    const row = podName !== undefined ? rowByName.get(podName) : undefined;
    selected = row ? podName : undefined;
    if (row) {
      row.element.setAttribute('aria-selected', 'true');
      row.element.classList.add('selected');
      body.setAttribute('aria-activedescendant', row.element.id);
      if (notify) row.element.scrollIntoView({ block: 'nearest' });
    } else {
      body.removeAttribute('aria-activedescendant');
    }
    renderDetails(row?.pod);
    if (notify) options.onSelectPod?.(selected);
  }

  body.addEventListener('keydown', (e) => {
    if (rows.length === 0) return;
    const index = selected !== undefined ? rows.findIndex((r) => r.pod.name === selected) : -1;
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index < 0 ? 0 : index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, Math.max(0, index) + 10);
    else if (e.key === 'PageUp') next = Math.max(0, index - 10);
    else if (e.key === 'Escape') {
      select(undefined, true);
      e.preventDefault();
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    select(rows[next].pod.name, true);
  });

  function renderDetails(pod: TimelinePod | undefined): void {
    clear(details);
    if (!pod) {
      details.appendChild(el(doc, 'p', { class: 'hint', text: 'Select a pod (click its row, or focus the chart and use ↑ / ↓) to see its times, exit code and events.' }));
      return;
    }
    const time = (t: number | null | undefined): string => (t === null || t === undefined ? '—' : when(t));
    const facts: [string, string][] = [
      ['Phase at the end', `${pod.phase}${pod.reason ? ` (${pod.reason})` : ''}`],
      ['Exit code', pod.exitCode === null || pod.exitCode === undefined ? '—' : String(pod.exitCode)],
      ['Node', pod.node ?? 'not scheduled'],
      ['Owner', pod.owner ? `${kindSlug(pod.owner.kind)}/${pod.owner.name}` : pod.job ? `job/${pod.job}` : '—'],
      ...(pod.index !== null && pod.index !== undefined ? [['Completion index', `${pod.index}${pod.attempt ? ` (attempt ${pod.attempt})` : ''}`] as [string, string]] : []),
      ...(pod.revision !== null && pod.revision !== undefined ? [['Revision', String(pod.revision)] as [string, string]] : []),
      ['Created', time(pod.createdAt)],
      ['Scheduled', time(pod.scheduledAt)],
      ['Started', time(pod.startedAt)],
      ['Ready', time(pod.readyAt)],
      ['Finished', time(pod.finishedAt)],
      ['Deletion requested', time(pod.deletedAt)],
      ...(pod.deletedBy ? [['Deleted by', pod.deletedBy] as [string, string]] : []),
      ['Gone', time(pod.goneAt)],
      ['Restarts', String(pod.restarts ?? 0)],
    ];
    const runs = runsOf(pod);
    const podEvents = events.filter((e) => e.object === pod.name);
    details.appendChild(
      el(doc, 'div', { class: 'section-head' }, [
        el(doc, 'h2', {}, ['Pod ', el(doc, 'span', { class: 'pod-name', text: pod.name })]),
        el(doc, 'button', { class: 'link-button', text: 'Close', attrs: { type: 'button' } }),
      ]),
    );
    details.querySelector('.link-button')?.addEventListener('click', () => {
      select(undefined, true);
      body.focus();
    });
    details.appendChild(keyValueTable(doc, facts, ''));
    if (runs.length > 1) {
      details.appendChild(
        el(doc, 'table', { class: 'runs-table' }, [
          el(doc, 'thead', {}, [el(doc, 'tr', {}, ['RUN', 'STARTED', 'READY', 'FINISHED', 'EXIT', 'REASON'].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
          el(
            doc,
            'tbody',
            {},
            (pod.runs ?? []).map((r, i) =>
              el(doc, 'tr', {}, [
                el(doc, 'td', { text: String(i + 1) }),
                el(doc, 'td', { text: formatOffset(r.startedAt) }),
                el(doc, 'td', { text: r.readyAt === null ? '—' : formatOffset(r.readyAt) }),
                el(doc, 'td', { text: r.finishedAt === null ? '—' : formatOffset(r.finishedAt) }),
                el(doc, 'td', { text: r.exitCode === null ? '—' : String(r.exitCode) }),
                el(doc, 'td', { text: r.reason ?? '' }),
              ]),
            ),
          ),
        ]),
      );
    }
    details.appendChild(
      podEvents.length === 0
        ? el(doc, 'p', { class: 'empty', text: 'No events for this pod.' })
        : el(doc, 'ul', { class: 'pod-events' }, podEvents.map((e) => el(doc, 'li', { class: e.type === 'Warning' ? 'type-warning' : '' }, [el(doc, 'span', { class: 'event-time', text: formatOffset(e.at) }), ' ', el(doc, 'strong', { text: e.reason }), ' ', e.message]))),
    );
  }

  /**
   * Places what depends on measured widths: a bar's label after the bar, else before it, else inside it; a
   * flag pointing right from its instant, else left, in the first of three rows where it overlaps nothing.
   * Measures everything at once, then places everything, so the page is laid out once more, not once per item.
   */
  function layout(): void {
    const gap = 6;
    // about one tick label per 100 px
    if (axisTrack.clientWidth > 0) drawTicks(Math.min(10, Math.max(2, Math.floor(axisTrack.clientWidth / 100))));
    for (const group of flagGroups) for (const flag of group) flag.element.style.maxWidth = '';
    const labelWidths = barLabels.map((l) => [l.track.clientWidth, l.element.offsetWidth] as const);
    const flagWidths = flagGroups.map((group) => group.map((f) => [(f.element.parentElement?.clientWidth ?? 0), f.element.offsetWidth] as const));
    barLabels.forEach((label, i) => {
      const [width, w] = labelWidths[i];
      if (!width) return;
      const start = (label.start / 100) * width;
      const end = (label.end / 100) * width;
      placeLabel(label, end + gap + w <= width ? 'after' : start - gap - w >= 0 ? 'before' : 'inside');
    });
    flagGroups.forEach((group, g) => {
      const rowEnds: number[] = [];
      group.forEach((flag, i) => {
        const [width, w] = flagWidths[g][i];
        if (!width) return;
        const x = (flag.at / 100) * width;
        const fitsRight = x + w <= width;
        const pointsLeft = !fitsRight && (x - w >= 0 || x > width / 2);
        // too wide for either side: shortened (with an ellipsis) to the room on the larger side
        flag.element.style.maxWidth = fitsRight || x - w >= 0 ? '' : `${Math.floor(pointsLeft ? x : width - x)}px`;
        const shown = Math.min(w, pointsLeft ? x : width - x);
        const [a, b] = pointsLeft ? [x - shown, x] : [x, x + shown];
        let row = rowEnds.findIndex((endOfRow) => a >= endOfRow + gap);
        if (row < 0) row = rowEnds.length < 3 ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
        rowEnds[row] = b;
        flag.element.classList.remove('row-0', 'row-1', 'row-2');
        flag.element.classList.add(`row-${row}`);
        flag.element.classList.toggle('flag-end', pointsLeft);
      });
      const track = group[0]?.element.parentElement;
      if (track && rowEnds.length > 0) track.style.setProperty('--rows', String(rowEnds.length));
    });
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

  setTime(currentTime);
  select(selected);

  return {
    element: root,
    podCount: rows.length,
    range: { from, to },
    time: () => currentTime,
    setTime: (t) => setTime(t),
    selectPod: (podName) => select(podName),
    layout,
  };
}

// ---- pieces ---------------------------------------------------------------------------------------------

function legend(doc: Document): HTMLElement {
  const items: [string, string][] = [
    ['pending', 'Pending'],
    ['running', 'Running, not ready'],
    ['ready', 'Running, ready'],
    ['succeeded', 'Succeeded'],
    ['failed', 'Failed'],
    ['terminating', 'Terminating'],
  ];
  return el(
    doc,
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    items.map(([state, label]) => el(doc, 'li', {}, [el(doc, 'span', { class: `swatch seg-${state}`, attrs: { 'aria-hidden': 'true' } }), label])),
  );
}

function keyValueTable(doc: Document, rows: readonly [string, unknown][], empty: string): HTMLElement {
  if (rows.length === 0) return el(doc, 'p', { class: 'empty', text: empty });
  return el(doc, 'table', { class: 'kv' }, [
    el(
      doc,
      'tbody',
      {},
      rows.map(([key, value]) => el(doc, 'tr', {}, [el(doc, 'th', { text: key, attrs: { scope: 'row' } }), el(doc, 'td', { text: formatValue(value) })])),
    ),
  ]);
}

function conditionsTable(doc: Document, conditions: readonly TimelineCondition[], when: (t: number) => string): HTMLElement {
  return el(doc, 'table', { class: 'conditions-table' }, [
    el(doc, 'thead', {}, [el(doc, 'tr', {}, ['TIME', 'OBJECT', 'TYPE', 'STATUS', 'REASON', 'MESSAGE'].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
    el(
      doc,
      'tbody',
      {},
      conditions.map((c) =>
        el(doc, 'tr', { class: BAD_CONDITIONS.has(c.type) && c.status !== 'False' ? 'tone-bad' : GOOD_CONDITIONS.has(c.type) && c.status !== 'False' ? 'tone-good' : '' }, [
          el(doc, 'td', { text: formatOffset(c.at), attrs: { title: when(c.at) } }),
          el(doc, 'td', { text: c.kind ? `${kindSlug(c.kind)}/${c.object}` : c.object }),
          el(doc, 'td', { text: c.type }),
          el(doc, 'td', { text: c.status ?? 'True' }),
          el(doc, 'td', { text: c.reason }),
          el(doc, 'td', { text: c.message }),
        ]),
      ),
    ),
  ]);
}

/** The bar's short label: how the pod ended, or what it still does at the end. */
function barLabel(pod: TimelinePod, end: number): { text: string; tone: string } {
  const restarts = pod.restarts > 0 ? ` ↻${pod.restarts}` : '';
  const state = podStateAt(pod, end);
  const ran = pod.startedAt !== null && pod.startedAt !== undefined && pod.finishedAt !== null && pod.finishedAt !== undefined ? formatDuration(pod.finishedAt - pod.startedAt) : '';
  const deletedAt = pod.deletedAt ?? null;
  if (deletedAt !== null && deletedAt <= end && (pod.finishedAt === null || pod.finishedAt === undefined || deletedAt <= pod.finishedAt)) {
    // stopped by a deletion rather than by itself: say why, if the timeline tells (`daemonset-controller: rolling update`)
    const why = pod.deletedBy ? pod.deletedBy.split(': ').pop() : pod.reason;
    return { text: `deleted${why ? ` · ${why}` : ''}${restarts}`, tone: 'muted' };
  }
  if (pod.finishedAt !== null && pod.finishedAt !== undefined && pod.finishedAt <= end) {
    if (pod.phase === 'Succeeded' || (pod.phase !== 'Failed' && pod.exitCode === 0)) {
      return { text: `✓ ${ran || 'done'}${restarts}`, tone: 'good' };
    }
    const parts = [pod.exitCode !== null && pod.exitCode !== undefined ? `exit ${pod.exitCode}` : '', pod.reason ?? '', ran].filter(Boolean);
    return { text: `✗ ${parts.join(' · ') || 'failed'}${restarts}`, tone: 'bad' };
  }
  if (state === 'ready' || state === 'running') return { text: `running${restarts}`, tone: 'neutral' };
  return { text: `pending${pod.reason ? ` · ${pod.reason}` : ''}${restarts}`, tone: 'warn' };
}

function podTooltip(pod: TimelinePod, when: (t: number) => string): string {
  const line = (label: string, t: number | null | undefined): string => (t === null || t === undefined ? '' : `${label} ${when(t)}`);
  return [
    pod.name,
    [pod.node ? `node ${pod.node}` : 'not scheduled', pod.index !== null && pod.index !== undefined ? `index ${pod.index}` : '', pod.revision !== null && pod.revision !== undefined ? `revision ${pod.revision}` : '']
      .filter(Boolean)
      .join(' · '),
    line('created', pod.createdAt),
    line('started', pod.startedAt),
    line('ready', pod.readyAt),
    line('finished', pod.finishedAt),
    line('deletion requested', pod.deletedAt),
    pod.deletedBy ? `deleted by ${pod.deletedBy}` : '',
    `phase ${pod.phase}${pod.exitCode !== null && pod.exitCode !== undefined ? ` · exit code ${pod.exitCode}` : ''}${pod.reason ? ` · ${pod.reason}` : ''}`,
    pod.restarts > 0 ? plural(pod.restarts, 'restart') : '',
  ]
    .filter(Boolean)
    .join('\n');
}

interface Outcome {
  readonly tone: 'good' | 'bad' | 'warn' | 'neutral';
  readonly icon: string;
  readonly text: string;
}

function outcomeOf(
  timeline: Timeline,
  kind: string,
  name: string,
  conditions: readonly TimelineCondition[],
  jobs: readonly TimelineJob[],
): Outcome {
  const at = (t: number): string => formatOffset(t);
  if (kind === 'CronJob') {
    const by = (result: string): number => jobs.filter((j) => j.result === result).length;
    const skipped = (timeline.markers ?? []).filter((m) => NOT_STARTED_RUNS.has(m.kind)).reduce((n, m) => n + runsInMarker(m.description), 0);
    const parts = [`${by('Complete')} complete`, by('Failed') ? `${by('Failed')} failed` : '', by('Replaced') ? `${by('Replaced')} replaced` : '', by('Running') ? `${by('Running')} running` : '', skipped ? `${plural(skipped, 'run')} skipped` : ''].filter(Boolean);
    const tone = by('Failed') > 0 ? 'bad' : skipped > 0 || by('Replaced') > 0 ? 'warn' : 'good';
    return { tone, icon: tone === 'bad' ? '✗' : tone === 'warn' ? '!' : '✓', text: `${plural(jobs.length, 'Job')}: ${parts.join(', ')}` };
  }
  if (kind === 'DaemonSet') {
    const s = timeline.status ?? {};
    const num = (k: string): number | undefined => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
    const desired = num('desiredNumberScheduled');
    const ready = num('numberReady');
    const updated = num('updatedNumberScheduled');
    const unavailable = num('numberUnavailable') ?? 0;
    if (desired !== undefined && ready !== undefined) {
      const text = `${ready}/${desired} ready${updated !== undefined ? ` · ${updated} updated` : ''}${unavailable ? ` · ${unavailable} unavailable` : ''}${timeline.truncated ? ' when the simulation stopped' : ''}`;
      const good = ready === desired && (updated === undefined || updated === desired);
      return { tone: good ? 'good' : 'warn', icon: good ? '✓' : '!', text };
    }
  }
  const terminal = [...conditions]
    .reverse()
    .find((c) => c.status !== 'False' && (c.object === name || !c.object) && (GOOD_CONDITIONS.has(c.type) || BAD_CONDITIONS.has(c.type) || c.type === 'Suspended'));
  if (terminal) {
    const bad = BAD_CONDITIONS.has(terminal.type);
    const text = `${terminal.type}${terminal.reason ? ` · ${terminal.reason}` : ''} at ${at(terminal.at)}${terminal.message ? ` — ${terminal.message}` : ''}`;
    return { tone: bad ? 'bad' : terminal.type === 'Suspended' ? 'warn' : 'good', icon: bad ? '✗' : terminal.type === 'Suspended' ? '⏸' : '✓', text };
  }
  if (timeline.truncated) return { tone: 'warn', icon: '…', text: `Still running when the simulation stopped at ${at(timeline.duration ?? 0)}` };
  return { tone: 'neutral', icon: '•', text: 'No terminal condition' };
}

/** Items with an `at`, grouped by equal times, in time order. */
function mergeByTime<T extends { readonly at: number }>(items: readonly T[]): { at: number; items: T[] }[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(item.at);
    if (list) list.push(item);
    else groups.set(item.at, [item]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([at, list]) => ({ at, items: list }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Name → kind for every object the timeline mentions (events name objects by name only in old timelines). */
function objectKinds(timeline: Timeline): Map<string, string> {
  const map = new Map<string, string>();
  if (timeline.object) map.set(timeline.object.name, timeline.object.kind);
  for (const job of timeline.jobs ?? []) map.set(job.name, 'Job');
  for (const pod of timeline.pods ?? []) map.set(pod.name, 'Pod');
  return map;
}

// ---- the other views ------------------------------------------------------------------------------------

export interface ErrorViewOptions {
  readonly sourceLabel?: string;
  /** Offers "Run again". */
  readonly onRetry?: () => void;
  readonly hint?: string;
}

/** Why there is no timeline. */
export function renderError(doc: Document, message: string, options: ErrorViewOptions = {}): HTMLElement {
  const retry = options.onRetry ? el(doc, 'button', { class: 'button', text: 'Run again', attrs: { type: 'button' } }) : null;
  if (retry && options.onRetry) retry.addEventListener('click', options.onRetry);
  return el(doc, 'main', { class: 'preview preview-error' }, [
    el(doc, 'header', { class: 'summary' }, [
      el(doc, 'h1', { class: 'title', text: 'Rollout preview' }),
      options.sourceLabel ? el(doc, 'p', { class: 'subtitle', text: options.sourceLabel }) : null,
    ]),
    el(doc, 'div', { class: 'banner banner-error', attrs: { role: 'alert' } }, [
      el(doc, 'span', { class: 'banner-icon', text: '✗', attrs: { 'aria-hidden': 'true' } }),
      el(doc, 'span', { class: 'error-message', text: message }),
    ]),
    options.hint ? el(doc, 'p', { class: 'hint', text: options.hint }) : null,
    retry,
  ]);
}

/** A simulation runs and nothing was shown yet. */
export function renderLoading(doc: Document, sourceLabel?: string): HTMLElement {
  return el(doc, 'main', { class: 'preview preview-loading', attrs: { 'aria-busy': 'true' } }, [
    el(doc, 'header', { class: 'summary' }, [
      el(doc, 'h1', { class: 'title', text: 'Rollout preview' }),
      sourceLabel ? el(doc, 'p', { class: 'subtitle', text: sourceLabel }) : null,
    ]),
    el(doc, 'p', { class: 'loading', attrs: { role: 'status' } }, [el(doc, 'span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Simulating…']),
  ]);
}

