/**
 * Label checks of k8s.io/apimachinery/pkg/apis/meta/v1/validation (ValidateLabels, ValidateLabelName,
 * ValidateLabelSelector) at pod template paths, built on the shared rules/labelSyntax.ts and
 * rules/labelSelectorChecks.ts so every rule words them alike.
 */
import type { KubernetesVersion } from '../../../kubernetesVersion';
import type { LabelSelector as ModelLabelSelector } from '../../../model/types';
import { labelSelectorFindings } from '../labelSelectorChecks';
import { labelKeyErrors, labelProblems } from '../labelSyntax';
import type { RuleFinding } from '../../rule';
import { str, type Errors } from './errorBodies';
import type { FieldPath } from './fieldPath';
import type { LabelSelector } from './types';

/** ValidateLabels: every error at the map's path; the entry's key or value underlined. */
export function labelMapFindings(labels: Readonly<Record<string, string>> | undefined, path: FieldPath, version: KubernetesVersion): RuleFinding[] {
  return labelProblems(labels, version).map((problem) => ({
    ...path.key(problem.key).withGo(path.go).finding(problem.message),
    part: problem.part,
  }));
}

/** ValidateLabelName: IsQualifiedName, Invalid at the path with the key as the value. */
export function labelNameFindings(key: string, path: FieldPath, e: Errors): RuleFinding[] {
  return labelKeyErrors(key, e.version).map((msg) => path.finding(e.invalid(str(key), msg)));
}

/** ValidateLabelSelector with AllowInvalidLabelValueInSelector false (creates). */
export function selectorFindings(selector: LabelSelector | undefined, path: FieldPath, version: KubernetesVersion): RuleFinding[] {
  return labelSelectorFindings(selector as ModelLabelSelector | undefined, path.doc, path.go, version);
}
