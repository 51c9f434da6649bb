import { parseSchedule, type SpecSchedule } from '../cron';
import { cronJobAdvice } from './messages/cronJobAdvice';
import { commaList } from './messages/lists';
import type { Rule } from './rule';

/** The most days each month can have (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A schedule the API server accepts but that never fires, such as `0 0 30 2 *`: robfig's Next gives up
 * after five years and the controller never creates a Job. Decided from the fields alone, so it holds
 * whatever the current time: with a restricted day of week the days are ORed, so some day always comes.
 */
export const cronJobNeverRuns: Rule = {
  meta: {
    id: 'cronjob-never-runs',
    severity: 'warning',
    kinds: ['CronJob'],
    description: 'The schedule names only days that do not exist in its months (such as February 30), so the CronJob never creates a Job.',
  },
  check({ object, locale }) {
    const schedule = object.kind === 'CronJob' ? object.spec?.schedule : undefined;
    if (!schedule) return [];
    const parsed = parseSchedule(schedule);
    if (!parsed.ok || parsed.schedule.kind !== 'spec' || !neverFires(parsed.schedule)) return [];
    return [
      {
        path: ['spec', 'schedule'],
        message: cronJobAdvice.t(locale, 'neverRuns', {
          months: commaList(locale, parsed.schedule.month.values.map(String)),
          days: commaList(locale, parsed.schedule.dayOfMonth.values.map(String)),
        }),
      },
    ];
  },
};

function neverFires(schedule: SpecSchedule): boolean {
  // robfig's dayMatches: when either day field is a star, both must match; else either may.
  if (!schedule.dayOfWeek.star && !schedule.dayOfMonth.star) return false;
  if (schedule.dayOfWeek.values.length === 0) return true;
  return !schedule.month.values.some((month) => schedule.dayOfMonth.values.some((day) => day <= MONTH_DAYS[month - 1]));
}
