import { num } from './helpers/podSpec/errorBodies';
import { validateHandler } from './helpers/podSpec/handlers';
import { initRestartPolicy } from './pod-containers';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import type { Probe } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Liveness, readiness and startup probes of regular containers and sidecar (restartPolicy: Always) init
 * containers: exactly one valid handler, non-negative timings (after SetDefaults_Probe), successThreshold 1
 * for liveness and startup probes, a positive probe-level terminationGracePeriodSeconds that readiness
 * probes may not set. (Where probes are not allowed at all is pod-containers' and pod-ephemeral-containers' concern.)
 * pkg/apis/core/validation/validation.go: validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateProbe.
 */
export const podProbes: Rule = {
  meta: {
    id: 'pod-probes',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Container probes: exactly one valid handler, non-negative timings, successThreshold 1 for liveness and startup probes.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    const sidecars = pod.containers('init').filter((ref) => initRestartPolicy(pod, ref.container) === 'Always');
    for (const ref of [...pod.containers('container'), ...sidecars]) findings.push(...probes(pod, ref));
    return findings;
  },
};

function probes(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = ref.container[field];
    if (!probe) continue;
    const path = ref.path.child(field);
    findings.push(...validateProbe(pod, probe, path));
    if (field !== 'readinessProbe' && (probe.successThreshold ?? 0) !== 1) {
      findings.push(path.child('successThreshold').finding(e.invalid(num(probe.successThreshold ?? 0), 'must be 1')));
    }
    if (field === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined) {
      findings.push(path.child('terminationGracePeriodSeconds').finding(e.invalid(num(probe.terminationGracePeriodSeconds), 'must not be set for readinessProbes')));
    }
  }
  return findings;
}

function validateProbe(pod: PodContext, probe: Probe, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings = validateHandler(pod, probe, path, 'probe');
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const value = probe[field] ?? 0;
    if (value < 0) findings.push(path.child(field).finding(e.invalid(num(value), 'must be greater than or equal to 0')));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace <= 0) findings.push(path.child('terminationGracePeriodSeconds').finding(e.invalid(num(grace), 'must be greater than 0')));
  return findings;
}
