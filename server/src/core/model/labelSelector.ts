/**
 * Label selector matching as metav1.LabelSelectorAsSelector builds it
 * (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go): a nil selector matches nothing,
 * an empty one matches everything, and matchLabels and matchExpressions must all hold.
 */
import type { LabelSelector, Labels } from './types';

/** Returns undefined when the selector cannot be converted (the API server then skips the match check). */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean | undefined {
  if (selector === undefined) return false;
  const set = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (set[key] !== value) return false;
  }
  let matches = true;
  for (const requirement of selector.matchExpressions ?? []) {
    const values = requirement.values ?? [];
    const has = Object.prototype.hasOwnProperty.call(set, requirement.key);
    switch (requirement.operator) {
      case 'In':
        if (values.length === 0) return undefined;
        matches &&= has && values.includes(set[requirement.key]);
        break;
      case 'NotIn':
        if (values.length === 0) return undefined;
        matches &&= !has || !values.includes(set[requirement.key]);
        break;
      case 'Exists':
        if (values.length > 0) return undefined;
        matches &&= has;
        break;
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        matches &&= !has;
        break;
      default:
        return undefined;
    }
  }
  return matches;
}
