/**
 * One daemon pod per eligible node: daemon_controller.go manage, podsShouldBeOnNode,
 * getUnscheduledPodsWithoutNode and the create/delete plan of syncNodes (burstReplicas, slow start).
 */
import { Backoff, failedPodsBackoffKey } from './backoff';
import type { NodeTally } from './nodeCodes';
import { compareDaemonPods, isPodAvailable, type NodeToDaemonPods } from './pods';
import type { PlacementPolicy } from './scheduling';
import {
  BURST_REPLICAS,
  FAILED_DAEMON_POD_REASON,
  SLOW_START_INITIAL_BATCH_SIZE,
  SUCCEEDED_DAEMON_POD_REASON,
  type DaemonPodView,
  type DaemonSetEvent,
  type DaemonSetView,
  type NodeView,
  type Placement,
} from './types';

/** What one sync knows: the DaemonSet, the nodes with their placement, the current revision's hash, the time. */
export interface SyncContext {
  readonly ds: DaemonSetView;
  readonly nodes: readonly NodeView[];
  /** NodeShouldRunDaemonPod for nodes[i]. */
  readonly placements: readonly Placement[];
  readonly policy: PlacementPolicy;
  /** The current ControllerRevision's hash (constructHistory). */
  readonly hash: string;
  readonly now: number;
  /** util.AllowsSurge: the update strategy allows a second pod per node (DaemonSetUpdateSurge and maxSurge > 0). */
  readonly allowsSurge: boolean;
  /**
   * nodeToDaemonPods.get(nodes[i].name) for every listed node, when the caller keeps it at hand (the
   * controller's pod index does, so a sync over thousands of nodes does not look each one up three times).
   */
  readonly podsByNode?: readonly (readonly DaemonPodView[] | undefined)[];
  /** The listed nodes' codes and their sums, when the caller keeps them up to date; made on the spot otherwise. */
  readonly tally?: NodeTally;
}

/** The daemon pods on the i-th listed node; undefined when it has none. */
export function podsOnNode(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, i: number): readonly DaemonPodView[] | undefined {
  return ctx.podsByNode !== undefined ? ctx.podsByNode[i] : nodeToDaemonPods.get(ctx.nodes[i].name);
}

export interface ManageResult {
  /** Nodes to create a daemon pod on, in node order. */
  readonly nodesNeedingDaemonPods: readonly string[];
  readonly podsToDelete: readonly string[];
  /** Why each pod is deleted, in words (the simulation records it as the pod's deletedBy). */
  readonly deleteReasons: ReadonlyMap<string, string>;
  /** FailedDaemonPod / SucceededDaemonPod, in the order they were recorded. */
  readonly events: readonly DaemonSetEvent[];
  /** enqueueDaemonSetAfter for failed pods still in backoff; null for none. */
  readonly requeueAfterMs: number | null;
}

/**
 * manage: podsShouldBeOnNode for every node (in node order), then the unscheduled pods pinned to nodes that
 * no longer exist (getUnscheduledPodsWithoutNode). `backoff` is updated in place (failedPodsBackoff.Next).
 * `everyPodScheduled`: the caller knows every pod in the map has spec.nodeName, so there are no unscheduled
 * pods to look for.
 */
export function manage(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, backoff: Backoff, everyPodScheduled = false): ManageResult {
  const nodesNeedingDaemonPods: string[] = [];
  const podsToDelete: string[] = [];
  const deleteReasons = new Map<string, string>();
  const del = (name: string, reason: string): void => {
    podsToDelete.push(name);
    deleteReasons.set(name, reason);
  };
  const events: DaemonSetEvent[] = [];
  let requeueAfterMs: number | null = null;
  const requeue = (ms: number): void => {
    requeueAfterMs = requeueAfterMs === null ? ms : Math.min(requeueAfterMs, ms);
  };
  // A node whose code is QUIET gives nothing to do: the kept tally names the others.
  const visit = (i: number): void => podsShouldBeOnNode(ctx, ctx.nodes[i], ctx.placements[i], podsOnNode(ctx, nodeToDaemonPods, i), backoff, nodesNeedingDaemonPods, del, events, requeue);
  if (ctx.tally !== undefined) for (const i of ctx.tally.notQuiet()) visit(i);
  else for (let i = 0; i < ctx.nodes.length; i++) visit(i);
  if (!everyPodScheduled) {
    for (const [name, node] of unscheduledPodsWithoutNode(ctx.nodes, nodeToDaemonPods)) del(name, `never scheduled, and its node ${node} no longer exists`);
  }
  return { nodesNeedingDaemonPods, podsToDelete, deleteReasons, events, requeueAfterMs };
}

/**
 * podsShouldBeOnNode:
 *  - shouldRun and no pod on the node → create one;
 *  - shouldContinueRunning: terminating pods are left alone; Failed pods are deleted (FailedDaemonPod, at most
 *    once per backoff window per node — in backoff the DaemonSet is requeued after the current delay),
 *    Succeeded pods deleted (SucceededDaemonPod); of the running ones, without surge all but the first by
 *    podByCreationTimestampAndPhase are deleted; with surge a node with none gets a new pod, otherwise the
 *    oldest pod of the current hash and the oldest of any other hash are kept, the rest deleted, and the old
 *    one goes too once it is not Ready or the new one is available;
 *  - neither → every pod on the node that is not already terminating is deleted.
 */
