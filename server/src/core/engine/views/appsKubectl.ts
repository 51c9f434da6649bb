/**
 * What kubectl prints at time t for the apps/v1 workloads with ReplicaSets or ordinals, in the order the CLI
 * and the preview show them (before `kubectl get pods`):
 *   Deployment:  kubectl get deployments, kubectl get replicasets, kubectl rollout status deployment/<name>
 *   ReplicaSet:  kubectl get replicasets (kubectl has no rollout status for a ReplicaSet)
 *   StatefulSet: kubectl get statefulsets, kubectl get persistentvolumeclaims -o name (with claim templates),
 *                kubectl rollout status statefulset/<name>
 * Everything is read from the Timeline; nothing is simulated again.
 */
import type { Timeline } from '../timeline';
import { deploymentRolloutStatusLines, getDeployments } from './deployment';
import { notFoundError, objectDeletedBy } from './objectDeleted';
import { getPersistentVolumeClaimNames, hasClaimTemplates } from './persistentVolumeClaim';
import { getReplicaSets } from './replicaset';
import { watchOutput, type RolloutWatch } from './rolloutWatch';
import { getStatefulSets, statefulSetRolloutStatusLines } from './statefulset';

export interface KubectlOutput {
  /** The command without the prompt: `kubectl get deployments`. */
  readonly command: string;
  /** What kubectl prints, ending with a newline. */
  readonly output: string;
}

/** Scenario events a user follows with `kubectl rollout status`: the spec changes made with kubectl. */
const SPEC_CHANGES: ReadonlySet<string> = new Set(['setImage', 'rollback', 'patch']);

/** The tables and the rollout status of a Deployment, ReplicaSet or StatefulSet at t; [] for other kinds. */
export function appsKubectlAt(timeline: Timeline, t: number): KubectlOutput[] {
  const { kind, name } = timeline.object;
  if (kind === 'Deployment') {
    return [
      { command: 'kubectl get deployments', output: getDeployments(timeline, t) },
      { command: 'kubectl get replicasets', output: getReplicaSets(timeline, t) },
      { command: `kubectl rollout status deployment/${name}`, output: rolloutStatusAt(timeline, t, 'deployments.apps', deploymentRolloutStatusLines) },
    ];
  }
  if (kind === 'ReplicaSet') return [{ command: 'kubectl get replicasets', output: getReplicaSets(timeline, t) }];
  if (kind === 'StatefulSet') {
    return [
      { command: 'kubectl get statefulsets', output: getStatefulSets(timeline, t) },
      ...(hasClaimTemplates(timeline) ? [{ command: 'kubectl get persistentvolumeclaims -o name', output: getPersistentVolumeClaimNames(timeline, t) }] : []),
      { command: `kubectl rollout status statefulset/${name}`, output: rolloutStatusAt(timeline, t, 'statefulsets.apps', statefulSetRolloutStatusLines) },
    ];
  }
  return [];
}

/**
 * `kubectl rollout status <kind>/<name>` at t: once the object is deleted, run then it fails on the GET of the
 * object (rollout_status.go gets it before it watches), with the API server's NotFound.
 */
function rolloutStatusAt(timeline: Timeline, t: number, resource: string, watch: (timeline: Timeline, start: number) => RolloutWatch): string {
  if (objectDeletedBy(timeline, t)) return notFoundError(resource, timeline.object.name);
  return watchOutput(watchedUpTo(timeline, t, watch));
}

/**
 * `kubectl rollout status` as a user who started it right after the last spec change made with kubectl at or
 * before t (else at the creation) saw it by t: the lines for later writes have not been printed yet.
 */
export function watchedUpTo(timeline: Timeline, t: number, watch: (timeline: Timeline, start: number) => RolloutWatch): RolloutWatch {
  let start = 0;
  for (const marker of timeline.markers) if (SPEC_CHANGES.has(marker.kind) && marker.at <= t) start = Math.max(start, marker.at);
  const seen = t >= timeline.duration ? timeline : { ...timeline, statusHistory: timeline.statusHistory.filter((entry) => entry.at <= t) };
  return watch(seen, start);
}
