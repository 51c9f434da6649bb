import { nonNegative } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/**
 * startingDeadlineSeconds, successfulJobsHistoryLimit and failedJobsHistoryLimit must be >= 0 (0 is valid:
 * a history limit of 0 keeps no finished Jobs): pkg/apis/batch/validation/validation.go validateCronJobSpec,
 * ValidateNonnegativeField, in that order. The history limits are defaulted (3 and 1) when unset.
 */
export const cronJobNonnegativeFields: Rule = {
  meta: {
    id: 'cronjob-nonnegative-fields',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'A CronJob\'s startingDeadlineSeconds, successfulJobsHistoryLimit and failedJobsHistoryLimit must not be negative.',
  },
  check({ object }) {
    if (object.kind !== 'CronJob') return [];
    const spec = object.spec ?? {};
    const findings: RuleFinding[] = [];
    for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
      const value = spec[field];
      const message = value === undefined ? undefined : nonNegative(value);
      if (message !== undefined) findings.push({ path: ['spec', field], message });
    }
    return findings;
  },
};
