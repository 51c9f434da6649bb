/**
 * Downward API selectors shared by env vars and downwardAPI volumes
 * (pkg/apis/core/validation/validation.go: validateObjectFieldSelector, validateContainerResourceFieldSelector,
 * validateContainerResourceDivisor; pkg/apis/core/pods/helpers.go: ConvertDownwardAPIFieldLabel;
 * pkg/fieldpath: SplitMaybeSubscriptedPath).
 */
import type { RuleFinding } from '../../rule';
import { str, type Errors } from './errorBodies';
import type { FieldPath } from './fieldPath';
import { isQualifiedName } from './formats';
import { parseQuantity, quantityString, quantityText } from './quantity';
import type { ObjectFieldSelector, ResourceFieldSelector } from './types';
import type { KubernetesVersion } from '../../../kubernetesVersion';

export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const HUGEPAGES_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

const CONVERTIBLE = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** SplitMaybeSubscriptedPath: `metadata.labels['key']` → [metadata.labels, key]. */
function splitSubscripted(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const trimmed = fieldPath.slice(0, -2);
  const at = trimmed.indexOf("['");
  if (at <= 0) return undefined;
  return [trimmed.slice(0, at), trimmed.slice(at + 2)];
}

/** ConvertDownwardAPIFieldLabel: the internal field path, or the error text. */
function convertFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` };
  const split = splitSubscripted(label);
  if (split) {
    if (split[0] === 'metadata.annotations' || split[0] === 'metadata.labels') return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (CONVERTIBLE.has(label)) return { path: label };
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return { error: `field label not supported: ${label}` };
}

export function objectFieldSelector(fs: ObjectFieldSelector, expressions: readonly string[], path: FieldPath, e: Errors, version: KubernetesVersion): RuleFinding[] {
  if (!fs.apiVersion) return [path.child('apiVersion').finding(e.required())];
  if (!fs.fieldPath) return [path.child('fieldPath').finding(e.required())];
  const converted = convertFieldLabel(fs.apiVersion, fs.fieldPath);
  if ('error' in converted) return [path.child('fieldPath').finding(e.invalid(str(fs.fieldPath), `error converting fieldPath: ${converted.error}`))];
  const split = splitSubscripted(converted.path);
  if (split) {
    const [base, subscript] = split;
    if (base === 'metadata.annotations') {
      const key = subscript.toLowerCase();
      return isQualifiedName(key, version).map((msg) => path.finding(e.invalid(str(key), msg)));
    }
    if (base === 'metadata.labels') return isQualifiedName(subscript, version).map((msg) => path.finding(e.invalid(str(subscript), msg)));
    return [path.finding(e.invalid(str(base), 'does not support subscript'))];
  }
  if (!expressions.includes(converted.path)) return [path.child('fieldPath').finding(e.notSupported(str(converted.path), expressions))];
  return [];
}

const MEMORY_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const BYTE_DIVISOR_LIST = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

export function resourceFieldSelector(fs: ResourceFieldSelector, path: FieldPath, volume: boolean, e: Errors): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const resource = fs.resource ?? '';
  if (volume && !fs.containerName) findings.push(path.child('containerName').finding(e.required()));
  else if (resource === '') findings.push(path.child('resource').finding(e.required()));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix))) {
    findings.push(path.child('resource').finding(e.notSupported(str(resource), RESOURCE_FIELD_PATHS)));
  }
  // validateContainerResourceDivisor: an unparsable divisor never reaches validation (pod-quantity-syntax).
  const text = quantityText(fs.divisor);
  const parsed = text === undefined ? undefined : parseQuantity(text);
  if (parsed === undefined || typeof parsed === 'string' || parsed.nanos === 0n) return findings;
  const divisor = quantityString(parsed);
  const divisorPath = path.child('divisor');
  if (resource === 'limits.cpu' || resource === 'requests.cpu') {
    if (divisor !== '1m' && divisor !== '1') findings.push(divisorPath.finding(e.invalid(str(resource), "only divisor's values 1m and 1 are supported with the cpu resource")));
  } else if (resource === 'limits.memory' || resource === 'requests.memory') {
    if (!MEMORY_DIVISORS.includes(divisor)) {
      findings.push(divisorPath.finding(e.invalid(str(resource), `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the memory resource`)));
    }
  } else if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') {
    if (!MEMORY_DIVISORS.includes(divisor)) {
      findings.push(divisorPath.finding(e.invalid(str(resource), `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the local ephemeral storage resource`)));
    }
  }
  if (HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix)) && !MEMORY_DIVISORS.includes(divisor)) {
    findings.push(divisorPath.finding(e.invalid(str(resource), `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the hugepages resource`)));
  }
  return findings;
}
