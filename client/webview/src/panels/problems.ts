/**
 * Why a manifest cannot be simulated, one line per problem, worded as in the Problems panel: `line:col`
 * (1-based, as editors show it) where the problem has a place, then the message. Pure; errorView.ts draws it.
 */
import type { SimulationIssue } from '../../../../server/src/protocol/simulationIssue';

export interface ProblemLine {
  /** Where to reveal it: 0-based, as LSP and the `reveal` command take it; absent when it has no place. */
  readonly reveal?: { readonly uri: string; readonly line: number; readonly character: number };
  /** `12:5`, 1-based. */
  readonly location?: string;
  readonly message: string;
  readonly source?: SimulationIssue['source'];
}

/** An older server prefixed each problem with where it came from (`object: spec.completions: ...`). */
export function stripSourcePrefix(message: string): string {
  return message.replace(/^(?:object|scenario): /, '');
}

/**
 * The lines to show: each problem of `problems` (located in its own document, else in `sourceUri`), or, from a
 * host that sends none, the message's lines (one problem per line, as the server joins them).
 */
export function problemLines(message: string, problems: readonly SimulationIssue[] | undefined, sourceUri: string): ProblemLine[] {
  if (problems && problems.length > 0) {
    return problems.map((problem) => {
      const message = stripSourcePrefix(problem.message);
      const start = problem.range?.start;
      if (!start || !Number.isInteger(start.line) || !Number.isInteger(start.character) || start.line < 0 || start.character < 0) {
        return { message, source: problem.source };
      }
      return {
        reveal: { uri: problem.uri ?? sourceUri, line: start.line, character: start.character },
        location: `${start.line + 1}:${start.character + 1}`,
        message,
        source: problem.source,
      };
    });
  }
  return message
    .split(/\r?\n/)
    .map((line) => stripSourcePrefix(line.trim()))
    .filter((line) => line !== '')
    .map((line) => {
      // `12:5: message` (1-based, as the CLI writes a place): a link into the manifest.
      const at = /^(\d+):(\d+): (.*)$/.exec(line);
      if (!at || Number(at[1]) < 1 || Number(at[2]) < 1) return { message: line };
      return {
        reveal: { uri: sourceUri, line: Number(at[1]) - 1, character: Number(at[2]) - 1 },
        location: `${at[1]}:${at[2]}`,
        message: stripSourcePrefix(at[3]),
      };
    });
}
