/**
 * What one listed node contributes to a sync, in a few bits: its part of updateDaemonSetStatus's counts,
 * how the rolling update without surge sees it, and whether manage has anything to do there. A sync over
 * thousands of nodes reads these codes instead of the pods; the simulation's controller keeps them and works
 * a node's code out again only when the node's pods change (or when the template, the node list or the time
 * make it stale), so that a rollout one node at a time does not look at every node's pods at every step.
 *
 * One function (nodeCode) decides every bit, from the same rules as manage, rollingUpdate and
 * updateDaemonSetStatus; they read the bits whether the codes were kept or made on the spot.
 */
import type { SyncContext } from './manage';
import { compareDaemonPods, isPodAvailable, isPodTerminal, type NodeToDaemonPods } from './pods';
import type { DaemonPodView, Placement } from './types';

/** NodeShouldRunDaemonPod: shouldRun (desiredNumberScheduled). */
export const DESIRED = 1;
/** The node has daemon pods (currentNumberScheduled when DESIRED, numberMisscheduled otherwise). */
export const HAS_PODS = 2;
/** Its oldest pod is Ready (numberReady). */
export const READY = 4;
/** Its oldest pod is available (numberAvailable). */
export const AVAILABLE = 8;
/** Its oldest pod carries the current hash (updatedNumberScheduled). */
export const UPDATED = 16;
/** manage has nothing to do on the node: one pod, neither terminating nor terminal, and it may stay; or no pod and none wanted. */
export const QUIET = 32;
/** The code changes with time alone: a Ready pod that is not available yet (minReadySeconds). */
export const TIME = 64;
/** The rolling update's view (without surge), in bits 7-9: see ROLL_*. */
export const ROLL_SHIFT = 7;
export const ROLL_MASK = 7 << ROLL_SHIFT;
/** Not one of the nodes the rolling update walks (it should not run a pod and has none). */
export const ROLL_NONE = 0;
/** Counts as unavailable: no pod, an old and a new one, more than one of either, or a new pod not available. */
export const ROLL_UNAVAILABLE = 1 << ROLL_SHIFT;
/** Only a new pod, available. */
export const ROLL_NEW_AVAILABLE = 2 << ROLL_SHIFT;
/** Only an old pod, not available: it is replaced whatever the budget (and counts as unavailable). */
export const ROLL_OLD_UNAVAILABLE = 3 << ROLL_SHIFT;
/** Only an old pod, available: a candidate for deletion within the budget. */
export const ROLL_OLD_AVAILABLE = 4 << ROLL_SHIFT;

/**
 * findUpdatedPodsOnNode: of the pods not being deleted, at most one of the current hash (new) and one of
 * another hash (old); ok = false when there are more (the manage loop prunes them first).
 */
