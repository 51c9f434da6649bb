import { num, str } from './helpers/podSpec/errorBodies';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import { isDns1123Label, isDns1123Subdomain, isValidLabelValue } from './helpers/podSpec/formats';
import { labelNameFindings, selectorFindings } from './helpers/podSpec/labels';
import { podContext, type PodContext } from './helpers/podSpec/podContext';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodAffinity, PodAffinityTerm } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Node affinity (at least one required node selector term; requirements with a valid operator, key and
 * values; matchFields on metadata.name only; preferred weights 1-100) and pod (anti-)affinity terms
 * (label and namespace selectors, namespaces, matchLabelKeys / mismatchLabelKeys, a topologyKey).
 * pkg/apis/core/validation/validation.go: validateAffinity, validateNodeAffinity, ValidateNodeSelector,
 * ValidateNodeSelectorTerm, ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement,
 * ValidatePreferredSchedulingTerms, validatePodAffinity, validatePodAntiAffinity, validatePodAffinityTerm,
 * validateMatchLabelKeysAndMismatchLabelKeys.
 */
export const podAffinity: Rule = {
  meta: {
    id: 'pod-affinity',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Node and pod (anti-)affinity: valid selector terms, operators, keys and values, weights 1-100, a topologyKey for pod affinity terms.',
  },
  check(context) {
    const pod = podContext(context);
    const affinity = pod?.spec.affinity;
    if (!pod || !affinity) return [];
    const findings: RuleFinding[] = [];
    const path = pod.path.child('affinity');
    const node = affinity.nodeAffinity;
    if (node) {
      const nodePath = path.child('nodeAffinity');
      const required = node.requiredDuringSchedulingIgnoredDuringExecution;
      if (required) {
        const termsPath = nodePath.child('requiredDuringSchedulingIgnoredDuringExecution').child('nodeSelectorTerms');
        const terms = required.nodeSelectorTerms ?? [];
        if (terms.length === 0) findings.push(termsPath.finding(pod.errors.required('must have at least one node selector term')));
        // Label values of required terms are checked from 1.32 (kubernetes/kubernetes#128212).
        terms.forEach((term, i) => findings.push(...nodeSelectorTerm(pod, term ?? {}, !pod.atLeast(32), termsPath.index(i))));
      }
      (node.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((preferred, i) => {
        const at = nodePath.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
        const weight = preferred?.weight ?? 0;
        if (weight <= 0 || weight > 100) findings.push(at.child('weight').finding(pod.errors.invalid(num(weight), 'must be in the range 1-100')));
        findings.push(...nodeSelectorTerm(pod, preferred?.preference ?? {}, true, at.child('preference')));
      });
    }
    if (affinity.podAffinity) findings.push(...podAffinityTerms(pod, affinity.podAffinity, path.child('podAffinity')));
    if (affinity.podAntiAffinity) findings.push(...podAffinityTerms(pod, affinity.podAntiAffinity, path.child('podAntiAffinity')));
    return findings;
  },
};

function nodeSelectorTerm(pod: PodContext, term: NodeSelectorTerm, allowInvalidValues: boolean, path: FieldPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  (term.matchExpressions ?? []).forEach((req, j) => findings.push(...nodeSelectorRequirement(pod, req ?? {}, allowInvalidValues, path.child('matchExpressions').index(j))));
  (term.matchFields ?? []).forEach((req, j) => findings.push(...nodeFieldSelectorRequirement(pod, req ?? {}, path.child('matchFields').index(j))));
  return findings;
}

function nodeSelectorRequirement(pod: PodContext, req: NodeSelectorRequirement, allowInvalidValues: boolean, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const values = req.values ?? [];
  const operator = req.operator ?? '';
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) findings.push(path.child('values').finding(e.required("must be specified when `operator` is 'In' or 'NotIn'")));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) findings.push(path.child('values').finding(e.forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'")));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) findings.push(path.child('values').finding(e.required("must be specified single value when `operator` is 'Lt' or 'Gt'")));
      break;
    default:
      findings.push(path.child('operator').finding(e.invalid(str(operator), 'not a valid selector operator')));
  }
  findings.push(...labelNameFindings(req.key ?? '', path.child('key'), e));
  if (!allowInvalidValues) {
    values.forEach((value, k) => {
      for (const msg of isValidLabelValue(value, pod.version)) findings.push(path.child('values').index(k).finding(e.invalid(str(value), msg)));
    });
  }
  return findings;
}

