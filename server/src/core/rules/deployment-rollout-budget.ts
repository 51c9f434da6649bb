import { resolveFenceposts, scaledValue } from '../engine/deployment/util';
import { appsAdvice } from './messages/appsAdvice';
import type { Rule } from './rule';

/**
 * How a RollingUpdate budget resolves for the Deployment's replicas, as the deployment controller computes it
 * (pkg/controller/deployment/util/deployment_util.go ResolveFenceposts: maxSurge rounds up, maxUnavailable
 * rounds down, and when both come to 0 maxUnavailable becomes 1). Percentages that read as proportional but
 * resolve to one pod at a time surprise people: "one extra pod first" (surge 1, unavailable 0) makes a rollout
 * of N replicas N steps one after another; "one pod down at a time" (both 0) rolls with a pod fewer serving.
 */
export const deploymentRolloutBudget: Rule = {
  meta: {
    id: 'deployment-rollout-budget',
    severity: 'warning',
    kinds: ['Deployment'],
    description: 'A RollingUpdate whose percentages come to one pod at a time (one extra pod first, or one pod down) for the replicas it has.',
  },
  check({ object, locale }) {
    if (object.kind !== 'Deployment') return [];
    const spec = object.spec ?? {};
    const replicas = spec.replicas ?? 1;
    const rollingUpdate = spec.strategy?.rollingUpdate;
    if (spec.strategy?.type !== 'RollingUpdate' || !rollingUpdate || replicas < 2) return [];
    const maxSurge = rollingUpdate.maxSurge ?? 0;
    const maxUnavailable = rollingUpdate.maxUnavailable ?? 0;
    // Only percentages scale with the replicas; plain numbers say what they mean.
    if (typeof maxSurge === 'number' && typeof maxUnavailable === 'number') return [];
    const resolved = resolveFenceposts(maxSurge, maxUnavailable, replicas);
    const unavailableAsWritten = scaledValue(maxUnavailable, replicas, false);
    if ('error' in resolved || 'error' in unavailableAsWritten) return [];
    const { surge, unavailable } = resolved.value;
    const args = { replicas, maxSurge: String(maxSurge), maxUnavailable: String(maxUnavailable) };
    const path = ['spec', 'strategy', 'rollingUpdate'];
    if (surge === 1 && unavailable === 0) return [{ path, part: 'key', message: appsAdvice.t(locale, 'oneExtraPodFirst', args) }];
    if (surge === 0 && unavailableAsWritten.value === 0) return [{ path, part: 'key', message: appsAdvice.t(locale, 'onePodDownAtATime', args) }];
    return [];
  },
};
