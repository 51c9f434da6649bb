/**
 * Whole StatefulSet runs: manifest + scenario → Timeline. The seeds' stateful-nginx StatefulSet (with its
 * headless Service) creating stateful-nginx-0, -1, -2 in order, each once its predecessor is Ready, with the
 * claims of a volumeClaimTemplate; a pasted live object with more pods than spec.replicas scaling down from
 * the highest ordinal (whenScaled: Delete removes their claims) and rolling out an image change above a
 * partition; Parallel; maxUnavailable per release; ordinals.start; OnDelete; a deleted pod coming back under
 * its name. The two main runs are compared with golden timelines in test/fixtures/engine/statefulset-golden.json.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const repoRoot = path.resolve(__dirname, '../../../..');
const GOLDEN = path.join(repoRoot, 'test/fixtures/engine/statefulset-golden.json');
const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;

/** The seed's StatefulSet document (the file also holds its headless Service). */
function seed(): Record<string, unknown> {
  const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
  const docs = parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
  const set = docs.find((d) => d.kind === 'StatefulSet');
  assert.ok(set, 'the seed has a StatefulSet');
  assert.ok(docs.some((d) => d.kind === 'Service' && (d.spec as { clusterIP?: string }).clusterIP === 'None'), 'and a headless Service');
  return set;
}

type Spec = Record<string, unknown> & { template: { spec: { containers: Record<string, unknown>[] } } };

function withClaims(manifest: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(manifest)) as Record<string, unknown> & { spec: Spec };
  copy.spec.volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
  copy.spec.template.spec.containers[0].volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }];
  Object.assign(copy.spec, extra);
  return copy;
}

function run(manifest: unknown, scenario: unknown, kubernetesVersion?: string): Timeline {
  const result = simulate(manifest, scenario, { kubernetesVersion });
  assert.ok(result.ok, JSON.stringify(!result.ok ? result.errors : []));
  return result.timeline;
}

/** What the golden file keeps of a run: the StatefulSet's events, the pods' lives, the claims, the status. */
function digest(t: Timeline): Record<string, unknown> {
  return {
    events: t.events.filter((e) => e.kind === 'StatefulSet').map((e) => `${e.at} ${e.type} ${e.reason} ${e.message}`),
    pods: t.pods.map((p) => `${p.name} rev ${p.revision} created ${p.createdAt} ready ${p.readyAt} deleted ${p.deletedAt} gone ${p.goneAt}${p.deletedBy === null ? '' : ` by ${p.deletedBy}`}`),
    persistentVolumeClaims: t.persistentVolumeClaims,
    status: t.status,
    markers: t.markers.map((m) => `${m.at} ${m.description}`),
  };
}

function checkGolden(name: string, t: Timeline): void {
  const got = digest(t);
  if (process.env.K8S_DRYRUN_UPDATE_GOLDEN === '1') {
    golden[name] = got;
    fs.writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
    return;
  }
  assert.deepEqual(got, golden[name], `golden timeline ${name}`);
}

const BEHAVIOUR = { default: { startupSeconds: 2, readySeconds: 5 } };

