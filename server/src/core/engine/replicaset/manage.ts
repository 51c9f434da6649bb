/**
 * The ReplicaSet controller's decisions (pkg/controller/replicaset/replica_set.go): manageReplicas (create the
 * missing pods in slow-start batches, at most burstReplicas per sync; delete the surplus, ranked), the status
 * it writes (replica_set_utils.go calculateStatus) and when it looks again (MinReadySeconds).
 */
import { getPodsToDelete, type RankedPod, type RankingFeatures } from './ranking';

/** replicaset.BurstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * SlowStartBatch: call fn in batches of 1, 2, 4, ... (never more than what is left); stop after the first
 * batch with a failure. Returns the successes and the first error.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => string | null): { readonly successes: number; readonly error: string | null } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: string | null = null;
    let failed = 0;
    for (let i = 0; i < batch; i++) {
      const error = fn();
      if (error !== null) {
        failed++;
        firstError ??= error;
      }
    }
    successes += batch - failed;
    if (firstError !== null) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes, error: null };
}

/** A pod the ReplicaSet owns, as its sync reads it. */
export interface ReplicaSetPod extends RankedPod {
  readonly deleting: boolean;
  /** Ready and, for minReadySeconds, long enough (podutil.IsPodAvailable). */
  readonly labelsMatchTemplate: boolean;
}

/** controller.FilterActivePods: not Succeeded, not Failed, not being deleted. */
export function isActive(pod: Pick<ReplicaSetPod, 'phase' | 'deleting'>): boolean {
  return pod.phase !== 'Succeeded' && pod.phase !== 'Failed' && !pod.deleting;
}

export interface ManageDecision {
  /** Pods to create (already capped at burstReplicas). */
  readonly create: number;
  /** Pods to delete, in deletion order. */
  readonly delete: readonly ReplicaSetPod[];
}

/** manageReplicas: the difference between the active pods and spec.replicas, capped at burstReplicas. */
export function manageReplicas(
  active: readonly ReplicaSetPod[],
  related: readonly RankedPod[] | (() => readonly RankedPod[]),
  replicas: number,
  now: number,
  features?: RankingFeatures,
  burstReplicas = BURST_REPLICAS,
): ManageDecision {
  const diff = active.length - replicas;
  if (diff < 0) return { create: Math.min(-diff, burstReplicas), delete: [] };
  // The related pods are listed only when some pods are to be deleted (getIndirectlyRelatedPods runs in that branch).
  if (diff > 0) return { create: 0, delete: getPodsToDelete(active, typeof related === 'function' ? related() : related, Math.min(diff, burstReplicas), now, features) };
  return { create: 0, delete: [] };
}

/**
 * calculateStatus's fullyLabeledReplicas test: the template's labels, as a selector, match the pod's labels (a
 * pod made from the template always does; an adopted one may not).
 */
export function templateLabelsMatch(templateLabels: Readonly<Record<string, string>>, podLabels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(templateLabels)) if (podLabels[key] !== value) return false;
  return true;
}

export interface ReplicaSetCounts {
  readonly replicas: number;
  readonly fullyLabeledReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
}

/**
 * calculateStatus: status.replicas counts the active pods; ready ones, and of those the ones Ready for more than
 * minReadySeconds (podutil.IsPodAvailable: lastTransitionTime + minReadySeconds strictly before now).
 */
export function calculateCounts(active: readonly ReplicaSetPod[], minReadySeconds: number, now: number): ReplicaSetCounts {
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of active) {
    if (pod.labelsMatchTemplate) fullyLabeled++;
    if (!pod.ready) continue;
    ready++;
    if (isAvailable(pod, minReadySeconds, now)) available++;
  }
  return { replicas: active.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available };
}

/** podutil.IsPodAvailable. */
export function isAvailable(pod: Pick<RankedPod, 'ready' | 'readySince'>, minReadySeconds: number, now: number): boolean {
  if (!pod.ready) return false;
  if (minReadySeconds === 0) return true;
  return pod.readySince !== null && pod.readySince + minReadySeconds * 1000 < now;
}

/**
 * When the ReplicaSet is looked at again for pods becoming available:
 *   - syncReplicaSet: every replica ready but not all available → AddAfter(minReadySeconds) ("a last line of
 *     defense" against clock skew);
 *   - updatePod: a pod that turned Ready → AddAfter(minReadySeconds + 1s).
 * The work queue keeps the earliest wake-up of a key, so the handler's later one is lost when the sync asks for
 * an earlier one; the simulation, which has no clock skew to absorb, reads each Ready pod's transition time
 * instead, as the DaemonSet controller's model does, so a pod counts as available a second after it may.
 */
export function minReadyRequeueMs(counts: ReplicaSetCounts, replicas: number, minReadySeconds: number, active: readonly ReplicaSetPod[] = [], now = 0): number | null {
  if (minReadySeconds <= 0) return null;
  const minReadyMs = minReadySeconds * 1000;
  let requeue: number | null = counts.readyReplicas === replicas && counts.availableReplicas !== replicas ? minReadyMs : null;
  for (const pod of active) {
    if (!pod.ready || pod.readySince === null || isAvailable(pod, minReadySeconds, now)) continue;
    const at = pod.readySince + minReadyMs + 1000 - now;
    if (at > 0 && (requeue === null || at < requeue)) requeue = at;
  }
  return requeue;
}
