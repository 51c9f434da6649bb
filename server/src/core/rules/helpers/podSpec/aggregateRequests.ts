/**
 * k8s.io/component-helpers/resource/helpers.go, AggregateContainerRequests: what a pod's containers request
 * together. Regular containers and restartable init containers (sidecars) add up; the pod needs at least each
 * init container's own requests plus those of the sidecars started before it. Shared by the pod-level resources
 * check (which reads the requests as written) and the engine's footprint (which first applies defaulting).
 */
import { resourceEntries } from './quantity';
import type { Container } from './types';

/** Amounts by resource name, in nano-units (the precision a Quantity keeps). */
export type ResourceAmounts = Map<string, bigint>;

/** A container's requests as written (no defaulting). */
export function writtenRequests(container: Container | undefined): ResourceAmounts {
  const amounts: ResourceAmounts = new Map();
  for (const { name, quantity } of resourceEntries(container?.resources?.requests)) if (quantity) amounts.set(name, quantity.nanos);
  return amounts;
}

export function aggregateContainerRequests(
  containers: readonly Container[],
  initContainers: readonly Container[],
  requestsOf: (container: Container | undefined) => ResourceAmounts = writtenRequests,
): ResourceAmounts {
  const total: ResourceAmounts = new Map();
  for (const c of containers) addInto(total, requestsOf(c));
  const sidecars: ResourceAmounts = new Map();
  const initMax: ResourceAmounts = new Map();
  for (const c of initContainers) {
    const own = requestsOf(c);
    let effective: ResourceAmounts;
    if (c?.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map(sidecars);
      addInto(effective, own);
    }
    maxInto(initMax, effective);
  }
  maxInto(total, initMax);
  return total;
}

function addInto(total: ResourceAmounts, amounts: ReadonlyMap<string, bigint>): void {
  for (const [name, nanos] of amounts) total.set(name, (total.get(name) ?? 0n) + nanos);
}

function maxInto(total: ResourceAmounts, other: ReadonlyMap<string, bigint>): void {
  for (const [name, nanos] of other) {
    const current = total.get(name);
    if (current === undefined || current < nanos) total.set(name, nanos);
  }
}
