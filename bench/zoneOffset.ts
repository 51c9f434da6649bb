/**
 * Time zone offsets: the transition table schedules read (zoneTransitions.ts) against asking Intl's formatToParts
 * at each instant, measured on the same seeded instants in the same run. The table's one-time cost (sampling Intl
 * over each year a zone is used in) is reported apart, per zone and year.
 */
import { intlOffsetAt, intlOffsetTable } from '../server/src/core/cron/zoneOffset';
import { Random } from '../server/src/core/engine/random';

export interface ZoneOffsetBenchResult {
  /** Microseconds per offset answered by a table whose years are already built. */
  readonly tableMicrosPerCall: number;
  /** Microseconds per offset answered by formatToParts directly. */
  readonly intlMicrosPerCall: number;
  /** Milliseconds to build one zone's table for one year (366 days). */
  readonly buildMillisPerZoneYear: number;
}

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Africa/Monrovia', 'America/Sao_Paulo'];
const FROM = Date.UTC(2026, 0, 1) / 1000;
const YEARS = 3;

/** The engine's seeded generator (mulberry32), so a run can be replayed from its seed. */
function seeded(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

export function benchZoneOffsets(tableCalls = 2_000_000, intlCalls = 30_000): ZoneOffsetBenchResult {
  const random = seeded(42);
  const instants = Array.from({ length: 65_536 }, () => FROM + Math.floor(random() * YEARS * 366 * 86400));

  // Build: a fresh table per zone, each year asked once.
  let started = performance.now();
  const tables = ZONES.map((name) => {
    const table = intlOffsetTable(name);
    for (let year = 0; year < YEARS; year++) table.offsetSeconds(FROM + year * 366 * 86400 + 43_200);
    return table;
  });
  const buildMillisPerZoneYear = (performance.now() - started) / (ZONES.length * YEARS);
  // Every year the instants touch is built now, so the loop below measures lookups only.
  for (const table of tables) for (const t of instants) table.offsetSeconds(t);

  let sum = 0;
  started = performance.now();
  for (let i = 0; i < tableCalls; i++) sum += tables[i % tables.length]!.offsetSeconds(instants[i & 65_535]!);
  const tableMicrosPerCall = ((performance.now() - started) * 1000) / tableCalls;

  const direct = ZONES.map(intlOffsetAt);
  let check = 0;
  started = performance.now();
  for (let i = 0; i < intlCalls; i++) check += direct[i % direct.length]!.call(undefined, instants[i & 65_535]!);
  const intlMicrosPerCall = ((performance.now() - started) * 1000) / intlCalls;

  // Both sides answer the same: the first intlCalls lookups of the table loop are those instants.
  let expected = 0;
  for (let i = 0; i < intlCalls; i++) expected += tables[i % tables.length]!.offsetSeconds(instants[i & 65_535]!);
  if (expected !== check || !Number.isFinite(sum)) throw new Error(`the table and formatToParts disagree: ${expected} ≠ ${check}`);
  return { tableMicrosPerCall, intlMicrosPerCall, buildMillisPerZoneYear };
}

