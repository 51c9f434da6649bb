import { jobSpecView } from './helpers/jobSpecFields';
import { nonNegative } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/**
 * activeDeadlineSeconds, backoffLimit and ttlSecondsAfterFinished must be >= 0 (0 is accepted, also for the
 * Job-level activeDeadlineSeconds): pkg/apis/batch/validation/validation.go validateJobSpec,
 * ValidateNonnegativeField, in that order.
 */
export const jobNonnegativeFields: Rule = {
  meta: {
    id: 'job-nonnegative-fields',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'A Job\'s activeDeadlineSeconds, backoffLimit and ttlSecondsAfterFinished must not be negative.',
  },
  check(context) {
    const view = jobSpecView(context);
    if (view === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const field of ['activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) {
      const value = view.spec[field];
      const message = value === undefined ? undefined : nonNegative(value);
      if (message !== undefined) findings.push({ path: [...view.path, field], message });
    }
    return findings;
  },
};
