import { goQuote } from '../goFormat';
import type { Container, PodTemplateSpec } from '../model/types';
import { formatPath, type Path } from '../parse/path';
import { annotationProblems, labelProblems } from './helpers/labelSyntax';
import type { Rule, RuleFinding } from './rule';
import { podTemplateOf, podTemplatePath } from './helpers/workloadPaths';
import { podTemplateValidated } from './helpers/appsWorkload';

/**
 * The pod template's metadata, as pkg/apis/core/validation/validation.go ValidatePodTemplateSpec checks it
 * (from validateJobSpec for Job and CronJob, ValidateDaemonSetSpec for DaemonSet). Its errors are reported
 * at `<template>.labels` / `<template>.annotations` — not `<template>.metadata.…` as the document has it:
 * - ValidateLabels on the labels as written (the labels a Job's registry adds are the job-name-label rule's);
 * - ValidateAnnotations (key syntax, total size ≤ 256 KiB);
 * - ValidatePodSpecificAnnotations: the mirror-pod annotation needs spec.nodeName; the pod-deletion-cost
 *   annotation must be a 32-bit integer (helper.GetDeletionCostFromPodAnnotations); seccomp annotations must
 *   name a valid profile (ValidateSeccompProfile, reported at `annotations.<key>`); AppArmor annotations must
 *   name a container of the pod and a valid profile (ValidateAppArmorPodAnnotations).
 * Not checked: the JSON of the scheduler.alpha.kubernetes.io/tolerations annotation, and whether seccomp and
 * AppArmor annotations agree with the securityContext fields.
 */
export const podTemplateMetadata: Rule = {
  meta: {
    id: 'pod-template-metadata',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: "The pod template's labels and annotations must have the syntax the API server accepts.",
  },
  check({ written, kubernetesVersion }) {
    const template = podTemplateOf(written);
    if (!template?.metadata || !podTemplateValidated(written)) return [];
    const base = podTemplatePath(written);
    const field = formatPath(base);
    const metadataPath: Path = [...base, 'metadata'];
    const findings: RuleFinding[] = [];

    for (const problem of labelProblems(template.metadata.labels, kubernetesVersion)) {
      findings.push({ path: [...metadataPath, 'labels', problem.key], part: problem.part, fieldPath: `${field}.labels`, message: problem.message });
    }

    const annotations = template.metadata.annotations ?? {};
    const annotationsPath: Path = [...metadataPath, 'annotations'];
    for (const problem of annotationProblems(annotations, kubernetesVersion)) {
      const path = problem.key === undefined ? annotationsPath : [...annotationsPath, problem.key];
      findings.push({ path, part: 'key', fieldPath: `${field}.annotations`, message: problem.message });
    }

    for (const problem of podSpecificAnnotationProblems(annotations, template)) {
      findings.push({ path: [...annotationsPath, problem.key], fieldPath: `${field}.annotations${problem.field}`, message: problem.message });
    }
    return findings;
  },
};

const MIRROR_POD = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

interface AnnotationProblem {
  readonly key: string;
  /** What follows `<template>.annotations` in the field path: `[key]` (Key) or `.key` (Child). */
  readonly field: string;
  readonly message: string;
}

function podSpecificAnnotationProblems(annotations: Readonly<Record<string, string>>, template: PodTemplateSpec): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(annotations, key);
  const spec = (template.spec ?? {}) as { nodeName?: string; containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[] };

  if (has(MIRROR_POD) && !spec.nodeName) {
    problems.push({ key: MIRROR_POD, field: `[${MIRROR_POD}]`, message: invalidText(annotations[MIRROR_POD], 'must set spec.nodeName if mirror pod annotation is set') });
  }

  if (has(DELETION_COST) && !isDeletionCost(annotations[DELETION_COST])) {
    problems.push({ key: DELETION_COST, field: `[${DELETION_COST}]`, message: invalidText(annotations[DELETION_COST], 'must be a 32bit integer') });
  }

  if (has(SECCOMP_POD)) {
    for (const message of seccompProfileErrors(annotations[SECCOMP_POD])) problems.push({ key: SECCOMP_POD, field: `.${SECCOMP_POD}`, message });
  }
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(SECCOMP_CONTAINER_PREFIX)) continue;
    for (const message of seccompProfileErrors(value)) problems.push({ key, field: `.${key}`, message });
  }

  const containerNames = new Set([...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name));
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
    const containerName = key.slice(APPARMOR_CONTAINER_PREFIX.length);
    if (!containerNames.has(containerName)) problems.push({ key, field: `[${key}]`, message: invalidText(containerName, 'container not found') });
    if (!isAppArmorProfile(value)) problems.push({ key, field: `[${key}]`, message: invalidText(value, `invalid AppArmor profile name: ${goQuote(value)}`) });
  }
  return problems;
}

function invalidText(value: string, detail: string): string {
  return `Invalid value: ${goQuote(value)}: ${detail}`;
}

/** GetDeletionCostFromPodAnnotations: no '+', no leading zeros, then strconv.ParseInt(value, 10, 32). */
function isDeletionCost(value: string): boolean {
  const first = value.charAt(0);
  const validFirst = first === '-' || value === '0' || (first >= '1' && first <= '9');
  if (!validFirst || !/^-?[0-9]+$/.test(value)) return false;
  const n = Number(value);
  return n >= -2147483648 && n <= 2147483647;
}

/** ValidateSeccompProfile. */
function seccompProfileErrors(profile: string): string[] {
  if (profile === 'runtime/default' || profile === 'docker/default' || profile === 'unconfined') return [];
  if (profile.startsWith('localhost/')) {
    // validateLocalDescendingPath
    const target = profile.slice('localhost/'.length);
    const errors: string[] = [];
    if (target.startsWith('/')) errors.push(invalidText(target, 'must be a relative path'));
    if (target.split('/').includes('..')) errors.push(invalidText(target, "must not contain '..'"));
    return errors;
  }
  return [invalidText(profile, 'must be a valid seccomp profile')];
}

/** ValidateAppArmorProfileFormat. */
function isAppArmorProfile(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile === 'unconfined' || profile.startsWith('localhost/');
}
