/**
 * Custom LSP messages between the extension (client/) and the language server (server/src/lsp/).
 * One const per method, with the side that sends it; the method strings appear nowhere else.
 */
// The one shared place that names LSP message types: both the client and the server import it.
// eslint-disable-next-line no-restricted-imports
import { RequestType } from 'vscode-languageserver-protocol';
import type { Timeline } from '../core/engine/timeline';

export interface SimulateParams {
  /** The manifest's document URI, as the client knows it (`file:`, `untitled:`, ...). */
  uri: string;
  /** 0-based index of the YAML document in a multi-document file; absent: the first Job, CronJob or DaemonSet. */
  documentIndex?: number;
  /** A scenario (design §4.2) as a plain object; absent: the default scenario. */
  scenario?: object;
}

/** Either the timeline, or why there is none (in a sentence a user can act on). */
export type SimulateResult = { timeline: Timeline } | { error: string };

/**
 * Sent by the client (the "Kubernetes: Preview Rollout" command and the open preview panel) to the server:
 * simulate what the controllers do with one object of an open document and return its timeline.
 */
export const simulateRequest = new RequestType<SimulateParams, SimulateResult, void>('k8sDryRun/simulate');
