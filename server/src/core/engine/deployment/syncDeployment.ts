/**
 * syncDeployment (deployment_controller.go): what one sync of a Deployment does, in upstream's order — a
 * selector that selects everything is refused (SelectingAll); a Deployment being deleted only gets its status;
 * pausing and resuming set their conditions; a paused Deployment or a scaling event is only scaled
 * (proportionally); otherwise the strategy rolls out (Recreate or RollingUpdate).
 */
import { rolloutRecreate, type OwnedPodPhase } from './recreate';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, getAllReplicaSetsAndSyncRevision, isScalingEvent, syncScaling, syncStatusOnly } from './sync';
import { DeploymentSync, type DeploymentWrite, type TemplateHasher } from './syncContext';
import { RECREATE, type DeploymentView, type ReplicaSetView } from './types';

export interface DeploymentSyncInput {
  readonly deployment: DeploymentView;
  /** The ReplicaSets the Deployment owns (getReplicaSetsForDeployment). */
  readonly replicaSets: readonly ReplicaSetView[];
  /** Its pods by ReplicaSet (getPodMapForDeployment; Recreate waits for the old ones to stop). */
  readonly pods: readonly OwnedPodPhase[];
  readonly selectsAll: boolean;
  readonly deleting: boolean;
  readonly now: number;
  readonly hash: TemplateHasher;
}

export interface DeploymentSyncResult {
  readonly writes: readonly DeploymentWrite[];
  readonly requeueAfterMs: number | null;
}

export function syncDeployment(input: DeploymentSyncInput): DeploymentSyncResult {
  const dc = new DeploymentSync(
    input.deployment,
    input.now,
    input.hash,
    input.replicaSets.map((rs) => rs.name),
  );
  const d = dc.d;
  const rsList = input.replicaSets;
  if (input.selectsAll) {
    dc.event('SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', 'Warning');
    if (d.status.observedGeneration < d.generation) {
      d.status = { ...d.status, observedGeneration: d.generation };
      dc.updateStatus();
    }
  } else if (input.deleting) {
    syncStatusOnly(dc, rsList);
  } else {
    checkPausedConditions(dc);
    if (d.paused) syncScaling(dc, rsList);
    else {
      // isScalingEvent calls getAllReplicaSetsAndSyncRevision, which may update the new ReplicaSet's annotations.
      // Upstream's next call in the same sync would then update it again from its stale cache and fail with a
      // conflict; the update's informer event syncs the Deployment again. The simulation ends the sync there.
      const before = dc.writes.length;
      const all = getAllReplicaSetsAndSyncRevision(dc, rsList, false);
      if (dc.writes.slice(before).some((w) => w.type === 'updateReplicaSet')) return { writes: dc.writes, requeueAfterMs: dc.requeueAfterMs };
      if (!('error' in all) && isScalingEvent(dc, all)) syncScaling(dc, rsList);
      else if (d.strategy.type === RECREATE) rolloutRecreate(dc, rsList, input.pods);
      else rolloutRolling(dc, rsList);
    }
  }
  return { writes: dc.writes, requeueAfterMs: dc.requeueAfterMs };
}
