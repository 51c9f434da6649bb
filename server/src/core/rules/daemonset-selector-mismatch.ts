import { selectorMatches } from '../model/labelSelector';
import { goStringMap } from './fieldErrors';
import type { Rule } from './rule';

/**
 * The DaemonSet's selector must select its own pods.
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec: a nil selector converts to
 * labels.Nothing(), so a missing selector fails here too; an unconvertible selector skips the check.
 */
export const daemonSetSelectorMismatch: Rule = {
  meta: {
    id: 'daemonset-selector-mismatch',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: "A DaemonSet's spec.selector must match its pod template's labels.",
  },
  check({ object }) {
    if (object.kind !== 'DaemonSet') return [];
    const labels = object.spec?.template?.metadata?.labels;
    if (selectorMatches(object.spec?.selector, labels) !== false) return [];
    return [
      {
        path: ['spec', 'template', 'metadata', 'labels'],
        part: 'key',
        message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
      },
    ];
  },
};
