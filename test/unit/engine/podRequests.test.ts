/**
 * Timeline.podRequests: what each pod of the template requests, as the scheduler counts it after the API
 * server's defaulting (limits stand in for missing requests; containers add up; an init container needs at
 * least its own, with the sidecars before it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
type ContainerSpec = { resources?: Resources; restartPolicy?: string };

function container(name: string, c: ContainerSpec): Record<string, unknown> {
  return { name, image: 'busybox', ...c };
}

function podSpec(containers: ContainerSpec[], initContainers: ContainerSpec[] = [], podLevel?: Resources): Record<string, unknown> {
  return {
    restartPolicy: 'Never',
    containers: containers.map((c, i) => container(`c${i}`, c)),
    ...(initContainers.length > 0 ? { initContainers: initContainers.map((c, i) => container(`init${i}`, c)) } : {}),
    ...(podLevel ? { resources: podLevel } : {}),
  };
}

function run(manifest: unknown, kubernetesVersion?: string): Timeline {
  const result = simulate(manifest, { until: '1m' }, kubernetesVersion ? { kubernetesVersion } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

function job(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec } } };
}

const MI = 1024 * 1024;

const CASES: readonly { name: string; spec: Record<string, unknown>; expected: { cpuMillis: number; memoryBytes: number } | null; version?: string }[] = [
  { name: 'no resources anywhere: null', spec: podSpec([{}]), expected: null },
  { name: 'one container, requests', spec: podSpec([{ resources: { requests: { cpu: '500m', memory: '128Mi' } } }]), expected: { cpuMillis: 500, memoryBytes: 128 * MI } },
  { name: 'limits without requests count as requests (SetDefaults_Pod)', spec: podSpec([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }]), expected: { cpuMillis: 1000, memoryBytes: 1024 * MI } },
  {
    name: 'a request beats the limit of the same resource; the other resource takes its limit',
    spec: podSpec([{ resources: { requests: { cpu: '250m' }, limits: { cpu: '2', memory: '64Mi' } } }]),
    expected: { cpuMillis: 250, memoryBytes: 64 * MI },
  },
  {
    name: 'containers add up; only cpu requested: memory 0',
    spec: podSpec([{ resources: { requests: { cpu: '100m' } } }, { resources: { requests: { cpu: 0.25 } } }]),
    expected: { cpuMillis: 350, memoryBytes: 0 },
  },
  {
    name: 'an init container larger than the sum sets the amount (max of sum and init)',
    spec: podSpec([{ resources: { requests: { cpu: '100m', memory: '100M' } } }], [{ resources: { requests: { cpu: '2', memory: '10M' } } }]),
    expected: { cpuMillis: 2000, memoryBytes: 100_000_000 },
  },
  {
    name: 'a sidecar (restartPolicy Always) adds to the containers and to the init containers after it',
    spec: podSpec(
      [{ resources: { requests: { cpu: '100m' } } }],
      [{ restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } }, { resources: { requests: { cpu: '250m' } } }],
    ),
    // containers 100m + sidecar 200m = 300m; the later init container needs 250m + 200m = 450m.
    expected: { cpuMillis: 450, memoryBytes: 0 },
  },
  { name: 'a fraction of a millicore rounds up', spec: podSpec([{ resources: { requests: { cpu: '0.0001' } } }]), expected: { cpuMillis: 1, memoryBytes: 0 } },
  {
    name: 'pod-level requests (1.34+) replace the containers’ aggregate',
    spec: podSpec([{ resources: { requests: { cpu: '100m' } } }], [], { requests: { cpu: '1', memory: '2Gi' } }),
    expected: { cpuMillis: 1000, memoryBytes: 2048 * MI },
  },
  {
    name: 'pod-level limits without requests: containers’ cpu kept, memory from the pod limit',
    spec: podSpec([{ resources: { requests: { cpu: '100m' } } }], [], { limits: { cpu: '1', memory: '1Gi' } }),
    expected: { cpuMillis: 100, memoryBytes: 1024 * MI },
  },
  {
    name: 'before 1.34 pod-level resources are dropped',
    spec: podSpec([{ resources: { requests: { cpu: '100m' } } }], [], { requests: { cpu: '1' } }),
    expected: { cpuMillis: 100, memoryBytes: 0 },
    version: '1.33',
  },
];

for (const c of CASES) {
  test(`podRequests: ${c.name}`, () => {
    assert.deepEqual(run(job(c.spec), c.version).podRequests, c.expected);
  });
}

test('podRequests of a CronJob come from its jobTemplate, of a DaemonSet from its template', () => {
  const resources = { requests: { cpu: '50m', memory: '32Mi' } };
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: podSpec([{ resources }]) } } } },
  };
  assert.deepEqual(run(cronJob).podRequests, { cpuMillis: 50, memoryBytes: 32 * MI });
  const daemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'fluentd' },
    spec: {
      selector: { matchLabels: { app: 'fluentd' } },
      template: { metadata: { labels: { app: 'fluentd' } }, spec: { ...podSpec([{ resources: { limits: { cpu: '200m', memory: '200Mi' } } }]), restartPolicy: 'Always' } },
    },
  };
  assert.deepEqual(run(daemonSet).podRequests, { cpuMillis: 200, memoryBytes: 200 * MI });
});
