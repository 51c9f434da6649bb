/**
 * A CronJob's Jobs as runs (the Job and its pods), and runs that look alike collapsed into one line
 * ("57 more runs like this"). Pure.
 */
import { terminalState } from '../podState';
import type { Timeline, TimelineJob, TimelinePod } from '../timelineTypes';

export interface JobRun {
  readonly job: TimelineJob;
  readonly pods: readonly TimelinePod[];
  /** Runs with equal signatures look alike: same result, pod count, pod outcomes and rounded duration. */
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

export function runSignature(job: TimelineJob, pods: readonly TimelinePod[]): string {
  const end = job.finishedAt ?? job.deletedAt ?? null;
  const duration = end === null ? 'open' : String(roundDuration(end - job.createdAt));
  return [job.result ?? 'Running', pods.length, pods.map(podOutcome).join(','), duration].join('|');
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
  return jobs.map((job) => {
    const pods = byJob.get(job.name) ?? [];
    return { job, pods, signature: runSignature(job, pods) };
  });
}

/**
 * Consecutive runs with the same signature: the first is shown, the others collapse into one item when there
 * are at least `minCollapsed` of them (one lone look-alike is simply shown). Runs stay in time order.
 */
export function collapseRuns(runs: readonly JobRun[], minCollapsed = 2): RunItem[] {
  const out: RunItem[] = [];
  let i = 0;
  while (i < runs.length) {
    let j = i + 1;
    while (j < runs.length && runs[j].signature === runs[i].signature) j++;
    out.push({ kind: 'run', run: runs[i] });
    const alike = runs.slice(i + 1, j);
    if (alike.length >= minCollapsed) out.push({ kind: 'collapsed', like: runs[i], runs: alike });
    else for (const run of alike) out.push({ kind: 'run', run });
    i = j;
  }
  return out;
}
