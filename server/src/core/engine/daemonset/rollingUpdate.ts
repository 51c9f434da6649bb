/**
 * The RollingUpdate strategy: update.go rollingUpdate, findUpdatedPodsOnNode, updatedDesiredNodeCounts, and
 * the budgets of util/daemonset_util.go (UnavailableCount, SurgeCount, AllowsSurge) computed with
 * intstr.GetScaledValueFromIntOrPercent(value, desiredNumberScheduled, roundUp = true).
 *
 * The order nodes are looked at: upstream ranges over a Go map (nodeToDaemonPods), so which nodes are
 * updated first is unspecified and changes from sync to sync. The simulation takes the nodes in their
 * listed order (then pods on nodes that are no longer listed), so a run is reproducible; only the counts
 * per sync are upstream's contract.
 */
import { podsOnNode, type SyncContext } from './manage';
import { findUpdatedPodsOnNode, NodeTally, rollClass, ROLL_MASK, ROLL_NONE, ROLL_OLD_AVAILABLE, ROLL_OLD_UNAVAILABLE, ROLL_UNAVAILABLE } from './nodeCodes';
import { isPodAvailable, type NodeToDaemonPods } from './pods';
import type { DaemonPodView, IntOrString, UpdateStrategy } from './types';

/**
 * intstr.GetScaledValueFromIntOrPercent: an int is itself; "N%" is N% of total, rounded up (Math.ceil of the
 * float product, as Go computes it) or down; any other string is an error.
 */
export function scaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number | { readonly error: string } {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) return { error: 'invalid value for IntOrString: invalid type: string is not a percentage' };
  const digits = value.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(digits)) return { error: `invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax` };
  const percent = Number(digits);
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** util.SurgeCount: 0 unless RollingUpdate with maxSurge set (and the DaemonSetUpdateSurge feature on). */
export function surgeCount(strategy: UpdateStrategy, numberToSchedule: number, surgeEnabled: boolean): number | { readonly error: string } {
  if (strategy.type !== 'RollingUpdate' || !surgeEnabled || strategy.maxSurge === null) return 0;
  return scaledValueFromIntOrPercent(strategy.maxSurge, numberToSchedule, true);
}

/** util.UnavailableCount: 0 unless RollingUpdate; maxUnavailable scaled, rounded up. */
export function unavailableCount(strategy: UpdateStrategy, numberToSchedule: number): number | { readonly error: string } {
  if (strategy.type !== 'RollingUpdate' || strategy.maxUnavailable === null) return 0;
  return scaledValueFromIntOrPercent(strategy.maxUnavailable, numberToSchedule, true);
}

/** util.AllowsSurge: SurgeCount(ds, 1) > 0. */
export function allowsSurge(strategy: UpdateStrategy, surgeEnabled: boolean): boolean {
  const surge = surgeCount(strategy, 1, surgeEnabled);
  return typeof surge === 'number' && surge > 0;
}

const NO_PODS: readonly DaemonPodView[] = [];

export interface DesiredNodeCounts {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  readonly desiredNumberScheduled: number;
  /**
   * nodeToDaemonPods with an empty entry added for every node that should run a pod and has none, in the
   * order the simulation walks them: listed nodes first, then the other keys of the map.
   */
  readonly entries: readonly (readonly [string, readonly DaemonPodView[]])[];
}

/**
 * updatedDesiredNodeCounts: desiredNumberScheduled = nodes where shouldRun; maxUnavailable and maxSurge
 * scaled against it; when the DaemonSet asks for neither (both 0) on a non-empty set, maxUnavailable is 1.
 */
export function updatedDesiredNodeCounts(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, surgeEnabled: boolean): DesiredNodeCounts | { readonly error: string } {
  let desiredNumberScheduled = 0;
  const entries: (readonly [string, readonly DaemonPodView[]])[] = [];
  // How many keys of the map the listed nodes account for: when that is all of them, no pod sits on a node
  // that is not listed, and the map need not be walked again.
  let listedWithPods = 0;
  for (let i = 0; i < ctx.nodes.length; i++) {
    const name = ctx.nodes[i].name;
    const pods = podsOnNode(ctx, nodeToDaemonPods, i);
    if (pods !== undefined) listedWithPods++;
    if (ctx.placements[i].shouldRun) {
      desiredNumberScheduled++;
      entries.push([name, pods ?? NO_PODS]);
    } else if (pods !== undefined) {
      entries.push([name, pods]);
    }
  }
  if (listedWithPods < nodeToDaemonPods.size) entries.push(...unlistedEntries(ctx, nodeToDaemonPods));
  const budgets = updateBudgets(ctx, desiredNumberScheduled, surgeEnabled);
  if ('error' in budgets) return budgets;
  return { ...budgets, desiredNumberScheduled, entries };
}