export function findUpdatedPodsOnNode(pods: readonly DaemonPodView[], hash: string): { readonly newPod: DaemonPodView | null; readonly oldPod: DaemonPodView | null; readonly ok: boolean } {
  let newPod: DaemonPodView | null = null;
  let oldPod: DaemonPodView | null = null;
  for (const pod of pods) {
    if (pod.deletionTimestamp !== null) continue;
    if (pod.hash === hash) {
      if (newPod !== null) return { newPod: null, oldPod: null, ok: false };
      newPod = pod;
    } else {
      if (oldPod !== null) return { newPod: null, oldPod: null, ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** The rolling update's view of one node's pods (rollingUpdate without surge). */
export function rollClass(pods: readonly DaemonPodView[], ctx: SyncContext): number {
  const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, ctx.hash);
  if (!ok || (oldPod === null) === (newPod === null)) return ROLL_UNAVAILABLE;
  const minReady = ctx.ds.minReadySeconds;
  if (newPod !== null) return isPodAvailable(newPod, minReady, ctx.now) ? ROLL_NEW_AVAILABLE : ROLL_UNAVAILABLE;
  return isPodAvailable(oldPod as DaemonPodView, minReady, ctx.now) ? ROLL_OLD_AVAILABLE : ROLL_OLD_UNAVAILABLE;
}

/** The code of one listed node with its pods (undefined: none) and its placement. */
export function nodeCode(ctx: SyncContext, pods: readonly DaemonPodView[] | undefined, placement: Placement): number {
  const hasPods = pods !== undefined && pods.length > 0;
  let code = 0;
  if (placement.shouldRun) code |= DESIRED;
  if (hasPods) code |= HAS_PODS;
  if (!hasPods) {
    if (!placement.shouldRun) return code | QUIET;
    return code | ROLL_UNAVAILABLE;
  }
  const minReady = ctx.ds.minReadySeconds;
  if (placement.shouldRun) {
    // updateDaemonSetStatus looks at the oldest pod (podByCreationTimestampAndPhase).
    let pod = pods[0];
    for (let j = 1; j < pods.length; j++) if (compareDaemonPods(pods[j], pod) < 0) pod = pods[j];
    if (pod.ready) {
      code |= READY;
      if (isPodAvailable(pod, minReady, ctx.now)) code |= AVAILABLE;
    }
    if (pod.hash === ctx.hash) code |= UPDATED;
  }
  if (placement.shouldContinueRunning && pods.length === 1) {
    const only = pods[0];
    if (only.deletionTimestamp === null && !isPodTerminal(only)) code |= QUIET;
  }
  code |= rollClass(pods, ctx);
  if (minReady > 0) {
    for (const pod of pods) {
      if (pod.ready && !isPodAvailable(pod, minReady, ctx.now)) {
        code |= TIME;
        break;
      }
    }
  }
  return code;
}

/** Every listed node's code, made on the spot. */
export function nodeCodes(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods): Uint16Array {
  const codes = new Uint16Array(ctx.nodes.length);
  for (let i = 0; i < ctx.nodes.length; i++) {
    const pods = ctx.podsByNode !== undefined ? ctx.podsByNode[i] : nodeToDaemonPods.get(ctx.nodes[i].name);
    codes[i] = nodeCode(ctx, pods, ctx.placements[i]);
  }
  return codes;
}


/**
 * The listed nodes' codes with their sums: the status counts, how many nodes the rolling update counts as
 * unavailable, and which nodes manage must visit, which hold an old pod that is not available and which wait
 * for time. Changing one code updates the sums, so a sync reads them without walking every node.
 */
export class NodeTally {
  desired = 0;
  /** Listed nodes with pods (all of the map's keys when no pod is on a node that is not listed). */
  hasPods = 0;
  current = 0;
  misscheduled = 0;
  ready = 0;
  available = 0;
  updated = 0;
  /** ROLL_UNAVAILABLE and ROLL_OLD_UNAVAILABLE nodes. */
  unavailable = 0;
  private readonly notQuietSet = new Set<number>();
  private readonly oldUnavailableSet = new Set<number>();
  private readonly waitingSet = new Set<number>();
  /** No node before this one has ROLL_OLD_AVAILABLE (a rollout in node order leaves a growing prefix without). */
  private oldAvailableFloor = 0;

  constructor(readonly codes: Uint16Array) {
    for (let i = 0; i < codes.length; i++) this.count(i, codes[i], 1);
  }

  /** Made on the spot for a sync. */
  static of(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods): NodeTally {
    return new NodeTally(nodeCodes(ctx, nodeToDaemonPods));
  }

  set(i: number, code: number): void {
    const old = this.codes[i];
    if (old === code) return;
    this.count(i, old, -1);
    this.codes[i] = code;
    this.count(i, code, 1);
  }

  /** The nodes manage must visit (codes without QUIET), in node order. */
  notQuiet(): number[] {
    return ascending(this.notQuietSet);
  }

  /** The nodes with ROLL_OLD_UNAVAILABLE, in node order. */
  oldUnavailable(): number[] {
    return ascending(this.oldUnavailableSet);
  }

  /** The first `count` nodes with ROLL_OLD_AVAILABLE, in node order. */
  firstOldAvailable(count: number): number[] {
    const out: number[] = [];
    if (count <= 0) return out;
    const codes = this.codes;
    let i = this.oldAvailableFloor;
    while (i < codes.length && (codes[i] & ROLL_MASK) !== ROLL_OLD_AVAILABLE) i++;
    this.oldAvailableFloor = i;
    for (; i < codes.length && out.length < count; i++) if ((codes[i] & ROLL_MASK) === ROLL_OLD_AVAILABLE) out.push(i);
    return out;
  }

  /** The nodes whose code has TIME (the set itself, which setting a code changes: copy it to walk and set). */
  waiting(): ReadonlySet<number> {
    return this.waitingSet;
  }

  private count(i: number, code: number, by: 1 | -1): void {
    const hasPods = (code & HAS_PODS) !== 0;
    if (hasPods) this.hasPods += by;
    if ((code & DESIRED) !== 0) {
      this.desired += by;
      if (hasPods) this.current += by;
      if ((code & READY) !== 0) this.ready += by;
      if ((code & AVAILABLE) !== 0) this.available += by;
      if ((code & UPDATED) !== 0) this.updated += by;
    } else if (hasPods) {
      this.misscheduled += by;
    }
    const roll = code & ROLL_MASK;
    if (roll === ROLL_UNAVAILABLE || roll === ROLL_OLD_UNAVAILABLE) this.unavailable += by;
    if (roll === ROLL_OLD_AVAILABLE && by > 0 && i < this.oldAvailableFloor) this.oldAvailableFloor = i;
    mark(this.oldUnavailableSet, i, roll === ROLL_OLD_UNAVAILABLE, by);
    mark(this.notQuietSet, i, (code & QUIET) === 0, by);
    mark(this.waitingSet, i, (code & TIME) !== 0, by);
  }
}

function mark(set: Set<number>, i: number, member: boolean, by: 1 | -1): void {
  if (!member) return;
  if (by > 0) set.add(i);
  else set.delete(i);
}

function ascending(set: ReadonlySet<number>): number[] {
  const out = [...set];
  if (out.length > 1) out.sort((a, b) => a - b);
  return out;
}

/**
 * The tally kept from sync to sync: a node's code is worked out again when its pods changed (the pod index
 * says which) or when it waits for time (TIME); every code when the current hash, the placements (a template
 * change) or the node list changed.
 */
export class KeptNodeTally {
  private tally: NodeTally | null = null;
  private madeWith: { readonly hash: string; readonly placements: readonly Placement[]; readonly podsByNode: SyncContext['podsByNode'] } | null = null;

  /** The tally for `ctx` (which carries podsByNode), given the positions whose pods changed since the last call. */
  update(ctx: SyncContext, changed: Iterable<number>, nodeToDaemonPods: NodeToDaemonPods): NodeTally {
    const made = this.madeWith;
    if (this.tally === null || made === null || made.hash !== ctx.hash || made.placements !== ctx.placements || made.podsByNode !== ctx.podsByNode || this.tally.codes.length !== ctx.nodes.length) {
      this.tally = NodeTally.of(ctx, nodeToDaemonPods);
      this.madeWith = { hash: ctx.hash, placements: ctx.placements, podsByNode: ctx.podsByNode };
      return this.tally;
    }
    const tally = this.tally;
    const again = (i: number): void => tally.set(i, nodeCode(ctx, ctx.podsByNode !== undefined ? ctx.podsByNode[i] : nodeToDaemonPods.get(ctx.nodes[i].name), ctx.placements[i]));
    for (const i of changed) again(i);
    // A node waiting for time is worked out again at every sync (it leaves the set once its pods are available).
    if (tally.waiting().size > 0) for (const i of [...tally.waiting()]) again(i);
    return tally;
  }
}
