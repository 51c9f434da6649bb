/**
 * kubectl's tabwriter counts a cell's width in runes (UTF-8 characters), not in UTF-16 units: a name with an
 * emoji (two units, one rune) or Chinese characters (one unit, one rune each) pads its column as kubectl does.
 * And `kubectl get pods` asked at several times of one Timeline gives each time's own table, sorted by name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Timeline, TimelinePod } from '../../../server/src/core/engine/timeline';
import { getPods } from '../../../server/src/core/engine/views/kubectl';
import { formatTable } from '../../../server/src/core/engine/views/table';

const cases: { name: string; rows: string[][]; output: string }[] = [
  { name: 'ASCII cells', rows: [['NAME', 'X'], ['abc', '1']], output: 'NAME   X\nabc    1\n' },
  // five runes, ten UTF-16 units: the column is 5 + 3 wide, not 13
  { name: 'emoji (surrogate pairs)', rows: [['NAME', 'X'], ['😀😀😀😀😀', '1']], output: 'NAME    X\n😀😀😀😀😀   1\n' },
  { name: 'Chinese characters', rows: [['NAME', 'X'], ['名字名字名', '1']], output: 'NAME    X\n名字名字名   1\n' },
  { name: 'a lone surrogate counts as one rune', rows: [['NAME', 'X'], ['ab\ud800cd', '1']], output: 'NAME    X\nab\ud800cd   1\n' },
];

for (const c of cases) {
  test(`tabwriter widths: ${c.name}`, () => assert.equal(formatTable(c.rows), c.output));
}

function pod(name: string, createdAt: number, goneAt: number | null): TimelinePod {
  return {
    name, job: null, node: 'node-1', index: null, attempt: null, createdAt, scheduledAt: createdAt, startedAt: null, readyAt: null, finishedAt: null, deletedAt: null, goneAt,
    deletedBy: null, phase: 'Pending', exitCode: null, reason: null, containers: 1, restarts: 0, runs: [], conditions: [],
  } as unknown as TimelinePod;
}

test('kubectl get pods at several times of one Timeline: each time its own pods, by name', () => {
  const timeline = { object: { kind: 'Deployment', name: 'web', namespace: 'default' }, pods: [pod('web-c', 0, 50), pod('web-a', 10, null), pod('web-b', 30, null)] } as unknown as Timeline;
  const names = (t: number): string[] => getPods(timeline, t).trim().split('\n').slice(1).map((line) => line.split(' ')[0]);
  assert.deepEqual(names(20), ['web-a', 'web-c']);
  assert.deepEqual(names(40), ['web-a', 'web-b', 'web-c']);
  assert.deepEqual(names(60), ['web-a', 'web-b']);
  assert.deepEqual(names(5), ['web-c']);
  assert.equal(getPods(timeline, -1), 'No resources found in default namespace.\n');
});
