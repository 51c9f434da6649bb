import type { Rule, RuleFinding } from './rule';

interface ResourceRequirements {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

/**
 * A DaemonSet runs a pod on every node, next to every other workload: without requests the scheduler
 * cannot reserve room for it, and without limits one misbehaving agent can starve a whole node. The course
 * notes warn about exactly this for log collectors such as fluentd.
 */
export const daemonSetResources: Rule = {
  meta: {
    id: 'daemonset-resources',
    severity: 'warning',
    kinds: ['DaemonSet'],
    description: 'DaemonSet containers should set resource requests and limits: they run on every node.',
  },
  check({ written }) {
    if (written.kind !== 'DaemonSet') return [];
    const findings: RuleFinding[] = [];
    (written.spec?.template?.spec?.containers ?? []).forEach((container, index) => {
      const resources = (container as { resources?: ResourceRequirements }).resources ?? {};
      const missing = [
        ...(Object.keys(resources.requests ?? {}).length === 0 ? ['requests'] : []),
        ...(Object.keys(resources.limits ?? {}).length === 0 ? ['limits'] : []),
      ];
      if (missing.length === 0) return;
      findings.push({
        path: ['spec', 'template', 'spec', 'containers', index, ...(container.name !== undefined ? ['name'] : [])],
        message:
          `Container "${container.name ?? index}" has no resource ${missing.join(' or ')}. A DaemonSet runs on every node beside everything else: ` +
          'set resources.requests (cpu, memory) so the scheduler keeps room for it, and resources.limits so it cannot starve the node.',
      });
    });
    return findings;
  },
};
