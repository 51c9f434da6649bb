/**
 * The rollout preview's script in the webview: takes the host's messages (webviewMessages.ts) and composes the
 * page — the scenario bar on top (it stays across re-runs and errors), the chart with "kubectl at t" beside it
 * (side by side when the panel is wide), then the footprint, the effective spec and the assumptions. The time
 * the user scrubs to in the chart drives the kubectl panel and the footprint's cursor. What is shown is kept
 * in the webview state so that a reload comes back at once, and every render is reported to the host.
 */
import type { WhatIf } from '../../../server/src/protocol/whatIf';
import {
  chooseScenarioCommand,
  exportCommand,
  ipcMessage,
  onIpc,
  readyCommand,
  refreshCommand,
  renderedCommand,
  revealCommand,
  saveScenarioCommand,
  setWhatIfCommand,
  showErrorNotification,
  showLoadingNotification,
  showTimelineNotification,
  type IpcCommandType,
  type PersistedPreviewState,
  type PreviewSource,
  type RenderedParams,
  type ScenarioState,
  type ShowErrorParams,
  type ShowTimelineParams,
} from '../../../server/src/protocol/webviewMessages';
import { clear, el } from './dom';
import { documentNumberTooltip, labelWithDocument } from './documentLabel';
import { readL10nBundle, setL10nBundle, t } from './l10n';
import { renderErrorView, renderStaleBanner, type RevealHandler } from './panels/errorView';
import { createFootprintPanel, type FootprintPanel } from './panels/footprintPanel';
import { createKubectlPanel, type KubectlPanel } from './panels/kubectlPanel';
import { renderLoadingView } from './panels/loadingView';
import { problemLines } from './panels/problems';
import { createScenarioBar, type ExportFormat } from './panels/scenarioBar';
import { renderAssumptions, renderSpecPanel } from './panels/specPanel';
import { renderWarnings } from './panels/warningsView';
import { withPanelDefaults } from './panels/timelineDefaults';
import { renderSteps, afterPaint } from './renderSteps';
import { renderTimeline, type TimelineView } from './renderTimeline';
import type { Timeline } from './timelineTypes';

interface WebviewState extends PersistedPreviewState {
  /** The last message shown, to show it again after a reload. */
  readonly shown?: { readonly method: 'showTimeline'; readonly params: ShowTimelineParams } | { readonly method: 'showError'; readonly params: ShowErrorParams };
  /** `Kind/name` of the timeline that `time` and `selectedPod` belong to. */
  readonly objectKey?: string;
  readonly time?: number;
  readonly selectedPod?: string;
  readonly warningsOnly?: boolean;
  readonly whatIfOpen?: boolean;
  readonly specOpen?: boolean;
}

/** The chart view; `svg()` gives the chart as an SVG document (for the export), where the chart offers it. */
type ChartView = TimelineView & { svg?: () => string };

// the words of the display language, before anything is drawn
setL10nBundle(readL10nBundle(document));
const vscode = acquireVsCodeApi<WebviewState>();
let state: WebviewState = vscode.getState() ?? {};
const app = document.getElementById('app') ?? document.body;

let view: ChartView | undefined;
let viewSource: string | undefined;
let kubectl: KubectlPanel | undefined;
let footprintPanel: FootprintPanel | undefined;
let scenario: ScenarioState | undefined;

function post<P>(type: IpcCommandType<P>, params: P): void {
  vscode.postMessage(ipcMessage(type, params));
}

function save(patch: Partial<WebviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** Saving the scrubber position on every input event would serialise the whole timeline each time. */
let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(patch: Partial<WebviewState>): void {
  state = { ...state, ...patch };
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    vscode.setState(state);
  }, 250);
}

function report(params: RenderedParams): void {
  post(renderedCommand, scenario ? { ...params, scenario: scenario.selected } : params);
}

const reveal: RevealHandler = (place) => post(revealCommand, place);

