/**
 * pkg/controller/cronjob/cronjob_controllerv2.go — ControllerV2.sync, cleanupFinishedJobs and
 * syncCronJob — as one pure decision: the CronJob, the Jobs it controls, the API's answers and `now` go
 * in; the API calls, events, the new status and the requeue delay come out. The order is upstream's:
 *
 *   cleanupFinishedJobs (history limits, oldest first), then syncCronJob:
 *   1. reconcile status.active with the Jobs: finished ones leave it (SawCompletedJob) and feed
 *      lastSuccessfulTime; an unfinished Job not in it is adopted from a fresh read or reported
 *      (UnexpectedJob); an entry whose Job is gone leaves it (MissingJob);
 *   2. stop when the CronJob is being deleted, its time zone does not load (UnknownTimeZone), it is
 *      suspended, or its schedule does not parse (UnparseableSchedule);
 *   3. the time to start for now: nextScheduleTime (TooManyMissedTimes past 100 missed times, InvalidSchedule
 *      for a schedule that never fires); none → requeue at the next schedule time;
 *   4. too late for startingDeadlineSeconds (MissSchedule; unreachable in practice, since the deadline
 *      already bounds the search), already started, or Forbid with a Job still active (JobAlreadyActive,
 *      lastScheduleTime not advanced) → requeue;
 *   5. Replace deletes every active Job (SuccessfulDelete); then the Job `<cronjob>-<minutes>` is created
 *      (SuccessfulCreate; AlreadyExists adopts it), recorded in status.active and lastScheduleTime, and
 *      the key is requeued for the next schedule time (+100ms).
 */
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import { goQuote } from '../../cron/goText';
import { loadLocation } from '../../cron/timeZone';
import { ActiveChange } from './active';
import {
  byJobStartTime,
  compileSchedule,
  formatRfc1123zUtc,
  formatSchedule,
  getJobName,
  GO_ZERO_TIME,
  nextScheduleTime,
  nextScheduleTimeDuration,
} from './schedule';
import type {
  ApiError,
  ChildJobView,
  CronJobAction,
  CronJobApi,
  CronJobFeatures,
  CronJobLogEntry,
  CronJobSpecView,
  CronJobStatus,
  CronJobSyncInput,
  CronJobSyncResult,
  CronJobView,
  JobReference,
} from './types';

export const CRONJOB_CONTROLLER = 'cronjob-controller';

export const MESSAGE = {
  jobAlreadyActive: 'Not starting job because prior execution is running and concurrency policy is Forbid',
  tooManyMissed: 'Set or decrease .spec.startingDeadlineSeconds or check clock skew',
} as const;

/**
 * Release-dependent behaviour. TooManyMissedTimes lost its count when mostRecentScheduleTime started
 * returning missedSchedulesType (PR 121327, 1.29). SawCompletedJob says "condition:" since the Job utilities
 * moved to pkg/controller/job/util (jobutil.FinishedCondition, PR 123537), and lastSuccessfulTime moves in the
 * sync that sees the Job finish since "lastSuccessfulTime not set" was fixed (PR 122025); both merged in
 * mid-2024, so 1.31 (the release is inferred from the PRs' dates, not verified).
 */
export function cronJobFeaturesFor(version: KubernetesVersion): CronJobFeatures {
  return {
    sawCompletedJobWord: isAtLeast(version, 1, 31) ? 'condition' : 'status',
    tooManyMissedCount: !isAtLeast(version, 1, 29),
    lastSuccessfulTimeWhenSeen: isAtLeast(version, 1, 31),
  };
}

export function isApiError(value: unknown): value is ApiError {
  return value !== null && typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string';
}

/** ControllerV2.sync once the listers are read: cleanupFinishedJobs, then syncCronJob, on one copy. */
export function syncCronJobKey(input: CronJobSyncInput): CronJobSyncResult {
  const cleanup = cleanupFinishedJobs(input.cronJob, input.jobs, input.api);
  const cronJob = cleanup.status === input.cronJob.status ? input.cronJob : { ...input.cronJob, status: cleanup.status };
  const sync = syncCronJob({ ...input, cronJob });
  return {
    actions: cleanup.actions.length === 0 ? sync.actions : [...cleanup.actions, ...sync.actions],
    status: sync.status,
    updateStatus: cleanup.updateStatus || sync.updateStatus,
    requeueAfterMs: sync.requeueAfterMs,
    error: sync.error,
    log: sync.log,
    quietUntil: sync.quietUntil,
  };
}

