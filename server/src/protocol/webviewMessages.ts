/**
 * Messages between the rollout preview panel's host (client/src/previewPanel.ts) and its webview
 * (client/webview/src/main.ts), typed the way LSP messages are. Every message is `{ method, params }`:
 *
 * - a *notification* is sent by the host to the webview (what to show);
 * - a *command* is sent by the webview to the host (what happened, what the user asked for).
 *
 * This file imports nothing but types, so the browser bundle can use it as it is.
 */
import type { SimulationIssue } from './simulationIssue';
import type { Timeline } from './timeline';
import type { WhatIf } from './whatIf';

/** A message type: the method name plus, for the compiler only, the type of its params. */
export interface IpcMessageType<Params> {
  readonly method: string;
  /** Never set; carries `Params` so that `onIpc` can type the handler. */
  readonly _params?: Params;
}

/** Sent by the host to the webview. */
export class IpcNotificationType<Params> implements IpcMessageType<Params> {
  declare readonly _params?: Params;
  constructor(readonly method: string) {}
}

/** Sent by the webview to the host. */
export class IpcCommandType<Params> implements IpcMessageType<Params> {
  declare readonly _params?: Params;
  constructor(readonly method: string) {}
}

/** What travels through `postMessage`. */
export interface IpcMessage<Params = unknown> {
  readonly method: string;
  readonly params: Params;
}

/** The message to post for `type`. */
export function ipcMessage<Params>(type: IpcMessageType<Params>, params: Params): IpcMessage<Params> {
  return { method: type.method, params };
}

/** Whether `message` (anything that came through `postMessage`) is of `type`. */
export function isIpc<Params>(type: IpcMessageType<Params>, message: unknown): message is IpcMessage<Params> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { method?: unknown }).method === type.method &&
    typeof (message as { params?: unknown }).params === 'object' &&
    (message as { params?: unknown }).params !== null
  );
}

/** Calls `handler` with the params when `message` is of `type`; returns whether it was. */
export function onIpc<Params>(type: IpcMessageType<Params>, message: unknown, handler: (params: Params) => void): boolean {
  if (!isIpc(type, message)) return false;
  handler(message.params);
  return true;
}

// ---- host → webview -----------------------------------------------------------------------------------------

/** Which object of which document a panel shows; also what a restored panel needs to run again. */
export interface PreviewSource {
  /** The manifest's document URI. */
  readonly sourceUri: string;
  /** The YAML document within the file; absent: the first workload. */
  readonly documentIndex?: number;
}

export interface ShowTimelineParams extends PreviewSource {
  readonly timeline: Timeline;
  /** The document version the timeline was computed from. */
  readonly documentVersion: number;
  /** The scenario in effect and the choices the panel offers. */
  readonly scenario?: ScenarioState;
  /**
   * What the simulation ran despite (SimulateResult.warnings: a scenario event after the end, ...), each with
   * where it is when known; shown under the header as a short list of `line:col` links.
   */
  readonly warnings?: readonly SimulationIssue[];
}

export interface ShowErrorParams extends PreviewSource {
  /** What went wrong, in a sentence (shown as text). */
  readonly message: string;
  /** Why, when known: the server does not offer simulation yet, or it answered with an error. */
  readonly code?: PreviewErrorCode;
  readonly documentVersion?: number;
  /** The problems one by one, each with where it is (shown as a list of `line:col` links). */
  readonly problems?: readonly SimulationIssue[];
  readonly scenario?: ScenarioState;
}

export type PreviewErrorCode =
  /** The language server does not know `k8sDryRun/simulate` (JSON-RPC -32601). */
  | 'methodNotFound'
  /** The language server is not running. */
  | 'serverUnavailable'
  /** The server answered `{ error }`: the document has no object to simulate, or the object is invalid. */
  | 'simulationError'
  /** Anything else: the request failed. */
  | 'requestFailed';

/** Show a timeline. */
export const showTimelineNotification = new IpcNotificationType<ShowTimelineParams>('showTimeline');
/** Show why there is no timeline. */
export const showErrorNotification = new IpcNotificationType<ShowErrorParams>('showError');
/** A simulation is running; the last timeline stays visible, marked as out of date. */
export const showLoadingNotification = new IpcNotificationType<PreviewSource>('showLoading');

