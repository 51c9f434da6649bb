import { containerAdvice } from './messages/containerAdvice';
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
  check({ written, locale }) {
    if (written.kind !== 'DaemonSet') return [];
    const findings: RuleFinding[] = [];
    (written.spec?.template?.spec?.containers ?? []).forEach((container, index) => {
      const resources = (container as { resources?: ResourceRequirements }).resources ?? {};
      const noRequests = Object.keys(resources.requests ?? {}).length === 0;
      const noLimits = Object.keys(resources.limits ?? {}).length === 0;
      if (!noRequests && !noLimits) return;
      const missing = noRequests && noLimits ? 'missingRequestsAndLimits' : noRequests ? 'missingRequests' : 'missingLimits';
      findings.push({
        path: ['spec', 'template', 'spec', 'containers', index, ...(container.name !== undefined ? ['name'] : [])],
        message: containerAdvice.t(locale, 'daemonSetResources', { container: container.name ?? index, missing: containerAdvice.t(locale, missing) }),
      });
    });
    return findings;
  },
};
