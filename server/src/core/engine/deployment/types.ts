/**
 * The Deployment and its ReplicaSets as the Deployment controller reads them (apps/v1 Deployment,
 * ReplicaSet), reduced to what pkg/controller/deployment decides on. Times are simulation milliseconds.
 */

/** intstr.IntOrString: a count or a percentage such as "25%". */
export type IntOrString = number | string;

export const ROLLING_UPDATE = 'RollingUpdate';
export const RECREATE = 'Recreate';

export interface DeploymentStrategy {
  /** RollingUpdate or Recreate. */
  readonly type: string;
  /** RollingUpdate only (null when absent, e.g. for Recreate). */
  readonly maxSurge: IntOrString | null;
  readonly maxUnavailable: IntOrString | null;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface DeploymentCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  readonly lastUpdateTime: number | null;
  readonly lastTransitionTime: number | null;
}

export interface DeploymentStatus {
  readonly observedGeneration: number;
  readonly replicas: number;
  readonly updatedReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly unavailableReplicas: number;
  readonly conditions: readonly DeploymentCondition[];
  readonly collisionCount: number | null;
}

export const EMPTY_DEPLOYMENT_STATUS: DeploymentStatus = {
  observedGeneration: 0,
  replicas: 0,
  updatedReplicas: 0,
  readyReplicas: 0,
  availableReplicas: 0,
  unavailableReplicas: 0,
  conditions: [],
  collisionCount: null,
};

export interface DeploymentView {
  readonly name: string;
  readonly namespace: string;
  readonly generation: number;
  /** spec.replicas (defaulted to 1). */
  readonly replicas: number;
  readonly strategy: DeploymentStrategy;
  readonly minReadySeconds: number;
  /** spec.progressDeadlineSeconds; null (or MaxInt32) means no deadline. */
  readonly progressDeadlineSeconds: number | null;
  /** spec.revisionHistoryLimit; null means keep every old ReplicaSet. */
  readonly revisionHistoryLimit: number | null;
  readonly paused: boolean;
  readonly annotations: Readonly<Record<string, string>>;
  readonly template: Readonly<Record<string, unknown>>;
  readonly status: DeploymentStatus;
}

export interface ReplicaSetStatus {
  readonly replicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly observedGeneration: number;
}

export const EMPTY_REPLICASET_STATUS: ReplicaSetStatus = { replicas: 0, readyReplicas: 0, availableReplicas: 0, observedGeneration: 0 };

export interface ReplicaSetView {
  readonly name: string;
  readonly uid: string;
  /** metadata.creationTimestamp (ms); null for the zero time. */
  readonly createdAt: number | null;
  readonly generation: number;
  readonly deleting: boolean;
  /** spec.replicas. */
  readonly replicas: number;
  readonly minReadySeconds: number;
  readonly annotations: Readonly<Record<string, string>>;
  /** spec.template, with the pod-template-hash label. */
  readonly template: Readonly<Record<string, unknown>>;
  readonly status: ReplicaSetStatus;
}

/** apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** deployment_util.go annotation keys. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** apps.DeprecatedRollbackTo. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';

/** deployment_util.go condition reasons. */
export const REASONS = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
export const REPLICASET_CONTROLLER = 'replicaset-controller';

/** math.MaxInt32: progressDeadlineSeconds and revisionHistoryLimit at this value mean "none" (HasProgressDeadline). */
export const MAX_INT32 = 2147483647;
