/**
 * sync.go: finding (or creating) the new ReplicaSet and keeping revisions in step (getAllReplicaSetsAndSyncRevision,
 * getNewReplicaSet), proportional scaling (scale, isScalingEvent), paused Deployments (sync, checkPausedConditions),
 * revisionHistoryLimit (cleanupDeployment) and the status (calculateStatus, syncDeploymentStatus).
 */
import { canonicalJson } from '../daemonset/history';
import { activeReplicaSets, bySizeNewer, bySizeOlder, byRevision, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets, equalIgnoreHash } from './replicaSets';
import type { DeploymentSync } from './syncContext';
import { DESIRED_REPLICAS_ANNOTATION, EMPTY_REPLICASET_STATUS, POD_TEMPLATE_HASH, REASONS, REVISION_ANNOTATION, type DeploymentStatus, type ReplicaSetView } from './types';
import {
  MAX_REV_HISTORY_LENGTH_IN_CHARS,
  actualReplicas,
  availableReplicas,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  nonNegativeInt32Annotation,
  readyReplicas,
  replicaSetProportion,
  setCondition,
  setNewReplicaSetAnnotations,
  specReplicas,
} from './util';

export interface AllReplicaSets {
  readonly newRS: ReplicaSetView | null;
  readonly oldRSs: ReplicaSetView[];
}

/** getAllReplicaSetsAndSyncRevision: every old ReplicaSet, and the new one (created when asked and missing). */
export function getAllReplicaSetsAndSyncRevision(dc: DeploymentSync, rsList: readonly ReplicaSetView[], createIfNotExisted: boolean): AllReplicaSets | { readonly error: string } {
  const { all } = findOldReplicaSets(dc.d.template, rsList);
  const newRS = getNewReplicaSet(dc, rsList, all, createIfNotExisted);
  if (newRS !== null && 'error' in newRS) return newRS;
  return { newRS, oldRSs: all };
}

/** The Deployment's template with the pod-template-hash label, as its ReplicaSet carries it. */
export function templateWithHash(template: Readonly<Record<string, unknown>>, hash: string): Record<string, unknown> {
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const labels = isRecord(metadata.labels) ? metadata.labels : {};
  return { ...template, metadata: { ...metadata, labels: { ...labels, [POD_TEMPLATE_HASH]: hash } } };
}

/**
 * getNewReplicaSet: an existing new ReplicaSet gets its annotations (revision = max old revision + 1) and
 * minReadySeconds brought up to date, and the Deployment its revision annotation (and a FoundNewReplicaSet
 * Progressing condition the first time); otherwise, when asked, the ReplicaSet `<name>-<pod-template-hash>` is
 * created with NewRSNewReplicas replicas ("Scaled up replica set ... from 0 to N") and the Deployment gets
 * NewReplicaSetCreated. A name taken by another template is a hash collision: status.collisionCount goes up and
 * the sync is retried.
 */
