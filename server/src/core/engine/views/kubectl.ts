/**
 * `kubectl get jobs` and `kubectl get pods` at time t, as pure functions of a Timeline (t in seconds since
 * its start). The columns and their values follow kubectl's printers (pkg/printers/internalversion/
 * printers.go: printJob, printPod); durations use HumanDuration; alignment is kubectl's tabwriter.
 */
import type { Timeline, TimelineContainerRun, TimelineJob, TimelinePod } from '../timeline';
import { humanDuration } from './humanDuration';
import { formatTable } from './table';

export const JOB_COLUMNS = ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'] as const;
export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const;

export interface ViewOptions {
  /** Namespace shown in the "No resources found" line; the simulated object's by default. */
  readonly namespace?: string;
}

export interface PodViewOptions extends ViewOptions {
  /** Only the pods of this Job (`-l batch.kubernetes.io/job-name=<job>`). */
  readonly job?: string;
}

/** `kubectl get jobs` at t. */
export function getJobs(timeline: Timeline, t: number, options: ViewOptions = {}): string {
  const rows = jobRows(timeline, t);
  return rows.length === 0 ? noResources(timeline, options) : formatTable([[...JOB_COLUMNS], ...rows]);
}

/** `kubectl get pods` at t. */
export function getPods(timeline: Timeline, t: number, options: PodViewOptions = {}): string {
  const rows = podRows(timeline, t, options.job);
  return rows.length === 0 ? noResources(timeline, options) : formatTable([[...POD_COLUMNS], ...rows]);
}

function noResources(timeline: Timeline, options: ViewOptions): string {
  return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
}

/** The rows of `kubectl get jobs` at t (NAME, STATUS, COMPLETIONS, DURATION, AGE), sorted by name. */
export function jobRows(timeline: Timeline, t: number): string[][] {
  return timeline.jobs
    .filter((job) => job.createdAt <= t && (job.deletedAt === null || t < job.deletedAt))
    .sort((a, b) => compareNames(a.name, b.name))
    .map((job) => jobRow(timeline, job, t));
}

function jobRow(timeline: Timeline, job: TimelineJob, t: number): string[] {
  const status = jobStatusAt(timeline, job.name, t);
  const succeeded = typeof status.succeeded === 'number' ? status.succeeded : 0;
  const completions = jobSpecNumber(timeline, job, 'completions');
  const parallelism = jobSpecNumber(timeline, job, 'parallelism') ?? 1;
  // printJob: "n/m"; a work-queue Job (no completions) reads "n/1", or "n/1 of <parallelism>".
  const completionsCell = completions !== null ? `${succeeded}/${completions}` : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
  const startTime = typeof status.startTime === 'number' ? status.startTime : null;
  const completionTime = typeof status.completionTime === 'number' ? status.completionTime : null;
  const duration = startTime === null ? '' : humanDuration(((completionTime ?? t) - startTime) * 1000);
  return [job.name, jobStatusColumn(timeline, job.name, t), completionsCell, duration, humanDuration((t - job.createdAt) * 1000)];
}

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
function jobStatusColumn(timeline: Timeline, name: string, t: number): string {
  const conditions = conditionsAt(timeline, name, t);
  if (conditions.get('Complete') === 'True') return 'Complete';
  if (conditions.get('Failed') === 'True') return 'Failed';
  if (conditions.get('Suspended') === 'True') return 'Suspended';
  if (conditions.get('FailureTarget') === 'True') return 'FailureTarget';
  return 'Running';
}

/** The status of each condition type of `name` at t (hasJobCondition: the first of that type decides). */
function conditionsAt(timeline: Timeline, name: string, t: number): Map<string, string> {
  const result = new Map<string, string>();
  for (const condition of timeline.conditions) {
    if (condition.object === name && condition.at <= t) result.set(condition.type, condition.status);
  }
  return result;
}

