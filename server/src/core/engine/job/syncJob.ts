/**
 * job_controller.go: syncJob and trackJobStatusAndRemoveFinalizers, as one pure decision: the Job, its
 * pods, the backoff record and `now` go in; actions and a requeue delay come out. The order is
 * upstream's, and it matters:
 *   1. an existing SuccessCriteriaMet is kept; an existing FailureTarget becomes Failed;
 *      a podFailurePolicy FailJob match gives FailureTarget (getFailJobMessage);
 *   2. failed > backoffLimit, or container restarts >= backoffLimit (OnFailure): BackoffLimitExceeded;
 *   3. past activeDeadlineSeconds: DeadlineExceeded (otherwise a requeue at the deadline);
 *   4. Indexed: max failed indexes / failed indexes, then successPolicy;
 *   5. with a terminal condition, all active pods are deleted; otherwise manageJob creates or deletes
 *      pods, then the completion check runs;
 *   6. finished pods are counted and their finalizers removed (at most MaxUncountedPods per sync), and
 *      Complete/Failed is written once no pod is left terminating.
 */
import { absoluteFailureCount, getFinishedTime, newBackoffRecord } from './backoff';
import { formatIntervals, hasIndex, parseIndexes, sortedIndexes, total, withOrderedIndexes, type OrderedIntervals } from './indexes';
import { manageJob, type ManageContext } from './manageJob';
import { matchPodFailurePolicy } from './podFailurePolicy';
import { delayTerminalCondition, hasBackoffLimitPerIndex, isActive, isIndexedJob, isPodFailed, isTerminating, trackTerminatingPods } from './podState';
import { matchSuccessPolicy } from './successPolicy';
import { JOB_CONTROLLER_NAME, type BackoffRecord, type ConditionStatus, type JobAction, type JobCondition, type JobFeatures, type JobStatus, type JobSyncInput, type JobSyncResult, type JobView, type PodView } from './types';

/** MaxUncountedPods: at most this many finished pods are counted (and their finalizers removed) per sync. */
export const MAX_UNCOUNTED_PODS = 500;

export const REASON = {
  backoffLimitExceeded: 'BackoffLimitExceeded',
  deadlineExceeded: 'DeadlineExceeded',
  podFailurePolicy: 'PodFailurePolicy',
  maxFailedIndexesExceeded: 'MaxFailedIndexesExceeded',
  failedIndexes: 'FailedIndexes',
  successPolicy: 'SuccessPolicy',
  completionsReached: 'CompletionsReached',
} as const;

export const MESSAGE = {
  backoffLimitExceeded: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'Job was active longer than specified deadline',
  maxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
  failedIndexes: 'Job has failed indexes',
  completionsReached: 'Reached expected number of succeeded pods',
} as const;

