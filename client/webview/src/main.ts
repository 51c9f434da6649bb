/**
 * The rollout preview's script in the webview: takes the host's messages (webviewMessages.ts), renders them
 * with renderTimeline.ts, keeps what it shows in the webview state so that a reload (the panel hidden and shown
 * again, or VS Code restarted) comes back at once, and reports every render to the host.
 */
import {
  ipcMessage,
  onIpc,
  readyCommand,
  refreshCommand,
  renderedCommand,
  showErrorNotification,
  showLoadingNotification,
  showTimelineNotification,
  type IpcCommandType,
  type PersistedPreviewState,
  type PreviewSource,
  type RenderedParams,
  type ShowErrorParams,
  type ShowTimelineParams,
} from '../../../server/src/protocol/webviewMessages';
import { clear, el } from './dom';
import { renderError, renderLoading, renderTimeline, type TimelineView } from './renderTimeline';
import type { Timeline } from './timelineTypes';

interface WebviewState extends PersistedPreviewState {
  /** The last message shown, to show it again after a reload. */
  readonly shown?: { readonly method: 'showTimeline'; readonly params: ShowTimelineParams } | { readonly method: 'showError'; readonly params: ShowErrorParams };
  /** `Kind/name` of the timeline that `time` and `selectedPod` belong to. */
  readonly objectKey?: string;
  readonly time?: number;
  readonly selectedPod?: string;
  readonly warningsOnly?: boolean;
}

const vscode = acquireVsCodeApi<WebviewState>();
let state: WebviewState = vscode.getState() ?? {};
const app = document.getElementById('app') ?? document.body;
let view: TimelineView | undefined;
let viewSource: string | undefined;

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
  post(renderedCommand, params);
}

function replace(node: HTMLElement): void {
  clear(app);
  app.appendChild(node);
}

/** `file:///w/jobs.yaml` + 1 → `jobs.yaml · document 2`. */
function sourceLabel(source: PreviewSource): string {
  let label = source.sourceUri;
  try {
    const url = new URL(source.sourceUri);
    const last = url.pathname.split('/').filter(Boolean).pop();
    if (last) label = decodeURIComponent(last);
  } catch {
    // not a URL: show it as it is
  }
  return source.documentIndex !== undefined && source.documentIndex > 0 ? `${label} · document ${source.documentIndex + 1}` : label;
}

const objectKey = (timeline: Timeline): string => `${timeline.object?.kind}/${timeline.object?.name}`;
const sourceOf = (p: PreviewSource): PreviewSource =>
  p.documentIndex === undefined ? { sourceUri: p.sourceUri } : { sourceUri: p.sourceUri, documentIndex: p.documentIndex };

function showTimeline(params: ShowTimelineParams): void {
  try {
    renderTimelineView(params);
  } catch (err) {
    // a timeline this view cannot read: say so rather than show half of it
    showError({ ...sourceOf(params), message: `Cannot show this timeline: ${err instanceof Error ? err.message : String(err)}`, documentVersion: params.documentVersion });
  }
}

function renderTimelineView(params: ShowTimelineParams): void {
  const key = objectKey(params.timeline);
  // A re-run of the same object (after an edit) keeps the scrubber and the selection where they were.
  const same = state.objectKey === key && state.source?.sourceUri === params.sourceUri;
  const rendered = renderTimeline(document, params.timeline, {
    time: same ? state.time : undefined,
    selectedPod: same ? state.selectedPod : undefined,
    warningsOnly: state.warningsOnly,
    sourceLabel: sourceLabel(params),
    onTimeChange: (time) => saveSoon({ time }),
    onSelectPod: (selectedPod) => save({ selectedPod }),
    onWarningsOnlyChange: (warningsOnly) => save({ warningsOnly }),
  });
  view = rendered;
  viewSource = params.sourceUri;
  app.classList.remove('stale');
  replace(rendered.element);
  save({
    source: sourceOf(params),
    shown: { method: 'showTimeline', params },
    objectKey: key,
    time: same ? state.time : undefined,
    selectedPod: same ? state.selectedPod : undefined,
  });
  report({
    view: 'timeline',
    podCount: rendered.podCount,
    object: key,
    truncated: params.timeline.truncated === true,
    documentVersion: params.documentVersion,
  });
}

function showError(params: ShowErrorParams): void {
  const retry = (): void => post(refreshCommand, {});
  if (view && viewSource === params.sourceUri) {
    // Keep the last good timeline below, marked out of date: an edit in progress often breaks the manifest.
    app.classList.add('stale');
    app.querySelector('.banner-rerun')?.remove();
    const banner = el(document, 'div', { class: 'banner banner-error banner-rerun', attrs: { role: 'alert' } }, [
      el(document, 'span', { class: 'banner-icon', text: '✗', attrs: { 'aria-hidden': 'true' } }),
      el(document, 'span', {}, [
        el(document, 'strong', { text: 'Could not simulate the current text. ' }),
        el(document, 'span', { class: 'error-message', text: params.message }),
        el(document, 'span', { text: ' The timeline below is from an earlier version.' }),
      ]),
    ]);
    app.insertBefore(banner, app.firstChild);
  } else {
    view = undefined;
    viewSource = undefined;
    app.classList.remove('stale');
    replace(renderError(document, params.message, { sourceLabel: sourceLabel(params), onRetry: retry }));
  }
  save({ source: sourceOf(params), shown: { method: 'showError', params } });
  report({ view: 'error', podCount: 0, message: params.message, code: params.code, documentVersion: params.documentVersion });
}

function showLoading(params: PreviewSource): void {
  if (view && viewSource === params.sourceUri) {
    app.classList.add('stale');
    app.setAttribute('aria-busy', 'true');
  } else {
    view = undefined;
    viewSource = undefined;
    replace(renderLoading(document, sourceLabel(params)));
  }
  save({ source: sourceOf(params) });
  report({ view: 'loading', podCount: view?.podCount ?? 0 });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  app.removeAttribute('aria-busy');
  void (
    onIpc(showTimelineNotification, message, showTimeline) ||
    onIpc(showErrorNotification, message, showError) ||
    onIpc(showLoadingNotification, message, showLoading)
  );
});

// After a reload, show at once what was shown; the host sends the fresh result when it has it.
if (state.shown?.method === 'showTimeline') showTimeline(state.shown.params);
else if (state.shown?.method === 'showError') showError(state.shown.params);
else replace(renderLoading(document, state.source ? sourceLabel(state.source) : undefined));
post(readyCommand, {});