function podsShouldBeOnNode(
  ctx: SyncContext,
  node: NodeView,
  placement: Placement,
  daemonPods: readonly DaemonPodView[] | undefined,
  backoff: Backoff,
  nodesNeedingDaemonPods: string[],
  del: (name: string, reason: string) => void,
  events: DaemonSetEvent[],
  requeue: (ms: number) => void,
): void {
  const exists = daemonPods !== undefined;
  if (placement.shouldRun && !exists) {
    nodesNeedingDaemonPods.push(node.name);
    return;
  }
  if (placement.shouldContinueRunning) {
    // The common case, settled without sorting or allocating: one pod, not terminating, not terminal.
    if (daemonPods?.length === 1) {
      const only = daemonPods[0];
      if (only.deletionTimestamp === null && only.phase !== 'Failed' && only.phase !== 'Succeeded') return;
    }
    const running: DaemonPodView[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.deletionTimestamp !== null) continue;
      if (pod.phase === 'Failed') {
        // This is where the controller fights a kubelet that rejects pods: back off per node.
        const key = failedPodsBackoffKey(ctx.ds.uid, ctx.ds.observedGeneration, node.name);
        if (backoff.isInBackOffSinceUpdate(key, ctx.now)) {
          requeue(backoff.get(key));
          continue;
        }
        backoff.next(key, ctx.now);
        events.push({ eventType: 'Warning', reason: FAILED_DAEMON_POD_REASON, message: `Found failed daemon pod ${ctx.ds.namespace}/${pod.name} on node ${node.name}, will try to kill it` });
        del(pod.name, 'the pod failed');
      } else if (pod.phase === 'Succeeded') {
        events.push({ eventType: 'Normal', reason: SUCCEEDED_DAEMON_POD_REASON, message: `Found succeeded daemon pod ${ctx.ds.namespace}/${pod.name} on node ${node.name}, will try to delete it` });
        del(pod.name, 'the pod succeeded');
      } else {
        running.push(pod);
      }
    }
    if (!ctx.allowsSurge) {
      if (running.length <= 1) return;
      running.sort(compareDaemonPods);
      for (let i = 1; i < running.length; i++) del(running[i].name, `more than one daemon pod on node ${node.name}`);
      return;
    }
    if (running.length <= 1) {
      // Surging: a node needs at least one pod that is not being deleted.
      if (running.length === 0 && placement.shouldRun) nodesNeedingDaemonPods.push(node.name);
      return;
    }
    running.sort(compareDaemonPods);
    let oldestNew: DaemonPodView | undefined;
    let oldestOld: DaemonPodView | undefined;
    for (const pod of running) {
      if (pod.hash === ctx.hash) {
        if (oldestNew === undefined) {
          oldestNew = pod;
          continue;
        }
      } else if (oldestOld === undefined) {
        oldestOld = pod;
        continue;
      }
      del(pod.name, `more than one daemon pod of a revision on node ${node.name}`);
    }
    if (oldestNew !== undefined && oldestOld !== undefined) {
      if (!oldestOld.ready) del(oldestOld.name, 'an old pod that is not Ready, next to a pod of the current revision');
      else if (isPodAvailable(oldestNew, ctx.ds.minReadySeconds, ctx.now)) del(oldestOld.name, 'replaced by an available pod of the current revision');
    }
    return;
  }
  if (exists) {
    for (const pod of daemonPods) if (pod.deletionTimestamp === null) del(pod.name, `node ${node.name} should no longer run a daemon pod (node selector, affinity or an untolerated NoExecute taint)`);
  }
}

/**
 * getUnscheduledPodsWithoutNode: pods pinned (by node affinity) to a node that does not exist and never
 * scheduled; PodGC cannot delete them, so the DaemonSet controller does.
 */
function unscheduledPodsWithoutNode(nodes: readonly NodeView[], nodeToDaemonPods: NodeToDaemonPods): [string, string][] {
  let names: Set<string> | null = null;
  const out: [string, string][] = [];
  for (const [nodeName, pods] of nodeToDaemonPods) {
    for (const pod of pods) {
      if (pod.nodeName !== '') continue;
      names ??= new Set(nodes.map((n) => n.name));
      if (!names.has(nodeName)) out.push([pod.name, nodeName]);
    }
  }
  return out;
}

export interface SyncNodesPlan {
  /** The creates syncNodes attempts: the first min(len, burstReplicas) nodes. */
  readonly creates: readonly string[];
  /** The deletes syncNodes issues: the first min(len, burstReplicas) pods. */
  readonly deletes: readonly string[];
}

/** syncNodes: creates and deletes are each capped at burstReplicas per sync. */
export function planSyncNodes(podsToDelete: readonly string[], nodesNeedingDaemonPods: readonly string[], burstReplicas = BURST_REPLICAS): SyncNodesPlan {
  return {
    creates: nodesNeedingDaemonPods.slice(0, Math.min(nodesNeedingDaemonPods.length, burstReplicas)),
    deletes: podsToDelete.slice(0, Math.min(podsToDelete.length, burstReplicas)),
  };
}

/**
 * syncNodes' slow start: creates go in batches of 1, 2, 4, ... (SlowStartInitialBatchSize doubling); when a
 * batch has a failure the remaining creates are skipped until the next sync. `create` attempts one create and
 * says whether it succeeded. Returns how many were attempted and how many failed.
 */
export function slowStartCreate(count: number, create: (index: number) => boolean): { readonly attempted: number; readonly failed: number } {
  let failed = 0;
  let attempted = 0;
  let batchSize = Math.min(count, SLOW_START_INITIAL_BATCH_SIZE);
  for (let pos = 0; count > pos; ) {
    const failedBefore = failed;
    for (let i = pos; i < pos + batchSize; i++) {
      attempted++;
      if (!create(i)) failed++;
    }
    const skipped = count - (batchSize + pos);
    if (failed > failedBefore && skipped > 0) break;
    pos += batchSize;
    batchSize = Math.min(2 * batchSize, count - pos);
  }
  return { attempted, failed };
}
