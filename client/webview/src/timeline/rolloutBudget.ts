/**
 * A Deployment's rollout budget over time: how many pods the controller may have (replicas + maxSurge) and how
 * few may be available (replicas - maxUnavailable), against the pods its ReplicaSets have and the available
 * ones, so the chart shows why a rollout waits. Derived from the timeline's ReplicaSet samples (the sizes the
 * controller itself reads) and the Deployment's status history (spec.replicas as it changed). Pure.
 *
 * Kubernetes: pkg/controller/deployment/util/deployment_util.go, ResolveFenceposts (maxSurge rounds up,
 * maxUnavailable rounds down, both 0 makes maxUnavailable 1), MaxSurge and MaxUnavailable (0 unless
 * RollingUpdate; maxUnavailable never above replicas); rolling.go reconcileNewReplicaSet / reconcileOldReplicaSets
 * keep the pods within these bounds.
 */
import { maxSurge, minAvailable } from '../../../../server/src/core/engine/deployment/util';
import type { IntOrString } from '../../../../server/src/core/engine/deployment/types';
import { podCount } from '../counts';
import { t as tr } from '../l10n';
import type { Timeline } from '../timelineTypes';

/** The budget chart's height in its own units (the lane's CSS height stretches it). */
export const H = 40;

export interface BudgetPoint {
  /** From this time until the next point. */
  readonly at: number;
  readonly replicas: number;
  /** replicas + maxSurge: the most pods the controller lets exist. */
  readonly maxPods: number;
  /** replicas - maxUnavailable: the fewest available pods the controller lets remain. */
  readonly minAvailable: number;
  /** Pods of all its ReplicaSets (status.replicas summed: pods being deleted no longer count). */
  readonly total: number;
  /** Available pods of all its ReplicaSets. */
  readonly available: number;
}

export interface RolloutBudget {
  readonly strategy: 'RollingUpdate' | 'Recreate';
  /** As written (`25%`, `1`). */
  readonly maxSurge: string;
  readonly maxUnavailable: string;
  readonly points: readonly BudgetPoint[];
}

/**
 * The [maxPods, minAvailable] bounds for `replicas` under the strategy: the controller's own MaxSurge and
 * MinAvailable (deployment_util.go), so the chart and the engine cannot disagree.
 */
export function budgetBounds(strategy: RolloutBudget['strategy'], maxSurgeValue: unknown, maxUnavailableValue: unknown, replicas: number): [number, number] {
  const view = { strategy: { type: strategy, maxSurge: intOrString(maxSurgeValue), maxUnavailable: intOrString(maxUnavailableValue) }, replicas };
  return [replicas + maxSurge(view), minAvailable(view)];
}

/** Unset stays unset; a value of another type is one the controller cannot read (it then allows no room either way). */
function intOrString(value: unknown): IntOrString | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The budget of a Deployment's timeline; undefined for other kinds or one without ReplicaSets. */
export function rolloutBudget(timeline: Timeline): RolloutBudget | undefined {
  if (timeline.object?.kind !== 'Deployment') return undefined;
  const replicaSets = timeline.replicaSets ?? [];
  if (replicaSets.length === 0) return undefined;
  const spec = timeline.effectiveSpec ?? {};
  const strategyObj = (spec.strategy ?? {}) as { type?: unknown; rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } };
  const strategy = strategyObj.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const maxSurge = strategyObj.rollingUpdate?.maxSurge ?? '25%';
  const maxUnavailable = strategyObj.rollingUpdate?.maxUnavailable ?? '25%';

  // spec.replicas over time: the status history carries it (a scale patch mid-rollout changes it)
  const specChanges: { at: number; replicas: number }[] = [];
  for (const entry of timeline.statusHistory ?? []) {
    if (entry.object !== timeline.object.name || (entry.kind && entry.kind !== 'Deployment')) continue;
    const replicas = num(entry.status?.specReplicas);
    if (replicas !== undefined) specChanges.push({ at: entry.at, replicas });
  }
  const initialReplicas = num(spec.replicas) ?? 1;
  const times = new Set<number>();
  for (const rs of replicaSets) {
    for (const sample of rs.history) times.add(sample.at);
    if (rs.deletedAt !== null) times.add(rs.deletedAt);
  }
  for (const change of specChanges) times.add(change.at);
  const sorted = [...times].filter(Number.isFinite).sort((a, b) => a - b);

  // walk the samples in time order with one cursor per ReplicaSet: 10,000-pod rollouts have many samples
  const cursors = replicaSets.map(() => -1);
  let specCursor = -1;
  const points: BudgetPoint[] = [];
  for (const at of sorted) {
    while (specCursor + 1 < specChanges.length && specChanges[specCursor + 1].at <= at) specCursor++;
    const replicas = specCursor >= 0 ? specChanges[specCursor].replicas : initialReplicas;
    let total = 0;
    let available = 0;
    replicaSets.forEach((rs, i) => {
      while (cursors[i] + 1 < rs.history.length && rs.history[cursors[i] + 1].at <= at) cursors[i]++;
      if (cursors[i] < 0 || (rs.deletedAt !== null && rs.deletedAt <= at)) return;
      const sample = rs.history[cursors[i]];
      total += sample.current;
      available += sample.available;
    });
    const [maxPods, minAvailable] = budgetBounds(strategy, maxSurge, maxUnavailable, replicas);
    const point = { at, replicas, maxPods, minAvailable, total, available };
    const last = points[points.length - 1];
    if (last && last.at === at) points[points.length - 1] = point;
    else if (!last || last.replicas !== replicas || last.total !== total || last.available !== available) points.push(point);
  }
  return { strategy, maxSurge: String(maxSurge), maxUnavailable: String(maxUnavailable), points };
}

/** The budget's point in force at t (undefined before the first). */
export function budgetAt(budget: RolloutBudget, t: number): BudgetPoint | undefined {
  let found: BudgetPoint | undefined;
  for (const point of budget.points) {
    if (point.at > t) break;
    found = point;
  }
  return found;
}

/** The budget's words at t: `13 pods (at most 13) · 8 available (at least 8)`. */
export function budgetText(point: BudgetPoint | undefined): string {
  if (!point) return tr('no pods yet');
  return tr('{0} (at most {1}) · {2} available (at least {3})', podCount(point.total), point.maxPods, point.available, point.minAvailable);
}

/** An SVG path of a step function over the points, as an area down to 0 or as a line. */
export function stepPath(points: readonly { x: number; y: number }[], endX: number, area: boolean): string {
  if (points.length === 0) return '';
  const f = (n: number): string => (Math.round(n * 100) / 100).toString();
  const parts: string[] = [area ? `M${f(points[0].x)} ${H}` : `M${f(points[0].x)} ${f(points[0].y)}`];
  points.forEach((p, i) => {
    const next = points[i + 1]?.x ?? endX;
    parts.push(`L${f(p.x)} ${f(p.y)}`, `L${f(next)} ${f(p.y)}`);
  });
  if (area) parts.push(`L${f(endX)} ${H}Z`);
  return parts.join('');
}
