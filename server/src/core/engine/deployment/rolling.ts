/**
 * rolling.go: the RollingUpdate strategy. Each sync scales the new ReplicaSet up as far as maxSurge allows
 * (reconcileNewReplicaSet) and, if it did not, scales old ReplicaSets down as far as maxUnavailable allows
 * (reconcileOldReplicaSets: unhealthy old replicas first, cleanupUnhealthyReplicas, then available ones,
 * scaleDownOldReplicaSetsForRollingUpdate); a finished rollout cleans up old revisions; the status follows.
 */
import { syncRolloutStatus } from './progress';
import { activeReplicaSets, byCreationTimestamp } from './replicaSets';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import type { DeploymentSync } from './syncContext';
import type { ReplicaSetView } from './types';
import { availableReplicas, deploymentComplete, maxUnavailable, newRSNewReplicas, specReplicas } from './util';

/** rolloutRolling. */
export function rolloutRolling(dc: DeploymentSync, rsList: readonly ReplicaSetView[]): void {
  const all = getAllReplicaSetsAndSyncRevision(dc, rsList, true);
  if ('error' in all) {
    dc.requeueAfter(RATE_LIMITED_RETRY_MS);
    return;
  }
  const { newRS, oldRSs } = all;
  if (newRS === null) return;
  const allRSs = [...oldRSs, newRS];
  const up = reconcileNewReplicaSet(dc, allRSs, newRS);
  if (up.scaled) {
    // Upstream keeps the ReplicaSet it read (the update returns a new object): the status counts its old size.
    syncRolloutStatus(dc, allRSs, newRS);
    return;
  }
  const down = reconcileOldReplicaSets(dc, allRSs, activeReplicaSets(oldRSs), newRS);
  if (down) {
    syncRolloutStatus(dc, allRSs, newRS);
    return;
  }
  if (deploymentComplete(dc.d, dc.d.status)) cleanupDeployment(dc, oldRSs);
  syncRolloutStatus(dc, allRSs, newRS);
}

/** The work queue's first retry after an error (workqueue.DefaultControllerRateLimiter: 5ms, doubling). */
export const RATE_LIMITED_RETRY_MS = 5;

/**
 * reconcileNewReplicaSet: a new ReplicaSet larger than spec.replicas is scaled down to it; a smaller one up to
 * NewRSNewReplicas.
 */
export function reconcileNewReplicaSet(dc: DeploymentSync, allRSs: readonly ReplicaSetView[], newRS: ReplicaSetView): { readonly scaled: boolean; readonly rs: ReplicaSetView } {
  const d = dc.d;
  if (newRS.replicas === d.replicas) return { scaled: false, rs: newRS };
  if (newRS.replicas > d.replicas) return dc.scaleReplicaSetAndRecordEvent(newRS, d.replicas);
  const count = newRSNewReplicas(d, allRSs, newRS);
  if ('error' in count) return { scaled: false, rs: newRS };
  return dc.scaleReplicaSetAndRecordEvent(newRS, count.value);
}

/**
 * reconcileOldReplicaSets: old ReplicaSets may lose at most allPods - minAvailable - (new ReplicaSet's
 * unavailable pods); unhealthy replicas go first (they cost no availability), then available ones while more
 * than minAvailable are available.
 */
export function reconcileOldReplicaSets(dc: DeploymentSync, allRSs: readonly ReplicaSetView[], oldRSs: readonly ReplicaSetView[], newRS: ReplicaSetView): boolean {
  const d = dc.d;
  const oldPodsCount = specReplicas(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = specReplicas(allRSs);
  const minAvailable = d.replicas - maxUnavailable(d);
  const newRSUnavailablePodCount = newRS.replicas - newRS.status.availableReplicas;
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(dc, oldRSs, maxScaledDown);
  if ('error' in cleaned) return false;
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

/**
 * cleanupUnhealthyReplicas: oldest first, each old ReplicaSet loses its unavailable replicas (spec.replicas -
 * status.availableReplicas), up to maxCleanupCount in all.
 */
export function cleanupUnhealthyReplicas(dc: DeploymentSync, oldRSs: readonly ReplicaSetView[], maxCleanupCount: number): { readonly oldRSs: ReplicaSetView[]; readonly count: number } | { readonly error: string } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const target = sorted[i];
    if (target.replicas === 0) continue;
    if (target.replicas === target.status.availableReplicas) continue;
    const count = Math.min(maxCleanupCount - total, target.replicas - target.status.availableReplicas);
    const newCount = target.replicas - count;
    if (newCount > target.replicas) return { error: `when cleaning up unhealthy replicas, got invalid request to scale down ${target.name} ${target.replicas} -> ${newCount}` };
    sorted[i] = dc.scaleReplicaSetAndRecordEvent(target, newCount).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: while more than minAvailable pods are available, oldest old
 * ReplicaSets first lose replicas, at most availablePods - minAvailable in all.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentSync, allRSs: readonly ReplicaSetView[], oldRSs: readonly ReplicaSetView[]): number {
  const d = dc.d;
  const minAvailable = d.replicas - maxUnavailable(d);
  const available = availableReplicas(allRSs);
  if (available <= minAvailable) return 0;
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  const totalToScaleDown = available - minAvailable;
  for (const target of sorted) {
    if (total >= totalToScaleDown) break;
    if (target.replicas === 0) continue;
    const count = Math.min(target.replicas, totalToScaleDown - total);
    dc.scaleReplicaSetAndRecordEvent(target, target.replicas - count);
    total += count;
  }
  return total;
}
