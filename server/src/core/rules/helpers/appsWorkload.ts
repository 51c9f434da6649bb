/**
 * What the apps/v1 Deployment, ReplicaSet and StatefulSet spec rules share, with the API server's messages:
 * pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateReplicaSetSpec,
 * ValidateStatefulSetSpec, ValidatePodTemplateSpecForReplicaSet, ValidatePodTemplateSpecForStatefulSet).
 */
import type { Locale } from '../../i18n';
import type { KubernetesVersion } from '../../kubernetesVersion';
import type { LabelSelector, Labels, PodTemplateSpec, ReplicatedKind, Workload } from '../../model/types';
import type { FixIntent } from '../../parse/edits';
import type { Path } from '../../parse/path';
import { forbidden, invalid, notSupported, required } from './fieldErrors';
import { stringMapValue } from './goValues';
import { goLabelSelector, labelSelectorFindings, selectorConverts, selectorSelects } from './labelSelectorChecks';
import { apiServerRules, translatedNote } from '../messages/apiServerRules';
import type { RuleFinding } from '../rule';

/** apivalidation.ValidateNonnegativeField(int64(value), path); an absent value is the int32 zero (valid). */
export function nonnegative(value: number | undefined, path: Path, fieldPath?: string): RuleFinding[] {
  if (value === undefined || value >= 0) return [];
  return [{ path, ...(fieldPath !== undefined ? { fieldPath } : {}), message: invalid(value, 'must be greater than or equal to 0') }];
}

/**
 * The selector part of the three specs: Required when absent; ValidateLabelSelector (strict: creates never
 * allow invalid label values); an empty selector ("empty selector is invalid for deployment" — also for a
 * ReplicaSet, as upstream words it — or "... for statefulset"); then LabelSelectorAsSelector: an
 * unconvertible selector is `Invalid value: <selector>: invalid label selector` (a StatefulSet's has no
 * detail), otherwise a non-empty selector must match the template's labels. The bad selector value prints as
 * Go's %#v of metav1.LabelSelector, as for a DaemonSet's empty selector.
 */
export function selectorFindings(
  kind: ReplicatedKind,
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  version: KubernetesVersion,
  locale?: Locale,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const emptyFor = kind === 'StatefulSet' ? 'statefulset' : 'deployment';
  if (selector === undefined) {
    findings.push({
      path: ['spec', 'selector'],
      part: 'key',
      message: required(),
      note: translatedNote(locale, 'selectorRequiredNote', { kind }),
      fixes: selectTemplateLabelsFix(template?.metadata?.labels, locale),
    });
  } else {
    findings.push(...labelSelectorFindings(selector, ['spec', 'selector'], 'spec.selector', version));
    if (isEmptySelector(selector)) {
      findings.push({ path: ['spec', 'selector'], part: 'key', message: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for ${emptyFor}` });
    }
  }
  if (!selectorConverts(selector)) {
    const detail = kind === 'StatefulSet' ? '' : ': invalid label selector';
    findings.push({ path: ['spec', 'selector'], part: 'key', message: `Invalid value: ${goLabelSelector(selector ?? {})}${detail}` });
    return findings;
  }
  // A nil selector converts to Nothing, whose Empty() is false: it matches no labels.
  if (selector !== undefined && isEmptySelector(selector)) return findings;
  const labels = template?.metadata?.labels;
  if (!selectorSelects(selector, labels)) {
    findings.push({
      path: ['spec', 'template', 'metadata', 'labels'],
      part: 'key',
      message: `Invalid value: ${stringMapValue(labels, version)}: \`selector\` does not match template \`labels\``,
      note: translatedNote(locale, 'selectorMismatchNote', { kind }),
      fixes: mismatchFixes(selector, labels, locale),
    });
  }
  return findings;
}

function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0;
}

function selectTemplateLabelsFix(labels: Labels | undefined, locale: Locale | undefined): FixIntent[] | undefined {
  if (!labels || Object.keys(labels).length === 0) return undefined;
  return [{ title: apiServerRules.t(locale, 'selectorSelectFix'), changes: [{ op: 'set', path: ['spec', 'selector'], value: { matchLabels: labels } }] }];
}

function mismatchFixes(selector: LabelSelector | undefined, labels: Labels | undefined, locale: Locale | undefined): FixIntent[] {
  const fixes: FixIntent[] = [];
  if (selector?.matchLabels && !selector.matchExpressions?.length) {
    fixes.push({
      title: apiServerRules.t(locale, 'selectorLabelsFix'),
      changes: [{ op: 'set', path: ['spec', 'template', 'metadata', 'labels'], value: { ...labels, ...selector.matchLabels } }],
    });
  }
  fixes.push(...(selectTemplateLabelsFix(labels, locale) ?? []));
  return fixes;
}

/**
 * The pod template's restartPolicy must be Always, and activeDeadlineSeconds is forbidden: the pods of these
 * kinds run until replaced. The Forbidden detail names ReplicaSet for a Deployment too
 * (ValidatePodTemplateSpecForReplicaSet serves both).
 */
export function replicatedPodFindings(kind: ReplicatedKind, template: PodTemplateSpec | undefined, locale?: Locale): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const policy = template?.spec?.restartPolicy;
  if (policy !== undefined && policy !== 'Always') {
    findings.push({ path: ['spec', 'template', 'spec', 'restartPolicy'], message: notSupported(policy, ['Always']), note: translatedNote(locale, 'alwaysRestartPolicyNote', { kind }) });
  }
  if (template?.spec?.activeDeadlineSeconds !== undefined) {
    const owner = kind === 'StatefulSet' ? 'StatefulSet' : 'ReplicaSet';
    findings.push({ path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'], message: forbidden(`activeDeadlineSeconds in ${owner} is not Supported`) });
  }
  return findings;
}

/**
 * Whether the API server validates the object's pod template at all: for Deployment, ReplicaSet and
 * StatefulSet the template is only checked (ValidatePodTemplateSpecForReplicaSet / ...ForStatefulSet) once
 * the selector converts (metav1.LabelSelectorAsSelector); other kinds always validate it.
 */
export function podTemplateValidated(object: Workload): boolean {
  if (object.kind !== 'Deployment' && object.kind !== 'ReplicaSet' && object.kind !== 'StatefulSet') return true;
  return selectorConverts(object.spec?.selector);
}
