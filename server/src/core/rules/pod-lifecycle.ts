import { validateHandler } from './helpers/podSpec/handlers';
import { initRestartPolicy } from './pod-containers';
import { podContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

/**
 * postStart and preStop hooks of regular containers and sidecar (restartPolicy: Always) init containers:
 * exactly one valid handler (exec, httpGet, tcpSocket, sleep); a sleep within the pod's
 * terminationGracePeriodSeconds. (The container stopSignal is dropped while ContainerStopSignals is alpha.)
 * pkg/apis/core/validation/validation.go: validateLifecycle, validateHandler, validateSleepAction.
 */
export const podLifecycle: Rule = {
  meta: {
    id: 'pod-lifecycle',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Container lifecycle hooks: exactly one valid handler each; sleep no longer than terminationGracePeriodSeconds.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    const sidecars = pod.containers('init').filter((ref) => initRestartPolicy(pod, ref.container) === 'Always');
    for (const ref of [...pod.containers('container'), ...sidecars]) {
      const lifecycle = ref.container.lifecycle;
      if (!lifecycle) continue;
      const path = ref.path.child('lifecycle');
      if (lifecycle.postStart) findings.push(...validateHandler(pod, lifecycle.postStart, path.child('postStart'), 'lifecycle'));
      if (lifecycle.preStop) findings.push(...validateHandler(pod, lifecycle.preStop, path.child('preStop'), 'lifecycle'));
    }
    return findings;
  },
};
