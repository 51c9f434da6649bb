/**
 * The CronJob controller at scale: a CronJob every minute for a year (525,600 schedule times) under
 * concurrencyPolicy Forbid with 10-second runs. Three figures, each measured in the same run:
 *
 *  - benchCronJob(): the whole simulation, every Job run by the Job controller with its pod, every event,
 *    condition and status in the Timeline (limits raised to fit the year);
 *  - benchCronJobDecisions(): the CronJob controller's own decisions for the year (the pure sync, with each
 *    Job finishing 10 seconds after it is created), without the Job controller, pods or a Timeline;
 *  - timelineFloor(): the cost of only building the objects such a year's Timeline holds, as a baseline: no
 *    simulation can return that Timeline faster.
 *
 * `node out/bench/cronjob.js [days]` (after `npx tsc -p test`) prints them; benchCronJob() → { events, millis }.
 *
 * The two figures: benchCronJobRuns() (30 days, µs per run, against the Timeline floor) and
 * benchCronJobPodBound() (up to the 100,000-pod bound: milliseconds and peak memory).
 */
import { spawnSync } from 'node:child_process';
import { simulate } from '../server/src/core/engine';
import { ActiveIndex } from '../server/src/core/engine/cronjob/active';
import { applyActive } from '../server/src/core/engine/cronjob/controller';
import { cronJobFeaturesFor, syncCronJobKey } from '../server/src/core/engine/cronjob/syncCronJob';
import type { ChildJobView, CronJobApi, CronJobStatus, CronJobView } from '../server/src/core/engine/cronjob/types';

const DAY_MS = 86_400_000;
const NONE: never[] = [];
const START = '2026-01-01T00:00:00Z';
const START_MS = Date.parse(START);

export interface CronJobBenchResult {
  /** Timeline events (Kubernetes events the run recorded). */
  readonly events: number;
  /** Wall-clock milliseconds of the simulation. */
  readonly millis: number;
  /** CPU milliseconds (user + system). */
  readonly cpuMillis: number;
  readonly jobs: number;
  readonly pods: number;
  readonly simulatedDays: number;
  readonly truncated: boolean;
  /** V8 heap in use when the Timeline was returned (MB). */
  readonly heapMB: number;
}

function manifest(): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '*/1 * * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
    },
  };
}

/** The whole simulation of `days` of per-minute runs (525,600 schedule times for 365 days). */
export function benchCronJob(days = 365): CronJobBenchResult {
  const runs = days * 1440;
  const scenario = { startTime: START, until: `${days}d`, pods: { default: { runSeconds: 10 } }, seed: 1 };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(manifest(), scenario, { limits: { maxPods: runs + 10, maxEvents: 40 * runs + 1000, horizonMs: (days + 1) * DAY_MS } });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const timeline = result.timeline;
  return {
    events: timeline.events.length,
    millis,
    cpuMillis: (used.user + used.system) / 1000,
    jobs: timeline.jobs.length,
    pods: timeline.pods.length,
    simulatedDays: timeline.duration / 86_400,
    truncated: timeline.truncated,
    heapMB: process.memoryUsage().heapUsed / 1e6,
  };
}

/**
 * The CronJob controller alone for `days`: at each requeue the pure sync runs against the CronJob and its
 * Jobs; each Job it creates finishes (Complete) 10 seconds later, which syncs the CronJob again, as the Job
 * informer would. Counts the events the CronJob controller records.
 */
