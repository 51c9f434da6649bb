/**
 * A CronJob enters the simulation: its defaulted spec, its status as `kubectl get -o yaml` printed it (the
 * starting state: lastScheduleTime, lastSuccessfulTime, the Jobs in status.active), and the controllers
 * that act on it: the CronJob controller, and the Job and TTL-after-finished controllers for the Jobs it
 * creates (the same ones a lone Job runs under).
 */
import { loadLocation, zoneFor } from '../../cron/timeZone';
import { applyDefaults } from '../../model/defaults';
import type { CronJob, Job, JobSpec } from '../../model/types';
import type { Cluster, SimJob } from '../cluster';
import { recordTime } from '../timelineTimes';
import { JobController } from '../job/controller';
import { jobSpecView, podTemplateInfo } from '../job/simulator';
import { TtlAfterFinishedController } from '../job/ttlAfterFinished';
import { EMPTY_JOB_STATUS } from '../job/types';
import { objectNameOf } from '../longRunningSetup';
import type { ScenarioEvent } from '../scenario';
import { DAY, formatRfc3339, HOUR, MINUTE, parseRfc3339 } from '../time';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { CRONJOB_UPDATED, CronJobController, CronJobStore, jobUid, type JobTemplateView } from './controller';
import { compileSchedule, formatSchedule, GO_ZERO_TIME, type CronSchedule } from './schedule';
import { cronJobFeaturesFor } from './syncCronJob';
import type { CronJobLogEntry, CronJobSpecView, CronJobStatus, JobReference } from './types';
import { engineText } from '../engineText';

/** Jobs listed in a pasted status.active that are brought up at t = 0. */
const MAX_PASTED_ACTIVE = 100;
/** Schedule times a marker enumerates before it only counts. */
const MAX_LISTED_TIMES = 10_000;

export const cronJobSimulator: WorkloadSimulator = {
  kind: 'CronJob',
  setup(context: WorkloadContext): WorkloadRun {
    const cronJob = context.object as CronJob;
    const written = context.written as CronJob;
    const cluster = context.cluster;
    const metadata = cronJob.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const startEpochMs = context.scenario.startEpochMs;
    const rawSpec = cronJob.spec ?? {};
    let spec: CronJobSpecView = {
      schedule: rawSpec.schedule ?? '',
      timeZone: written.spec?.timeZone ?? null,
      startingDeadlineSeconds: rawSpec.startingDeadlineSeconds ?? null,
      concurrencyPolicy: rawSpec.concurrencyPolicy ?? 'Allow',
      suspend: rawSpec.suspend ?? false,
      successfulJobsHistoryLimit: rawSpec.successfulJobsHistoryLimit ?? null,
      failedJobsHistoryLimit: rawSpec.failedJobsHistoryLimit ?? null,
    };
    const localTimeZone = controllerZone(context);
    const jobTemplate = jobTemplateOf(rawSpec.jobTemplate);

    // The starting state: status as a live object prints it.
    const raw = context.raw;
    const rawStatus = isObject(raw.status) ? raw.status : {};
    const time = (key: string): number | null => {
      const value = rawStatus[key];
      if (value === undefined || value === null) return null;
      const ms = typeof value === 'string' ? parseRfc3339(value) : undefined;
      if (ms === undefined) context.warn(`status.${key}`, engineText.t(context.cluster.locale, 'statusTimeIgnored'));
      return ms ?? null;
    };
    const rawMetadata = isObject(raw.metadata) ? raw.metadata : {};
    const created = typeof rawMetadata.creationTimestamp === 'string' ? parseRfc3339(rawMetadata.creationTimestamp) : undefined;
    const creationTimestamp = created ?? startEpochMs;
    const uid = typeof rawMetadata.uid === 'string' && rawMetadata.uid !== '' ? rawMetadata.uid : `${namespace}/${name}`;
    const active = pastedActiveJobs(context, rawStatus.active, name, namespace, jobTemplate);
    const store = new CronJobStore(
      name,
      namespace,
      uid,
      startEpochMs,
      creationTimestamp,
      spec,
      { active, lastScheduleTime: time('lastScheduleTime'), lastSuccessfulTime: time('lastSuccessfulTime') },
      jobTemplate,
      (s, now) => cluster.statusHistory.push({ at: recordTime(now), object: name, kind: 'CronJob', status: statusHistoryJson(s, startEpochMs) }),
    );
    cluster.statusHistory.push({ at: 0, object: name, kind: 'CronJob', status: statusHistoryJson(store.status, startEpochMs) });

    const features = cronJobFeaturesFor(context.kubernetesVersion);
    const markers = new RunMarkers(cluster, store, localTimeZone, context.scenario.events, startEpochMs);
    const controller = new CronJobController(store, { localTimeZone, features, onLog: (entry, now) => markers.log(entry, now) });

    notes(context, store, localTimeZone);
    return {
      object: { kind: 'CronJob', name, namespace },
      effectiveSpec: effectiveSpec(rawSpec, jobTemplate),
      // The CronJob controller before the TTL controller: both are woken by a Job finishing; this one sees it first.
      controllers: [new JobController(context.jobFeatures), controller, new TtlAfterFinishedController()],
      defaultUntilMs: defaultUntil(spec, localTimeZone, startEpochMs),
      applyEvent(event: ScenarioEvent, now: number) {
        switch (event.type) {
          case 'suspend': {
            markers.suspended(event.suspend, now);
            if (spec.suspend === event.suspend) return { marker: engineText.t(context.cluster.locale, 'suspendUnchangedMarker', { value: String(event.suspend) }) };
            spec = { ...spec, suspend: event.suspend };
            store.setSpec(spec);
            // updateCronJob: a spec change (not of the schedule) syncs the CronJob at once.
            cluster.hooks.notify(CRONJOB_UPDATED);
            return { marker: event.suspend ? 'kubectl patch: spec.suspend=true' : 'kubectl patch: spec.suspend=false' };
          }
          case 'setImage':
            // The job template is mutable; only Jobs created afterwards use it (running Jobs keep theirs).
            return { marker: `kubectl set image: the job template now uses ${event.image}; Jobs created from now on run it` };
          case 'rollback':
            return { note: engineText.t(context.cluster.locale, 'ignoredNoRevisions', { kind: 'CronJob' }) };
          default:
            return {};
        }
      },
      idleReason() {
        return spec.suspend ? engineText.t(context.cluster.locale, 'cronSuspendedIdle', { name }) : undefined;
      },
      finalStatus() {
        return statusJson(store.status, startEpochMs);
      },
    };
  },
};

