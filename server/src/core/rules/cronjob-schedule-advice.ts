import { dayFieldsOred, largeSteps, type LargeStep } from '../cron/advice';
import { parseSchedule, type SpecSchedule } from '../cron';
import type { Locale } from '../i18n';
import { CALENDAR_NAMES, cronJobAdvice } from './messages/cronJobAdvice';
import { andList } from './messages/lists';
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
  check({ object, locale }) {
    const spec = specOf(object);
    if (!spec) return [];
    return largeSteps(spec).map((step) => ({ path: ['spec', 'schedule'], message: cronJobAdvice.t(locale, 'largeStep', { what: whatStepDoes(step, locale) }) }));
  },
};

/** The first sentence of a large step's advice: what the item means and when the schedule runs. */
function whatStepDoes(step: LargeStep, locale: Locale | undefined): string {
  const names = CALENDAR_NAMES[locale ?? 'en'];
  const args = { item: step.item, value: step.value, step: step.step, values: andList(locale, step.fieldValues.map(String)) };
  switch (step.field) {
    case 'minute':
      return cronJobAdvice.t(locale, step.everyHour ? 'stepMinuteEveryHour' : 'stepMinuteAllowedHours', args);
    case 'hour':
      return cronJobAdvice.t(locale, 'stepHour', args);
    case 'dayOfMonth':
      return cronJobAdvice.t(locale, 'stepDayOfMonth', args);
    case 'month':
      return cronJobAdvice.t(locale, 'stepMonth', { ...args, name: names.month[step.value - 1]!, names: andList(locale, step.fieldValues.map((v) => names.month[v - 1]!)) });
    case 'dayOfWeek':
      return cronJobAdvice.t(locale, 'stepDayOfWeek', { ...args, name: names.day[step.value]!, names: andList(locale, step.fieldValues.map((v) => names.everyDay[v]!)) });
  }
}

/** `0 0 13 * FRI` runs on every 13th and on every Friday: robfig/cron spec.go dayMatches ORs restricted day fields. */
export const cronJobDayFieldsOr: Rule = {
  meta: {
    id: 'cronjob-day-fields-or',
    severity: 'warning',
    kinds: ['CronJob'],
    description: 'The schedule restricts both day of month and day of week, so it runs on days that match either one, not only on days that match both.',
  },
  check({ object, locale }) {
    const spec = specOf(object);
    const fields = spec ? dayFieldsOred(spec) : undefined;
    return fields ? [{ path: ['spec', 'schedule'], message: cronJobAdvice.t(locale, 'dayFieldsOr', fields) }] : [];
  },
};
