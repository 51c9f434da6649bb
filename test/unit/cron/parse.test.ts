import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSchedule, type CronField, type Schedule } from '../../../server/src/core/cron';
import {
  allOf,
  getBits,
  getField,
  getRange,
  normalizeFields,
  ParseOption,
  parseWithOptions,
  STANDARD_OPTIONS,
  type Bounds,
} from '../../../server/src/core/cron/parse';
import { goAtoi, goFields, goQuote } from '../../../server/src/core/cron/goText';
import { parseGoDuration } from '../../../server/src/core/cron/duration';

const root = path.resolve(__dirname, '../../../..');
const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/cron', name), 'utf8')) as T;

// ---- robfig/cron v3.0.1 parser_test.go, as data ------------------------------------------------------------------

type Shape = Record<'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek', number[] | 'all'>;
interface ErrorCase {
  parser?: string;
  expr: string;
  errorContains: string;
  error: string;
}
interface ParseCase {
  parser: string;
  expr: string;
  expected: string | Shape | { everySeconds: number };
  location?: string;
  errorContains?: string;
  error?: string;
}
interface ParserCases {
  range: { expr: string; min: number; max: number; values?: number[]; star?: boolean; errorContains?: string; error?: string }[];
  field: { expr: string; min: number; max: number; values: number[] }[];
  all: { bounds: string; min: number; max: number }[];
  bits: { min: number; max: number; step: number; values: number[] }[];
  parseScheduleErrors: ErrorCase[];
  parseSchedule: ParseCase[];
  optionalSecondSchedule: ParseCase[];
  shapes: Record<string, Shape>;
  normalizeFields: { name: string; input: string[]; options: string[]; expected: string[] }[];
  normalizeFieldsErrors: { name: string; input: string[]; options: string[]; errorContains: string; error: string }[];
  standardSpecSchedule: ParseCase[];
  noDescriptorParser: ErrorCase[];
  specErrors: ErrorCase[];
}
const cases = fixture<ParserCases>('robfig-parser-cases.json');

const O = ParseOption;
const PARSERS: Readonly<Record<string, number>> = {
  standard: STANDARD_OPTIONS,
  second: O.Second | O.Minute | O.Hour | O.Dom | O.Month | O.DowOptional | O.Descriptor,
  secondOptional: O.SecondOptional | O.Minute | O.Hour | O.Dom | O.Month | O.Dow | O.Descriptor,
  minuteHour: O.Minute | O.Hour,
};
const options = (names: string[]): number => names.reduce((acc, name) => acc | O[name as keyof typeof O], 0);

const BOUNDS: Readonly<Record<string, Bounds>> = {
  second: { min: 0, max: 59 },
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  dayOfMonth: { min: 1, max: 31 },
  month: { min: 1, max: 12 },
  dayOfWeek: { min: 0, max: 6 },
};

function assertShape(schedule: Schedule, shape: Shape, label: string): void {
  assert.equal(schedule.kind, 'spec', label);
  if (schedule.kind !== 'spec') return;
  for (const [key, want] of Object.entries(shape)) {
    const got = schedule[key as keyof Shape] as CronField;
    const expected = want === 'all' ? allOf(BOUNDS[key]!) : { values: want, star: false };
    assert.deepEqual(got, expected, `${label}: ${key}`);
  }
}

function checkParseCase(c: ParseCase, shapes: Record<string, Shape>): void {
  const result = parseWithOptions(c.expr, PARSERS[c.parser]!);
  if (c.errorContains !== undefined) {
    assert.ok(!result.ok, `${c.expr}: expected an error`);
    if (!result.ok) {
      assert.ok(result.error.includes(c.errorContains), `${c.expr}: ${result.error}`);
      assert.equal(result.error, c.error);
    }
    return;
  }
  assert.ok(result.ok, `${c.expr}: ${result.ok ? '' : result.error}`);
  if (!result.ok) return;
  if (typeof c.expected === 'object' && 'everySeconds' in c.expected) {
    assert.deepEqual(result.schedule, { kind: 'every', source: c.expr, delaySeconds: c.expected.everySeconds });
    return;
  }
  assertShape(result.schedule, typeof c.expected === 'string' ? shapes[c.expected]! : (c.expected as Shape), c.expr);
  if (result.schedule.kind === 'spec') assert.equal(result.schedule.location, c.location === 'Local' ? null : c.location, c.expr);
}

