/**
 * `kubectl get statefulsets` and `kubectl rollout status statefulset/<name>` at time t, as pure functions of a
 * Timeline (t in seconds since its start), read from the StatefulSet's status writes (which carry its
 * metadata.generation, spec.replicas and rollingUpdate.partition at that moment):
 *   - printStatefulSet (pkg/printers/internalversion/printers.go): NAME READY AGE, READY being
 *     `<status.readyReplicas>/<spec.replicas>`;
 *   - StatefulSetStatusViewer.Status (kubectl pkg/polymorphichelpers/rollout_status.go): an error unless the
 *     strategy is RollingUpdate; "Waiting for statefulset spec update to be observed..." while observedGeneration
 *     is 0 or behind; "Waiting for %d pods to be ready..."; with spec.updateStrategy.rollingUpdate set (the
 *     API server defaults it, partition 0, for RollingUpdate) "Waiting for partitioned roll out to finish: %d out
 *     of %d new pods have been updated..." then "partitioned roll out complete: %d new pods have been
 *     updated..." (done); without it, "waiting for statefulset rolling update to complete %d pods at revision
 *     %s..." then "statefulset rolling update complete %d pods at revision %s..." (done).
 * The StatefulSet is created at t = 0 in a simulation, so AGE counts from there. The strategy type is the
 * manifest's (a status write does not record it).
 */
import type { Timeline } from '../timeline';
import { ROLLOUT_STATUS_ONDELETE_ERROR, type RolloutStatus } from './daemonset';
import { humanDuration } from './humanDuration';
import { objectDeletedBy } from './objectDeleted';
import { count, watchRollout, writesOf, type RolloutWatch } from './rolloutWatch';
import { formatTable } from './table';

export const STATEFULSET_COLUMNS = ['NAME', 'READY', 'AGE'] as const;

/** `kubectl get statefulsets` at t. */
export function getStatefulSets(timeline: Timeline, t: number, options: { readonly namespace?: string } = {}): string {
  const rows = statefulSetRows(timeline, t);
  if (rows.length === 0) return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
  return formatTable([[...STATEFULSET_COLUMNS], ...rows]);
}

/** The rows of `kubectl get statefulsets` at t: the simulated StatefulSet's, none once it is deleted. */
export function statefulSetRows(timeline: Timeline, t: number): string[][] {
  if (timeline.object.kind !== 'StatefulSet' || t < 0 || objectDeletedBy(timeline, t)) return [];
  const status = statefulSetStatusAt(timeline, t);
  const replicas = timeline.effectiveSpec.replicas;
  const desired = typeof status.specReplicas === 'number' ? status.specReplicas : typeof replicas === 'number' ? replicas : 1;
  return [[timeline.object.name, `${count(status, 'readyReplicas')}/${desired}`, humanDuration(t * 1000)]];
}

/** The StatefulSet's status (with its generation, spec.replicas and partition) as last written at or before t. */
export function statefulSetStatusAt(timeline: Timeline, t: number): Readonly<Record<string, unknown>> {
  const writes = writesOf(timeline.statusHistory, 'StatefulSet', timeline.object.name, t);
  return writes.length > 0 ? writes[writes.length - 1].status : {};
}

/**
 * StatefulSetStatusViewer.Status for a StatefulSet with update strategy `strategyType`, whose status record
 * holds the status fields plus `generation`, `specReplicas` and `partition` (spec.updateStrategy.rollingUpdate
 * .partition; null when rollingUpdate is not set).
 */
export function statefulSetStatusViewer(strategyType: string, status: Readonly<Record<string, unknown>>): RolloutStatus {
  if (strategyType !== 'RollingUpdate') return { message: '', done: true, error: ROLLOUT_STATUS_ONDELETE_ERROR };
  const observed = count(status, 'observedGeneration');
  const generation = typeof status.generation === 'number' ? status.generation : 1;
  if (observed === 0 || generation > observed) return waiting('Waiting for statefulset spec update to be observed...\n');
  const replicas = typeof status.specReplicas === 'number' ? status.specReplicas : null;
  const ready = count(status, 'readyReplicas');
  if (replicas !== null && ready < replicas) return waiting(`Waiting for ${replicas - ready} pods to be ready...\n`);
  const updated = count(status, 'updatedReplicas');
  if (typeof status.partition === 'number') {
    if (replicas !== null && updated < replicas - status.partition) {
      return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${replicas - status.partition} new pods have been updated...\n`);
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true, error: null };
  }
  const currentRevision = typeof status.currentRevision === 'string' ? status.currentRevision : '';
  const updateRevision = typeof status.updateRevision === 'string' ? status.updateRevision : '';
  if (updateRevision !== currentRevision) return waiting(`waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...\n`);
  return { message: `statefulset rolling update complete ${count(status, 'currentReplicas')} pods at revision ${currentRevision}...\n`, done: true, error: null };
}

/** `kubectl rollout status statefulset/<name>` started at `start`, over the writes in the Timeline (see watchRollout). */
export function statefulSetRolloutStatusLines(timeline: Timeline, start = 0): RolloutWatch {
  const type = strategyTypeOf(timeline);
  return watchRollout(writesOf(timeline.statusHistory, 'StatefulSet', timeline.object.name), start, (status) => statefulSetStatusViewer(type, status));
}

/** spec.updateStrategy.type after defaulting (RollingUpdate when unset). */
function strategyTypeOf(timeline: Timeline): string {
  const strategy = timeline.effectiveSpec.updateStrategy;
  const type = strategy !== null && typeof strategy === 'object' ? (strategy as Record<string, unknown>).type : undefined;
  return typeof type === 'string' ? type : 'RollingUpdate';
}

function waiting(message: string): RolloutStatus {
  return { message, done: false, error: null };
}
