/**
 * documentChunks cuts text that arrives in pieces exactly as splitDocuments cuts the whole text, wherever the
 * pieces happen to end (mid-line, mid-marker, between the CR and LF of a line end).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDocuments } from '../../../server/src/core';
import { documentChunks, DocumentTooBig, type TextChunk } from '../../../server/src/cli/documentStream';

async function* piecesOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function streamed(text: string, pieceSize: number, minCutChars: number, maxChunkChars = Infinity): Promise<TextChunk[]> {
  const chunks: TextChunk[] = [];
  for await (const chunk of documentChunks(piecesOf(text, pieceSize), maxChunkChars, minCutChars)) chunks.push(chunk);
  return chunks;
}

function whole(text: string): TextChunk[] {
  return splitDocuments(text).map((chunk) => ({ text: text.slice(chunk.start, chunk.end), line: chunk.line }));
}

const JOB = (i: number, eol: string) =>
  ['apiVersion: batch/v1', 'kind: Job', `metadata: { name: job-${i} }`, 'spec:', '  template:', '    spec: { restartPolicy: Never }'].join(eol) + eol;

const TEXTS: Record<string, string> = {
  'LF, --- between documents': Array.from({ length: 12 }, (_, i) => JOB(i, '\n')).join('---\n'),
  'CRLF': Array.from({ length: 12 }, (_, i) => JOB(i, '\r\n')).join('---\r\n'),
  'lone CR': Array.from({ length: 12 }, (_, i) => JOB(i, '\r')).join('---\r'),
  'leading ---, comments, directives, ---- lines that are not markers, no final line end':
    '---\n# Source: chart/a.yaml\na: 1\n----\nb: |\n  ---not a marker\n%YAML 1.2\n---\nc: 2\n--- # comment\nd: 3\n...\n---',
  'markers with a tab or at the very end': 'a: 1\n---\tx: 1\n---',
  'empty text': '',
  'no line break at all': 'a: 1',
};

for (const [name, text] of Object.entries(TEXTS)) {
  test(`pieces of any size give the chunks of the whole text: ${name}`, async () => {
    const expected = whole(text);
    for (const pieceSize of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      for (const minCutChars of [1, 4, 16, 100]) {
        assert.deepEqual(await streamed(text, pieceSize, minCutChars), expected, `pieces of ${pieceSize}, cut from ${minCutChars}`);
      }
    }
  });
}

test('a document longer than the limit stops the stream with its first line', async () => {
  const text = `a: 1\n---\nb: ${'x'.repeat(500)}\n---\nc: 3\n`;
  await assert.rejects(streamed(text, 16, 16, 200), (error: unknown) => {
    assert.ok(error instanceof DocumentTooBig);
    assert.equal(error.line, 1);
    return true;
  });
  // At the limit or under it, all is well.
  assert.deepEqual(await streamed(text, 16, 16, 600), whole(text));
});
