import type { FixIntent } from '../parse/edits';
import { invalid, required } from './fieldErrors';
import type { Rule } from './rule';

/** robfig/cron v3 parser.go: the descriptors ParseStandard accepts besides five fields. */
const DESCRIPTOR = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly|every\s.+)$/;

/**
 * A first check of spec.schedule: present, and five fields or a descriptor, with robfig/cron's message
 * (parser.go normalizeFields: "expected exactly 5 fields, found N: [f1 f2 ...]").
 * pkg/apis/batch/validation/validation.go validateCronJobSpec / validateScheduleFormat.
 */
export const cronJobSchedule: Rule = {
  meta: {
    id: 'cronjob-schedule',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'A CronJob schedule must be five cron fields (minute hour day-of-month month day-of-week) or a descriptor such as @hourly.',
  },
  check({ object }) {
    if (object.kind !== 'CronJob') return [];
    const schedule = object.spec?.schedule;
    if (schedule === undefined || schedule === '') return [{ path: ['spec', 'schedule'], message: required() }];
    if (schedule.includes('TZ')) {
      const prefix = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(schedule);
      const fixes: FixIntent[] = prefix
        ? [
            {
              title: `Move the time zone ${prefix[1]} to spec.timeZone`,
              changes: [
                { op: 'set', path: ['spec', 'schedule'], value: prefix[2].trim() },
                { op: 'set', path: ['spec', 'timeZone'], value: prefix[1] },
              ],
              preferred: true,
            },
          ]
        : [];
      return [{ path: ['spec', 'schedule'], message: invalid(schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'), fixes }];
    }
    const trimmed = schedule.trim();
    if (trimmed.startsWith('@')) {
      return DESCRIPTOR.test(trimmed) ? [] : [{ path: ['spec', 'schedule'], message: invalid(schedule, `unrecognized descriptor: ${trimmed}`) }];
    }
    // strings.Fields splits on any run of white space.
    const fields = trimmed.split(/\s+/).filter((field) => field !== '');
    if (fields.length === 5) return [];
    return [{ path: ['spec', 'schedule'], message: invalid(schedule, `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`) }];
  },
};
