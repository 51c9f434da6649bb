/**
 * A Job enters the simulation: its defaulted spec, its status as `kubectl get -o yaml` printed it (the
 * starting state), and the two controllers that act on it: the Job controller and the TTL-after-finished
 * controller.
 */
import type { Job, JobSpec, PodTemplateSpec } from '../../model/types';
import type { PodTemplateInfo, SimJob, Toleration } from '../cluster';
import { seconds } from '../cluster';
import { objectNameOf } from '../longRunningSetup';
import { parseRfc3339 } from '../time';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { JobController } from './controller';
import { firstPendingIndexes, merge, parseIndexes } from './indexes';
import { podGenerateNameWithIndex } from './manageJob';
import { isJobFinished } from './syncJob';
import { TtlAfterFinishedController } from './ttlAfterFinished';
import type { ConditionStatus, JobCondition, JobSpecView, JobStatus, PodFailurePolicy, SuccessPolicy } from './types';
import { EMPTY_JOB_STATUS, JOB_CONTROLLER_NAME } from './types';
import { engineText } from '../engineText';

export const jobSimulator: WorkloadSimulator = {
  kind: 'Job',
  setup(context: WorkloadContext): WorkloadRun {
    const job = context.object as Job;
    const spec = job.spec ?? {};
    const metadata = job.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const specView = jobSpecView(spec);
    const template = podTemplateInfo(spec.template);
    const raw = context.raw;
    const startEpochMs = context.scenario.startEpochMs;
    const status = jobStatusFromManifest(isObject(raw.status) ? raw.status : {}, startEpochMs, context);
    const createdAt = isObject(raw.metadata) && typeof raw.metadata.creationTimestamp === 'string' ? relative(raw.metadata.creationTimestamp, startEpochMs) : undefined;
    const simJob = context.cluster.addJob({ name, namespace, owner: null, scheduledTime: null, spec: specView, status, template, createdAt: createdAt ?? 0 }, 0);

    context.cluster.note(engineText.t(context.cluster.locale, 'jobTiming'));
    if (context.jobFeatures.managedBy && specView.managedBy !== null && specView.managedBy !== JOB_CONTROLLER_NAME) {
      context.cluster.note(engineText.t(context.cluster.locale, 'jobManagedBy', { managedBy: specView.managedBy }));
    }
    if (isJobFinished(status)) {
      context.cluster.note(engineText.t(context.cluster.locale, 'jobFinished'));
    } else if (status.active > 0) {
      addPreexistingPods(context, simJob, status.active);
    }
    if (specView.podFailurePolicy?.rules.some((r) => r.onPodConditions !== undefined)) {
      context.cluster.note(engineText.t(context.cluster.locale, 'jobPodConditions'));
    }

    return {
      object: { kind: 'Job', name, namespace },
      effectiveSpec: effectiveSpec(spec),
      controllers: [new JobController(context.jobFeatures), new TtlAfterFinishedController()],
      applyEvent(event, now) {
        const current = context.cluster.job(name);
        switch (event.type) {
          case 'suspend':
            if (current === undefined) return { note: engineText.t(context.cluster.locale, 'jobGone', { time: seconds(now) }) };
            if (current.spec.suspend === event.suspend) return { marker: engineText.t(context.cluster.locale, 'suspendUnchangedMarker', { value: String(event.suspend) }) };
            context.cluster.updateJobSpec(current, { ...current.spec, suspend: event.suspend });
            return { marker: event.suspend ? 'kubectl patch: spec.suspend=true' : 'kubectl patch: spec.suspend=false' };
          case 'setImage':
            return { note: engineText.t(context.cluster.locale, 'ignoredJobTemplate') };
          case 'rollback':
            return { note: engineText.t(context.cluster.locale, 'ignoredNoRevisions', { kind: 'Job' }) };
          default:
            return {};
        }
      },
      idleReason() {
        const job = context.cluster.job(name);
        if (job === undefined || isJobFinished(job.status)) return undefined;
        if (job.spec.suspend) return engineText.t(context.cluster.locale, 'jobSuspended', { name });
        if (job.spec.parallelism === 0) return engineText.t(context.cluster.locale, 'jobParallelismZero', { name });
        return undefined;
      },
      finalStatus() {
        return statusJson(context.cluster.job(name)?.status ?? simJob.status);
      },
    };
  },
};

