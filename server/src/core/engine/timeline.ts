/**
 * Timeline JSON: what `simulate --format json` prints, what the LSP simulate request returns and what the
 * preview webview renders (design §4.3). A contract: fields are only ever added. This file imports nothing,
 * so the webview bundle can import it as it is.
 *
 * Every time is in seconds since `startTime` (negative for things that happened before the run started,
 * such as a pasted Job's `status.startTime`). `null` means "did not happen during the run".
 * Lists are in the order things happened; the kubectl-style views are derived from them, never recomputed.
 */

export const TIMELINE_SCHEMA_VERSION = 1;

export interface Timeline {
  readonly schemaVersion: number;
  /** The simulated object. */
  readonly object: TimelineObjectRef;
  /** RFC 3339 wall clock at t = 0 (the scenario's startTime). */
  readonly startTime: string;
  /** RFC 3339 wall clock where the run stopped. */
  readonly endTime: string;
  /** endTime - startTime, in seconds. */
  readonly duration: number;
  /** True when the run hit a bound (horizon, event cap, pod cap) before the object was done. */
  readonly truncated: boolean;
  readonly stopReason: TimelineStopReason;
  /** Why the run stopped, in a sentence (also why nothing happens when an unfinished object waits for nothing, e.g. parallelism 0); null when it simply ran to its natural end. */
  readonly message: string | null;
  /** The seed that drew pod names and random failures. */
  readonly seed: number;
  /** The object's spec after the API server's defaulting, as the controllers saw it. */
  readonly effectiveSpec: Readonly<Record<string, unknown>>;
  /**
   * What each pod requests, as the scheduler counts it: the pod template's cpu (millicores) and memory (bytes)
   * requests — a limit without a request counts as the request, the containers add up, an init container needs
   * at least its own. null when the template requests neither. The footprint chart multiplies it by the pods running.
   */
  readonly podRequests?: TimelinePodRequests | null;
  readonly pods: readonly TimelinePod[];
  /** The simulated Job itself, or the Jobs a CronJob created. */
  readonly jobs: readonly TimelineJob[];
  /** Condition transitions of the simulated objects, in order. */
  readonly conditions: readonly TimelineCondition[];
  /** Kubernetes events (`kubectl describe` / `kubectl get events`), in order. */
  readonly events: readonly TimelineEvent[];
  /** The object's status at the end of the run (for a Job: active, ready, succeeded, failed, ...). */
  readonly status: Readonly<Record<string, unknown>>;
  /** Every status the controllers wrote, for views at any time t. */
  readonly statusHistory: readonly TimelineStatus[];
  readonly nodes: readonly TimelineNode[];
  /** The scenario's events (node added, pod deleted, suspend, controller down...), for markers on the time axis. */
  readonly markers: readonly TimelineMarker[];
  /** Assumptions the run made and behaviours it does not model, in plain sentences. */
  readonly notes: readonly string[];
  /** StatefulSets: the PersistentVolumeClaims made from spec.volumeClaimTemplates, in the order they were created. */
  readonly persistentVolumeClaims?: readonly TimelinePersistentVolumeClaim[];
  /** Deployments (and a bare ReplicaSet): every ReplicaSet, in the order it was created, with its sizes over time. */
  readonly replicaSets?: readonly TimelineReplicaSet[];
  /**
   * When the scenario's `delete: true` deleted the simulated object itself (`kubectl delete <kind>/<name>`): from
   * then on kubectl finds no such object. Absent when it was not deleted (its dependents may go later, when the
   * garbage collector runs: see their own deletedAt).
   */
  readonly objectDeletedAt?: number;
}

export interface TimelineReplicaSet {
  /** `<deployment>-<pod-template-hash>`. */
  readonly name: string;
  /** The deployment.kubernetes.io/revision annotation at the end of the run (a rollback renumbers a revision). */
  readonly revision: number;
  /** The pod-template-hash label (null for a bare ReplicaSet). */
  readonly podTemplateHash: string | null;
  /** The first container's image, for telling revisions apart. */
  readonly image: string | null;
  /** Seconds; negative for one that existed before the run. */
  readonly createdAt: number;
  /** When the Deployment controller deleted it (revisionHistoryLimit); null while it exists. */
  readonly deletedAt: number | null;
  /** Every change of its size or counts, in order: what `kubectl get rs` shows from `at` on. */
  readonly history: readonly TimelineReplicaSetSample[];
}

export interface TimelineReplicaSetSample {
  readonly at: number;
  /** spec.replicas (DESIRED). */
  readonly desired: number;
  /** status.replicas (CURRENT). */
  readonly current: number;
  /** status.readyReplicas (READY). */
  readonly ready: number;
  /** status.availableReplicas. */
  readonly available: number;
  readonly revision: number;
}

export interface TimelinePersistentVolumeClaim {
  /** `<template>-<set>-<ordinal>`. */
  readonly name: string;
  /** The volumeClaimTemplate it was made from, and the ordinal of the pod it is for. */
  readonly template: string;
  readonly ordinal: number;
  readonly created: number;
  /** When it was deleted (the retention policy's Delete, by the garbage collector); null while it exists. */
  readonly deleted: number | null;
  /** Who deleted it and why; null when not deleted. */
  readonly deletedBy: string | null;
}

