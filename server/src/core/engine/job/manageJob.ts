/**
 * job_controller.go: manageJob, the arithmetic of how many pods to create or delete in one sync.
 * Returns the new `active` count; its actions (creations, deletions) are appended to the context.
 */
import { remainingTime, remainingTimePerIndex } from './backoff';
import { firstPendingIndexes, sortedIndexes, withOrderedIndexes, merge, type OrderedIntervals } from './indexes';
import { matchPodFailurePolicy } from './podFailurePolicy';
import { activePodsLess, hasBackoffLimitPerIndex, isIndexedJob, isTerminating, onlyReplaceFailedPods, trackTerminatingPods } from './podState';
import type { BackoffRecord, JobAction, JobFeatures, JobView, PodView } from './types';

/** MaxPodCreateDeletePerSync: at most this many creations, or deletions, in one sync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** controller.SlowStartInitialBatchSize: the first creation batch; each later batch doubles. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** syncJobBatchPeriod: pod events sync the Job this long later; backoff requeues wait at least this. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

/** The state one sync works on (upstream's syncJobCtx, without the parts the simulation has no use for). */
export interface ManageContext {
  readonly job: JobView;
  readonly features: JobFeatures;
  readonly now: number;
  readonly pods: readonly PodView[];
  readonly activePods: readonly PodView[];
  readonly succeeded: number;
  ready: number;
  terminating: number | null;
  readonly newBackoff: BackoffRecord;
  readonly succeededIndexes: OrderedIntervals;
  readonly failedIndexes: OrderedIntervals | null;
  readonly podsWithDelayedDeletionPerIndex: ReadonlyMap<number, PodView>;
  readonly actions: JobAction[];
  readonly createBatches: number[];
  requeueAfter(ms: number): void;
}

export function manageJob(ctx: ManageContext): number {
  const { job } = ctx;
  let active = ctx.activePods.length;
  const parallelism = job.spec.parallelism;

  if (job.spec.suspend) {
    // A suspended Job keeps no pods: all active ones go, with their finalizers (not counted as failed).
    return active - deleteJobPods(ctx, activePodsForRemoval(job, ctx.activePods, active), 'JobSuspended');
  }

  let wantActive: number;
  if (job.spec.completions === null) {
    // A work-queue Job runs `parallelism` pods until the first success; then it lets the running ones finish.
    wantActive = ctx.succeeded > 0 ? active : parallelism;
  } else {
    // Never more active pods than remaining completions.
    wantActive = Math.max(0, Math.min(job.spec.completions - ctx.succeeded, parallelism));
  }

  const rmAtLeast = Math.max(0, active - wantActive);
  const podsToDelete = rmAtLeast <= 0 && !isIndexedJob(job) ? NO_PODS : activePodsForRemoval(job, ctx.activePods, rmAtLeast).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (podsToDelete.length > 0) {
    // A sync either deletes or creates, never both; deletion takes precedence (upstream comment in manageJob).
    return active - deleteJobPods(ctx, podsToDelete, 'TooManyActivePods');
  }

  // With podReplacementPolicy Failed (or a podFailurePolicy), a terminating pod still holds its slot.
  const terminating = onlyReplaceFailedPods(job, ctx.features) ? (ctx.terminating ?? 0) : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;

  if (!hasBackoffLimitPerIndex(job, ctx.features)) {
    const remaining = remainingTime(ctx.newBackoff, ctx.now);
    if (remaining > 0) {
      // enqueueSyncJobWithDelay: wait out the pod-failure backoff (never less than the batch period).
      ctx.requeueAfter(Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS));
      // Upstream returns 0 here, so status.active reads 0 until the next sync, whatever is running.
      return 0;
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);

  let indexesToAdd: number[] | null = null;
  if (isIndexedJob(job)) {
    indexesToAdd = firstPendingIndexes(nonPendingIndexes(ctx), diff, job.spec.completions ?? 0);
    if (hasBackoffLimitPerIndex(job, ctx.features)) {
      const info = podCreationInfoForIndependentIndexes(ctx, indexesToAdd);
      indexesToAdd = info.indexes;
      if (info.remaining > 0) {
        ctx.requeueAfter(Math.max(info.remaining, SYNC_JOB_BATCH_PERIOD_MS));
        return 0;
      }
    }
    diff = indexesToAdd.length;
  }

  active += diff;
  // Slow start: batches of 1, 2, 4, ... so that a failing create (quota, admission) stops early.
  // The simulated API server never refuses a pod, so every batch goes through.
  let next = 0;
  for (let batchSize = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE); diff > 0; batchSize = Math.min(2 * batchSize, diff)) {
    ctx.createBatches.push(batchSize);
    for (let i = 0; i < batchSize; i++) {
      const index = indexesToAdd === null ? null : indexesToAdd[next++];
      ctx.actions.push(createPodAction(ctx, index));
    }
    diff -= batchSize;
  }
  return active;
}

/** Nothing to delete (most syncs). */
const NO_PODS: readonly PodView[] = [];

