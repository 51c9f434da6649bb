import { invalid } from './helpers/fieldErrors';
import type { Rule, RuleFinding } from './rule';

/**
 * spec.minReadySeconds and spec.revisionHistoryLimit may not be negative (0 is valid for both).
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec (apivalidation.ValidateNonnegativeField).
 * Its third such check, spec.templateGeneration, cannot fail on create: that internal field comes from the
 * deprecated.daemonset.template.generation annotation and PrepareForCreate raises it to at least 1.
 */
export const daemonSetNonnegativeFields: Rule = {
  meta: {
    id: 'daemonset-nonnegative-fields',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: 'A DaemonSet minReadySeconds and revisionHistoryLimit must be greater than or equal to 0.',
  },
  check({ object }) {
    if (object.kind !== 'DaemonSet') return [];
    const findings: RuleFinding[] = [];
    for (const field of ['minReadySeconds', 'revisionHistoryLimit'] as const) {
      const value = object.spec?.[field];
      if (value !== undefined && value < 0) {
        findings.push({ path: ['spec', field], message: invalid(value, 'must be greater than or equal to 0') });
      }
    }
    return findings;
  },
};