/** The controller manager's zone (the SimulateOptions field), checked as Go's LoadLocation would. */
function controllerZone(context: WorkloadContext): string {
  const zone = context.controllerTimeZone ?? 'UTC';
  const loaded = loadLocation(zone);
  if (loaded.ok && loaded.location !== null) {
    try {
      zoneFor(loaded.location);
      return zone;
    } catch {
      // fall through
    }
  }
  context.warn('', engineText.t(context.cluster.locale, 'controllerZoneUnknown', { zone: JSON.stringify(zone) }));
  return 'UTC';
}

/** The Job each run creates: the job template with the API server's Job defaults (SetDefaults_Job). */
function jobTemplateOf(template: { metadata?: Job['metadata']; spec?: JobSpec } | undefined): JobTemplateView {
  const job = applyDefaults<Job>({ apiVersion: 'batch/v1', kind: 'Job', metadata: template?.metadata ?? {}, spec: template?.spec ?? {} });
  const spec = job.spec ?? {};
  return { spec: jobSpecView(spec), template: podTemplateInfo(spec.template) };
}

/**
 * The Jobs a pasted status.active lists are running: they are created at t = 0 (owned by the CronJob) and the
 * Job controller starts their pods then (their real age is unknown).
 */
function pastedActiveJobs(context: WorkloadContext, value: unknown, cronJobName: string, namespace: string, template: JobTemplateView): JobReference[] {
  if (!Array.isArray(value)) return [];
  const refs: JobReference[] = [];
  const pattern = new RegExp(`^${escapeRegExp(cronJobName)}-(\\d+)$`);
  for (const item of value.slice(0, MAX_PASTED_ACTIVE)) {
    if (!isObject(item) || typeof item.name !== 'string' || item.name === '') continue;
    const jobName = item.name;
    if (context.cluster.job(jobName) !== undefined) continue;
    const minutes = pattern.exec(jobName)?.[1];
    const job: SimJob = context.cluster.addJob(
      {
        name: jobName,
        namespace: typeof item.namespace === 'string' ? item.namespace : namespace,
        owner: { kind: 'CronJob', name: cronJobName },
        scheduledTime: minutes === undefined ? null : formatRfc3339(Number(minutes) * MINUTE),
        spec: template.spec,
        status: EMPTY_JOB_STATUS,
        template: template.template,
        createdAt: 0,
      },
      0,
    );
    refs.push({ name: job.name, namespace: job.namespace, uid: jobUid(job.namespace, job.name, job.createdAt) });
  }
  if (refs.length > 0) {
    context.cluster.note(engineText.t(context.cluster.locale, 'cronPreexisting', { count: refs.length }));
  }
  if (value.length > MAX_PASTED_ACTIVE) context.warn('status.active', engineText.t(context.cluster.locale, 'tooManyActiveJobs', { count: value.length, max: MAX_PASTED_ACTIVE }));
  return refs;
}

