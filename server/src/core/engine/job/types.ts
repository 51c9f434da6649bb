/**
 * What the Job controller reads and writes, reduced to the fields its decisions use. Times are
 * simulated milliseconds (see ../time.ts). These are plain data: the table-driven tests build them
 * directly, the simulation builds them from its cluster.
 */

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface JobCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  readonly lastTransitionTime: number;
}

export interface JobStatus {
  readonly active: number;
  /** Set by every sync; null on a Job the controller has not synced yet. */
  readonly ready: number | null;
  readonly succeeded: number;
  readonly failed: number;
  /** Pods with a deletionTimestamp that have not finished (JobPodReplacementPolicy); null when not tracked. */
  readonly terminating: number | null;
  /** Indexed Jobs: e.g. "1,3-5"; '' when none. */
  readonly completedIndexes: string;
  /** Indexed Jobs with backoffLimitPerIndex: failed indexes; null otherwise. */
  readonly failedIndexes: string | null;
  readonly startTime: number | null;
  readonly completionTime: number | null;
  readonly conditions: readonly JobCondition[];
}

export const EMPTY_JOB_STATUS: JobStatus = {
  active: 0,
  ready: null,
  succeeded: 0,
  failed: 0,
  terminating: null,
  completedIndexes: '',
  failedIndexes: null,
  startTime: null,
  completionTime: null,
  conditions: [],
};

export interface OnExitCodesRequirement {
  readonly containerName?: string;
  readonly operator: string;
  readonly values: readonly number[];
}

export interface OnPodConditionsPattern {
  readonly type: string;
  readonly status: string;
}

export interface PodFailurePolicyRule {
  /** FailJob, FailIndex, Ignore or Count. */
  readonly action: string;
  readonly onExitCodes?: OnExitCodesRequirement;
  readonly onPodConditions?: readonly OnPodConditionsPattern[];
}

export interface PodFailurePolicy {
  readonly rules: readonly PodFailurePolicyRule[];
}

export interface SuccessPolicyRule {
  readonly succeededIndexes?: string;
  readonly succeededCount?: number;
}

export interface SuccessPolicy {
  readonly rules: readonly SuccessPolicyRule[];
}

/** A Job's spec after the API server's defaulting (model/defaults.ts). */
export interface JobSpecView {
  readonly parallelism: number;
  /** null: a work-queue Job (completions unset). */
  readonly completions: number | null;
  readonly backoffLimit: number;
  readonly backoffLimitPerIndex: number | null;
  readonly maxFailedIndexes: number | null;
  /** NonIndexed or Indexed (anything else is skipped, as upstream does). */
  readonly completionMode: string;
  readonly suspend: boolean;
  readonly activeDeadlineSeconds: number | null;
  /** TerminatingOrFailed or Failed; null when the API server did not default it (feature off). */
  readonly podReplacementPolicy: string | null;
  readonly podFailurePolicy: PodFailurePolicy | null;
  readonly successPolicy: SuccessPolicy | null;
  /** The pod template's restartPolicy: Never or OnFailure. */
  readonly restartPolicy: string;
  readonly managedBy: string | null;
  readonly ttlSecondsAfterFinished: number | null;
}

export interface JobView {
  readonly name: string;
  readonly namespace: string;
  readonly spec: JobSpecView;
  readonly status: JobStatus;
  /** metadata.deletionTimestamp is set. */
  readonly deleting: boolean;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface ContainerStatusView {
  readonly name: string;
  readonly restartCount: number;
  /** state.terminated, when the container's current state is terminated. */
  readonly terminated: { readonly exitCode: number; readonly finishedAt: number | null } | null;
}

export interface PodConditionView {
  readonly type: string;
  readonly status: string;
  readonly lastTransitionTime: number | null;
}

/** A pod as the Job controller's informer shows it. */
export interface PodView {
  readonly name: string;
  readonly uid: string;
  readonly phase: PodPhase;
  /** The Ready condition is True. */
  readonly ready: boolean;
  /** lastTransitionTime of Ready=True. */
  readonly readySince: number | null;
  readonly nodeName: string | null;
  readonly startTime: number | null;
  readonly creationTimestamp: number | null;
  readonly deletionTimestamp: number | null;
  readonly deletionGracePeriodSeconds: number;
  /** Carries the batch.kubernetes.io/job-tracking finalizer (not counted in the Job's status yet). */
  readonly hasFinalizer: boolean;
  /** The batch.kubernetes.io/job-completion-index annotation; -1 when absent or invalid. */
  readonly completionIndex: number;
  /** batch.kubernetes.io/job-index-failure-count; null when absent. */
  readonly indexFailureCount: number | null;
  /** batch.kubernetes.io/job-index-ignored-failure-count; null when absent. */
  readonly indexIgnoredFailureCount: number | null;
  readonly containerStatuses: readonly ContainerStatusView[];
  readonly initContainerStatuses: readonly ContainerStatusView[];
  readonly conditions: readonly PodConditionView[];
}

/** The per-Job record of backoff_utils.go (failures since the last success, and when the last one finished). */
export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime: number | null;
}

