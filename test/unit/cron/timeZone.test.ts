import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isKnownTimeZone, loadLocation, scheduleTZError, validateScheduleFormat, validateTimeZone } from '../../../server/src/core/cron';
import { zoneFor } from '../../../server/src/core/cron/timeZone';
import { TZDATA_NAMES } from '../../../server/src/core/cron/tzdataNames';
import { intlZone } from '../../../server/src/core/cron/zoneOffset';

const root = path.resolve(__dirname, '../../../..');
const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/cron', name), 'utf8')) as T;

interface ValidationCases {
  timeZone: { name: string; timeZone: string | null; errors: string[] }[];
  knownDifferences: { timeZone: string; ours: string[] }[];
  scheduleTZ: { name: string; schedule: string; allowTZInSchedule: boolean; timeZoneSet: boolean; errors: string[] }[];
}
const cases = fixture<ValidationCases>('k8s-validation-cases.json');

test('validateTimeZone: TestValidateCronJob timeZone cases and Go LoadLocation semantics', () => {
  for (const c of cases.timeZone) assert.deepEqual(validateTimeZone(c.timeZone), c.errors, `${c.name} (${JSON.stringify(c.timeZone)})`);
});

test('validateTimeZone: documented differences from an API server on a Debian zoneinfo tree', () => {
  for (const c of cases.knownDifferences) assert.deepEqual(validateTimeZone(c.timeZone), c.ours, c.timeZone);
});

test('validateScheduleFormat: TestValidateCronJobScheduleTZ and the parse error', () => {
  for (const c of cases.scheduleTZ) {
    const options = { allowTZInSchedule: c.allowTZInSchedule, timeZoneSet: c.timeZoneSet };
    assert.deepEqual(validateScheduleFormat(c.schedule, options), c.errors, c.name);
    const tz = c.errors.find((e) => e.includes('TZ or CRON_TZ')) ?? null;
    assert.equal(scheduleTZError(c.schedule, options), tz, c.name);
  }
});

test('every tzdata name is known and, but Factory, has Intl offsets', () => {
  const missing: string[] = [];
  for (const name of TZDATA_NAMES) {
    assert.ok(isKnownTimeZone(name), name);
    assert.deepEqual(validateTimeZone(name), [], name);
    if (name !== 'Factory' && intlZone(name) === null) missing.push(name);
  }
  assert.deepEqual(missing, []);
  assert.equal(zoneFor('Factory').offsetSeconds(0), 0);
});

test('every Intl canonical zone is known (exact case), and case variants are not', () => {
  for (const name of Intl.supportedValuesOf('timeZone')) {
    assert.ok(isKnownTimeZone(name), name);
    // Intl accepts any case; Go's file lookup does not.
    if (name.toLowerCase() !== name) assert.equal(isKnownTimeZone(name.toLowerCase()), false, name.toLowerCase());
  }
});

test('loadLocation: Go time.LoadLocation', () => {
  assert.deepEqual(loadLocation(''), { ok: true, location: 'UTC' });
  assert.deepEqual(loadLocation('UTC'), { ok: true, location: 'UTC' });
  assert.deepEqual(loadLocation('Local'), { ok: true, location: null });
  assert.deepEqual(loadLocation('Asia/Tokyo'), { ok: true, location: 'Asia/Tokyo' });
  assert.deepEqual(loadLocation('Asia/../Tokyo'), { ok: false, error: 'time: invalid location name' });
  assert.deepEqual(loadLocation('/Asia/Tokyo'), { ok: false, error: 'time: invalid location name' });
  assert.deepEqual(loadLocation('\\Asia'), { ok: false, error: 'time: invalid location name' });
  assert.deepEqual(loadLocation('asia/tokyo'), { ok: false, error: 'unknown time zone asia/tokyo' });
});

test('zone offsets from Intl: DST, half hours, whole-second LMT offsets, a transition inside a minute', () => {
  const at = (zone: string, iso: string): number => zoneFor(zone).offsetSeconds(Date.parse(iso) / 1000);
  assert.equal(at('America/New_York', '2024-03-10T06:59:59Z'), -5 * 3600);
  assert.equal(at('America/New_York', '2024-03-10T07:00:00Z'), -4 * 3600);
  assert.equal(at('America/New_York', '2024-11-03T05:59:59Z'), -4 * 3600);
  assert.equal(at('America/New_York', '2024-11-03T06:00:00Z'), -5 * 3600);
  assert.equal(at('Asia/Kolkata', '2024-01-01T00:00:00Z'), 5.5 * 3600);
  assert.equal(at('Australia/Lord_Howe', '2024-01-01T00:00:00Z'), 11 * 3600);
  assert.equal(at('Australia/Lord_Howe', '2024-07-01T00:00:00Z'), 10.5 * 3600);
  assert.equal(at('Etc/GMT+5', '2024-07-01T00:00:00Z'), -5 * 3600);
  assert.equal(at('America/New_York', '1883-11-18T16:00:00Z'), -(4 * 3600 + 56 * 60 + 2));
  // Monrovia moved from -0:44:30 to GMT at 1972-01-07 00:44:30 UTC, half way through a minute.
  assert.equal(at('Africa/Monrovia', '1972-01-07T00:44:29Z'), -(44 * 60 + 30));
  assert.equal(at('Africa/Monrovia', '1972-01-07T00:44:30Z'), 0);
  assert.equal(at('Africa/Monrovia', '1972-01-07T00:44:00Z'), -(44 * 60 + 30));
});
