/**
 * The StatefulSet object, its ControllerRevisions and its PersistentVolumeClaims as the API server holds them
 * during a run: what `kubectl` changes (set image, rollout undo, patch), what the controller writes
 * (revisions, claims, status), and the Timeline's record of every status write. The simulated cluster keeps
 * pods and nodes; the StatefulSet and its claims live here, next to it.
 */
import type { Cluster, PodTemplateInfo } from '../cluster';
import { seconds } from '../cluster';
import { applyRevisionWrites, templateOfPatch, templatePatch, type HistoryWrite, type Revision } from '../daemonset/history';
import { podTemplateInfoOf } from '../podTemplateInfo';
import type { TimelineStatus } from '../timeline';
import { hasOwnerRef } from './utils';
import type { OwnerReference, RetentionPolicy, StatefulSetStatus, StatefulSetView, UpdateStrategy } from './types';

/** The parts of the spec a `kubectl patch` may change during a run. */
export interface StatefulSetSpecState {
  replicas: number;
  podManagementPolicy: string;
  updateStrategy: UpdateStrategy;
  minReadySeconds: number;
  revisionHistoryLimit: number;
  retentionPolicy: RetentionPolicy | null;
  startOrdinal: number;
  serviceName: string;
}

export interface StatefulSetInit {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly selectorLabels: Readonly<Record<string, string>>;
  readonly template: Record<string, unknown>;
  readonly volumeClaimTemplates: readonly { readonly name: string; readonly labels: Readonly<Record<string, string>> }[];
  readonly spec: StatefulSetSpecState;
  readonly status: StatefulSetStatus;
}

/** A PersistentVolumeClaim made from a volumeClaimTemplate. */
export interface SimClaim {
  readonly name: string;
  readonly uid: string;
  readonly template: string;
  readonly ordinal: number;
  readonly createdAt: number;
  deletedAt: number | null;
  deletedBy: string | null;
  ownerReferences: readonly OwnerReference[];
  /** metadata.deletionTimestamp is set (the claim lister's view: ClaimView.deleting). */
  deleting: boolean;
}

export class StatefulSetObject {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly selectorLabels: Readonly<Record<string, string>>;
  readonly volumeClaimTemplates: readonly { readonly name: string; readonly labels: Readonly<Record<string, string>> }[];
  readonly spec: StatefulSetSpecState;
  /** metadata.generation: 1 at creation, +1 for every spec change. */
  generation = 1;
  deleting = false;
  /** When a scenario `delete` event removed the object (background propagation: it is gone at once); null while it exists. */
  deletedAt: number | null = null;
  /** Whether the garbage collector has deleted the deleted set's dependents. */
  dependentsCollected = false;
  status: StatefulSetStatus;
  revisions: Revision[] = [];
  /** Every revision number with the revision's name: numbers only grow, so a pod's number names its revision for good. */
  readonly nameByRevisionNumber = new Map<number, string>();
  /** The claims that exist, by name, and every claim made, in order (the Timeline's). */
  readonly claims = new Map<string, SimClaim>();
  readonly claimRecords: SimClaim[] = [];
  /** Bumped whenever a claim is created, deleted or gets new owners. */
  claimsVersion = 0;
  /** Per claim name, the claimsVersion of its last change (creation, deletion, new owners): what one pod's claims last did. */
  readonly claimStamps = new Map<string, number>();
  /** The ordinal of the claim each change was to: entry v - 1 for claimsVersion v (what changed since a version). */
  readonly claimChangeOrdinals: number[] = [];
  /** The claims a pod controls (whenScaled: Delete on a scaled-down pod): the garbage collector watches them. */
  readonly podOwnedClaims = new Set<SimClaim>();
  private templateValue: Record<string, unknown>;
  private templateDataValue: string;
  private readonly templateInfos = new Map<string, PodTemplateInfo>();
  private claimUid = 0;

  constructor(
    init: StatefulSetInit,
    private readonly statusHistory: TimelineStatus[],
  ) {
    this.name = init.name;
    this.namespace = init.namespace;
    this.uid = init.uid;
    this.selectorLabels = init.selectorLabels;
    this.volumeClaimTemplates = init.volumeClaimTemplates;
    this.spec = init.spec;
    this.status = init.status;
    this.templateValue = init.template;
    this.templateDataValue = templatePatch(init.template);
  }

  get template(): Record<string, unknown> {
    return this.templateValue;
  }

  /** getPatch of the current template: what a matching ControllerRevision's data is. */
  get templateData(): string {
    return this.templateDataValue;
  }

  /** A template change through the API: a new generation (the controller makes the revision on its next sync). */
  setTemplate(template: Record<string, unknown>, now: number): boolean {
    const data = templatePatch(template);
    if (data === this.templateDataValue) return false;
    this.templateValue = template;
    this.templateDataValue = data;
    this.generation++;
    this.record(now);
    return true;
  }

  /** Any other spec change (scale, partition, strategy): a new generation. */
  specChanged(now: number): void {
    this.generation++;
    this.record(now);
  }

