/**
 * The Job and CronJob spec rules that mirror pkg/apis/batch/validation/validation.go (validateJobSpec,
 * ValidateJob's Indexed hostname check, validateJobTemplateSpec, validateCronJobSpec), except selectors,
 * metadata, the restartPolicy Required/NotSupported check (job-restart-policy) and the schedule syntax
 * (cronjob-schedule). The job-* rules check a Job's spec and a CronJob's spec.jobTemplate.spec alike.
 */
import { cronJobConcurrencyPolicy } from './cronjob-concurrency-policy';
import { cronJobNonnegativeFields } from './cronjob-nonnegative-fields';
import { cronJobTimeZone } from './cronjob-time-zone';
import { jobBackoffLimitPerIndex } from './job-backoff-limit-per-index';
import { jobCompletions } from './job-completions';
import { jobManagedBy } from './job-managed-by';
import { jobNonnegativeFields } from './job-nonnegative-fields';
import { jobPodFailurePolicy } from './job-pod-failure-policy';
import { jobPodReplacementPolicy } from './job-pod-replacement-policy';
import { jobSuccessPolicy } from './job-success-policy';
import type { Rule } from './rule';

/** In validateJobSpec's order, then validateCronJobSpec's. */
export const jobCronJobRules: readonly Rule[] = [
  jobCompletions,
  jobNonnegativeFields,
  jobBackoffLimitPerIndex,
  jobManagedBy,
  jobPodFailurePolicy,
  jobSuccessPolicy,
  jobPodReplacementPolicy,
  cronJobNonnegativeFields,
  cronJobTimeZone,
  cronJobConcurrencyPolicy,
];
