/**
 * The DaemonSet controller's pod informer cache, indexed by node: getNodesToDaemonPods
 * (pkg/controller/daemon/daemon_controller.go) builds the map node → daemon pods from the pod lister on
 * every sync; here the same map is kept up to date as pods are added, change and go, so a sync does not
 * walk every pod. The map holds what getNodesToDaemonPods(ds, includeDeletedTerminal = false) returns: the
 * pods the DaemonSet claims, grouped by their target node, without terminal pods that are being deleted,
 * each node's pods in the order they were created (the lister's order).
 *
 * A pod's membership is a function of its state, worked out again at each of its informer events; after a
 * controller manager restart (which misses events) the index is listed from the cluster again.
 */
import type { LabelSelector } from '../../model/types';
import type { SimPod } from '../cluster';
import type { DaemonSetObject } from './object';
import { claims, isPodTerminal, type NodeToDaemonPods } from './pods';
import type { DaemonPodPhase, DaemonPodView } from './types';

export class DaemonPodIndex {
  /** Every pod of the DaemonSet that exists, oldest first. */
  private readonly views = new Map<SimPod, LiveDaemonPod>();
  private readonly grouped: NodeToDaemonPods = new Map();
  /** The listed nodes' positions, and each one's pods (grouped.get of its name) at that position. */
  private positions = new Map<string, number>();
  private aligned: (DaemonPodView[] | undefined)[] = [];
  private alignedNames: readonly string[] | null = null;
  /** Positions (in the lined-up list) whose pods changed since changedPositions was last asked. */
  private changed = new Set<number>();
  private spare = new Set<number>();

  constructor(
    private readonly ds: DaemonSetObject,
    pods: Iterable<SimPod>,
  ) {
    for (const pod of pods) this.added(pod);
  }

  /** getNodesToDaemonPods(ds, false), as of now. */
  get nodeToDaemonPods(): NodeToDaemonPods {
    return this.grouped;
  }

  /**
   * nodeToDaemonPods.get(names[i]) for every i, kept up to date like the map: what SyncContext.podsByNode
   * wants. `names` is the node lister's list; a new list (after a node event) is lined up again.
   */
  podsByNode(names: readonly string[]): readonly (readonly DaemonPodView[] | undefined)[] {
    if (this.alignedNames !== names) {
      this.alignedNames = names;
      this.positions = new Map(names.map((name, i) => [name, i]));
      this.aligned = names.map((name) => this.grouped.get(name));
    }
    return this.aligned;
  }

  /**
   * The positions of the lined-up nodes whose pods were added, removed or changed since the last call; the
   * set is valid until the next call (two sets take turns).
   */
  changedPositions(): ReadonlySet<number> {
    const changed = this.changed;
    this.spare.clear();
    this.changed = this.spare;
    this.spare = changed;
    return changed;
  }

  /** Every pod of the DaemonSet that exists, claimed or not, oldest first. */
  pods(): Iterable<LiveDaemonPod> {
    return this.views.values();
  }

  added(pod: SimPod): void {
    const view = new LiveDaemonPod(pod, this.ds);
    this.views.set(pod, view);
    this.place(view);
  }

  updated(pod: SimPod): void {
    const view = this.views.get(pod);
    if (view !== undefined) this.place(view);
  }

  deleted(pod: SimPod): void {
    const view = this.views.get(pod);
    if (view === undefined) return;
    this.views.delete(pod);
    this.unlist(view);
  }

  /** Lists the pod under its target node, or under none. */
  private place(view: LiveDaemonPod): void {
    const listed = view.claimedBy(this.ds.selector) && !(isPodTerminal(view) && view.deletionTimestamp !== null) ? view.targetNode : null;
    // The pod changed: what its node contributes to a sync may have changed with it.
    if (view.indexedUnder !== null) this.touch(view.indexedUnder);
    if (view.indexedUnder === listed) return;
    this.unlist(view);
    if (listed === null) return;
    view.indexedUnder = listed;
    this.touch(listed);
    const list = this.grouped.get(listed);
    if (list === undefined) {
      const created = [view];
      this.grouped.set(listed, created);
      this.lineUp(listed, created);
      return;
    }
    // Creation order: a pod bound late (its node came back) goes before younger pods of the node.
    let at = list.length;
    while (at > 0 && (list[at - 1] as LiveDaemonPod).pod.uid > view.pod.uid) at--;
    list.splice(at, 0, view);
  }

  private unlist(view: LiveDaemonPod): void {
    const node = view.indexedUnder;
    if (node === null) return;
    view.indexedUnder = null;
    this.touch(node);
    const list = this.grouped.get(node);
    if (list === undefined) return;
    const at = list.indexOf(view);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) {
      this.grouped.delete(node);
      this.lineUp(node, undefined);
    }
  }

  private touch(node: string): void {
    const at = this.positions.get(node);
    if (at !== undefined) this.changed.add(at);
  }

  private lineUp(node: string, list: DaemonPodView[] | undefined): void {
    const at = this.positions.get(node);
    if (at !== undefined) this.aligned[at] = list;
  }
}

/**
 * A live view of one pod: nothing changes a pod while a sync runs, so reading through is safe. Its revision,
 * and so its hash and labels, never change: whether the selector claims it is worked out once.
 */
export class LiveDaemonPod implements DaemonPodView {
  readonly name: string;
  readonly owner = 'self' as const;
  readonly creationTimestamp: number;
  /** The node it is listed under in the index (null: not listed). */
  indexedUnder: string | null = null;
  private hashValue: string | null | undefined;
  private claimed: boolean | undefined;

  constructor(
    readonly pod: SimPod,
    private readonly ds: DaemonSetObject,
  ) {
    this.name = pod.name;
    this.creationTimestamp = pod.createdAt;
  }

  get hash(): string | null {
    if (this.hashValue === undefined) {
      if (this.pod.revision === null) this.hashValue = null;
      else {
        // The revision is numbered before the pod is created; until then (never, in practice) ask again.
        const hash = this.ds.hashByRevisionNumber.get(this.pod.revision);
        if (hash === undefined) return null;
        this.hashValue = hash;
      }
    }
    return this.hashValue;
  }

  /** ClaimPods for an owned pod: the (immutable) selector still matches its (immutable) labels. */
  claimedBy(selector: LabelSelector | undefined): boolean {
    this.claimed ??= claims(this, selector);
    return this.claimed;
  }
  get labels(): Readonly<Record<string, string>> {
    const hash = this.hash;
    return (hash === null ? undefined : this.ds.labelsByHash.get(hash)) ?? this.ds.templateLabels;
  }
  get nodeName(): string {
    return this.pod.nodeName ?? '';
  }
  /** DaemonSet pods are bound to their node as soon as they are created (the node is listed at that instant). */
  get targetNode(): string | null {
    return this.pod.nodeName;
  }
  get phase(): DaemonPodPhase {
    return this.pod.phase;
  }
  get ready(): boolean {
    return this.pod.ready;
  }
  get readyTransitionTime(): number | null {
    return this.pod.ready ? this.pod.readySince : this.pod.unreadySince;
  }
  get deletionTimestamp(): number | null {
    return this.pod.deletionTimestamp;
  }
}