test('robfig TestRange: getRange', () => {
  for (const c of cases.range) {
    const got = getRange(c.expr, { min: c.min, max: c.max });
    if (c.errorContains !== undefined) {
      assert.ok(!got.ok && got.error.includes(c.errorContains), `${c.expr}: ${JSON.stringify(got)}`);
      assert.equal(!got.ok && got.error, c.error);
    } else {
      assert.deepEqual(got, { ok: true, value: { values: c.values, star: c.star } }, c.expr);
    }
  }
});

test('robfig TestField: getField', () => {
  for (const c of cases.field) {
    assert.deepEqual(getField(c.expr, { min: c.min, max: c.max }), { ok: true, value: { values: c.values, star: false } }, c.expr);
  }
});

test('robfig TestAll and TestBits', () => {
  for (const c of cases.all) {
    const values = Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i);
    assert.deepEqual(allOf({ min: c.min, max: c.max }), { values, star: true }, c.bounds);
  }
  for (const c of cases.bits) assert.deepEqual(getBits(c.min, c.max, c.step), c.values);
});

test('robfig TestParseScheduleErrors, TestStandardSpecSchedule, TestNoDescriptorParser, spec_test TestErrors', () => {
  for (const c of [...cases.parseScheduleErrors, ...cases.noDescriptorParser, ...cases.specErrors]) {
    checkParseCase({ ...c, parser: c.parser ?? 'standard', expected: '' }, cases.shapes);
  }
  for (const c of cases.standardSpecSchedule) checkParseCase(c, cases.shapes);
});

test('robfig TestParseSchedule and TestOptionalSecondSchedule', () => {
  for (const c of [...cases.parseSchedule, ...cases.optionalSecondSchedule]) checkParseCase(c, cases.shapes);
});

test('robfig TestNormalizeFields and TestNormalizeFields_Errors', () => {
  for (const c of cases.normalizeFields) {
    assert.deepEqual(normalizeFields(c.input, options(c.options)), { ok: true, value: c.expected }, c.name);
  }
  for (const c of cases.normalizeFieldsErrors) {
    assert.deepEqual(normalizeFields(c.input, options(c.options)), { ok: false, error: c.error }, c.name);
  }
});

// ---- ParseStandard: exact messages and accepted forms -----------------------------------------------------------

interface Messages {
  invalid: { schedule: string; error: string }[];
  panics: { schedule: string; error: string }[];
  valid: ({ schedule: string } & Record<string, unknown>)[];
}
const messages = fixture<Messages>('parse-messages.json');

test('parseSchedule: robfig error messages, exactly', () => {
  for (const c of messages.invalid) {
    assert.deepEqual(parseSchedule(c.schedule), { ok: false, error: c.error }, JSON.stringify(c.schedule));
  }
  for (const c of messages.panics) {
    assert.deepEqual(parseSchedule(c.schedule), { ok: false, error: c.error, panics: true }, JSON.stringify(c.schedule));
  }
});

test('parseSchedule: accepted schedules and the values robfig computes', () => {
  for (const c of messages.valid) {
    const result = parseSchedule(c.schedule);
    const label = JSON.stringify(c.schedule);
    assert.ok(result.ok, `${label}: ${result.ok ? '' : result.error}`);
    if (!result.ok) continue;
    const s = result.schedule;
    if ('everySeconds' in c) {
      assert.equal(s.kind === 'every' && s.delaySeconds, c['everySeconds'], label);
      continue;
    }
    assert.equal(s.kind, 'spec', label);
    if (s.kind !== 'spec') continue;
    for (const key of ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const) {
      if (key in c) assert.deepEqual(s[key].values, c[key], `${label}: ${key}`);
    }
    if ('minuteCount' in c) assert.equal(s.minute.values.length, c['minuteCount'], label);
    if ('dayOfMonthStar' in c) assert.equal(s.dayOfMonth.star, c['dayOfMonthStar'], label);
    if ('location' in c) assert.equal(s.location, c['location'], label);
    if ('descriptor' in c) assert.equal(s.descriptor, c['descriptor'], label);
    assert.deepEqual(s.second, { values: [0], star: false }, `${label}: the standard dialect has no seconds`);
  }
});

