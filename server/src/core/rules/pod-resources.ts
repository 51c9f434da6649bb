import { aggregateContainerRequests } from './helpers/podSpec/aggregateRequests';
import { str } from './helpers/podSpec/errorBodies';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import { isDns1123Label } from './helpers/podSpec/formats';
import { podContext, type PodContext } from './helpers/podSpec/podContext';
import {
  compareQuantities,
  parseQuantity,
  quantityMilliValue,
  quantityString,
  quantityValue,
  resourceEntries,
  type Quantity,
  type ResourceEntry,
} from './helpers/podSpec/quantity';
import {
  containerResourceNameErrors,
  isHugePageResourceName,
  isIntegerResourceName,
  isOvercommitAllowed,
  resourceNameErrors,
} from './helpers/podSpec/resourceNames';
import type { ResourceClaim, ResourceRequirements } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Resource requirements of every container, of the pod (spec.resources, from 1.34) and spec.overhead:
 * valid resource names, non-negative (and for extended resources integer) amounts, whole hugepages,
 * requests within limits (equal for resources that cannot be overcommitted), claims that name a pod
 * resource claim. Amounts are compared after SetDefaults_ResourceList's rounding to milli-units.
 * pkg/apis/core/validation/validation.go: ValidateContainerResourceRequirements, validateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue, validateResourceQuantityHugePageValue,
 * validateResourceClaimNames, validatePodResources, validatePodResourceConsistency, validateOverhead.
 */
export const podResources: Rule = {
  meta: {
    id: 'pod-resources',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      'Container and pod resources: valid resource names, non-negative amounts, requests not above limits (equal for extended resources and hugepages), valid claims.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    // resourceClaims and resources.claims are dropped while DynamicResourceAllocation is off by default (before 1.34).
    const claimsOn = pod.atLeast(34);
    const claimNames = new Set((claimsOn ? (pod.spec.resourceClaims ?? []) : []).map((c) => c?.name ?? '').filter((n) => n !== ''));
    for (const ref of pod.allContainers()) {
      findings.push(...requirements(pod, ref.container.resources ?? {}, ref.path.child('resources'), claimsOn ? claimNames : undefined, 'container'));
    }
    // Pod-level resources are dropped while PodLevelResources is off by default (before 1.34).
    if (pod.spec.resources && pod.atLeast(34)) {
      const path = pod.path.child('resources');
      if (pod.spec.resources.claims !== undefined) findings.push(path.child('claims').finding(pod.errors.forbidden('claims cannot be set for Resources at pod-level')));
      findings.push(...requirements(pod, pod.spec.resources, path, claimNames, 'pod'), ...podConsistency(pod, path));
    }
    if (pod.spec.overhead) {
      findings.push(...requirements(pod, { limits: pod.spec.overhead }, pod.path.child('overhead'), undefined, 'overhead'));
    }
    return findings;
  },
};

type Scope = 'container' | 'pod' | 'overhead';

/** resourcehelper.IsSupportedPodLevelResource (cpu, memory and, from 1.34, hugepages). */
function podLevelResourceSupported(name: string): boolean {
  return name === 'cpu' || name === 'memory' || isHugePageResourceName(name);
}

function nameFindings(pod: PodContext, name: string, path: FieldPath, scope: Scope): RuleFinding[] {
  const e = pod.errors;
  if (scope !== 'pod') return containerResourceNameErrors(name, pod.version).map((msg) => path.finding(e.invalid(str(name), msg)));
  const errs = resourceNameErrors(name, pod.version);
  if (errs.length > 0) return errs.map((msg) => path.finding(e.invalid(str(name), msg)));
  return podLevelResourceSupported(name) ? [] : [path.finding(e.notSupported(str(name), ['cpu', 'memory']))];
}

/** ValidateResourceQuantityValue. */
function quantityFindings(pod: PodContext, name: string, q: Quantity | undefined, path: FieldPath): RuleFinding[] {
  if (!q) return [];
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  if (q.nanos < 0n) findings.push(path.finding(e.invalid(str(quantityString(q)), 'must be greater than or equal to 0')));
  if (isIntegerResourceName(name) && quantityMilliValue(q) % 1000n !== 0n) findings.push(path.finding(e.invalid(str(quantityString(q)), 'must be an integer')));
  return findings;
}

/** helper.IsHugePageResourceValueDivisible. */
function hugePagesDivisible(name: string, q: Quantity): boolean {
  const size = parseQuantity(name.slice('hugepages-'.length));
  if (typeof size === 'string' || size.nanos <= 0n || quantityMilliValue(size) % 1000n !== 0n) return false;
  return quantityValue(q) % quantityValue(size) === 0n;
}

function hugePagesFindings(pod: PodContext, entry: ResourceEntry, path: FieldPath): RuleFinding[] {
  if (!isHugePageResourceName(entry.name) || !entry.quantity || hugePagesDivisible(entry.name, entry.quantity)) return [];
  const q = quantityString(entry.quantity);
  return [path.finding(pod.errors.invalid(str(q), `${q} is not positive integer multiple of ${entry.name}`))];
}

