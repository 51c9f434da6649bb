/**
 * A Deployment previewed from its live state: the scenario's `existing:` ReplicaSets and pods (as `kubectl get
 * rs,pods -o yaml` prints them) exist at t=0, and the rollout goes on from there, asserting what `kubectl get
 * rs`, `kubectl describe deploy` and `kubectl get pods` would show. Bad `existing` objects are scenario errors
 * with their path, never a crash.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseScenario } from '../../../server/src/core/engine/scenario';
import { simulate, type SimulationProblem } from '../../../server/src/core/engine/simulate';
import { defaultPullPolicy, withoutServerDefaults } from '../../../server/src/core/engine/deployment/templateDefaults';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const ROOT = resolve(__dirname, '../../../..');

/** The user's own manifest: not defaulted, no revision annotation. */
function deployment(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
      ...spec,
    },
  };
}

/** A ReplicaSet as `kubectl get rs -o yaml` prints it: the template fully defaulted by the API server. */
function replicaSet(hash: string, revision: number, image: string, replicas: number, extra: { status?: Record<string, unknown>; owner?: string; labels?: Record<string, string>; created?: string } = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'default',
      labels: extra.labels ?? { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
      creationTimestamp: extra.created ?? `2025-12-0${revision}T00:00:00Z`,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: extra.owner ?? 'web', controller: true, blockOwnerDeletion: true, uid: 'u' }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web', 'pod-template-hash': hash } },
        spec: {
          containers: [{ name: 'web', image, imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: extra.status ?? { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

function pod(name: string, hash: string, ready: boolean, node = 'node-1'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${hash}`, controller: true, uid: 'p' }] },
    spec: { nodeName: node, containers: [{ name: 'web', image: 'nginx:1.27' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-12-31T00:00:00Z' }] },
  };
}

function run(manifest: unknown, scenario: Record<string, unknown>): Timeline {
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', seed: 3, ...scenario });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.timeline;
}

function errorsOf(manifest: unknown, scenario: Record<string, unknown>): string[] {
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', ...scenario });
  assert.equal(result.ok, false, 'the run must be refused');
  return (result as { errors: readonly SimulationProblem[] }).errors.map((e) => `${e.source}: ${e.path}: ${e.message}`);
}

function deploymentEvents(t: Timeline): string[] {
  return t.events.filter((e) => e.kind === 'Deployment').map((e) => `${e.at} ${e.reason}: ${e.message}`);
}

test('existing ReplicaSets (kubectl get rs -o yaml): the current one is found despite the API server defaults, nothing is created at t=0, and setImage becomes revision 3', () => {
  const t = run(deployment(), {
    until: '2m',
    events: [{ at: '1m', setImage: 'nginx:1.28' }],
    existing: [replicaSet('aaa1', 1, 'nginx:1.26', 0), replicaSet('bbb2', 2, 'nginx:1.27', 3)],
  });
  const sets = t.replicaSets ?? [];
  assert.deepEqual(
    sets.map((rs) => [rs.name, rs.revision, rs.image, rs.createdAt, rs.history[0]?.desired]),
    [
      ['web-aaa1', 1, 'nginx:1.26', -2678400, 0],
      ['web-bbb2', 2, 'nginx:1.27', -2592000, 3],
      [sets[2]?.name, 3, 'nginx:1.28', 60, 3],
    ],
  );
  // Nothing happens before the image change: the live state already is the Deployment's.
  const events = deploymentEvents(t);
  assert.ok(events.every((e) => !e.startsWith('0 ')), events.join('\n'));
  assert.equal(events[0], `60 ScalingReplicaSet: Scaled up replica set ${sets[2].name} from 0 to 1`);
  assert.ok(events.includes(`60 ScalingReplicaSet: Scaled down replica set web-bbb2 from 3 to 2`), events.join('\n'));
  assert.equal(sets[1].history.at(-1)?.desired, 0, 'the old current ReplicaSet ends scaled down');
  assert.equal(t.status.revision, 3);
  // Its three pods were Running and Ready at t=0.
  const old = t.pods.filter((p) => p.owner.name === 'web-bbb2');
  assert.deepEqual(
    old.map((p) => [p.createdAt, p.readyAt]),
    [
      [0, 0],
      [0, 0],
      [0, 0],
    ],
  );
  assert.equal(t.conditions.find((c) => c.type === 'Available')?.at, 0);
});

test('a rollout in progress goes on from the live state: old ReplicaSet scaled down within maxUnavailable, the new one up within maxSurge (example file, golden in golden.test.ts)', () => {
  const manifest = parse(readFileSync(resolve(ROOT, 'examples/nginx-deployment.yaml'), 'utf8')) as unknown;
  const scenario = parse(readFileSync(resolve(ROOT, 'examples/nginx-deployment.live.scenario.yaml'), 'utf8')) as Record<string, unknown>;
  const t = run(manifest, scenario);
  const events = deploymentEvents(t);
  // 13 pods, 10 available (5 old + 5 new): 13 - (10 - 2) - 3 unavailable new = 2 old pods can go at once.
  assert.deepEqual(events.slice(0, 2), ['0 ScalingReplicaSet: Scaled down replica set nginx-deployment-6f9c8d7b54 from 5 to 3', '0 ScalingReplicaSet: Scaled up replica set nginx-deployment-54c9f7c6d8 from 8 to 10']);
  const sets = t.replicaSets ?? [];
  assert.deepEqual(
    sets.map((rs) => [rs.revision, rs.image, rs.history.at(-1)?.desired]),
    [
      [2, 'nginx:1.26', 0],
      [3, 'nginx:1.27', 0],
      [4, 'nginx:1.28', 10],
    ],
  );
  assert.equal(sets[2].createdAt, 180);
  assert.equal(t.status.updatedReplicas, 10);
});

test('existing pods are kept by name and node; a not-Ready one starts as the scenario says; the ReplicaSet tops up to its size', () => {
  const t = run(deployment(), {
    pods: { default: { readySeconds: 20 } },
    existing: { apiVersion: 'v1', kind: 'List', items: [replicaSet('bbb2', 2, 'nginx:1.27', 3, { status: { replicas: 2, readyReplicas: 1, availableReplicas: 1 } }), pod('web-bbb2-xk2p9', 'bbb2', true), pod('web-bbb2-m4q7z', 'bbb2', false, 'node-2')] },
  });
  const pods = t.pods.filter((p) => p.owner.name === 'web-bbb2');
  assert.deepEqual(pods.slice(0, 2).map((p) => [p.name, p.node, p.readyAt]), [
    ['web-bbb2-xk2p9', 'node-1', 0],
    ['web-bbb2-m4q7z', 'node-2', 20],
  ]);
  assert.equal(pods.length, 3, 'the ReplicaSet creates its third pod');
  assert.equal(t.events.find((e) => e.reason === 'SuccessfulCreate')?.message, `Created pod: ${pods[2].name}`);
  assert.equal(t.replicaSets?.length, 1, 'no new ReplicaSet: the template is the current one');
});

test('minReadySeconds: pods counted in availableReplicas are available at t=0, Ready-only ones minReadySeconds later', () => {
  const t = run(deployment({ minReadySeconds: 30 }), {
    existing: [replicaSet('bbb2', 1, 'nginx:1.27', 3, { status: { replicas: 3, readyReplicas: 3, availableReplicas: 2 } })],
  });
  const history = t.replicaSets?.[0].history ?? [];
  assert.deepEqual(
    history.map((h) => [h.at, h.available]),
    [
      [0, 2],
      [31, 3],
    ],
  );
  // maxUnavailable 25% of 3 rounds down to 0: the Deployment is Available once all 3 are, at 31s.
  assert.equal(t.conditions.find((c) => c.type === 'Available' && c.status === 'True')?.at, 31);
});

test('revisionHistoryLimit applies to existing old ReplicaSets: the oldest empty ones are deleted', () => {
  const t = run(deployment({ revisionHistoryLimit: 1 }), {
    existing: [replicaSet('aaa1', 1, 'nginx:1.25', 0), replicaSet('ccc3', 2, 'nginx:1.26', 0), replicaSet('bbb2', 3, 'nginx:1.27', 3)],
  });
  assert.deepEqual(
    (t.replicaSets ?? []).map((rs) => [rs.name, rs.deletedAt]),
    [
      ['web-aaa1', 0],
      ['web-ccc3', null],
      ['web-bbb2', null],
    ],
  );
});

test('bad existing objects are scenario errors with their path, never a crash', () => {
  assert.deepEqual(errorsOf(deployment(), { existing: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'x' } }] }), ['scenario: existing[0].kind: must be one of ReplicaSet, Pod, PersistentVolumeClaim, got "StatefulSet"']);
  assert.deepEqual(errorsOf(deployment(), { existing: { kind: 'Service' } }), ['scenario: existing: must be a list of objects or a `kind: List` (as `kubectl get rs,pods -o yaml` prints), got a mapping with kind "Service"']);
  assert.deepEqual(errorsOf(deployment(), { existing: [replicaSet('bbb2', 1, 'nginx:1.27', 3), replicaSet('bbb2', 2, 'nginx:1.27', 3)] }), ['scenario: existing[1].metadata.name: duplicate ReplicaSet name "web-bbb2"']);
  assert.deepEqual(errorsOf(deployment(), { existing: [replicaSet('bbb2', 1, 'nginx:1.27', 3, { owner: 'api' })] }), ['scenario: existing[0].metadata.ownerReferences[0]: ReplicaSet web-bbb2 is controlled by Deployment api, not by Deployment web']);
  assert.deepEqual(errorsOf(deployment(), { existing: { kind: 'List', items: [replicaSet('bbb2', 1, 'nginx:1.27', 3, { labels: { app: 'api' } })] } }), [
    'scenario: existing.items[0].metadata.labels: ReplicaSet web-bbb2\'s labels do not match the Deployment\'s selector {"matchLabels":{"app":"web"}}: the Deployment would not own it',
  ]);
  assert.deepEqual(errorsOf(deployment(), { existing: [replicaSet('bbb2', 1, 'nginx:1.27', 3), pod('web-zzz9-abcde', 'zzz9', true)] }), [
    'scenario: existing[1]: pod web-zzz9-abcde belongs to none of the ReplicaSets in `existing` (by its controller ownerReference, or its pod-template-hash label): list its ReplicaSet too',
  ]);
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } };
  assert.deepEqual(errorsOf(job, { existing: [pod('web-bbb2-x', 'bbb2', true)] }), ['scenario: existing[0].kind: a Job simulation reads no existing objects, got Pod']);
  // Junk in every field: still errors, not an exception.
  for (const junk of [[null], [{ kind: 'ReplicaSet' }], [{ kind: 'ReplicaSet', metadata: { name: 'web-x' }, spec: 7, status: 'x' }], 'x', [{ kind: 'Pod', apiVersion: 'apps/v1', metadata: { name: 'p' } }]]) {
    const result = simulate(deployment(), { existing: junk });
    assert.equal(result.ok, false, JSON.stringify(junk));
    assert.ok(result.errors.every((e) => e.source === 'scenario' && e.path.startsWith('existing')), JSON.stringify(result.errors));
  }
});

test('scenario: existing parses as a list or a kind: List and is empty when absent', () => {
  assert.deepEqual(parseScenario({}).scenario.existing, []);
  const parsed = parseScenario({ existing: { apiVersion: 'v1', kind: 'List', items: [replicaSet('bbb2', 1, 'nginx:1.27', 3)] } });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.scenario.existing.map((o) => [o.path, o.kind, o.name, o.namespace]),
    [['existing.items[0]', 'ReplicaSet', 'web-bbb2', 'default']],
  );
});

test('templates compare without the API server defaults (SetDefaults_Container imagePullPolicy, as defaults_test.go cases)', () => {
  // [image, default pull policy]: tag latest or no tag and no digest -> Always; otherwise IfNotPresent.
  const cases: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.example:5000/nginx', 'Always'],
    ['registry.example:5000/nginx:1.0', 'IfNotPresent'],
    ['nginx@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'IfNotPresent'],
  ];
  for (const [image, policy] of cases) assert.equal(defaultPullPolicy(image), policy, image);
  const printed = (replicaSet('bbb2', 1, 'nginx:1.27', 3).spec as { template: Record<string, unknown> }).template;
  assert.deepEqual(withoutServerDefaults(printed), { metadata: { labels: { app: 'web', 'pod-template-hash': 'bbb2' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } });
});

test('a revision annotation that is not a number is an error at its path (label-key brackets, as field paths write them)', () => {
  const rs = replicaSet('bbb2', 1, 'nginx:1.27', 3) as { metadata: { annotations: Record<string, string> } };
  rs.metadata.annotations['deployment.kubernetes.io/revision'] = 'two';
  assert.deepEqual(errorsOf(deployment(), { existing: [rs] }), ['scenario: existing[0].metadata.annotations[deployment.kubernetes.io/revision]: must be a revision number, got "two"']);
});