export function getNewReplicaSet(dc: DeploymentSync, rsList: readonly ReplicaSetView[], oldRSs: readonly ReplicaSetView[], createIfNotExisted: boolean): ReplicaSetView | null | { readonly error: string } {
  const d = dc.d;
  const existing = findNewReplicaSet(d.template, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing !== null) {
    const annotated = setNewReplicaSetAnnotations(d, existing.annotations, newRevision, true, MAX_REV_HISTORY_LENGTH_IN_CHARS);
    const minReadySecondsNeedsUpdate = existing.minReadySeconds !== d.minReadySeconds;
    if (annotated.changed || minReadySecondsNeedsUpdate) {
      // The update returns here: the Deployment's revision follows in the next sync (the ReplicaSet update wakes it).
      return dc.updateReplicaSet({ ...existing, annotations: annotated.annotations, minReadySeconds: d.minReadySeconds, generation: existing.generation + (minReadySecondsNeedsUpdate ? 1 : 0) });
    }
    let needsUpdate = setDeploymentRevision(dc, existing.annotations[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && getCondition(d.status.conditions, 'Progressing') === undefined) {
      const condition = newCondition('Progressing', 'True', REASONS.foundNewRS, `Found new replica set "${existing.name}"`, dc.now);
      d.status = { ...d.status, conditions: setCondition(d.status.conditions, condition) };
      needsUpdate = true;
    }
    if (needsUpdate) dc.updateStatus();
    return existing;
  }
  if (!createIfNotExisted) return null;

  const hash = dc.hash(d.template, d.status.collisionCount);
  const name = `${d.name}-${hash}`;
  const draft: ReplicaSetView = {
    name,
    uid: `${d.namespace}/${name}`,
    createdAt: dc.now,
    generation: 1,
    deleting: false,
    replicas: 0,
    minReadySeconds: d.minReadySeconds,
    annotations: {},
    template: templateWithHash(d.template, hash),
    status: EMPTY_REPLICASET_STATUS,
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  if ('error' in replicas) return replicas;
  const annotations = setNewReplicaSetAnnotations(d, {}, newRevision, false, MAX_REV_HISTORY_LENGTH_IN_CHARS).annotations;
  const newRS: ReplicaSetView = { ...draft, replicas: replicas.value, annotations };
  if (dc.existingNames.has(name)) {
    const clash = rsList.find((rs) => rs.name === name);
    if (clash === undefined || !equalIgnoreHash(d.template, clash.template)) {
      // A hash collision: bump collisionCount and let the sync be retried (the create's error is returned).
      d.status = { ...d.status, collisionCount: (d.status.collisionCount ?? 0) + 1 };
      dc.updateStatus();
      return { error: `replicasets.apps "${name}" already exists` };
    }
    return clash;
  }
  dc.writes.push({ type: 'createReplicaSet', rs: newRS });
  dc.existingNames.add(name);
  if (replicas.value > 0) dc.event('ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas.value}`);
  let needsUpdate = setDeploymentRevision(dc, newRevision);
  if (hasProgressDeadline(d)) {
    const condition = newCondition('Progressing', 'True', REASONS.newReplicaSet, `Created new replica set "${name}"`, dc.now);
    d.status = { ...d.status, conditions: setCondition(d.status.conditions, condition) };
    needsUpdate = true;
  }
  if (needsUpdate) dc.updateStatus();
  return newRS;
}

/** SetDeploymentRevision. */
function setDeploymentRevision(dc: DeploymentSync, revision: string): boolean {
  if (dc.d.annotations[REVISION_ANNOTATION] === revision) return false;
  dc.d.annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/**
 * scale: a scaling event (spec.replicas changed) or a paused Deployment. One active ReplicaSet (or none: the
 * newest) takes the whole size; a saturated new ReplicaSet empties the old ones; otherwise (RollingUpdate) the
 * replicas to add or remove (up to replicas + maxSurge) are shared in proportion to each ReplicaSet's size —
 * largest first, newer first when scaling up and older first when scaling down — and what rounding leaves over
 * goes to the largest.
 */
export function scale(dc: DeploymentSync, newRS: ReplicaSetView | null, oldRSs: readonly ReplicaSetView[]): void {
  const d = dc.d;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest !== null) {
    if (activeOrLatest.replicas === d.replicas) return;
    dc.scaleReplicaSetAndRecordEvent(activeOrLatest, d.replicas);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) dc.scaleReplicaSetAndRecordEvent(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allReplicas = specReplicas(all);
  const allowedSize = d.replicas > 0 ? d.replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - allReplicas;
  let operation: 'up' | 'down' | '' = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = replicaSetProportion(rs, d, toAdd, added);
      nameToSize.set(rs.name, rs.replicas + proportion);
      added += proportion;
    } else nameToSize.set(rs.name, rs.replicas);
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) {
      const leftover = toAdd - added;
      nameToSize.set(rs.name, Math.max(0, (nameToSize.get(rs.name) ?? 0) + leftover));
    }
    dc.scaleReplicaSet(rs, nameToSize.get(rs.name) ?? rs.replicas, operation);
  });
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(dc: DeploymentSync, all: AllReplicaSets): boolean {
  for (const rs of activeReplicaSets([...all.oldRSs, all.newRS])) {
    const desired = nonNegativeInt32Annotation(rs.annotations, DESIRED_REPLICAS_ANNOTATION);
    if (desired === null) continue;
    if (desired !== dc.d.replicas) return true;
  }
  return false;
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete the lowest revisions first, never one
 * that still has replicas (spec or status), has not been observed at its generation, or is being deleted.
 */
export function cleanupDeployment(dc: DeploymentSync, oldRSs: readonly ReplicaSetView[]): void {
  const limit = dc.d.revisionHistoryLimit;
  if (!hasRevisionHistoryLimit(dc.d) || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.deleting);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if (rs.status.replicas !== 0 || rs.replicas !== 0 || rs.generation > rs.status.observedGeneration || rs.deleting) continue;
    dc.writes.push({ type: 'deleteReplicaSet', name: rs.name });
  }
}

/**
 * calculateStatus: the counts summed over the ReplicaSets (updated = the new one's status.replicas) and the
 * Available condition: True (MinimumReplicasAvailable) when at least replicas - maxUnavailable are available.
 */
export function calculateStatus(dc: DeploymentSync, allRSs: readonly (ReplicaSetView | null)[], newRS: ReplicaSetView | null): DeploymentStatus {
  const d = dc.d;
  const available = availableReplicas(allRSs);
  const total = specReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.generation,
    replicas: actualReplicas(allRSs),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: d.status.conditions,
    collisionCount: d.status.collisionCount,
  };
  const condition =
    available >= d.replicas - maxUnavailable(d)
      ? newCondition('Available', 'True', REASONS.minimumReplicasAvailable, 'Deployment has minimum availability.', dc.now)
      : newCondition('Available', 'False', REASONS.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', dc.now);
  return { ...status, conditions: setCondition(status.conditions, condition) };
}

/** syncDeploymentStatus: write the status when it changed. */
export function syncDeploymentStatus(dc: DeploymentSync, allRSs: readonly (ReplicaSetView | null)[], newRS: ReplicaSetView | null): void {
  const status = calculateStatus(dc, allRSs, newRS);
  if (sameStatus(dc.d.status, status)) return;
  dc.d.status = status;
  dc.updateStatus();
}

/** sync: scaling events and paused Deployments (no rollout); a paused one also cleans up its history. */
export function syncScaling(dc: DeploymentSync, rsList: readonly ReplicaSetView[]): void {
  const all = getAllReplicaSetsAndSyncRevision(dc, rsList, false);
  if ('error' in all) return;
  scale(dc, all.newRS, all.oldRSs);
  if (dc.d.paused) cleanupDeployment(dc, all.oldRSs);
  syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS);
}

