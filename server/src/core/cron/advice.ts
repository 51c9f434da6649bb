/**
 * Advice on schedules the API server accepts but that do not do what they seem to: a step larger than its range
 * (robfig/cron v3 parser.go getRange: the values are start, start+step, … up to the end, so such a step yields only
 * the start) and both day fields restricted (spec.go dayMatches: when neither day of month nor day of week carries
 * the star bit, a day matches when EITHER does). Read from robfig's own parse; pure.
 */
import { DOM, DOW, HOURS, MINUTES, MONTHS, getRange, type Bounds } from './parse';
import type { SpecSchedule } from './schedule';

export interface LargeStep {
  /** The list item as written, e.g. `*\/61`. */
  readonly item: string;
  readonly field: 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';
  readonly step: string;
  /** The one value the item yields. */
  readonly value: number;
  /** The English advice. */
  readonly message: string;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface FieldInfo {
  readonly field: LargeStep['field'];
  /** Index into SpecSchedule.fields (second first). */
  readonly index: number;
  readonly bounds: Bounds;
  readonly plural: string;
  readonly one: (value: number) => string;
  readonly runs: (values: readonly number[], schedule: SpecSchedule) => string;
  readonly unit: string;
}

const list = (words: readonly string[]): string => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

const FIELDS: readonly FieldInfo[] = [
  {
    field: 'minute',
    index: 1,
    bounds: MINUTES,
    plural: 'minutes',
    unit: 'minutes',
    one: (v) => `minute ${v}`,
    runs: (values, s) => `at minute ${list(values.map(String))} of ${s.hour.star ? 'every hour' : 'each hour it allows'}`,
  },
  {
    field: 'hour',
    index: 2,
    bounds: HOURS,
    plural: 'hours',
    unit: 'hours',
    one: (v) => `hour ${v}`,
    runs: (values) => `only in hour ${list(values.map(String))} of the day`,
  },
  {
    field: 'dayOfMonth',
    index: 3,
    bounds: DOM,
    plural: 'day-of-month',
    unit: 'days',
    one: (v) => `day ${v}`,
    runs: (values) => `only on day ${list(values.map(String))} of the month`,
  },
  {
    field: 'month',
    index: 4,
    bounds: MONTHS,
    plural: 'months',
    unit: 'months',
    one: (v) => `month ${v} (${MONTH_NAMES[v - 1]})`,
    runs: (values) => `only in ${list(values.map((v) => MONTH_NAMES[v - 1]!))}`,
  },
  {
    field: 'dayOfWeek',
    index: 5,
    bounds: DOW,
    plural: 'day-of-week',
    unit: 'days',
    one: (v) => `day ${v} (${DAY_NAMES[v]})`,
    runs: (values) => `only on ${list(values.map((v) => `${DAY_NAMES[v]!}s`))}`,
  },
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
      const value = stepped.value.values[0]!;
      const values = schedule[info.field].values;
      found.push({
        item,
        field: info.field,
        step: parts[1]!,
        value,
        message:
          `${item} in ${info.plural} means only ${info.one(value)}: this runs ${info.runs(values, schedule)}, not every ${parts[1]!} ${info.unit}. ` +
          'Kubernetes accepts it: robfig/cron (getRange) steps from the start of the range, and a step larger than the range yields only the start.',
      });
    }
  }
  return found;
}

/** When both day fields are restricted, the English advice; else undefined. */
export function dayFieldsOred(schedule: SpecSchedule): string | undefined {
  if (schedule.descriptor !== null || schedule.dayOfMonth.star || schedule.dayOfWeek.star) return undefined;
  const dom = schedule.fields[3] ?? '';
  const dow = schedule.fields[5] ?? '';
  return (
    `Both day of month (${dom}) and day of week (${dow}) are restricted, so this runs on every day that matches EITHER of them, not only on days that match both: ` +
    'robfig/cron (dayMatches) ORs the two day fields when neither is *. To need both, keep one field * and check the other in the Job\'s command.'
  );
}
