import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileAnalysis, lint, type TextChange } from '../../server/src/core';
import { Random } from '../../server/src/core/engine/random';

const EXAMPLES = join(__dirname, '../../../examples');

/** Every example manifest in one multi-document file: a realistic mix of kinds, mistakes and comments. */
function corpus(): string {
  return readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.yaml') && !name.includes('.scenario.'))
    .sort()
    .map((name) => readFileSync(join(EXAMPLES, name), 'utf8').replace(/^---\n/, ''))
    .join('---\n');
}

/** The engine's seeded generator (mulberry32), so a run can be replayed from its seed. */
function random(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const PIECES = ['x', '\n', '---\n', '  ', ': ', '-', '"', '{', 'restartPolicy: Always\n', '\r\n', '{{ .Values.x }}', '#', 'kind: Job\n'];

/** Edits such as typing, deleting lines, adding and removing document markers. */
function randomChange(text: string, next: () => number): TextChange {
  const start = Math.floor(next() * (text.length + 1));
  const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 40)));
  const newText = next() < 0.3 ? '' : PIECES[Math.floor(next() * PIECES.length)];
  return { start, end, newText };
}

function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.newText + text.slice(change.end);
}

test('after any sequence of edits the incremental findings are those of linting the new text from scratch', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const next = random(seed);
    let text = corpus();
    const analysis = new FileAnalysis({});
    analysis.reset(text);
    assert.deepEqual(analysis.findings(), lint(text).findings);
    for (let step = 0; step < 25; step++) {
      // Several changes between two refreshes, as one LSP notification may carry.
      const batch = 1 + Math.floor(next() * 3);
      for (let i = 0; i < batch; i++) {
        const change = randomChange(text, next);
        analysis.edit(change);
        text = apply(text, change);
      }
      analysis.refresh(text);
      assert.deepEqual(analysis.findings(), lint(text).findings, `seed ${seed}, step ${step}`);
      assert.deepEqual(
        analysis.documents().map((d) => d.kind ?? ''),
        lint(text).documentKinds,
        `seed ${seed}, step ${step}`,
      );
    }
  }
});

test('a keystroke in one document lints that document again and only moves the others', () => {
  const job = (i: number) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: job-${i}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: c\n        image: busybox\n`;
  let text = Array.from({ length: 50 }, (_, i) => job(i)).join('---\n');
  const analysis = new FileAnalysis({});
  analysis.reset(text);
  const before = analysis.findings();
  // A new line at the top of document 10 moves every later finding one line down.
  const at = text.indexOf('name: job-10');
  const change = { start: at, end: at, newText: 'labels: {}\n  ' };
  analysis.edit(change);
  text = apply(text, change);
  analysis.refresh(text);
  const after = analysis.findings();
  assert.equal(after.length, before.length);
  for (let i = 0; i < before.length; i++) {
    const moved = before[i].document >= 10 ? 1 : 0;
    assert.equal(after[i].range.start.line, before[i].range.start.line + moved);
  }
  // The documents far from the edit keep their finding objects' content, and the hover parse finds document 30.
  const found = analysis.documentAtOffset(text.indexOf('name: job-30'));
  assert.equal(found?.document.name, 'job-30');
  assert.equal(found?.document.index, 30);
  assert.equal(analysis.documentAtIndex(42)?.document.name, 'job-42');
});

test('a Helm placeholder anywhere makes the file one finding, and removing it brings the findings back', () => {
  let text = corpus();
  const analysis = new FileAnalysis({});
  analysis.reset(text);
  const findings = analysis.findings();
  const at = text.indexOf('name:');
  const change = { start: at + 6, end: at + 6, newText: '{{ .Release.Name }}-' };
  analysis.edit(change);
  text = apply(text, change);
  analysis.refresh(text);
  assert.deepEqual(analysis.findings(), lint(text).findings);
  assert.equal(analysis.findings().length, 1);
  analysis.edit({ start: at + 6, end: at + 6 + change.newText.length, newText: '' });
  analysis.refresh(apply(text, { start: at + 6, end: at + 6 + change.newText.length, newText: '' }));
  assert.deepEqual(analysis.findings(), findings);
});