/**
 * Timeline markers for schedule times that never got a Job: skipped (Forbid, suspended) or missed (the
 * controller manager was down, past startingDeadlineSeconds). They are found when a Job is next created:
 * the times between the previous schedule time and the new one were not run (syncCronJob starts only the
 * most recent missed time).
 */
class RunMarkers {
  /** Schedule times JobAlreadyActive held back, with the Jobs that were running. */
  private readonly forbidden = new Map<number, readonly string[]>();
  /** [from, to) wall-clock intervals while suspended / while the controller manager was down. */
  private readonly suspendedSpans: [number, number][] = [];
  private readonly outages: [number, number][] = [];
  private suspendedSince: number | null;

  constructor(
    private readonly cluster: Cluster,
    private readonly store: CronJobStore,
    private readonly localTimeZone: string,
    events: readonly ScenarioEvent[],
    private readonly startEpochMs: number,
  ) {
    this.suspendedSince = store.spec.suspend ? store.creationTimestamp : null;
    for (const event of events) {
      if (event.type === 'controllerDown') this.outages.push([startEpochMs + event.atMs, startEpochMs + event.atMs + event.durationMs]);
    }
  }

  private compiled: { readonly spec: CronJobSpecView; readonly result: ReturnType<typeof compileSchedule> } | null = null;

  /** The schedule of the current spec, compiled once per spec (every created Job asks for it). */
  private schedule(): ReturnType<typeof compileSchedule> {
    const spec = this.store.spec;
    if (this.compiled === null || this.compiled.spec !== spec) this.compiled = { spec, result: compileSchedule(formatSchedule(spec).text, this.localTimeZone) };
    return this.compiled.result;
  }

  suspended(value: boolean, now: number): void {
    const at = this.startEpochMs + now;
    if (value && this.suspendedSince === null) this.suspendedSince = at;
    if (!value && this.suspendedSince !== null) {
      this.suspendedSpans.push([this.suspendedSince, at]);
      this.suspendedSince = null;
    }
  }

  log(entry: CronJobLogEntry, now: number): void {
    if (entry.kind === 'forbidden') {
      if (this.forbidden.size >= MAX_LISTED_TIMES) this.forbidden.clear();
      this.forbidden.set(entry.scheduledTime, entry.active);
      return;
    }
    this.forbidden.delete(entry.scheduledTime);
    const compiled = this.schedule();
    // The usual case: the new time is the first one after the previous (Next is memoized, so this is cheap).
    if (!compiled.ok || compiled.schedule.next(entry.since) >= entry.scheduledTime) return;
    const gap = timesBetween(compiled.schedule, entry.since, entry.scheduledTime);
    let blockedBy: readonly string[] | undefined;
    for (const t of gap.times) {
      blockedBy ??= this.forbidden.get(t);
      this.forbidden.delete(t);
    }
    if (gap.count === 0) return;
    const first = gap.times[0];
    const last = gap.times[gap.times.length - 1];
    const overlaps = (spans: readonly [number, number][], open: number | null): boolean =>
      spans.some(([from, to]) => from <= last && to > first) || (open !== null && open <= last);
    const span = { count: gap.count, first: clock(first), last: clock(last) };
    const runs =
      gap.count === 1
        ? engineText.t(this.cluster.locale, 'theRunAt', { time: clock(first) })
        : gap.capped
          ? engineText.t(this.cluster.locale, 'moreThanRunsBetween', span)
          : engineText.t(this.cluster.locale, 'runsBetween', span);
    let kind: string;
    let why: string;
    if (blockedBy !== undefined) {
      kind = 'skippedRun';
      why = engineText.t(this.cluster.locale, 'whyForbid', { jobs: blockedBy.join(', ') });
    } else if (overlaps(this.outages, null)) {
      kind = 'missedRun';
      const sds = this.store.spec.startingDeadlineSeconds;
      why = sds === null ? engineText.t(this.cluster.locale, 'whyControllerDown') : engineText.t(this.cluster.locale, 'whyControllerDownDeadline', { seconds: sds });
    } else if (overlaps(this.suspendedSpans, this.suspendedSince)) {
      kind = 'skippedRun';
      why = engineText.t(this.cluster.locale, 'whySuspended');
    } else if (first < this.startEpochMs) {
      kind = 'missedRun';
      why = engineText.t(this.cluster.locale, 'whyBeforeStart');
    } else {
      kind = 'missedRun';
      const sds = this.store.spec.startingDeadlineSeconds;
      why = sds !== null ? engineText.t(this.cluster.locale, 'whyPastDeadline', { seconds: sds }) : engineText.t(this.cluster.locale, 'whyLate');
    }
    const args = { runs, why, time: clock(entry.scheduledTime), job: entry.job };
    this.cluster.mark(now, kind, kind === 'skippedRun' ? engineText.t(this.cluster.locale, 'skippedRunsMarker', args) : engineText.t(this.cluster.locale, 'missedRunsMarker', args), gap.count);
  }
}

