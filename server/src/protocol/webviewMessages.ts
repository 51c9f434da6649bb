/**
 * Messages between the rollout preview panel's host (client/src/previewPanel.ts) and its webview
 * (client/webview/src/main.ts), typed the way LSP messages are. Every message is `{ method, params }`:
 *
 * - a *notification* is sent by the host to the webview (what to show);
 * - a *command* is sent by the webview to the host (what happened, what the user asked for).
 *
 * This file imports nothing but types, so the browser bundle can use it as it is.
 */
import type { Timeline } from '../core/engine/timeline';

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
}

export interface ShowErrorParams extends PreviewSource {
  /** What went wrong, in a sentence (shown as text). */
  readonly message: string;
  /** Why, when known: the server does not offer simulation yet, or it answered with an error. */
  readonly code?: PreviewErrorCode;
  readonly documentVersion?: number;
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
}

/** Sent after every render. */
export const renderedCommand = new IpcCommandType<RenderedParams>('rendered');

/** The user asked to run the simulation again (the error view's button). */
export const refreshCommand = new IpcCommandType<Record<string, never>>('refresh');

// ---- persisted state ----------------------------------------------------------------------------------------

/**
 * The part of the webview's `setState` that the host reads back: VS Code hands the state to the panel
 * serializer when it restores the panel after a reload, and the host runs the simulation again for `source`.
 */
export interface PersistedPreviewState {
  readonly source?: PreviewSource;
}