function createPodAction(ctx: ManageContext, index: number | null): JobAction {
  const { job } = ctx;
  let indexFailureCount: number | null = null;
  let indexIgnoredFailureCount: number | null = null;
  if (index !== null && hasBackoffLimitPerIndex(job, ctx.features)) {
    // addIndexFailureCountAnnotation: the replaced pod's counts, plus this failure.
    const replaced = ctx.podsWithDelayedDeletionPerIndex.get(index);
    let failures = 0;
    let ignored = 0;
    if (replaced !== undefined) {
      failures = replaced.indexFailureCount ?? 0;
      ignored = replaced.indexIgnoredFailureCount ?? 0;
      if (matchPodFailurePolicy(job.spec.podFailurePolicy, replaced, job.namespace).countFailed) failures++;
      else ignored++;
    }
    indexFailureCount = failures;
    indexIgnoredFailureCount = ignored > 0 ? ignored : null;
  }
  return { type: 'createPod', index, generateName: index === null ? `${job.name}-` : podGenerateNameWithIndex(job.name, index), indexFailureCount, indexIgnoredFailureCount };
}

/** podGenerateNameWithIndex: "<job>-<index>-", the Job name cut so that the index survives the 58-character limit. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > 58 ? jobName.slice(0, 58 - suffix.length) + suffix : prefix;
}

/** deleteJobPods: finalizer removed, then DELETE. Returns how many pods were deleted. */
function deleteJobPods(ctx: ManageContext, pods: readonly PodView[], reason: string): number {
  for (const pod of pods) {
    ctx.actions.push({ type: 'deletePod', pod: pod.name, removeFinalizer: true, reason });
    if (pod.ready) ctx.ready--;
  }
  if (trackTerminatingPods(ctx.job, ctx.features) && ctx.terminating !== null) ctx.terminating += pods.length;
  return pods.length;
}

/**
 * activePodsForRemoval: for Indexed Jobs, first every pod without a valid index, beyond completions, or
 * repeating an index; then, if that is not enough, the first of the rest in ActivePods order.
 */
export function activePodsForRemoval(job: JobView, pods: readonly PodView[], rmAtLeast: number): PodView[] {
  // Nothing to pick (the usual case): only an Indexed Job removes pods it was not asked to.
  if (rmAtLeast <= 0 && !isIndexedJob(job)) return [];
  let rm: PodView[] = [];
  let left: PodView[];
  if (isIndexedJob(job)) {
    const split = duplicatedIndexPodsForRemoval(pods, job.spec.completions ?? 0);
    rm = split.rm;
    left = split.left;
  } else {
    left = [...pods];
  }
  if (rm.length < rmAtLeast) {
    left.sort(activePodsLess);
    rm = rm.concat(left.slice(0, rmAtLeast - rm.length));
  }
  return rm;
}

/** appendDuplicatedIndexPodsForRemoval: per index, all but the best pod; all pods without or beyond an index. */
function duplicatedIndexPodsForRemoval(pods: readonly PodView[], completions: number): { rm: PodView[]; left: PodView[] } {
  const sorted = [...pods].sort((a, b) => a.completionIndex - b.completionIndex);
  const rm: PodView[] = [];
  const left: PodView[] = [];
  let group: PodView[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    if (group[0].completionIndex === -1) rm.push(...group);
    else if (group.length === 1) left.push(group[0]);
    else {
      group.sort(activePodsLess);
      rm.push(...group.slice(0, -1));
      left.push(group[group.length - 1]);
    }
    group = [];
  };
  for (let i = 0; i < sorted.length; i++) {
    const pod = sorted[i];
    if (pod.completionIndex >= completions) {
      flush();
      rm.push(...sorted.slice(i));
      return { rm, left };
    }
    if (group.length > 0 && group[0].completionIndex !== pod.completionIndex) flush();
    group.push(pod);
  }
  flush();
  return { rm, left };
}

/** The indexes firstPendingIndexes skips: succeeded, active, failed, and terminating when only failed pods are replaced. */
function nonPendingIndexes(ctx: ManageContext): OrderedIntervals {
  const indexesOf = (pods: readonly PodView[]): number[] => sortedIndexes(pods.filter((p) => p.completionIndex !== -1).map((p) => p.completionIndex));
  let nonPending = withOrderedIndexes(ctx.succeededIndexes, indexesOf(ctx.activePods));
  if (onlyReplaceFailedPods(ctx.job, ctx.features)) nonPending = withOrderedIndexes(nonPending, indexesOf(ctx.pods.filter(isTerminating)));
  if (ctx.failedIndexes !== null) nonPending = merge(nonPending, ctx.failedIndexes);
  return nonPending;
}

/**
 * getPodCreationInfoForIndependentIndexes: the indexes whose own backoff has passed; if none has, the
 * shortest remaining wait.
 */
function podCreationInfoForIndependentIndexes(ctx: ManageContext, indexes: readonly number[]): { indexes: number[]; remaining: number } {
  const now: number[] = [];
  let minRemaining: number | null = null;
  for (const index of indexes) {
    const remaining = remainingTimePerIndex(ctx.now, ctx.podsWithDelayedDeletionPerIndex.get(index) ?? null);
    if (remaining === 0) now.push(index);
    else if (minRemaining === null || remaining < minRemaining) minRemaining = remaining;
  }
  if (now.length > 0) return { indexes: now, remaining: 0 };
  return { indexes: now, remaining: minRemaining ?? 0 };
}