function nodeFieldSelectorRequirement(pod: PodContext, req: NodeSelectorRequirement, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const values = req.values ?? [];
  const operator = req.operator ?? '';
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) findings.push(path.child('values').finding(e.required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector")));
  } else findings.push(path.child('operator').finding(e.invalid(str(operator), 'not a valid selector operator')));
  const key = req.key ?? '';
  if (key !== 'metadata.name') findings.push(path.child('key').finding(e.invalid(str(key), 'not a valid field selector key')));
  else {
    values.forEach((value, k) => {
      for (const msg of isDns1123Subdomain(value)) findings.push(path.child('values').index(k).finding(e.invalid(str(value), msg)));
    });
  }
  return findings;
}

function podAffinityTerms(pod: PodContext, affinity: PodAffinity, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  (affinity.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
    findings.push(...podAffinityTerm(pod, term ?? {}, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
  });
  (affinity.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((weighted, i) => {
    const at = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    const weight = weighted?.weight ?? 0;
    if (weight <= 0 || weight > 100) findings.push(at.child('weight').finding(e.invalid(num(weight), 'must be in the range 1-100')));
    findings.push(...podAffinityTerm(pod, weighted?.podAffinityTerm ?? {}, at.child('podAffinityTerm')));
  });
  return findings;
}

function podAffinityTerm(pod: PodContext, term: PodAffinityTerm, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  findings.push(...selectorFindings(term.labelSelector, path.child('labelSelector'), pod.version));
  findings.push(...selectorFindings(term.namespaceSelector, path.child('namespaceSelector'), pod.version));
  (term.namespaces ?? []).forEach((name, i) => {
    // Reported at `namespace` (singular), without the index.
    const at = path.child('namespaces').index(i).withGo(`${path.go}.namespace`);
    for (const msg of isDns1123Label(name)) findings.push(at.finding(e.invalid(str(name), msg)));
  });
  // matchLabelKeys / mismatchLabelKeys are dropped while MatchLabelKeysInPodAffinity is off (before 1.31).
  if (pod.atLeast(31)) findings.push(...matchLabelKeys(pod, term, path));
  if (!term.topologyKey) findings.push(path.child('topologyKey').finding(e.required('can not be empty')));
  findings.push(...labelNameFindings(term.topologyKey ?? '', path.child('topologyKey'), e));
  return findings;
}

/** validateMatchLabelKeysAndMismatchLabelKeys. */
function matchLabelKeys(pod: PodContext, term: PodAffinityTerm, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const match = term.matchLabelKeys ?? [];
  const mismatch = term.mismatchLabelKeys ?? [];
  for (const [field, keys] of [['matchLabelKeys', match], ['mismatchLabelKeys', mismatch]] as const) {
    if (keys.length === 0) continue;
    const at = path.child(field);
    if (!term.labelSelector) findings.push(at.finding(e.forbidden('must not be specified when labelSelector is not set')));
    else keys.forEach((key, i) => findings.push(...labelNameFindings(key, at.index(i), e)));
  }
  if (term.labelSelector) {
    const index = new Map<string, number>();
    match.forEach((key, i) => index.set(key, i));
    const seen = new Set(Object.keys(term.labelSelector.matchLabels ?? {}));
    for (const expression of term.labelSelector.matchExpressions ?? []) {
      const key = expression?.key ?? '';
      const i = index.get(key);
      if (i !== undefined && seen.has(key)) {
        // Reported at the term's path with the key's index appended (`...[0][1]`).
        findings.push(path.child('matchLabelKeys').index(i).withGo(`${path.go}[${i}]`).finding(e.invalid(str(key), 'exists in both matchLabelKeys and labelSelector')));
      }
      seen.add(key);
    }
  }
  const mismatchSet = new Set(mismatch);
  match.forEach((key, i) => {
    if (mismatchSet.has(key)) findings.push(path.child('matchLabelKeys').index(i).finding(e.invalid(str(key), 'exists in both matchLabelKeys and mismatchLabelKeys')));
  });
  return findings;
}
