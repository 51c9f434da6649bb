/**
 * What a pod is doing at a time t, and the phase segments of its bar. Derived from the timeline's own
 * timestamps only (design §4.3: views are derived, never recomputed). Pure functions.
 */
import { l10nKey } from './l10n';
import type { Timeline, TimelinePod } from './timelineTypes';

/** A pod's state at one instant, as the bars and counts show it. */
export type PodState =
  /** not created yet */
  | 'absent'
  /** created, no container running (unscheduled, pulling, or waiting to restart) */
  | 'pending'
  /** a container runs, the pod is not Ready */
  | 'running'
  | 'ready'
  | 'succeeded'
  | 'failed'
  /** deletion requested, still there */
  | 'terminating'
  /** removed from the API */
  | 'gone';

/** The states a user counts at time t, in display order. */
export const COUNTED_STATES = ['pending', 'running', 'ready', 'succeeded', 'failed', 'terminating'] as const;
export type CountedState = (typeof COUNTED_STATES)[number];

/** Each state's name, as an l10n key (translated where it is shown). */
export const STATE_LABELS: Readonly<Record<PodState, string>> = {
  absent: l10nKey('Not created'),
  pending: l10nKey('Pending'),
  running: l10nKey('Running'),
  ready: l10nKey('Ready'),
  succeeded: l10nKey('Succeeded'),
  failed: l10nKey('Failed'),
  terminating: l10nKey('Terminating'),
  gone: l10nKey('Deleted'),
};

export interface Run {
  readonly startedAt: number;
  readonly readyAt: number | null;
  readonly finishedAt: number | null;
}

/** The pod's container runs; a pod with a start time but no recorded runs has one run. */
export function runsOf(pod: TimelinePod): readonly Run[] {
  if (Array.isArray(pod.runs) && pod.runs.length > 0) return pod.runs;
  if (pod.startedAt === null || pod.startedAt === undefined) return [];
  return [{ startedAt: pod.startedAt, readyAt: pod.readyAt ?? null, finishedAt: pod.finishedAt ?? null }];
}

/** The terminal state a finished pod shows. */
export function terminalState(pod: TimelinePod): 'succeeded' | 'failed' {
  if (pod.phase === 'Succeeded') return 'succeeded';
  if (pod.phase === 'Failed') return 'failed';
  return pod.exitCode === 0 ? 'succeeded' : 'failed';
}

/** When the pod left the API, if it did: goneAt, or deletedAt when the timeline has no goneAt. */
function goneAt(pod: TimelinePod): number | null {
  if (pod.goneAt !== undefined) return pod.goneAt;
  return pod.deletedAt ?? null;
}

export function podStateAt(pod: TimelinePod, t: number): PodState {
  if (t < pod.createdAt) return 'absent';
  const gone = goneAt(pod);
  if (gone !== null && t >= gone) return 'gone';
  if (pod.finishedAt !== null && pod.finishedAt !== undefined && t >= pod.finishedAt) return terminalState(pod);
  if (pod.deletedAt !== null && pod.deletedAt !== undefined && t >= pod.deletedAt) return 'terminating';
  for (const run of runsOf(pod)) {
    if (t < run.startedAt) break;
    if (run.finishedAt === null || t < run.finishedAt) return run.readyAt !== null && t >= run.readyAt ? 'ready' : 'running';
  }
  return 'pending';
}

export type StateCounts = Record<CountedState, number>;

export function countsAt(pods: readonly TimelinePod[], t: number): StateCounts {
  const counts: StateCounts = { pending: 0, running: 0, ready: 0, succeeded: 0, failed: 0, terminating: 0 };
  for (const pod of pods) {
    const state = podStateAt(pod, t);
    if (state !== 'absent' && state !== 'gone') counts[state]++;
  }
  return counts;
}

/** A stretch of a pod's bar. `tail` stretches are the thin line after a pod finished, until it is deleted. */
export interface Segment {
  readonly state: PodState;
  readonly from: number;
  readonly to: number;
  readonly tail?: boolean;
}

/**
 * The bar of a pod from creation to `end` (the run's end): pending until a container runs, running / ready
 * while one does (each container run separately), pending between restarts, terminating after a deletion
 * request, then a thin tail in the terminal colour while the finished pod still exists.
 */
export function segmentsOf(pod: TimelinePod, end: number): Segment[] {
  const out: Segment[] = [];
  const gone = goneAt(pod);
  const stop = Math.max(pod.createdAt, Math.min(end, gone ?? end));
  const finished = pod.finishedAt ?? null;
  const activeEnd = Math.min(stop, finished ?? stop);
  const deleted = pod.deletedAt ?? null;
  const push = (state: PodState, from: number, to: number, tail = false): void => {
    const a = Math.max(from, pod.createdAt);
    const b = Math.min(to, tail ? stop : activeEnd);
    if (b > a || (b === a && out.length === 0 && !tail)) out.push(tail ? { state, from: a, to: b, tail } : { state, from: a, to: b });
  };
  // pending / running / ready, with deletion cutting in as "terminating"
  let cursor = pod.createdAt;
  const active = (state: PodState, from: number, to: number): void => {
    if (deleted !== null && deleted < to) {
      if (from < deleted) push(state, from, deleted);
      push('terminating', Math.max(from, deleted), to);
    } else {
      push(state, from, to);
    }
  };
  for (const run of runsOf(pod)) {
    if (run.startedAt >= activeEnd) break;
    if (run.startedAt > cursor) active('pending', cursor, run.startedAt);
    const runEnd = Math.min(run.finishedAt ?? activeEnd, activeEnd);
    if (run.readyAt !== null && run.readyAt < runEnd) {
      if (run.readyAt > run.startedAt) active('running', run.startedAt, run.readyAt);
      active('ready', run.readyAt, runEnd);
    } else {
      active('running', run.startedAt, runEnd);
    }
    cursor = runEnd;
  }
  if (cursor < activeEnd || out.length === 0) active('pending', cursor, activeEnd);
  if (finished !== null && finished < stop) push(terminalState(pod), finished, stop, true);
  return out;
}

/** Every instant at which something in the timeline changes, sorted and unique: the scrubber's stops. */
export function changeTimes(timeline: Timeline): number[] {
  const set = new Set<number>();
  const add = (t: number | null | undefined): void => {
    if (typeof t === 'number' && Number.isFinite(t)) set.add(t);
  };
  for (const pod of timeline.pods ?? []) {
    add(pod.createdAt);
    add(pod.startedAt);
    add(pod.readyAt);
    add(pod.finishedAt);
    add(pod.deletedAt);
    add(pod.goneAt);
    for (const run of pod.runs ?? []) {
      add(run.startedAt);
      add(run.readyAt);
      add(run.finishedAt);
    }
  }
  for (const job of timeline.jobs ?? []) {
    add(job.createdAt);
    add(job.finishedAt);
  }
  for (const condition of timeline.conditions ?? []) add(condition.at);
  for (const event of timeline.events ?? []) add(event.at);
  // a typed array sorts numbers natively (a 10,000-pod run has some 60,000 instants)
  return Array.from(Float64Array.from(set).sort());
}
