/**
 * Advice on schedules the API server accepts but that do not do what they seem to: a step larger than its range
 * (robfig/cron v3 parser.go getRange: the values are start, start+step, … up to the end, so such a step yields only
 * the start) and both day fields restricted (spec.go dayMatches: when neither day of month nor day of week carries
 * the star bit, a day matches when EITHER does). Read from robfig's own parse; pure. The words (in the user's
 * language) are the rules' (rules/messages/cronJobAdvice.ts): this file finds the facts.
 */
import { DOM, DOW, HOURS, MINUTES, MONTHS, getRange, type Bounds } from './parse';
import type { SpecSchedule } from './schedule';

export type ScheduleField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export interface LargeStep {
  /** The list item as written, e.g. `*\/61`. */
  readonly item: string;
  readonly field: ScheduleField;
  readonly step: string;
  /** The one value the item yields. */
  readonly value: number;
  /** Every value the whole field allows (this item's and its neighbours' in the list), ascending. */
  readonly fieldValues: readonly number[];
  /** For minutes: whether the hour field is `*` (every hour) or restricts the hours. */
  readonly everyHour: boolean;
}

/** Field order in SpecSchedule.fields (second first) and robfig's bounds, for the fields advice looks at. */
const FIELDS: readonly { readonly field: ScheduleField; readonly index: number; readonly bounds: Bounds }[] = [
  { field: 'minute', index: 1, bounds: MINUTES },
  { field: 'hour', index: 2, bounds: HOURS },
  { field: 'dayOfMonth', index: 3, bounds: DOM },
  { field: 'month', index: 4, bounds: MONTHS },
  { field: 'dayOfWeek', index: 5, bounds: DOW },
];

/** List items whose step is larger than their range, so they yield only their start. Descriptors have none. */
export function largeSteps(schedule: SpecSchedule): LargeStep[] {
  if (schedule.descriptor !== null) return [];
  const found: LargeStep[] = [];
  for (const info of FIELDS) {
    const text = schedule.fields[info.index] ?? '';
    for (const item of text.split(',').filter((i) => i !== '')) {
      const parts = item.split('/');
      if (parts.length !== 2) continue;
      const stepped = getRange(item, info.bounds);
      const whole = getRange(`${parts[0]!}/1`, info.bounds);
      if (!stepped.ok || !whole.ok || whole.value.values.length < 2 || stepped.value.values.length !== 1) continue;
      found.push({
        item,
        field: info.field,
        step: parts[1]!,
        value: stepped.value.values[0]!,
        fieldValues: schedule[info.field].values,
        everyHour: schedule.hour.star,
      });
    }
  }
  return found;
}

/** When both day fields are restricted, the two fields as written; else undefined. */
export function dayFieldsOred(schedule: SpecSchedule): { readonly dayOfMonth: string; readonly dayOfWeek: string } | undefined {
  if (schedule.descriptor !== null || schedule.dayOfMonth.star || schedule.dayOfWeek.star) return undefined;
  return { dayOfMonth: schedule.fields[3] ?? '', dayOfWeek: schedule.fields[5] ?? '' };
}