export interface TimelinePodRequests {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

export type TimelineStopReason =
  /** Nothing was left to happen: the object finished (or waits for nothing). */
  | 'finished'
  /** The scenario's `until` was reached. */
  | 'until'
  /** The default horizon was reached without an `until`. */
  | 'horizon'
  /** The event cap was reached. */
  | 'maxEvents'
  /** The pod cap was reached. */
  | 'maxPods';

export interface TimelineObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

export type TimelinePodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface TimelinePod {
  readonly name: string;
  /** The owning Job's name (null for pods not owned by a Job, such as DaemonSet pods). */
  readonly job: string | null;
  readonly owner: TimelineObjectRef;
  /** The node it was bound to; null while (or if) it was never scheduled. */
  readonly node: string | null;
  /** Indexed Jobs: the completion index. */
  readonly index: number | null;
  /** Indexed Jobs: 1 for the first pod of an index, 2 for its first replacement, ... */
  readonly attempt: number | null;
  /** DaemonSets: the template revision the pod was created from; Deployments: its ReplicaSet's revision when the pod was created. */
  readonly revision: number | null;
  readonly createdAt: number;
  readonly scheduledAt: number | null;
  /** The first container start. */
  readonly startedAt: number | null;
  /** The first time the pod became Ready. */
  readonly readyAt: number | null;
  /** When the pod reached a terminal phase (Succeeded or Failed). */
  readonly finishedAt: number | null;
  /** When deletion was requested (metadata.deletionTimestamp). */
  readonly deletedAt: number | null;
  /** When the object disappeared from the API (finalizers removed after deletion, or never deleted: null). */
  readonly goneAt: number | null;
  /** Who deleted it and why, e.g. "job-controller: BackoffLimitExceeded"; null when not deleted. */
  readonly deletedBy: string | null;
  /** The phase at the end of the run. */
  readonly phase: TimelinePodPhase;
  /** The exit code of the last container run; null if none finished. */
  readonly exitCode: number | null;
  /** status.reason for pod-level causes (DeadlineExceeded); null otherwise (the container's reason is in `runs`). */
  readonly reason: string | null;
  /** Containers in the pod template (the READY column's denominator). */
  readonly containers: number;
  /** Container restarts (restartPolicy OnFailure / Always). */
  readonly restarts: number;
  /** Every run of the (first) container, in order. */
  readonly runs: readonly TimelineContainerRun[];
  /** Pod conditions set by the control plane, e.g. DisruptionTarget when the pod's node was removed. */
  readonly conditions: readonly TimelinePodCondition[];
}

export interface TimelineContainerRun {
  readonly startedAt: number;
  readonly readyAt: number | null;
  readonly finishedAt: number | null;
  readonly exitCode: number | null;
  /** Completed, Error, or why it was stopped. */
  readonly reason: string | null;
}

export interface TimelinePodCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly at: number;
}

export type TimelineJobResult = 'Complete' | 'Failed' | 'Replaced' | 'Running' | 'Suspended' | 'Deleted';

export interface TimelineJob {
  readonly name: string;
  /** CronJobs: the schedule time this Job was created for (RFC 3339); null for a plain Job. */
  readonly scheduledTime: string | null;
  readonly createdAt: number;
  /** status.startTime (the last one, after a resume). */
  readonly startedAt: number | null;
  /** When the Complete or Failed condition was set. */
  readonly finishedAt: number | null;
  /** When the Job was deleted (ttlSecondsAfterFinished, history limits, Replace). */
  readonly deletedAt: number | null;
  readonly result: TimelineJobResult;
  /** The terminal condition's reason: CompletionsReached, BackoffLimitExceeded, DeadlineExceeded, ... */
  readonly reason: string | null;
  readonly message: string | null;
  /** spec.completions (null for a work-queue Job) and spec.parallelism, for the COMPLETIONS column. */
  readonly completions?: number | null;
  readonly parallelism?: number;
}

export interface TimelineCondition {
  /** The object's name. */
  readonly object: string;
  readonly kind: string;
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly at: number;
}

export interface TimelineEvent {
  readonly at: number;
  /** The involved object's name. */
  readonly object: string;
  readonly kind: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  /** The component that recorded it: job-controller, kubelet, default-scheduler, ... */
  readonly source: string;
}

export interface TimelineStatus {
  readonly at: number;
  readonly object: string;
  readonly kind: string;
  /** The status fields after this write; times inside are seconds since startTime. */
  readonly status: Readonly<Record<string, unknown>>;
}

export interface TimelineNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly { readonly key: string; readonly value?: string; readonly effect: string }[];
  readonly unschedulable: boolean;
  readonly ready: boolean;
  readonly addedAt: number;
  readonly removedAt: number | null;
}

export interface TimelineMarker {
  readonly at: number;
  /** The scenario event's kind: addNode, removeNode, deletePod, suspend, resume, setImage, rollback, patch, delete, controllerDown, controllerUp; or a CronJob's skippedRun / missedRun. */
  readonly kind: string;
  readonly description: string;
  /**
   * skippedRun and missedRun only: how many schedule times the marker stands for (1 for a single run). When
   * more than 10,000 times were passed over, only the first 10,000 are counted (the description says "more than").
   */
  readonly count?: number;
}