// ---- scenarios and what-if ---------------------------------------------------------------------------------

export type { WhatIf } from './whatIf';

/** A scenario the panel offers: the default pods, or a file beside the manifest. */
export interface ScenarioChoice {
  /** `default` (no file: the default pods), or the file's name (`pi-job-backoff.limit.scenario.yaml`). */
  readonly id: string;
  /** What the picker shows: "default pods", "pi-job-backoff.scenario.yaml", "limit". */
  readonly label: string;
  /** The file's URI, for scenario files. */
  readonly uri?: string;
}

/** What the panel knows of the scenario in effect. */
export interface ScenarioState {
  readonly choices: readonly ScenarioChoice[];
  /** The chosen choice's id. */
  readonly selected: string;
  /** The what-if edits over it. */
  readonly whatIf: WhatIf;
  /** The scenario in effect, in words ("pods run 10s; attempts 1–2 fail with exit 1"). */
  readonly summary: string;
  /** The simulated object's kind: which controls apply (failIndex for Indexed Jobs, nodes for DaemonSets). */
  readonly kind?: string;
  /** Whether the Job (or the CronJob's Job template) is Indexed. */
  readonly indexed?: boolean;
}

// ---- webview → host -----------------------------------------------------------------------------------------

/** The webview's script runs and listens: the host (re)sends what it should show. */
export const readyCommand = new IpcCommandType<Record<string, never>>('ready');

/** What the webview shows now. Tests wait for it; the preview command resolves with it. */
export interface RenderedParams {
  readonly view: 'timeline' | 'error' | 'loading';
  /** Pod rows drawn (0 unless `view` is `timeline`). */
  readonly podCount: number;
  /** The error text shown, for `view: 'error'`. */
  readonly message?: string;
  readonly code?: PreviewErrorCode;
  /** The timeline's object (`Job/pi`), for `view: 'timeline'`. */
  readonly object?: string;
  readonly truncated?: boolean;
  readonly documentVersion?: number;
  /** The id of the scenario the panel shows as in effect (ScenarioState.selected), when the host sent one. */
  readonly scenario?: string;
  /** The problems listed, for `view: 'error'` (one per line). */
  readonly problemCount?: number;
}

/** Sent after every render. */
export const renderedCommand = new IpcCommandType<RenderedParams>('rendered');

/** The user asked to run the simulation again (the error view's button). */
export const refreshCommand = new IpcCommandType<Record<string, never>>('refresh');

/** The user picked another scenario in the panel's picker (remembered per manifest). */
export const chooseScenarioCommand = new IpcCommandType<{ readonly id: string }>('chooseScenario');

/** The what-if controls changed; the host re-runs the simulation (debounced). */
export const setWhatIfCommand = new IpcCommandType<{ readonly whatIf: WhatIf }>('setWhatIf');

/** "Save as scenario": the host asks for a name and writes `<stem>.<name>.scenario.yaml`. */
export const saveScenarioCommand = new IpcCommandType<Record<string, never>>('saveScenario');

/**
 * Export: the timeline JSON, the scenario in effect as YAML, or the chart as SVG (the webview draws it and
 * sends the text). The host asks where to write it.
 */
export interface ExportParams {
  readonly format: 'timeline-json' | 'scenario-yaml' | 'svg';
  /** The SVG text, for `svg`. */
  readonly svg?: string;
}
export const exportCommand = new IpcCommandType<ExportParams>('export');

/** Reveal a place in the editor (a problem's `line:col` link). 0-based, as in LSP. */
export interface RevealParams {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}
export const revealCommand = new IpcCommandType<RevealParams>('reveal');

// ---- persisted state ----------------------------------------------------------------------------------------

/**
 * The part of the webview's `setState` that the host reads back: VS Code hands the state to the panel
 * serializer when it restores the panel after a reload, and the host runs the simulation again for `source`.
 */
export interface PersistedPreviewState {
  readonly source?: PreviewSource;
}
