/**
 * The DaemonSet controller as the simulation runs it: its informer handlers (daemon_controller.go addPod,
 * updatePod, deletePod, addNode, updateNode, updateDaemonset) and syncDaemonSet, which reads the cluster
 * through the pure decisions of this folder (constructHistory, manage, rollingUpdate, cleanupHistory,
 * updateDaemonSetStatus).
 *
 * Expectations: upstream does not run rollingUpdate in a sync whose manage step created or deleted pods,
 * because its informer has not seen them yet (SatisfiedExpectations); the simulation applies a sync's
 * actions after it returns and the pods' informer events wake the controller again at the same instant, so
 * the rolling update runs in the next sync — as it does in a cluster. The status a sync writes is computed
 * from what it saw, before its own creates and deletes, as the real informer cache would show it.
 *
 * The DaemonSet object (and its ControllerRevisions) is not part of the simulated cluster; the controller
 * writes revisions and status to it directly during its sync (the API calls of constructHistory,
 * cleanupHistory and storeDaemonSetStatus) and returns the pod actions.
 */
import type { Cluster, ClusterAction, ClusterChange, ClusterView, OwnerRef, SimNode } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import { Backoff } from './backoff';
import { cleanupHistory, constructHistory } from './history';
import { manage, planSyncNodes, type SyncContext } from './manage';
import { KeptNodeTally } from './nodeCodes';
import type { DaemonSetObject } from './object';
import { DaemonPodIndex } from './podIndex';
import { selectsAllPods } from './pods';
import { allowsSurge, rollingUpdate } from './rollingUpdate';
import { PlacementPolicy, TAINT_NODE_NOT_READY, TAINT_NODE_UNSCHEDULABLE } from './scheduling';
import { computeStatusCounts, minReadyRequeueMs, nextStatus } from './status';
import {
  DAEMONSET_CONTROLLER,
  FAILED_PODS_BACKOFF_INITIAL_MS,
  FAILED_PODS_BACKOFF_MAX_MS,
  SELECTING_ALL_REASON,
  type NodeView,
  type Placement,
  type Taint,
} from './types';

/**
 * A change to the DaemonSet object itself (kubectl set image, rollout undo): the DaemonSet informer's
 * UpdateFunc (updateDaemonset enqueues the DaemonSet). The cluster's change type has no kind for objects it
 * does not hold, so this one travels through the same notification path.
 */
export interface DaemonSetChange {
  readonly kind: 'daemonset';
  readonly op: 'updated';
  readonly name: string;
}

/** Tells the controllers that the DaemonSet object changed (the informer's update event). */
export function notifyDaemonSetChange(cluster: Cluster, name: string): void {
  const change: DaemonSetChange = { kind: 'daemonset', op: 'updated', name };
  cluster.hooks.notify(change as unknown as ClusterChange);
}

export function backoffMemoryKey(ds: DaemonSetObject): string {
  return `${DAEMONSET_CONTROLLER}/${ds.namespace}/${ds.name}/failedPodsBackoff`;
}

const NOTHING: ControllerSyncResult = { actions: [], requeueAfterMs: null };

export class DaemonSetController implements Controller {
  readonly name = DAEMONSET_CONTROLLER;
  private readonly key: string;
  private readonly owner: OwnerRef;
  private readonly nodeViews = new WeakMap<SimNode, NodeView>();
  private policy: PlacementPolicy;
  private placements = new WeakMap<SimNode, Placement>();
  /**
   * The node informer's cache: the listed nodes with their views and names, rebuilt after a node event or a
   * restart, and their placements (NodeShouldRunDaemonPod) under the policy they were worked out with (a
   * template change brings a new policy, and the placements are worked out again).
   */
  private nodeCache: {
    readonly sim: readonly SimNode[];
    readonly views: readonly NodeView[];
    readonly names: readonly string[];
    placements: readonly Placement[];
    placementsBy: PlacementPolicy | null;
  } | null = null;
  /** The pod informer's cache, indexed by node; listed again after a restart. */
  private podIndex: DaemonPodIndex | null = null;
  /** What each listed node contributes to a sync, worked out again only where something changed. */
  private readonly tally = new KeptNodeTally();

  constructor(
    private readonly ds: DaemonSetObject,
    /** The DaemonSetUpdateSurge feature (beta, on by default, from 1.22; GA 1.25). */
    private readonly surgeEnabled: boolean,
  ) {
    this.key = `${ds.namespace}/${ds.name}`;
    this.owner = { kind: 'DaemonSet', name: ds.name };
    this.policy = new PlacementPolicy(ds.podSpec);
  }

