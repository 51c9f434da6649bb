/**
 * One sync of one Deployment, as deployment_controller.go runs it: a working copy of the Deployment (its
 * annotations and status change during the sync, as the Go code changes `d`), the API writes the sync makes
 * in order (ReplicaSet create / update / delete, Deployment status update, events), and the requeue it asks
 * for. The decisions live in sync.ts, rolling.ts, recreate.ts and progress.ts; this file holds the writes
 * they share: scaleReplicaSet and scaleReplicaSetAndRecordEvent (sync.go).
 */
import { type DeploymentStatus, type DeploymentView, type ReplicaSetView } from './types';
import { maxSurge, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util';

export type DeploymentWrite =
  | { readonly type: 'createReplicaSet'; readonly rs: ReplicaSetView }
  | { readonly type: 'updateReplicaSet'; readonly rs: ReplicaSetView }
  | { readonly type: 'deleteReplicaSet'; readonly name: string }
  /** UpdateStatus of the Deployment (with the annotations the sync set: the revision). */
  | { readonly type: 'updateDeployment'; readonly annotations: Readonly<Record<string, string>>; readonly status: DeploymentStatus }
  | { readonly type: 'event'; readonly eventType: 'Normal' | 'Warning'; readonly reason: string; readonly message: string };

export type WorkingDeployment = { -readonly [K in keyof DeploymentView]: DeploymentView[K] } & { annotations: Record<string, string> };

/** ComputeHash(template, collisionCount): the pod-template-hash of a template. */
export type TemplateHasher = (template: Readonly<Record<string, unknown>>, collisionCount: number | null) => string;

export class DeploymentSync {
  readonly d: WorkingDeployment;
  readonly writes: DeploymentWrite[] = [];
  /** queue.AddAfter for this Deployment once the sync returns (the smallest asked for); null for none. */
  requeueAfterMs: number | null = null;
  /** Names of ReplicaSets that exist (created ones included), for name clashes. */
  readonly existingNames: Set<string>;

  constructor(
    d: DeploymentView,
    readonly now: number,
    readonly hash: TemplateHasher,
    existingNames: Iterable<string> = [],
  ) {
    this.d = { ...d, annotations: { ...d.annotations }, status: { ...d.status } };
    this.existingNames = new Set(existingNames);
  }

  requeueAfter(ms: number): void {
    if (this.requeueAfterMs === null || ms < this.requeueAfterMs) this.requeueAfterMs = ms;
  }

  event(reason: string, message: string, eventType: 'Normal' | 'Warning' = 'Normal'): void {
    this.writes.push({ type: 'event', eventType, reason, message });
  }

  /** dc.client.AppsV1().Deployments().UpdateStatus(d). */
  updateStatus(): void {
    this.writes.push({ type: 'updateDeployment', annotations: { ...this.d.annotations }, status: this.d.status });
  }

  /** An Update of a ReplicaSet; the caller has bumped metadata.generation when the spec changed. */
  updateReplicaSet(rs: ReplicaSetView): ReplicaSetView {
    this.writes.push({ type: 'updateReplicaSet', rs });
    return rs;
  }

  /** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
  scaleReplicaSetAndRecordEvent(rs: ReplicaSetView, newScale: number): { readonly scaled: boolean; readonly rs: ReplicaSetView } {
    if (rs.replicas === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, rs.replicas < newScale ? 'up' : 'down');
  }

  /**
   * scaleReplicaSet: write the size and the desired- / max-replicas annotations when either changed; a size
   * change is the ScalingReplicaSet event kubectl describe shows ("Scaled up replica set foo-5d9c7 from 0 to 3").
   */
  scaleReplicaSet(rs: ReplicaSetView, newScale: number, operation: 'up' | 'down' | ''): { readonly scaled: boolean; readonly rs: ReplicaSetView } {
    const sizeNeedsUpdate = rs.replicas !== newScale;
    const desired = this.d.replicas;
    const max = desired + maxSurge(this.d);
    const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs.annotations, desired, max);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const oldScale = rs.replicas;
    const updated: ReplicaSetView = { ...rs, replicas: newScale, annotations: setReplicasAnnotations(rs.annotations, desired, max).annotations, generation: rs.generation + (sizeNeedsUpdate ? 1 : 0) };
    this.writes.push({ type: 'updateReplicaSet', rs: updated });
    if (!sizeNeedsUpdate) return { scaled: false, rs: updated };
    this.event('ScalingReplicaSet', `Scaled ${operation} replica set ${rs.name} from ${oldScale} to ${newScale}`);
    return { scaled: true, rs: updated };
  }
}