const NO_ACTIONS: CronJobAction[] = [];

/**
 * cleanupFinishedJobs / removeOldestJobs: of the finished Jobs of each kind (Complete, Failed), the oldest
 * by status.startTime beyond the limit are deleted. A nil limit (not defaulted) leaves that kind alone.
 */
export function cleanupFinishedJobs(cj: CronJobView, jobs: readonly ChildJobView[], api: CronJobApi): { readonly actions: CronJobAction[]; readonly status: CronJobStatus; readonly updateStatus: boolean } {
  const spec = cj.spec;
  const successfulLimit = spec.successfulJobsHistoryLimit;
  const failedLimit = spec.failedJobsHistoryLimit;
  // Usually nothing is over a limit: counted first, without building anything.
  let complete = 0;
  let failedCount = 0;
  for (const job of jobs) {
    if (job.finished === 'Complete') complete++;
    else if (job.finished === 'Failed') failedCount++;
  }
  if ((successfulLimit === null || complete <= successfulLimit) && (failedLimit === null || failedCount <= failedLimit)) return { actions: NO_ACTIONS, status: cj.status, updateStatus: false };
  const actions: CronJobAction[] = [];
  const active = new ActiveChange(cj.status.active);
  let updateStatus = false;
  const removeOldestJobs = (finished: ChildJobView[], limit: number): void => {
    const numToDelete = finished.length - limit;
    if (numToDelete <= 0) return;
    finished.sort(byJobStartTime);
    for (let i = 0; i < numToDelete; i++) {
      const job = finished[i];
      const failure = api.deleteJobError?.(job.namespace, job.name) ?? null;
      if (failure !== null) {
        actions.push({ type: 'event', eventType: 'Warning', reason: 'FailedDelete', message: `Deleted job: ${failure.error}` });
        continue;
      }
      actions.push({ type: 'deleteJob', name: job.name, namespace: job.namespace, reason: 'HistoryLimit' });
      active.remove(job.uid);
      actions.push({ type: 'event', eventType: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${job.name}` });
      updateStatus = true;
    }
  };
  let successful: ChildJobView[] | null = null;
  let failed: ChildJobView[] | null = null;
  for (const job of jobs) {
    if (job.finished === 'Complete') (successful ??= []).push(job);
    else if (job.finished === 'Failed') (failed ??= []).push(job);
  }
  if (successfulLimit !== null && successful !== null) removeOldestJobs(successful, successfulLimit);
  if (failedLimit !== null && failed !== null) removeOldestJobs(failed, failedLimit);
  const status = active.changed ? { ...cj.status, active } : cj.status;
  return { actions, status, updateStatus };
}

const schedules = new WeakMap<CronJobSpecView, { readonly zone: string; readonly formatted: ReturnType<typeof formatSchedule>; readonly compiled: ReturnType<typeof compileSchedule> }>();

/** formatSchedule and cron.ParseStandard, once per spec (a sync parses the schedule every time). */
function scheduleOf(spec: CronJobSpecView, localTimeZone: string): { readonly formatted: ReturnType<typeof formatSchedule>; readonly compiled: ReturnType<typeof compileSchedule> } {
  let entry = schedules.get(spec);
  if (entry === undefined || entry.zone !== localTimeZone) {
    const formatted = formatSchedule(spec);
    entry = { zone: localTimeZone, formatted, compiled: compileSchedule(formatted.text, localTimeZone) };
    schedules.set(spec, entry);
  }
  return entry;
}

/** ControllerV2.syncCronJob. */
export function syncCronJob(input: CronJobSyncInput): CronJobSyncResult {
  const { now, api, features } = input;
  let cj = input.cronJob;
  let active = new ActiveChange(cj.status.active);
  let lastScheduleTime = cj.status.lastScheduleTime;
  let lastSuccessfulTime = cj.status.lastSuccessfulTime;
  let updateStatus = false;
  const actions: CronJobAction[] = [];
  const log: CronJobLogEntry[] = [];
  const event = (eventType: 'Normal' | 'Warning', reason: string, message: string): void => {
    actions.push({ type: 'event', eventType, reason, message });
  };
  const status = (): CronJobStatus =>
    !active.changed && lastScheduleTime === cj.status.lastScheduleTime && lastSuccessfulTime === cj.status.lastSuccessfulTime
      ? cj.status
      : { active: active.changed ? active : cj.status.active, lastScheduleTime, lastSuccessfulTime };
  const current = (): CronJobView => {
    const s = status();
    return s === cj.status ? cj : { ...cj, status: s };
  };
  const done = (requeueAfterMs: number | null, error: string | null = null, quietUntil: number | null = null): CronJobSyncResult => ({
    actions,
    status: status(),
    updateStatus,
    requeueAfterMs,
    error,
    log,
    quietUntil,
  });

  // 1. The Jobs it controls against status.active.
  const missingActive = input.missingActive;
  // Only the check of status.active against the Jobs needs their UIDs (not at all when none is missing).
  const childrenJobs = missingActive !== undefined && missingActive.length === 0 ? null : new Set<string>();
  for (const job of input.jobs) {
    childrenJobs?.add(job.uid);
    const found = active.hasUid(job.uid); // inActiveList
    if (!found && job.finished === null) {
      // Maybe the lister's copy of the CronJob is stale: read it again before complaining.
      const fresh = api.getCronJob(cj.namespace, cj.name);
      if (isApiError(fresh)) return done(null, fresh.error);
      if (fresh.status.active.hasUid(job.uid)) {
        cj = fresh;
        active = new ActiveChange(fresh.status.active);
        lastScheduleTime = fresh.status.lastScheduleTime;
        lastSuccessfulTime = fresh.status.lastSuccessfulTime;
        continue;
      }
      event('Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.name}`);
    } else if (job.finished !== null) {
      if (found) {
        active.remove(job.uid); // deleteFromActiveList
        // joined into one flat string: the Timeline keeps one per Job.
        event('Normal', 'SawCompletedJob', ['Saw completed job: ', job.name, ', ', features.sawCompletedJobWord, ': ', job.finished].join(''));
        updateStatus = true;
        // Older releases: `else if found && finished {…} else if finished { lastSuccessfulTime… }`.
        if (!features.lastSuccessfulTimeWhenSeen) continue;
      }
      if (job.finished === 'Complete') {
        // A Job need not be in the active list: any succeeded one moves lastSuccessfulTime forward.
        if (lastSuccessfulTime === null) {
          lastSuccessfulTime = job.completionTime;
          updateStatus = true;
        }
        if (job.completionTime !== null && lastSuccessfulTime !== null && job.completionTime > lastSuccessfulTime) {
          lastSuccessfulTime = job.completionTime;
          updateStatus = true;
        }
      }
    }
  }
  // An entry of status.active whose Job is gone (asked of the API server, not the lister) leaves it.
  for (const ref of missingActive ?? [...active]) {
    if (childrenJobs === null || childrenJobs.has(ref.uid) || !active.hasUid(ref.uid)) continue;
    const got = missingActive !== undefined ? null : api.getJob(ref.namespace, ref.name);
    if (got === null) {
      event('Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
      active.remove(ref.uid);
      updateStatus = true;
    } else if (isApiError(got)) {
      return done(null, got.error);
    }
  }

  // 2. Nothing to schedule.
  if (cj.deleting) return done(null);
  const spec = cj.spec;
  if (spec.timeZone !== null) {
    const loaded = loadLocation(spec.timeZone);
    if (!loaded.ok) {
      event('Warning', 'UnknownTimeZone', `invalid timeZone: ${goQuote(spec.timeZone)}: ${loaded.error}`);
      return done(null);
    }
  }
  if (spec.suspend) return done(null);
  const { formatted, compiled } = scheduleOf(spec, input.localTimeZone);
  if (formatted.usesTz) {
    event(
      'Warning',
      'UnsupportedSchedule',
      `CRON_TZ or TZ used in schedule ${goQuote(spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    );
  }
  if (!compiled.ok) {
    // Not requeued: the CronJob waits for a spec update.
    event('Warning', 'UnparseableSchedule', `unparseable schedule: ${goQuote(spec.schedule)} : ${compiled.error}`);
    return done(null);
  }
  const sched = compiled.schedule;

  // 3. What is due now.
  const next = nextScheduleTime(current(), now, sched);
  if (next.scheduledTime !== null && next.result.missed === 'many') {
    const count = features.tooManyMissedCount ? `: ${next.result.count}` : '';
    event('Warning', 'TooManyMissedTimes', `too many missed start times${count}. ${MESSAGE.tooManyMissed}`);
  }
  if (next.error !== null) {
    event('Warning', 'InvalidSchedule', `invalid schedule: ${spec.schedule} : ${next.error}`);
    return done(null);
  }
  const scheduledTime = next.scheduledTime;
  // nextScheduleTimeDuration for the CronJob as it now is; without a deadline, nextScheduleTime's search is the same one.
  const requeue = (): number | null => {
    const cronJob = current();
    const known = cronJob === cj && spec.startingDeadlineSeconds === null ? next.result : undefined;
    return nextScheduleTimeDuration(cronJob, now, sched, known);
  };
  // Nothing is due before the next schedule time when none was missed (and no deadline moves the search
  // window with the clock): until then, the same CronJob and Jobs give this same decision.
  const quietUntil = (): number | null => {
    if (spec.startingDeadlineSeconds !== null || next.result.missed !== 'none' || next.error !== null) return null;
    const t = sched.next(next.result.mostRecent ?? next.result.earliest);
    return t === GO_ZERO_TIME ? null : t;
  };
  if (scheduledTime === null) return done(requeue(), null, quietUntil());

  // 4. Too late, already done, or forbidden.
  if (spec.startingDeadlineSeconds !== null && scheduledTime + spec.startingDeadlineSeconds * 1000 < now) {
    event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123zUtc(scheduledTime)}`);
    return done(requeue());
  }
  // Usually this time was started already: known without building the Job's name.
  if (lastScheduleTime === scheduledTime) return done(requeue(), null, quietUntil());
  const jobName = getJobName(cj.name, scheduledTime);
  if (active.byName(cj.namespace, jobName) !== undefined) return done(requeue(), null, quietUntil());
  if (spec.concurrencyPolicy === 'Forbid' && active.size > 0) {
    event('Normal', 'JobAlreadyActive', MESSAGE.jobAlreadyActive);
    log.push({ kind: 'forbidden', scheduledTime, active: [...active].map((ref) => ref.name) });
    return done(requeue());
  }

  // 5. Replace, then create.
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...active]) {
      const got = api.getJob(ref.namespace, ref.name);
      if (got === null || isApiError(got)) {
        const error = got === null ? `jobs.batch ${goQuote(ref.name)} not found` : got.error;
        event('Warning', 'FailedGet', `Get job: ${error}`);
        return done(null, error);
      }
      const failure = api.deleteJobError?.(got.namespace, got.name) ?? null;
      if (failure !== null) {
        event('Warning', 'FailedDelete', `Deleted job: ${failure.error}`);
        return done(null, `could not replace job ${got.namespace}/${got.name}`);
      }
      actions.push({ type: 'deleteJob', name: got.name, namespace: got.namespace, reason: 'Replace' });
      active.remove(got.uid);
      event('Normal', 'SuccessfulDelete', `Deleted job ${got.name}`);
      updateStatus = true;
    }
  }

  const since = lastScheduleTime ?? cj.creationTimestamp;
  const created = api.createJob(cj.namespace, jobName);
  let ref: JobReference;
  if (isApiError(created)) {
    if (created.reason === 'NamespaceTerminating') return done(null, created.error);
    if (created.reason !== 'AlreadyExists') {
      event('Warning', 'FailedCreate', `Error creating job: ${created.error}`);
      return done(null, created.error);
    }
    // Created by an earlier sync whose status update was lost: adopt it if it is ours and not listed yet.
    const existing = api.getJob(cj.namespace, jobName);
    if (existing === null) return done(null, `jobs.batch ${goQuote(jobName)} not found`);
    if (isApiError(existing)) return done(null, existing.error);
    if (existing.controllerUid !== cj.uid) return done(null);
    if (active.hasUid(existing.uid)) return done(null);
    ref = { name: existing.name, namespace: existing.namespace, uid: existing.uid };
  } else {
    actions.push({ type: 'createJob', name: jobName, namespace: cj.namespace, scheduledTime });
    event('Normal', 'SuccessfulCreate', `Created job ${jobName}`);
    ref = { name: jobName, namespace: cj.namespace, uid: created.uid };
  }
  active.add(ref);
  lastScheduleTime = scheduledTime;
  updateStatus = true;
  log.push({ kind: 'created', scheduledTime, since, missed: next.result.missed, job: jobName });
  return done(requeue());
}