const bar = createScenarioBar(document, {
  onChoose: (id) => post(chooseScenarioCommand, { id }),
  onWhatIf: (whatIf: WhatIf) => post(setWhatIfCommand, { whatIf }),
  onSave: () => post(saveScenarioCommand, {}),
  onExport: (format: ExportFormat) => {
    if (format !== 'svg') return post(exportCommand, { format });
    const svg = view?.svg?.();
    if (svg) post(exportCommand, { format, svg });
  },
  whatIfOpen: state.whatIfOpen,
  onWhatIfOpenChange: (whatIfOpen) => save({ whatIfOpen }),
});
/** Everything below the scenario bar; replaced on every render. */
const body = el(document, 'div', { class: 'preview-body' });
clear(app);
app.append(el(document, 'div', { class: 'preview-app' }, [bar.element, body]));

/** The controls depend on the kind: when the host does not say, the timeline does. */
function withKind(next: ScenarioState | undefined, timeline: Timeline): ScenarioState | undefined {
  if (!next || next.kind !== undefined) return next;
  const spec = timeline.effectiveSpec ?? {};
  const jobTemplate = spec.jobTemplate as { spec?: { completionMode?: unknown } } | undefined;
  const mode = timeline.object.kind === 'CronJob' ? jobTemplate?.spec?.completionMode : spec.completionMode;
  return { ...next, kind: timeline.object.kind, indexed: next.indexed ?? mode === 'Indexed' };
}

function updateBar(next: ScenarioState | undefined): void {
  // An error's scenario state may not name the kind: the controls stay those of the last timeline.
  if (next) scenario = next.kind === undefined && scenario?.kind !== undefined ? { ...next, kind: scenario.kind, indexed: scenario.indexed } : next;
  bar.update(scenario, { hasTimeline: view !== undefined, canExportSvg: typeof view?.svg === 'function' });
}

function replaceBody(...nodes: Node[]): void {
  clear(body);
  body.append(...nodes);
}

/** `file:///w/jobs.yaml` + 1 → `jobs.yaml · document 1` (counted from 0, as `simulate --document`). */
function sourceLabel(source: PreviewSource): string {
  let label = source.sourceUri;
  try {
    const url = new URL(source.sourceUri);
    const last = url.pathname.split('/').filter(Boolean).pop();
    if (last) label = decodeURIComponent(last);
  } catch {
    // not a URL: show it as it is
  }
  return labelWithDocument(label, source.documentIndex);
}

/** The heading of the error and loading states (the chart has its own). */
function plainHeader(source: PreviewSource | undefined): HTMLElement {
  return el(document, 'header', { class: 'summary' }, [
    el(document, 'h1', { class: 'title', text: t('Rollout preview') }),
    source ? el(document, 'p', { class: 'subtitle', text: sourceLabel(source), attrs: { title: documentNumberTooltip(source.documentIndex) } }) : null,
  ]);
}

const objectKey = (timeline: Timeline): string => `${timeline.object?.kind}/${timeline.object?.name}`;
const sourceOf = (p: PreviewSource): PreviewSource =>
  p.documentIndex === undefined ? { sourceUri: p.sourceUri } : { sourceUri: p.sourceUri, documentIndex: p.documentIndex };

function showTimeline(params: ShowTimelineParams): void {
  try {
    renderTimelineView(params);
  } catch (err) {
    // a timeline this view cannot read: say so rather than show half of it
    view = undefined;
    showError({ ...sourceOf(params), message: t('Cannot show this timeline: {0}', err instanceof Error ? err.message : String(err)), documentVersion: params.documentVersion, scenario: params.scenario });
  }
}

/** Counts the timelines and errors shown: a step left for later checks it has not been replaced meanwhile. */
let shownCount = 0;

