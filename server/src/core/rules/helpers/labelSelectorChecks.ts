/**
 * metav1.LabelSelector as the API server validates, converts, matches and prints it.
 * - staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go: ValidateLabelSelector,
 *   ValidateLabelSelectorRequirement (matchExpressions values are label values since 1.26,
 *   kubernetes/kubernetes#113699; creates never set AllowInvalidLabelValueInSelector).
 * - staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go: LabelSelectorAsSelector (nil → Nothing,
 *   empty → Everything, any bad key, value, operator or value count → error, and callers skip the match).
 * - field.ErrorBody prints a *metav1.LabelSelector bad value with Go's %#v of the struct.
 */
import { goQuote, goStringMap } from '../../goFormat';
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import { selectorMatches } from '../../model/labelSelector';
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../../model/types';
import type { Path } from '../../parse/path';
import { forbidden, invalid, required } from './fieldErrors';
import { isValidLabelKey, isValidLabelValue, labelKeyErrors, labelProblems, labelValueErrors } from './labelSyntax';
import type { RuleFinding } from '../rule';

/** ValidateLabelSelector at `path` (a document path whose formatPath is the API server's field path). */
export function labelSelectorFindings(selector: LabelSelector | undefined, path: Path, fieldPath: string, version: KubernetesVersion): RuleFinding[] {
  if (selector === undefined) return [];
  const findings: RuleFinding[] = [];
  for (const problem of labelProblems(selector.matchLabels, version)) {
    findings.push({ path: [...path, 'matchLabels', problem.key], part: problem.part, fieldPath: `${fieldPath}.matchLabels`, message: problem.message });
  }
  (selector.matchExpressions ?? []).forEach((requirement, index) => {
    const at = [...path, 'matchExpressions', index];
    const field = `${fieldPath}.matchExpressions[${index}]`;
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) findings.push({ path: [...at, 'values'], fieldPath: `${field}.values`, message: required("must be specified when `operator` is 'In' or 'NotIn'") });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) findings.push({ path: [...at, 'values'], fieldPath: `${field}.values`, message: forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'") });
        break;
      default:
        findings.push({ path: [...at, 'operator'], fieldPath: `${field}.operator`, message: invalid(requirement.operator ?? '', 'not a valid selector operator') });
    }
    for (const detail of labelKeyErrors(requirement.key ?? '', version)) {
      findings.push({ path: [...at, 'key'], fieldPath: `${field}.key`, message: invalid(requirement.key ?? '', detail) });
    }
    if (isAtLeast(version, 1, 26)) {
      values.forEach((value, valueIndex) => {
        for (const detail of labelValueErrors(value, version)) {
          findings.push({ path: [...at, 'values', valueIndex], fieldPath: `${field}.values[${valueIndex}]`, message: invalid(value, detail) });
        }
      });
    }
  });
  return findings;
}

/** Whether LabelSelectorAsSelector succeeds (a nil selector converts, to Nothing). */
export function selectorConverts(selector: LabelSelector | undefined): boolean {
  if (selector === undefined) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!isValidLabelKey(key) || !isValidLabelValue(value)) return false;
  }
  return (selector.matchExpressions ?? []).every(requirementConverts);
}

function requirementConverts(requirement: LabelSelectorRequirement): boolean {
  const values = requirement.values ?? [];
  if (!isValidLabelKey(requirement.key ?? '') || !values.every(isValidLabelValue)) return false;
  switch (requirement.operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0;
    default:
      return false;
  }
}

/** The converted selector's Matches(labels) — call only when selectorConverts(). */
export function selectorSelects(selector: LabelSelector | undefined, labels: Readonly<Labels> | undefined): boolean {
  return selectorMatches(selector, labels) === true;
}

/** Go's %#v of a metav1.LabelSelector (what ErrorBody prints for a selector bad value). */
export function goLabelSelector(selector: LabelSelector): string {
  const matchLabels = selector.matchLabels === undefined ? 'map[string]string(nil)' : goStringMap(selector.matchLabels);
  const expressions =
    selector.matchExpressions === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${selector.matchExpressions.map(goRequirement).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${expressions}}`;
}

function goRequirement(requirement: LabelSelectorRequirement): string {
  const values = requirement.values === undefined ? '[]string(nil)' : `[]string{${requirement.values.map(goQuote).join(', ')}}`;
  return `v1.LabelSelectorRequirement{Key:${goQuote(requirement.key ?? '')}, Operator:${goQuote(requirement.operator ?? '')}, Values:${values}}`;
}
