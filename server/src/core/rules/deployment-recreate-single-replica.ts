import { appsAdvice } from './messages/appsAdvice';
import type { Rule } from './rule';

/**
 * Recreate scales the old ReplicaSet to 0 and waits until its pods are gone before the new ReplicaSet starts
 * any (pkg/controller/deployment/recreate.go rolloutRecreate): with a single replica nothing serves between
 * the old pod's termination and the new pod becoming ready.
 */
export const deploymentRecreateSingleReplica: Rule = {
  meta: {
    id: 'deployment-recreate-single-replica',
    severity: 'warning',
    kinds: ['Deployment'],
    description: 'A Recreate strategy with one replica: every rollout is downtime.',
  },
  check({ object, locale }) {
    if (object.kind !== 'Deployment' || object.spec?.strategy?.type !== 'Recreate' || (object.spec.replicas ?? 1) !== 1) return [];
    return [
      {
        path: ['spec', 'strategy', 'type'],
        message: appsAdvice.t(locale, 'recreateSingleReplica'),
        fixes: [
          {
            title: appsAdvice.t(locale, 'recreateFix'),
            changes: [{ op: 'set', path: ['spec', 'strategy'], value: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }],
          },
        ],
      },
    ];
  },
};
