/**
 * The Deployment and its ReplicaSets as the API server holds them during a run: what kubectl changes (set
 * image, patch, rollout undo), what the controllers write (ReplicaSets, statuses), the informer events those
 * writes cause, and the Timeline's record of them (status history, condition transitions, ReplicaSet sizes).
 * The simulated cluster keeps pods and nodes; these objects live here, next to it.
 */
import type { Cluster, ClusterChange, PodTemplateInfo, SimPod } from '../cluster';
import type { TimelineReplicaSet, TimelineReplicaSetSample } from '../timeline';
import { recordTime } from '../timelineTimes';
import {
  EMPTY_DEPLOYMENT_STATUS,
  POD_TEMPLATE_HASH,
  type DeploymentCondition,
  type DeploymentStatus,
  type DeploymentStrategy,
  type DeploymentView,
  type ReplicaSetStatus,
  type ReplicaSetView,
} from './types';
import { revisionOf } from './util';
import { isRecord } from '../daemonset/object';

export { isRecord };

/**
 * A change to a Deployment or ReplicaSet object (the informers' add / update / delete events). The cluster's
 * change type has no kind for objects it does not hold, so these travel through the same notification path.
 */
export interface AppsChange {
  readonly kind: 'deployment' | 'replicaset';
  readonly op: 'added' | 'updated' | 'deleted';
  readonly name: string;
}

/** A ReplicaSet object with what the Timeline keeps of it. */
export interface ReplicaSetRecord {
  view: ReplicaSetView;
  readonly podTemplate: PodTemplateInfo;
  readonly hash: string | null;
  readonly image: string | null;
  deletedAt: number | null;
  readonly history: TimelineReplicaSetSample[];
}

export interface DeploymentSpecState {
  replicas: number;
  strategy: DeploymentStrategy;
  minReadySeconds: number;
  progressDeadlineSeconds: number | null;
  revisionHistoryLimit: number | null;
  paused: boolean;
  template: Record<string, unknown>;
}

export class AppsObjects {
  readonly replicaSets = new Map<string, ReplicaSetRecord>();
  /** Every ReplicaSet ever created, in order (deleted ones included), for the Timeline. */
  private readonly created: ReplicaSetRecord[] = [];
  generation = 1;
  annotations: Record<string, string>;
  status: DeploymentStatus = EMPTY_DEPLOYMENT_STATUS;
  /** When a scenario `delete` event removed the object (ms); null while it exists. */
  deletedAt: number | null = null;
  /** Pods of the scenario's `existing` state that were Ready before t=0: since when (ms, negative). */
  readonly readySinceBeforeStart = new WeakMap<SimPod, number>();

  constructor(
    private readonly cluster: Cluster,
    readonly kind: 'Deployment' | 'ReplicaSet',
    readonly name: string,
    readonly namespace: string,
    readonly spec: DeploymentSpecState,
    annotations: Readonly<Record<string, string>>,
    private readonly templateInfo: (template: Readonly<Record<string, unknown>>) => PodTemplateInfo,
  ) {
    this.annotations = { ...annotations };
  }

  view(): DeploymentView {
    return { name: this.name, namespace: this.namespace, generation: this.generation, ...this.spec, annotations: this.annotations, status: this.status };
  }

  /** The ReplicaSets that exist, in creation order. */
  liveReplicaSets(): ReplicaSetView[] {
    const out: ReplicaSetView[] = [];
    for (const record of this.replicaSets.values()) out.push(record.view);
    return out;
  }

  notify(kind: AppsChange['kind'], op: AppsChange['op'], name: string): void {
    const change: AppsChange = { kind, op, name };
    this.cluster.hooks.notify(change as unknown as ClusterChange);
  }

  // --- the Deployment ----------------------------------------------------------------------------------

  /**
   * A spec change by kubectl: metadata.generation goes up (registry strategy PrepareForUpdate) and the
   * controller hears of it. The write is one of the object's versions a watch sees (`kubectl rollout status`
   * prints "Waiting for deployment spec update to be observed..." for it), with the status as it was: the
   * observedGeneration stays behind until the controller syncs, which may be much later when
   * kube-controller-manager is down.
   */
  specChanged(now: number): void {
    this.generation++;
    this.cluster.statusHistory.push({ at: recordTime(now), object: this.name, kind: this.kind, status: this.statusJson() });
    if (this.cluster.lastActivity < now) this.cluster.lastActivity = now;
    this.notify('deployment', 'updated', this.name);
  }

  /** UpdateStatus from the controller: the condition transitions and the status go to the Timeline. */
  writeStatus(annotations: Readonly<Record<string, string>>, status: DeploymentStatus, now: number): void {
    const before = this.status.conditions;
    this.annotations = { ...annotations };
    this.status = status;
    for (const condition of status.conditions) {
      const previous = before.find((c) => c.type === condition.type);
      if (previous !== undefined && previous.status === condition.status && previous.reason === condition.reason && previous.message === condition.message) continue;
      this.cluster.conditions.push({ object: this.name, kind: this.kind, type: condition.type, status: condition.status, reason: condition.reason, message: condition.message, at: recordTime(now) });
    }
    this.cluster.statusHistory.push({ at: recordTime(now), object: this.name, kind: this.kind, status: this.statusJson() });
    if (this.cluster.lastActivity < now) this.cluster.lastActivity = now;
    // The Deployment informer's update handler enqueues the Deployment for every update, its own status included.
    this.notify('deployment', 'updated', this.name);
  }

