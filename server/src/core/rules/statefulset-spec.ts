import { goQuote } from '../goFormat';
import { isAtLeast, type KubernetesVersion } from '../kubernetesVersion';
import { isDns1123Label } from '../model/names';
import type { StatefulSetSpec } from '../model/types';
import type { Path } from '../parse/path';
import { nonnegative, replicatedPodFindings, selectorFindings } from './helpers/appsWorkload';
import { volumeClaimTemplateFindings } from './helpers/appsVolumeClaims';
import { invalid, notSupported } from './helpers/fieldErrors';
import { goJsonString, intOrStringValue, invalidRendered, rendersValuesAsJson, type IntOrString } from './helpers/goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './helpers/intOrPercent';
import type { Rule, RuleFinding } from './rule';

const STRATEGY: Path = ['spec', 'updateStrategy'];
const ROLLING_UPDATE: Path = [...STRATEGY, 'rollingUpdate'];
const RETENTION = ['Retain', 'Delete'];

/**
 * A StatefulSet's spec, as pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec checks it on create
 * after SetDefaults_StatefulSet, in its order: podManagementPolicy, updateStrategy (partition, and
 * maxUnavailable where its gate lets it through), persistentVolumeClaimRetentionPolicy, volumeClaimTemplates
 * (1.34+), replicas, minReadySeconds, ordinals.start, serviceName (a DNS-1123 label when set, 1.33+,
 * kubernetes PR 130233), the selector (required, well-formed, not empty, matching the template labels), then
 * the template's restartPolicy (Always) and activeDeadlineSeconds (forbidden). The rest of the template is
 * the pod-* rules' (from 1.34, kubernetes PR 131790; before, a StatefulSet's pod spec was not validated).
 */
export const statefulSetSpec: Rule = {
  meta: {
    id: 'statefulset-spec',
    severity: 'error',
    kinds: ['StatefulSet'],
    description:
      'A StatefulSet needs a valid podManagementPolicy, updateStrategy and PVC retention policy, well-formed volumeClaimTemplates, non-negative counts, a DNS-label serviceName, a selector matching its template labels, restartPolicy Always and no activeDeadlineSeconds.',
  },
  check({ object, kubernetesVersion: version, locale }) {
    if (object.kind !== 'StatefulSet') return [];
    const spec = object.spec ?? {};
    const findings: RuleFinding[] = [];
    const policy = spec.podManagementPolicy;
    if (policy !== undefined && policy !== 'OrderedReady' && policy !== 'Parallel') {
      findings.push({ path: ['spec', 'podManagementPolicy'], message: invalid(policy, "must be 'OrderedReady' or 'Parallel'") });
    }
    findings.push(...validateUpdateStrategy(spec.updateStrategy ?? {}, version));
    const retention = spec.persistentVolumeClaimRetentionPolicy;
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      const value = retention?.[field];
      if (retention && !RETENTION.includes(value ?? '')) {
        findings.push({ path: ['spec', 'persistentVolumeClaimRetentionPolicy', field], message: notSupported(value ?? '', RETENTION) });
      }
    }
    if (isAtLeast(version, 1, 34)) findings.push(...volumeClaimTemplateFindings(spec.volumeClaimTemplates, version));
    findings.push(
      ...nonnegative(spec.replicas, ['spec', 'replicas']),
      ...nonnegative(spec.minReadySeconds, ['spec', 'minReadySeconds']),
      ...nonnegative(spec.ordinals?.start, ['spec', 'ordinals', 'start']),
    );
    if (spec.serviceName && isAtLeast(version, 1, 33)) {
      for (const detail of isDns1123Label(spec.serviceName)) findings.push({ path: ['spec', 'serviceName'], message: invalid(spec.serviceName, detail) });
    }
    findings.push(...selectorFindings('StatefulSet', spec.selector, spec.template, version, locale), ...replicatedPodFindings('StatefulSet', spec.template, locale));
    return findings;
  },
};

type UpdateStrategy = NonNullable<StatefulSetSpec['updateStrategy']>;
type RollingUpdate = NonNullable<UpdateStrategy['rollingUpdate']>;

function validateUpdateStrategy(strategy: UpdateStrategy, version: KubernetesVersion): RuleFinding[] {
  switch (strategy.type) {
    case 'OnDelete':
      return strategy.rollingUpdate
        ? [{ path: ROLLING_UPDATE, part: 'key', message: invalidRendered(rollingUpdateValue(strategy.rollingUpdate, version), "only allowed for updateStrategy 'RollingUpdate'") }]
        : [];
    case 'RollingUpdate':
      return strategy.rollingUpdate ? validateRollingUpdate(strategy.rollingUpdate, version) : [];
    default:
      return [{ path: [...STRATEGY, 'type'], fieldPath: 'spec.updateStrategy', message: invalidRendered(strategyValue(strategy, version), "must be 'RollingUpdate' or 'OnDelete'") }];
  }
}

/** validateRollingUpdateStatefulSet: partition ≥ 0; a set maxUnavailable is an int or percent, not 0, ≤ 100%. */
function validateRollingUpdate(rollingUpdate: RollingUpdate, version: KubernetesVersion): RuleFinding[] {
  const findings = nonnegative(rollingUpdate.partition, [...ROLLING_UPDATE, 'partition']);
  const maxUnavailable: IntOrString | undefined = rollingUpdate.maxUnavailable;
  if (maxUnavailable === undefined) return findings;
  const path = [...ROLLING_UPDATE, 'maxUnavailable'];
  findings.push(...validatePositiveIntOrPercent(maxUnavailable, path, version));
  if (intOrPercentValue(maxUnavailable) === 0) findings.push({ path, message: invalidRendered(intOrStringValue(maxUnavailable, version), 'cannot be 0') });
  findings.push(...isNotMoreThan100Percent(maxUnavailable, path, version));
  return findings;
}

/** The internal *apps.RollingUpdateStatefulSetStrategy as ErrorBody prints it (dereferenced; see goValues.ts). */
function rollingUpdateValue(rollingUpdate: RollingUpdate, version: KubernetesVersion): string {
  const partition = rollingUpdate.partition ?? 0;
  const maxUnavailable = rollingUpdate.maxUnavailable;
  if (rendersValuesAsJson(version)) {
    return `{"Partition":${partition},"MaxUnavailable":${maxUnavailable === undefined ? 'null' : intOrStringValue(maxUnavailable, version)}}`;
  }
  const pointer = maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : '(*intstr.IntOrString)(0xc000…)';
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${pointer}}`;
}

/** The internal apps.StatefulSetUpdateStrategy (a value, not a pointer) as ErrorBody prints it. */
function strategyValue(strategy: UpdateStrategy, version: KubernetesVersion): string {
  const rollingUpdate = strategy.rollingUpdate;
  if (rendersValuesAsJson(version)) {
    return `{"Type":${goJsonString(strategy.type ?? '')},"RollingUpdate":${rollingUpdate ? rollingUpdateValue(rollingUpdate, version) : 'null'}}`;
  }
  const pointer = rollingUpdate ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000…)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
  return `apps.StatefulSetUpdateStrategy{Type:${goQuote(strategy.type ?? '')}, RollingUpdate:${pointer}}`;
}
