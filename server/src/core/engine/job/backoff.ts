/**
 * The pod-failure backoff: how long the Job controller waits before it creates a replacement for a
 * failed pod. backoff_utils.go: newBackoffRecord, getFinishedTime, getRemainingTimeForFailuresCount,
 * getRemainingTimePerIndex. The delay is 10s doubled per failure since the last success, capped at
 * 10 minutes (DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff in job_controller.go), and counted
 * from the finish time of the latest failed pod.
 */
import type { BackoffRecord, PodView } from './types';

export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTime: null };

/**
 * newBackoffRecord: the record after the pods that finished since the last sync.
 * - no new success: the failures add up, and the latest failure's finish time is kept;
 * - a new success: the count restarts, keeping only the failures that finished strictly after the
 *   latest success (a success while a replacement waits cancels the wait).
 * Failures a podFailurePolicy Ignore rule matched are passed in too: they still delay recreation.
 */
export function newBackoffRecord(previous: BackoffRecord | null, newSucceeded: readonly PodView[], newFailed: readonly PodView[]): BackoffRecord {
  const record = previous ?? NO_BACKOFF;
  if (newSucceeded.length === 0) {
    if (newFailed.length === 0) return record;
    return { failuresAfterLastSuccess: record.failuresAfterLastSuccess + newFailed.length, lastFailureTime: latestFinishedTime(newFailed) };
  }
  // sortByFinishedTime, reduced to the times: the latest success, then the failures after it.
  const lastSuccessTime = latestFinishedTime(newSucceeded);
  let failuresAfterLastSuccess = 0;
  let lastFailureTime: number | null = null;
  for (const pod of newFailed) {
    const failedTime = getFinishedTime(pod);
    if (!(failedTime > lastSuccessTime)) continue;
    if (lastFailureTime === null || failedTime > lastFailureTime) lastFailureTime = failedTime;
    failuresAfterLastSuccess++;
  }
  // A success with no failure after it (the usual case) leaves no backoff: the shared empty record.
  return failuresAfterLastSuccess === 0 && lastFailureTime === null ? NO_BACKOFF : { failuresAfterLastSuccess, lastFailureTime };
}

function latestFinishedTime(pods: readonly PodView[]): number {
  let latest = -Infinity;
  for (const pod of pods) latest = Math.max(latest, getFinishedTime(pod));
  return latest;
}

/**
 * getFinishedTime, in order: the latest container finish (only when every container terminated), the
 * Ready=False transition, deletionTimestamp minus the grace period, the creation time.
 * (Sidecar init containers are not modelled.)
 */
export function getFinishedTime(pod: PodView): number {
  let latest: number | null = null;
  let allTerminated = true;
  for (const status of pod.containerStatuses) {
    const finishedAt = status.terminated?.finishedAt ?? null;
    if (finishedAt === null) {
      allTerminated = false;
      break;
    }
    if (latest === null || latest < finishedAt) latest = finishedAt;
  }
  if (allTerminated && latest !== null) return latest;
  const readyFalse = pod.conditions.find((c) => c.type === 'Ready' && c.status === 'False' && c.lastTransitionTime !== null);
  if (readyFalse) return readyFalse.lastTransitionTime as number;
  if (pod.deletionTimestamp !== null) return pod.deletionTimestamp - pod.deletionGracePeriodSeconds * 1000;
  return pod.creationTimestamp ?? 0;
}

/**
 * getRemainingTimeForFailuresCount: delay(n) = base·2^(n-1) capped at max, minus the time elapsed
 * since the last failure; 0 once elapsed (or with no failures).
 */
export function remainingTimeForFailures(now: number, failures: number, lastFailureTime: number | null, base = DEFAULT_POD_FAILURE_BACKOFF_MS, max = MAX_POD_FAILURE_BACKOFF_MS): number {
  if (failures === 0 || lastFailureTime === null) return 0;
  let delay = base;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= max) {
      delay = max;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}

/** backoffRecord.getRemainingTime. */
export function remainingTime(record: BackoffRecord, now: number, base = DEFAULT_POD_FAILURE_BACKOFF_MS, max = MAX_POD_FAILURE_BACKOFF_MS): number {
  return remainingTimeForFailures(now, record.failuresAfterLastSuccess, record.lastFailureTime, base, max);
}

/**
 * getRemainingTimePerIndex (backoffLimitPerIndex): n = the failed pod's failure-count plus its
 * ignored-failure-count annotation, plus one; the delay counts from that pod's finish time.
 */
export function remainingTimePerIndex(now: number, lastFailedPod: PodView | null, base = DEFAULT_POD_FAILURE_BACKOFF_MS, max = MAX_POD_FAILURE_BACKOFF_MS): number {
  if (lastFailedPod === null) return 0;
  const failures = absoluteFailureCount(lastFailedPod) + 1;
  return remainingTimeForFailures(now, failures, getFinishedTime(lastFailedPod), base, max);
}

/** getIndexAbsoluteFailureCount: failure count + ignored failure count annotations (missing = 0). */
export function absoluteFailureCount(pod: PodView): number {
  return (pod.indexFailureCount ?? 0) + (pod.indexIgnoredFailureCount ?? 0);
}
