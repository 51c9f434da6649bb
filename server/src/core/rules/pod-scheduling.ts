import { num, str } from './helpers/podSpec/errorBodies';
import { isDns1123Subdomain } from './helpers/podSpec/formats';
import { labelMapFindings, labelNameFindings, selectorFindings } from './helpers/podSpec/labels';
import { podContext, type PodContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

/**
 * Where and how the pod is scheduled: nodeSelector (labels), nodeName, priorityClassName and
 * runtimeClassName (DNS subdomains), preemptionPolicy, schedulingGates and topologySpreadConstraints.
 * pkg/apis/core/validation/validation.go: ValidatePodSpec (nodeSelector via ValidateLabels, nodeName,
 * priorityClassName, runtimeClassName), ValidatePreemptionPolicy, validateSchedulingGates,
 * validateTopologySpreadConstraints and its helpers.
 */
export const podScheduling: Rule = {
  meta: {
    id: 'pod-scheduling',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      'Pod scheduling fields: valid nodeSelector labels, nodeName/priorityClassName/runtimeClassName names, preemptionPolicy, schedulingGates and topologySpreadConstraints.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const e = pod.errors;
    const spec = pod.spec;
    const findings: RuleFinding[] = [];
    findings.push(...labelMapFindings(spec.nodeSelector, pod.path.child('nodeSelector'), pod.version));
    for (const field of ['nodeName', 'priorityClassName'] as const) {
      const value = spec[field];
      if (value) for (const msg of isDns1123Subdomain(value)) findings.push(pod.path.child(field).finding(e.invalid(str(value), msg)));
    }
    if (spec.runtimeClassName !== undefined) {
      for (const msg of isDns1123Subdomain(spec.runtimeClassName)) findings.push(pod.path.child('runtimeClassName').finding(e.invalid(str(spec.runtimeClassName), msg)));
    }
    if (spec.preemptionPolicy !== undefined) {
      const at = pod.path.child('preemptionPolicy');
      if (spec.preemptionPolicy === '') findings.push(at.finding(e.required()));
      else if (!['PreemptLowerPriority', 'Never'].includes(spec.preemptionPolicy)) {
        findings.push(at.finding(e.notSupported(str(spec.preemptionPolicy), ['PreemptLowerPriority', 'Never'])));
      }
    }
    const gates = new Set<string>();
    (spec.schedulingGates ?? []).forEach((gate, i) => {
      const name = gate?.name ?? '';
      // Reported at `schedulingGates[i]`, not at its name.
      const at = pod.path.child('schedulingGates').index(i);
      const nameAt = at.child('name').withGo(at.go);
      findings.push(...labelNameFindings(name, nameAt, e));
      if (gates.has(name)) findings.push(nameAt.finding(e.duplicate(str(name))));
      gates.add(name);
    });
    findings.push(...topologySpread(pod));
    return findings;
  },
};

function topologySpread(pod: PodContext): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const constraints = pod.spec.topologySpreadConstraints ?? [];
  constraints.forEach((raw, i) => {
    const c = raw ?? {};
    const at = pod.path.child('topologySpreadConstraints').index(i);
    const maxSkew = c.maxSkew ?? 0;
    if (maxSkew <= 0) findings.push(at.child('maxSkew').finding(e.invalid(num(maxSkew), 'must be greater than zero')));
    if (!c.topologyKey) findings.push(at.child('topologyKey').finding(e.required('can not be empty')));
    const action = c.whenUnsatisfiable ?? '';
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      findings.push(at.child('whenUnsatisfiable').finding(e.notSupported(str(action), ['DoNotSchedule', 'ScheduleAnyway'])));
    }
    const repeated = constraints.slice(i + 1).some((other) => (other?.topologyKey ?? '') === (c.topologyKey ?? '') && (other?.whenUnsatisfiable ?? '') === action);
    if (repeated) {
      findings.push(at.withGo(`${at.go}.{topologyKey, whenUnsatisfiable}`).finding(e.duplicate(str(`{${c.topologyKey ?? ''}, ${action}}`))));
    }
    if (c.minDomains !== undefined) {
      const minPath = at.child('minDomains');
      if (c.minDomains <= 0) findings.push(minPath.finding(e.invalid(num(c.minDomains), 'must be greater than zero')));
      if (action !== 'DoNotSchedule') {
        findings.push(minPath.finding(e.invalid(num(c.minDomains), `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`)));
      }
    }
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const policy = c[field];
      if (policy !== undefined && policy !== 'Honor' && policy !== 'Ignore') findings.push(at.child(field).finding(e.notSupported(str(policy), ['Honor', 'Ignore'])));
    }
    const keys = c.matchLabelKeys ?? [];
    if (keys.length > 0) {
      const keysPath = at.child('matchLabelKeys');
      const selectorKeys = new Set<string>();
      if (c.labelSelector) {
        for (const key of Object.keys(c.labelSelector.matchLabels ?? {})) selectorKeys.add(key);
        for (const expression of c.labelSelector.matchExpressions ?? []) selectorKeys.add(expression?.key ?? '');
      } else findings.push(keysPath.finding(e.forbidden('must not be specified when labelSelector is not set')));
      keys.forEach((key, j) => {
        findings.push(...labelNameFindings(key, keysPath.index(j), e));
        if (selectorKeys.has(key)) findings.push(keysPath.index(j).finding(e.invalid(str(key), 'exists in both matchLabelKeys and labelSelector')));
      });
    }
    findings.push(...selectorFindings(c.labelSelector, at.child('labelSelector'), pod.version));
  });
  return findings;
}
