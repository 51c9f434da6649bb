/**
 * DaemonSet status: daemon_controller.go updateDaemonSetStatus and storeDaemonSetStatus.
 */
import type { SyncContext } from './manage';
import { NodeTally } from './nodeCodes';
import { isPodAvailable, type NodeToDaemonPods } from './pods';
import type { DaemonPodView, DaemonSetStatus, DaemonSetStatusCounts } from './types';

/**
 * updateDaemonSetStatus, per listed node:
 *   - shouldRun: desiredNumberScheduled; with a pod, currentNumberScheduled, and for its oldest pod
 *     (podByCreationTimestampAndPhase) numberReady, numberAvailable (minReadySeconds) and
 *     updatedNumberScheduled (util.IsPodUpdated: the pod carries the current hash);
 *   - otherwise a node that still has a pod counts in numberMisscheduled;
 * numberUnavailable = desiredNumberScheduled - numberAvailable.
 */
export function computeStatusCounts(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods): DaemonSetStatusCounts {
  // Each node's part is in its code (nodeCode); the tally sums them.
  const tally = ctx.tally ?? NodeTally.of(ctx, nodeToDaemonPods);
  return {
    desiredNumberScheduled: tally.desired,
    currentNumberScheduled: tally.current,
    numberMisscheduled: tally.misscheduled,
    numberReady: tally.ready,
    updatedNumberScheduled: tally.updated,
    numberAvailable: tally.available,
    numberUnavailable: tally.desired - tally.available,
  };
}

/**
 * storeDaemonSetStatus: nothing is written when every count is unchanged and observedGeneration has caught
 * up with the generation; otherwise the counts, and observedGeneration = generation when this sync processed
 * the current generation (updateObservedGen).
 */
export function nextStatus(previous: DaemonSetStatus, counts: DaemonSetStatusCounts, generation: number, updateObservedGen: boolean): DaemonSetStatus | null {
  const same =
    previous.desiredNumberScheduled === counts.desiredNumberScheduled &&
    previous.currentNumberScheduled === counts.currentNumberScheduled &&
    previous.numberMisscheduled === counts.numberMisscheduled &&
    previous.numberReady === counts.numberReady &&
    previous.updatedNumberScheduled === counts.updatedNumberScheduled &&
    previous.numberAvailable === counts.numberAvailable &&
    previous.numberUnavailable === counts.numberUnavailable &&
    previous.observedGeneration >= generation;
  if (same) return null;
  return { ...previous, ...counts, observedGeneration: updateObservedGen ? generation : previous.observedGeneration };
}

/**
 * The DaemonSet's requeues after a sync that depend on readiness with minReadySeconds:
 *   - updateDaemonSetStatus: numberReady != numberAvailable → AddAfter(minReadySeconds);
 *   - updatePod: a pod that turned Ready → AddAfter(minReadySeconds + 1s) ("to avoid milliseconds skew").
 * The informer handler knows the moment a pod turned Ready; the simulation reads it from the Ready
 * condition's lastTransitionTime instead, for every Ready pod that is not available yet.
 */
export function minReadyRequeueMs(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods, counts: DaemonSetStatusCounts): number | null {
  const minReadyMs = ctx.ds.minReadySeconds * 1000;
  if (minReadyMs === 0) return null;
  let requeue: number | null = counts.numberReady !== counts.numberAvailable ? minReadyMs : null;
  const look = (pods: readonly DaemonPodView[]): void => {
    for (const pod of pods) {
      if (!pod.ready || pod.readyTransitionTime === null || isPodAvailable(pod, ctx.ds.minReadySeconds, ctx.now)) continue;
      const at = pod.readyTransitionTime + minReadyMs + 1000 - ctx.now;
      if (at > 0 && (requeue === null || at < requeue)) requeue = at;
    }
  };
  const tally = ctx.tally;
  if (tally !== undefined && ctx.podsByNode !== undefined && tally.hasPods === nodeToDaemonPods.size) {
    // Only the nodes whose code says they wait for time hold a Ready pod that is not available yet.
    for (const i of tally.waiting()) look(ctx.podsByNode[i] ?? []);
  } else {
    for (const pods of nodeToDaemonPods.values()) look(pods);
  }
  return requeue;
}
