/** Every rule, in one explicit list: adding a rule means adding it here. */
import { cronJobNeverRuns } from './cronjob-never-runs';
import { cronJobOverlappingRuns } from './cronjob-overlapping-runs';
import { cronJobSchedule } from './cronjob-schedule';
import { cronJobDayFieldsOr, cronJobStepExceedsRange } from './cronjob-schedule-advice';
import { adviceRules } from './advice';
import { daemonSetRules } from './daemonset';
import { deploymentSpec } from './deployment-spec';
import { replicaSetSpec } from './replicaset-spec';
import { statefulSetSpec } from './statefulset-spec';
import { appsNoReadinessProbe } from './apps-no-readiness-probe';
import { deploymentRecreateSingleReplica } from './deployment-recreate-single-replica';
import { deploymentRolloutBudget } from './deployment-rollout-budget';
import { deploymentShortProgressDeadline } from './deployment-short-progress-deadline';
import { statefulSetPvcRetained } from './statefulset-pvc-retained';
import { jobCronJobRules } from './job-cronjob';
import { metadataSelectorRules } from './metadata-selector';
import { podTemplateRules } from './pod-template';
import { daemonSetRestartPolicy } from './daemonset-restart-policy';
import { daemonSetSelectorMismatch } from './daemonset-selector-mismatch';
import { invalidName } from './invalid-name';
import { jobRestartPolicy } from './job-restart-policy';
import { removedApiVersion } from './removed-api-version';
import { WORKLOAD_KINDS } from '../model/types';
import type { Rule, RuleMeta } from './rule';

/**
 * In the order the API server reports errors, as far as whole rules allow: the apiVersion (decoding), ValidateObjectMeta and the
 * selectors, the kind's spec (pkg/apis/batch/validation, pkg/apis/apps/validation), the pod template
 * (ValidatePodTemplateSpec); then our advice, which the API server does not give. Shared checks the rules
 * are built from live in helpers/.
 */
export const allRules: readonly Rule[] = [
  removedApiVersion,
  invalidName,
  ...metadataSelectorRules,
  daemonSetSelectorMismatch,
  // Job and CronJob: validateJobSpec, validateCronJobSpec.
  cronJobSchedule,
  ...jobCronJobRules,
  jobRestartPolicy,
  // DaemonSet: ValidateDaemonSetSpec.
  ...daemonSetRules,
  daemonSetRestartPolicy,
  // Deployment, ReplicaSet, StatefulSet: ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec.
  deploymentSpec,
  replicaSetSpec,
  statefulSetSpec,
  ...podTemplateRules,
  // Advice.
  cronJobNeverRuns,
  cronJobOverlappingRuns,
  cronJobStepExceedsRange,
  cronJobDayFieldsOr,
  ...adviceRules,
  deploymentRolloutBudget,
  deploymentRecreateSingleReplica,
  appsNoReadinessProbe,
  deploymentShortProgressDeadline,
  statefulSetPvcRetained,
];

/** Findings that come from reading the file rather than from a rule's check(). */
export const pipelineRules = {
  yamlSyntax: {
    id: 'yaml-syntax',
    severity: 'error',
    kinds: WORKLOAD_KINDS,
    description: 'The file is not valid YAML (or is an alias bomb); nothing else in that document is checked.',
  },
  helmTemplate: {
    id: 'helm-template',
    severity: 'info',
    kinds: WORKLOAD_KINDS,
    description: 'The file contains Helm template syntax ({{ ... }}); lint the output of `helm template` instead.',
  },
  unknownApiVersion: {
    id: 'unknown-api-version',
    severity: 'error',
    kinds: WORKLOAD_KINDS,
    description: 'apiVersion is missing or is not one that serves this kind (Job and CronJob: batch/v1; DaemonSet, Deployment, ReplicaSet and StatefulSet: apps/v1).',
  },
  unknownField: {
    id: 'unknown-field',
    severity: 'error',
    kinds: WORKLOAD_KINDS,
    description: 'A field the API server does not know, as strict field validation reports it, with a did-you-mean suggestion.',
  },
  wrongType: {
    id: 'wrong-type',
    severity: 'error',
    kinds: WORKLOAD_KINDS,
    description: 'A value of the wrong type for its field (for example a mapping where a number belongs).',
  },
  // Joins documents (core/crossDocument.ts): run over a file's summaries and the Services around it, not per document.
  statefulSetServiceNotFound: {
    id: 'statefulset-service-not-found',
    severity: 'warning',
    kinds: ['StatefulSet'],
    description: 'serviceName names no headless Service (clusterIP: None) in the same namespace, in the same file, workspace folder or the files linted together: the pods get no stable DNS names.',
  },
} as const satisfies Record<string, RuleMeta>;