/**
 * Pods the manifest's status.active counts already exist in the cluster. The simulation does not know
 * their age, so it assumes they start at t=0 (their behaviour comes from the scenario like any pod's).
 */
function addPreexistingPods(context: WorkloadContext, job: SimJob, count: number): void {
  const indexed = job.spec.completionMode === 'Indexed';
  const completions = job.spec.completions ?? 0;
  const limit = Math.min(count, 10_000);
  let indexes: number[] = [];
  if (indexed) {
    const taken = merge(parseIndexes(job.status.completedIndexes, completions), parseIndexes(job.status.failedIndexes ?? '', completions));
    indexes = firstPendingIndexes(taken, limit, completions);
  }
  const n = indexed ? indexes.length : limit;
  for (let i = 0; i < n; i++) {
    const index = indexed ? indexes[i] : null;
    const pod = context.kubelet.createPod(
      {
        type: 'createPod',
        owner: { kind: 'Job', name: job.name },
        generateName: index === null ? `${job.name}-` : podGenerateNameWithIndex(job.name, index),
        index,
        indexFailureCount: job.spec.backoffLimitPerIndex !== null && index !== null ? 0 : null,
        indexIgnoredFailureCount: null,
      },
      0,
    );
    if (pod !== null) context.kubelet.place(pod, null, 0);
  }
  context.cluster.note(engineText.t(context.cluster.locale, 'jobPreexisting', { count }));
}

export function jobSpecView(spec: JobSpec): JobSpecView {
  return {
    parallelism: spec.parallelism ?? 1,
    completions: spec.completions ?? null,
    backoffLimit: spec.backoffLimit ?? 6,
    backoffLimitPerIndex: spec.backoffLimitPerIndex ?? null,
    maxFailedIndexes: spec.maxFailedIndexes ?? null,
    completionMode: spec.completionMode ?? 'NonIndexed',
    suspend: spec.suspend ?? false,
    activeDeadlineSeconds: spec.activeDeadlineSeconds ?? null,
    podReplacementPolicy: spec.podReplacementPolicy ?? null,
    podFailurePolicy: podFailurePolicyOf(spec.podFailurePolicy),
    successPolicy: successPolicyOf(spec.successPolicy),
    restartPolicy: spec.template?.spec?.restartPolicy ?? 'Never',
    managedBy: spec.managedBy ?? null,
    ttlSecondsAfterFinished: spec.ttlSecondsAfterFinished ?? null,
  };
}

export function podTemplateInfo(template: PodTemplateSpec | undefined): PodTemplateInfo {
  const spec = template?.spec ?? {};
  const containers = spec.containers ?? [];
  const raw = spec as Record<string, unknown>;
  const tolerations: Toleration[] = Array.isArray(raw.tolerations)
    ? raw.tolerations.filter(isObject).map((t) => ({
        ...(typeof t.key === 'string' ? { key: t.key } : {}),
        ...(typeof t.operator === 'string' ? { operator: t.operator } : {}),
        ...(typeof t.value === 'string' ? { value: t.value } : {}),
        ...(typeof t.effect === 'string' ? { effect: t.effect } : {}),
      }))
    : [];
  return {
    containerNames: containers.length > 0 ? containers.map((c, i) => c.name ?? `container-${i}`) : ['main'],
    restartPolicy: spec.restartPolicy ?? 'Never',
    activeDeadlineSeconds: spec.activeDeadlineSeconds ?? null,
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    nodeSelector: spec.nodeSelector ?? {},
    tolerations,
  };
}

function podFailurePolicyOf(value: unknown): PodFailurePolicy | null {
  if (!isObject(value)) return null;
  const rules = Array.isArray(value.rules) ? value.rules.filter(isObject) : [];
  return {
    rules: rules.map((rule) => ({
      action: typeof rule.action === 'string' ? rule.action : '',
      ...(isObject(rule.onExitCodes)
        ? {
            onExitCodes: {
              ...(typeof rule.onExitCodes.containerName === 'string' ? { containerName: rule.onExitCodes.containerName } : {}),
              operator: typeof rule.onExitCodes.operator === 'string' ? rule.onExitCodes.operator : '',
              values: Array.isArray(rule.onExitCodes.values) ? rule.onExitCodes.values.filter((v): v is number => typeof v === 'number') : [],
            },
          }
        : {}),
      ...(Array.isArray(rule.onPodConditions)
        ? {
            // SetDefaults_Job: an empty pattern status means True.
            onPodConditions: rule.onPodConditions.filter(isObject).map((p) => ({
              type: typeof p.type === 'string' ? p.type : '',
              status: typeof p.status === 'string' && p.status !== '' ? p.status : 'True',
            })),
          }
        : {}),
    })),
  };
}

