/**
 * What the StatefulSet controller reads and decides, reduced to the fields its decisions use
 * (pkg/controller/statefulset). Plain data: the table-driven tests build these directly, the simulation
 * builds them from its cluster. Times are milliseconds.
 */

/** The component name events are recorded under (NewStatefulSetController: EventSource{Component: "statefulset-controller"}). */
export const STATEFULSET_CONTROLLER = 'statefulset-controller';

/** apps/v1 StatefulSetRevisionLabel: the pod's revision (the ControllerRevision's name). */
export const STATEFULSET_REVISION_LABEL = 'controller-revision-hash';
/** apps/v1 StatefulSetPodNameLabel: set on every pod (updateIdentity), what identityMatches checks. */
export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps/v1 PodIndexLabel (feature PodIndexLabel, beta and on by default since 1.28). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** stateful_set.go MaxBatchSize: slowStartBatch never runs more than this many calls at once (Parallel). */
export const MAX_BATCH_SIZE = 500;

export type IntOrString = number | string;

export type PodPhase = '' | 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** spec.persistentVolumeClaimRetentionPolicy; Retain for both when nil (getPersistentVolumeClaimRetentionPolicy). */
export interface RetentionPolicy {
  readonly whenDeleted: string;
  readonly whenScaled: string;
}

export interface UpdateStrategy {
  /** RollingUpdate or OnDelete. */
  readonly type: string;
  /** spec.updateStrategy.rollingUpdate is set (the API server defaults it, with partition 0, for RollingUpdate). */
  readonly rollingUpdate: { readonly partition: number; readonly maxUnavailable: IntOrString | null } | null;
}

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** '' when the reference has none. */
  readonly uid: string;
  readonly controller?: boolean;
}

/** The StatefulSet as the control loop sees it. */
export interface StatefulSetView {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly generation: number;
  /** metadata.deletionTimestamp is set. */
  readonly deleting: boolean;
  readonly replicas: number;
  /** spec.ordinals.start (0 when spec.ordinals is nil or the StatefulSetStartOrdinal gate is off). */
  readonly startOrdinal: number;
  readonly serviceName: string;
  /** OrderedReady or Parallel. */
  readonly podManagementPolicy: string;
  readonly updateStrategy: UpdateStrategy;
  readonly minReadySeconds: number;
  /** The names of spec.volumeClaimTemplates, in order. */
  readonly volumeClaimTemplates: readonly string[];
  /** spec.selector.matchLabels (the claims' labels). */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** null = nil. */
  readonly retentionPolicy: RetentionPolicy | null;
  /** status.currentReplicas (newVersionedStatefulSetPod without rollingUpdate). */
  readonly statusCurrentReplicas: number;
}

export interface PodVolume {
  readonly name: string;
  /** persistentVolumeClaim.claimName; null for another volume source. */
  readonly claimName: string | null;
}

/** A pod as the controller's pod lister shows it. */
export interface StatefulPodView {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly volumes: readonly PodVolume[];
  readonly hostname: string;
  readonly subdomain: string;
  /** '' = not created (a pod the controller is about to create). */
  readonly phase: PodPhase;
  /** The Ready condition is True. */
  readonly ready: boolean;
  /** The Ready condition's lastTransitionTime; null = the zero time. */
  readonly readyTransitionTime: number | null;
  readonly deletionTimestamp: number | null;
}

/** A PersistentVolumeClaim as the claim lister shows it. */
export interface ClaimView {
  readonly name: string;
  readonly uid: string;
  readonly ownerReferences: readonly OwnerReference[];
  readonly deleting: boolean;
}

export interface StatefulSetStatus {
  readonly observedGeneration: number;
  readonly replicas: number;
  readonly readyReplicas: number;
  readonly currentReplicas: number;
  readonly updatedReplicas: number;
  readonly availableReplicas: number;
  readonly currentRevision: string;
  readonly updateRevision: string;
  readonly collisionCount: number;
}

export const EMPTY_STATEFULSET_STATUS: StatefulSetStatus = {
  observedGeneration: 0,
  replicas: 0,
  readyReplicas: 0,
  currentReplicas: 0,
  updatedReplicas: 0,
  availableReplicas: 0,
  currentRevision: '',
  updateRevision: '',
  collisionCount: 0,
};

/** The release's controller feature gates (pkg/features/kube_features.go). */
export interface StatefulSetFeatures {
  /** MaxUnavailableStatefulSet: alpha (off) 1.24, beta and on by default in 1.35, off again in 1.36, on from 1.37. */
  readonly maxUnavailableStatefulSet: boolean;
  /** StatefulSetAutoDeletePVC: alpha 1.23, beta and on by default 1.27, GA 1.32. */
  readonly autoDeletePVC: boolean;
  /** StatefulSetStartOrdinal: alpha 1.26, beta and on by default 1.27, GA 1.31. */
  readonly startOrdinal: boolean;
}
