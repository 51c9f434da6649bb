/**
 * Which stretch of time the chart shows by default. The axis spans the controllers' actions (pods created,
 * started, finished; Jobs created and finished; conditions; scenario markers); a long stretch in which nothing
 * happens (a TTL deletion ten minutes after the Job finished, the horizon, a DaemonSet idling between its
 * start and a rollout) is folded into a narrow labelled segment instead of stretching the axis, as the CLI
 * chart ends at the pods' activity. Pure: no DOM.
 */
import { jobCount, podCount } from '../counts';
import { formatDuration, formatOffset } from '../format';
import { t } from '../l10n';
import type { Timeline } from '../timelineTypes';

export interface Fold {
  /** The folded stretch, in seconds since the start. */
  readonly from: number;
  readonly to: number;
  /** What the fold stands for, e.g. `10m idle · TTL deletion at +11m11s`. */
  readonly label: string;
}

export interface AxisFit {
  /** The whole run: the earliest thing the timeline tells of (or 0) to its end. */
  readonly from: number;
  readonly to: number;
  /** Idle stretches drawn narrow, in time order, never overlapping. */
  readonly folds: readonly Fold[];
}

/** Folds at most: more would make the axis a row of breaks. */
const MAX_FOLDS = 3;
/** An idle stretch is folded when it is at least this share of what the axis would otherwise show. */
const FOLD_SHARE = 1 / 3;
/** ... and at least this long (seconds): a few seconds of quiet are part of the story. */
const MIN_FOLD_SECONDS = 60;

const finite = (t: number | null | undefined): t is number => typeof t === 'number' && Number.isFinite(t);

/**
 * The controllers' actions, sorted and unique. Pod deletions count only when a controller decided them as a
 * step of its work (a DaemonSet's rolling update, a Job's deadline); the garbage collector's and the TTL
 * controller's clean-up afterwards does not, or a TTL tail would stretch the axis.
 */
export function interestingTimes(timeline: Timeline): number[] {
  const set = new Set<number>();
  const add = (t: number | null | undefined): void => {
    if (finite(t)) set.add(t);
  };
  for (const pod of timeline.pods ?? []) {
    add(pod.createdAt);
    add(pod.startedAt);
    add(pod.readyAt);
    add(pod.finishedAt);
    for (const run of pod.runs ?? []) {
      add(run.startedAt);
      add(run.readyAt);
      add(run.finishedAt);
    }
    if (pod.deletedBy && !/^(garbage-collector|ttl)/i.test(pod.deletedBy)) add(pod.deletedAt);
  }
  for (const job of timeline.jobs ?? []) {
    add(job.createdAt);
    add(job.finishedAt);
  }
  for (const condition of timeline.conditions ?? []) add(condition.at);
  for (const marker of timeline.markers ?? []) add(marker.at);
  for (const node of timeline.nodes ?? []) {
    if (finite(node.addedAt) && node.addedAt > 0) add(node.addedAt);
    add(node.removedAt);
  }
  // a typed array sorts numbers natively: 60,000 instants of a 10,000-pod run in a few milliseconds
  return Array.from(Float64Array.from(set).sort());
}

/** The run's extent: from the earliest thing the timeline tells of (a pasted object's history) to its end. */
export function runExtent(timeline: Timeline): { from: number; to: number } {
  const pods = timeline.pods ?? [];
  const jobs = timeline.jobs ?? [];
  let from = 0;
  for (const p of pods) if (finite(p.createdAt) && p.createdAt < from) from = p.createdAt;
  for (const j of jobs) if (finite(j.createdAt) && j.createdAt < from) from = j.createdAt;
  let to = finite(timeline.duration) ? timeline.duration : Number.NaN;
  if (!finite(to)) {
    to = 0;
    for (const t of interestingTimes(timeline)) to = Math.max(to, t);
  }
  return { from, to: to > from ? to : from + 1 };
}

export function fitAxis(timeline: Timeline): AxisFit {
  const { from, to } = runExtent(timeline);
  const times = interestingTimes(timeline).filter((t) => t >= from && t <= to);
  if (times.length === 0) return { from, to, folds: [] };
  const gaps: { a: number; b: number; edge: 'lead' | 'inner' | 'tail' }[] = [];
  if (times[0] > from) gaps.push({ a: from, b: times[0], edge: 'lead' });
  for (let i = 1; i < times.length; i++) gaps.push({ a: times[i - 1], b: times[i], edge: 'inner' });
  if (times[times.length - 1] < to) gaps.push({ a: times[times.length - 1], b: to, edge: 'tail' });
  gaps.sort((x, y) => y.b - y.a - (x.b - x.a));
  let shown = to - from;
  const chosen: Fold[] = [];
  for (const gap of gaps) {
    if (chosen.length >= MAX_FOLDS) break;
    const length = gap.b - gap.a;
    const rest = shown - length;
    if (length < MIN_FOLD_SECONDS || length < FOLD_SHARE * shown || rest <= 0) break;
    // keep a little room around the actions on either side, so a bar does not end at the fold's edge
    const margin = Math.min(length * 0.1, Math.max(1, rest * 0.04));
    const a = gap.edge === 'lead' ? gap.a : gap.a + margin;
    const b = gap.edge === 'tail' ? gap.b : gap.b - margin;
    chosen.push({ from: a, to: b, label: foldLabel(timeline, a, b, gap.edge === 'tail') });
    shown -= b - a;
  }
  return { from, to, folds: chosen.sort((x, y) => x.from - y.from) };
}

/** `10m idle · TTL deletion at +11m11s`: how long, and what happens inside the fold (or at its end). */
export function foldLabel(timeline: Timeline, from: number, to: number, isTail: boolean): string {
  const inside = (t: number | null | undefined): t is number => finite(t) && t > from && t <= to + 1e-9;
  const what: string[] = [];
  const ttl = typeof timeline.effectiveSpec?.ttlSecondsAfterFinished === 'number';
  const jobsDeleted = (timeline.jobs ?? []).filter((j) => inside(j.deletedAt));
  if (jobsDeleted.length === 1 && timeline.object?.kind === 'Job') {
    const at = formatOffset(jobsDeleted[0].deletedAt as number);
    what.push(ttl ? t('TTL deletion at {0}', at) : t('Job deleted at {0}', at));
  } else if (jobsDeleted.length > 0) {
    what.push(t('{0} deleted', jobCount(jobsDeleted.length)));
  } else {
    const podsGone = (timeline.pods ?? []).filter((p) => inside(p.deletedAt)).length;
    if (podsGone > 0) what.push(t('{0} deleted', podCount(podsGone)));
  }
  if (isTail && (timeline.stopReason === 'until' || timeline.stopReason === 'horizon')) what.push(timeline.stopReason === 'until' ? t('until {0}', formatOffset(to)) : t('horizon {0}', formatOffset(to)));
  return [t('{0} idle', formatDuration(to - from)), ...what].join(' · ');
}
