import { TZ_IN_SCHEDULE, validateScheduleFormat } from '../cron';
import type { Locale } from '../i18n';
import type { FixIntent } from '../parse/edits';
import { invalid, required } from './helpers/fieldErrors';
import { apiServerRules, note, translatedNote } from './messages/apiServerRules';
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
  check({ object, locale }) {
    if (object.kind !== 'CronJob') return [];
    const schedule = object.spec?.schedule;
    if (schedule === undefined || schedule === '') return [{ path: ['spec', 'schedule'], message: required() }];
    const fixes = moveTimeZoneFix(schedule, locale);
    return validateScheduleFormat(schedule).map((detail) => ({ path: ['spec', 'schedule'], message: invalid(schedule, detail), note: scheduleNote(detail, locale), fixes }));
  },
};

/**
 * What a learner needs beside robfig's terse error (parser.go): the five fields, their ranges, the descriptors.
 * The TZ message already says what to do, so its note is only for readers of other languages.
 */
function scheduleNote(detail: string, locale: Locale | undefined): string | undefined {
  if (detail === TZ_IN_SCHEDULE) return translatedNote(locale, 'scheduleTimeZoneNote');
  if (/^expected (exactly )?\d+( to \d+)? fields, found/.test(detail)) return note(locale, 'scheduleFieldCountNote');
  if (/^(beginning|end) of range \(-?\d+\) (below minimum|above maximum)/.test(detail)) return note(locale, 'scheduleRangeNote');
  if (/^(unrecognized descriptor|failed to parse duration)/.test(detail)) return note(locale, 'scheduleDescriptorNote');
  return note(locale, 'scheduleSyntaxNote');
}

/** `TZ=Zone rest` or `CRON_TZ=Zone rest` → schedule `rest` and spec.timeZone `Zone`. */
function moveTimeZoneFix(schedule: string, locale: Locale | undefined): FixIntent[] {
  const prefix = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(schedule);
  if (!prefix) return [];
  return [
    {
      title: apiServerRules.t(locale, 'moveTimeZoneFix', { zone: prefix[1] }),
      changes: [
        { op: 'set', path: ['spec', 'schedule'], value: prefix[2].trim() },
        { op: 'set', path: ['spec', 'timeZone'], value: prefix[1] },
      ],
      preferred: true,
    },
  ];
}