test('descriptors have the fields robfig gives them', () => {
  const shapes: Record<string, string> = {
    '@yearly': '0 0 1 1 *',
    '@annually': '0 0 1 1 *',
    '@monthly': '0 0 1 * *',
    '@weekly': '0 0 * * 0',
    '@daily': '0 0 * * *',
    '@midnight': '0 0 * * *',
    '@hourly': '0 * * * *',
  };
  for (const [descriptor, fields] of Object.entries(shapes)) {
    const a = parseSchedule(descriptor);
    const b = parseSchedule(fields);
    assert.ok(a.ok && b.ok && a.schedule.kind === 'spec' && b.schedule.kind === 'spec');
    for (const key of ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const) {
      assert.deepEqual(a.schedule[key], b.schedule[key], `${descriptor} ${key}`);
    }
  }
});

// ---- the Go library pieces the messages depend on ---------------------------------------------------------------

test('strconv.Atoi: fast path, slow path, sign, range', () => {
  const ok = (s: string, v: bigint): void => assert.deepEqual(goAtoi(s), { ok: true, value: v }, s);
  const bad = (s: string, reason: string): void => assert.deepEqual(goAtoi(s), { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: ${reason}` }, s);
  ok('0', 0n);
  ok('+5', 5n);
  ok('-5', -5n);
  ok('007', 7n);
  ok('9223372036854775807', 9223372036854775807n);
  ok('-9223372036854775808', -9223372036854775808n);
  ok('+000000000000000000000000005', 5n);
  bad('', 'invalid syntax');
  bad('-', 'invalid syntax');
  bad('1_000', 'invalid syntax');
  bad('0x10', 'invalid syntax');
  bad(' 1', 'invalid syntax');
  bad('9223372036854775808', 'value out of range');
  bad('-9223372036854775809', 'value out of range');
  bad('99999999999999999999x', 'value out of range');
  bad('9999999999999999999x', 'invalid syntax');
});

test('strconv.Quote and strings.Fields', () => {
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('\n\t\x00\x7f'), '"\\n\\t\\x00\\x7f"');
  assert.equal(goQuote('é中'), '"é中"');
  assert.equal(goQuote('\u200b\u{e0001}'), '"\\u200b\\U000e0001"');
  assert.deepEqual(goFields(' a\tb\u0085c\u00a0d\u2003e\u3000f\ufeffg '), ['a', 'b', 'c', 'd', 'e', 'f\ufeffg']);
});

test('time.ParseDuration', () => {
  const ns = (s: string): bigint | string => {
    const r = parseGoDuration(s);
    return r.ok ? r.nanoseconds : r.error;
  };
  assert.equal(ns('1h30m'), 5_400_000_000_000n);
  assert.equal(ns('1.5h'), 5_400_000_000_000n);
  assert.equal(ns('300ms'), 300_000_000n);
  assert.equal(ns('-1.5h'), -5_400_000_000_000n);
  assert.equal(ns('2h45m'), 9_900_000_000_000n);
  assert.equal(ns('1µs'), 1000n);
  assert.equal(ns('1μs'), 1000n);
  assert.equal(ns('1us'), 1000n);
  assert.equal(ns('.5s'), 500_000_000n);
  assert.equal(ns('5.s'), 5_000_000_000n);
  assert.equal(ns('0'), 0n);
  assert.equal(ns('-0'), 0n);
  assert.equal(ns('9223372036854775807ns'), 9223372036854775807n);
  assert.equal(ns('-9223372036854775808ns'), -9223372036854775808n);
  assert.equal(ns('9223372036854775808ns'), 'time: invalid duration "9223372036854775808ns"');
  assert.equal(ns('0.3333333333333333333h'), 1_200_000_000_000n);
  assert.equal(ns('1'), 'time: missing unit in duration "1"');
  assert.equal(ns('1x'), 'time: unknown unit "x" in duration "1x"');
  assert.equal(ns(''), 'time: invalid duration ""');
  assert.equal(ns('+'), 'time: invalid duration "+"');
  assert.equal(ns('3h\x01'), 'time: unknown unit "h\\x01" in duration "3h\\x01"');
});
