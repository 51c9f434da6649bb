/** Resource name classes of pkg/apis/core/helper/helpers.go, with the API server's checks on them. */
import { labelKeyErrors } from '../labelSyntax';
import type { KubernetesVersion } from '../../../kubernetesVersion';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
/** The object-count quota resources: integerResources upstream, and part of standardResources. */
const INTEGER_RESOURCES = [
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
];
const STANDARD_RESOURCES = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  ...INTEGER_RESOURCES,
  'storage',
  'requests.storage',
];

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return labelKeyErrors(`requests.${name}`, { major: 1, minor: 34 }).length === 0;
}

export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.includes(name) || isExtendedResourceName(name);
}

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.includes(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

function isStandardContainerResourceName(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.includes(name) || isHugePageResourceName(name);
}

/** validateResourceName's details (Invalid, the name as value). */
export function resourceNameErrors(name: string, version: KubernetesVersion): string[] {
  const errs = labelKeyErrors(name, version);
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) return ['must be a standard resource type or fully qualified'];
  return [];
}

/** validateContainerResourceName's details. */
export function containerResourceNameErrors(name: string, version: KubernetesVersion): string[] {
  const errs = resourceNameErrors(name, version);
  if (!name.includes('/')) {
    if (!isStandardContainerResourceName(name)) return [...errs, 'must be a standard resource for containers'];
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [...errs, "doesn't follow extended resource name standard"];
  }
  return errs;
}
