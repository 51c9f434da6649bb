import { goLabelSelector } from './helpers/labelSelectorChecks';
import type { Rule } from './rule';

/**
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec: a selector with neither matchLabels nor
 * matchExpressions selects every pod, and is rejected with `spec.selector: Invalid value: <selector>: empty
 * selector is invalid for daemonset`. (A missing selector is the daemonset-selector-mismatch rule's.)
 */
export const daemonSetEmptySelector: Rule = {
  meta: {
    id: 'daemonset-empty-selector',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: "A DaemonSet's spec.selector must not be empty ({}): it would select every pod in the namespace.",
  },
  check({ written }) {
    if (written.kind !== 'DaemonSet') return [];
    const selector = written.spec?.selector;
    if (selector === undefined) return [];
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) > 0) return [];
    return [{ path: ['spec', 'selector'], part: 'key', message: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for daemonset` }];
  },
};