export function benchCronJobDecisions(days = 365): { readonly events: number; readonly jobs: number; readonly syncs: number; readonly millis: number } {
  const features = cronJobFeaturesFor({ major: 1, minor: 37 });
  const spec = { schedule: '*/1 * * * *', timeZone: null, startingDeadlineSeconds: null, concurrencyPolicy: 'Forbid', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 };
  const active = new ActiveIndex();
  let status: CronJobStatus = { active, lastScheduleTime: null, lastSuccessfulTime: null };
  const jobs = new Map<string, ChildJobView>();
  /** The finished Jobs (what the simulation's adapter passes: unfinished active ones change nothing). */
  let finished: ChildJobView[] = [];
  const end = START_MS + days * DAY_MS;
  let now = START_MS;
  let events = 0;
  let created = 0;
  let syncs = 0;
  let cached: CronJobView | null = null;
  const view = (): CronJobView => (cached ??= { name: 'hello', namespace: 'default', uid: 'cronjob', creationTimestamp: START_MS, deleting: false, spec, status });
  const api: CronJobApi = {
    getJob: (_namespace, name) => jobs.get(name) ?? null,
    getCronJob: view,
    createJob: (_namespace, name) => (jobs.has(name) ? { error: 'already exists', reason: 'AlreadyExists' } : { uid: name }),
  };
  const sync = (): number | null => {
    syncs++;
    const result = syncCronJobKey({ cronJob: view(), jobs: finished, missingActive: NONE, now, localTimeZone: 'UTC', api, features });
    for (const action of result.actions) {
      if (action.type === 'event') events++;
      else if (action.type === 'deleteJob') {
        jobs.delete(action.name);
        finished = finished.filter((j) => j.name !== action.name);
      } else {
        created++;
        jobs.set(action.name, { name: action.name, namespace: action.namespace, uid: action.name, controllerName: 'hello', controllerUid: 'cronjob', finished: null, startTime: now, completionTime: null });
      }
    }
    if (result.updateStatus && result.status !== status) {
      applyActive(active, result.status.active);
      status = { active, lastScheduleTime: result.status.lastScheduleTime, lastSuccessfulTime: result.status.lastSuccessfulTime };
      cached = null;
    }
    return result.requeueAfterMs;
  };
  const started = performance.now();
  let wake = now;
  while (wake < end) {
    now = wake;
    const before = created;
    const requeue = sync() ?? 60_000;
    wake = now + requeue;
    if (created > before) {
      // The Job finishes 10s later: its update syncs the CronJob.
      const finishAt = now + 10_000;
      if (finishAt < wake) {
        now = finishAt;
        for (const job of jobs.values()) {
          if (job.finished !== null) continue;
          const done: ChildJobView = { ...job, finished: 'Complete', completionTime: finishAt };
          jobs.set(job.name, done);
          finished = [...finished, done];
        }
        const again = sync();
        if (again !== null) wake = Math.min(wake, now + again);
      }
    }
  }
  return { events, jobs: created, syncs, millis: performance.now() - started };
}

