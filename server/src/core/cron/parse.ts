import { everyDelaySeconds, parseGoDuration } from './duration';
import { goAtoi, goFields, goToLower, goTrimSpace } from './goText';
import type { CronField, ParseResult, Schedule, SpecSchedule } from './schedule';
import { loadLocation } from './timeZone';

/**
 * The schedule parser of robfig/cron v3.0.1 (parser.go), the one Kubernetes vendors: `ParseStandard` is
 * `NewParser(Minute | Hour | Dom | Month | Dow | Descriptor)`. Carried over as behaviour, error texts included:
 * the API server puts the parser's error text verbatim after `spec.schedule: Invalid value: "…": `.
 *
 * What the standard dialect accepts, per field (list items split on ',', empty items dropped):
 *   `*` or `?` (all values, sets the star bit), a star with a step n (star bit kept only for n = 1), `a`, `a-b`,
 *   `a-b/n`, `a/n` (= a-max/n); names jan–dec and sun–sat in any case, in the month and day-of-week fields only;
 *   numbers as Go's strconv.Atoi reads them (so `+5` and `05` are 5). `*` or `?` followed by '-' ignores the rest
 *   of the range (`*-5` is `*`). No `L`, `W`, `#`, `H`, no 7 for Sunday, exactly five fields.
 * Descriptors (exact, case-sensitive): @yearly @annually @monthly @weekly @daily @midnight @hourly @every <duration>.
 * A `TZ=<zone> ` or `CRON_TZ=<zone> ` prefix selects the zone (the API server rejects it separately: validate.ts).
 */

/** The parser options of parser.go. */
export const ParseOption = {
  Second: 1 << 0,
  SecondOptional: 1 << 1,
  Minute: 1 << 2,
  Hour: 1 << 3,
  Dom: 1 << 4,
  Month: 1 << 5,
  Dow: 1 << 6,
  DowOptional: 1 << 7,
  Descriptor: 1 << 8,
} as const;

const { Second, SecondOptional, Minute, Hour, Dom, Month, Dow, DowOptional, Descriptor } = ParseOption;

/** ParseStandard's options. */
export const STANDARD_OPTIONS = Minute | Hour | Dom | Month | Dow | Descriptor;

const PLACES = [Second, Minute, Hour, Dom, Month, Dow];
const DEFAULTS = ['0', '0', '0', '*', '*', '*'];

/** A field's bounds (spec.go `bounds`). */
export interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

export const SECONDS: Bounds = { min: 0, max: 59 };
export const MINUTES: Bounds = { min: 0, max: 59 };
export const HOURS: Bounds = { min: 0, max: 23 };
export const DOM: Bounds = { min: 1, max: 31 };
export const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
export const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** mustParseInt: strconv.Atoi, and no negative numbers. */
function mustParseInt(expr: string): Result<bigint> {
  const n = goAtoi(expr);
  if (!n.ok) return fail(`failed to parse int from ${expr}: ${n.error}`);
  if (n.value < 0n) return fail(`negative number (${n.value}) not allowed: ${expr}`);
  return { ok: true, value: n.value };
}

/** parseIntOrName: a (lower-cased) name of the field, else a number. */
function parseIntOrName(expr: string, names: Bounds['names']): Result<bigint> {
  if (names !== undefined) {
    const named = Object.prototype.hasOwnProperty.call(names, goToLower(expr)) ? names[goToLower(expr)] : undefined;
    if (named !== undefined) return { ok: true, value: BigInt(named) };
  }
  return mustParseInt(expr);
}

/** getBits: the values min..max stepping by step (step ≥ 1, min ≤ max ≤ 59 here). */
export function getBits(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let i = min; i <= max; i += step) out.push(i);
  return out;
}

/** all(): every value of the bounds, with the star bit. */
export function allOf(r: Bounds): CronField {
  return { values: getBits(r.min, r.max, 1), star: true };
}

/** getRange: one list item, `number | number "-" number [ "/" number ]`, `*`, `?`. */
export function getRange(expr: string, r: Bounds): Result<CronField> {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = BigInt(r.min);
    end = BigInt(r.max);
    star = true;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, r.names);
    if (!low.ok) return low;
    start = low.value;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, r.names);
      if (!high.ok) return high;
      end = high.value;
    } else {
      return fail(`too many hyphens: ${expr}`);
    }
  }
  if (rangeAndStep.length === 1) {
    step = 1n;
  } else if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1]!);
    if (!parsed.ok) return parsed;
    step = parsed.value;
    // "N/step" means "N-max/step".
    if (singleDigit) end = BigInt(r.max);
    if (step > 1n) star = false;
  } else {
    return fail(`too many slashes: ${expr}`);
  }
  if (start < BigInt(r.min)) return fail(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > BigInt(r.max)) return fail(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) return fail(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) return fail(`step of range should be a positive number: ${expr}`);
  const stepNumber = step > 64n ? 64 : Number(step); // any step past the range's width picks only `start`
  return { ok: true, value: { values: getBits(Number(start), Number(end), stepNumber), star } };
}

/** getField: a comma-separated list of ranges (strings.FieldsFunc: empty items are skipped, so "," is no values). */
export function getField(field: string, r: Bounds): Result<CronField> {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',').filter((item) => item !== '')) {
    const range = getRange(expr, r);
    if (!range.ok) return range;
    for (const v of range.value.values) values.add(v);
    star ||= range.value.star;
  }
  return { ok: true, value: { values: [...values].sort((a, b) => a - b), star } };
}

