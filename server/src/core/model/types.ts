/**
 * The typed shape of the workloads k8s-dryrun understands, after decoding (so every present field has
 * the right type) and defaulting. Only the fields the rules and the engine read; the schema knows the rest.
 */
export type WorkloadKind = 'Job' | 'CronJob' | 'DaemonSet' | 'Deployment' | 'ReplicaSet' | 'StatefulSet';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'];

/** The apps/v1 kinds that run a number of replicas of one pod template. */
export type ReplicatedKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet';

export function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly (string | undefined)[]).includes(kind);
}

export type Labels = Record<string, string>;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  restartPolicy?: string;
}

export interface PodSpec {
  restartPolicy?: string;
  containers?: Container[];
  initContainers?: Container[];
  activeDeadlineSeconds?: number;
  nodeSelector?: Labels;
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  podFailurePolicy?: unknown;
  successPolicy?: unknown;
  selector?: LabelSelector;
  manualSelector?: boolean;
  template?: PodTemplateSpec;
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  podReplacementPolicy?: string;
  managedBy?: string;
}

export interface Job {
  apiVersion?: string;
  kind: 'Job';
  metadata?: ObjectMeta;
  spec?: JobSpec;
}

export interface CronJobSpec {
  schedule?: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: string;
  suspend?: boolean;
  jobTemplate?: { metadata?: ObjectMeta; spec?: JobSpec };
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
}

export interface CronJob {
  apiVersion?: string;
  kind: 'CronJob';
  metadata?: ObjectMeta;
  spec?: CronJobSpec;
}

export interface RollingUpdateDaemonSet {
  maxUnavailable?: number | string;
  maxSurge?: number | string;
}

export interface DaemonSetSpec {
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  updateStrategy?: { type?: string; rollingUpdate?: RollingUpdateDaemonSet };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

export interface DaemonSet {
  apiVersion?: string;
  kind: 'DaemonSet';
  metadata?: ObjectMeta;
  spec?: DaemonSetSpec;
}

export interface RollingUpdateDeployment {
  maxUnavailable?: number | string;
  maxSurge?: number | string;
}

export interface DeploymentSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  strategy?: { type?: string; rollingUpdate?: RollingUpdateDeployment };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}

export interface Deployment {
  apiVersion?: string;
  kind: 'Deployment';
  metadata?: ObjectMeta;
  spec?: DeploymentSpec;
}

export interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
}

export interface ReplicaSet {
  apiVersion?: string;
  kind: 'ReplicaSet';
  metadata?: ObjectMeta;
  spec?: ReplicaSetSpec;
}

export interface PersistentVolumeClaimTemplate {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

export interface StatefulSetSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[];
  serviceName?: string;
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
  ordinals?: { start?: number };
}

export interface StatefulSet {
  apiVersion?: string;
  kind: 'StatefulSet';
  metadata?: ObjectMeta;
  spec?: StatefulSetSpec;
}

export type ReplicatedWorkload = Deployment | ReplicaSet | StatefulSet;

export type Workload = Job | CronJob | DaemonSet | ReplicatedWorkload;