/**
 * Feature gates the Job controller's behaviour depends on. Defaults follow the Kubernetes version
 * (see jobFeaturesFor); tests set them per case as the upstream tests do.
 */
export interface JobFeatures {
  /** JobPodReplacementPolicy: status.terminating, podReplacementPolicy, delayed terminal conditions. */
  readonly podReplacementPolicy: boolean;
  /** JobManagedBy: spec.managedBy, delayed terminal conditions. */
  readonly managedBy: boolean;
  /** JobSuccessPolicy. */
  readonly successPolicy: boolean;
  /** JobBackoffLimitPerIndex. */
  readonly backoffLimitPerIndex: boolean;
  /** Newer releases give the success conditions reason CompletionsReached; older ones leave it empty. */
  readonly completionsReachedReason: boolean;
}

export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

/** What one sync of the Job controller asks for, in the order upstream does it. */
export type JobAction =
  /** podControl.CreatePodsWithGenerateName; the pod control records SuccessfulCreate "Created pod: <name>". */
  | {
      readonly type: 'createPod';
      /** Indexed Jobs: the completion index (annotation, label, hostname <job>-<index>). */
      readonly index: number | null;
      /** metadata.generateName: "<job>-" or "<job>-<index>-". */
      readonly generateName: string;
      /** backoffLimitPerIndex: the job-index-failure-count / ignored-failure-count annotations. */
      readonly indexFailureCount: number | null;
      readonly indexIgnoredFailureCount: number | null;
    }
  /**
   * A pod deletion. deleteJobPods (excess pods, suspend) removes the tracking finalizer first so the pod
   * is not counted as failed; deleteActivePods (the Job failed) keeps it. Records SuccessfulDelete.
   */
  | { readonly type: 'deletePod'; readonly pod: string; readonly removeFinalizer: boolean; readonly reason: string }
  /** The pod was counted in status: its batch.kubernetes.io/job-tracking finalizer goes. */
  | { readonly type: 'removeFinalizer'; readonly pod: string }
  | { readonly type: 'updateStatus'; readonly status: JobStatus }
  | { readonly type: 'event'; readonly eventType: 'Normal' | 'Warning'; readonly reason: string; readonly message: string }
  /** The controller's in-memory backoff store (null removes the record). */
  | { readonly type: 'setBackoffRecord'; readonly record: BackoffRecord | null };

export interface JobSyncInput {
  readonly job: JobView;
  /** The Job's pods that still matter: active, terminating, or carrying the tracking finalizer. */
  readonly pods: readonly PodView[];
  readonly backoff: BackoffRecord | null;
  /** ControllerExpectations: false while creations or deletions of the last sync are not observed yet. */
  readonly satisfiedExpectations?: boolean;
  readonly now: number;
  readonly features: JobFeatures;
}

export interface JobSyncResult {
  readonly actions: readonly JobAction[];
  /** When to sync this Job again (queue.AddAfter); null when only events should wake it. */
  readonly requeueAfterMs: number | null;
  /** The status after this sync (the same object as the input's when nothing changed). */
  readonly status: JobStatus;
  /** The slow-start batch sizes pods were created in: 1, 2, 4, ... */
  readonly createBatches: readonly number[];
}
