import { goTimeQuote } from './goText';

/**
 * Go's time.ParseDuration (the modern version, with quoted error texts), in nanoseconds as a bigint, and robfig/cron's
 * `Every` rounding for `@every <duration>` (constantdelay.go).
 */

export type DurationResult = { ok: true; nanoseconds: bigint } | { ok: false; error: string };

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const TWO_63 = 1n << 63n;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ */
export function parseGoDuration(orig: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration ${goTimeQuote(orig)}` });
  let s = orig;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    // leadingInt: digits, failing once the value passes 1<<63.
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      if (v > TWO_63 / 10n) return invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    // leadingFraction: digits after '.', keeping precision until it would overflow.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid();
    // The unit: everything up to the next '.' or digit.
    let k = 0;
    while (k < s.length && !(s[k] === '.' || isDigit(s[k]))) k++;
    if (k === 0) return { ok: false, error: `time: missing unit in duration ${goTimeQuote(orig)}` };
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[u];
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goTimeQuote(u)} in duration ${goTimeQuote(orig)}` };
    if (v > TWO_63 / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // float64(f) * (float64(unit) / scale), truncated to an integer, exactly as Go computes it.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid();
    }
    d += v;
    if (d > TWO_63) return invalid();
  }
  if (negative) return { ok: true, nanoseconds: -d };
  if (d > TWO_63 - 1n) return invalid();
  return { ok: true, nanoseconds: d };
}

/**
 * robfig/cron `Every(duration)`: below one second becomes one second; otherwise the sub-second part is dropped.
 * The result in whole seconds.
 */
export function everyDelaySeconds(nanoseconds: bigint): number {
  const second = 1_000_000_000n;
  const d = nanoseconds < second ? second : nanoseconds;
  return Number(d / second);
}

/** A compact duration for descriptions: 5400 → "1h30m", 86400 → "24h", 1 → "1s". */
export function formatDelay(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 || seconds === 0 ? `${s}s` : ''}`;
}
