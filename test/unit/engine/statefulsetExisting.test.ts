/**
 * A StatefulSet previewed from its live state: the scenario's `existing:` pods (by ordinal, at the revision their
 * controller-revision-hash label names) and claims (as `kubectl get pods,pvc -o yaml` prints them) exist at t=0.
 * A partitioned rollout goes on from a half-updated state; claims are not made again and the retention policy
 * applies to them. Bad objects are scenario errors with their path.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { simulate, type SimulationProblem } from '../../../server/src/core/engine/simulate';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const OLD = 'web-6d4b8c7f9c';
const NEW = 'web-5f7d9b6c84';

function statefulSet(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
    ...(status !== undefined ? { status } : {}),
  };
}

function pod(ordinal: number, hash: string, image: string, ready = true): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${ordinal}`,
      namespace: 'default',
      labels: { app: 'nginx', 'controller-revision-hash': hash, 'statefulset.kubernetes.io/pod-name': `web-${ordinal}` },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', controller: true, uid: 'u' }],
    },
    spec: { nodeName: `node-${ordinal % 3}`, containers: [{ name: 'nginx', image, imagePullPolicy: 'IfNotPresent' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

function claim(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', labels: { app: 'nginx' } }, spec: { accessModes: ['ReadWriteOnce'] }, status: { phase: 'Bound' } };
}

function run(manifest: unknown, scenario: Record<string, unknown>): Timeline {
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', seed: 2, ...scenario });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.timeline;
}

function lives(t: Timeline): string[] {
  return t.pods.map((p) => `${p.name} rev ${p.revision} created ${p.createdAt} ready ${p.readyAt} deleted ${p.deletedAt}`);
}

test('a half-updated partitioned rollout goes on from the live state: only the ordinals at or above the partition are updated, highest first', () => {
  const live = { replicas: 3, currentRevision: OLD, updateRevision: NEW, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 };
  const t = run(statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }, live), {
    pods: { default: { readySeconds: 5 } },
    existing: { kind: 'List', items: [pod(0, OLD, 'nginx:1.26'), pod(1, OLD, 'nginx:1.26'), pod(2, NEW, 'nginx:1.27'), claim('www-web-0'), claim('www-web-1'), claim('www-web-2')] },
  });
  // web-2 is already updated and web-0 is below the partition: only web-1 is replaced, at the update revision.
  assert.deepEqual(lives(t), ['web-0 rev 1 created 0 ready 0 deleted null', 'web-1 rev 1 created 0 ready 0 deleted 0', 'web-2 rev 2 created 0 ready 0 deleted null', 'web-1 rev 2 created 0 ready 5 deleted null']);
  assert.deepEqual(t.status.currentRevision, OLD, 'web-0 keeps the current revision');
  assert.deepEqual(t.status.updateRevision, NEW);
  assert.deepEqual([t.status.updatedReplicas, t.status.currentReplicas], [2, 1]);
  // The claims exist already: none is made again.
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => [c.name, c.created, c.deleted]),
    [
      ['www-web-0', 0, null],
      ['www-web-1', 0, null],
      ['www-web-2', 0, null],
    ],
  );
  assert.ok(!t.events.some((e) => e.reason === 'SuccessfulCreate' && e.message.includes('Claim')), 'no claim created');
});

test('a retained claim of an earlier scale-down is reused by a scale-up; whenScaled: Delete removes the claims of scaled-down pods', () => {
  const scaledUp = run(statefulSet({ replicas: 4 }), {
    existing: [pod(0, NEW, 'nginx:1.27'), pod(1, NEW, 'nginx:1.27'), pod(2, NEW, 'nginx:1.27'), claim('www-web-0'), claim('www-web-1'), claim('www-web-2'), claim('www-web-3')],
  });
  assert.deepEqual(scaledUp.pods.map((p) => `${p.name} ${p.createdAt}`), ['web-0 0', 'web-1 0', 'web-2 0', 'web-3 0']);
  assert.deepEqual((scaledUp.persistentVolumeClaims ?? []).map((c) => c.name), ['www-web-0', 'www-web-1', 'www-web-2', 'www-web-3'], 'www-web-3 is not made again');

  const scaledDown = run(statefulSet({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } }), {
    existing: [pod(0, NEW, 'nginx:1.27'), pod(1, NEW, 'nginx:1.27'), pod(2, NEW, 'nginx:1.27'), claim('www-web-0'), claim('www-web-1'), claim('www-web-2')],
    events: [{ at: '1m', patch: { spec: { replicas: 1 } } }],
  });
  assert.deepEqual(
    (scaledDown.persistentVolumeClaims ?? []).map((c) => [c.name, c.deleted !== null]),
    [
      ['www-web-0', false],
      ['www-web-1', true],
      ['www-web-2', true],
    ],
  );
});

test('bad existing StatefulSet objects are scenario errors with their path', () => {
  const errors = (existing: unknown): string[] => {
    const result = simulate(statefulSet(), { existing });
    assert.equal(result.ok, false);
    return (result as { errors: readonly SimulationProblem[] }).errors.map((e) => `${e.source}: ${e.path}: ${e.message}`);
  };
  assert.deepEqual(errors([{ ...pod(0, NEW, 'nginx:1.27'), metadata: { name: 'api-0', labels: { app: 'nginx' } } }]), ['scenario: existing[0].metadata.name: pod api-0 is not a pod of StatefulSet web (its pods are named web-<ordinal>)']);
  assert.deepEqual(errors([claim('data-web-0')]), ["scenario: existing[0].metadata.name: claim data-web-0 is not one of StatefulSet web's claims (www-web-<ordinal>)"]);
  assert.deepEqual(errors([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-x' } }]), ['scenario: existing[0].kind: a StatefulSet simulation reads only Pod, PersistentVolumeClaim objects, got ReplicaSet']);
  const other = pod(0, NEW, 'nginx:1.27') as { metadata: { labels: Record<string, string> } };
  other.metadata.labels = { app: 'api' };
  assert.match(errors([other])[0], /^scenario: existing\[0\]\.metadata\.labels: pod web-0's labels do not match the StatefulSet's selector/);
});

test('examples/web-statefulset.live.scenario.yaml: the update goes on with web-1 then web-0, web-3 reuses its claim, the scale-down removes web-3 and web-2 with their claims', () => {
  const root = resolve(__dirname, '../../../..');
  const manifest = parseAllDocuments(readFileSync(resolve(root, 'examples/web-statefulset.yaml'), 'utf8'))
    .map((d) => d.toJS() as { kind?: string })
    .find((d) => d.kind === 'StatefulSet');
  const scenario = parse(readFileSync(resolve(root, 'examples/web-statefulset.live.scenario.yaml'), 'utf8')) as Record<string, unknown>;
  const t = run(manifest, scenario);
  assert.deepEqual(
    t.events.filter((e) => e.kind === 'StatefulSet').map((e) => `${e.at} ${e.message}`),
    [
      '0 delete Pod web-1 in StatefulSet web successful',
      '5 create Pod web-1 in StatefulSet web successful',
      '15 delete Pod web-0 in StatefulSet web successful',
      '20 create Pod web-0 in StatefulSet web successful',
      '120 create Pod web-3 in StatefulSet web successful',
      '240 delete Pod web-3 in StatefulSet web successful',
      '245 delete Pod web-2 in StatefulSet web successful',
    ],
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => [c.name, c.created, c.deleted]),
    [
      ['www-web-0', 0, null],
      ['www-web-1', 0, null],
      ['www-web-2', 0, 250],
      ['www-web-3', 0, 245],
    ],
  );
});