/** The last status written at or before t. */
export function jobStatusAt(timeline: Timeline, name: string, t: number): Readonly<Record<string, unknown>> {
  let found: Readonly<Record<string, unknown>> = {};
  for (const entry of timeline.statusHistory) {
    if (entry.at > t) break;
    if (entry.object === name) found = entry.status;
  }
  return found;
}

function jobSpecNumber(timeline: Timeline, job: TimelineJob, field: 'completions' | 'parallelism'): number | null {
  const fromJob = job[field];
  if (fromJob !== undefined) return fromJob;
  const value = timeline.effectiveSpec[field];
  return typeof value === 'number' ? value : null;
}

/** The rows of `kubectl get pods` at t (NAME, READY, STATUS, RESTARTS, AGE), sorted by name. */
export function podRows(timeline: Timeline, t: number, job?: string): string[][] {
  return podsByName(timeline.pods)
    .filter((pod) => pod.createdAt <= t && (pod.goneAt === null || t < pod.goneAt) && (job === undefined || pod.job === job))
    .map((pod) => podRow(pod, t));
}

/** The pods sorted by name once per Timeline: scrubbing asks for the table at many times, a big run has 20,000 pods. */
const podsSortedByName = new WeakMap<readonly TimelinePod[], readonly TimelinePod[]>();

function podsByName(pods: readonly TimelinePod[]): readonly TimelinePod[] {
  let sorted = podsSortedByName.get(pods);
  if (!sorted) {
    // A stable sort, as before: pods of the same name (a StatefulSet's, made again) keep their Timeline order.
    sorted = [...pods].sort((a, b) => compareNames(a.name, b.name));
    podsSortedByName.set(pods, sorted);
  }
  return sorted;
}

export function podRow(pod: TimelinePod, t: number): string[] {
  const started = pod.runs.filter((run) => run.startedAt <= t);
  const current = started[started.length - 1];
  const ready = current !== undefined && current.readyAt !== null && current.readyAt <= t && (current.finishedAt === null || t < current.finishedAt) && !(pod.finishedAt !== null && pod.finishedAt <= t);
  const restarts = Math.max(0, started.length - 1);
  let restartsCell = String(restarts);
  if (restarts > 0) {
    // "<n> (<age> ago)": the age of the last termination (lastState.terminated.finishedAt).
    const lastTermination = Math.max(...pod.runs.map((run) => (run.finishedAt !== null && run.finishedAt <= t ? run.finishedAt : -Infinity)));
    if (Number.isFinite(lastTermination)) restartsCell = `${restarts} (${humanDuration((t - lastTermination) * 1000)} ago)`;
  }
  return [pod.name, `${ready ? pod.containers : 0}/${pod.containers}`, podStatusAt(pod, t, current), restartsCell, humanDuration((t - pod.createdAt) * 1000)];
}

/** printPod's STATUS at t. */
function podStatusAt(pod: TimelinePod, t: number, current: TimelineContainerRun | undefined): string {
  const terminal = pod.finishedAt !== null && pod.finishedAt <= t;
  if (terminal) {
    if (pod.phase === 'Succeeded') return 'Completed';
    if (pod.reason === 'DeadlineExceeded') return 'DeadlineExceeded';
    return current !== undefined ? (current.reason ?? 'Error') : pod.phase;
  }
  // A deleted pod that has not stopped yet.
  if (pod.deletedAt !== null && pod.deletedAt <= t) return 'Terminating';
  if (pod.scheduledAt === null || t < pod.scheduledAt) return 'Pending';
  if (current === undefined) return 'ContainerCreating';
  if (current.finishedAt === null || t < current.finishedAt) return 'Running';
  // Between two runs of a restarting container.
  const next = pod.runs.find((run) => run.startedAt > t);
  return next !== undefined && next.startedAt === current.finishedAt ? (current.reason ?? 'Error') : 'CrashLoopBackOff';
}

/** The API server lists objects in key order. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
