/**
 * recreate.go: the Recreate strategy. Old ReplicaSets go to 0 first; only when no old pod is left running
 * (oldPodsRunning) is the new ReplicaSet created and scaled to spec.replicas at once.
 */
import { syncRolloutStatus } from './progress';
import { activeReplicaSets } from './replicaSets';
import { RATE_LIMITED_RETRY_MS } from './rolling';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import type { DeploymentSync } from './syncContext';
import type { ReplicaSetView } from './types';
import { actualReplicas, deploymentComplete } from './util';

/** A pod as oldPodsRunning looks at it. */
export interface OwnedPodPhase {
  /** The owning ReplicaSet's name. */
  readonly rs: string;
  /** Pending, Running, Succeeded, Failed, Unknown (or empty: not yet reported, counted as running). */
  readonly phase: string;
}

/** rolloutRecreate. */
export function rolloutRecreate(dc: DeploymentSync, rsList: readonly ReplicaSetView[], pods: readonly OwnedPodPhase[]): void {
  const first = getAllReplicaSetsAndSyncRevision(dc, rsList, false);
  if ('error' in first) return;
  let { newRS, oldRSs } = first;
  let allRSs: (ReplicaSetView | null)[] = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(dc, activeReplicaSets(oldRSs))) {
    syncRolloutStatus(dc, allRSs, newRS);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, pods)) {
    syncRolloutStatus(dc, allRSs, newRS);
    return;
  }
  if (newRS === null) {
    const created = getAllReplicaSetsAndSyncRevision(dc, rsList, true);
    if ('error' in created) {
      dc.requeueAfter(RATE_LIMITED_RETRY_MS);
      return;
    }
    ({ newRS, oldRSs } = created);
    allRSs = [...oldRSs, newRS];
  }
  // scaleUpNewReplicaSetForRecreate; the status below counts the ReplicaSet as it was read (upstream keeps it).
  if (newRS !== null) dc.scaleReplicaSetAndRecordEvent(newRS, dc.d.replicas);
  if (deploymentComplete(dc.d, dc.d.status)) cleanupDeployment(dc, oldRSs);
  syncRolloutStatus(dc, allRSs, newRS);
}

/** scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to 0. */
export function scaleDownOldReplicaSetsForRecreate(dc: DeploymentSync, oldRSs: readonly ReplicaSetView[]): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (rs.replicas === 0) continue;
    if (dc.scaleReplicaSetAndRecordEvent(rs, 0).scaled) scaled = true;
  }
  return scaled;
}

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or a pod not of the new ReplicaSet is not terminal
 * (Unknown counts as running: "we can't be sure that the pod is not running").
 */
export function oldPodsRunning(newRS: ReplicaSetView | null, oldRSs: readonly ReplicaSetView[], pods: readonly OwnedPodPhase[]): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const pod of pods) {
    if (newRS !== null && pod.rs === newRS.name) continue;
    if (pod.phase === 'Failed' || pod.phase === 'Succeeded') continue;
    return true;
  }
  return false;
}
