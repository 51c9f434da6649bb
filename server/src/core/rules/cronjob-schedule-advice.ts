import { dayFieldsOred, largeSteps } from '../cron/advice';
import { parseSchedule, type SpecSchedule } from '../cron';
import type { Rule } from './rule';

function specOf(object: Parameters<Rule['check']>[0]['object']): SpecSchedule | undefined {
  const schedule = object.kind === 'CronJob' ? object.spec?.schedule : undefined;
  if (!schedule) return undefined;
  const parsed = parseSchedule(schedule);
  return parsed.ok && parsed.schedule.kind === 'spec' ? parsed.schedule : undefined;
}

/**
 * `*\/61 * * * *` parses (robfig/cron getRange allows any positive step) but runs at minute 0 of every hour, not every
 * 61 minutes: a step larger than its range yields only the range's start. One finding per such list item.
 */
export const cronJobStepExceedsRange: Rule = {
  meta: {
    id: 'cronjob-step-exceeds-range',
    severity: 'warning',
    kinds: ['CronJob'],
    description: 'A schedule step is larger than its field\'s range (such as a step of 61 minutes), so it yields only the start of the range: Kubernetes accepts it, but it does not run every N.',
  },
  check({ object }) {
    const spec = specOf(object);
    if (!spec) return [];
    return largeSteps(spec).map((step) => ({ path: ['spec', 'schedule'], message: step.message }));
  },
};

/** `0 0 13 * FRI` runs on every 13th and on every Friday: robfig/cron spec.go dayMatches ORs restricted day fields. */
export const cronJobDayFieldsOr: Rule = {
  meta: {
    id: 'cronjob-day-fields-or',
    severity: 'warning',
    kinds: ['CronJob'],
    description: 'The schedule restricts both day of month and day of week, so it runs on days that match either one, not only on days that match both.',
  },
  check({ object }) {
    const spec = specOf(object);
    const message = spec ? dayFieldsOred(spec) : undefined;
    return message ? [{ path: ['spec', 'schedule'], message }] : [];
  },
};
