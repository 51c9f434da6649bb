/**
 * Cuts a stream of text pieces into `---` document chunks (core's splitDocuments) as they arrive, so a file
 * is checked a few documents at a time and never held whole.
 */
import { splitDocuments } from '../core/parse/documentChunks';

export interface TextChunk {
  /** The chunk's text: one or more whole documents. */
  readonly text: string;
  /** The file line of its first line, counted from 0. */
  readonly line: number;
}

/** A document too big to check; the file is checked up to its first line. */
export class DocumentTooBig extends Error {
  constructor(
    readonly line: number,
    readonly chars: number,
  ) {
    super(`a document bigger than the limit starts at line ${line + 1}`);
  }
}

/** Pieces are cut only once this much text waits, or as much as waited at the last cut (linear time overall). */
export const MIN_CUT_CHARS = 1 << 20;

/**
 * Yields the chunks of the text whose pieces `pieces` yields, in order. A chunk is yielded once the next one
 * has begun (or the text has ended); throws DocumentTooBig when more than `maxChunkChars` of text have no cut.
 */
export async function* documentChunks(
  pieces: AsyncIterable<string>,
  maxChunkChars: number,
  minCutChars = MIN_CUT_CHARS,
): AsyncGenerator<TextChunk, void, undefined> {
  let pending = '';
  let line = 0;
  let cutAt = minCutChars;
  for await (const piece of pieces) {
    pending += piece;
    if (pending.length < cutAt) continue;
    // Only complete lines: a `---` at the very end may turn out to be `----`, a lone CR half of a CRLF.
    const to = lastLineBreak(pending) + 1;
    const chunks = splitDocuments(pending, 0, to, line);
    for (let k = 0; k < chunks.length - 1; k++) yield { text: pending.slice(chunks[k].start, chunks[k].end), line: chunks[k].line };
    const last = chunks[chunks.length - 1];
    pending = pending.slice(last.start);
    line = last.line;
    if (pending.length > maxChunkChars) throw new DocumentTooBig(line, pending.length);
    cutAt = Math.max(minCutChars, 2 * pending.length);
  }
  for (const chunk of splitDocuments(pending, 0, pending.length, line)) {
    if (chunk.end - chunk.start > maxChunkChars) throw new DocumentTooBig(chunk.line, chunk.end - chunk.start);
    yield { text: pending.slice(chunk.start, chunk.end), line: chunk.line };
  }
}

function lastLineBreak(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
}
