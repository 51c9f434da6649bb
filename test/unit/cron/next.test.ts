import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nextTime, nextTimes, parseSchedule, type Schedule } from '../../../server/src/core/cron';
import { daysFromCivil } from '../../../server/src/core/cron/civil';
import { everyDelaySeconds, parseGoDuration } from '../../../server/src/core/cron/duration';
import { ParseOption, parseWithOptions, STANDARD_OPTIONS } from '../../../server/src/core/cron/parse';
import { goDate } from '../../../server/src/core/cron/spec/goTime';
import { nextTimesInZone } from '../../../server/src/core/cron/spec/next';
import { zoneFor } from '../../../server/src/core/cron/timeZone';
import { fixedZone, UTC_ZONE, type Zone } from '../../../server/src/core/cron/zoneOffset';

const root = path.resolve(__dirname, '../../../..');
const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/cron', name), 'utf8')) as T;

// ---- upstream's getTime(), in TypeScript -------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface GoTime {
  readonly ms: number;
  readonly zone: Zone;
}

/**
 * spec_test.go getTime: an optional "TZ=<zone> " prefix, then "Mon Jan 2 15:04[:05[.fraction]] 2006" read in that
 * zone (Local = UTC here) through time.Date, or "2006-01-02T15:04:05-0700" (a fixed zone of that offset when there is
 * no prefix). "" is Go's zero time (null).
 */
function parseGoTime(value: string): GoTime | null {
  if (value === '') return null;
  let zone: Zone = UTC_ZONE;
  let prefixed = false;
  if (value.startsWith('TZ=')) {
    const [tz, rest] = value.split(/\s+/) as [string, string];
    zone = zoneFor(tz.slice(3));
    prefixed = true;
    value = rest;
  }
  const layout = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)? (\d{4})$/.exec(value);
  if (layout) {
    const [, mon, day, hh, mm, ss, frac, year] = layout;
    const seconds = goDate(Number(year), MONTHS.indexOf(mon!) + 1, Number(day), Number(hh), Number(mm), Number(ss ?? 0), zone);
    return { ms: seconds * 1000 + Math.round(Number(frac ?? 0) * 1000), zone };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/.exec(value);
  if (iso) {
    const [, y, mo, d, hh, mm, ss, sign, oh, om] = iso;
    const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
    const wall = daysFromCivil(Number(y), Number(mo), Number(d)) * 86400 + Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
    if (!prefixed) zone = offset === 0 ? UTC_ZONE : fixedZone(`${sign}${oh}${om}`, offset);
    return { ms: (wall - offset) * 1000, zone };
  }
  throw new Error(`could not parse time value ${value}`);
}

const PARSERS: Readonly<Record<string, number>> = {
  standard: STANDARD_OPTIONS,
  second: ParseOption.Second | ParseOption.Minute | ParseOption.Hour | ParseOption.Dom | ParseOption.Month | ParseOption.DowOptional | ParseOption.Descriptor,
};

function parseWith(parser: string, spec: string): Schedule {
  const result = parseWithOptions(spec, PARSERS[parser]!);
  if (!result.ok) throw new Error(`${spec}: ${result.error}`);
  return result.schedule;
}

/** sched.Next(t) as upstream calls it: in the schedule's TZ= zone, else in t's location. */
function goNext(schedule: Schedule, t: GoTime): number | null {
  const zone = schedule.kind === 'spec' && schedule.location !== null ? zoneFor(schedule.location) : t.zone;
  return nextTimesInZone(schedule, t.ms, zone, 1)[0] ?? null;
}

const show = (ms: number | null): string => (ms === null ? 'zero time' : new Date(ms).toISOString());

// ---- robfig/cron v3.0.1 spec_test.go and constantdelay_test.go -----------------------------------------------------

interface SpecCases {
  activation: { time: string; spec: string; expected: boolean }[];
  next: { time: string; spec: string; expected: string; parser: string }[];
  nextWithTz: { time: string; spec: string; expected: string; parser: string }[];
  constantDelayNext: { time: string; delay: string; expected: string }[];
}
const spec = fixture<SpecCases>('robfig-spec-cases.json');

test('robfig TestActivation: Next(t - 1s) == t exactly for the matching times', () => {
  for (const c of spec.activation) {
    const t = parseGoTime(c.time)!;
    const actual = goNext(parseWith('standard', c.spec), { ms: t.ms - 1000, zone: t.zone });
    assert.equal(actual === t.ms, c.expected, `${c.spec} on ${c.time}: got ${show(actual)}`);
  }
});

test('robfig TestNext and TestNextWithTz', () => {
  for (const c of [...spec.next, ...spec.nextWithTz]) {
    const actual = goNext(parseWith(c.parser, c.spec), parseGoTime(c.time)!);
    const expected = parseGoTime(c.expected)?.ms ?? null;
    assert.equal(show(actual), show(expected), `${c.time}, "${c.spec}"`);
  }
});

