/**
 * The API server's defaulting, applied to a decoded object before validation, as the API server does.
 * Sources: pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob),
 * pkg/apis/apps/v1/defaults.go (SetDefaults_DaemonSet), pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec).
 * Works on a deep copy: the caller's object is never changed.
 */
import { deepCopy } from './deepCopy';
import type { CronJob, DaemonSet, Job, JobSpec, PodTemplateSpec, Workload } from './types';

const MAX_INT32 = 2147483647;

export function applyDefaults<T extends Workload>(workload: T): T {
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

/** SetDefaults_PodSpec: the defaults that validation depends on. */
function defaultPodTemplate(template: PodTemplateSpec): void {
  template.spec ??= {};
  const spec = template.spec;
  spec.restartPolicy ||= 'Always';
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
}

