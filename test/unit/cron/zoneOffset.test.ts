/**
 * Time zone offsets come from a table of transitions built from Intl (zoneTransitions.ts); every answer must be the
 * one Intl's formatToParts gives for the same instant.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intlOffsetAt, intlOffsetTable, intlZone } from '../../../server/src/core/cron/zoneOffset';
import { OffsetTable, type Transition } from '../../../server/src/core/cron/zoneTransitions';
import { Random } from '../../../server/src/core/engine/random';

const at = (iso: string): number => Date.parse(iso) / 1000;
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const shown = (transitions: Transition[]): string[] => transitions.map((t) => `${iso(t.at)} ${t.before} → ${t.after}`);

/** The engine's seeded generator (mulberry32), so a run can be replayed from its seed. */
function seeded(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Africa/Monrovia', // -0:44:30 until 1972
  'Asia/Kolkata', // +5:30, +6:30 in the war years
  'Australia/Lord_Howe', // half-hour DST
  'Pacific/Apia', // skipped 2011-12-30
  'America/Sao_Paulo', // DST abolished in 2019
  'Europe/Dublin', // negative DST in tzdata
  'Asia/Kathmandu', // +5:45
  'Africa/Casablanca', // DST suspended for Ramadan: changes a month apart
  'America/Noronha', // a one-week DST period in 2000
];

test('the table answers what formatToParts answers: seeded instants and ±1 s around every transition, 12 zones', () => {
  const random = seeded(20261207);
  const from = at('1900-01-01T00:00:00Z');
  const to = at('2040-01-01T00:00:00Z');
  for (const name of ZONES) {
    const direct = intlOffsetAt(name);
    const table = intlOffsetTable(name);
    const transitions = table.transitions(from, to);
    const instants: number[] = [];
    for (const t of transitions) instants.push(t.at - 1, t.at, t.at + 1);
    for (let i = 0; i < 400; i++) instants.push(from + Math.floor(random() * (to - from)));
    // far from now: local mean time, BC years, the far future up to the end of Date's range
    for (let i = 0; i < 12; i++) instants.push(Math.floor((random() * 2 - 1) * 8.64e12));
    instants.push(-8.64e12, 8.64e12, 0, -1);
    for (const t of instants) assert.equal(table.offsetSeconds(t), direct(t), `${name} at ${t}`);
    for (const t of transitions) {
      assert.notEqual(t.before, t.after, `${name} ${iso(t.at)}`);
      assert.equal(direct(t.at - 1), t.before, `${name} just before ${iso(t.at)}`);
      assert.equal(direct(t.at), t.after, `${name} at ${iso(t.at)}`);
    }
    // The zones schedules use are such tables.
    const zone = intlZone(name);
    assert.ok(zone, name);
    for (const t of instants.slice(0, 20)) assert.equal(zone.offsetSeconds(t), direct(t), `${name} zone at ${t}`);
  }
});

test('America/New_York 2026: DST starts 2026-03-08 02:00 EST and ends 2026-11-01 02:00 EDT', () => {
  const table = intlOffsetTable('America/New_York');
  assert.deepEqual(shown(table.transitions(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))), [
    '2026-03-08T07:00:00Z -18000 → -14400',
    '2026-11-01T06:00:00Z -14400 → -18000',
  ]);
});

test('zones with odd offsets and changes', () => {
  const transitions = (name: string, from: string, to: string): string[] => shown(intlOffsetTable(name).transitions(at(from), at(to)));
  // Monrovia Mean Time, -0:44:30, until 1972-01-07 00:00 local: a change at 44 min 30 s past a UTC hour.
  assert.deepEqual(transitions('Africa/Monrovia', '1960-01-01T00:00:00Z', '2000-01-01T00:00:00Z'), ['1972-01-07T00:44:30Z -2670 → 0']);
  assert.deepEqual(transitions('Asia/Kolkata', '1950-01-01T00:00:00Z', '2040-01-01T00:00:00Z'), []);
  assert.equal(intlZone('Asia/Kolkata')!.offsetSeconds(at('2026-06-01T00:00:00Z')), 19800);
  // Lord Howe: +10:30, and +11 in summer (first Sunday of October to first Sunday of April, 02:00 local).
  assert.deepEqual(transitions('Australia/Lord_Howe', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), [
    '2026-04-04T15:00:00Z 39600 → 37800',
    '2026-10-03T15:30:00Z 37800 → 39600',
  ]);
  // Samoa moved across the date line: 2011-12-29 23:59:59 (-10) was followed by 2011-12-31 00:00:00 (+14).
  assert.deepEqual(transitions('Pacific/Apia', '2011-12-01T00:00:00Z', '2012-01-01T00:00:00Z'), ['2011-12-30T10:00:00Z -36000 → 50400']);
  // Brazil abolished DST in 2019: the last change is the end of the 2018/19 summer.
  assert.deepEqual(transitions('America/Sao_Paulo', '2019-01-01T00:00:00Z', '2040-01-01T00:00:00Z'), ['2019-02-17T02:00:00Z -7200 → -10800']);
  // Ireland's winter time is "negative DST" in tzdata; the offsets are what a clock shows all the same.
  assert.deepEqual(transitions('Europe/Dublin', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), [
    '2026-03-29T01:00:00Z 0 → 3600',
    '2026-10-25T01:00:00Z 3600 → 0',
  ]);
});

test('a synthetic zone: changes to the second, two within one day, one on a table span seam, a change at the end of Date', () => {
  const SPAN = 366 * 86400;
  const changes: [number, number][] = [
    [-8.64e12 + 5, -100], // five seconds after the first instant a Date holds
    [-1, 3600],
    [1000, 7200],
    [1000 + 3 * 3600 + 17, 5400], // three hours later: both are found
    [SPAN, 0], // exactly where a span starts
    [2 * SPAN - 1, 1800], // the last second of a span
    [8.64e12, 60], // the last instant a Date holds
  ];
  const offsetAt = (t: number): number => {
    if (!Number.isFinite(t) || Math.abs(t) > 8.64e12) throw new RangeError('Invalid time value');
    let offset = 0;
    for (const [from, value] of changes) if (t >= from) offset = value;
    return offset;
  };
  const table = new OffsetTable(offsetAt);
  const found = new Map<number, number>();
  for (const [from] of changes) for (const t of table.transitions(from - 10 * 86400, from + 10 * 86400)) found.set(t.at, t.after);
  assert.deepEqual([...found].sort((a, b) => a[0] - b[0]), changes);
  for (const [from] of changes) for (const t of [from - 1, from, from + 1]) if (Math.abs(t) <= 8.64e12) assert.equal(table.offsetSeconds(t), offsetAt(t), String(t));
  // Outside Date's range and between seconds the slow function answers itself, as before.
  assert.throws(() => table.offsetSeconds(8.64e12 + 1), RangeError);
  assert.throws(() => table.offsetSeconds(Number.NaN), RangeError);
});

test('Intl zones: unknown names are null, instants beyond a Date are a RangeError, fractions as formatToParts', () => {
  assert.equal(intlZone('Mars/Olympus_Mons'), null);
  const zone = intlZone('America/New_York')!;
  assert.throws(() => zone.offsetSeconds(8.64e12 + 60), RangeError);
  assert.equal(zone.offsetSeconds(0.5), intlOffsetAt('America/New_York')(0.5));
});