/** validateResourceRequirements. */
function requirements(pod: PodContext, reqs: ResourceRequirements, path: FieldPath, claimNames: ReadonlySet<string> | undefined, scope: Scope): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = resourceEntries(reqs.limits);
  const requests = resourceEntries(reqs.requests);
  let cpuOrMemory = false;
  let hugePages = false;
  for (const entry of limits) {
    const at = limPath.key(entry.name);
    findings.push(...nameFindings(pod, entry.name, at, scope), ...quantityFindings(pod, entry.name, entry.quantity, at), ...hugePagesFindings(pod, entry, at));
    if (isHugePageResourceName(entry.name)) hugePages = true;
    if (entry.name === 'cpu' || entry.name === 'memory') cpuOrMemory = true;
  }
  for (const entry of requests) {
    const at = reqPath.key(entry.name);
    findings.push(...nameFindings(pod, entry.name, at, scope), ...quantityFindings(pod, entry.name, entry.quantity, at));
    const limit = limits.find((l) => l.name === entry.name);
    if (limit) {
      if (entry.quantity && limit.quantity) {
        const cmp = compareQuantities(entry.quantity, limit.quantity);
        const value = str(quantityString(entry.quantity));
        const limitText = quantityString(limit.quantity);
        if (cmp !== 0 && !isOvercommitAllowed(entry.name)) {
          findings.push(reqPath.finding(e.invalid(value, `must be equal to ${entry.name} limit of ${limitText}`)));
        } else if (cmp > 0) {
          findings.push(reqPath.finding(e.invalid(value, `must be less than or equal to ${entry.name} limit of ${limitText}`)));
        }
      }
    } else if (!isOvercommitAllowed(entry.name)) {
      findings.push(limPath.finding(e.required('Limit must be set for non overcommitable resources')));
    }
    findings.push(...hugePagesFindings(pod, entry, at));
    if (isHugePageResourceName(entry.name)) hugePages = true;
    if (entry.name === 'cpu' || entry.name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) findings.push(path.finding(e.forbidden('HugePages require cpu or memory')));
  if (claimNames) findings.push(...claimFindings(pod, reqs.claims ?? [], path.child('claims'), claimNames));
  return findings;
}

/** validateResourceClaimNames. */
function claimFindings(pod: PodContext, claims: readonly (ResourceClaim | undefined)[], path: FieldPath, podClaims: ReadonlySet<string>): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const at = path.index(i);
    const name = claim?.name ?? '';
    const request = claim?.request ?? '';
    if (name === '') {
      findings.push(at.finding(e.required()));
      return;
    }
    if (names.has(name)) findings.push(at.finding(e.duplicate(str(name))));
    else {
      let key = name;
      if (request !== '') {
        for (const msg of isDns1123Label(request)) findings.push(at.child('request').finding(e.invalid(str(request), msg)));
        key += `/${request}`;
      }
      if (names.has(key)) findings.push(at.finding(e.duplicate(str(key))));
      else if (request === '') {
        for (const seen of names) {
          const slash = seen.indexOf('/');
          if (slash >= 0 && seen.slice(0, slash) === name) findings.push(at.finding(e.duplicate(str(name))));
        }
      }
      names.add(key);
    }
    if (!podClaims.has(name)) {
      const list = [...podClaims].sort();
      const detail = `must be one of the names in pod.spec.resourceClaims${list.length === 0 ? ' which is empty' : `: ${list.join(', ')}`}`;
      findings.push(at.finding(e.notFound(str(name), detail)));
    }
  });
  return findings;
}

/**
 * validatePodResourceConsistency. Only resources the pod-level requests name are compared: how upstream
 * treats a resource that containers request but the pod does not is left unchecked here.
 */
function podConsistency(pod: PodContext, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const podRequests = resourceEntries(pod.spec.resources?.requests);
  const aggregate = aggregateContainerRequests(pod.spec.containers ?? [], pod.spec.initContainers ?? []);
  for (const entry of podRequests) {
    const sum = aggregate.get(entry.name);
    if (sum === undefined || !entry.quantity || sum <= entry.quantity.nanos) continue;
    const aggregateText = quantityString({ nanos: sum, format: entry.quantity.format, isDec: false, scale: 0 });
    findings.push(
      path
        .child('requests')
        .key(entry.name)
        .finding(e.invalid(str(quantityString(entry.quantity)), `must be greater than or equal to aggregate container requests of ${aggregateText}`)),
    );
  }
  const podLimits = resourceEntries(pod.spec.resources?.limits);
  (pod.spec.containers ?? []).forEach((c, i) => {
    for (const limit of resourceEntries(c?.resources?.limits)) {
      const podLimit = podLimits.find((l) => l.name === limit.name);
      if (!podLimit?.quantity || !limit.quantity || compareQuantities(limit.quantity, podLimit.quantity) <= 0) continue;
      // Reported at `resources.containers[i][name].limits`, a path that does not exist.
      const at = pod.path
        .child('containers')
        .index(i)
        .child('resources')
        .child('limits')
        .key(limit.name)
        .withGo(`${path.go}.containers[${i}][${limit.name}].limits`);
      findings.push(at.finding(e.invalid(str(quantityString(limit.quantity)), `must be less than or equal to pod limits of ${quantityString(podLimit.quantity)}`)));
    }
  });
  return findings;
}
