/**
 * progress.go: the Progressing condition. With progressDeadlineSeconds set, a finished rollout gets
 * NewReplicaSetAvailable ("ReplicaSet \"x\" has successfully progressed."), any progress ReplicaSetUpdated
 * ("ReplicaSet \"x\" is progressing.", lastUpdateTime moves), and no progress for longer than the deadline
 * ProgressDeadlineExceeded ("ReplicaSet \"x\" has timed out progressing.", status False). A stuck rollout is
 * requeued for the moment its deadline passes (requeueStuckDeployment).
 */
import { calculateStatus, sameStatus } from './sync';
import type { DeploymentSync } from './syncContext';
import { REASONS, type DeploymentCondition, type DeploymentStatus, type DeploymentView, type ReplicaSetView } from './types';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, hasProgressDeadline, newCondition, removeCondition, setCondition } from './util';

/** syncRolloutStatus. */
export function syncRolloutStatus(dc: DeploymentSync, allRSs: readonly (ReplicaSetView | null)[], newRS: ReplicaSetView | null): void {
  const d = dc.d;
  let status = calculateStatus(dc, allRSs, newRS);
  if (!hasProgressDeadline(d)) status = { ...status, conditions: removeCondition(status.conditions, 'Progressing') };
  const current = getCondition(d.status.conditions, 'Progressing');
  const isCompleteDeployment = status.replicas === status.updatedReplicas && current !== undefined && current.reason === REASONS.newRSAvailable;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const what = newRS !== null ? `ReplicaSet "${newRS.name}"` : `Deployment "${d.name}"`;
    if (deploymentComplete(d, status)) {
      const condition = newCondition('Progressing', 'True', REASONS.newRSAvailable, `${what} has successfully progressed.`, dc.now);
      status = { ...status, conditions: setCondition(status.conditions, condition) };
    } else if (deploymentProgressing(d.status, status)) {
      // The Progressing condition is updated even when its reason is the same (lastUpdateTime moves), keeping
      // lastTransitionTime while it stays True.
      let condition: DeploymentCondition = newCondition('Progressing', 'True', REASONS.replicaSetUpdated, `${what} is progressing.`, dc.now);
      let conditions = status.conditions;
      if (current !== undefined) {
        if (current.status === 'True') condition = { ...condition, lastTransitionTime: current.lastTransitionTime };
        conditions = removeCondition(conditions, 'Progressing');
      }
      status = { ...status, conditions: setCondition(conditions, condition) };
    } else if (deploymentTimedOut(d, status, dc.now)) {
      const condition = newCondition('Progressing', 'False', REASONS.timedOut, `${what} has timed out progressing.`, dc.now);
      status = { ...status, conditions: setCondition(status.conditions, condition) };
    }
  }
  // getReplicaFailures: no ReplicaSet in the simulation reports ReplicaFailure (pod creation does not fail).
  status = { ...status, conditions: removeCondition(status.conditions, 'ReplicaFailure') };
  if (sameStatus(d.status, status)) {
    const after = requeueStuckDeployment(d, status, dc.now);
    if (after !== null) dc.requeueAfter(after);
    return;
  }
  d.status = status;
  dc.updateStatus();
}

/**
 * requeueStuckDeployment: with a deadline and an unfinished, not yet failed rollout, check again when the
 * Progressing condition's lastUpdateTime + progressDeadlineSeconds comes (plus a second against clock skew); at
 * once (rate limited) when less than a second is left. Null when no check is needed; the delay otherwise (ms).
 * The upstream function returns the delay without the extra second; `requeueStuckDelay` gives that value.
 */
export function requeueStuckDeployment(d: Pick<DeploymentView, 'progressDeadlineSeconds' | 'replicas' | 'generation' | 'status'>, status: DeploymentStatus, now: number): number | null {
  const after = requeueStuckDelay(d, status, now);
  if (after === null) return null;
  return after === 0 ? RATE_LIMITED_RETRY_MS : after + 1000;
}

/** The value requeueStuckDeployment returns upstream: -1 (null here), 0 for now, or the time left (ms). */
export function requeueStuckDelay(d: Pick<DeploymentView, 'progressDeadlineSeconds' | 'replicas' | 'generation' | 'status'>, status: DeploymentStatus, now: number): number | null {
  const current = getCondition(d.status.conditions, 'Progressing');
  if (!hasProgressDeadline(d) || current === undefined) return null;
  if (deploymentComplete(d, status) || current.reason === REASONS.timedOut) return null;
  const after = (current.lastUpdateTime ?? 0) + (d.progressDeadlineSeconds ?? 0) * 1000 - now;
  return after < 1000 ? 0 : after;
}

const RATE_LIMITED_RETRY_MS = 5;
