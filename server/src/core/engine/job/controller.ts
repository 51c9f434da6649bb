/**
 * The Job controller as the simulation runs it: its informer handlers (job_controller.go: addPod,
 * updatePod, deletePod, addJob, updateJob) and a sync that snapshots the cluster and calls the pure
 * syncJob decision.
 */
import type { ClusterAction, ClusterChange, ClusterView, SimJob, SimPod } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import { SYNC_JOB_BATCH_PERIOD_MS } from './manageJob';
import { syncJob } from './syncJob';
import type { BackoffRecord, ContainerStatusView, JobFeatures, JobView, PodConditionView, PodView } from './types';

export const JOB_CONTROLLER = 'job-controller';

/**
 * Feature gates by release (their default state): JobPodReplacementPolicy on from 1.29 (beta),
 * JobBackoffLimitPerIndex 1.29, JobSuccessPolicy 1.31, JobManagedBy 1.32; the CompletionsReached reason
 * on the success conditions from 1.31 (not verified to the release).
 */
export function jobFeaturesFor(version: KubernetesVersion): JobFeatures {
  return {
    podReplacementPolicy: isAtLeast(version, 1, 29),
    backoffLimitPerIndex: isAtLeast(version, 1, 29),
    successPolicy: isAtLeast(version, 1, 31),
    managedBy: isAtLeast(version, 1, 32),
    completionsReachedReason: isAtLeast(version, 1, 31),
  };
}

export function backoffKey(job: string): string {
  return `${JOB_CONTROLLER}/${job}`;
}

export class JobController implements Controller {
  readonly name = JOB_CONTROLLER;
  /** backoffKey(name) of the Jobs that exist: a sync reads its backoff record without building the key. */
  private readonly backoffKeys = new Map<string, string>();

  constructor(private readonly features: JobFeatures) {}

  initialKeys(cluster: ClusterView): readonly string[] {
    return [...cluster.jobs()].map((job) => job.name);
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    if (change.kind === 'pod') {
      // addPod / updatePod / deletePod: the owning Job syncs after syncJobBatchPeriod (enqueueSyncJobBatched).
      if (change.pod.owner.kind === 'Job') queue.addAfter(change.pod.owner.name, SYNC_JOB_BATCH_PERIOD_MS);
    } else if (change.kind === 'job' && change.op !== 'deleted') {
      // addJob and spec changes (a new generation) sync at once; status updates are batched (updateJob).
      queue.addAfter(change.job.name, change.op === 'added' || change.specChanged ? 0 : SYNC_JOB_BATCH_PERIOD_MS);
    } else if (change.kind === 'job') {
      this.backoffKeys.delete(change.job.name);
    }
  }

  private backoffKey(job: string): string {
    let key = this.backoffKeys.get(job);
    if (key === undefined) this.backoffKeys.set(job, (key = backoffKey(job)));
    return key;
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const job = cluster.job(key);
    if (job === undefined || job.goneAt !== null) return { actions: [], requeueAfterMs: null };
    const pods: PodView[] = [];
    for (const pod of cluster.trackedPods({ kind: 'Job', name: key })) pods.push(podView(pod));
    const backoff = (cluster.memory(this.backoffKey(key)) as BackoffRecord | undefined) ?? null;
    const result = syncJob({ job: jobView(job), pods, backoff, now, features: this.features });
    const owner = { kind: 'Job', name: key };
    const actions: ClusterAction[] = new Array(result.actions.length);
    for (let i = 0; i < actions.length; i++) {
      const action = result.actions[i];
      switch (action.type) {
        case 'createPod':
          actions[i] = { type: 'createPod', owner, generateName: action.generateName, index: action.index, indexFailureCount: action.indexFailureCount, indexIgnoredFailureCount: action.indexIgnoredFailureCount };
          break;
        case 'deletePod':
        case 'removeFinalizer':
          actions[i] = action;
          break;
        case 'updateStatus':
          actions[i] = { type: 'updateJobStatus', job: key, status: action.status };
          break;
        case 'event':
          actions[i] = { type: 'event', involved: owner, eventType: action.eventType, reason: action.reason, message: action.message };
          break;
        case 'setBackoffRecord':
          actions[i] = { type: 'setMemory', key: this.backoffKey(key), value: action.record };
          break;
      }
    }
    return { actions, requeueAfterMs: result.requeueAfterMs };
  }
}

