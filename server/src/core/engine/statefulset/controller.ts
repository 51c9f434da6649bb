/**
 * The StatefulSet controller as the simulation runs it: its informer handlers (stateful_set.go addPod,
 * updatePod, deletePod, updateStatefulSet) and sync (getStatefulSetRevisions, updateStatefulSet,
 * updateStatefulSetStatus, truncateHistory, and the minReadySeconds requeue), which reads the cluster through
 * the pure decisions of this folder.
 *
 * The StatefulSet object, its revisions and claims are not part of the simulated cluster; the controller
 * writes revisions, claims and status to the object during its sync (the API calls of the control loop and
 * the pod control) and returns the pod actions and events, in the order the calls are made.
 */
import type { ClusterAction, ClusterChange, ClusterView, OwnerRef, SimPod } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import type { Revision } from '../daemonset/history';
import { eventOf, newSettledRun, updateStatefulSet, type SetPod } from './control';
import { statefulSetRevisions, truncateHistory } from './history';
import type { StatefulSetObject } from './object';
import { STATEFULSET_CONTROLLER, type ClaimView, type PodPhase, type StatefulPodView, type StatefulSetFeatures } from './types';
import { isRunningAndAvailable, newStatefulSetPod, ordinalOf } from './utils';

/** A change to the StatefulSet object itself (kubectl set image, patch, rollout undo): the informer's UpdateFunc. */
export interface StatefulSetChange {
  readonly kind: 'statefulset';
  readonly op: 'updated';
  readonly name: string;
}

/** Tells the controllers that the StatefulSet object changed. */
export function notifyStatefulSetChange(notify: (change: ClusterChange) => void, name: string): void {
  const change: StatefulSetChange = { kind: 'statefulset', op: 'updated', name };
  notify(change as unknown as ClusterChange);
}

/** client-go's DefaultControllerRateLimiter per item: 5ms doubling up to 1000s, for a sync that failed. */
const RATE_LIMIT_BASE_MS = 5;
const RATE_LIMIT_MAX_MS = 1_000_000;

export class StatefulSetController implements Controller {
  readonly name = STATEFULSET_CONTROLLER;
  private readonly key: string;
  private readonly owner: OwnerRef;
  /** The identity part of each pod's view (name, labels, volumes), made once per pod. */
  private readonly identities = new WeakMap<SimPod, StatefulPodView>();
  /** Each pod's view at the pod's version: an unchanged pod keeps its view. */
  private readonly views = new WeakMap<SimPod, { readonly version: number; readonly view: SetPod }>();
  /** The leading replicas the last sync found needing nothing: the next sync skips them while they are unchanged. */
  private readonly settledRun = newSettledRun();

  constructor(
    private readonly set: StatefulSetObject,
    private readonly features: StatefulSetFeatures,
  ) {
    this.key = `${set.namespace}/${set.name}`;
    this.owner = { kind: 'StatefulSet', name: set.name };
  }

  initialKeys(): readonly string[] {
    return [this.key];
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    const kind = (change as { kind: string }).kind;
    if (kind === 'pod') {
      // addPod / updatePod / deletePod: the owning StatefulSet syncs at once. updatePod's extra requeue after
      // minReadySeconds + 1s for a pod that turned Ready comes from sync (it knows when each pod became Ready).
      const { pod } = change as Extract<ClusterChange, { kind: 'pod' }>;
      if (pod.owner.kind === 'StatefulSet' && pod.owner.name === this.set.name) queue.addAfter(this.key, 0);
    } else if (kind === 'statefulset') {
      if ((change as unknown as StatefulSetChange).name === this.set.name) queue.addAfter(this.key, 0);
    }
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    if (key !== this.key) return { actions: [], requeueAfterMs: null };
    const set = this.set;
    if (set.deletedAt !== null) {
      // The set is gone: nothing syncs it any more, but the garbage collector still deletes the claims whose
      // owner pod (whenScaled: Delete) goes once its containers stop.
      this.collectGarbage(cluster.podsOf(this.owner), now);
      return { actions: [], requeueAfterMs: null };
    }
    const revisions = statefulSetRevisions(set.name, set.template, set.revisions, set.status.collisionCount, set.status.currentRevision, set.templateData);
    if (revisions.writes.length > 0) set.applyHistoryWrites(revisions.writes);

    const simPods = cluster.podsOf(this.owner);
    const pods = simPods.map((pod) => this.viewOf(pod));
    this.collectGarbage(simPods, now);
    // The claim lister: the claims as they are before this sync's calls (applied below, after the decision).
    const claims: ReadonlyMap<string, ClaimView> = set.claims;

    const view = set.view();
    const result = updateStatefulSet({
      set: view,
      currentRevision: revisions.current.name,
      updateRevision: revisions.update.name,
      collisionCount: revisions.collisionCount,
      pods,
      claims,
      previousStatus: set.status,
      now,
      features: this.features,
      claimsVersion: set.claimsVersion,
      claimStamps: set.claimStamps,
      claimChangeOrdinals: set.claimChangeOrdinals,
      settledRun: this.settledRun,
    });

    const actions: ClusterAction[] = [];
    const byName = new Map<string, Revision>([
      [revisions.current.name, revisions.current],
      [revisions.update.name, revisions.update],
    ]);
    for (const op of result.ops) {
      const event = eventOf(op, set.name);
      switch (op.type) {
        case 'createClaim': {
          set.addClaim(op.claim, op.template, ordinalOf(op.pod), now);
          if (event !== null) actions.push({ type: 'event', involved: this.owner, eventType: event.eventType, reason: event.reason, message: event.message });
          break;
        }
        case 'createPod': {
          const revision = byName.get(op.revision) ?? revisions.update;
          actions.push({
            type: 'createPod',
            owner: this.owner,
            namespace: set.namespace,
            name: op.pod,
            generateName: `${set.name}-`,
            index: op.ordinal,
            indexFailureCount: null,
            indexIgnoredFailureCount: null,
            revision: revision.revision,
            template: set.templateInfo(revision),
            eventMessage: event?.message,
          });
          break;
        }
        case 'deletePod':
          actions.push({ type: 'deletePod', pod: op.pod, removeFinalizer: false, reason: deleteReason(op.cause, revisions.update), eventMessage: event?.message });
          break;
        case 'updateClaimOwners': {
          const claim = set.claims.get(op.claim);
          if (claim !== undefined) set.setClaimOwners(claim, op.ownerReferences);
          break;
        }
        case 'updatePod':
        case 'failed':
          if (event !== null) actions.push({ type: 'event', involved: this.owner, eventType: event.eventType, reason: event.reason, message: event.message });
          break;
      }
    }
    if (result.writeStatus) set.writeStatus(result.status, now);

    // truncateHistory: the current and update revisions and every pod's revision are live. Only a history
    // longer than the limit can lose anything, so only then are the pods' revisions gathered.
    if (set.revisions.length > set.spec.revisionHistoryLimit + 1) {
      const live = new Set<string>([revisions.current.name, revisions.update.name]);
      for (const pod of pods) if (pod.revision !== '') live.add(pod.revision);
      const doomed = truncateHistory(set.revisions, live, set.spec.revisionHistoryLimit);
      if (doomed.length > 0) set.applyHistoryWrites(doomed.map((revision) => ({ type: 'delete', revision })));
    }

    // A failed sync is retried with the work queue's per-item backoff.
    const failures = (cluster.memory(this.failuresKey()) as number | undefined) ?? 0;
    if (result.error !== null) {
      actions.push({ type: 'setMemory', key: this.failuresKey(), value: failures + 1 });
      return { actions, requeueAfterMs: Math.min(RATE_LIMIT_BASE_MS * 2 ** failures, RATE_LIMIT_MAX_MS) };
    }
    if (failures > 0) actions.push({ type: 'setMemory', key: this.failuresKey(), value: null });
    return { actions, requeueAfterMs: this.minReadyRequeueMs(pods, result.status.availableReplicas, now) };
  }

