/**
 * A file's `---` documents found without parsing: a line starting with `---` (then a space, a tab or the
 * line's end) starts a document in every YAML context (YAML 1.2 §9.1.4, "c-forbidden"), so the text can be
 * cut there and each piece parsed alone. The language server re-parses only the pieces an edit touched; the
 * CLI never holds a whole file's syntax tree.
 */
import { countLineBreaks } from './lineIndex';

export interface DocumentChunk {
  /** Offsets in the file: [start, end). A chunk starts at a line start; the next one starts at its end. */
  readonly start: number;
  readonly end: number;
  /** The line of `start`, counted from 0. */
  readonly line: number;
}

/**
 * Cuts `text` (from `from`, a line start, to `to`, the file's end or a chunk's start) before each `---` line,
 * keeping `%` directive lines with the `---` they precede. `line` is the line number of `from`.
 */
export function splitDocuments(text: string, from = 0, to = text.length, line = 0): DocumentChunk[] {
  const starts = [from];
  for (let i = text.indexOf('---', from + 1); i !== -1 && i < to; i = text.indexOf('---', i + 3)) {
    if (!isLineStart(text, i) || !endsMarker(text, i + 3)) continue;
    const start = withDirectives(text, i, starts[starts.length - 1]);
    if (start > starts[starts.length - 1]) starts.push(start);
  }
  const chunks: DocumentChunk[] = [];
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : to;
    chunks.push({ start: starts[k], end, line });
    line += countLineBreaks(text, starts[k], end);
  }
  return chunks;
}

function isLineStart(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return offset === 0 || before === 10 || before === 13;
}

function endsMarker(text: string, offset: number): boolean {
  if (offset >= text.length) return true;
  const c = text.charCodeAt(offset);
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Moves a cut up over the `%YAML` / `%TAG` lines right above it: they belong to the document that follows. */
function withDirectives(text: string, cut: number, floor: number): number {
  let start = cut;
  while (start > floor) {
    const previous = lineStartBefore(text, start);
    if (text.charCodeAt(previous) !== 37 /* % */) break;
    start = previous;
  }
  return start;
}

function lineStartBefore(text: string, lineStart: number): number {
  let i = lineStart - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return Math.max(i, 0);
}
