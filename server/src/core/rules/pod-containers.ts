import { str } from './helpers/podSpec/errorBodies';
import { isDns1123Label } from './helpers/podSpec/formats';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { Container } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * The containers of a pod template and what makes each one a container: a list that is not empty, names
 * (DNS-1123 labels, unique across init, regular and ephemeral containers), an image, the termination
 * message and pull policies, container restartPolicy (sidecars, restart rules), which init containers may
 * have probes and lifecycle hooks, and resizePolicy.
 * pkg/apis/core/validation/validation.go: validateContainers, validateInitContainers, validateContainerCommon
 * (name, image, terminationMessagePolicy, imagePullPolicy, resizePolicy), validateInitContainerRestartPolicy,
 * validateContainerRestartPolicy, validateResizePolicy.
 */
export const podContainers: Rule = {
  meta: {
    id: 'pod-containers',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      'Pod template containers: at least one, valid unique names, an image, valid pull/termination-message policies, container restartPolicy only where allowed (sidecar init containers), resizePolicy.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    const e = pod.errors;
    const regular = pod.containers('container');
    if (regular.length === 0) findings.push(pod.path.child('containers').finding(e.required()));
    const names = new Set<string>();
    for (const ref of regular) {
      findings.push(...common(pod, ref));
      const name = ref.container.name ?? '';
      if (names.has(name)) findings.push(ref.path.child('name').finding(e.duplicate(str(name))));
      else names.add(name);
      findings.push(...regularRestartPolicy(pod, ref));
    }
    for (const ref of pod.containers('init')) {
      const c = ref.container;
      findings.push(...common(pod, ref));
      const policy = initRestartPolicy(pod, c);
      findings.push(...initContainerRestartPolicy(pod, ref, policy));
      const name = c.name ?? '';
      if (names.has(name)) findings.push(ref.path.child('name').finding(e.duplicate(str(name))));
      else if (name.length > 0) names.add(name);
      if (policy !== 'Always') {
        for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
          if (c[field] !== undefined) {
            findings.push(ref.path.child(field).finding(e.forbidden('may not be set for init containers without restartPolicy=Always')));
          }
        }
        if (pod.atLeast(35)) {
          (c.resizePolicy ?? []).forEach((p, j) => {
            if (p?.restartPolicy === 'RestartContainer') {
              findings.push(
                ref.path
                  .child('resizePolicy')
                  .index(j)
                  .child('restartPolicy')
                  .finding(e.invalid(str('RestartContainer'), "must not be set to 'RestartContainer' for non-sidecar initContainers")),
              );
            }
          });
        }
      }
    }
    for (const ref of pod.containers('ephemeral')) findings.push(...common(pod, ref));
    return findings;
  },
};

/** validateContainerCommon's own checks (the rest belongs to the ports, env, volume mount, resources and security rules). */
function common(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const e = pod.errors;
  const c = ref.container;
  const findings: RuleFinding[] = [];
  const namePath = ref.path.child('name');
  if (!c.name) findings.push(namePath.finding(e.required()));
  else for (const msg of isDns1123Label(c.name)) findings.push(namePath.finding(e.invalid(str(c.name), msg)));
  if (!c.image) findings.push(ref.path.child('image').finding(e.required()));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') findings.push(ref.path.child('terminationMessagePolicy').finding(e.required()));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    findings.push(ref.path.child('terminationMessagePolicy').finding(e.notSupported(str(tmp), ['File', 'FallbackToLogsOnError'])));
  }
  const pull = c.imagePullPolicy ?? '';
  if (pull === '') findings.push(ref.path.child('imagePullPolicy').finding(e.required()));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) {
    findings.push(ref.path.child('imagePullPolicy').finding(e.notSupported(str(pull), ['Always', 'IfNotPresent', 'Never'])));
  }
  findings.push(...resizePolicy(pod, ref));
  return findings;
}

/**
 * validateResizePolicy. ResizePolicy is dropped while InPlacePodVerticalScaling is off by default (before 1.33).
 * Every error but the duplicate is reported at `resizePolicy` itself, as upstream does.
 */
