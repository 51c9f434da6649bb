/**
 * DaemonSet status: daemon_controller.go updateDaemonSetStatus and storeDaemonSetStatus.
 */
import { podsOnNode, type SyncContext } from './manage';
import { compareDaemonPods, isPodAvailable, type NodeToDaemonPods } from './pods';
import type { DaemonSetStatus, DaemonSetStatusCounts } from './types';

/**
 * updateDaemonSetStatus, per listed node:
 *   - shouldRun: desiredNumberScheduled; with a pod, currentNumberScheduled, and for its oldest pod
 *     (podByCreationTimestampAndPhase) numberReady, numberAvailable (minReadySeconds) and
 *     updatedNumberScheduled (util.IsPodUpdated: the pod carries the current hash);
 *   - otherwise a node that still has a pod counts in numberMisscheduled;
 * numberUnavailable = desiredNumberScheduled - numberAvailable.
 */
export function computeStatusCounts(ctx: SyncContext, nodeToDaemonPods: NodeToDaemonPods): DaemonSetStatusCounts {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (let i = 0; i < ctx.nodes.length; i++) {
    const pods = podsOnNode(ctx, nodeToDaemonPods, i);
    const scheduled = pods !== undefined && pods.length > 0;
    if (ctx.placements[i].shouldRun) {
      desired++;
      if (!scheduled) continue;
      current++;
      let pod = pods[0];
      for (let j = 1; j < pods.length; j++) if (compareDaemonPods(pods[j], pod) < 0) pod = pods[j];
      if (pod.ready) {
        ready++;
        if (isPodAvailable(pod, ctx.ds.minReadySeconds, ctx.now)) available++;
      }
      if (pod.hash === ctx.hash) updated++;
    } else if (scheduled) {
      misscheduled++;
    }
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
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
  for (const pods of nodeToDaemonPods.values()) {
    for (const pod of pods) {
      if (!pod.ready || pod.readyTransitionTime === null || isPodAvailable(pod, ctx.ds.minReadySeconds, ctx.now)) continue;
      const at = pod.readyTransitionTime + minReadyMs + 1000 - ctx.now;
      if (at > 0 && (requeue === null || at < requeue)) requeue = at;
    }
  }
  return requeue;
}
