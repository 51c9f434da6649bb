/**
 * The Deployment controller as the simulation runs it (deployment_controller.go): its informer handlers
 * (addDeployment / updateDeployment, addReplicaSet / updateReplicaSet / deleteReplicaSet of its ReplicaSets,
 * deletePod for a Recreate Deployment whose pods are gone) and syncDeployment, whose API writes are applied to
 * the Deployment and ReplicaSet objects here and whose events go to the cluster.
 */
import type { ClusterAction, ClusterChange, ClusterView } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import { computeHash } from '../daemonset/history';
import type { AppsChange, AppsObjects } from './objects';
import type { OwnedPodPhase } from './recreate';
import { syncDeployment } from './syncDeployment';
import { DEPLOYMENT_CONTROLLER, RECREATE } from './types';

export class DeploymentController implements Controller {
  readonly name = DEPLOYMENT_CONTROLLER;

  constructor(
    private readonly objects: AppsObjects,
    /** reflect.DeepEqual(d.Spec.Selector, &metav1.LabelSelector{}). */
    private readonly selectsAll: boolean,
  ) {}

  initialKeys(): readonly string[] {
    return [this.objects.name];
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    const kind = (change as { kind: string }).kind;
    if (kind === 'deployment' || kind === 'replicaset') {
      // Every ReplicaSet in the run is this Deployment's (its controllerRef).
      void (change as unknown as AppsChange);
      queue.addAfter(this.objects.name, 0);
    } else if (kind === 'pod') {
      const { op, pod } = change as Extract<ClusterChange, { kind: 'pod' }>;
      // deletePod: only a Recreate Deployment cares, to start the new ReplicaSet once the old pods are gone.
      if (op === 'deleted' && pod.owner.kind === 'ReplicaSet' && this.objects.spec.strategy.type === RECREATE) queue.addAfter(this.objects.name, 0);
    }
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const objects = this.objects;
    // A deleted Deployment is not in the lister any more: syncDeployment finds nothing to do.
    if (key !== objects.name || objects.deletedAt !== null) return { actions: [], requeueAfterMs: null };
    const replicaSets = objects.liveReplicaSets();
    const pods: OwnedPodPhase[] = [];
    if (objects.spec.strategy.type === RECREATE) {
      for (const rs of replicaSets) for (const pod of cluster.podsOf({ kind: 'ReplicaSet', name: rs.name })) pods.push({ rs: rs.name, phase: pod.phase });
    }
    const result = syncDeployment({
      deployment: objects.view(),
      replicaSets,
      pods,
      selectsAll: this.selectsAll,
      deleting: false,
      now,
      hash: computeHash,
    });
    const actions: ClusterAction[] = [];
    const involved = { kind: objects.kind, name: objects.name };
    for (const write of result.writes) {
      switch (write.type) {
        case 'createReplicaSet':
          objects.createReplicaSet(write.rs, now);
          break;
        case 'updateReplicaSet':
          objects.updateReplicaSet(write.rs, now);
          break;
        case 'deleteReplicaSet': {
          objects.deleteReplicaSet(write.name, now);
          // The garbage collector deletes what is left of its pods (none: only empty ReplicaSets are deleted).
          for (const pod of cluster.podsOf({ kind: 'ReplicaSet', name: write.name })) {
            if (pod.deletionTimestamp === null) actions.push({ type: 'deletePod', pod: pod.name, removeFinalizer: false, reason: `owner ReplicaSet ${write.name} deleted` });
          }
          break;
        }
        case 'updateDeployment':
          objects.writeStatus(write.annotations, write.status, now);
          break;
        case 'event':
          actions.push({ type: 'event', involved, eventType: write.eventType, reason: write.reason, message: write.message });
          break;
      }
    }
    return { actions, requeueAfterMs: result.requeueAfterMs };
  }
}
