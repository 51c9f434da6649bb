import { invalid, required } from './helpers/fieldErrors';
import { isIndexed, jobSpecView } from './helpers/jobSpecFields';
import { nonNegative } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/** validation.go maxFailedIndexesForIndexedJob, completionsSoftLimit, parallelismLimitForHighCompletions, maxFailedIndexesLimitForHighCompletions. */
const MAX_FAILED_INDEXES = 100000;
const COMPLETIONS_SOFT_LIMIT = 100000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10000;

/**
 * backoffLimitPerIndex and maxFailedIndexes (pkg/apis/batch/validation/validation.go validateJobSpec): both
 * >= 0; maxFailedIndexes needs backoffLimitPerIndex; with Indexed completion maxFailedIndexes is at most
 * completions and 100000, and above 100000 completions backoffLimitPerIndex needs maxFailedIndexes <= 10000
 * and parallelism <= 10000; both fields require Indexed completion mode (an unset mode counts as NonIndexed,
 * which is what a CronJob's job template has unless it says otherwise).
 */
export const jobBackoffLimitPerIndex: Rule = {
  meta: {
    id: 'job-backoff-limit-per-index',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'backoffLimitPerIndex and maxFailedIndexes need an Indexed Job, must not be negative, and must fit the limits for completions and parallelism.',
  },
  check(context) {
    const view = jobSpecView(context);
    if (view === undefined) return [];
    const { spec, path } = view;
    const { backoffLimitPerIndex, maxFailedIndexes, completions, parallelism } = spec;
    const findings: RuleFinding[] = [];
    const add = (field: string, message: string | undefined): void => {
      if (message !== undefined) findings.push({ path: [...path, field], message });
    };
    if (backoffLimitPerIndex !== undefined) add('backoffLimitPerIndex', nonNegative(backoffLimitPerIndex));
    if (maxFailedIndexes !== undefined) {
      add('maxFailedIndexes', nonNegative(maxFailedIndexes));
      if (backoffLimitPerIndex === undefined) add('backoffLimitPerIndex', required('when maxFailedIndexes is specified'));
    }
    if (isIndexed(spec)) {
      if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
        add('maxFailedIndexes', invalid(maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES) {
        add('maxFailedIndexes', invalid(maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
      }
      if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && backoffLimitPerIndex !== undefined) {
        const why = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
        if (maxFailedIndexes === undefined) add('maxFailedIndexes', required(`must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
        if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
          add('parallelism', invalid(parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} ${why}`));
        }
        if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_HIGH_COMPLETIONS) {
          add('maxFailedIndexes', invalid(maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} ${why}`));
        }
      }
    }
    if (spec.completionMode === undefined || spec.completionMode === 'NonIndexed') {
      if (backoffLimitPerIndex !== undefined) add('backoffLimitPerIndex', invalid(backoffLimitPerIndex, 'requires indexed completion mode'));
      if (maxFailedIndexes !== undefined) add('maxFailedIndexes', invalid(maxFailedIndexes, 'requires indexed completion mode'));
    }
    return findings;
  },
};
