/**
 * A pod's and a Job's Timeline records (timeline.ts), made from the simulated objects. The cluster makes
 * them as soon as an object is gone from the API (it never changes again), and lets the simulated object go:
 * a long run keeps one small record per pod and Job instead of the simulation's working state.
 */
import type { SimJob, SimPod } from './cluster';
import type { TimelineContainerRun, TimelineJob, TimelinePod, TimelinePodCondition } from './timeline';

/** Most pods never get a condition: they share one empty list (the Timeline is read-only). */
const NO_CONDITIONS: readonly TimelinePodCondition[] = Object.freeze([]);

export function timelinePod(pod: SimPod): TimelinePod {
  const runs = pod.runs;
  const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
  const timelineRuns: TimelineContainerRun[] = new Array(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    timelineRuns[i] = {
      startedAt: r.startedAt / 1000,
      readyAt: r.readyAt === null ? null : r.readyAt / 1000,
      finishedAt: r.finishedAt === null ? null : r.finishedAt / 1000,
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
    createdAt: pod.createdAt / 1000,
    scheduledAt: pod.scheduledAt === null ? null : pod.scheduledAt / 1000,
    startedAt: timelineRuns.length > 0 ? timelineRuns[0].startedAt : null,
    readyAt: pod.firstReadyAt === null ? null : pod.firstReadyAt / 1000,
    finishedAt: pod.finishedAt === null ? null : pod.finishedAt / 1000,
    deletedAt: pod.deletionTimestamp === null ? null : pod.deletionTimestamp / 1000,
    goneAt: pod.goneAt === null ? null : pod.goneAt / 1000,
    deletedBy: pod.deletedBy,
    phase: pod.phase,
    exitCode: last?.exitCode ?? null,
    reason: pod.reason,
    containers: pod.template.containerNames.length,
    restarts: pod.restartCount,
    runs: timelineRuns,
    conditions: pod.conditions.length === 0 ? NO_CONDITIONS : pod.conditions.map((c) => ({ type: c.type, status: c.status, reason: c.reason, at: c.at / 1000 })),
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
    createdAt: job.createdAt / 1000,
    startedAt: job.status.startTime === null ? null : job.status.startTime / 1000,
    finishedAt: terminal === undefined ? null : terminal.lastTransitionTime / 1000,
    deletedAt: job.deletionTimestamp === null ? null : job.deletionTimestamp / 1000,
    result,
    reason: terminal?.reason ?? null,
    message: terminal?.message ?? null,
    completions: job.spec.completions,
    parallelism: job.spec.parallelism,
  };
}