  initialKeys(): readonly string[] {
    // A (re)started controller manager lists everything again.
    this.nodeCache = null;
    this.podIndex = null;
    return [this.key];
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    const kind = (change as { kind: string }).kind;
    if (kind === 'pod') {
      // addPod / updatePod / deletePod: the owning DaemonSet syncs at once (no batching, unlike the Job controller).
      const { op, pod } = change as Extract<ClusterChange, { kind: 'pod' }>;
      if (pod.owner.kind !== 'DaemonSet' || pod.owner.name !== this.ds.name) return;
      const index = this.podIndex;
      if (index !== null) {
        if (op === 'added') index.added(pod);
        else if (op === 'updated') index.updated(pod);
        else index.deleted(pod);
      }
      queue.addAfter(this.key, 0);
    } else if (kind === 'node') {
      const { op, node } = change as Extract<ClusterChange, { kind: 'node' }>;
      this.nodeCache = null;
      // addNode: only when the node should run a daemon pod. updateNode: the old node is not at hand, so
      // any update wakes the DaemonSet. There is no delete handler: PodGC deletes the node's pods.
      if (op === 'added' && this.placementOf(node).shouldRun) queue.addAfter(this.key, 0);
      else if (op === 'updated') queue.addAfter(this.key, 0);
    } else if (kind === 'daemonset') {
      if ((change as unknown as DaemonSetChange).name === this.ds.name) queue.addAfter(this.key, 0);
    }
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const ds = this.ds;
    if (key !== this.key) return NOTHING;
    const owner = this.owner;
    if (selectsAllPods(ds.selector)) {
      return { actions: [{ type: 'event', involved: owner, eventType: 'Warning', reason: SELECTING_ALL_REASON, message: 'This daemon set is selecting all pods. A non-empty selector is required.' }], requeueAfterMs: null };
    }
    // A DaemonSet being deleted: its history may be gone already, so nothing is done, not even the status.
    if (ds.deleting) return NOTHING;
    let requeue: number | null = null;
    const requeueAfter = (ms: number | null): void => {
      if (ms !== null && (requeue === null || ms < requeue)) requeue = ms;
    };

    // constructHistory: the current revision, created or renumbered. The controller's own writes to the
    // DaemonSet and its revisions come back as informer events (updateHistory, deleteHistory, updateDaemonset)
    // whose syncs find nothing new (every other change wakes the controller by itself): they are not replayed.
    const history = constructHistory(ds.name, ds.template, ds.revisions, ds.status.collisionCount, ds.templateData);
    if (history.writes.length > 0) ds.applyHistoryWrites(history.writes);
    if (history.collisionCount !== ds.status.collisionCount) ds.writeStatus({ ...ds.status, collisionCount: history.collisionCount }, now);
    const hash = history.cur.hash;

    const { views: nodes, names, placements } = this.listNodes(cluster);
    const index = this.listPods(cluster);
    const grouped = index.nodeToDaemonPods;
    const listed: SyncContext = {
      ds: ds.view(),
      nodes,
      placements,
      policy: this.currentPolicy(),
      hash,
      now,
      allowsSurge: allowsSurge(ds.updateStrategy, this.surgeEnabled),
      podsByNode: index.podsByNode(names),
    };
    const ctx: SyncContext = { ...listed, tally: this.tally.update(listed, index.changedPositions(), grouped) };

    const memory = cluster.memory(backoffMemoryKey(ds));
    const backoff = memory instanceof Backoff ? memory.clone() : new Backoff(FAILED_PODS_BACKOFF_INITIAL_MS, FAILED_PODS_BACKOFF_MAX_MS);
    const actions: ClusterAction[] = [];

    // A pod is listed under its target node, which in the simulation is its spec.nodeName: none is unscheduled.
    const managed = manage(ctx, grouped, backoff, true);
    for (const event of managed.events) actions.push({ type: 'event', involved: owner, eventType: event.eventType, reason: event.reason, message: event.message });
    requeueAfter(managed.requeueAfterMs);
    const plan = planSyncNodes(managed.podsToDelete, managed.nodesNeedingDaemonPods);
    this.pushCreates(actions, plan.creates, history.cur.revision, hash);
    for (const name of plan.deletes) actions.push({ type: 'deletePod', pod: name, removeFinalizer: false, reason: managed.deleteReasons.get(name) ?? 'daemon pod not needed' });

    // updateDaemonSet: the update strategy runs once the expectations of manage are satisfied.
    if (plan.creates.length === 0 && plan.deletes.length === 0 && ds.updateStrategy.type === 'RollingUpdate') {
      const update = rollingUpdate(ctx, grouped, this.surgeEnabled);
      if ('error' in update) {
        requeueAfter(1_000);
      } else {
        const next = planSyncNodes(update.podsToDelete, update.nodesToCreate);
        this.pushCreates(actions, next.creates, history.cur.revision, hash);
        const how = update.maxSurge > 0 ? `maxSurge ${update.maxSurge}` : `maxUnavailable ${update.maxUnavailable}`;
        for (const name of next.deletes) actions.push({ type: 'deletePod', pod: name, removeFinalizer: false, reason: `rolling update to revision ${history.cur.revision} (${how})` });
      }
    }

    // cleanupHistory: terminal pods that are being deleted still keep their revision alive. Only a history
    // longer than the limit has anything to clean up, so only then are the pods' hashes gathered.
    if (history.old.length > ds.revisionHistoryLimit) {
      const live = new Set<string>();
      for (const pod of index.pods()) if (pod.hash !== null) live.add(pod.hash);
      const doomed = cleanupHistory(history.old, ds.revisionHistoryLimit, live);
      if (doomed.length > 0) ds.applyHistoryWrites(doomed.map((revision) => ({ type: 'delete', revision })));
    }

    // updateDaemonSetStatus, with observedGeneration (expectations were satisfied when this sync began).
    const counts = computeStatusCounts(ctx, grouped);
    const status = nextStatus(ds.status, counts, ds.generation, true);
    if (status !== null) ds.writeStatus(status, now);
    requeueAfter(minReadyRequeueMs(ctx, grouped, counts));
    if (backoff.dirty) actions.push({ type: 'setMemory', key: backoffMemoryKey(ds), value: backoff });
    return { actions, requeueAfterMs: requeue };
  }

