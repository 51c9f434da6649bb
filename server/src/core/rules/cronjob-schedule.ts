import { validateScheduleFormat } from '../cron';
import type { FixIntent } from '../parse/edits';
import { invalid, required } from './helpers/fieldErrors';
import type { Rule } from './rule';

/**
 * spec.schedule as the API server checks it on create: required, then robfig/cron v3 ParseStandard's error
 * and the TZ ban (pkg/apis/batch/validation/validation.go validateCronJobSpec / validateScheduleFormat;
 * the parser is core/cron). One `Invalid value` per message, as upstream appends them.
 */
export const cronJobSchedule: Rule = {
  meta: {
    id: 'cronjob-schedule',
    severity: 'error',
    kinds: ['CronJob'],
    description:
      'A CronJob schedule must parse as Kubernetes parses it: five cron fields (minute hour day-of-month month day-of-week) or a descriptor such as @hourly, and no TZ= prefix.',
  },
  check({ object }) {
    if (object.kind !== 'CronJob') return [];
    const schedule = object.spec?.schedule;
    if (schedule === undefined || schedule === '') return [{ path: ['spec', 'schedule'], message: required() }];
    const fixes = moveTimeZoneFix(schedule);
    return validateScheduleFormat(schedule).map((detail) => ({ path: ['spec', 'schedule'], message: invalid(schedule, detail), fixes }));
  },
};

/** `TZ=Zone rest` or `CRON_TZ=Zone rest` → schedule `rest` and spec.timeZone `Zone`. */
function moveTimeZoneFix(schedule: string): FixIntent[] {
  const prefix = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(schedule);
  if (!prefix) return [];
  return [
    {
      title: `Move the time zone ${prefix[1]} to spec.timeZone`,
      changes: [
        { op: 'set', path: ['spec', 'schedule'], value: prefix[2].trim() },
        { op: 'set', path: ['spec', 'timeZone'], value: prefix[1] },
      ],
      preferred: true,
    },
  ];
}