function renderTimelineView(params: ShowTimelineParams): void {
  const steps = renderSteps(received);
  steps.done('receive');
  const timeline = params.timeline;
  const key = objectKey(timeline);
  // A re-run of the same object (after an edit) keeps the scrubber and the selection where they were.
  const same = state.objectKey === key && state.source?.sourceUri === params.sourceUri;
  const onTimeChange = (time: number): void => {
    kubectl?.setTime(time);
    footprintPanel?.setTime(time);
    saveSoon({ time });
  };
  const chart: ChartView = renderTimeline(document, timeline, {
    time: same ? state.time : undefined,
    selectedPod: same ? state.selectedPod : undefined,
    warningsOnly: state.warningsOnly,
    sourceLabel: sourceLabel(params),
    belowHeader: renderWarnings(document, params.warnings, params.sourceUri, reveal),
    onTimeChange,
    onSelectPod: (selectedPod) => save({ selectedPod }),
  });
  steps.done('chart');
  // A big run (thousands of pods or events): the chart is painted first, the panels come right after it.
  const big = (timeline.pods?.length ?? 0) + (timeline.events?.length ?? 0) > BIG_TIMELINE;
  const shown = ++shownCount;
  // What the scrubber and the selection belong to, at once (the user may scrub before the panels are in).
  state = { ...state, source: sourceOf(params), objectKey: key, time: same ? state.time : undefined, selectedPod: same ? state.selectedPod : undefined, shown: undefined };
  const sidePane = el(document, 'div', { class: 'side-pane' });
  const below = el(document, 'div', { class: 'below' });
  view = chart;
  viewSource = params.sourceUri;
  kubectl = undefined;
  footprintPanel = undefined;
  app.classList.remove('stale');
  app.removeAttribute('aria-busy');
  replaceBody(el(document, 'div', { class: 'workspace' }, [el(document, 'div', { class: 'chart-pane' }, [chart.element]), sidePane]), below);
  // The chart measures its labels once it is in the page.
  chart.layout();
  updateBar(withKind(params.scenario, timeline));
  steps.done('layout');

  const addPanels = (): void => {
    if (shown !== shownCount) return;
    try {
      addPanelsTo(sidePane, below, timeline, chart.time(), big);
    } catch (err) {
      // the chart stays; the panels say why they are missing
      sidePane.append(el(document, 'p', { class: 'note', text: t('Cannot show the panels of this timeline: {0}', err instanceof Error ? err.message : String(err)) }));
    }
    steps.done('panels');
    // The state keeps what a reload shows at once; a big timeline is not copied into it (setState would serialise
    // it all again): after a reload the host sends it once more, as it does on every `ready`.
    save({ shown: big ? undefined : { method: 'showTimeline', params } });
    steps.done('state');
  };
  const reportShown = (): void => {
    if (shown !== shownCount) return;
    steps.done('paint');
    report({
      view: 'timeline',
      podCount: chart.podCount,
      object: key,
      truncated: timeline.truncated === true,
      documentVersion: params.documentVersion,
    });
  };
  if (big) {
    afterPaint(window, () => {
      reportShown();
      setTimeout(addPanels, 0);
    });
  } else {
    addPanels();
    afterPaint(window, reportShown);
  }
}

/** The kubectl panel beside the chart, the footprint, the effective spec and the assumptions below it. */
function addPanelsTo(sidePane: HTMLElement, below: HTMLElement, timeline: Timeline, time: number, big: boolean): void {
  // The panels read fields a Timeline from an older server may lack.
  const complete = withPanelDefaults(timeline);
  const kubectlPanel = createKubectlPanel(document, complete, {
    time,
    warningsOnly: state.warningsOnly,
    onWarningsOnlyChange: (warningsOnly) => save({ warningsOnly }),
    defer: big,
  });
  const footprintView = big ? deferredFootprint(complete, () => kubectlPanel.time()) : safeFootprint(complete, time);
  const spec = renderSpecPanel(document, complete, state.specOpen === true);
  spec.addEventListener('toggle', () => save({ specOpen: (spec as HTMLDetailsElement).open }));
  kubectl = kubectlPanel;
  footprintPanel = footprintView;
  sidePane.append(kubectlPanel.element);
  below.append(footprintView.element, spec, renderAssumptions(document, complete) ?? '');
}