  private pushCreates(actions: ClusterAction[], nodes: readonly string[], revision: number, hash: string): void {
    if (nodes.length === 0) return;
    const template = this.ds.templateInfo(hash, this.ds.template);
    this.ds.labelsByHash.set(hash, this.ds.templateLabels);
    for (const nodeName of nodes) {
      actions.push({
        type: 'createPod',
        owner: this.owner,
        namespace: this.ds.namespace,
        generateName: `${this.ds.name}-`,
        index: null,
        indexFailureCount: null,
        indexIgnoredFailureCount: null,
        nodeName,
        revision,
        template,
      });
    }
  }

  /** The listed nodes, their views and their placements for the current template. */
  private listNodes(cluster: ClusterView): { readonly views: readonly NodeView[]; readonly names: readonly string[]; readonly placements: readonly Placement[] } {
    if (this.nodeCache === null) {
      const sim = cluster.nodes().filter((n) => n.removedAt === null);
      this.nodeCache = { sim, views: sim.map((n) => this.nodeView(n)), names: sim.map((n) => n.name), placements: [], placementsBy: null };
    }
    const cache = this.nodeCache;
    const policy = this.currentPolicy();
    if (cache.placementsBy !== policy) {
      cache.placements = cache.sim.map((n) => this.placementOf(n));
      cache.placementsBy = policy;
    }
    return { views: cache.views, names: cache.names, placements: cache.placements };
  }

  /** The pod lister, indexed by node; listed from the cluster after a (re)start. */
  private listPods(cluster: ClusterView): DaemonPodIndex {
    this.podIndex ??= new DaemonPodIndex(this.ds, cluster.podsOf(this.owner));
    return this.podIndex;
  }

  private nodeView(node: SimNode): NodeView {
    let view = this.nodeViews.get(node);
    if (view === undefined) {
      view = nodeViewOf(node);
      this.nodeViews.set(node, view);
    }
    return view;
  }

  /** NodeShouldRunDaemonPod for the current pod template (a template change brings a new policy). */
  private currentPolicy(): PlacementPolicy {
    if (this.ds.podSpec !== this.policy.spec) {
      this.policy = new PlacementPolicy(this.ds.podSpec);
      this.placements = new WeakMap();
    }
    return this.policy;
  }

  private placementOf(node: SimNode): Placement {
    this.currentPolicy();
    let placement = this.placements.get(node);
    if (placement === undefined) {
      placement = this.policy.placement(this.nodeView(node));
      this.placements.set(node, placement);
    }
    return placement;
  }
}

/**
 * The node as the controller sees it: its taints plus those the node lifecycle controller keeps in step with
 * its state — node.kubernetes.io/not-ready NoSchedule (TaintNodesByCondition) and NoExecute (taint-based
 * eviction) for a node that is not Ready, node.kubernetes.io/unschedulable NoSchedule for a cordoned one.
 */
export function nodeViewOf(node: SimNode): NodeView {
  const taints: Taint[] = [...node.taints];
  if (!node.ready) taints.push({ key: TAINT_NODE_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' });
  if (node.unschedulable) taints.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  return { name: node.name, labels: node.labels, taints };
}
