/**
 * A pod's and a Job's Timeline records (timeline.ts), made from the simulated objects. The cluster makes
 * them as soon as an object is gone from the API (it never changes again), and lets the simulated object go:
 * a long run keeps one small record per pod and Job instead of the simulation's working state.
 */
import type { SimJob, SimPod } from './cluster';
import type { TimelineContainerRun, TimelineJob, TimelinePod, TimelinePodCondition } from './timeline';
import { recordTime } from './timelineTimes';

/** Most pods never get a condition: they share one empty list (the Timeline is read-only). */
const NO_CONDITIONS: readonly TimelinePodCondition[] = Object.freeze([]);

export function timelinePod(pod: SimPod): TimelinePod {
  const runs = pod.runs;
  const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
  const timelineRuns: TimelineContainerRun[] = new Array(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    timelineRuns[i] = {
      startedAt: recordTime(r.startedAt),
      readyAt: r.readyAt === null ? null : recordTime(r.readyAt),
      finishedAt: r.finishedAt === null ? null : recordTime(r.finishedAt),
      exitCode: r.exitCode,
      reason: r.reason,
    };
  }
  return {
    name: pod.name,
    job: pod.owner.kind === 'Job' ? pod.owner.name : null,
    owner: { kind: pod.owner.kind, name: pod.owner.name, namespace: pod.namespace },
    node: pod.nodeName,
    index: pod.index,
    attempt: pod.attempt,
    revision: pod.revision,
    createdAt: recordTime(pod.createdAt),
    scheduledAt: pod.scheduledAt === null ? null : recordTime(pod.scheduledAt),
    startedAt: timelineRuns.length > 0 ? timelineRuns[0].startedAt : null,
    readyAt: pod.firstReadyAt === null ? null : recordTime(pod.firstReadyAt),
    finishedAt: pod.finishedAt === null ? null : recordTime(pod.finishedAt),
    deletedAt: pod.deletionTimestamp === null ? null : recordTime(pod.deletionTimestamp),
    goneAt: pod.goneAt === null ? null : recordTime(pod.goneAt),
    deletedBy: pod.deletedBy,
    phase: pod.phase,
    exitCode: last?.exitCode ?? null,
    reason: pod.reason,
    containers: pod.template.containerNames.length,
    restarts: pod.restartCount,
    runs: timelineRuns,
    conditions: pod.conditions.length === 0 ? NO_CONDITIONS : pod.conditions.map((c) => ({ type: c.type, status: c.status, reason: c.reason, at: recordTime(c.at) })),
  };
}

export function timelineJob(job: SimJob): TimelineJob {
  let terminal: SimJob['status']['conditions'][number] | undefined;
  let suspended = false;
  for (const c of job.status.conditions) {
    if (terminal === undefined && (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') terminal = c;
    if (c.type === 'Suspended' && c.status === 'True') suspended = true;
  }
  const replaced = terminal === undefined && job.deletedBy !== null && /\bReplace/.test(job.deletedBy);
  const result = terminal !== undefined ? (terminal.type as 'Complete' | 'Failed') : replaced ? 'Replaced' : job.goneAt !== null ? 'Deleted' : suspended ? 'Suspended' : 'Running';
  return {
    name: job.name,
    scheduledTime: job.scheduledTime,
    createdAt: recordTime(job.createdAt),
    startedAt: job.status.startTime === null ? null : recordTime(job.status.startTime),
    finishedAt: terminal === undefined ? null : recordTime(terminal.lastTransitionTime),
    deletedAt: job.deletionTimestamp === null ? null : recordTime(job.deletionTimestamp),
    result,
    reason: terminal?.reason ?? null,
    message: terminal?.message ?? null,
    completions: job.spec.completions,
    parallelism: job.spec.parallelism,
  };
}
