import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lint, parseManifests, splitDocuments } from '../../../server/src/core';
import { countLineBreaks, LineIndex } from '../../../server/src/core/parse/lineIndex';
import { piJob } from '../../fixtures/manifests';

const cut = (text: string) => splitDocuments(text).map((c) => [text.slice(c.start, c.end), c.line]);

test('a file is cut before each --- line, with the line each piece starts on', () => {
  assert.deepEqual(cut('a: 1\n---\nb: 2\n--- # c\nc: 3\n'), [
    ['a: 1\n', 0],
    ['---\nb: 2\n', 1],
    ['--- # c\nc: 3\n', 3],
  ]);
});

test('only a --- at the start of a line followed by a blank or the end is a document marker', () => {
  assert.deepEqual(cut('a: "---"\n  --- x\n----\nb: ---\n---'), [
    ['a: "---"\n  --- x\n----\nb: ---\n', 0],
    ['---', 4],
  ]);
});

test('directives stay with the document they precede, CRLF and lone CR count as line ends', () => {
  assert.deepEqual(cut('a: 1\n...\n%YAML 1.2\n---\nb: 2\n'), [
    ['a: 1\n...\n', 0],
    ['%YAML 1.2\n---\nb: 2\n', 2],
  ]);
  assert.deepEqual(cut('a: 1\r\n---\r\nb: 2\r---\rc'), [
    ['a: 1\r\n', 0],
    ['---\r\nb: 2\r', 1],
    ['---\rc', 3],
  ]);
});

test('the pieces hold the same documents as the whole file', () => {
  const texts = [
    '# only a comment\n---\na: 1\n---\n---\nb: 2\n...\nc: 3\n',
    '---\n---\n',
    '',
    'key: |\n  text\n---\nnext: 1\n',
    '{}p\nm\n---\napiVersion: v1\n',
  ];
  for (const text of texts) {
    const whole = parseAllDocuments(text);
    const pieces = splitDocuments(text).flatMap((c) => {
      const docs = parseAllDocuments(text.slice(c.start, c.end));
      return Array.isArray(docs) ? docs : [];
    });
    assert.equal(pieces.length, Array.isArray(whole) ? whole.length : 0, JSON.stringify(text));
    assert.deepEqual(
      pieces.map((d) => d.toJS()),
      (Array.isArray(whole) ? whole : []).map((d) => d.toJS()),
    );
  }
});

test('positions count LF, CRLF and lone CR line ends and never go past a line’s end', () => {
  const index = new LineIndex('ab\r\ncd\re\nf', 10);
  assert.deepEqual(index.positionAt(0), { line: 10, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 10, character: 2 });
  // The LF of a CRLF is inside the line break: the position is the line's end.
  assert.deepEqual(index.positionAt(3), { line: 10, character: 2 });
  assert.deepEqual(index.positionAt(4), { line: 11, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 12, character: 0 });
  assert.deepEqual(index.positionAt(99), { line: 13, character: 1 });
  assert.equal(countLineBreaks('ab\r\ncd\re\nf'), 3);
});

const JOB = piJob('      restartPolicy: Always\n');

test('findings after a scalar the parser rejects over several lines stay on their lines', () => {
  const text = `{}p\nm\n---\n${JOB}`;
  const line = text.split('\n').findIndex((l) => l.includes('restartPolicy'));
  const finding = lint(text).findings.find((f) => f.ruleId === 'job-restart-policy');
  assert.equal(finding?.range.start.line, line);
  // The same without cutting the file: positions come from the text, not from what the parser counted.
  const [, job] = parseManifests(text).documents;
  assert.equal(job.sourceMap.locate(['spec', 'template', 'spec', 'restartPolicy']).value?.start.line, line);
});

test('with CRLF line ends every range lies inside its line', () => {
  const text = `${JOB}---\nkind: Job\nmetadata: {name: "x\n`.replace(/\n/g, '\r\n');
  const lines = text.split(/\r\n/);
  for (const finding of lint(text).findings) {
    for (const at of [finding.range.start, finding.range.end]) {
      assert.ok(at.line < lines.length && at.character <= lines[at.line].length, `${finding.message} ${JSON.stringify(finding.range)}`);
    }
  }
});
