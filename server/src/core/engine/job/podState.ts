/**
 * Predicates over pods and Jobs that several Job-controller decisions share
 * (job_controller.go, controller_utils.go).
 */
import type { JobFeatures, JobView, PodView } from './types';

/** controller.FilterActivePods / IsPodActive: not finished and not being deleted. */
export function isActive(pod: PodView): boolean {
  return pod.phase !== 'Succeeded' && pod.phase !== 'Failed' && pod.deletionTimestamp === null;
}

/** controller.IsPodTerminating: being deleted but not finished yet. */
export function isTerminating(pod: PodView): boolean {
  return pod.phase !== 'Succeeded' && pod.phase !== 'Failed' && pod.deletionTimestamp !== null;
}

export function isIndexedJob(job: JobView): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or any podFailurePolicy. */
export function onlyReplaceFailedPods(job: JobView, features: JobFeatures): boolean {
  if (features.podReplacementPolicy && job.spec.podReplacementPolicy === 'Failed') return true;
  return job.spec.podFailurePolicy !== null;
}

/** trackTerminatingPods: the controller counts terminating pods. */
export function trackTerminatingPods(job: JobView, features: JobFeatures): boolean {
  return features.podReplacementPolicy || features.managedBy || job.spec.podFailurePolicy !== null;
}

/** delayTerminalCondition: FailureTarget / SuccessCriteriaMet first, Failed / Complete once no pod is terminating. */
export function delayTerminalCondition(features: JobFeatures): boolean {
  return features.managedBy || features.podReplacementPolicy;
}

export function hasBackoffLimitPerIndex(job: JobView, features: JobFeatures): boolean {
  return features.backoffLimitPerIndex && job.spec.backoffLimitPerIndex !== null;
}

/**
 * isPodFailed: phase Failed; or, unless only failed pods are replaced, deleted and not Succeeded (an
 * orphan may never reach Failed).
 */
export function isPodFailed(pod: PodView, job: JobView, features: JobFeatures): boolean {
  if (pod.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job, features)) return false;
  return pod.deletionTimestamp !== null && pod.phase !== 'Succeeded';
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * controller.ActivePods.Less: the order pods are picked for deletion. Unassigned before assigned;
 * Pending before Running; not ready before ready; ready for less time before more; more restarts
 * before fewer; newer before older.
 */
export function activePodsLess(a: PodView, b: PodView): number {
  if (a.nodeName !== b.nodeName && (a.nodeName === null || b.nodeName === null)) return a.nodeName === null ? -1 : 1;
  const phaseA = PHASE_ORDINAL[a.phase] ?? 0;
  const phaseB = PHASE_ORDINAL[b.phase] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readySince !== b.readySince) return afterOrZero(a.readySince, b.readySince) ? -1 : 1;
  const restartsA = maxContainerRestarts(a);
  const restartsB = maxContainerRestarts(b);
  if (restartsA !== restartsB) return restartsB - restartsA;
  if (a.creationTimestamp !== b.creationTimestamp) return afterOrZero(a.creationTimestamp, b.creationTimestamp) ? -1 : 1;
  return 0;
}

/** afterOrZero: t1 after t2, a zero (unset) time counting as after any other. */
function afterOrZero(t1: number | null, t2: number | null): boolean {
  if (t1 === null || t2 === null) return t1 === null;
  return t1 > t2;
}

export function maxContainerRestarts(pod: PodView): number {
  let max = 0;
  for (const status of pod.containerStatuses) max = Math.max(max, status.restartCount);
  return max;
}