  /**
   * The garbage collector (also part of kube-controller-manager, so it too stops while the controller manager is
   * down): a claim whose controller is a pod that no longer exists is deleted — the retention policy's
   * whenScaled: Delete, once the scaled-down pod is gone. Done here, before the decision, as the collector would
   * have done it by the time the controller looks again.
   */
  private collectGarbage(pods: readonly SimPod[], now: number): void {
    if (this.set.podOwnedClaims.size === 0) return;
    const live = new Set<string>();
    for (const pod of pods) live.add(`pod-${pod.uid}`);
    for (const claim of [...this.set.podOwnedClaims]) {
      const owner = claim.ownerReferences.find((ref) => ref.kind === 'Pod' && ref.controller === true);
      if (owner !== undefined && !live.has(owner.uid)) this.set.deleteClaim(claim, now, `garbage-collector: owner Pod ${owner.name} deleted`);
    }
  }

  private failuresKey(): string {
    return `${STATEFULSET_CONTROLLER}/${this.key}/failures`;
  }

  /**
   * minReadySeconds: sync requeues after minReadySeconds while availableReplicas != spec.replicas, and updatePod
   * after minReadySeconds + 1s for a pod that turned Ready; the earliest of them. Only while a Ready pod waits
   * to become available: otherwise time alone changes nothing, and a set whose pods never get Ready would keep
   * a finished run going with syncs that do nothing.
   */
  private minReadyRequeueMs(pods: readonly SetPod[], available: number, now: number): number | null {
    const minReady = this.set.spec.minReadySeconds;
    if (minReady <= 0) return null;
    let requeue: number | null = null;
    for (const pod of pods) {
      if (!pod.ready || pod.readyTransitionTime === null || isRunningAndAvailable(pod, minReady, now)) continue;
      const at = pod.readyTransitionTime + minReady * 1000 + 1000 - now;
      if (at > 0 && (requeue === null || at < requeue)) requeue = at;
    }
    if (requeue !== null && available !== this.set.spec.replicas) requeue = Math.min(requeue, minReady * 1000);
    return requeue;
  }

  /** The pod as the pod lister shows it: its identity (made once) with its current state. */
  private viewOf(pod: SimPod): SetPod {
    const cached = this.views.get(pod);
    if (cached !== undefined && cached.version === pod.version) return cached.view;
    let identity = this.identities.get(pod);
    if (identity === undefined) {
      const ordinal = ordinalOf(pod.name);
      identity = ordinal >= 0 ? { ...newStatefulSetPod(this.set.view(), ordinal), namespace: pod.namespace } : { ...newStatefulSetPod(this.set.view(), 0), name: pod.name };
      this.identities.set(pod, identity);
    }
    const revision = pod.revision === null ? '' : (this.set.nameByRevisionNumber.get(pod.revision) ?? '');
    const view: SetPod = {
      ...identity,
      uid: `pod-${pod.uid}`,
      phase: pod.phase as PodPhase,
      ready: pod.ready,
      readyTransitionTime: pod.ready ? pod.readySince : pod.unreadySince,
      deletionTimestamp: pod.deletionTimestamp,
      revision,
    };
    this.views.set(pod, { version: pod.version, view });
    return view;
  }
}

function deleteReason(cause: string, update: Revision): string {
  switch (cause) {
    case 'failed':
      return 'the pod failed: it is recreated';
    case 'succeeded':
      return 'the pod exited: it is recreated';
    case 'scaleDown':
      return 'scale down';
    default:
      return `rolling update to revision ${update.revision}`;
  }
}
