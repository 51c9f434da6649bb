/**
 * A CronJob's Jobs as runs (the Job and its pods), and runs that look alike collapsed into one line
 * ("57 more runs like this"). Pure.
 */
import { parseTime } from '../format';
import { t } from '../l10n';
import { terminalState } from '../podState';
import type { Timeline, TimelineJob, TimelinePod } from '../timelineTypes';

export interface JobRun {
  readonly job: TimelineJob;
  readonly pods: readonly TimelinePod[];
  /** How late the Job was created after its scheduled time, in seconds (null: not a scheduled run). */
  readonly lateness: number | null;
  /** Runs with equal signatures look alike: same result, pod count, pod outcomes, rounded duration and lateness. */
  readonly signature: string;
}

export type RunItem =
  | { readonly kind: 'run'; readonly run: JobRun }
  | { readonly kind: 'collapsed'; readonly like: JobRun; readonly runs: readonly JobRun[] };

/** 91 s and 92 s are alike, 91 s and 2 min are not: two significant digits (whole seconds below 10 s). */
export function roundDuration(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  if (seconds < 10) return Math.round(seconds);
  const unit = 10 ** (Math.floor(Math.log10(seconds)) - 1);
  return Math.round(seconds / unit) * unit;
}

/** `S` succeeded, `F` failed, `D` deleted before it finished, `R` still running, with restarts (`S↻2`). */
function podOutcome(pod: TimelinePod): string {
  const restarts = pod.restarts > 0 ? `↻${pod.restarts}` : '';
  if (pod.finishedAt !== null && pod.finishedAt !== undefined) return (terminalState(pod) === 'succeeded' ? 'S' : 'F') + restarts;
  if (pod.deletedAt !== null && pod.deletedAt !== undefined) return `D${restarts}`;
  return `R${restarts}`;
}

/**
 * Lateness by order of magnitude: `on time` below 1 s, then `1s` (1–10 s), `10s` (10 s–1 min), `1m`, `10m`, `1h`.
 * The CronJob controller creates a Job when its scheduled time comes (it requeues itself for the next schedule
 * time: pkg/controller/cronjob/cronjob_controllerv2.go, syncCronJob / nextScheduleTimeDuration), so anything
 * past a second is a story — a Forbid run waiting for the active one (JobAlreadyActive), controller downtime —
 * and late runs must not look like on-time ones. Finer rounding would split a Forbid hour whose lateness
 * drifts by 2 s a run into groups of one.
 */
export function latenessClass(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'unscheduled';
  if (seconds < 1) return 'on time';
  const steps: [number, string][] = [
    [3600, '1h'],
    [600, '10m'],
    [60, '1m'],
    [10, '10s'],
  ];
  for (const [limit, name] of steps) if (seconds >= limit) return `late ${name}+`;
  return 'late 1s+';
}

/** A lateness class (latenessClass) in the user's language: `on time`, `late 1m+`, `unscheduled`. */
export function latenessText(lateness: string): string {
  if (lateness === 'on time') return t('on time');
  if (lateness === 'unscheduled') return t('unscheduled');
  const late = /^late (.+)$/.exec(lateness);
  return late ? t('late {0}', late[1]) : lateness;
}

/** Seconds between the Job's scheduled time (the CronJob's annotation) and its creation; null when it has none. */
export function jobLateness(job: TimelineJob, startMs: number): number | null {
  const scheduled = parseTime(job.scheduledTime);
  if (!Number.isFinite(scheduled) || !Number.isFinite(startMs)) return null;
  return job.createdAt - (scheduled - startMs) / 1000;
}

export function runSignature(job: TimelineJob, pods: readonly TimelinePod[], lateness: number | null = null): string {
  const end = job.finishedAt ?? job.deletedAt ?? null;
  const duration = end === null ? 'open' : String(roundDuration(end - job.createdAt));
  return [job.result ?? 'Running', pods.length, pods.map(podOutcome).join(','), duration, latenessClass(lateness)].join('|');
}

/** The Jobs in the order they were created, each with its pods (pods of a Job the timeline does not list get one of their own). */
export function jobRuns(timeline: Timeline): JobRun[] {
  const byJob = new Map<string, TimelinePod[]>();
  for (const pod of timeline.pods ?? []) {
    const key = pod.job ?? '';
    const list = byJob.get(key);
    if (list) list.push(pod);
    else byJob.set(key, [pod]);
  }
  const jobs: TimelineJob[] = [...(timeline.jobs ?? [])];
  const known = new Set(jobs.map((j) => j.name));
  for (const [name, pods] of byJob) {
    if (known.has(name)) continue;
    const createdAt = Math.min(...pods.map((p) => p.createdAt));
    jobs.push({ name, scheduledTime: null, createdAt, startedAt: null, finishedAt: null, deletedAt: null, result: 'Running', reason: null, message: null });
  }
  jobs.sort((a, b) => a.createdAt - b.createdAt);
  const startMs = parseTime(timeline.startTime);
  return jobs.map((job) => {
    const pods = byJob.get(job.name) ?? [];
    const lateness = jobLateness(job, startMs);
    return { job, pods, lateness, signature: runSignature(job, pods, lateness) };
  });
}

/**
 * Collapsing hides runs, so it is done only when it saves real space: with more than `COLLAPSE_ABOVE_RUNS` runs
 * (a dozen rows are read at a glance, and in a handful of runs every one is the story — the late start, the
 * skipped one), and only for a group of at least `MIN_GROUP` alike runs (one shown, the others on one line:
 * four rows or more saved).
 */
export const COLLAPSE_ABOVE_RUNS = 12;
export const MIN_GROUP = 5;

/**
 * Runs with the same signature, wherever they are in the list: the first is shown, the others collapse into
 * one item right after it when the group is big enough (see above) and not `expanded` (keyed by its first run).
 * Look-alikes need not be consecutive: under Forbid the late and the near-on-time runs alternate, and each
 * kind still folds into one line (which draws every run at its time). Expanded groups and runs not collapsed
 * stay in time order.
 */
export function collapseRuns(runs: readonly JobRun[], expanded: (first: JobRun) => boolean = () => false): RunItem[] {
  if (runs.length <= COLLAPSE_ABOVE_RUNS) return runs.map((run) => ({ kind: 'run', run }));
  const groups = new Map<string, JobRun[]>();
  for (const run of runs) {
    const group = groups.get(run.signature);
    if (group) group.push(run);
    else groups.set(run.signature, [run]);
  }
  const out: RunItem[] = [];
  const folded = new Set<JobRun>();
  for (const run of runs) {
    if (folded.has(run)) continue;
    out.push({ kind: 'run', run });
    const group = groups.get(run.signature) ?? [];
    if (group[0] !== run || group.length < MIN_GROUP || expanded(run)) continue;
    const alike = group.slice(1);
    for (const other of alike) folded.add(other);
    out.push({ kind: 'collapsed', like: run, runs: alike });
  }
  return out;
}