/** The footprint, or why it cannot be drawn (the rest of the preview stays). */
function safeFootprint(timeline: Timeline, time: number): FootprintPanel {
  try {
    return createFootprintPanel(document, timeline, time);
  } catch (err) {
    const element = el(document, 'section', { class: 'footprint' }, [
      el(document, 'h2', { text: t('Footprint') }),
      el(document, 'p', { class: 'note', text: t('Cannot draw the footprint of this timeline: {0}', err instanceof Error ? err.message : String(err)) }),
    ]);
    return { element, setTime: () => undefined };
  }
}

/** Pods plus events above which the panels draw after the chart. */
const BIG_TIMELINE = 5000;

/** A footprint section that fills itself in after the page is shown. */
function deferredFootprint(timeline: Timeline, time: () => number): FootprintPanel {
  const placeholder = el(document, 'section', { class: 'footprint', attrs: { 'aria-busy': 'true' } }, [
    el(document, 'h2', { text: t('Footprint') }),
    el(document, 'p', { class: 'empty', text: t('Computing…') }),
  ]);
  const stub: FootprintPanel = { element: placeholder, setTime: () => undefined };
  setTimeout(() => {
    if (footprintPanel !== stub || !placeholder.isConnected) return;
    const panel = safeFootprint(timeline, time());
    placeholder.replaceWith(panel.element);
    footprintPanel = panel;
  }, 0);
  return stub;
}

function showError(params: ShowErrorParams): void {
  shownCount++;
  const retry = (): void => post(refreshCommand, {});
  app.removeAttribute('aria-busy');
  if (view && viewSource === params.sourceUri) {
    // Keep the last good timeline below, marked out of date: an edit in progress often breaks the manifest.
    app.classList.add('stale');
    body.querySelector('.banner-rerun')?.remove();
    body.insertBefore(renderStaleBanner(document, params, reveal), body.firstChild);
  } else {
    view = undefined;
    viewSource = undefined;
    kubectl = undefined;
    footprintPanel = undefined;
    app.classList.remove('stale');
    replaceBody(plainHeader(params), renderErrorView(document, params, { sourceLabel: sourceLabel(params), onRetry: retry, onReveal: reveal }));
  }
  updateBar(params.scenario);
  save({ source: sourceOf(params), shown: { method: 'showError', params } });
  report({
    view: 'error',
    podCount: 0,
    message: params.message,
    code: params.code,
    documentVersion: params.documentVersion,
    problemCount: problemLines(params.message, params.problems, params.sourceUri).length,
  });
}

function showLoading(params: PreviewSource): void {
  if (view && viewSource === params.sourceUri) {
    app.classList.add('stale');
    app.setAttribute('aria-busy', 'true');
  } else {
    view = undefined;
    viewSource = undefined;
    kubectl = undefined;
    footprintPanel = undefined;
    replaceBody(plainHeader(params), renderLoadingView(document));
    updateBar(undefined);
  }
  save({ source: sourceOf(params) });
  report({ view: 'loading', podCount: view?.podCount ?? 0 });
}

/** When the last message came in (the first step of a render). */
let received: number | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  received = performance.now();
  const message = event.data;
  void (
    onIpc(showTimelineNotification, message, showTimeline) ||
    onIpc(showErrorNotification, message, showError) ||
    onIpc(showLoadingNotification, message, showLoading)
  );
});

// After a reload, show at once what was shown; the host sends the fresh result when it has it.
if (state.shown?.method === 'showTimeline') showTimeline(state.shown.params);
else if (state.shown?.method === 'showError') showError(state.shown.params);
else replaceBody(plainHeader(state.source), renderLoadingView(document));
post(readyCommand, {});