/** The schedule times strictly between `from` and `to` (at most MAX_LISTED_TIMES are listed, the rest counted). */
function timesBetween(schedule: CronSchedule, from: number, to: number): { times: number[]; count: number; capped: boolean } {
  const times: number[] = [];
  for (let t = schedule.next(from); t < to && t !== GO_ZERO_TIME; t = schedule.next(t)) {
    if (times.length >= MAX_LISTED_TIMES) return { times, count: times.length, capped: true };
    times.push(t);
  }
  return { times, count: times.length, capped: false };
}

function clock(epochMs: number): string {
  return formatRfc3339(epochMs);
}

function relative(ms: number | null, startEpochMs: number): number | null {
  return ms === null ? null : recordTime(ms - startEpochMs);
}

/** The final status as the Timeline shows it: the active Jobs' references, times in seconds since the start. */
function statusJson(status: CronJobStatus, startEpochMs: number): Record<string, unknown> {
  return {
    active: [...status.active].map((ref) => ({ kind: 'Job', name: ref.name, namespace: ref.namespace })),
    lastScheduleTime: relative(status.lastScheduleTime, startEpochMs),
    lastSuccessfulTime: relative(status.lastSuccessfulTime, startEpochMs),
  };
}

/**
 * A status write in the status history: `active` is the number of active Jobs (kubectl get cronjob's ACTIVE
 * column). Listing them on every write would make the history grow with the square of a long Allow run.
 */
function statusHistoryJson(status: CronJobStatus, startEpochMs: number): Record<string, unknown> {
  return { active: status.active.size, lastScheduleTime: relative(status.lastScheduleTime, startEpochMs), lastSuccessfulTime: relative(status.lastSuccessfulTime, startEpochMs) };
}

/** Without `until`, a run shows the first five schedule times (and at least an hour), at most 30 days. */
function defaultUntil(spec: CronJobSpecView, localTimeZone: string, startEpochMs: number): number {
  const compiled = compileSchedule(formatSchedule(spec).text, localTimeZone);
  let until = HOUR;
  if (compiled.ok) {
    let t = startEpochMs;
    for (let i = 0; i < 5; i++) {
      const next = compiled.schedule.next(t);
      if (next === GO_ZERO_TIME || next - startEpochMs > 30 * DAY) break;
      t = next;
    }
    until = Math.max(until, t - startEpochMs + 10 * MINUTE);
  }
  return Math.min(until, 30 * DAY);
}

function notes(context: WorkloadContext, store: CronJobStore, localTimeZone: string): void {
  const spec = store.spec;
  const cluster = context.cluster;
  const locale = cluster.locale;
  if (spec.schedule.includes('TZ')) cluster.note(engineText.t(locale, 'cronZoneTzPrefix'));
  else if (spec.timeZone !== null) cluster.note(engineText.t(locale, 'cronZoneSpec', { zone: spec.timeZone }));
  else cluster.note(engineText.t(locale, 'cronZoneController', { zone: localTimeZone }));
  cluster.note(engineText.t(locale, 'cronMissed'));
  if (spec.concurrencyPolicy === 'Forbid') {
    cluster.note(engineText.t(locale, 'cronForbid'));
  }
  if (spec.suspend) cluster.note(engineText.t(locale, 'cronSuspended'));
  if (store.jobTemplate.spec.ttlSecondsAfterFinished === 0) {
    cluster.note(engineText.t(locale, 'cronTtlZero'));
  }
}

function effectiveSpec(spec: NonNullable<CronJob['spec']>, jobTemplate: JobTemplateView): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...spec };
  delete rest.jobTemplate;
  const job = jobTemplate.spec;
  const template = jobTemplate.template;
  return {
    ...rest,
    jobTemplate: {
      spec: {
        completions: job.completions,
        parallelism: job.parallelism,
        backoffLimit: job.backoffLimit,
        completionMode: job.completionMode,
        suspend: job.suspend,
        ...(job.activeDeadlineSeconds !== null ? { activeDeadlineSeconds: job.activeDeadlineSeconds } : {}),
        ...(job.ttlSecondsAfterFinished !== null ? { ttlSecondsAfterFinished: job.ttlSecondsAfterFinished } : {}),
        ...(job.podReplacementPolicy !== null ? { podReplacementPolicy: job.podReplacementPolicy } : {}),
        template: { spec: { restartPolicy: template.restartPolicy, containers: template.containerNames, terminationGracePeriodSeconds: template.terminationGracePeriodSeconds } },
      },
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
