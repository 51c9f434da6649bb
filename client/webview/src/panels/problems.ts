/**
 * Why a manifest cannot be simulated, one line per problem, worded as in the Problems panel: `line:col`
 * (1-based, as editors show it) where the problem has a place, then the message; in the Problems panel's order.
 * Pure; errorView.ts draws it.
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
  return inReadingOrder(unsortedLines(message, problems, sourceUri), sourceUri);
}

/**
 * As the Problems panel lists them: by document (the manifest first, then the others as they first come), then
 * line, then column; problems without a place last. The server reports them in the order its checks ran.
 */
function inReadingOrder(lines: ProblemLine[], sourceUri: string): ProblemLine[] {
  const documents = [sourceUri];
  for (const line of lines) if (line.reveal && !documents.includes(line.reveal.uri)) documents.push(line.reveal.uri);
  const rank = (line: ProblemLine): [number, number, number] =>
    line.reveal ? [documents.indexOf(line.reveal.uri), line.reveal.line, line.reveal.character] : [documents.length, 0, 0];
  // Array.prototype.sort is stable: problems at one place keep the server's order
  return lines
    .map((line) => ({ line, key: rank(line) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map((entry) => entry.line);
}

function unsortedLines(message: string, problems: readonly SimulationIssue[] | undefined, sourceUri: string): ProblemLine[] {
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