  view(): StatefulSetView {
    const spec = this.spec;
    return {
      name: this.name,
      namespace: this.namespace,
      uid: this.uid,
      generation: this.generation,
      deleting: this.deleting,
      replicas: spec.replicas,
      startOrdinal: spec.startOrdinal,
      serviceName: spec.serviceName,
      podManagementPolicy: spec.podManagementPolicy,
      updateStrategy: spec.updateStrategy,
      minReadySeconds: spec.minReadySeconds,
      volumeClaimTemplates: this.volumeClaimTemplates.map((t) => t.name),
      selectorLabels: this.selectorLabels,
      retentionPolicy: spec.retentionPolicy,
      statusCurrentReplicas: this.status.currentReplicas,
    };
  }

  applyHistoryWrites(writes: readonly HistoryWrite[]): void {
    applyRevisionWrites(this, writes, this.nameByRevisionNumber, 'name');
  }

  /** What kubelet and the scheduler need from the pods of a revision (its template). */
  templateInfo(revision: Revision): PodTemplateInfo {
    let info = this.templateInfos.get(revision.name);
    if (info === undefined) {
      info = podTemplateInfoOf(templateOfPatch(revision.data));
      this.templateInfos.set(revision.name, info);
    }
    return info;
  }

  /** CreateClaim: the claim exists from now on. */
  addClaim(name: string, template: string, ordinal: number, now: number, ownerReferences: readonly OwnerReference[] = []): SimClaim {
    const claim: SimClaim = { name, uid: `${this.namespace}/${name}/${++this.claimUid}`, template, ordinal, createdAt: now, deletedAt: null, deletedBy: null, ownerReferences, deleting: false };
    this.claims.set(name, claim);
    this.claimRecords.push(claim);
    this.claimStamps.set(name, ++this.claimsVersion);
    this.claimChangeOrdinals.push(ordinal);
    return claim;
  }

  /** The claim is deleted (the garbage collector, once its owner is gone). */
  deleteClaim(claim: SimClaim, now: number, by: string): void {
    if (claim.deletedAt !== null) return;
    claim.deletedAt = now;
    claim.deletedBy = by;
    claim.deleting = true;
    this.claims.delete(claim.name);
    this.podOwnedClaims.delete(claim);
    this.claimStamps.set(claim.name, ++this.claimsVersion);
    this.claimChangeOrdinals.push(claim.ordinal);
  }

  /**
   * The garbage collector after `kubectl delete statefulset/<name>` (background propagation: the set is gone at
   * once, deletedAt): it deletes the set's dependents, the pods and the claims whose ownerReferences name the set
   * — with persistentVolumeClaimRetentionPolicy.whenDeleted: Delete the controller made the set their owner
   * (updateClaimOwnerRefForSetAndPod in stateful_set_utils.go); with Retain they have no such reference and stay.
   */
  collectDependents(cluster: Cluster, now: number): void {
    this.dependentsCollected = true;
    const by = `garbage-collector: owner StatefulSet ${this.name} deleted`;
    for (const pod of cluster.podsOf({ kind: 'StatefulSet', name: this.name })) if (pod.deletionTimestamp === null) cluster.deletePod(pod, now, by);
    for (const claim of [...this.claims.values()]) if (hasOwnerRef(claim.ownerReferences, this)) this.deleteClaim(claim, now, by);
  }

  /** UpdateClaim with new owner references. */
  setClaimOwners(claim: SimClaim, ownerReferences: readonly OwnerReference[]): void {
    claim.ownerReferences = ownerReferences;
    this.claimStamps.set(claim.name, ++this.claimsVersion);
    this.claimChangeOrdinals.push(claim.ordinal);
    if (ownerReferences.some((ref) => ref.kind === 'Pod' && ref.controller === true)) this.podOwnedClaims.add(claim);
    else this.podOwnedClaims.delete(claim);
  }

  writeStatus(status: StatefulSetStatus, now: number): void {
    this.status = status;
    this.record(now);
  }

  /** The status as the Timeline records it, plus the spec fields `kubectl get sts` and `rollout status` read. */
  statusJson(): Record<string, unknown> {
    const s = this.status;
    const rolling = this.spec.updateStrategy.rollingUpdate;
    return {
      observedGeneration: s.observedGeneration,
      replicas: s.replicas,
      readyReplicas: s.readyReplicas,
      currentReplicas: s.currentReplicas,
      updatedReplicas: s.updatedReplicas,
      availableReplicas: s.availableReplicas,
      currentRevision: s.currentRevision,
      updateRevision: s.updateRevision,
      collisionCount: s.collisionCount,
      // Not status fields: metadata.generation and the spec fields at that moment.
      generation: this.generation,
      specReplicas: this.spec.replicas,
      partition: rolling === null ? null : rolling.partition,
    };
  }

  private record(now: number): void {
    this.statusHistory.push({ at: seconds(now), object: this.name, kind: 'StatefulSet', status: this.statusJson() });
  }
}
