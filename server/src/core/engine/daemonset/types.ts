/**
 * What the DaemonSet controller reads and decides, reduced to the fields its decisions use
 * (pkg/controller/daemon). Plain data: the table-driven tests build these directly from upstream's test
 * fixtures, the simulation builds them from its cluster. Times are milliseconds.
 */
import type { LabelSelector } from '../../model/types';

/** The component name events are recorded under (NewDaemonSetsController: EventSource{Component: "daemonset-controller"}). */
export const DAEMONSET_CONTROLLER = 'daemonset-controller';

/** daemon_controller.go BurstReplicas: at most this many creates and deletes per sync (syncNodes). */
export const BURST_REPLICAS = 250;

/** pkg/controller/controller_utils.go SlowStartInitialBatchSize: syncNodes creates in batches 1, 2, 4, ... */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** apps/v1 DefaultDaemonSetUniqueLabelKey = ControllerRevisionHashLabelKey. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/**
 * kube-controller-manager's startDaemonSetController: flowcontrol.NewBackOff(1*time.Second, 15*time.Minute)
 * for deleting failed daemon pods (podsShouldBeOnNode).
 */
export const FAILED_PODS_BACKOFF_INITIAL_MS = 1_000;
export const FAILED_PODS_BACKOFF_MAX_MS = 15 * 60_000;

/** Event reasons (daemon_controller.go constants). */
export const SELECTING_ALL_REASON = 'SelectingAll';
export const FAILED_DAEMON_POD_REASON = 'FailedDaemonPod';
export const SUCCEEDED_DAEMON_POD_REASON = 'SucceededDaemonPod';

export type IntOrString = number | string;

export interface Toleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
}

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  readonly matchFields?: readonly NodeSelectorRequirement[];
}

/** The parts of the pod template NodeShouldRunDaemonPod looks at (NewPod: the template plus spec.nodeName). */
export interface DaemonPodSpec {
  /** spec.template.spec.nodeName; '' when unset. */
  readonly nodeName: string;
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms; null when absent. */
  readonly requiredNodeSelectorTerms: readonly NodeSelectorTerm[] | null;
  /** As written in the template; the controller's defaults are added by daemonPodTolerations. */
  readonly tolerations: readonly Toleration[];
  readonly hostNetwork: boolean;
}

export interface UpdateStrategy {
  /** RollingUpdate or OnDelete. */
  readonly type: string;
  /** null = nil (rollingUpdate or the field not set). */
  readonly maxUnavailable: IntOrString | null;
  readonly maxSurge: IntOrString | null;
}

export interface DaemonSetView {
  readonly name: string;
  readonly namespace: string;
  /** metadata.uid: part of the failed-pods backoff key. */
  readonly uid: string;
  readonly generation: number;
  /** metadata.deletionTimestamp is set. */
  readonly deleting: boolean;
  /** spec.selector; undefined = nil. */
  readonly selector: LabelSelector | undefined;
  readonly podSpec: DaemonPodSpec;
  readonly updateStrategy: UpdateStrategy;
  readonly minReadySeconds: number;
  readonly revisionHistoryLimit: number;
  /** status.observedGeneration: part of the failed-pods backoff key. */
  readonly observedGeneration: number;
}

export interface NodeView {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** spec.taints, including those the node lifecycle controller derives from conditions. */
  readonly taints: readonly Taint[];
}

export type DaemonPodPhase = '' | 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** A pod as the controller's pod lister shows it. */
export interface DaemonPodView {
  readonly name: string;
  /** Labels other than controller-revision-hash (what the selector is matched against). */
  readonly labels: Readonly<Record<string, string>>;
  /** The controller-revision-hash label; null when the pod has none. */
  readonly hash: string | null;
  /** The controllerRef: this DaemonSet, another controller, or none (an orphan). */
  readonly owner: 'self' | 'other' | null;
  /** spec.nodeName: set once the pod is scheduled ('' before). */
  readonly nodeName: string;
  /** util.GetTargetNodeName: spec.nodeName, else the `metadata.name In [node]` matchField; null when neither. */
  readonly targetNode: string | null;
  /** metadata.creationTimestamp; null = the zero time. */
  readonly creationTimestamp: number | null;
  readonly phase: DaemonPodPhase;
  /** The Ready condition is True. */
  readonly ready: boolean;
  /** The Ready condition's lastTransitionTime; null = the zero time. */
  readonly readyTransitionTime: number | null;
  readonly deletionTimestamp: number | null;
}

export interface DaemonSetStatusCounts {
  readonly desiredNumberScheduled: number;
  readonly currentNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly numberReady: number;
  readonly updatedNumberScheduled: number;
  readonly numberAvailable: number;
  readonly numberUnavailable: number;
}

export interface DaemonSetStatus extends DaemonSetStatusCounts {
  readonly observedGeneration: number;
  /** status.collisionCount; null = nil. */
  readonly collisionCount: number | null;
}

export const EMPTY_DAEMONSET_STATUS: DaemonSetStatus = {
  desiredNumberScheduled: 0,
  currentNumberScheduled: 0,
  numberMisscheduled: 0,
  numberReady: 0,
  updatedNumberScheduled: 0,
  numberAvailable: 0,
  numberUnavailable: 0,
  observedGeneration: 0,
  collisionCount: null,
};

export interface DaemonSetEvent {
  readonly eventType: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** NodeShouldRunDaemonPod's answer for one node. */
export interface Placement {
  /** A daemon pod should be created on the node if it has none. */
  readonly shouldRun: boolean;
  /** A daemon pod already on the node may stay. */
  readonly shouldContinueRunning: boolean;
}