/** normalizeFields: check the field count for the options and fill omitted fields with their defaults. */
export function normalizeFields(fields: readonly string[], options: number): Result<string[]> {
  let optionals = 0;
  if (options & SecondOptional) {
    options |= Second;
    optionals++;
  }
  if (options & DowOptional) {
    options |= Dow;
    optionals++;
  }
  if (optionals > 1) return fail('multiple optionals may not be configured');
  const max = PLACES.filter((place) => options & place).length;
  const min = max - optionals;
  const count = fields.length;
  if (count < min || count > max) {
    if (min === max) return fail(`expected exactly ${min} fields, found ${count}: [${fields.join(' ')}]`);
    return fail(`expected ${min} to ${max} fields, found ${count}: [${fields.join(' ')}]`);
  }
  let given = [...fields];
  if (min < max && given.length === min) {
    if (options & DowOptional) given = [...given, DEFAULTS[5]!];
    else if (options & SecondOptional) given = [DEFAULTS[0]!, ...given];
    else return fail('unknown optional field');
  }
  const expanded = [...DEFAULTS];
  let n = 0;
  PLACES.forEach((place, i) => {
    if (options & place) expanded[i] = given[n++]!;
  });
  return { ok: true, value: expanded };
}

const one = (value: number): CronField => ({ values: [value], star: false });

function descriptorSpec(descriptor: string, source: string, location: string | null): SpecSchedule | undefined {
  const at = (minute: CronField, hour: CronField, dayOfMonth: CronField, month: CronField, dayOfWeek: CronField): SpecSchedule => ({
    kind: 'spec',
    source,
    fields: [
      '0',
      ...[minute, hour, dayOfMonth, month, dayOfWeek].map((f) => (f.star ? '*' : f.values.join(','))),
    ],
    descriptor,
    second: one(SECONDS.min),
    minute,
    hour,
    dayOfMonth,
    month,
    dayOfWeek,
    location,
  });
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return at(one(0), one(0), one(1), one(1), allOf(DOW));
    case '@monthly':
      return at(one(0), one(0), one(1), allOf(MONTHS), allOf(DOW));
    case '@weekly':
      return at(one(0), one(0), allOf(DOM), allOf(MONTHS), one(0));
    case '@daily':
    case '@midnight':
      return at(one(0), one(0), allOf(DOM), allOf(MONTHS), allOf(DOW));
    case '@hourly':
      return at(one(0), allOf(HOURS), allOf(DOM), allOf(MONTHS), allOf(DOW));
    default:
      return undefined;
  }
}

/** parseDescriptor. */
function parseDescriptor(descriptor: string, source: string, location: string | null): ParseResult {
  const spec = descriptorSpec(descriptor, source, location);
  if (spec !== undefined) return { ok: true, schedule: spec };
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const duration = parseGoDuration(descriptor.slice(every.length));
    if (!duration.ok) return fail(`failed to parse duration ${descriptor}: ${duration.error}`);
    return { ok: true, schedule: { kind: 'every', source, delaySeconds: everyDelaySeconds(duration.nanoseconds) } };
  }
  return fail(`unrecognized descriptor: ${descriptor}`);
}

/** Parser.Parse with the given options (parser.go). `parseSchedule` is the Kubernetes dialect. */
export function parseWithOptions(source: string, options: number): ParseResult {
  if ((options & SecondOptional) && (options & DowOptional)) {
    // NewParser panics on this combination; normalizeFields would report it as below.
    return fail('multiple optionals may not be configured');
  }
  if (source.length === 0) return fail('empty spec string');
  let spec = source;
  let location: string | null = null;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    if (i < 0) {
      // spec[eq+1 : i] with i = -1: Go panics here (robfig/cron issue #554, unfixed in v3.0.1).
      return { ok: false, error: 'runtime error: slice bounds out of range [:-1]', panics: true };
    }
    const name = spec.slice(eq + 1, i);
    const loaded = loadLocation(name);
    if (!loaded.ok) return fail(`provided bad location ${name}: ${loaded.error}`);
    location = loaded.location;
    spec = goTrimSpace(spec.slice(i));
  }
  if (spec.startsWith('@')) {
    if (!(options & Descriptor)) return fail(`parser does not accept descriptors: ${spec}`);
    return parseDescriptor(spec, source, location);
  }
  const normalized = normalizeFields(goFields(spec), options);
  if (!normalized.ok) return normalized;
  const fields = normalized.value;
  const parsed: CronField[] = [];
  for (const [i, r] of [SECONDS, MINUTES, HOURS, DOM, MONTHS, DOW].entries()) {
    const field = getField(fields[i]!, r);
    if (!field.ok) return field;
    parsed.push(field.value);
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = parsed as [CronField, CronField, CronField, CronField, CronField, CronField];
  const schedule: Schedule = { kind: 'spec', source, fields, descriptor: null, second, minute, hour, dayOfMonth, month, dayOfWeek, location };
  return { ok: true, schedule };
}

/**
 * Parses a CronJob `spec.schedule` exactly as the API server and the CronJob controller do (`cron.ParseStandard`).
 * On failure `error` is robfig's message, e.g. `expected exactly 5 fields, found 6: [0 0 * * * *]`.
 */
export function parseSchedule(text: string): ParseResult {
  // Validation, the advice rules, the hover and the CodeLens all ask for the same schedule on every keystroke:
  // parse each text once (results are never changed by their users), and keep the cache bounded.
  const cached = PARSED.get(text);
  if (cached) return cached;
  const result = parseWithOptions(text, STANDARD_OPTIONS);
  if (PARSED.size >= PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(text, result);
  return result;
}

const PARSED_LIMIT = 512;
const PARSED = new Map<string, ParseResult>();