function resizePolicy(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  if (!pod.atLeast(33)) return [];
  const e = pod.errors;
  const path = ref.path.child('resizePolicy');
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  (ref.container.resizePolicy ?? []).forEach((p, i) => {
    const resource = p?.resourceName ?? '';
    const policy = p?.restartPolicy ?? '';
    if (seen.has(resource)) findings.push(path.index(i).finding(e.duplicate(str(resource))));
    seen.add(resource);
    if (resource === '') findings.push(path.finding(e.required()));
    else if (resource !== 'cpu' && resource !== 'memory') findings.push(path.finding(e.notSupported(str(resource), ['cpu', 'memory'])));
    if (policy === '') findings.push(path.finding(e.required()));
    else if (policy !== 'NotRequired' && policy !== 'RestartContainer') {
      findings.push(path.finding(e.notSupported(str(policy), ['NotRequired', 'RestartContainer'])));
    }
    if (pod.spec.restartPolicy === 'Never' && policy !== 'NotRequired') {
      const detail = pod.atLeast(35) ? "must be 'NotRequired' when pod `restartPolicy` is 'Never'" : "must be 'NotRequired' when `restartPolicy` is 'Never'";
      findings.push(path.finding(e.invalid(str(policy), detail)));
    }
  });
  return findings;
}

/**
 * A regular container's restartPolicy. Before 1.34 any value is Forbidden; in 1.34 the (alpha, off)
 * ContainerRestartRules gate drops the field; from 1.35 (beta, on) it is validated with its rules.
 */
function regularRestartPolicy(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const c = ref.container;
  if (pod.atLeast(35)) return containerRestartPolicy(pod, ref, c.restartPolicy, c.restartPolicyRules ?? []);
  if (pod.atLeast(34) || c.restartPolicy === undefined) return [];
  return [ref.path.child('restartPolicy').finding(pod.errors.forbidden('may not be set for non-init containers'))];
}

/**
 * The restartPolicy an init container keeps after the API server drops disabled fields: none before 1.29
 * (SidecarContainers off), only `Always` in 1.34 (ContainerRestartRules alpha drops the others).
 */
export function initRestartPolicy(pod: PodContext, c: Container): string | undefined {
  if (!pod.atLeast(29)) return undefined;
  if (pod.atLeast(34) && !pod.atLeast(35) && c.restartPolicy !== 'Always') return undefined;
  return c.restartPolicy;
}

/** validateInitContainerRestartPolicy. */
function initContainerRestartPolicy(pod: PodContext, ref: ContainerRef, policy: string | undefined): RuleFinding[] {
  const e = pod.errors;
  const rules = pod.atLeast(35) ? (ref.container.restartPolicyRules ?? []) : [];
  if (policy === undefined) {
    return rules.length > 0 ? [ref.path.child('restartPolicy').finding(e.required('must specify restartPolicy when restart rules are used'))] : [];
  }
  if (pod.atLeast(35)) {
    if (policy !== 'Always') return containerRestartPolicy(pod, ref, policy, rules);
    if (rules.length > 0) {
      return [ref.path.child('restartPolicyRules').finding(e.forbidden('restartPolicyRules are not allowed for init containers with restart policy Always'))];
    }
    return [];
  }
  if (policy === 'Always') return [];
  return [ref.path.child('restartPolicy').finding(e.notSupported(str(policy), ['Always']))];
}

/** validateContainerRestartPolicy (1.35+). */
function containerRestartPolicy(pod: PodContext, ref: ContainerRef, policy: string | undefined, rules: NonNullable<Container['restartPolicyRules']>): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const policyPath = ref.path.child('restartPolicy');
  if (policy === undefined) {
    if (rules.length === 0) return [];
    findings.push(policyPath.finding(e.required('must specify restartPolicy when restart rules are used')));
  } else if (!['Always', 'Never', 'OnFailure'].includes(policy)) {
    findings.push(policyPath.finding(e.notSupported(str(policy), ['Always', 'Never', 'OnFailure'])));
  }
  const rulesPath = ref.path.child('restartPolicyRules');
  if (rules.length > 20) findings.push(rulesPath.finding(e.tooMany(rules.length, 20)));
  rules.forEach((rule, i) => {
    const rulePath = rulesPath.index(i);
    const action = rule?.action ?? '';
    if (action !== 'Restart') findings.push(rulePath.child('action').finding(e.notSupported(str(action), ['Restart'])));
    const exitCodes = rule?.exitCodes;
    if (exitCodes) {
      const operator = exitCodes.operator ?? '';
      if (operator !== 'In' && operator !== 'NotIn') {
        findings.push(rulePath.child('exitCodes').child('operator').finding(e.notSupported(str(operator), ['In', 'NotIn'])));
      }
      const values = exitCodes.values ?? [];
      if (values.length > 255) findings.push(rulePath.child('exitCodes').child('values').finding(e.tooMany(values.length, 255)));
    } else {
      findings.push(rulePath.child('exitCodes').finding(e.required('must be specified')));
    }
  });
  return findings;
}

