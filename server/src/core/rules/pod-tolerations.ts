import { str } from './helpers/podSpec/errorBodies';
import { isValidLabelValue } from './helpers/podSpec/formats';
import { labelNameFindings } from './helpers/podSpec/labels';
import { podContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * Pod tolerations: a valid key (an empty key needs operator Exists), operator Equal (with a label value)
 * or Exists (without a value), a known effect, tolerationSeconds only with effect NoExecute.
 * pkg/apis/core/validation/validation.go: ValidateTolerations, validateTaintEffect.
 */
export const podTolerations: Rule = {
  meta: {
    id: 'pod-tolerations',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Tolerations: valid key, operator Equal or Exists with a matching value, known effect, tolerationSeconds only for NoExecute.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const e = pod.errors;
    const findings: RuleFinding[] = [];
    (pod.spec.tolerations ?? []).forEach((raw, i) => {
      const t = raw ?? {};
      const at = pod.path.child('tolerations').index(i);
      const key = t.key ?? '';
      const operator = t.operator ?? '';
      const value = t.value ?? '';
      const effect = t.effect ?? '';
      if (key.length > 0) findings.push(...labelNameFindings(key, at.child('key'), e));
      if (key.length === 0 && operator !== 'Exists') {
        findings.push(at.child('operator').finding(e.invalid(str(operator), 'operator must be Exists when `key` is empty, which means "match all values and all keys"')));
      }
      if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
        findings.push(at.child('effect').finding(e.invalid(str(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set")));
      }
      switch (operator) {
        case 'Equal':
        case '': {
          const errs = isValidLabelValue(value, pod.version);
          if (errs.length > 0) findings.push(at.child('operator').finding(e.invalid(str(value), errs.join(';'))));
          break;
        }
        case 'Exists':
          if (value.length > 0) findings.push(at.child('operator').finding(e.invalid(str(value), "value must be empty when `operator` is 'Exists'")));
          break;
        default: {
          // From 1.35 the (alpha, off) TaintTolerationComparisonOperators gate names Lt and Gt among the values.
          const comparison = pod.atLeast(35) && (operator === 'Lt' || operator === 'Gt');
          findings.push(at.child('operator').finding(e.notSupported(str(operator), comparison ? ['Equal', 'Exists', 'Lt', 'Gt'] : ['Equal', 'Exists'])));
        }
      }
      if (effect.length > 0 && !EFFECTS.includes(effect)) findings.push(at.child('effect').finding(e.notSupported(str(effect), EFFECTS)));
    });
    return findings;
  },
};
