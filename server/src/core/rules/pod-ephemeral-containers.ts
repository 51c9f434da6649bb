import { str } from './helpers/podSpec/errorBodies';
import { podContext } from './helpers/podSpec/podContext';
import type { Container } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Ephemeral containers in a pod template: never allowed there (they are added to running pods through the
 * ephemeralcontainers subresource), and checked like upstream checks them anyway: names unique across all
 * containers, an existing non-ephemeral target, only the allowed fields, no subPath mounts, no padded image.
 * pkg/apis/core/validation/validation.go: ValidatePodTemplateSpec, validateEphemeralContainers,
 * validateContainerOnlyForPod, validateFieldAllowList (allowedEphemeralContainerFields).
 */
export const podEphemeralContainers: Rule = {
  meta: {
    id: 'pod-ephemeral-containers',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'A pod template may not have ephemeralContainers (debug containers are added to running pods with kubectl debug).',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const ephemeral = pod.containers('ephemeral');
    if (ephemeral.length === 0) return [];
    const e = pod.errors;
    const findings: RuleFinding[] = [];
    const otherNames = new Set<string>();
    const allNames = new Set<string>();
    for (const ref of [...pod.containers('container'), ...pod.containers('init')]) {
      otherNames.add(ref.container.name ?? '');
      allNames.add(ref.container.name ?? '');
    }
    for (const ref of ephemeral) {
      const c = ref.container;
      const image = c.image ?? '';
      if (image.length !== image.trim().length) {
        findings.push(ref.path.child('image').finding(e.invalid(str(image), 'must not have leading or trailing whitespace')));
      }
      const name = c.name ?? '';
      if (allNames.has(name)) findings.push(ref.path.child('name').finding(e.duplicate(str(name))));
      else allNames.add(name);
      if (c.targetContainerName && !otherNames.has(c.targetContainerName)) {
        findings.push(ref.path.child('targetContainerName').finding(e.notFound(str(c.targetContainerName))));
      }
      for (const field of disallowedFields(c, pod.atLeast(34) && !pod.atLeast(35))) {
        findings.push(ref.path.child(field).finding(e.forbidden('cannot be set for an Ephemeral Container')));
      }
      (c.volumeMounts ?? []).forEach((mount, i) => {
        const mountPath = ref.path.child('volumeMounts').index(i);
        if (mount?.subPath) findings.push(mountPath.child('subPath').finding(e.forbidden('cannot be set for an Ephemeral Container')));
        if (mount?.subPathExpr) findings.push(mountPath.child('subPathExpr').finding(e.forbidden('cannot be set for an Ephemeral Container')));
      });
    }
    findings.push(pod.path.child('ephemeralContainers').finding(e.forbidden('ephemeral containers not allowed in pod template')));
    return findings;
  },
};

/**
 * The fields of EphemeralContainerCommon not in allowedEphemeralContainerFields that are set (not Go zero
 * values), in struct order. In 1.34 the ContainerRestartRules gate (alpha, off) drops restartPolicy first.
 */
function disallowedFields(c: Container, restartPolicyDropped: boolean): string[] {
  const set: Record<string, boolean> = {
    ports: c.ports !== undefined,
    resources: c.resources !== undefined && !isZeroResources(c.resources),
    resizePolicy: c.resizePolicy !== undefined,
    restartPolicy: c.restartPolicy !== undefined && !restartPolicyDropped,
    restartPolicyRules: c.restartPolicyRules !== undefined && !restartPolicyDropped,
    livenessProbe: c.livenessProbe !== undefined,
    readinessProbe: c.readinessProbe !== undefined,
    startupProbe: c.startupProbe !== undefined,
    lifecycle: c.lifecycle !== undefined,
  };
  return Object.keys(set).filter((field) => set[field]);
}

function isZeroResources(resources: NonNullable<Container['resources']>): boolean {
  return resources.limits === undefined && resources.requests === undefined && resources.claims === undefined;
}
