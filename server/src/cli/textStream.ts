/**
 * A file's text as a stream of pieces, never whole: `lint` reads files of any size (rendered charts of
 * thousands of documents) while holding only the documents it is checking. Same rules as readTextFile:
 * UTF-8, or UTF-16 after a byte order mark (the mark dropped), and NUL bytes mean it is not a text file.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { InputError, NOT_TEXT, STDIN } from './files';

/** How much is read at once. */
const READ_BYTES = 1 << 20;

/** Yields the decoded text of `path` (STDIN: standard input) piece by piece; throws on read errors and NUL bytes. */
export async function* readTextPieces(path: string): AsyncGenerator<string, void, undefined> {
  // The caller checked it is a regular file (expandPaths), so opening it cannot block.
  const stream = path === STDIN ? process.stdin : createReadStream(path, { highWaterMark: READ_BYTES });
  let decoder: TextDecoder | undefined;
  /** The first bytes, until there are two to tell a byte order mark by. */
  let first: Buffer | undefined;
  try {
    for await (const block of stream as AsyncIterable<Buffer | string>) {
      let bytes = typeof block === 'string' ? Buffer.from(block) : block;
      if (decoder === undefined) {
        first = first === undefined ? bytes : Buffer.concat([first, bytes]);
        if (first.length < 2) continue;
        decoder = new TextDecoder(encodingOf(first));
        bytes = first;
        first = undefined;
      }
      yield checked(decoder.decode(bytes, { stream: true }));
    }
    yield checked(decoder === undefined ? new TextDecoder('utf-8').decode(first) : decoder.decode());
  } finally {
    if (path !== STDIN) (stream as ReturnType<typeof createReadStream>).destroy();
  }
}

function checked(text: string): string {
  if (text.includes('\0')) throw new InputError(NOT_TEXT);
  return text;
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
