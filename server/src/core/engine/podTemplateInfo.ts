/**
 * controller.GetPodFromTemplate for the controllers that copy their pod template as it is (ReplicaSet, and so
 * Deployment, and StatefulSet): what kubelet and the scheduler read of it. A DaemonSet adds its own
 * tolerations (daemonset/object.ts).
 */
import type { PodTemplateInfo } from './cluster';
import { isRecord, tolerationsOf } from './daemonset/object';

export function podTemplateInfoOf(template: Readonly<Record<string, unknown>>): PodTemplateInfo {
  const spec = isRecord(template.spec) ? template.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
  const nodeSelector: Record<string, string> = {};
  if (isRecord(spec.nodeSelector)) for (const [k, v] of Object.entries(spec.nodeSelector)) if (typeof v === 'string') nodeSelector[k] = v;
  return {
    containerNames: containers.length > 0 ? containers.map((c, i) => (typeof c.name === 'string' ? c.name : `container-${i}`)) : ['main'],
    restartPolicy: typeof spec.restartPolicy === 'string' ? spec.restartPolicy : 'Always',
    activeDeadlineSeconds: typeof spec.activeDeadlineSeconds === 'number' ? spec.activeDeadlineSeconds : null,
    terminationGracePeriodSeconds: typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30,
    nodeSelector,
    tolerations: tolerationsOf(spec.tolerations),
    // The first container's image: scenario outcomes may select pods by it (a new image that never gets Ready).
    ...(containers.length > 0 && typeof containers[0].image === 'string' ? { image: containers[0].image } : {}),
  };
}
