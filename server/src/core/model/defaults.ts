/**
 * The API server's defaulting, applied to a decoded object before validation, as the API server does.
 * Sources: pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob),
 * pkg/apis/apps/v1/defaults.go (SetDefaults_DaemonSet, SetDefaults_Deployment, SetDefaults_ReplicaSet,
 * SetDefaults_StatefulSet), pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec).
 * Works on a deep copy: the caller's object is never changed.
 */
import { isAtLeast, type KubernetesVersion } from '../kubernetesVersion';
import { deepCopy } from './deepCopy';
import type { CronJob, DaemonSet, Deployment, Job, JobSpec, PodTemplateSpec, ReplicaSet, StatefulSet, Workload } from './types';

const MAX_INT32 = 2147483647;

/**
 * `version` matters only where a default sits behind a feature gate (a StatefulSet's maxUnavailable);
 * without one the newest behaviour applies.
 */
export function applyDefaults<T extends Workload>(workload: T, version?: KubernetesVersion): T {
  const copy = deepCopy(workload);
  switch (copy.kind) {
    case 'Job':
      defaultJob(copy);
      break;
    case 'CronJob':
      defaultCronJob(copy);
      break;
    case 'DaemonSet':
      defaultDaemonSet(copy);
      break;
    case 'Deployment':
      defaultDeployment(copy);
      break;
    case 'ReplicaSet':
      defaultReplicaSet(copy);
      break;
    case 'StatefulSet':
      defaultStatefulSet(copy, version);
      break;
  }
  return copy;
}

function defaultJob(job: Job): void {
  job.spec ??= {};
  defaultJobSpec(job.spec);
  // SetDefaults_Job: a Job without labels takes its template's labels.
  const templateLabels = job.spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    job.metadata = { ...job.metadata, labels: { ...templateLabels } };
  }
}

function defaultJobSpec(spec: JobSpec): void {
  // Both unset → both 1; completions alone unset stays nil (work-queue mode).
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.manualSelector ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  spec.template ??= {};
  defaultPodTemplate(spec.template);
}

function defaultCronJob(cronJob: CronJob): void {
  cronJob.spec ??= {};
  const spec = cronJob.spec;
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  // The job template's pod spec gets the ordinary defaults (SetObjectDefaults_CronJob); the JobSpec
  // defaults themselves are applied when the controller creates each Job, not to the CronJob.
  spec.jobTemplate ??= {};
  spec.jobTemplate.spec ??= {};
  spec.jobTemplate.spec.template ??= {};
  defaultPodTemplate(spec.jobTemplate.spec.template);
}

function defaultDaemonSet(daemonSet: DaemonSet): void {
  daemonSet.spec ??= {};
  const spec = daemonSet.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ||= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.template ??= {};
  defaultPodTemplate(spec.template);
}

/** SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, 10 old ReplicaSets kept, a 600s progress deadline. */
function defaultDeployment(deployment: Deployment): void {
  deployment.spec ??= {};
  const spec = deployment.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.template ??= {};
  defaultPodTemplate(spec.template);
}

/** SetDefaults_ReplicaSet: 1 replica. */
function defaultReplicaSet(replicaSet: ReplicaSet): void {
  replicaSet.spec ??= {};
  replicaSet.spec.replicas ??= 1;
  replicaSet.spec.template ??= {};
  defaultPodTemplate(replicaSet.spec.template);
}

/**
 * SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0 (and maxUnavailable 1 where the
 * MaxUnavailableStatefulSet gate is on by default; with it off the registry drops a written maxUnavailable on
 * create, dropStatefulSetDisabledFields), PVC retention Retain/Retain (StatefulSetAutoDeletePVC, on by default
 * since 1.27; with it off the registry drops a written policy on create), 1 replica, 10 revisions kept.
 */
function defaultStatefulSet(statefulSet: StatefulSet, version: KubernetesVersion | undefined): void {
  statefulSet.spec ??= {};
  const spec = statefulSet.spec;
  spec.podManagementPolicy ||= 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  const rollingUpdate = spec.updateStrategy.type === 'RollingUpdate' ? spec.updateStrategy.rollingUpdate : undefined;
  const maxUnavailableGate = version === undefined || maxUnavailableStatefulSetOnByDefault(version);
  if (rollingUpdate && !maxUnavailableGate) delete rollingUpdate.maxUnavailable;
  if (rollingUpdate) {
    rollingUpdate.partition ??= 0;
    if (maxUnavailableGate) rollingUpdate.maxUnavailable ??= 1;
  }
  if (version === undefined || autoDeletePVCOnByDefault(version)) {
    spec.persistentVolumeClaimRetentionPolicy ??= {};
    spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
    spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
  } else {
    // Gate off: the registry drops a written policy on create (dropStatefulSetDisabledFields), so it is neither
    // validated nor defaulted and the controller keeps every claim (Retain/Retain).
    delete spec.persistentVolumeClaimRetentionPolicy;
  }
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.template ??= {};
  defaultPodTemplate(spec.template);
}

/**
 * MaxUnavailableStatefulSet: alpha (off) 1.24–1.34; beta and on in 1.35.0–1.35.3 (the engine's 1.35); off again
 * from 1.35.4 and in 1.36 after kubernetes issue 137409 (PR 137904); on again from 1.37 (PR 139466).
 */
function maxUnavailableStatefulSetOnByDefault(version: KubernetesVersion): boolean {
  return (version.major === 1 && version.minor === 35) || isAtLeast(version, 1, 37);
}

/**
 * StatefulSetAutoDeletePVC (pkg/features/kube_features.go): alpha (off) 1.23–1.26, beta and on from 1.27, GA in
 * 1.32.
 */
function autoDeletePVCOnByDefault(version: KubernetesVersion): boolean {
  return isAtLeast(version, 1, 27);
}

/** SetDefaults_PodSpec: the defaults that validation depends on. */
function defaultPodTemplate(template: PodTemplateSpec): void {
  template.spec ??= {};
  const spec = template.spec;
  spec.restartPolicy ||= 'Always';
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
}

