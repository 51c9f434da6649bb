/**
 * A Timeline with every field the panels read, for Timelines from older servers that carry only the fields of
 * the first schema (no statusHistory, markers, pod runs...): what is missing reads as "nothing recorded", so
 * the panels show less instead of failing. Pure.
 */
import type { Timeline, TimelinePod } from '../timelineTypes';

const list = <T>(value: readonly T[] | undefined | null): readonly T[] => (Array.isArray(value) ? value : []);

export function withPanelDefaults(timeline: Timeline): Timeline {
  const t = timeline as Partial<Timeline> & Pick<Timeline, 'object'>;
  const start = Date.parse(t.startTime ?? '');
  const end = Date.parse(t.endTime ?? '');
  const duration = typeof t.duration === 'number' && Number.isFinite(t.duration) ? t.duration : Number.isFinite(end - start) ? (end - start) / 1000 : 0;
  const pods = list(t.pods).map(
    (pod): TimelinePod => ({
      ...pod,
      job: pod.job ?? null,
      node: pod.node ?? null,
      scheduledAt: pod.scheduledAt ?? (pod.node ? pod.createdAt : null),
      finishedAt: pod.finishedAt ?? null,
      deletedAt: pod.deletedAt ?? null,
      goneAt: pod.goneAt ?? null,
      containers: typeof pod.containers === 'number' ? pod.containers : 1,
      restarts: typeof pod.restarts === 'number' ? pod.restarts : 0,
      // No runs recorded: the pod's own times stand for its one container run.
      runs: Array.isArray(pod.runs)
        ? pod.runs
        : typeof pod.startedAt === 'number'
          ? [{ startedAt: pod.startedAt, readyAt: pod.readyAt ?? null, finishedAt: pod.finishedAt ?? null, exitCode: pod.exitCode ?? null, reason: pod.finishedAt === null || pod.finishedAt === undefined ? null : pod.phase === 'Succeeded' ? 'Completed' : 'Error' }]
          : [],
      conditions: list(pod.conditions),
    }),
  );
  return {
    ...timeline,
    object: { kind: t.object?.kind ?? '', name: t.object?.name ?? '', namespace: t.object?.namespace ?? 'default' },
    startTime: t.startTime ?? '',
    duration,
    effectiveSpec: t.effectiveSpec ?? {},
    pods,
    jobs: list(t.jobs),
    // The first schema listed the conditions that were set: each one is a transition to True.
    conditions: list(t.conditions).map((c) => ({ ...c, kind: c.kind ?? '', status: c.status ?? 'True', reason: c.reason ?? '', message: c.message ?? '' })),
    events: list(t.events).map((e) => ({ ...e, kind: e.kind ?? '', source: e.source ?? '', reason: e.reason ?? '', message: e.message ?? '' })),
    status: t.status ?? {},
    statusHistory: list(t.statusHistory),
    nodes: list(t.nodes),
    markers: list(t.markers),
    notes: list(t.notes),
  };
}
