/**
 * The scenario's `delete: true` event, `kubectl delete <kind>/<name>` with kubectl's default background
 * propagation: the object goes at once and the garbage collector deletes its dependents. What a user sees:
 * a Deployment's ReplicaSets and pods gone, a ReplicaSet's pods gone, a StatefulSet's pods gone and its claims
 * kept or deleted by persistentVolumeClaimRetentionPolicy.whenDeleted; a kind that does not simulate it yet
 * says so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import { parseScenario } from '../../../server/src/core/engine/scenario';
import { simulateOk } from './simulateOk';

const CONTAINERS = [{ name: 'web', image: 'nginx:1.27' }];

function apps(kind: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: CONTAINERS } }, ...spec },
  };
}

function statefulSet(whenDeleted: string | undefined): Record<string, unknown> {
  return apps('StatefulSet', {
    serviceName: 'web',
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...(whenDeleted !== undefined ? { persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled: 'Retain' } } : {}),
  });
}

const DELETE_AT_60 = { pods: { default: { readySeconds: 1 } }, events: [{ at: '60s', delete: true }], until: '5m' };
const GC = (kind: string): string => `garbage-collector: owner ${kind} web deleted`;

test('scenario: delete must be true; it parses to a delete event', () => {
  const ok = parseScenario({ events: [{ at: '1m', delete: true }] });
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.scenario.events.map((e) => e.type), ['delete']);
  const bad = parseScenario({ events: [{ at: '1m', delete: false }] });
  assert.deepEqual(bad.errors.map((e) => `${e.path}: ${e.message}`), ['events[0].delete: must be true (delete the object at this time), got false']);
  assert.deepEqual(parseScenario({ events: [{ at: '1m', delete: 'yes' }] }, { locale: 'zh-cn' }).errors.map((e) => e.path), ['events[0].delete']);
});

test('kubectl delete deployment: its ReplicaSet and every pod go, deleted by the garbage collector; nothing is recreated', () => {
  const t = simulateOk(apps('Deployment'), DELETE_AT_60);
  assert.ok(t.markers.some((m) => m.at === 60 && m.kind === 'delete' && m.description === 'kubectl delete deployment/web: deployment.apps "web" deleted'), JSON.stringify(t.markers));
  const replicaSets = t.replicaSets ?? [];
  assert.equal(replicaSets.length, 1);
  assert.equal(replicaSets[0].deletedAt, 60);
  assert.equal(t.pods.length, 3, 'no pod is created after the deletion');
  for (const pod of t.pods) {
    assert.equal(pod.deletedAt, 60, pod.name);
    assert.notEqual(pod.goneAt, null, pod.name);
    assert.equal(pod.deletedBy, `garbage-collector: owner ReplicaSet ${replicaSets[0].name} deleted`, pod.name);
  }
});

test('kubectl delete deployment mid-rollout: the old and the new ReplicaSet both go', () => {
  const t = simulateOk(apps('Deployment'), { pods: { default: { readySeconds: 1 }, outcomes: [{ image: 'nginx:broken', ready: false }] }, events: [{ at: '30s', setImage: 'nginx:broken' }, { at: '60s', delete: true }], until: '5m' });
  const replicaSets = t.replicaSets ?? [];
  assert.equal(replicaSets.length, 2);
  assert.deepEqual(replicaSets.map((rs) => rs.deletedAt), [60, 60]);
  assert.ok(t.pods.every((p) => p.deletedAt !== null && p.deletedAt <= 60 && p.goneAt !== null));
});

test('events after the delete are ignored with a warning', () => {
  const result = simulate(apps('Deployment'), { events: [{ at: '10s', delete: true }, { at: '20s', setImage: 'nginx:1.28' }], until: '1m' }, { defaultStartTime: '2026-01-01T00:00:00Z' });
  assert.ok(result.ok);
  assert.deepEqual(result.warnings.filter((w) => w.source === 'scenario').map((w) => `${w.path}: ${w.message}`), ['events[1]: ignored: the Deployment was deleted at t=10s']);
});

test('kubectl delete replicaset: its pods go, deleted by the garbage collector', () => {
  const t = simulateOk(apps('ReplicaSet'), DELETE_AT_60);
  assert.ok(t.markers.some((m) => m.description === 'kubectl delete replicaset/web: replicaset.apps "web" deleted'));
  assert.equal(t.pods.length, 3);
  for (const pod of t.pods) {
    assert.equal(pod.deletedAt, 60);
    assert.equal(pod.deletedBy, GC('ReplicaSet'));
  }
});

test('kubectl delete statefulset with whenDeleted: Delete: the pods go and the garbage collector deletes the claims', () => {
  const t = simulateOk(statefulSet('Delete'), DELETE_AT_60);
  assert.ok(t.markers.some((m) => m.description === 'kubectl delete statefulset/web: statefulset.apps "web" deleted'));
  assert.deepEqual(t.pods.map((p) => `${p.name} ${p.deletedAt} ${p.deletedBy}`), ['web-0', 'web-1', 'web-2'].map((n) => `${n} 60 ${GC('StatefulSet')}`));
  assert.deepEqual((t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.deleted} ${c.deletedBy}`), ['data-web-0', 'data-web-1', 'data-web-2'].map((n) => `${n} 60 ${GC('StatefulSet')}`));
});

test('kubectl delete statefulset with whenDeleted: Retain (or no policy): the pods go, the claims stay', () => {
  for (const policy of ['Retain', undefined]) {
    const t = simulateOk(statefulSet(policy), DELETE_AT_60);
    assert.equal(t.pods.length, 3, String(policy));
    assert.ok(t.pods.every((p) => p.deletedAt === 60 && p.goneAt !== null), String(policy));
    assert.deepEqual((t.persistentVolumeClaims ?? []).map((c) => `${c.name} ${c.deleted}`), ['data-web-0 null', 'data-web-1 null', 'data-web-2 null'], String(policy));
  }
});

test('kubectl delete job: the Job goes and the garbage collector deletes its running pods', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { parallelism: 2, completions: 4, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } };
  const t = simulateOk(job, { pods: { default: { runSeconds: 60 } }, events: [{ at: '10s', delete: true }] });
  assert.ok(t.markers.some((m) => m.at === 10 && m.description === 'kubectl delete job/pi: job.batch "pi" deleted'));
  assert.deepEqual(t.pods.map((p) => `${p.deletedAt} ${p.deletedBy}`), ['10 garbage-collector: owner Job pi deleted', '10 garbage-collector: owner Job pi deleted']);
});

test('a kind whose simulation does not delete it yet: a warning, not a crash', () => {
  const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'hello', image: 'busybox' }] } } } } } };
  const result = simulate(cron, { events: [{ at: '10m', delete: true }], until: '30m' }, { defaultStartTime: '2026-01-01T00:00:00Z' });
  assert.ok(result.ok, JSON.stringify(!result.ok ? result.errors : []));
  assert.deepEqual(result.warnings.filter((w) => w.source === 'scenario').map((w) => `${w.path}: ${w.message}`), ['events[0]: ignored: deleting a CronJob is not simulated yet (its dependents would be deleted by the garbage collector)']);
});

test('while kube-controller-manager is down the garbage collector is too: the dependents go when it is back', () => {
  const scenario = { pods: { default: { readySeconds: 1 } }, events: [{ at: '30s', controllerDown: '2m' }, { at: '60s', delete: true }], until: '5m' };
  const deployment = simulateOk(apps('Deployment'), scenario);
  assert.deepEqual((deployment.replicaSets ?? []).map((rs) => rs.deletedAt), [150]);
  assert.ok(deployment.pods.every((p) => p.deletedAt === 150), JSON.stringify(deployment.pods.map((p) => p.deletedAt)));
  const set = simulateOk(statefulSet('Delete'), scenario);
  assert.ok(set.pods.every((p) => p.deletedAt === 150));
  assert.deepEqual((set.persistentVolumeClaims ?? []).map((c) => c.deleted), [150, 150, 150]);
});