export function jobView(job: SimJob): JobView {
  return { name: job.name, namespace: job.namespace, spec: job.spec, status: job.status, deleting: job.deletionTimestamp !== null };
}

/**
 * The pod as the Job controller's informer shows it. A live view over the simulated pod: nothing changes
 * a pod while a sync runs (actions are applied after it returns), so reading through is safe, and the
 * container statuses and conditions are only built when a decision asks for them.
 */
export function podView(pod: SimPod): PodView {
  const cached = pod.viewCache;
  if (cached !== null) return cached.view as PodView;
  const view = new LivePodView(pod);
  pod.viewCache = { version: pod.version, view };
  return view;
}

class LivePodView implements PodView {
  readonly name: string;
  readonly uid: string;
  readonly completionIndex: number;
  readonly indexFailureCount: number | null;
  readonly indexIgnoredFailureCount: number | null;
  readonly creationTimestamp: number;
  /** The simulation records the deletion request itself, not request + grace period. */
  readonly deletionGracePeriodSeconds = 0;
  readonly initContainerStatuses: readonly ContainerStatusView[] = NO_CONTAINER_STATUSES;
  /** containerStatuses and conditions as of the pod's version (a sync may read them several times). */
  private statusesVersion = -1;
  private statuses: readonly ContainerStatusView[] = NO_CONTAINER_STATUSES;
  private conditionsVersion = -1;
  private conditionList: readonly PodConditionView[] = [];

  constructor(private readonly pod: SimPod) {
    this.name = pod.name;
    this.uid = String(pod.uid);
    this.completionIndex = pod.index ?? -1;
    this.indexFailureCount = pod.indexFailureCount;
    this.indexIgnoredFailureCount = pod.indexIgnoredFailureCount;
    this.creationTimestamp = pod.createdAt;
  }

  get phase(): PodView['phase'] {
    return this.pod.phase;
  }
  get ready(): boolean {
    return this.pod.ready;
  }
  get readySince(): number | null {
    return this.pod.readySince;
  }
  get nodeName(): string | null {
    return this.pod.nodeName;
  }
  get startTime(): number | null {
    return this.pod.scheduledAt;
  }
  get deletionTimestamp(): number | null {
    return this.pod.deletionTimestamp;
  }
  get hasFinalizer(): boolean {
    return this.pod.hasFinalizer;
  }

  /** The first container carries the runs and restarts; the others stop with the pod, cleanly. */
  get containerStatuses(): readonly ContainerStatusView[] {
    const pod = this.pod;
    if (this.statusesVersion !== pod.version) {
      this.statuses = containerStatuses(pod);
      this.statusesVersion = pod.version;
    }
    return this.statuses;
  }

  /** Control-plane conditions (DisruptionTarget) and Ready. */
  get conditions(): readonly PodConditionView[] {
    const pod = this.pod;
    if (this.conditionsVersion !== pod.version) {
      this.conditionList = podConditions(pod);
      this.conditionsVersion = pod.version;
    }
    return this.conditionList;
  }
}

const NO_CONTAINER_STATUSES: readonly ContainerStatusView[] = [];

function containerStatuses(pod: SimPod): readonly ContainerStatusView[] {
  const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
  const last = pod.runs[pod.runs.length - 1];
  return pod.template.containerNames.map((name, i) => {
    if (i === 0) {
      const terminated = terminal && last !== undefined && last.finishedAt !== null ? { exitCode: last.exitCode ?? 0, finishedAt: last.finishedAt } : null;
      return { name, restartCount: pod.restartCount, terminated };
    }
    const terminated = terminal && last !== undefined && pod.finishedAt !== null ? { exitCode: 0, finishedAt: pod.finishedAt } : null;
    return { name, restartCount: 0, terminated };
  });
}

/** Control-plane conditions (DisruptionTarget) and Ready. */
function podConditions(pod: SimPod): readonly PodConditionView[] {
  const conditions: PodConditionView[] = pod.conditions.map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.at }));
  conditions.push({ type: 'Ready', status: pod.ready ? 'True' : 'False', lastTransitionTime: pod.ready ? pod.readySince : pod.unreadySince });
  return conditions;
}
