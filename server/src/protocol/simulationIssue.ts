/** Shared by the LSP simulate result and the webview's error view; imports nothing. */

/** One reason a simulation could not run, located where the user can fix it. */
export interface SimulationIssue {
  /** Worded as in the Problems panel: the field path and the API server's message, no `object:` prefix. */
  message: string;
  /** What the problem is in: the manifest, the scenario, or the engine itself. */
  source: 'object' | 'scenario' | 'engine';
  /** The document it is in (the manifest's or the scenario file's URI); absent when it has no place. */
  uri?: string;
  /** 0-based LSP range in that document; absent when the path has no place in the text (a default). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}
