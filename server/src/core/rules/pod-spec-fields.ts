import { js, num, str, struct } from './helpers/podSpec/errorBodies';
import { inclusiveRangeError, isDns1123Label, isDns1123Subdomain } from './helpers/podSpec/formats';
import { labelNameFindings } from './helpers/podSpec/labels';
import { podContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

const MAX_INT32 = 2147483647;

/**
 * Pod spec fields of their own: activeDeadlineSeconds (1..2147483647), serviceAccountName (a DNS
 * subdomain), readinessGates condition types (qualified names), resourceClaims (unique DNS-label names,
 * exactly one of resourceClaimName / resourceClaimTemplateName), terminationGracePeriodSeconds (always
 * defaulted, so never missing here; upstream has no lower bound for it in templates).
 * pkg/apis/core/validation/validation.go: ValidatePodSpec, validateReadinessGates, validatePodResourceClaims.
 */
export const podSpecFields: Rule = {
  meta: {
    id: 'pod-spec-fields',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Pod spec fields: activeDeadlineSeconds in 1..2147483647, a valid serviceAccountName, valid readinessGates and resourceClaims.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const e = pod.errors;
    const spec = pod.spec;
    const findings: RuleFinding[] = [];
    if (spec.terminationGracePeriodSeconds === undefined) findings.push(pod.path.child('terminationGracePeriodSeconds').finding(e.required()));
    if (spec.serviceAccountName) {
      for (const msg of isDns1123Subdomain(spec.serviceAccountName)) findings.push(pod.path.child('serviceAccountName').finding(e.invalid(str(spec.serviceAccountName), msg)));
    }
    const deadline = spec.activeDeadlineSeconds;
    if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
      findings.push(pod.path.child('activeDeadlineSeconds').finding(e.invalid(num(deadline), inclusiveRangeError(1, MAX_INT32))));
    }
    (spec.readinessGates ?? []).forEach((gate, i) => {
      findings.push(...labelNameFindings(gate?.conditionType ?? '', pod.path.child('readinessGates').index(i).child('conditionType'), e));
    });
    // resourceClaims are dropped while DynamicResourceAllocation is off by default (before 1.34).
    if (pod.atLeast(34)) {
      const names = new Set<string>();
      (spec.resourceClaims ?? []).forEach((raw, i) => {
        const claim = raw ?? {};
        const at = pod.path.child('resourceClaims').index(i);
        const name = claim.name ?? '';
        if (name === '') findings.push(at.child('name').finding(e.required()));
        else if (names.has(name)) findings.push(at.child('name').finding(e.duplicate(str(name))));
        else {
          for (const msg of isDns1123Label(name)) findings.push(at.child('name').finding(e.invalid(str(name), msg)));
          names.add(name);
        }
        const value = struct('core.PodResourceClaim', [
          ['Name', js.str(name)],
          ['ResourceClaimName', js.str(claim.resourceClaimName)],
          ['ResourceClaimTemplateName', js.str(claim.resourceClaimTemplateName)],
        ]);
        const hasName = claim.resourceClaimName !== undefined;
        const hasTemplate = claim.resourceClaimTemplateName !== undefined;
        if (hasName && hasTemplate) findings.push(at.finding(e.invalid(value, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified')));
        if (!hasName && !hasTemplate) findings.push(at.finding(e.invalid(value, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`')));
        for (const field of ['resourceClaimName', 'resourceClaimTemplateName'] as const) {
          const ref = claim[field];
          if (ref !== undefined) for (const msg of isDns1123Subdomain(ref)) findings.push(at.child(field).finding(e.invalid(str(ref), msg)));
        }
      });
    }
    return findings;
  },
};
