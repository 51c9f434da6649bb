/**
 * A pod template's CPU and memory requests as the scheduler counts them for each pod created from it: what
 * the preview's footprint chart multiplies by the pods running at a time.
 *
 * Two upstream steps, in order:
 * - API-server defaulting of every Pod (pkg/apis/core/v1/defaults.go, SetDefaults_Pod): a container (or init
 *   container) with a limit but no request for a resource gets the limit as its request. It applies to Pods, not
 *   templates, so it is applied here, to the pods the controllers will create.
 * - k8s.io/component-helpers/resource/helpers.go, PodRequests → AggregateContainerRequests: the sum over the
 *   containers plus restartable init containers (sidecars), at least the largest init container (each init
 *   container counted together with the sidecars started before it); with PodLevelResources (on by default from
 *   1.34) the pod-level `spec.resources.requests` of cpu and memory take the place of the aggregate.
 * Pod overhead (set by the RuntimeClass admission plugin, not by the template) is not added.
 */
import { isAtLeast, type KubernetesVersion } from '../kubernetesVersion';
import { aggregateContainerRequests, type ResourceAmounts } from '../rules/helpers/podSpec/aggregateRequests';
import { quantityMilliValue, quantityValue, resourceEntries, type Quantity } from '../rules/helpers/podSpec/quantity';
import type { Container, PodSpec, ResourceList } from '../rules/helpers/podSpec/types';

export interface PodRequests {
  /** CPU in millicores (`500m` → 500, `2` → 2000). */
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

const CPU = 'cpu';
const MEMORY = 'memory';

/** Requests by resource name, in nano-units (the precision a Quantity keeps). */
type Amounts = ResourceAmounts;

/** null when no container and no pod-level field requests (or limits) cpu or memory. */
export function podTemplateRequests(spec: PodSpec | undefined, version: KubernetesVersion): PodRequests | null {
  if (spec === undefined) return null;
  const containers = spec.containers ?? [];
  const initContainers = spec.initContainers ?? [];
  const aggregate = aggregateContainerRequests(containers, initContainers, defaultedRequests);
  const podLevel = isAtLeast(version, 1, 34) ? podLevelRequests(spec.resources?.requests, spec.resources?.limits, aggregate) : new Map<string, bigint>();
  const amount = (name: string): bigint | undefined => podLevel.get(name) ?? aggregate.get(name);
  const cpu = amount(CPU);
  const memory = amount(MEMORY);
  if (cpu === undefined && memory === undefined) return null;
  // Quantity.MilliValue() for cpu, Quantity.Value() for memory, as the scheduler's Resource counts them (both round up).
  return {
    cpuMillis: cpu === undefined ? 0 : Number(quantityMilliValue(asQuantity(cpu))),
    memoryBytes: memory === undefined ? 0 : Number(quantityValue(asQuantity(memory))),
  };
}

/** SetDefaults_Pod: every limit without a request of the same resource is also the request. */
function defaultedRequests(container: Container | undefined): Amounts {
  const amounts: Amounts = new Map();
  for (const { name, quantity } of resourceEntries(container?.resources?.limits)) if (quantity) amounts.set(name, quantity.nanos);
  for (const { name, quantity } of resourceEntries(container?.resources?.requests)) if (quantity) amounts.set(name, quantity.nanos);
  return amounts;
}

/**
 * PodRequests with pod-level resources: the pod's cpu and memory requests replace the containers' aggregate.
 * A pod-level limit without a request is defaulted (defaults.go, defaultPodRequests) to the containers'
 * aggregate request when containers request that resource, else to the limit.
 */
function podLevelRequests(requests: ResourceList | undefined, limits: ResourceList | undefined, aggregate: Amounts): Amounts {
  const out: Amounts = new Map();
  for (const { name, quantity } of resourceEntries(limits)) {
    if (quantity && (name === CPU || name === MEMORY)) out.set(name, aggregate.get(name) ?? quantity.nanos);
  }
  for (const { name, quantity } of resourceEntries(requests)) {
    if (quantity && (name === CPU || name === MEMORY)) out.set(name, quantity.nanos);
  }
  return out;
}

function asQuantity(nanos: bigint): Quantity {
  return { nanos, format: 'DecimalSI', isDec: false, scale: 0 };
}
