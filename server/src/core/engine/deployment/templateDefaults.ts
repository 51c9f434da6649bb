/**
 * A pod template with the API server's defaults taken out, for comparing templates only. In a cluster both
 * sides of FindNewReplicaSet's comparison went through the API server's defaulting; a scenario's `existing`
 * ReplicaSets are printed by `kubectl get -o yaml` (fully defaulted) while the Deployment may be the user's own
 * manifest (defaulted here only as far as validation needs). Taking out the values the API server would have
 * put in lets the two meet, as they would in the cluster.
 *
 * The values are pkg/apis/core/v1/defaults.go's: SetDefaults_PodSpec (dnsPolicy, restartPolicy,
 * terminationGracePeriodSeconds, schedulerName, securityContext), SetDefaults_Container (imagePullPolicy,
 * terminationMessagePath, terminationMessagePolicy), SetDefaults_ContainerPort (protocol), SetDefaults_Probe
 * (timeoutSeconds, periodSeconds, successThreshold, failureThreshold) and SetDefaults_HTTPGetAction (path,
 * scheme); a template's metadata.creationTimestamp prints as null. Empty mappings, empty lists and nulls are
 * what omitempty leaves out.
 */

type Json = Record<string, unknown>;

const POD_SPEC_DEFAULTS: Readonly<Json> = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
};

const CONTAINER_DEFAULTS: Readonly<Json> = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};

const PROBE_DEFAULTS: Readonly<Json> = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export function withoutServerDefaults(template: Readonly<Json>): Json {
  const copy = JSON.parse(JSON.stringify(template)) as Json;
  const metadata = record(copy.metadata);
  if (metadata !== undefined) delete metadata.creationTimestamp;
  const spec = record(copy.spec);
  if (spec !== undefined) {
    dropEqual(spec, POD_SPEC_DEFAULTS);
    for (const key of ['containers', 'initContainers']) {
      const containers = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
      for (const item of containers) {
        const container = record(item);
        if (container !== undefined) dropContainerDefaults(container);
      }
    }
  }
  return (pruned(copy) as Json | undefined) ?? {};
}

function dropContainerDefaults(container: Json): void {
  dropEqual(container, CONTAINER_DEFAULTS);
  if (typeof container.image === 'string' && container.imagePullPolicy === defaultPullPolicy(container.image)) delete container.imagePullPolicy;
  const ports = Array.isArray(container.ports) ? container.ports : [];
  for (const item of ports) {
    const port = record(item);
    if (port !== undefined && port.protocol === 'TCP') delete port.protocol;
  }
  for (const key of PROBES) {
    const probe = record(container[key]);
    if (probe === undefined) continue;
    dropEqual(probe, PROBE_DEFAULTS);
    const httpGet = record(probe.httpGet);
    if (httpGet !== undefined) dropEqual(httpGet, { path: '/', scheme: 'HTTP' });
  }
}

/** SetDefaults_Container: Always for `:latest` or no tag (and no digest), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  if (colon === -1) return 'Always';
  return lastPart.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function dropEqual(target: Json, defaults: Readonly<Json>): void {
  for (const [key, value] of Object.entries(defaults)) if (target[key] === value) delete target[key];
}

function record(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Nulls, empty mappings and empty lists removed, recursively (undefined for a value that is all of those). */
function pruned(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => pruned(item) ?? {});
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const out: Json = {};
    for (const [key, item] of Object.entries(value as Json)) {
      const kept = pruned(item);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}
