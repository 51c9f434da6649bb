/**
 * The arithmetic of a rollout: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts,
 * MaxUnavailable, MinAvailable, MaxSurge, NewRSNewReplicas, GetReplicaSetProportion, getReplicaSetFraction,
 * IsSaturated, DeploymentComplete, DeploymentProgressing, DeploymentTimedOut, the condition helpers, the
 * revision and replicas annotations) and apimachinery's intstr.GetScaledValueFromIntOrPercent.
 */
import {
  DEPRECATED_ROLLBACK_TO,
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_INT32,
  MAX_REPLICAS_ANNOTATION,
  REASONS,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLING_UPDATE,
  RECREATE,
  type DeploymentCondition,
  type DeploymentStatus,
  type DeploymentView,
  type IntOrString,
  type ReplicaSetView,
} from './types';

export type Result<T> = { readonly value: T } | { readonly error: string };

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer is itself; "N%" is N% of total, rounded up or down; any
 * other string is an error ("invalid type: string is not a percentage", `invalid value "x%": ...`).
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): Result<number> {
  if (typeof value === 'number') return { value };
  if (!value.endsWith('%')) return { error: 'invalid type: string is not a percentage' };
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) return { error: `invalid value ${JSON.stringify(value)}: strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax` };
  const percent = Number(digits);
  const scaled = (percent * total) / 100;
  return { value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) };
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down (absent = 0); when both resolve to 0,
 * maxUnavailable becomes 1 "on the theory that surge might not work due to quota".
 */
export function resolveFenceposts(maxSurge: IntOrString | null, maxUnavailable: IntOrString | null, desired: number): Result<{ surge: number; unavailable: number }> {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  if ('error' in surge) return surge;
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if ('error' in unavailable) return unavailable;
  return { value: { surge: surge.value, unavailable: surge.value === 0 && unavailable.value === 0 ? 1 : unavailable.value } };
}

export function isRollingUpdate(d: Pick<DeploymentView, 'strategy'>): boolean {
  return d.strategy.type === ROLLING_UPDATE;
}

type Budget = Pick<DeploymentView, 'strategy' | 'replicas'>;

/** MaxUnavailable: 0 for Recreate or 0 replicas; never more than spec.replicas. Invalid values (caught by validation) count as 0. */
export function maxUnavailable(d: Budget): number {
  if (!isRollingUpdate(d) || d.replicas === 0) return 0;
  const resolved = resolveFenceposts(d.strategy.maxSurge, d.strategy.maxUnavailable, d.replicas);
  const unavailable = 'error' in resolved ? 0 : resolved.value.unavailable;
  return Math.min(unavailable, d.replicas);
}

