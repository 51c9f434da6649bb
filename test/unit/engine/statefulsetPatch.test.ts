/**
 * StatefulSet runs driven by the scenario's `patch` event (`kubectl patch statefulset/<name> --type merge -p`):
 * a scale-down from the highest ordinal, one pod at a time, with the claims of the removed pods deleted under
 * whenScaled: Delete and kept under Retain; a staged rollout, an image change held by a partition and then
 * released by patching the partition down; a scale-up that takes the claims left behind by a scale-down.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const repoRoot = path.resolve(__dirname, '../../../..');

function seedWithClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
  const set = parseAllDocuments(text)
    .map((d) => d.toJS() as Record<string, unknown> & { spec: Record<string, unknown> & { template: { spec: { containers: Record<string, unknown>[] } } } })
    .find((d) => d.kind === 'StatefulSet');
  assert.ok(set);
  set.spec.volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
  set.spec.template.spec.containers[0].volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }];
  Object.assign(set.spec, extra);
  return set;
}

function run(manifest: unknown, scenario: unknown): Timeline {
  const result = simulate(manifest, scenario);
  assert.ok(result.ok, JSON.stringify(!result.ok ? result.errors : []));
  assert.deepEqual(result.warnings.filter((w) => w.source === 'scenario'), [], 'the scenario is accepted as it is');
  return result.timeline;
}

const PODS = { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 10 } };

test('patch replicas 3 → 1: stateful-nginx-2 then -1 are deleted, each once the one above is gone; whenScaled Delete removes their claims', () => {
  const t = run(seedWithClaims({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } }), { pods: PODS, events: [{ at: '1m', patch: { spec: { replicas: 1 } } }] });
  assert.deepEqual(
    t.pods.filter((p) => p.deletedAt !== null).map((p) => `${p.name} ${p.deletedAt}-${p.goneAt}`),
    ['stateful-nginx-1 70-80', 'stateful-nginx-2 60-70'],
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.deleted}`),
    ['www-stateful-nginx-0 null', 'www-stateful-nginx-1 80', 'www-stateful-nginx-2 70'],
  );
  assert.ok(t.markers.some((m) => m.at === 60 && m.description === `kubectl patch statefulset/stateful-nginx --type merge -p '{"spec":{"replicas":1}}': statefulset.apps/stateful-nginx patched`));
  assert.equal(t.status.replicas, 1);
  assert.equal(t.status.specReplicas, 1);
});

test('under Retain (the default) the claims outlive the scale-down and are reused by the next scale-up', () => {
  const t = run(seedWithClaims(), { pods: PODS, events: [{ at: '1m', patch: { spec: { replicas: 1 } } }, { at: '3m', patch: { spec: { replicas: 3 } } }] });
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.created} ${c.deleted}`),
    ['www-stateful-nginx-0 0 null', 'www-stateful-nginx-1 7 null', 'www-stateful-nginx-2 14 null'],
  );
  const claimEvents = t.events.filter((e) => e.message.startsWith('create Claim'));
  assert.equal(claimEvents.length, 3, 'no claim is created again');
  assert.deepEqual(
    t.pods.filter((p) => p.createdAt >= 180).map((p) => `${p.name} ${p.createdAt}`),
    ['stateful-nginx-1 180', 'stateful-nginx-2 187'],
  );
});

test('a staged rollout: partition 2 holds an image change at stateful-nginx-2; patching the partition to 0 releases the rest', () => {
  const manifest = seedWithClaims({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
  const t = run(manifest, {
    pods: PODS,
    events: [
      { at: '1m', setImage: 'nginx:1.27' },
      { at: '5m', patch: { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } } },
    ],
  });
  const updated = t.pods.filter((p) => p.revision === 2).map((p) => `${p.name} ${p.createdAt}`);
  assert.deepEqual(updated, ['stateful-nginx-2 70', 'stateful-nginx-1 310', 'stateful-nginx-0 327']);
  const held = t.statusHistory.filter((s) => s.kind === 'StatefulSet' && s.at < 300).at(-1);
  assert.ok(held);
  assert.equal(held.status.updatedReplicas, 1);
  assert.equal(held.status.partition, 2);
  assert.equal(t.status.updatedReplicas, 3);
  assert.equal(t.status.currentRevision, t.status.updateRevision);
});

test('a stuck rollout: the new image never becomes Ready, so OrderedReady stops after replacing the highest ordinal', () => {
  const t = run(seedWithClaims(), {
    pods: { ...PODS, outcomes: [{ image: 'nginx:broken', ready: false }] },
    until: '10m',
    events: [{ at: '1m', setImage: 'nginx:broken' }],
  });
  assert.deepEqual(
    t.pods.filter((p) => p.revision === 2).map((p) => `${p.name} ready ${p.readyAt}`),
    ['stateful-nginx-2 ready null'],
  );
  assert.deepEqual(
    t.pods.filter((p) => p.deletedAt !== null).map((p) => p.name),
    ['stateful-nginx-2'],
    'stateful-nginx-1 and -0 keep the old image',
  );
  assert.equal(t.status.readyReplicas, 2);
  assert.equal(t.status.updatedReplicas, 1);
});

test('a stuck rollout with minReadySeconds still ends: nothing waits on time once no pod is about to become available', () => {
  const manifest = seedWithClaims({ minReadySeconds: 10 });
  const result = simulate(manifest, { pods: { ...PODS, outcomes: [{ image: 'nginx:broken', ready: false }] }, events: [{ at: '2m', setImage: 'nginx:broken' }] });
  assert.ok(result.ok);
  const t = result.timeline;
  assert.equal(t.stopReason, 'finished');
  assert.ok(t.duration < 300, `ends soon after the new pod starts (${t.duration}s)`);
  assert.deepEqual(
    t.pods.filter((p) => p.revision === 2).map((p) => `${p.name} ${p.readyAt}`),
    ['stateful-nginx-2 null'],
  );
});

test('the garbage collector is part of kube-controller-manager: while it is down a scaled-down pod\'s claim stays, and goes when it is back', () => {
  const t = run(seedWithClaims({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } }), {
    pods: PODS,
    events: [
      { at: '1m', patch: { spec: { replicas: 2 } } },
      { at: '61s', controllerDown: '5m' },
    ],
  });
  // stateful-nginx-2 was deleted at 60 (its claim now owned by the pod) and is gone at 70, while the controller manager is down.
  assert.deepEqual(
    t.pods.filter((p) => p.deletedAt !== null).map((p) => `${p.name} ${p.deletedAt}-${p.goneAt}`),
    ['stateful-nginx-2 60-70'],
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.deleted}`),
    ['www-stateful-nginx-0 null', 'www-stateful-nginx-1 null', 'www-stateful-nginx-2 361'],
  );
});
