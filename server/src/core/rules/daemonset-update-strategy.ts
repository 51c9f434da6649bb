import type { Path } from '../parse/path';
import { isAtLeast, type KubernetesVersion } from '../kubernetesVersion';
import { required } from './helpers/fieldErrors';
import {
  daemonSetUpdateStrategyValue,
  intOrStringValue,
  invalidRendered,
  notSupportedRendered,
  type IntOrString,
  type UpdateStrategyValue,
} from './helpers/goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './helpers/intOrPercent';
import type { Rule, RuleFinding } from './rule';

const STRATEGY_PATH: Path = ['spec', 'updateStrategy'];
const ROLLING_UPDATE_PATH: Path = [...STRATEGY_PATH, 'rollingUpdate'];
const MAX_UNAVAILABLE_PATH: Path = [...ROLLING_UPDATE_PATH, 'maxUnavailable'];
const MAX_SURGE_PATH: Path = [...ROLLING_UPDATE_PATH, 'maxSurge'];

/**
 * spec.updateStrategy: its type, and for RollingUpdate the maxUnavailable / maxSurge budget.
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet,
 * run (as the API server does) after SetDefaults_DaemonSet: an empty type becomes RollingUpdate with
 * maxUnavailable 1 and maxSurge 0, so `rollingUpdate: Required value` cannot happen for a manifest.
 * Before 1.22 (DaemonSetUpdateSurge off by default) maxSurge was dropped on create and maxUnavailable
 * alone could not be 0.
 */
export const daemonSetUpdateStrategy: Rule = {
  meta: {
    id: 'daemonset-update-strategy',
    severity: 'error',
    kinds: ['DaemonSet'],
    description:
      'A DaemonSet updateStrategy must be RollingUpdate or OnDelete; maxUnavailable and maxSurge must be non-negative integers or percentages up to 100%, and exactly one of them non-zero.',
  },
  check({ object, kubernetesVersion }) {
    if (object.kind !== 'DaemonSet') return [];
    const strategy: UpdateStrategyValue = object.spec?.updateStrategy ?? {};
    switch (strategy.type) {
      case 'OnDelete':
        return [];
      case 'RollingUpdate':
        if (!strategy.rollingUpdate) return [{ path: ROLLING_UPDATE_PATH, message: required() }];
        return validateRollingUpdate(strategy.rollingUpdate, kubernetesVersion);
      default:
        return [
          {
            path: [...STRATEGY_PATH, 'type'],
            fieldPath: 'spec.updateStrategy',
            message: notSupportedRendered(daemonSetUpdateStrategyValue(strategy, kubernetesVersion), ['RollingUpdate', 'OnDelete']),
          },
        ];
    }
  },
};

/** ValidateRollingUpdateDaemonSet. An absent value is the internal type's zero IntOrString (0). */
function validateRollingUpdate(
  rollingUpdate: { readonly maxUnavailable?: IntOrString; readonly maxSurge?: IntOrString },
  version: KubernetesVersion,
): RuleFinding[] {
  const maxUnavailable = rollingUpdate.maxUnavailable ?? 0;
  if (!isAtLeast(version, 1, 22)) {
    const findings = validatePositiveIntOrPercent(maxUnavailable, MAX_UNAVAILABLE_PATH, version);
    if (intOrPercentValue(maxUnavailable) === 0) {
      findings.push({ path: MAX_UNAVAILABLE_PATH, message: invalidRendered(intOrStringValue(maxUnavailable, version), 'cannot be 0') });
    }
    findings.push(...isNotMoreThan100Percent(maxUnavailable, MAX_UNAVAILABLE_PATH, version));
    return findings;
  }
  const maxSurge = rollingUpdate.maxSurge ?? 0;
  const findings = [
    ...validatePositiveIntOrPercent(maxUnavailable, MAX_UNAVAILABLE_PATH, version),
    ...validatePositiveIntOrPercent(maxSurge, MAX_SURGE_PATH, version),
    ...isNotMoreThan100Percent(maxUnavailable, MAX_UNAVAILABLE_PATH, version),
    ...isNotMoreThan100Percent(maxSurge, MAX_SURGE_PATH, version),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    findings.push({
      path: MAX_SURGE_PATH,
      message: invalidRendered(intOrStringValue(maxSurge, version), 'may not be set when maxUnavailable is non-zero'),
    });
  } else if (!hasUnavailable && !hasSurge) {
    findings.push({ path: MAX_UNAVAILABLE_PATH, message: required('cannot be 0 when maxSurge is 0') });
  }
  return findings;
}