/** The map's pods on nodes that are not listed, in the map's order. */
function unlistedEntries(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods): (readonly [string, readonly DaemonPodView[]])[] {
  const listed = new Set(ctx.nodes.map((n) => n.name));
  return [...nodeToDaemonPods].filter(([name]) => !listed.has(name));
}

/**
 * The budgets of updatedDesiredNodeCounts: maxUnavailable and maxSurge scaled against desiredNumberScheduled;
 * when the DaemonSet asks for neither (both 0) on a non-empty set, maxUnavailable is 1.
 */
function updateBudgets(ctx: SyncContext, desiredNumberScheduled: number, surgeEnabled: boolean): { readonly maxSurge: number; readonly maxUnavailable: number } | { readonly error: string } {
  let maxUnavailable = unavailableCount(ctx.ds.updateStrategy, desiredNumberScheduled);
  if (typeof maxUnavailable !== 'number') return { error: `invalid value for MaxUnavailable: ${maxUnavailable.error}` };
  const maxSurge = surgeCount(ctx.ds.updateStrategy, desiredNumberScheduled, surgeEnabled);
  if (typeof maxSurge !== 'number') return { error: `invalid value for MaxSurge: ${maxSurge.error}` };
  // "DaemonSet is not configured for surge or unavailability, defaulting to accepting unavailability"
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export interface RollingUpdateResult {
  readonly podsToDelete: readonly string[];
  readonly nodesToCreate: readonly string[];
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  readonly desiredNumberScheduled: number;
}

/**
 * rollingUpdate. Without surge (maxSurge 0): delete just enough old pods to stay within maxUnavailable and
 * let manage create their replacements —
 *   - a node with no pods, or with both an old and a new one, or with excess pods, counts as unavailable;
 *   - a node with only a new pod counts as unavailable while that pod is not available;
 *   - an old pod that is not available is always replaced (counted, not limited by the budget);
 *   - available old pods are candidates while numUnavailable < maxUnavailable; delete
 *     min(candidates, maxUnavailable - numUnavailable) of them.
 * Deleted (terminating) pods do not count, so an update makes progress while nodes are down.
 *
 * With surge: create new pods next to old ones —
 *   - an old pod that is not available gets a new pod at once (unless the node should no longer run one:
 *     then the old pod is deleted); available old pods are candidates while numSurge < maxSurge;
 *   - a node with both waits (counts towards numSurge) until the new pod is available, then the old pod is
 *     deleted; old pods on nodes that should no longer run one are deleted only while more pods are
 *     available than desired (numAvailable - desiredNumberScheduled);
 *   - create on the replacement nodes plus min(candidates, maxSurge - numSurge) candidates.
 */
export function rollingUpdate(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, surgeEnabled: boolean): RollingUpdateResult | { readonly error: string } {
  const tally = ctx.tally ?? NodeTally.of(ctx, nodeToDaemonPods);
  const desiredNumberScheduled = tally.desired;
  const budgets = updateBudgets(ctx, desiredNumberScheduled, surgeEnabled);
  if ('error' in budgets) return { error: `couldn't get unavailable numbers: ${budgets.error}` };
  const { maxSurge, maxUnavailable } = budgets;
  const result = (podsToDelete: string[], nodesToCreate: string[]): RollingUpdateResult => ({ podsToDelete, nodesToCreate, maxSurge, maxUnavailable, desiredNumberScheduled });
  if (maxSurge === 0) return result(podsToDeleteWithoutSurge(ctx, nodeToDaemonPods, tally, maxUnavailable), []);

  const counts = updatedDesiredNodeCounts(ctx, nodeToDaemonPods, surgeEnabled);
  if ('error' in counts) return { error: `couldn't get unavailable numbers: ${counts.error}` };
  const { hash, now } = ctx;
  const minReady = ctx.ds.minReadySeconds;

  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  const shouldRun = shouldRunLookup(ctx);
  for (const [nodeName, pods] of counts.entries) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    // Availability is counted on every node, even those being sunset by scheduling constraints.
    if (oldPod !== null) {
      if (isPodAvailable(oldPod, minReady, now)) numAvailable++;
    } else if (newPod !== null) {
      if (isPodAvailable(newPod, minReady, now)) numAvailable++;
    }
    if (oldPod === null) continue;
    if (newPod === null) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        // nodeLister.Get fails for a node that is gone: upstream returns an error and the sync retries.
        const run = shouldRun(nodeName);
        if (run === undefined) return { error: `couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found` };
        if (!run) {
          oldPodsToDelete.push(oldPod.name);
          continue;
        }
        allowedNewNodes.push(nodeName);
      } else {
        const run = shouldRun(nodeName);
        if (run === undefined) return { error: `couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found` };
        if (!run) {
          shouldNotRunPodsToDelete.push(oldPod.name);
          continue;
        }
        if (numSurge >= maxSurge) continue;
        candidateNewNodes.push(nodeName);
      }
      continue;
    }
    // Already surged onto this node: wait for the new pod, then retire the old one.
    if (!isPodAvailable(newPod, minReady, now)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.name);
  }
  // With maxSurge the owner expects full availability: a pod on a node that should no longer run one goes
  // only while more pods are available than desired.
  const deletable = Math.min(numAvailable - desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  return result(oldPodsToDelete, [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)]);
}

