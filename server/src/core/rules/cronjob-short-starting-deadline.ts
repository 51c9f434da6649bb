import { cronJobAdvice } from './messages/cronJobAdvice';
import type { Rule } from './rule';

/**
 * The CronJob controller checks schedules about every 10 seconds (pkg/controller/cronjob: the controller's
 * resync and requeue cadence); a run whose deadline is shorter may be missed and counted as MissSchedule.
 * The API docs say: "if startingDeadlineSeconds is set to a value less than 10 seconds, the CronJob may not be scheduled".
 */
export const cronJobShortStartingDeadline: Rule = {
  meta: {
    id: 'cronjob-short-starting-deadline',
    severity: 'warning',
    kinds: ['CronJob'],
    description: 'startingDeadlineSeconds below 10 lets the CronJob controller miss runs.',
  },
  check({ object, locale }) {
    const deadline = object.kind === 'CronJob' ? object.spec?.startingDeadlineSeconds : undefined;
    if (deadline === undefined || deadline < 0 || deadline >= 10) return [];
    return [
      {
        path: ['spec', 'startingDeadlineSeconds'],
        message: cronJobAdvice.t(locale, 'shortStartingDeadline', { deadline }),
      },
    ];
  },
};
