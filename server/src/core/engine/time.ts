/**
 * Simulated time: milliseconds since the scenario's start time (t = 0). Durations in scenarios are
 * written like Go durations (`90s`, `5m`, `2h`, `1h30m`, `1.5h`, `250ms`) plus `d` for days, or as a
 * plain number of seconds. Wall-clock instants are RFC 3339 strings, converted here to epoch ms.
 */
import { civilFromDays, daysFromCivil } from '../cron/civil';
import type { Locale } from '../i18n';
import { scenarioErrorText } from './scenarioErrorText';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };
const DURATION = /^(?:\d+(?:\.\d+)?|\.\d+)(?:ms|s|m|h|d)/;

/** A duration in ms, or an error message (in `locale`). A number is seconds. Negative durations are refused. */
export function parseDuration(value: unknown, locale?: Locale): { ms: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { error: scenarioErrorText.t(locale, 'durationNegative', { got: value }) };
    return { ms: Math.round(value * SECOND) };
  }
  if (typeof value !== 'string') return { error: scenarioErrorText.t(locale, 'durationType', { got: describe(value, locale) }) };
  let rest = value.trim();
  if (rest === '' || rest === '0') return rest === '0' ? { ms: 0 } : { error: scenarioErrorText.t(locale, 'durationType', { got: '""' }) };
  let total = 0;
  while (rest !== '') {
    const match = DURATION.exec(rest);
    if (!match) return { error: scenarioErrorText.t(locale, 'durationSyntax', { got: JSON.stringify(value) }) };
    const token = match[0];
    const unit = /(?:ms|s|m|h|d)$/.exec(token)?.[0] ?? 's';
    total += Number(token.slice(0, token.length - unit.length)) * UNIT_MS[unit];
    rest = rest.slice(token.length);
  }
  if (!Number.isFinite(total)) return { error: scenarioErrorText.t(locale, 'durationTooLarge', { got: JSON.stringify(value) }) };
  return { ms: Math.round(total) };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 (as metav1.Time and `date -Is` write it) to epoch ms; undefined when malformed. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] ? Math.round(Number(`0${m[7]}`) * 1000) : 0;
  let offset = 0;
  if (!m[8]) {
    const hours = Number(m[10]);
    const minutes = Number(m[11]);
    if (hours > 23 || minutes > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (hours * 60 + minutes) * MINUTE;
  }
  // Not Date.UTC: it reads years 0-99 as 1900-1999, so a pasted `0001-01-01T00:00:00Z` (Go's zero time) became 1901.
  return daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + Math.min(second, 59) * SECOND + fraction - offset;
}

/**
 * RFC 3339 (and so Kubernetes' metav1.Time) writes years with four digits: the instants from
 * 0000-01-01T00:00:00Z up to, not including, RFC3339_END_MS (10000-01-01T00:00:00Z).
 */
export const RFC3339_FIRST_MS = daysFromCivil(0, 1, 1) * DAY;
export const RFC3339_END_MS = daysFromCivil(10000, 1, 1) * DAY;
export const RFC3339_RANGE = '0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z (RFC 3339 years have four digits)';

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Epoch ms to RFC 3339 in UTC, whole seconds as Kubernetes prints times (fractions only when present). */
export function formatRfc3339(epochMs: number): string {
  if (!Number.isInteger(epochMs) || epochMs < RFC3339_FIRST_MS || epochMs >= RFC3339_END_MS) {
    const iso = new Date(epochMs).toISOString();
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  // What Date#toISOString prints for years 0000-9999, without a Date (a CronJob run formats one per Job);
  // joined into one flat string, which the Timeline keeps.
  const days = Math.floor(epochMs / DAY);
  const { year, month, day } = civilFromDays(days);
  const inDay = epochMs - days * DAY;
  const millis = inDay % SECOND;
  const parts = [
    String(year).padStart(4, '0'),
    '-',
    TWO_DIGITS[month],
    '-',
    TWO_DIGITS[day],
    'T',
    TWO_DIGITS[Math.floor(inDay / HOUR)],
    ':',
    TWO_DIGITS[Math.floor((inDay % HOUR) / MINUTE)],
    ':',
    TWO_DIGITS[Math.floor((inDay % MINUTE) / SECOND)],
    millis === 0 ? 'Z' : `.${String(millis).padStart(3, '0')}Z`,
  ];
  return parts.join('');
}

/**
 * The wall clock a caller hands in, as the start of a run without its own startTime: whole seconds, as
 * Kubernetes writes timestamps (metav1.Time marshals RFC 3339 without fractions), so the preview's clocks
 * read 18:32:27, not 18:32:27.247.
 */
export function startTimeFromClock(now: Date): string {
  return formatRfc3339(Math.floor(now.getTime() / SECOND) * SECOND);
}

/** Simulated ms to the Timeline's unit: seconds since the start time. */
export function toSeconds(ms: number): number {
  return ms / SECOND;
}

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** A value as an error message quotes it: strings in quotes, "a list" and "a mapping" in `locale`. */
export function describe(value: unknown, locale?: Locale): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return scenarioErrorText.t(locale, 'gotList');
  if (typeof value === 'object') return scenarioErrorText.t(locale, 'gotMapping');
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