/** MinAvailable: spec.replicas - MaxUnavailable for RollingUpdate, 0 for Recreate. */
export function minAvailable(d: Budget): number {
  if (!isRollingUpdate(d)) return 0;
  return d.replicas - maxUnavailable(d);
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Budget): number {
  if (!isRollingUpdate(d)) return 0;
  const resolved = resolveFenceposts(d.strategy.maxSurge, d.strategy.maxUnavailable, d.replicas);
  return 'error' in resolved ? 0 : resolved.value.surge;
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function specReplicas(sets: readonly (ReplicaSetView | null)[]): number {
  let sum = 0;
  for (const rs of sets) if (rs !== null) sum += rs.replicas;
  return sum;
}

/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export function actualReplicas(sets: readonly (ReplicaSetView | null)[]): number {
  let sum = 0;
  for (const rs of sets) if (rs !== null) sum += rs.status.replicas;
  return sum;
}

/** GetReadyReplicaCountForReplicaSets. */
export function readyReplicas(sets: readonly (ReplicaSetView | null)[]): number {
  let sum = 0;
  for (const rs of sets) if (rs !== null) sum += rs.status.readyReplicas;
  return sum;
}

/** GetAvailableReplicaCountForReplicaSets. */
export function availableReplicas(sets: readonly (ReplicaSetView | null)[]): number {
  let sum = 0;
  for (const rs of sets) if (rs !== null) sum += rs.status.availableReplicas;
  return sum;
}

/**
 * NewRSNewReplicas: RollingUpdate scales the new ReplicaSet up to what maxSurge (rounded up, not resolved
 * with the fenceposts) leaves room for, never past spec.replicas; Recreate goes straight to spec.replicas.
 */
export function newRSNewReplicas(d: Budget, allRSs: readonly (ReplicaSetView | null)[], newRS: Pick<ReplicaSetView, 'replicas'>): Result<number> {
  if (d.strategy.type === RECREATE) return { value: d.replicas };
  if (d.strategy.type !== ROLLING_UPDATE) return { error: `deployment type ${d.strategy.type} isn't supported` };
  const surge = scaledValue(d.strategy.maxSurge ?? 0, d.replicas, true);
  if ('error' in surge) return surge;
  const current = specReplicas(allRSs);
  const maxTotal = d.replicas + surge.value;
  if (current >= maxTotal) return { value: newRS.replicas };
  const scaleUp = Math.min(maxTotal - current, d.replicas - newRS.replicas);
  return { value: newRS.replicas + scaleUp };
}

/** integer.RoundToInt32: math.Round, half away from zero. */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getReplicaSetFraction: how much of a scaling event this ReplicaSet takes — its size times the ratio of the
 * new maximum (replicas + maxSurge) to the one recorded in its max-replicas annotation (status.replicas when
 * the annotation is missing or 0; nothing when that is 0 too). Scaling to 0 takes all of it.
 */
export function replicaSetFraction(rs: Pick<ReplicaSetView, 'replicas' | 'annotations'>, d: Budget & { readonly status: Pick<DeploymentStatus, 'replicas'> }): number {
  if (d.replicas === 0) return -rs.replicas;
  const deploymentMaxReplicas = d.replicas + maxSurge(d);
  let before = nonNegativeInt32Annotation(rs.annotations, MAX_REPLICAS_ANNOTATION);
  if (before === null || before === 0) {
    before = d.status.replicas;
    if (before === 0) return 0;
  }
  return roundHalfAwayFromZero((rs.replicas * deploymentMaxReplicas) / before) - rs.replicas;
}

/**
 * GetReplicaSetProportion: the fraction, bounded by what is still to be added (scaling up) or removed
 * (scaling down); 0 for an empty ReplicaSet or when nothing is left.
 */
export function replicaSetProportion(
  rs: Pick<ReplicaSetView, 'replicas' | 'annotations'> | null,
  d: Budget & { readonly status: Pick<DeploymentStatus, 'replicas'> },
  toAdd: number,
  added: number,
): number {
  if (rs === null || rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** getNonNegativeInt32FromAnnotation: a decimal int32 >= 0, or null (missing or unparsable). */
export function nonNegativeInt32Annotation(annotations: Readonly<Record<string, string>> | undefined, key: string): number | null {
  const value = annotations?.[key];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > MAX_INT32 ? null : n;
}

/**
 * IsSaturated: the new ReplicaSet has all the replicas, its desired-replicas annotation says so and all of
 * them are available.
 */
export function isSaturated(d: Pick<DeploymentView, 'replicas'>, rs: ReplicaSetView | null): boolean {
  if (rs === null) return false;
  const desired = rs.annotations[DESIRED_REPLICAS_ANNOTATION];
  if (desired === undefined || !/^[+-]?\d+$/.test(desired)) return false;
  return rs.replicas === d.replicas && Number(desired) === d.replicas && rs.status.availableReplicas === d.replicas;
}

type StatusCounts = Pick<DeploymentStatus, 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas'> & { readonly observedGeneration?: number };

/** DeploymentComplete: every replica updated and available, no old one left, and the generation observed. */
export function deploymentComplete(d: Pick<DeploymentView, 'replicas' | 'generation'>, status: StatusCounts): boolean {
  return (
    status.updatedReplicas === d.replicas &&
    status.replicas === d.replicas &&
    status.availableReplicas === d.replicas &&
    (status.observedGeneration ?? 0) >= d.generation
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(old: StatusCounts, status: StatusCounts): boolean {
  const oldOld = old.replicas - old.updatedReplicas;
  const newOld = status.replicas - status.updatedReplicas;
  return status.updatedReplicas > old.updatedReplicas || newOld < oldOld || status.readyReplicas > old.readyReplicas || status.availableReplicas > old.availableReplicas;
}

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: Pick<DeploymentView, 'progressDeadlineSeconds'>): boolean {
  return d.progressDeadlineSeconds !== null && d.progressDeadlineSeconds !== MAX_INT32;
}

/** HasRevisionHistoryLimit: set and not MaxInt32. */
export function hasRevisionHistoryLimit(d: Pick<DeploymentView, 'revisionHistoryLimit'>): boolean {
  return d.revisionHistoryLimit !== null && d.revisionHistoryLimit !== MAX_INT32;
}

/**
 * DeploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds ago
 * (strictly: from + deadline is before now); never for a complete rollout (NewReplicaSetAvailable), always
 * once ProgressDeadlineExceeded.
 */
export function deploymentTimedOut(d: Pick<DeploymentView, 'progressDeadlineSeconds'>, status: Pick<DeploymentStatus, 'conditions'>, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status.conditions, 'Progressing');
  if (condition === undefined) return false;
  if (condition.reason === REASONS.newRSAvailable) return false;
  if (condition.reason === REASONS.timedOut) return true;
  const from = condition.lastUpdateTime ?? -Infinity;
  return from + (d.progressDeadlineSeconds ?? 0) * 1000 < now;
}

export function getCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition | undefined {
  return conditions.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: an existing condition with the same status and reason is left alone; one with the
 * same status keeps its lastTransitionTime; the new one goes to the end.
 */
export function setCondition(conditions: readonly DeploymentCondition[], condition: DeploymentCondition): readonly DeploymentCondition[] {
  const current = getCondition(conditions, condition.type);
  if (current !== undefined && current.status === condition.status && current.reason === condition.reason) return conditions;
  const next = current !== undefined && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return [...removeCondition(conditions, condition.type), next];
}

/** RemoveDeploymentCondition. */
export function removeCondition(conditions: readonly DeploymentCondition[], type: string): readonly DeploymentCondition[] {
  return conditions.some((c) => c.type === type) ? conditions.filter((c) => c.type !== type) : conditions;
}

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** Revision: the revision annotation as a number (0 when absent; null when it does not parse). */
export function revisionOf(annotations: Readonly<Record<string, string>>): number | null {
  const v = annotations[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : null;
}

/** MaxRevision: the highest revision among the ReplicaSets (unparsable ones skipped). */
export function maxRevision(sets: readonly ReplicaSetView[]): number {
  let max = 0;
  for (const rs of sets) {
    const v = revisionOf(rs.annotations);
    if (v !== null && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest. */
export function lastRevision(sets: readonly ReplicaSetView[]): number {
  let max = 0;
  let second = 0;
  for (const rs of sets) {
    const v = revisionOf(rs.annotations);
    if (v === null) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

/** annotationsToSkip: never copied from the Deployment to its ReplicaSets. */
const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

/** maxRevHistoryLengthInChars in sync.go: the revision-history annotation is kept to about 2000 characters. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations (but annotationsToSkip), raise the revision
 * when the new one is higher (remembering the old one in revision-history, trimmed from the front to
 * revHistoryLimitInChars), and, for a ReplicaSet about to be created, the desired- and max-replicas
 * annotations. Returns the new annotations and whether they changed.
 */
export function setNewReplicaSetAnnotations(
  d: Budget & Pick<DeploymentView, 'annotations'>,
  annotations: Readonly<Record<string, string>>,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number,
): { readonly annotations: Readonly<Record<string, string>>; readonly changed: boolean } {
  const out: Record<string, string> = { ...annotations };
  let changed = false;
  for (const [k, v] of Object.entries(d.annotations)) {
    if (skipCopyAnnotation(k) || out[k] === v) continue;
    out[k] = v;
    changed = true;
  }
  const oldRevision = out[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  let oldInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return { annotations: out, changed: false };
    oldInt = Number(oldRevision);
  }
  if (!/^[+-]?\d+$/.test(newRevision)) return { annotations: out, changed: false };
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    out[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (hadRevision && oldInt < newInt) {
    const history = out[REVISION_HISTORY_ANNOTATION] ?? '';
    const oldRevisions = history.split(',');
    if (oldRevisions[0].length === 0) {
      out[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start].length - 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) out[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
    }
  }
  if (!exists) {
    const replicas = setReplicasAnnotations(out, d.replicas, d.replicas + maxSurge(d));
    if (replicas.changed) {
      Object.assign(out, replicas.annotations);
      changed = true;
    }
  }
  return { annotations: out, changed };
}

/** SetReplicasAnnotations: desired-replicas and max-replicas. */
export function setReplicasAnnotations(annotations: Readonly<Record<string, string>>, desired: number, max: number): { readonly annotations: Readonly<Record<string, string>>; readonly changed: boolean } {
  const d = String(desired);
  const m = String(max);
  if (annotations[DESIRED_REPLICAS_ANNOTATION] === d && annotations[MAX_REPLICAS_ANNOTATION] === m) return { annotations, changed: false };
  return { annotations: { ...annotations, [DESIRED_REPLICAS_ANNOTATION]: d, [MAX_REPLICAS_ANNOTATION]: m }, changed: true };
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(annotations: Readonly<Record<string, string>> | undefined, desired: number, max: number): boolean {
  if (annotations === undefined) return true;
  return annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max);
}
