/**
 * A status object as a person reads it: times as wall-clock times with their age, nothing that is unset
 * (null, empty), lists and nested objects as nested items, never JSON. `conditions` are left out: the
 * conditions table shows them. Pure; kubectlPanel.ts draws the items as nested lists.
 */
import { humanDuration } from '../../../../server/src/core/engine/views/humanDuration';
import { formatClock, formatOffset } from '../format';
import { t } from '../l10n';

export type StatusItem =
  | { readonly key: string; readonly text: string; readonly title?: string }
  | { readonly key: string; readonly items: readonly StatusItem[] };

export interface StatusContext {
  /** Epoch ms of the run's t = 0 (Timeline.startTime); NaN when unknown. */
  readonly startMs: number;
  /** The time the status is shown for, in seconds since the start. */
  readonly t: number;
}

/** Status keys holding times: metav1.Time fields are named `...Time` (startTime, completionTime, lastScheduleTime). */
const isTimeKey = (key: string): boolean => /(?:Time|Timestamp)$/.test(key);

/** The status's fields as items, in their order; `conditions` and unset fields left out. */
export function describeStatus(status: Readonly<Record<string, unknown>>, context: StatusContext): StatusItem[] {
  return describeObject(status, context, new Set(['conditions']));
}

/** Any object's fields as items (the effective spec too); `skip` names top-level keys to leave out. */
export function describeObject(value: Readonly<Record<string, unknown>>, context: StatusContext, skip: ReadonlySet<string> = new Set()): StatusItem[] {
  const items: StatusItem[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (skip.has(key)) continue;
    const item = describeValue(key, child, context);
    if (item) items.push(item);
  }
  return items;
}

function describeValue(key: string, value: unknown, context: StatusContext): StatusItem | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isTimeKey(key) && (typeof value === 'number' || typeof value === 'string')) return { key, ...describeTime(value, context) };
  if (typeof value === 'string') return { key, text: value };
  if (typeof value === 'number') return { key, text: Number.isFinite(value) ? String(value) : '—' };
  if (typeof value === 'boolean') return { key, text: value ? 'true' : 'false' };
  if (Array.isArray(value)) {
    const items = value.map((element, i) => describeValue(labelOf(element, i), element, context)).filter((x): x is StatusItem => x !== undefined);
    return items.length > 0 ? { key, items } : undefined;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // An object reference (CronJob status.active): `job/hello-29453762`.
    if (typeof record.name === 'string' && typeof record.kind === 'string') return { key, text: `${record.kind.toLowerCase()}/${record.name}` };
    const items = describeObject(record, context);
    return items.length > 0 ? { key, items } : undefined;
  }
  return undefined;
}

function labelOf(element: unknown, index: number): string {
  if (element !== null && typeof element === 'object' && typeof (element as Record<string, unknown>).name === 'string') return String((element as Record<string, unknown>).name);
  return String(index + 1);
}

/**
 * A time as `2026-01-01 00:01:11Z (20s ago)`. Numbers are seconds since the start (the Timeline's status
 * times); strings are RFC 3339 (a pasted status).
 */
export function describeTime(value: number | string, context: StatusContext): { text: string; title: string } {
  const ms = typeof value === 'number' ? context.startMs + value * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) return { text: String(value), title: '' };
  const seconds = (ms - context.startMs) / 1000;
  const clock = formatClock(ms, 0);
  const offset = Number.isFinite(seconds) ? ` · t = ${formatOffset(seconds)}` : '';
  const sinceMs = (context.t - seconds) * 1000;
  const age = sinceMs >= 0 ? t('{0} ago', humanDuration(sinceMs)) : t('in {0}', humanDuration(-sinceMs));
  return { text: Number.isFinite(seconds) ? `${clock} (${age})` : clock, title: `${clock}${offset}` };
}
