/**
 * What the job-* rules validate: a Job's spec or a CronJob's spec.jobTemplate.spec (validateJobSpec is called
 * for both, at `spec` and at `spec.jobTemplate.spec`), with narrow types for the policy fields types.ts leaves
 * as `unknown`, and with the fields of features that are off by default in the target release removed, as
 * pkg/registry/batch/job/strategy.go dropDisabledFields does before validation.
 *
 * Defaulting: a Job is defaulted by SetDefaults_Job (completions, parallelism, completionMode,
 * podReplacementPolicy…); a CronJob's job template is not (the controller defaults each Job it creates), so
 * the template's fields are seen as written. Only the per-type defaulter
 * SetDefaults_PodFailurePolicyOnPodConditionsPattern (pkg/apis/batch/v1/defaults.go: an empty status becomes
 * "True") runs for both; see podConditionStatus.
 */
import { isAtLeast } from '../../kubernetesVersion';
import type { JobSpec, PodSpec, Workload } from '../../model/types';
import type { Path } from '../../parse/path';
import type { RuleContext } from '../rule';
import { jobSpecOf, jobSpecPath } from './workloadPaths';

export interface OnExitCodes {
  containerName?: string;
  operator?: string;
  values?: number[];
}

export interface OnPodConditionsPattern {
  type?: string;
  status?: string;
}

export interface PodFailurePolicyRule {
  action?: string;
  onExitCodes?: OnExitCodes;
  onPodConditions?: OnPodConditionsPattern[];
}

export interface PodFailurePolicy {
  rules?: PodFailurePolicyRule[];
}

export interface SuccessPolicyRule {
  succeededIndexes?: string;
  succeededCount?: number;
}

export interface SuccessPolicy {
  rules?: SuccessPolicyRule[];
}

/** A JobSpec with the policy fields typed. */
export interface TypedJobSpec extends Omit<JobSpec, 'podFailurePolicy' | 'successPolicy'> {
  podFailurePolicy?: PodFailurePolicy;
  successPolicy?: SuccessPolicy;
}

export interface JobSpecView {
  readonly kind: Workload['kind'];
  /** The spec after defaulting and after dropping fields of disabled features. */
  readonly spec: TypedJobSpec;
  /** `['spec']` for a Job, `['spec', 'jobTemplate', 'spec']` for a CronJob. */
  readonly path: Path;
  readonly podSpec: PodSpec | undefined;
}

/**
 * The first release whose default feature gates accept each field (beta, on by default). Before it,
 * the registry drops the field on create and nothing about it is validated.
 */
const FEATURE_SINCE: Readonly<Record<'podFailurePolicy' | 'backoffLimitPerIndex' | 'podReplacementPolicy' | 'successPolicy' | 'managedBy', number>> = {
  podFailurePolicy: 26, // JobPodFailurePolicy
  backoffLimitPerIndex: 29, // JobBackoffLimitPerIndex (also drops maxFailedIndexes)
  podReplacementPolicy: 29, // JobPodReplacementPolicy
  successPolicy: 31, // JobSuccessPolicy
  managedBy: 32, // JobManagedBy
};

export function jobSpecView(context: RuleContext): JobSpecView | undefined {
  const { object, kubernetesVersion } = context;
  if (object.kind !== 'Job' && object.kind !== 'CronJob') return undefined;
  const written = jobSpecOf(object);
  if (written === undefined) return undefined;
  const spec = { ...(written as TypedJobSpec) };
  const enabled = (feature: keyof typeof FEATURE_SINCE): boolean => isAtLeast(kubernetesVersion, 1, FEATURE_SINCE[feature]);
  if (!enabled('podFailurePolicy')) delete spec.podFailurePolicy;
  if (!enabled('backoffLimitPerIndex')) {
    delete spec.backoffLimitPerIndex;
    delete spec.maxFailedIndexes;
  }
  if (!enabled('podReplacementPolicy')) delete spec.podReplacementPolicy;
  if (!enabled('successPolicy')) delete spec.successPolicy;
  if (!enabled('managedBy')) delete spec.managedBy;
  return { kind: object.kind, spec, path: jobSpecPath(object), podSpec: spec.template?.spec };
}

/** SetDefaults_PodFailurePolicyOnPodConditionsPattern: an empty status is defaulted to "True" (Job and CronJob). */
export function podConditionStatus(pattern: OnPodConditionsPattern): string {
  return pattern.status === undefined || pattern.status === '' ? 'True' : pattern.status;
}

export function isIndexed(spec: TypedJobSpec): boolean {
  return spec.completionMode === 'Indexed';
}

