/** The engine's building blocks: the agenda, the seeded PRNG and generated names, durations, intervals. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventQueue } from '../../../server/src/core/engine/eventQueue';
import { formatIntervals, firstPendingIndexes, parseIndexes, withOrderedIndexes, hasIndex, total } from '../../../server/src/core/engine/job/indexes';
import { podGenerateNameWithIndex } from '../../../server/src/core/engine/job/manageJob';
import { generateName, NAME_ALPHABET, Random, randomString, streamSeed } from '../../../server/src/core/engine/random';
import { formatRfc3339, parseDuration, parseRfc3339, startTimeFromClock } from '../../../server/src/core/engine/time';

test('the agenda pops by time, then priority, then insertion order (SimPy)', () => {
  const queue = new EventQueue<string>();
  queue.push(5, 1, 'sync@5');
  queue.push(5, 0, 'world@5-a');
  queue.push(1, 1, 'sync@1');
  queue.push(5, 0, 'world@5-b');
  queue.push(0, 9, 'first');
  assert.equal(queue.peekTime(), 0);
  const order: string[] = [];
  for (let entry = queue.pop(); entry; entry = queue.pop()) order.push(entry.item);
  assert.deepEqual(order, ['first', 'sync@1', 'world@5-a', 'world@5-b', 'sync@5']);
  assert.equal(queue.peekTime(), Infinity);
});

test('the agenda stays ordered under many random pushes', () => {
  const queue = new EventQueue<number>();
  const rng = new Random(7);
  for (let i = 0; i < 5000; i++) queue.push(Math.floor(rng.next() * 100), rng.nextUint32() % 3, i);
  let last = { time: -1, priority: -1, seq: -1 };
  for (let entry = queue.pop(); entry; entry = queue.pop()) {
    const ordered = entry.time > last.time || (entry.time === last.time && (entry.priority > last.priority || (entry.priority === last.priority && entry.seq > last.seq)));
    assert.ok(ordered);
    last = entry;
  }
});

test('the PRNG is a pure function of its seed', () => {
  const a = new Random(42);
  const b = new Random(42);
  const draws = Array.from({ length: 10 }, () => a.nextUint32());
  assert.deepEqual(draws, Array.from({ length: 10 }, () => b.nextUint32()));
  assert.notDeepEqual(draws, Array.from({ length: 10 }, () => new Random(43).nextUint32()));
  const floats = Array.from({ length: 1000 }, () => a.next());
  assert.ok(floats.every((f) => f >= 0 && f < 1));
  assert.notEqual(streamSeed(1, 'names'), streamSeed(1, 'failures'));
});

test('generated names: 5 characters from apimachinery\'s alphabet, base cut to 58', () => {
  const rng = new Random(1);
  const name = generateName('pi-', rng);
  assert.match(name, /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const long = generateName(`${'x'.repeat(70)}-`, rng);
  assert.equal(long.length, 63);
  const counts = new Map<string, number>();
  for (const c of randomString(new Random(3), 27_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
  assert.equal(counts.size, NAME_ALPHABET.length);
  for (const n of counts.values()) assert.ok(n > 800 && n < 1200, `uniform: ${n}`);
});

test('indexed pod names keep the index when the Job name is long (podGenerateNameWithIndex)', () => {
  assert.equal(podGenerateNameWithIndex('pi', 3), 'pi-3-');
  const name = podGenerateNameWithIndex('a'.repeat(60), 123);
  assert.equal(name.length, 58);
  assert.ok(name.endsWith('-123-'));
});

test('durations: Go-style strings or seconds', () => {
  assert.deepEqual(parseDuration('90s'), { ms: 90_000 });
  assert.deepEqual(parseDuration('5m'), { ms: 300_000 });
  assert.deepEqual(parseDuration('2h'), { ms: 7_200_000 });
  assert.deepEqual(parseDuration('1h30m'), { ms: 5_400_000 });
  assert.deepEqual(parseDuration('1.5h'), { ms: 5_400_000 });
  assert.deepEqual(parseDuration('250ms'), { ms: 250 });
  assert.deepEqual(parseDuration('2d'), { ms: 172_800_000 });
  assert.deepEqual(parseDuration(45), { ms: 45_000 });
  assert.deepEqual(parseDuration('0'), { ms: 0 });
  for (const bad of ['', '5', '5x', '-5s', 'h', '1h 30m', true, null, -1]) assert.ok('error' in parseDuration(bad), String(bad));
});

test('RFC 3339 instants', () => {
  assert.equal(parseRfc3339('2026-01-01T00:00:00Z'), Date.UTC(2026, 0, 1));
  assert.equal(parseRfc3339('2026-01-01T02:00:00+02:00'), Date.UTC(2026, 0, 1));
  assert.equal(parseRfc3339('2026-01-01T00:00:00.5Z'), Date.UTC(2026, 0, 1) + 500);
  assert.equal(parseRfc3339('2026-02-30T00:00:00Z'), undefined);
  assert.equal(parseRfc3339('2026-01-01'), undefined);
  assert.equal(formatRfc3339(Date.UTC(2026, 0, 1, 12)), '2026-01-01T12:00:00Z');
});

test('completion indexes as intervals (indexed_job_utils.go)', () => {
  const intervals = withOrderedIndexes([], [2, 4, 5, 7, 8, 9]);
  assert.equal(formatIntervals(intervals), '2,4,5,7-9');
  assert.equal(total(intervals), 6);
  assert.ok(hasIndex(intervals, 8) && !hasIndex(intervals, 6));
  assert.deepEqual(parseIndexes('1,3-5,7', 5), [{ first: 1, last: 1 }, { first: 3, last: 4 }]);
  assert.deepEqual(parseIndexes('x,2-y,4', 10), [{ first: 4, last: 4 }]);
  assert.deepEqual(firstPendingIndexes(parseIndexes('0,2-3', 10), 3, 10), [1, 4, 5]);
  assert.deepEqual(firstPendingIndexes([], 5, 3), [0, 1, 2]);
});

test('a run started from the wall clock starts on a whole second, as Kubernetes writes timestamps', () => {
  assert.equal(startTimeFromClock(new Date('2026-12-07T18:32:27.247Z')), '2026-12-07T18:32:27Z');
  assert.equal(startTimeFromClock(new Date('2026-12-07T18:32:27Z')), '2026-12-07T18:32:27Z');
});
