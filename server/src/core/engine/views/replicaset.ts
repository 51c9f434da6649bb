/**
 * `kubectl get replicasets` at time t, as a pure function of a Timeline's `replicaSets` (each with its sizes
 * over time): printReplicaSet (pkg/printers/internalversion/printers.go) prints NAME, DESIRED (spec.replicas),
 * CURRENT (status.replicas), READY (status.readyReplicas) and AGE; the API server lists them by name. A
 * ReplicaSet shows from its creation until the Deployment controller deletes it (revisionHistoryLimit).
 */
import type { Timeline, TimelineReplicaSet, TimelineReplicaSetSample } from '../timeline';
import { humanDuration } from './humanDuration';
import { objectDeletedBy } from './objectDeleted';
import { formatTable } from './table';

export const REPLICASET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'] as const;

/** `kubectl get replicasets` at t. */
export function getReplicaSets(timeline: Timeline, t: number, options: { readonly namespace?: string } = {}): string {
  const rows = replicaSetRows(timeline, t);
  if (rows.length === 0) return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
  return formatTable([[...REPLICASET_COLUMNS], ...rows]);
}

/**
 * The rows of `kubectl get replicasets` at t, sorted by name. A simulated ReplicaSet that was deleted is gone
 * at once; a deleted Deployment's ReplicaSets stay until the garbage collector deletes them (their deletedAt).
 */
export function replicaSetRows(timeline: Timeline, t: number): string[][] {
  if (timeline.object.kind === 'ReplicaSet' && objectDeletedBy(timeline, t)) return [];
  return (timeline.replicaSets ?? [])
    .filter((rs) => rs.createdAt <= t && (rs.deletedAt === null || t < rs.deletedAt))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((rs) => printReplicaSetRow(rs.name, replicaSetSampleAt(rs, t) ?? { desired: 0, current: 0, ready: 0 }, (t - rs.createdAt) * 1000));
}

/** printReplicaSet's cells for a ReplicaSet of these sizes, created `ageMs` ago. */
export function printReplicaSetRow(name: string, sizes: Pick<TimelineReplicaSetSample, 'desired' | 'current' | 'ready'>, ageMs: number): string[] {
  return [name, String(sizes.desired), String(sizes.current), String(sizes.ready), humanDuration(ageMs)];
}

/** The ReplicaSet's sizes as last changed at or before t (its history is in time order). */
export function replicaSetSampleAt(rs: TimelineReplicaSet, t: number): TimelineReplicaSetSample | undefined {
  let found: TimelineReplicaSetSample | undefined;
  for (const sample of rs.history) {
    if (sample.at > t) break;
    found = sample;
  }
  return found;
}