test('the seed StatefulSet: stateful-nginx-0, -1, -2 created in order, each once its predecessor is Running and Ready', () => {
  const t = run(seed(), { pods: BEHAVIOUR });
  assert.equal(t.object.kind, 'StatefulSet');
  const pods = t.pods;
  assert.deepEqual(
    pods.map((p) => p.name),
    ['stateful-nginx-0', 'stateful-nginx-1', 'stateful-nginx-2'],
  );
  assert.deepEqual(
    pods.map((p) => p.index),
    [0, 1, 2],
  );
  for (let i = 1; i < pods.length; i++) assert.equal(pods[i].createdAt, pods[i - 1].readyAt, `${pods[i].name} is created when ${pods[i - 1].name} becomes Ready`);
  assert.deepEqual(
    t.events.filter((e) => e.kind === 'StatefulSet').map((e) => `${e.at} ${e.reason} ${e.message}`),
    [
      '0 SuccessfulCreate create Pod stateful-nginx-0 in StatefulSet stateful-nginx successful',
      '7 SuccessfulCreate create Pod stateful-nginx-1 in StatefulSet stateful-nginx successful',
      '14 SuccessfulCreate create Pod stateful-nginx-2 in StatefulSet stateful-nginx successful',
    ],
  );
  assert.deepEqual(t.persistentVolumeClaims, []);
  assert.equal(t.status.readyReplicas, 3);
  assert.equal(t.status.currentRevision, t.status.updateRevision);
  assert.match(String(t.status.currentRevision), /^stateful-nginx-[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(t.stopReason, 'finished');
});

test('volumeClaimTemplates: each pod\'s claim www-<set>-<ordinal> is created just before the pod; an image change rolls from the highest ordinal (golden)', () => {
  const t = run(withClaims(seed()), { pods: BEHAVIOUR, events: [{ at: '1m', setImage: 'nginx:1.27' }] });
  const events = t.events.filter((e) => e.kind === 'StatefulSet').map((e) => e.message);
  assert.deepEqual(events.slice(0, 2), ['create Claim www-stateful-nginx-0 Pod stateful-nginx-0 in StatefulSet stateful-nginx success', 'create Pod stateful-nginx-0 in StatefulSet stateful-nginx successful']);
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.created} ${c.deleted}`),
    ['www-stateful-nginx-0 0 null', 'www-stateful-nginx-1 7 null', 'www-stateful-nginx-2 14 null'],
  );
  // The rolling update deletes the highest ordinal first, and the next only once the new pod is Ready; the
  // claims are kept and reused.
  const deletions = t.pods.filter((p) => p.deletedAt !== null).map((p) => `${p.name}@${p.deletedAt}`);
  assert.deepEqual(deletions, ['stateful-nginx-0@74', 'stateful-nginx-1@67', 'stateful-nginx-2@60']);
  assert.deepEqual(
    t.pods.filter((p) => p.revision === 2).map((p) => p.name),
    ['stateful-nginx-2', 'stateful-nginx-1', 'stateful-nginx-0'],
  );
  checkGolden('claimsAndRollingUpdate', t);
});

test('a live object with 5 pods and spec.replicas 3: scale-down from the highest ordinal, whenScaled Delete removes their claims, then a partition-1 rollout (golden)', () => {
  const manifest = withClaims(seed(), {
    persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
  });
  manifest.status = { replicas: 5 };
  const t = run(manifest, { pods: { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 10 } }, events: [{ at: '2m', setImage: 'nginx:1.27' }] });
  const scaleDown = t.pods.filter((p) => p.deletedBy === 'statefulset-controller: scale down');
  assert.deepEqual(
    scaleDown.map((p) => `${p.name} ${p.deletedAt}-${p.goneAt}`),
    ['stateful-nginx-3 17-27', 'stateful-nginx-4 7-17'],
    'stateful-nginx-4 goes first; stateful-nginx-3 only once -4 is gone (OrderedReady)',
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).filter((c) => c.deleted !== null).map((c) => `${c.name} ${c.deleted}`),
    ['www-stateful-nginx-3 27', 'www-stateful-nginx-4 17'],
  );
  // Partition 1: stateful-nginx-0 stays at the old revision.
  const live = t.pods.filter((p) => p.deletedAt === null);
  assert.deepEqual(
    live.map((p) => `${p.name} ${p.revision}`),
    ['stateful-nginx-0 1', 'stateful-nginx-2 2', 'stateful-nginx-1 2'],
  );
  assert.equal(t.status.updatedReplicas, 2);
  assert.equal(t.status.currentReplicas, 1);
  assert.notEqual(t.status.currentRevision, t.status.updateRevision);
  checkGolden('liveScaleDownAndPartition', t);
});

test('Parallel: every pod is created at once', () => {
  const manifest = withClaims(seed(), { podManagementPolicy: 'Parallel' });
  const t = run(manifest, { pods: BEHAVIOUR });
  assert.deepEqual(
    t.pods.map((p) => `${p.name}@${p.createdAt}`),
    ['stateful-nginx-0@0', 'stateful-nginx-1@0', 'stateful-nginx-2@0'],
  );
});

test('maxUnavailable 2 replaces two pods at a time where MaxUnavailableStatefulSet is on by default (1.35, 1.37+), one at a time in 1.34 and 1.36', () => {
  const manifest = withClaims(seed(), { replicas: 4, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } });
  const firstDeletions = (version: string): string[] => {
    const t = run(manifest, { pods: BEHAVIOUR, events: [{ at: '1m', setImage: 'nginx:1.27' }] }, version);
    return t.pods.filter((p) => p.deletedAt === 60).map((p) => p.name);
  };
  assert.deepEqual(firstDeletions('1.35'), ['stateful-nginx-2', 'stateful-nginx-3']);
  assert.deepEqual(firstDeletions('1.37'), ['stateful-nginx-2', 'stateful-nginx-3']);
  assert.deepEqual(firstDeletions('1.34'), ['stateful-nginx-3']);
  assert.deepEqual(firstDeletions('1.36'), ['stateful-nginx-3']);
});

test('ordinals.start: the pods are numbered from it, and so are their claims', () => {
  const t = run(withClaims(seed(), { ordinals: { start: 3 } }), { pods: BEHAVIOUR });
  assert.deepEqual(
    t.pods.map((p) => p.name),
    ['stateful-nginx-3', 'stateful-nginx-4', 'stateful-nginx-5'],
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => c.name),
    ['www-stateful-nginx-3', 'www-stateful-nginx-4', 'www-stateful-nginx-5'],
  );
});

test('OnDelete: an image change replaces nothing until a pod is deleted; it comes back under its name at the new revision', () => {
  const manifest = withClaims(seed(), { updateStrategy: { type: 'OnDelete' } });
  const t = run(manifest, { pods: BEHAVIOUR, events: [{ at: '1m', setImage: 'nginx:1.27' }, { at: '2m', deletePod: 'stateful-nginx-1' }] });
  assert.deepEqual(
    t.pods.map((p) => `${p.name} ${p.revision} ${p.createdAt}`),
    ['stateful-nginx-0 1 0', 'stateful-nginx-1 1 7', 'stateful-nginx-2 1 14', 'stateful-nginx-1 2 120'],
  );
  assert.deepEqual(
    (t.persistentVolumeClaims ?? []).map((c) => c.name),
    ['www-stateful-nginx-0', 'www-stateful-nginx-1', 'www-stateful-nginx-2'],
    'the new pod reuses its claim',
  );
});

test('rollout undo: the old revision comes back under a new number and the pods roll back from the highest ordinal', () => {
  const t = run(seed(), { pods: BEHAVIOUR, events: [{ at: '1m', setImage: 'nginx:1.27' }, { at: '3m', rollback: 0 }] });
  const revisions = t.pods.map((p) => p.revision);
  assert.deepEqual(revisions, [1, 1, 1, 2, 2, 2, 3, 3, 3]);
  assert.ok(t.markers.some((m) => m.description === 'kubectl rollout undo statefulset/stateful-nginx: statefulset.apps/stateful-nginx rolled back'));
  assert.equal(t.status.currentRevision, t.status.updateRevision);
});

test('minReadySeconds: the next pod waits until its predecessor has been Ready for longer than minReadySeconds', () => {
  const t = run(withClaims(seed(), { minReadySeconds: 10 }), { pods: BEHAVIOUR });
  // stateful-nginx-0 is Ready at 7 and available after 17: updatePod's requeue (minReadySeconds + 1s) syncs at 18.
  assert.deepEqual(
    t.pods.map((p) => `${p.name} ${p.createdAt} ${p.readyAt}`),
    ['stateful-nginx-0 0 7', 'stateful-nginx-1 18 25', 'stateful-nginx-2 36 43'],
  );
  assert.equal(t.status.availableReplicas, 3);
});

test('a removed node: its pod fails and is recreated under the same name, its claim kept', () => {
  const t = run(withClaims(seed()), { pods: BEHAVIOUR, nodes: [{ name: 'node-a' }, { name: 'node-b' }], events: [{ at: '1m', removeNode: 'node-b' }] });
  const lost = t.pods.filter((p) => p.deletedBy === 'pod-garbage-collector: node node-b removed').map((p) => p.name);
  assert.ok(lost.length > 0);
  for (const name of lost) {
    const again = t.pods.filter((p) => p.name === name);
    assert.equal(again.length, 2, `${name} is recreated`);
    assert.equal(again[1].node, 'node-a');
  }
  assert.equal((t.persistentVolumeClaims ?? []).length, 3);
  assert.equal(t.status.readyReplicas, 3);
});

test('generateName: the API server names the set, and its pods are named after that name', () => {
  const manifest = JSON.parse(JSON.stringify(seed())) as { metadata: Record<string, unknown> };
  manifest.metadata = { generateName: 'web-', namespace: 'default' };
  const t = run(manifest, { pods: BEHAVIOUR });
  assert.match(t.object.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(
    t.pods.map((p) => p.name),
    [0, 1, 2].map((i) => `${t.object.name}-${i}`),
  );
});