export function syncJob(input: JobSyncInput): JobSyncResult {
  const { job, pods, now, features } = input;
  const actions: JobAction[] = [];
  let requeueAfterMs: number | null = null;
  const requeueAfter = (ms: number): void => {
    // The work queue keeps one wake-up per key, the earliest (delaying_queue.go).
    requeueAfterMs = requeueAfterMs === null ? ms : Math.min(requeueAfterMs, ms);
  };

  // A Job another controller manages (spec.managedBy) is not synced at all.
  if (features.managedBy && job.spec.managedBy !== null && job.spec.managedBy !== JOB_CONTROLLER_NAME) return unchanged(job);
  // A finished Job is not terminated again; its backoff record is dropped.
  if (isJobFinished(job.status)) return unchanged(job, input.backoff !== null ? [{ type: 'setBackoffRecord', record: null }] : []);
  if (job.spec.completionMode !== 'NonIndexed' && job.spec.completionMode !== 'Indexed') {
    return unchanged(job, [{ type: 'event', eventType: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown' }]);
  }

  const satisfiedExpectations = input.satisfiedExpectations ?? true;
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  const activePods = pods.filter(isActive);
  const tracking = trackTerminatingPods(job, features);
  let conditions: JobCondition[] = [...job.status.conditions];
  let startTime = job.status.startTime;
  let ready = countReady(activePods);
  let terminating: number | null = tracking ? countTerminating(pods) : null;
  let active = activePods.length;

  const { succeeded: newSucceeded, failed: newFailed } = newFinishedPods(job, pods, features);
  let succeeded = job.status.succeeded + newSucceeded.length;
  // Failures an Ignore rule matched are not counted (nonIgnoredFailedPodsCount).
  let failed = job.status.failed;
  for (const pod of newFailed) if (matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job.namespace).countFailed) failed++;

  // The first sync of a Job that is not suspended sets its start time.
  if (startTime === null && !job.spec.suspend) startTime = now;

  // Ignored failures still feed the backoff ("ignored failures delays pod recreation").
  const newBackoff = newBackoffRecord(input.backoff, newSucceeded, newFailed);
  const exceedsBackoffLimit = failed > job.spec.backoffLimit;

  let finishedCondition = successCriteriaMetCondition(conditions, features);
  // Once SuccessCriteriaMet is set, the podFailurePolicy is no longer evaluated.
  if (finishedCondition === null) {
    const failureTarget = findCondition(conditions, 'FailureTarget');
    if (failureTarget !== undefined && failureTarget.status === 'True') {
      finishedCondition = newCondition('Failed', 'True', failureTarget.reason, failureTarget.message, now);
    } else {
      const failJobMessage = getFailJobMessage(job, pods, features);
      // FailureTarget first: the message is recorded before the pods' finalizers go.
      if (failJobMessage !== null) finishedCondition = newCondition('FailureTarget', 'True', REASON.podFailurePolicy, failJobMessage, now);
    }
  }
  if (finishedCondition === null) {
    if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      finishedCondition = newFailureCondition(features, REASON.backoffLimitExceeded, MESSAGE.backoffLimitExceeded, now);
    } else if (pastActiveDeadline(job, startTime, now)) {
      finishedCondition = newFailureCondition(features, REASON.deadlineExceeded, MESSAGE.deadlineExceeded, now);
    } else if (job.spec.activeDeadlineSeconds !== null && !job.spec.suspend && startTime !== null) {
      // Come back when the deadline is due.
      requeueAfter(job.spec.activeDeadlineSeconds * 1000 - (now - startTime));
    }
  }

  let prevSucceededIndexes: OrderedIntervals = NO_INTERVALS;
  let succeededIndexes: OrderedIntervals = NO_INTERVALS;
  let failedIndexes: OrderedIntervals | null = null;
  let podsWithDelayedDeletionPerIndex: ReadonlyMap<number, PodView> = NO_DELAYED_PODS;
  if (indexed) {
    prevSucceededIndexes = parseIndexes(job.status.completedIndexes, completions);
    succeededIndexes = withOrderedIndexes(
      prevSucceededIndexes,
      sortedIndexes(pods.filter((p) => p.phase === 'Succeeded' && validIndex(p, completions) && p.hasFinalizer).map((p) => p.completionIndex)),
    );
    succeeded = total(succeededIndexes);
    if (hasBackoffLimitPerIndex(job, features)) {
      failedIndexes = calculateFailedIndexes(job, pods, features);
      if (finishedCondition === null) {
        if (job.spec.maxFailedIndexes !== null && total(failedIndexes) > job.spec.maxFailedIndexes) {
          finishedCondition = newFailureCondition(features, REASON.maxFailedIndexesExceeded, MESSAGE.maxFailedIndexesExceeded, now);
        } else if (total(failedIndexes) > 0 && total(failedIndexes) + total(succeededIndexes) >= completions) {
          finishedCondition = newFailureCondition(features, REASON.failedIndexes, MESSAGE.failedIndexes, now);
        }
      }
      podsWithDelayedDeletionPerIndex = getPodsWithDelayedDeletionPerIndex(job, pods, activePods, succeededIndexes, failedIndexes, features);
    }
    if (finishedCondition === null) {
      const message = matchSuccessPolicy(job.spec.successPolicy, features.successPolicy, completions, succeededIndexes);
      if (message !== null) finishedCondition = newCondition('SuccessCriteriaMet', 'True', REASON.successPolicy, message, now);
    }
  }

  const createBatches: number[] = [];
  const deferredEvents: JobAction[] = [];
  if (finishedCondition !== null) {
    // deleteActivePods: the finalizers stay, so trackJobStatusAndRemoveFinalizers counts these pods as failed.
    const reason = finishedCondition.reason === '' ? finishedCondition.type : finishedCondition.reason;
    for (const pod of activePods) actions.push({ type: 'deletePod', pod: pod.name, removeFinalizer: false, reason });
    const deleted = activePods.length;
    // Pods not yet in the informer's cache may still show up: not finished before expectations are met.
    if (deleted !== active || !satisfiedExpectations) finishedCondition = null;
    active -= deleted;
    if (terminating !== null) terminating += deleted;
    ready -= countReady(activePods);
  } else {
    let manageJobCalled = false;
    if (satisfiedExpectations && !job.deleting) {
      const ctx: ManageContext = {
        // The Job as this sync sees it: with the start time it may just have set.
        job: startTime === job.status.startTime ? job : { ...job, status: { ...job.status, startTime } },
        features,
        now,
        pods,
        activePods,
        succeeded,
        ready,
        terminating,
        newBackoff,
        succeededIndexes,
        failedIndexes,
        podsWithDelayedDeletionPerIndex,
        actions,
        createBatches,
        requeueAfter,
      };
      active = manageJob(ctx);
      ready = ctx.ready;
      terminating = ctx.terminating;
      manageJobCalled = true;
    }
    // Completions unset (work queue): complete once any pod succeeded and none is left running.
    const complete = job.spec.completions === null ? succeeded > 0 && active === 0 : succeeded >= job.spec.completions && active === 0;
    if (complete) {
      finishedCondition = newSuccessCondition(features, now);
    } else if (manageJobCalled) {
      // The Suspended condition and its events are only written by a sync that ran manageJob.
      if (job.spec.suspend) {
        const result = ensureJobConditionStatus(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
        conditions = result.conditions;
        if (result.changed) deferredEvents.push({ type: 'event', eventType: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      } else {
        const result = ensureJobConditionStatus(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
        conditions = result.conditions;
        if (result.changed) {
          deferredEvents.push({ type: 'event', eventType: 'Normal', reason: 'Resumed', message: 'Job resumed' });
          // activeDeadlineSeconds counts continuous activity: a resumed Job starts its clock again.
          startTime = now;
        }
      }
    }
  }
  actions.push(...deferredEvents);

  // trackJobStatusAndRemoveFinalizers.
  const ordered = indexed ? [...pods].sort((a, b) => a.completionIndex - b.completionIndex) : pods;
  let newlySucceeded = 0;
  let newlyFailed = 0;
  let newSucceededIndexes: number[] = NO_INDEXES;
  let reachedMaxUncountedPods = false;
  for (const pod of ordered) {
    if (!pod.hasFinalizer) continue;
    const considerPodFailed = isPodFailed(pod, job, features);
    if (!canRemoveFinalizer(job, pod, considerPodFailed, finishedCondition, podsWithDelayedDeletionPerIndex, features)) continue;
    actions.push({ type: 'removeFinalizer', pod: pod.name });
    if (pod.phase === 'Succeeded') {
      if (indexed) {
        const ix = pod.completionIndex;
        if (ix !== -1 && ix < completions && !hasIndex(prevSucceededIndexes, ix)) (newSucceededIndexes = newSucceededIndexes === NO_INDEXES ? [] : newSucceededIndexes).push(ix);
      } else {
        newlySucceeded++;
      }
    } else if (considerPodFailed || (finishedCondition !== null && !isSuccessCriteriaMet(finishedCondition, features))) {
      // When the Job is finishing, every pod that did not succeed counts as failed.
      if (!indexed || validIndex(pod, completions)) {
        if (matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job.namespace).countFailed) newlyFailed++;
      }
    }
    if (newSucceededIndexes.length + newlySucceeded + newlyFailed >= MAX_UNCOUNTED_PODS) {
      // Keep status.uncountedTerminatedPods small and leave other Jobs a turn: the pod events requeue this Job.
      reachedMaxUncountedPods = true;
      break;
    }
  }

  let statusSucceeded = job.status.succeeded + newlySucceeded;
  let completedIndexes = job.status.completedIndexes;
  let failedIndexesText = job.status.failedIndexes;
  if (indexed) {
    succeededIndexes = withOrderedIndexes(succeededIndexes, sortedIndexes(newSucceededIndexes));
    statusSucceeded = total(succeededIndexes);
    completedIndexes = formatIntervals(succeededIndexes);
    failedIndexesText = failedIndexes === null ? null : formatIntervals(failedIndexes);
  }
  if (finishedCondition !== null && finishedCondition.type === 'FailureTarget') {
    conditions.push(finishedCondition);
    finishedCondition = newCondition('Failed', 'True', finishedCondition.reason, finishedCondition.message, now);
  }
  if (finishedCondition !== null && isSuccessCriteriaMet(finishedCondition, features)) {
    if (successCriteriaMetCondition(conditions, features) === null) conditions.push(finishedCondition);
    finishedCondition = newCondition('Complete', 'True', finishedCondition.reason, finishedCondition.message, now);
  }

  // The simulated API never fails a finalizer removal, so the counted pods land in status at once
  // (upstream passes them through status.uncountedTerminatedPods in two writes).
  let completionTime = job.status.completionTime;
  let jobFinished = false;
  // enactJobFinished: not while pods are still terminating (delayed terminal conditions).
  if (!reachedMaxUncountedPods && finishedCondition !== null && !(delayTerminalCondition(features) && (terminating ?? 0) > 0)) {
    const result = ensureJobConditionStatus(conditions, finishedCondition.type, finishedCondition.status, finishedCondition.reason, finishedCondition.message, now);
    conditions = result.conditions;
    if (finishedCondition.type === 'Complete') completionTime = finishedCondition.lastTransitionTime;
    jobFinished = true;
  }

  const status: JobStatus = {
    active,
    ready,
    succeeded: statusSucceeded,
    failed: job.status.failed + newlyFailed,
    terminating: features.podReplacementPolicy ? terminating : null,
    completedIndexes,
    failedIndexes: failedIndexesText,
    startTime,
    completionTime,
    conditions,
  };
  const changed = !sameStatus(status, job.status);
  if (changed) actions.push({ type: 'updateStatus', status });
  if (!sameBackoff(newBackoff, input.backoff)) actions.push({ type: 'setBackoffRecord', record: newBackoff });
  if (jobFinished && finishedCondition !== null) {
    // recordJobFinished.
    if (finishedCondition.type === 'Complete') {
      if (job.spec.completions !== null && status.succeeded > job.spec.completions) {
        actions.push({ type: 'event', eventType: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
      }
      actions.push({ type: 'event', eventType: 'Normal', reason: 'Completed', message: 'Job completed' });
    } else {
      actions.push({ type: 'event', eventType: 'Warning', reason: finishedCondition.reason, message: finishedCondition.message });
    }
  }
  return { actions, requeueAfterMs, status: changed ? status : job.status, createBatches };
}

/** The result of a sync that changes nothing (but `extra`). */
function unchanged(job: JobView, extra: readonly JobAction[] = []): JobSyncResult {
  return { actions: extra, requeueAfterMs: null, status: job.status, createBatches: [] };
}

/** util.IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(status: JobStatus): boolean {
  return status.conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function validIndex(pod: PodView, completions: number): boolean {
  return pod.completionIndex !== -1 && pod.completionIndex < completions;
}

/** getNewFinishedPods / getValidPodsWithFilter: finished pods still carrying the finalizer (and, Indexed, a valid index). */
function newFinishedPods(job: JobView, pods: readonly PodView[], features: JobFeatures): { succeeded: PodView[]; failed: PodView[] } {
  const succeeded: PodView[] = [];
  const failed: PodView[] = [];
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  for (const pod of pods) {
    if (!pod.hasFinalizer) continue;
    if (indexed && !validIndex(pod, completions)) continue;
    if (pod.phase === 'Succeeded') succeeded.push(pod);
    else if (isPodFailed(pod, job, features)) failed.push(pod);
  }
  return { succeeded, failed };
}

/** getFailJobMessage: the first failed pod that matches a FailJob rule. */
function getFailJobMessage(job: JobView, pods: readonly PodView[], features: JobFeatures): string | null {
  if (job.spec.podFailurePolicy === null) return null;
  for (const pod of pods) {
    if (!isPodFailed(pod, job, features)) continue;
    const message = matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job.namespace).failJobMessage;
    if (message !== null) return message;
  }
  return null;
}

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure pods never fail, their containers restart; the
 * Job fails when the restarts of its Running and Pending pods reach backoffLimit (>= here, where failed
 * pods need > backoffLimit), or any restart at all when backoffLimit is 0.
 */
export function pastBackoffLimitOnFailure(job: JobView, pods: readonly PodView[]): boolean {
  if (job.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.phase !== 'Running' && pod.phase !== 'Pending') continue;
    for (const status of pod.initContainerStatuses) restarts += status.restartCount;
    for (const status of pod.containerStatuses) restarts += status.restartCount;
  }
  return job.spec.backoffLimit === 0 ? restarts > 0 : restarts >= job.spec.backoffLimit;
}

/** pastActiveDeadline: never while suspended. */
export function pastActiveDeadline(job: JobView, startTime: number | null, now: number): boolean {
  if (job.spec.activeDeadlineSeconds === null || startTime === null || job.spec.suspend) return false;
  return now - startTime >= job.spec.activeDeadlineSeconds * 1000;
}

/** isIndexFailed: counted (or FailIndex) and the index's failure count has reached backoffLimitPerIndex. */
function isIndexFailed(job: JobView, pod: PodView, features: JobFeatures): boolean {
  let counted = false;
  if (isPodFailed(pod, job, features)) {
    if (job.spec.podFailurePolicy !== null) {
      const match = matchPodFailurePolicy(job.spec.podFailurePolicy, pod, job.namespace);
      if (match.action === 'FailIndex') return true;
      counted = match.countFailed;
    } else {
      counted = true;
    }
  }
  return counted && (pod.indexFailureCount ?? 0) >= (job.spec.backoffLimitPerIndex ?? 0);
}

/** calculateFailedIndexes: status.failedIndexes plus the indexes that failed since. */
function calculateFailedIndexes(job: JobView, pods: readonly PodView[], features: JobFeatures): OrderedIntervals {
  const completions = job.spec.completions ?? 0;
  const previous = job.status.failedIndexes === null ? [] : parseIndexes(job.status.failedIndexes, completions);
  const failedNow = pods.filter((p) => validIndex(p, completions) && p.hasFinalizer && isIndexFailed(job, p, features)).map((p) => p.completionIndex);
  return withOrderedIndexes(previous, sortedIndexes(failedNow));
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index with no active, succeeded or failed status, the latest
 * failed pod keeps its finalizer until its replacement exists, so the replacement can inherit its
 * failure count.
 */
function getPodsWithDelayedDeletionPerIndex(
  job: JobView,
  pods: readonly PodView[],
  activePods: readonly PodView[],
  succeededIndexes: OrderedIntervals,
  failedIndexes: OrderedIntervals,
  features: JobFeatures,
): Map<number, PodView> {
  const completions = job.spec.completions ?? 0;
  const activeIndexes = new Set(activePods.map((p) => p.completionIndex).filter((ix) => ix !== -1));
  const result = new Map<number, PodView>();
  for (const pod of pods) {
    if (!pod.hasFinalizer || !validIndex(pod, completions) || !isPodFailed(pod, job, features)) continue;
    const ix = pod.completionIndex;
    if (hasIndex(succeededIndexes, ix) || hasIndex(failedIndexes, ix) || activeIndexes.has(ix)) continue;
    const last = result.get(ix);
    if (last === undefined || (absoluteFailureCount(last) <= absoluteFailureCount(pod) && !(getFinishedTime(pod) < getFinishedTime(last)))) result.set(ix, pod);
  }
  return result;
}

/**
 * canRemoveFinalizer: the Job is going away or finishing; the pod succeeded; or it failed and is not the
 * pod an index keeps until its replacement exists.
 */
function canRemoveFinalizer(
  job: JobView,
  pod: PodView,
  considerPodFailed: boolean,
  finishedCondition: JobCondition | null,
  delayed: ReadonlyMap<number, PodView>,
  features: JobFeatures,
): boolean {
  if (job.deleting || finishedCondition !== null || pod.phase === 'Succeeded') return true;
  if (!considerPodFailed) return false;
  if (hasBackoffLimitPerIndex(job, features) && pod.completionIndex !== -1 && delayed.get(pod.completionIndex)?.uid === pod.uid) return false;
  return true;
}

function newCondition(type: string, status: ConditionStatus, reason: string, message: string, now: number): JobCondition {
  return { type, status, reason, message, lastTransitionTime: now };
}

/** newFailureCondition: FailureTarget first when terminal conditions are delayed, else Failed. */
function newFailureCondition(features: JobFeatures, reason: string, message: string, now: number): JobCondition {
  return newCondition(delayTerminalCondition(features) ? 'FailureTarget' : 'Failed', 'True', reason, message, now);
}

/** newSuccessCondition: SuccessCriteriaMet first when terminal conditions are delayed, else Complete. */
function newSuccessCondition(features: JobFeatures, now: number): JobCondition {
  const type = delayTerminalCondition(features) ? 'SuccessCriteriaMet' : 'Complete';
  return features.completionsReachedReason
    ? newCondition(type, 'True', REASON.completionsReached, MESSAGE.completionsReached, now)
    : newCondition(type, 'True', '', '', now);
}

function successCriteriaMetCondition(conditions: readonly JobCondition[], features: JobFeatures): JobCondition | null {
  if (!(features.successPolicy || delayTerminalCondition(features))) return null;
  const condition = findCondition(conditions, 'SuccessCriteriaMet');
  return condition !== undefined && condition.status === 'True' ? condition : null;
}

function isSuccessCriteriaMet(condition: JobCondition, features: JobFeatures): boolean {
  return (features.successPolicy || delayTerminalCondition(features)) && condition.type === 'SuccessCriteriaMet' && condition.status === 'True';
}

function findCondition(conditions: readonly JobCondition[], type: string): JobCondition | undefined {
  return conditions.find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus: update a condition of that type if anything differs, or append it; a False
 * condition is never appended ("going from nothing to false is meaningless").
 */
export function ensureJobConditionStatus(
  conditions: readonly JobCondition[],
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  now: number,
): { conditions: JobCondition[]; changed: boolean } {
  const index = conditions.findIndex((c) => c.type === type);
  if (index !== -1) {
    const existing = conditions[index];
    if (existing.status !== status || existing.reason !== reason || existing.message !== message) {
      const updated = [...conditions];
      updated[index] = newCondition(type, status, reason, message, now);
      return { conditions: updated, changed: true };
    }
    return { conditions: conditions as JobCondition[], changed: false };
  }
  if (status !== 'False') return { conditions: [...conditions, newCondition(type, status, reason, message, now)], changed: true };
  // Unchanged: the caller's own list back (syncJob passes its copy of the Job's conditions).
  return { conditions: conditions as JobCondition[], changed: false };
}

function sameStatus(a: JobStatus, b: JobStatus): boolean {
  if (
    a.active !== b.active ||
    a.ready !== b.ready ||
    a.succeeded !== b.succeeded ||
    a.failed !== b.failed ||
    a.terminating !== b.terminating ||
    a.completedIndexes !== b.completedIndexes ||
    a.failedIndexes !== b.failedIndexes ||
    a.startTime !== b.startTime ||
    a.completionTime !== b.completionTime ||
    a.conditions.length !== b.conditions.length
  ) {
    return false;
  }
  for (let i = 0; i < a.conditions.length; i++) {
    const c = a.conditions[i];
    const d = b.conditions[i];
    if (c.type !== d.type || c.status !== d.status || c.reason !== d.reason || c.message !== d.message || c.lastTransitionTime !== d.lastTransitionTime) return false;
  }
  return true;
}

function countReady(pods: readonly PodView[]): number {
  let n = 0;
  for (const pod of pods) if (pod.ready) n++;
  return n;
}

function countTerminating(pods: readonly PodView[]): number {
  let n = 0;
  for (const pod of pods) if (isTerminating(pod)) n++;
  return n;
}

/** Shared empty values for what most syncs never fill (never written to). */
const NO_INTERVALS: OrderedIntervals = [];
const NO_INDEXES: number[] = [];
const NO_DELAYED_PODS: ReadonlyMap<number, PodView> = new Map();

function sameBackoff(a: BackoffRecord, b: BackoffRecord | null): boolean {
  const other = b ?? { failuresAfterLastSuccess: 0, lastFailureTime: null };
  return a.failuresAfterLastSuccess === other.failuresAfterLastSuccess && a.lastFailureTime === other.lastFailureTime;
}
