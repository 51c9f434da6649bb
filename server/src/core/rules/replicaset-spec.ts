import { nonnegative, podTemplateValidated, replicatedPodFindings, selectorFindings } from './helpers/appsWorkload';
import type { Rule } from './rule';

/**
 * A ReplicaSet's spec, as pkg/apis/apps/validation/validation.go ValidateReplicaSetSpec checks it after
 * SetDefaults_ReplicaSet, in its order: replicas and minReadySeconds (non-negative), the selector (required,
 * well-formed, not empty, matching the template labels), then the template's restartPolicy (Always) and
 * activeDeadlineSeconds (forbidden); the rest of the template is the pod-* rules'.
 */
export const replicaSetSpec: Rule = {
  meta: {
    id: 'replicaset-spec',
    severity: 'error',
    kinds: ['ReplicaSet'],
    description:
      'A ReplicaSet needs non-negative replicas and minReadySeconds, a selector matching its template labels, restartPolicy Always and no activeDeadlineSeconds.',
  },
  check({ object, kubernetesVersion, locale }) {
    if (object.kind !== 'ReplicaSet') return [];
    const spec = object.spec ?? {};
    return [
      ...nonnegative(spec.replicas, ['spec', 'replicas']),
      ...nonnegative(spec.minReadySeconds, ['spec', 'minReadySeconds']),
      ...selectorFindings('ReplicaSet', spec.selector, spec.template, kubernetesVersion, locale),
      // Inside ValidatePodTemplateSpecForReplicaSet: skipped when the selector does not convert.
      ...(podTemplateValidated(object) ? replicatedPodFindings('ReplicaSet', spec.template, locale) : []),
    ];
  },
};
