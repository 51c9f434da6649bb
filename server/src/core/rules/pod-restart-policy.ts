import { str } from './helpers/podSpec/errorBodies';
import { podContext } from './helpers/podSpec/podContext';
import type { Rule } from './rule';

/**
 * The pod template's restartPolicy must be one of Always, OnFailure, Never (after defaulting, which fills
 * in Always). The Job and DaemonSet rules add their own, narrower restartPolicy errors on top, as upstream does.
 * pkg/apis/core/validation/validation.go: validateRestartPolicy.
 */
export const podRestartPolicy: Rule = {
  meta: {
    id: 'pod-restart-policy',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'The pod restartPolicy must be Always, OnFailure or Never.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const policy = pod.spec.restartPolicy ?? '';
    const path = pod.path.child('restartPolicy');
    if (policy === '') return [path.finding(pod.errors.required())];
    if (['Always', 'OnFailure', 'Never'].includes(policy)) return [];
    return [path.finding(pod.errors.notSupported(str(policy), ['Always', 'OnFailure', 'Never']))];
  },
};
