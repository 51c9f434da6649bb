import { labelSelectorFindings } from './helpers/labelSelectorChecks';
import type { Rule } from './rule';

/**
 * spec.selector syntax, as staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
 * ValidateLabelSelector checks it from ValidateJobSpec (pkg/apis/batch/validation) and ValidateDaemonSetSpec
 * (pkg/apis/apps/validation): matchLabels as labels (reported at spec.selector.matchLabels), and per
 * matchExpressions entry the operator (In/NotIn need values, Exists/DoesNotExist forbid them, anything else
 * is not a valid selector operator), the key (a qualified name) and each value (a label value).
 * A CronJob's jobTemplate.spec.selector is not checked this way: it may not be set at all (job-selector).
 */
export const labelSelector: Rule = {
  meta: {
    id: 'label-selector',
    severity: 'error',
    kinds: ['Job', 'DaemonSet'],
    description: 'spec.selector must be a well-formed label selector (valid keys, values and operators).',
  },
  check({ written, kubernetesVersion }) {
    if (written.kind !== 'Job' && written.kind !== 'DaemonSet') return [];
    return labelSelectorFindings(written.spec?.selector, ['spec', 'selector'], 'spec.selector', kubernetesVersion);
  },
};
