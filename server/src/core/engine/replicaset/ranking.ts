/**
 * Which pods a ReplicaSet deletes first when it has too many: replica_set.go getPodsToDelete and
 * getPodsRankedByRelatedPodsOnSameNode, and controller_utils.go ActivePodsWithRanks.Less (with the
 * PodDeletionCost and LogarithmicScaleDown features, both on by default since 1.22).
 */

/** A pod as the ranking reads it. Times are ms; null is the zero time. */
export interface RankedPod {
  readonly name: string;
  readonly uid: string;
  /** spec.nodeName; '' while unscheduled. */
  readonly nodeName: string;
  readonly phase: string;
  readonly ready: boolean;
  /** The Ready condition's lastTransitionTime (only read for ready pods). */
  readonly readySince: number | null;
  /** The highest restart count among the (regular) containers. */
  readonly restarts: number;
  readonly createdAt: number | null;
  /** The controller.kubernetes.io/pod-deletion-cost annotation (0 when absent or not an int32). */
  readonly deletionCost: number;
  /** Active (not terminal, not being deleted): counts toward a node's related pods. */
  readonly active: boolean;
}

export interface RankingFeatures {
  readonly podDeletionCost: boolean;
  readonly logarithmicScaleDown: boolean;
}

export const DEFAULT_RANKING_FEATURES: RankingFeatures = { podDeletionCost: true, logarithmicScaleDown: true };

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** helper.GetDeletionCostFromPodAnnotations: an int32, else 0. */
export function deletionCostOf(annotations: Readonly<Record<string, string>> | undefined): number {
  const value = annotations?.[POD_DELETION_COST];
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return 0;
  const n = Number(value);
  return n < -2147483648 || n > 2147483647 ? 0 : n;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** afterOrZero: the zero time first, then the later time. */
function afterOrZero(t1: number | null, t2: number | null): boolean {
  if (t1 === null || t2 === null) return t1 === null;
  return t1 > t2;
}

/** logarithmicRankDiff: floor(log2(age in ns)) of each, -1 for no age. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/**
 * ActivePodsWithRanks.Less: unassigned < assigned; Pending < Unknown < Running; not ready < ready; lower
 * deletion cost; more related pods on the same node (higher rank); ready for less time (in powers of two);
 * more restarts; created later (in powers of two); else equal. "Less" is deleted first.
 */
export function lessForDeletion(a: RankedPod, rankA: number, b: RankedPod, rankB: number, now: number | null, features: RankingFeatures = DEFAULT_RANKING_FEATURES): boolean {
  if (a.nodeName !== b.nodeName && (a.nodeName === '' || b.nodeName === '')) return a.nodeName === '';
  const pa = PHASE_ORDINAL[a.phase] ?? 0;
  const pb = PHASE_ORDINAL[b.phase] ?? 0;
  if (pa !== pb) return pa < pb;
  if (a.ready !== b.ready) return !a.ready;
  if (features.podDeletionCost && a.deletionCost !== b.deletionCost) return a.deletionCost < b.deletionCost;
  if (rankA !== rankB) return rankA > rankB;
  if (a.ready && b.ready) {
    const ra = a.readySince;
    const rb = b.readySince;
    if (ra !== rb) {
      if (!features.logarithmicScaleDown || now === null || ra === null || rb === null) return afterOrZero(ra, rb);
      const diff = logarithmicRankDiff(ra, rb, now);
      if (diff === 0) return a.uid < b.uid;
      return diff < 0;
    }
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.createdAt !== b.createdAt) {
    if (!features.logarithmicScaleDown || now === null || a.createdAt === null || b.createdAt === null) return afterOrZero(a.createdAt, b.createdAt);
    const diff = logarithmicRankDiff(a.createdAt, b.createdAt, now);
    if (diff === 0) return a.uid < b.uid;
    return diff < 0;
  }
  return false;
}

/**
 * getPodsToDelete: all of them when every pod goes; otherwise the `diff` first after ranking each pod by how
 * many active related pods (the pods of every ReplicaSet of the same owner) share its node.
 */
export function getPodsToDelete<P extends RankedPod>(pods: readonly P[], related: readonly RankedPod[], diff: number, now: number, features: RankingFeatures = DEFAULT_RANKING_FEATURES): P[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const pod of related) if (pod.active) onNode.set(pod.nodeName, (onNode.get(pod.nodeName) ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.nodeName) ?? 0 }));
  ranked.sort((x, y) => (lessForDeletion(x.pod, x.rank, y.pod, y.rank, now, features) ? -1 : lessForDeletion(y.pod, y.rank, x.pod, x.rank, now, features) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
