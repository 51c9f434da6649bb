/** Times as the preview prints them: offsets from the run's start and UTC wall clock. Pure functions. */

const UNITS: readonly [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * A duration the way kubectl prints ages: `0s`, `45s`, `1m30s`, `2h5m`, `1d6h`. At most `parts` units, the
 * largest first (`1d6h`, not `1d6h5m12s`); negative values get a minus sign. Fractions are rounded to seconds
 * except below 10 s, where one decimal is kept (`2.5s`).
 */
export function formatDuration(seconds: number, parts = 2): string {
  if (!Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs < 10 && abs !== Math.round(abs)) return `${sign}${(Math.round(abs * 10) / 10).toString()}s`;
  let rest = Math.round(abs);
  if (rest === 0) return '0s';
  let out = '';
  let used = 0;
  for (const [unit, size] of UNITS) {
    if (used >= parts) break;
    const count = Math.floor(rest / size);
    if (count > 0 || used > 0) {
      if (count > 0) out += `${count}${unit}`;
      rest -= count * size;
      used++;
    }
    if (rest === 0) break;
  }
  return sign + out;
}

/** An offset from the start as a label: `+1m30s`, `0s`, `-5m`. */
export function formatOffset(seconds: number): string {
  return seconds > 0 ? `+${formatDuration(seconds)}` : formatDuration(seconds);
}

/** Epoch ms of an RFC 3339 time; NaN when it cannot be read. */
export function parseTime(rfc3339: string | null | undefined): number {
  return typeof rfc3339 === 'string' ? Date.parse(rfc3339) : Number.NaN;
}

/** Wall clock of `startMs + seconds`, in UTC: `2026-01-01 00:01:30Z` (seconds dropped when `short` and zero). */
export function formatClock(startMs: number, seconds: number): string {
  if (!Number.isFinite(startMs) || !Number.isFinite(seconds)) return '';
  const iso = new Date(startMs + seconds * 1000).toISOString();
  const whole = iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1);
  return `${whole.replace('T', ' ')}Z`;
}

/** Steps for time-axis ticks, in seconds: readable ones only. */
const TICK_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600,
  2592000,
];

/** The smallest readable step that gives at most `maxTicks` intervals over `span` seconds. */
export function tickStep(span: number, maxTicks = 8): number {
  if (!(span > 0)) return 1;
  for (const step of TICK_STEPS) if (span / step <= maxTicks) return step;
  // beyond 30-day steps: whole multiples of 30 days
  return Math.ceil(span / maxTicks / 2592000) * 2592000;
}

/** Tick positions (seconds) from `from` to `to`, at multiples of `step`. */
export function ticks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to + 1e-9 && out.length < 1000; t += step) out.push(t);
  return out;
}

/** `1 pod`, `3 pods`. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** A value of the effective spec or status as one line of text. */
export function formatValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Flattens an object into `path → value` rows: nested objects become dotted paths (`template.spec.restartPolicy`),
 * down to `maxDepth`; arrays and deeper objects stay whole (shown as JSON).
 */
export function flatten(value: Readonly<Record<string, unknown>>, maxDepth = 4): [string, unknown][] {
  const rows: [string, unknown][] = [];
  const walk = (obj: Readonly<Record<string, unknown>>, prefix: string, depth: number): void => {
    for (const [key, child] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (child !== null && typeof child === 'object' && !Array.isArray(child) && depth < maxDepth && Object.keys(child).length > 0) {
        walk(child as Record<string, unknown>, path, depth + 1);
      } else {
        rows.push([path, child]);
      }
    }
  };
  walk(value, '', 1);
  return rows;
}
