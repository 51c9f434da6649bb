/**
 * Property: whatever the text, every range a finding or a quick fix carries lies inside the document (each
 * position on an existing line, at most at that line's end) and starts before it ends. Inputs are the
 * examples mutated by a seeded generator: cut, duplicated and inserted text, line ends switched to CRLF or
 * CR, unclosed quotes and brackets, tabs, placeholders.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint, type Position, type Range } from '../../../server/src/core';
import { Random } from '../../../server/src/core/engine/random';

const FOLDERS = [join(__dirname, '../../../../examples'), join(__dirname, '../../../../test/fixtures/seeds')];

/** The engine's seeded generator (mulberry32), so a run can be replayed from its seed. */
function random(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const INSERTS = ['"', "'", '{', '[', '\t', ': ', '- ', '\n', '\r', '\r\n', '---\n', '{{ x }}', '#', '&a ', '*a', '|\n', '0644', 'no', '\u00e9', '\ud83d\ude00'];

function mutate(text: string, next: () => number): string {
  const at = () => Math.floor(next() * (text.length + 1));
  const kind = Math.floor(next() * 5);
  if (kind === 0) return text.replace(/\n/g, next() < 0.5 ? '\r\n' : '\r');
  if (kind === 1) {
    const start = at();
    return text.slice(0, start) + text.slice(Math.min(text.length, start + Math.floor(next() * 60)));
  }
  if (kind === 2) {
    const start = at();
    const piece = text.slice(start, start + Math.floor(next() * 80));
    const into = at();
    return text.slice(0, into) + piece + text.slice(into);
  }
  const into = at();
  return text.slice(0, into) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(into);
}

/** The length of each line, with LSP's line ends: `\n`, `\r\n` and a lone `\r`. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function inside(lines: readonly number[], at: Position): boolean {
  return at.line >= 0 && at.line < lines.length && at.character >= 0 && at.character <= lines[at.line];
}

function ordered(range: Range): boolean {
  return range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
}

test('every finding and fix range lies inside the document, for mutated manifests', { timeout: 120_000 }, () => {
  const sources = FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8')),
  );
  let checked = 0;
  for (let seed = 1; seed <= 500; seed++) {
    const next = random(seed);
    let text = sources[seed % sources.length];
    const rounds = 1 + Math.floor(next() * 4);
    for (let i = 0; i < rounds; i++) text = mutate(text, next);
    const lines = lineLengths(text);
    for (const finding of lint(text).findings) {
      const ranges = [finding.range, ...(finding.fixes ?? []).flatMap((fix) => fix.edits.map((edit) => edit.range))];
      for (const range of ranges) {
        const where = `seed ${seed}: ${finding.ruleId} ${finding.message} ${JSON.stringify(range)}`;
        assert.ok(inside(lines, range.start) && inside(lines, range.end), `outside the document: ${where}`);
        assert.ok(ordered(range), `ends before it starts: ${where}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} ranges checked`);
});