/** Only building what a year's Timeline holds: per run a Job, a pod and its run, 6 events, 2 conditions, 6 status writes. */
export function timelineFloor(days = 365): { readonly objects: number; readonly millis: number } {
  const started = performance.now();
  const jobs: unknown[] = [];
  const pods: unknown[] = [];
  const events: unknown[] = [];
  const conditions: unknown[] = [];
  const statuses: unknown[] = [];
  for (let i = 0; i < days * 1440; i++) {
    const at = i * 60 + 60.1;
    const name = `hello-${29453761 + i}`;
    const pod = `${name}-abcde`;
    jobs.push({ name, scheduledTime: new Date(START_MS + (i + 1) * 60_000).toISOString(), createdAt: at, startedAt: at, finishedAt: at + 11, deletedAt: at + 180, result: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', completions: 1, parallelism: 1 });
    pods.push({ name: pod, job: name, owner: { kind: 'Job', name, namespace: 'default' }, node: 'node-0', index: null, attempt: null, revision: null, createdAt: at, scheduledAt: at, startedAt: at, readyAt: at, finishedAt: at + 10, deletedAt: at + 180, goneAt: at + 180, deletedBy: null, phase: 'Succeeded', exitCode: 0, reason: null, containers: 1, restarts: 0, runs: [{ startedAt: at, readyAt: at, finishedAt: at + 10, exitCode: 0, reason: 'Completed' }], conditions: [] });
    for (const [reason, message] of [['SuccessfulCreate', `Created job ${name}`], ['SuccessfulCreate', `Created pod: ${pod}`], ['Scheduled', `Successfully assigned default/${pod} to node-0`], ['Completed', 'Job completed'], ['SawCompletedJob', `Saw completed job: ${name}, condition: Complete`], ['SuccessfulDelete', `Deleted job ${name}`]]) {
      events.push({ at, object: name, kind: 'Job', type: 'Normal', reason, message, source: 'job-controller' });
    }
    for (const type of ['SuccessCriteriaMet', 'Complete']) conditions.push({ object: name, kind: 'Job', type, status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', at: at + 11 });
    for (let k = 0; k < 6; k++) statuses.push({ at, object: name, kind: 'Job', status: { active: 1, ready: 0, succeeded: 0, failed: 0, terminating: 0, startTime: at, completionTime: null } });
  }
  const objects = jobs.length + 2 * pods.length + events.length + conditions.length + 2 * statuses.length;
  return { objects, millis: performance.now() - started };
}

/** The runs of 30 days of a per-minute CronJob (issue target: at most 10 µs each, full Timeline). */
export interface CronJobRunsBenchResult {
  readonly runs: number;
  readonly millis: number;
  readonly cpuMillis: number;
  readonly microsPerRun: number;
  /** Baseline, same process: only allocating the objects that Timeline holds (timelineFloor). */
  readonly floorMillis: number;
  readonly floorMicrosPerRun: number;
  /** microsPerRun / floorMicrosPerRun: how far the simulation is from the cost of its own output. */
  readonly ratioToFloor: number;
}

/** `days` of the per-minute Forbid CronJob, full simulation and Timeline, against the Timeline's floor (a 7-day warm-up run first). */
export function benchCronJobRuns(days = 30): CronJobRunsBenchResult {
  benchCronJob(7); // warm-up, as the 7-day run warms up the 30-day one in npm run bench
  timelineFloor(7);
  const run = benchCronJob(days);
  const floor = timelineFloor(days);
  const runs = days * 1440;
  const microsPerRun = (run.millis * 1000) / runs;
  const floorMicrosPerRun = (floor.millis * 1000) / runs;
  return { runs, millis: run.millis, cpuMillis: run.cpuMillis, microsPerRun, floorMillis: floor.millis, floorMicrosPerRun, ratioToFloor: microsPerRun / floorMicrosPerRun };
}

/** Simulating up to the 100,000-pod bound (DEFAULT_LIMITS.maxPods): issue target at most 1.5 s and 400 MB. */
export interface CronJobPodBoundBenchResult {
  readonly pods: number;
  readonly jobs: number;
  readonly events: number;
  readonly stopReason: string;
  readonly millis: number;
  readonly cpuMillis: number;
  /** Peak resident set of a process that only runs this simulation (MB). */
  readonly peakRssMB: number;
  /** Peak V8 heap in use, sampled during the run (MB). */
  readonly peakHeapMB: number;
  /** Baseline, same process: only allocating the objects that Timeline holds (timelineFloor, as many runs). */
  readonly floorMillis: number;
}

const POD_BOUND_CHILD = 'K8S_DRYRUN_BENCH_CRONJOB_POD_BOUND';

/**
 * A per-minute CronJob with ten years to go (`until: 3650d`) and the default limits: the run stops at the
 * 100,000-pod bound (about 69 days in). The time is measured here; the peak memory in a child process that
 * runs only this simulation, since this process's resident set still holds earlier benchmarks' garbage.
 */
export function benchCronJobPodBound(): CronJobPodBoundBenchResult {
  podBoundRun(20_000); // warm-up
  const run = podBoundRun();
  const floor = timelineFloor(run.pods / 1440);
  let peakRssMB = Number.NaN;
  let peakHeapMB = run.peakHeapMB;
  const script = process.argv[1];
  if (script !== undefined) {
    const child = spawnSync(process.execPath, [script], { env: { ...process.env, [POD_BOUND_CHILD]: '1' }, encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status === 0 && line.startsWith('{')) {
      const measured = JSON.parse(line) as { peakRssMB: number; peakHeapMB: number };
      peakRssMB = measured.peakRssMB;
      peakHeapMB = measured.peakHeapMB;
    }
  }
  return { pods: run.pods, jobs: run.jobs, events: run.events, stopReason: run.stopReason, millis: run.millis, cpuMillis: run.cpuMillis, peakRssMB, peakHeapMB, floorMillis: floor.millis };
}

function podBoundRun(maxPods?: number): { pods: number; jobs: number; events: number; stopReason: string; millis: number; cpuMillis: number; peakHeapMB: number } {
  const scenario = { startTime: START, until: '3650d', pods: { default: { runSeconds: 10 } }, seed: 1 };
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(manifest(), scenario, { onProgress: sample, ...(maxPods !== undefined ? { limits: { maxPods } } : {}) });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  sample();
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const timeline = result.timeline;
  return { pods: timeline.pods.length, jobs: timeline.jobs.length, events: timeline.events.length, stopReason: timeline.stopReason, millis, cpuMillis: (used.user + used.system) / 1000, peakHeapMB: peakHeap / 1e6 };
}

// The child process of benchCronJobPodBound: this simulation alone, then its peak memory, then exit
// (before the bench that imported this module goes on).
if (process.env[POD_BOUND_CHILD] === '1') {
  const run = podBoundRun();
  process.stdout.write(`${JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024, peakHeapMB: run.peakHeapMB, millis: run.millis })}\n`);
  process.exit(0);
}
