/**
 * The ReplicaSet controller as the simulation runs it (pkg/controller/replicaset/replica_set.go): its informer
 * handlers (addPod / updatePod / deletePod enqueue the owning ReplicaSet; a pod that turns Ready is looked at
 * again minReadySeconds + 1s later; ReplicaSet add / update / delete) and syncReplicaSet: manageReplicas
 * (slow-start creates, ranked deletes), then the status computed from the pods it listed.
 *
 * Expectations: upstream does not manage again until its informer has seen the pods it created or deleted;
 * the simulation applies a sync's actions at once and their informer events wake the controller at the same
 * instant, so the next sync sees them, as upstream's would.
 */
import type { ClusterAction, ClusterChange, ClusterView, SimPod } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import type { AppsChange, AppsObjects } from '../deployment/objects';
import { REPLICASET_CONTROLLER, type ReplicaSetView } from '../deployment/types';
import { calculateCounts, isActive, manageReplicas, minReadyRequeueMs, slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE, type ReplicaSetPod } from './manage';
import type { RankedPod } from './ranking';

const NOTHING: ControllerSyncResult = { actions: [], requeueAfterMs: null };

export class ReplicaSetController implements Controller {
  readonly name = REPLICASET_CONTROLLER;
  /** Whether each pod was Ready when last seen (updatePod compares the old and the new pod). */
  private readonly wasReady = new WeakMap<SimPod, boolean>();

  constructor(private readonly objects: AppsObjects) {}

  initialKeys(): readonly string[] {
    return [...this.objects.replicaSets.keys()];
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    const kind = (change as { kind: string }).kind;
    if (kind === 'pod') {
      const { op, pod } = change as Extract<ClusterChange, { kind: 'pod' }>;
      if (pod.owner.kind !== 'ReplicaSet') return;
      const record = this.objects.replicaSets.get(pod.owner.name);
      if (record === undefined) return;
      queue.addAfter(pod.owner.name, 0);
      const before = this.wasReady.get(pod) ?? false;
      if (op !== 'deleted') this.wasReady.set(pod, pod.ready);
      // updatePod: "if the pod became ready, the ReplicaSet is synced again after minReadySeconds" (+1s).
      const minReady = record.view.minReadySeconds;
      if (op === 'updated' && !before && pod.ready && minReady > 0) queue.addAfter(pod.owner.name, minReady * 1000 + 1000);
    } else if (kind === 'replicaset') {
      const rs = change as unknown as AppsChange;
      queue.addAfter(rs.name, 0);
    }
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const record = this.objects.replicaSets.get(key);
    if (record === undefined) return NOTHING;
    const rs = record.view;
    const owner = { kind: 'ReplicaSet', name: rs.name };
    const pods = cluster.podsOf(owner).map((p) => this.podView(p));
    const active = pods.filter(isActive);
    const actions: ClusterAction[] = [];
    if (!rs.deleting) {
      const decision = manageReplicas(active, () => this.relatedPods(cluster), rs.replicas, now);
      if (decision.create > 0) {
        // Creates in slow-start batches; the simulated API never refuses one (the pod limit ends the run instead).
        slowStartBatch(decision.create, SLOW_START_INITIAL_BATCH_SIZE, () => {
          actions.push({
            type: 'createPod',
            owner,
            namespace: this.objects.namespace,
            generateName: `${rs.name}-`,
            index: null,
            indexFailureCount: null,
            indexIgnoredFailureCount: null,
            revision: revisionNumber(rs),
            template: record.podTemplate,
          });
          return null;
        });
      }
      for (const pod of decision.delete) actions.push({ type: 'deletePod', pod: pod.name, removeFinalizer: false, reason: `scaled down to ${rs.replicas} replicas` });
    }
    // calculateStatus from the pods this sync listed (its own creates and deletes are not in the cache yet).
    const counts = calculateCounts(active, rs.minReadySeconds, now);
    this.objects.writeReplicaSetStatus(rs.name, { replicas: counts.replicas, readyReplicas: counts.readyReplicas, availableReplicas: counts.availableReplicas, observedGeneration: rs.generation }, now);
    return { actions, requeueAfterMs: minReadyRequeueMs(counts, rs.replicas, rs.minReadySeconds, active, now) };
  }

  /** getIndirectlyRelatedPods: the pods of every ReplicaSet of the same owner (the Deployment). */
  private relatedPods(cluster: ClusterView): RankedPod[] {
    const out: RankedPod[] = [];
    for (const name of this.objects.replicaSets.keys()) for (const pod of cluster.podsOf({ kind: 'ReplicaSet', name })) out.push(this.podView(pod));
    return out;
  }

  /** A pod of the `existing` state keeps the Ready time it had before t=0 while its first Ready spell lasts. */
  private podView(pod: SimPod): ReplicaSetPod {
    const view = podView(pod);
    const before = this.objects.readySinceBeforeStart.get(pod);
    if (before === undefined || !pod.ready || pod.readySince !== 0 || pod.runs.length !== 1) return view;
    return { ...view, readySince: before };
  }
}

function revisionNumber(rs: ReplicaSetView): number | null {
  const v = rs.annotations['deployment.kubernetes.io/revision'];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/** The pod as the ReplicaSet controller reads it. */
export function podView(pod: SimPod): ReplicaSetPod {
  const deleting = pod.deletionTimestamp !== null;
  return {
    name: pod.name,
    uid: String(pod.uid),
    nodeName: pod.nodeName ?? '',
    phase: pod.phase,
    ready: pod.ready,
    readySince: pod.readySince,
    restarts: pod.restartCount,
    createdAt: pod.createdAt,
    deletionCost: 0,
    active: pod.phase !== 'Succeeded' && pod.phase !== 'Failed' && !deleting,
    deleting,
    labelsMatchTemplate: true,
  };
}