/** syncStatusOnly: a Deployment being deleted only gets its status. */
export function syncStatusOnly(dc: DeploymentSync, rsList: readonly ReplicaSetView[]): void {
  const all = getAllReplicaSetsAndSyncRevision(dc, rsList, false);
  if ('error' in all) return;
  syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS);
}

/**
 * checkPausedConditions: with a progress deadline, pausing sets Progressing Unknown DeploymentPaused ("Deployment
 * is paused") and resuming DeploymentResumed ("Deployment is resumed"), so a paused rollout never times out; a
 * ProgressDeadlineExceeded condition is never overwritten.
 */
export function checkPausedConditions(dc: DeploymentSync): void {
  const d = dc.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status.conditions, 'Progressing');
  if (cond !== undefined && cond.reason === REASONS.timedOut) return;
  const pausedCondExists = cond !== undefined && cond.reason === REASONS.paused;
  let condition = null;
  if (d.paused && !pausedCondExists) condition = newCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', dc.now);
  else if (!d.paused && pausedCondExists) condition = newCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', dc.now);
  if (condition === null) return;
  d.status = { ...d.status, conditions: setCondition(d.status.conditions, condition) };
  dc.updateStatus();
}

/** reflect.DeepEqual of two statuses. */
export function sameStatus(a: DeploymentStatus, b: DeploymentStatus): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
