/**
 * formatRfc3339 prints what Date#toISOString prints (RFC 3339 in UTC), without the fraction when it is
 * zero, as Kubernetes writes timestamps; it computes the calendar itself, so it is checked against
 * toISOString over the whole range RFC 3339 can write.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRfc3339, RFC3339_END_MS, RFC3339_FIRST_MS } from '../../../server/src/core/engine/time';

function reference(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const CASES: readonly [string, number, string][] = [
  ['the epoch', 0, '1970-01-01T00:00:00Z'],
  ['a CronJob start', Date.parse('2026-01-01T00:01:00Z'), '2026-01-01T00:01:00Z'],
  ['milliseconds are printed when present', Date.parse('2026-01-01T00:01:00.1Z'), '2026-01-01T00:01:00.100Z'],
  ['a leap day', Date.parse('2024-02-29T23:59:59Z'), '2024-02-29T23:59:59Z'],
  ['before the epoch', Date.parse('1969-12-31T23:59:59.999Z'), '1969-12-31T23:59:59.999Z'],
  ['the first instant RFC 3339 writes', RFC3339_FIRST_MS, '0000-01-01T00:00:00Z'],
  ['the last instant RFC 3339 writes', RFC3339_END_MS - 1, '9999-12-31T23:59:59.999Z'],
  ['a century that is not a leap year', Date.parse('2100-03-01T00:00:00Z'), '2100-03-01T00:00:00Z'],
];

for (const [name, epochMs, expected] of CASES) {
  test(`formatRfc3339: ${name}`, () => {
    assert.equal(formatRfc3339(epochMs), expected);
    assert.equal(formatRfc3339(epochMs), reference(epochMs));
  });
}

test('formatRfc3339 agrees with toISOString across the range, at whole minutes and at odd milliseconds', () => {
  const span = RFC3339_END_MS - RFC3339_FIRST_MS;
  for (let i = 0; i < 20_000; i++) {
    const t = RFC3339_FIRST_MS + Math.floor((span * i) / 20_000);
    for (const epochMs of [t, t - (t % 60_000), t + 999]) if (epochMs < RFC3339_END_MS) assert.equal(formatRfc3339(epochMs), reference(epochMs), String(epochMs));
  }
});

test('formatRfc3339 outside the RFC 3339 range falls back to toISOString', () => {
  assert.equal(formatRfc3339(RFC3339_END_MS), '+010000-01-01T00:00:00Z');
  assert.equal(formatRfc3339(RFC3339_FIRST_MS - 1000), '-000001-12-31T23:59:59Z');
});