function successPolicyOf(value: unknown): SuccessPolicy | null {
  if (!isObject(value)) return null;
  const rules = Array.isArray(value.rules) ? value.rules.filter(isObject) : [];
  return {
    rules: rules.map((rule) => ({
      ...(typeof rule.succeededIndexes === 'string' ? { succeededIndexes: rule.succeededIndexes } : {}),
      ...(typeof rule.succeededCount === 'number' ? { succeededCount: rule.succeededCount } : {}),
    })),
  };
}

/** The manifest's status (as kubectl prints it) as the starting state; times relative to the scenario's start. */
export function jobStatusFromManifest(status: Record<string, unknown>, startEpochMs: number, context?: Pick<WorkloadContext, 'warn' | 'cluster'>): JobStatus {
  const count = (key: string): number => {
    const value = status[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
  };
  const time = (key: string): number | null => {
    const value = status[key];
    if (value === undefined || value === null) return null;
    const ms = typeof value === 'string' ? relative(value, startEpochMs) : undefined;
    if (ms === undefined && context) context.warn(`status.${key}`, engineText.t(context.cluster.locale, 'statusTimeIgnored'));
    return ms ?? null;
  };
  const conditions: JobCondition[] = Array.isArray(status.conditions)
    ? status.conditions.filter(isObject).flatMap((c) => {
        if (typeof c.type !== 'string') return [];
        const conditionStatus: ConditionStatus = c.status === 'True' || c.status === 'False' ? c.status : 'Unknown';
        const at = typeof c.lastTransitionTime === 'string' ? relative(c.lastTransitionTime, startEpochMs) : undefined;
        return [{ type: c.type, status: conditionStatus, reason: typeof c.reason === 'string' ? c.reason : '', message: typeof c.message === 'string' ? c.message : '', lastTransitionTime: at ?? 0 }];
      })
    : [];
  return {
    ...EMPTY_JOB_STATUS,
    active: count('active'),
    ready: typeof status.ready === 'number' ? status.ready : null,
    succeeded: count('succeeded'),
    failed: count('failed'),
    terminating: typeof status.terminating === 'number' ? status.terminating : null,
    completedIndexes: typeof status.completedIndexes === 'string' ? status.completedIndexes : '',
    failedIndexes: typeof status.failedIndexes === 'string' ? status.failedIndexes : null,
    startTime: time('startTime'),
    completionTime: time('completionTime'),
    conditions,
  };
}

/** The status as the Timeline shows it: times in seconds since the start. */
export function statusJson(status: JobStatus): Record<string, unknown> {
  return {
    active: status.active,
    ready: status.ready,
    succeeded: status.succeeded,
    failed: status.failed,
    terminating: status.terminating,
    completedIndexes: status.completedIndexes,
    failedIndexes: status.failedIndexes,
    startTime: status.startTime === null ? null : seconds(status.startTime),
    completionTime: status.completionTime === null ? null : seconds(status.completionTime),
    conditions: status.conditions.map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransitionTime: seconds(c.lastTransitionTime) })),
  };
}

/** The defaulted spec, without the pod template except what the simulation reads from it. */
function effectiveSpec(spec: JobSpec): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...spec };
  delete rest.template;
  delete rest.selector;
  const podSpec = spec.template?.spec ?? {};
  return {
    ...rest,
    template: {
      spec: {
        restartPolicy: podSpec.restartPolicy,
        containers: (podSpec.containers ?? []).map((c) => c.name),
        ...(podSpec.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: podSpec.activeDeadlineSeconds } : {}),
        terminationGracePeriodSeconds: podSpec.terminationGracePeriodSeconds,
      },
    },
  };
}

function relative(text: string, startEpochMs: number): number | undefined {
  const ms = parseRfc3339(text);
  return ms === undefined ? undefined : ms - startEpochMs;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