/**
 * rollingUpdate without surge walks the nodes in the order updatedDesiredNodeCounts lists them (listed nodes
 * that should run a pod or have one, then pods on nodes no longer listed): every old pod that is not available
 * is replaced; available old pods are candidates while fewer than maxUnavailable nodes before them count as
 * unavailable, and min(candidates, maxUnavailable - numUnavailable) of them go. When every pod is on a listed
 * node that comes down to: the old pods that are not available, then — if fewer than maxUnavailable nodes
 * count as unavailable — the first maxUnavailable - numUnavailable available old pods in node order (every
 * prefix stayed under the budget, so all of them were candidates).
 */
function podsToDeleteWithoutSurge(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, tally: NodeTally, maxUnavailable: number): string[] {
  const oldPodOn = (pods: readonly DaemonPodView[] | undefined): string => findUpdatedPodsOnNode(pods ?? NO_PODS, ctx.hash).oldPod?.name ?? '';
  const codes = tally.codes;
  if (tally.hasPods === nodeToDaemonPods.size) {
    const podsToDelete = tally.oldUnavailable().map((i) => oldPodOn(podsOnNode(ctx, nodeToDaemonPods, i)));
    for (const i of tally.firstOldAvailable(maxUnavailable - tally.unavailable)) podsToDelete.push(oldPodOn(podsOnNode(ctx, nodeToDaemonPods, i)));
    return podsToDelete;
  }
  // Some pods are on nodes that are no longer listed: the walk itself.
  let numUnavailable = 0;
  const allowedReplacementPods: string[] = [];
  const candidatePodsToDelete: string[] = [];
  const visit = (roll: number, pods: readonly DaemonPodView[] | undefined): void => {
    if (roll === ROLL_UNAVAILABLE) {
      numUnavailable++;
    } else if (roll === ROLL_OLD_UNAVAILABLE) {
      allowedReplacementPods.push(oldPodOn(pods));
      numUnavailable++;
    } else if (roll === ROLL_OLD_AVAILABLE && numUnavailable < maxUnavailable) {
      candidatePodsToDelete.push(oldPodOn(pods));
    }
  };
  for (let i = 0; i < codes.length; i++) {
    const roll = codes[i] & ROLL_MASK;
    if (roll !== ROLL_NONE) visit(roll, podsOnNode(ctx, nodeToDaemonPods, i));
  }
  for (const [, pods] of unlistedEntries(ctx, nodeToDaemonPods)) visit(rollClass(pods, ctx), pods);
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidatePodsToDelete.length);
  return [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remaining)];
}

/** shouldRun of a listed node by name; undefined for a node that is not listed. */
function shouldRunLookup(ctx: SyncContext): (name: string) => boolean | undefined {
  let index: Map<string, number> | null = null;
  return (name) => {
    if (index === null) {
      index = new Map();
      for (let i = 0; i < ctx.nodes.length; i++) index.set(ctx.nodes[i].name, i);
    }
    const i = index.get(name);
    return i === undefined ? undefined : ctx.placements[i].shouldRun;
  };
}
