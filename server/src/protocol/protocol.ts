/**
 * Custom LSP messages between the extension (client/) and the language server (server/src/lsp/).
 * One const per method, with the side that sends it; the method strings appear nowhere else.
 */
// The one shared place that names LSP message types: both the client and the server import it.
// eslint-disable-next-line no-restricted-imports
import { RequestType } from 'vscode-languageserver-protocol';
import type { SimulationIssue } from './simulationIssue';
import type { Timeline } from './timeline';
import type { WhatIf } from './whatIf';

export type { SimulationIssue } from './simulationIssue';

export interface SimulateParams {
  /** The manifest's document URI, as the client knows it (`file:`, `untitled:`, ...). */
  uri: string;
  /** 0-based index of the YAML document in a multi-document file; absent: the first Job, CronJob or DaemonSet. */
  documentIndex?: number;
  /** A scenario (design §4.2) as a plain object; absent: the default scenario. Ignored when `scenarioText` is given. */
  scenario?: object;
  /**
   * A scenario file's text (YAML), parsed by the server so that its problems come back with line and column.
   * `whatIf` is applied over it.
   */
  scenarioText?: string;
  /** Where `scenarioText` came from (`file:///w/pi-job.scenario.yaml`), for the problems' locations. */
  scenarioUri?: string;
  /** The preview's what-if edits, applied over the scenario (from `scenarioText` or `scenario`). */
  whatIf?: WhatIf;
}

/** Either the timeline, or why there is none (in a sentence a user can act on). */
export type SimulateResult =
  | {
      timeline: Timeline;
      /** The scenario in effect, in words: "pods run 10s; attempts 1–2 fail with exit 1". */
      scenarioSummary?: string;
      /** Problems that did not stop the run (e.g. a scenario event past the end). */
      warnings?: SimulationIssue[];
      /** The scenario that ran (the file's, with the what-if edits applied) as a plain object: what "Save as scenario" writes. */
      scenario?: object;
    }
  | {
      /** All problems in one text, one per line (older clients show this). */
      error: string;
      /** The same problems, one each, with where they are. */
      problems?: SimulationIssue[];
    };

/**
 * Sent by the client (the "Kubernetes: Preview Rollout" command and the open preview panel) to the server:
 * simulate what the controllers do with one object of an open document and return its timeline.
 */
export const simulateRequest = new RequestType<SimulateParams, SimulateResult, void>('k8sDryRun/simulate');