test('robfig TestNext cases with a zero seconds field give the same time through ParseStandard (five fields)', () => {
  let converted = 0;
  for (const c of spec.next) {
    const prefix = /^(?:CRON_)?TZ=\S+ /.exec(c.spec)?.[0] ?? '';
    const fields = c.spec.slice(prefix.length).trim().split(/\s+/);
    if (c.parser !== 'second' || fields.length !== 6 || fields[0] !== '0') continue;
    const standard = `${prefix}${fields.slice(1).join(' ')}`;
    const parsed = parseSchedule(standard);
    assert.ok(parsed.ok, standard);
    const expected = parseGoTime(c.expected)?.ms ?? null;
    assert.equal(show(goNext(parsed.schedule, parseGoTime(c.time)!)), show(expected), `${c.time}, "${standard}"`);
    converted++;
  }
  assert.equal(converted, 52);
});

test('robfig TestConstantDelayNext: Every(delay).Next(t)', () => {
  for (const c of spec.constantDelayNext) {
    const duration = parseGoDuration(c.delay);
    assert.ok(duration.ok, c.delay);
    const schedule: Schedule = { kind: 'every', source: `@every ${c.delay}`, delaySeconds: everyDelaySeconds(duration.nanoseconds) };
    const actual = goNext(schedule, parseGoTime(c.time)!);
    assert.equal(show(actual), show(parseGoTime(c.expected)!.ms), `${c.time}, ${c.delay}`);
  }
});

// ---- our own cases: DST, never firing, strictly after, @every ----------------------------------------------------

interface NextCase {
  name: string;
  schedule: string;
  timeZone: string;
  from: string;
  count: number;
  expected: string[];
}
const ours = fixture<Record<'dst' | 'neverFires' | 'strictlyAfter' | 'every', NextCase[]>>('next-cases.json');

for (const section of ['dst', 'neverFires', 'strictlyAfter', 'every'] as const) {
  test(`nextTimes: ${section}`, () => {
    for (const c of ours[section]) {
      const parsed = parseSchedule(c.schedule);
      assert.ok(parsed.ok, `${c.name}: ${parsed.ok ? '' : parsed.error}`);
      const times = nextTimes(parsed.schedule, { from: Date.parse(c.from), timeZone: c.timeZone, count: c.count });
      assert.deepEqual(times.map(show), c.expected.map((t) => show(Date.parse(t))), c.name);
    }
  });
}

test('nextTime: one step, null for the zero time', () => {
  const feb30 = parseSchedule('0 0 30 2 *');
  const hourly = parseSchedule('@hourly');
  assert.ok(feb30.ok && hourly.ok);
  assert.equal(nextTime(feb30.schedule, Date.parse('2024-01-01T00:00:00Z'), 'UTC'), null);
  assert.equal(nextTime(hourly.schedule, Date.parse('2024-01-01T00:00:00Z'), 'UTC'), Date.parse('2024-01-01T01:00:00Z'));
});

test('nextTimes: zones are loaded as Go loads them', () => {
  const hourly = parseSchedule('0 * * * *');
  assert.ok(hourly.ok);
  const from = Date.parse('2024-01-01T00:30:00Z');
  // Aliases Go finds in tzdata work; a name Go would not find (wrong case, Local) is refused.
  assert.deepEqual(nextTimes(hourly.schedule, { from, timeZone: 'US/Eastern' }), [Date.parse('2024-01-01T01:00:00Z')]);
  assert.deepEqual(nextTimes(hourly.schedule, { from, timeZone: 'Etc/GMT+5' }), [Date.parse('2024-01-01T01:00:00Z')]);
  assert.throws(() => nextTimes(hourly.schedule, { from, timeZone: 'us/eastern' }), /unknown time zone us\/eastern/);
  assert.throws(() => nextTimes(hourly.schedule, { from, timeZone: 'Local' }), RangeError);
  // Etc/GMT+5 is five hours west: 09:00 there is 14:00 UTC.
  const nine = parseSchedule('0 9 * * *');
  assert.ok(nine.ok);
  assert.deepEqual(nextTimes(nine.schedule, { from, timeZone: 'Etc/GMT+5' }), [Date.parse('2024-01-01T14:00:00Z')]);
});

test('nextTimes: a long run stays fast', () => {
  const everyMinute = parseSchedule('* * * * *');
  const feb31 = parseSchedule('0 0 31 2 *');
  assert.ok(everyMinute.ok && feb31.ok);
  const started = performance.now();
  const times = nextTimes(everyMinute.schedule, { from: Date.parse('2024-03-10T00:00:00Z'), timeZone: 'America/New_York', count: 2000 });
  assert.equal(times.length, 2000);
  for (let i = 1; i < times.length; i++) assert.equal(times[i]! - times[i - 1]!, 60_000);
  assert.deepEqual(nextTimes(feb31.schedule, { from: 0, timeZone: 'Europe/Berlin', count: 1 }), []);
  assert.ok(performance.now() - started < 5000, 'took over 5 s');
});
