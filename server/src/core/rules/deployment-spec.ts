import type { Path } from '../parse/path';
import type { KubernetesVersion } from '../kubernetesVersion';
import { nonnegative, podTemplateValidated, replicatedPodFindings, selectorFindings } from './helpers/appsWorkload';
import { forbidden, invalid, required } from './helpers/fieldErrors';
import { deploymentStrategyValue, intOrStringValue, invalidRendered, notSupportedRendered, type UpdateStrategyValue } from './helpers/goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './helpers/intOrPercent';
import type { Rule, RuleFinding } from './rule';

const STRATEGY: Path = ['spec', 'strategy'];
const ROLLING_UPDATE: Path = [...STRATEGY, 'rollingUpdate'];

/**
 * A Deployment's spec, as pkg/apis/apps/validation/validation.go ValidateDeploymentSpec checks it after
 * SetDefaults_Deployment, in its order: replicas, the selector (required, well-formed, not empty, matching
 * the template labels), the template's restartPolicy (Always) and activeDeadlineSeconds (forbidden) — the
 * rest of the template is the pod-* rules' — then ValidateDeploymentStrategy, minReadySeconds,
 * revisionHistoryLimit and progressDeadlineSeconds (non-negative and greater than minReadySeconds).
 */
export const deploymentSpec: Rule = {
  meta: {
    id: 'deployment-spec',
    severity: 'error',
    kinds: ['Deployment'],
    description:
      'A Deployment needs a selector matching its template labels, restartPolicy Always, no activeDeadlineSeconds, a Recreate or RollingUpdate strategy with a usable budget, and non-negative counts with progressDeadlineSeconds above minReadySeconds.',
  },
  check({ object, kubernetesVersion, locale }) {
    if (object.kind !== 'Deployment') return [];
    const spec = object.spec ?? {};
    const findings: RuleFinding[] = [
      ...nonnegative(spec.replicas, ['spec', 'replicas']),
      ...selectorFindings('Deployment', spec.selector, spec.template, kubernetesVersion, locale),
      // Inside ValidatePodTemplateSpecForReplicaSet: skipped when the selector does not convert.
      ...(podTemplateValidated(object) ? replicatedPodFindings('Deployment', spec.template, locale) : []),
      ...validateStrategy(spec.strategy ?? {}, kubernetesVersion),
      ...nonnegative(spec.minReadySeconds, ['spec', 'minReadySeconds']),
      ...nonnegative(spec.revisionHistoryLimit, ['spec', 'revisionHistoryLimit']),
    ];
    const deadline = spec.progressDeadlineSeconds;
    if (deadline !== undefined) {
      findings.push(...nonnegative(deadline, ['spec', 'progressDeadlineSeconds']));
      if (deadline <= (spec.minReadySeconds ?? 0)) {
        findings.push({ path: ['spec', 'progressDeadlineSeconds'], message: invalid(deadline, 'must be greater than minReadySeconds') });
      }
    }
    return findings;
  },
};

type Strategy = UpdateStrategyValue;

/** ValidateDeploymentStrategy. */
function validateStrategy(strategy: Strategy, version: KubernetesVersion): RuleFinding[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [{ path: ROLLING_UPDATE, part: 'key', message: forbidden("may not be specified when strategy `type` is 'Recreate'") }] : [];
    case 'RollingUpdate':
      // SetDefaults_Deployment fills rollingUpdate for this type; the Required branch cannot be reached.
      return strategy.rollingUpdate ? validateRollingUpdate(strategy.rollingUpdate, version) : [{ path: ROLLING_UPDATE, message: required('this should be defaulted and never be nil') }];
    default:
      return [{ path: [...STRATEGY, 'type'], fieldPath: 'spec.strategy', message: notSupportedRendered(deploymentStrategyValue(strategy, version), ['Recreate', 'RollingUpdate']) }];
  }
}

/** ValidateRollingUpdateDeployment: both non-negative ints or percents, not both 0, maxUnavailable ≤ 100%. */
function validateRollingUpdate(rollingUpdate: NonNullable<Strategy['rollingUpdate']>, version: KubernetesVersion): RuleFinding[] {
  const maxUnavailablePath = [...ROLLING_UPDATE, 'maxUnavailable'];
  const maxUnavailable = rollingUpdate.maxUnavailable ?? 0;
  const maxSurge = rollingUpdate.maxSurge ?? 0;
  const findings = [
    ...validatePositiveIntOrPercent(maxUnavailable, maxUnavailablePath, version),
    ...validatePositiveIntOrPercent(maxSurge, [...ROLLING_UPDATE, 'maxSurge'], version),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    // The bad value is the *pointer* to maxUnavailable, which ErrorBody dereferences: an IntOrString.
    findings.push({ path: maxUnavailablePath, message: invalidRendered(intOrStringValue(maxUnavailable, version), 'may not be 0 when `maxSurge` is 0') });
  }
  findings.push(...isNotMoreThan100Percent(maxUnavailable, maxUnavailablePath, version));
  return findings;
}