  /** The status as the Timeline records it (times in seconds), with the object's generation and revision for `rollout status`. */
  statusJson(): Record<string, unknown> {
    const s = this.status;
    return {
      observedGeneration: s.observedGeneration,
      replicas: s.replicas,
      updatedReplicas: s.updatedReplicas,
      readyReplicas: s.readyReplicas,
      availableReplicas: s.availableReplicas,
      unavailableReplicas: s.unavailableReplicas,
      conditions: s.conditions.map(conditionJson),
      ...(s.collisionCount !== null ? { collisionCount: s.collisionCount } : {}),
      // Not status fields: metadata.generation, spec.replicas and the revision annotation at that moment.
      generation: this.generation,
      specReplicas: this.spec.replicas,
      revision: revisionOf(this.annotations) ?? 0,
    };
  }

  // --- ReplicaSets -------------------------------------------------------------------------------------

  createReplicaSet(view: ReplicaSetView, now: number): ReplicaSetRecord {
    const labels = labelsOf(view.template);
    const record: ReplicaSetRecord = {
      view,
      podTemplate: this.templateInfo(view.template),
      hash: labels[POD_TEMPLATE_HASH] ?? null,
      image: firstImage(view.template),
      deletedAt: null,
      history: [],
    };
    this.replicaSets.set(view.name, record);
    this.created.push(record);
    this.sample(record, now);
    this.notify('replicaset', 'added', view.name);
    return record;
  }

  /** An Update from the Deployment controller (size, annotations, minReadySeconds). */
  updateReplicaSet(view: ReplicaSetView, now: number): void {
    const record = this.replicaSets.get(view.name);
    if (record === undefined) return;
    // The controller writes the spec and metadata; the status stays the ReplicaSet controller's.
    record.view = { ...view, status: record.view.status };
    this.sample(record, now);
    this.notify('replicaset', 'updated', view.name);
  }

  /** A change by kubectl to a bare ReplicaSet (template, size): the new PodTemplateInfo serves pods created from now on. */
  replaceReplicaSet(view: ReplicaSetView, now: number): void {
    const record = this.replicaSets.get(view.name);
    if (record === undefined) return;
    const replaced: ReplicaSetRecord = { ...record, view, podTemplate: this.templateInfo(view.template), image: firstImage(view.template) };
    this.replicaSets.set(view.name, replaced);
    const i = this.created.indexOf(record);
    if (i !== -1) this.created[i] = replaced;
    this.sample(replaced, now);
    this.notify('replicaset', 'updated', view.name);
  }

  /** The ReplicaSet controller's status write (observedGeneration = metadata.generation). */
  writeReplicaSetStatus(name: string, status: ReplicaSetStatus, now: number): void {
    const record = this.replicaSets.get(name);
    if (record === undefined) return;
    const s = record.view.status;
    if (s.replicas === status.replicas && s.readyReplicas === status.readyReplicas && s.availableReplicas === status.availableReplicas && s.observedGeneration === status.observedGeneration) return;
    record.view = { ...record.view, status };
    this.sample(record, now);
    this.cluster.statusHistory.push({
      at: recordTime(now),
      object: name,
      kind: 'ReplicaSet',
      status: { replicas: status.replicas, readyReplicas: status.readyReplicas, availableReplicas: status.availableReplicas, observedGeneration: status.observedGeneration, specReplicas: record.view.replicas },
    });
    this.notify('replicaset', 'updated', name);
  }

  deleteReplicaSet(name: string, now: number): ReplicaSetRecord | undefined {
    const record = this.replicaSets.get(name);
    if (record === undefined) return undefined;
    record.deletedAt = now;
    this.replicaSets.delete(name);
    if (this.cluster.lastActivity < now) this.cluster.lastActivity = now;
    this.notify('replicaset', 'deleted', name);
    return record;
  }

  private sample(record: ReplicaSetRecord, now: number): void {
    const v = record.view;
    const sample: TimelineReplicaSetSample = {
      at: recordTime(now),
      desired: v.replicas,
      current: v.status.replicas,
      ready: v.status.readyReplicas,
      available: v.status.availableReplicas,
      revision: revisionOf(v.annotations) ?? 0,
    };
    const last = record.history[record.history.length - 1];
    if (last !== undefined && last.at === sample.at) record.history[record.history.length - 1] = sample;
    else if (last === undefined || last.desired !== sample.desired || last.current !== sample.current || last.ready !== sample.ready || last.available !== sample.available || last.revision !== sample.revision) record.history.push(sample);
    if (this.cluster.lastActivity < now) this.cluster.lastActivity = now;
  }

  timelineReplicaSets(): TimelineReplicaSet[] {
    return this.created.map((r) => ({
      name: r.view.name,
      revision: revisionOf(r.view.annotations) ?? 0,
      podTemplateHash: r.hash,
      image: r.image,
      createdAt: recordTime(r.view.createdAt ?? 0),
      deletedAt: r.deletedAt === null ? null : recordTime(r.deletedAt),
      history: r.history,
    }));
  }
}

function conditionJson(c: DeploymentCondition): Record<string, unknown> {
  return {
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastUpdateTime: c.lastUpdateTime === null ? null : recordTime(c.lastUpdateTime),
    lastTransitionTime: c.lastTransitionTime === null ? null : recordTime(c.lastTransitionTime),
  };
}

export function labelsOf(template: Readonly<Record<string, unknown>>): Record<string, string> {
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const labels = isRecord(metadata.labels) ? metadata.labels : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function firstImage(template: Readonly<Record<string, unknown>>): string | null {
  const spec = isRecord(template.spec) ? template.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
  return containers.length > 0 && typeof containers[0].image === 'string' ? containers[0].image : null;
}
