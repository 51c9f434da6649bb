/**
 * After the scenario's `delete: true`, kubectl no longer finds the object: Timeline.objectDeletedAt says when,
 * `kubectl get <kind>` prints `No resources found in <namespace> namespace.` for it, `kubectl rollout status`
 * fails with the API server's NotFound, and the tables of its dependents show what still exists (a Deployment's
 * ReplicaSets and pods until the garbage collector deletes them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { appsKubectlAt } from '../../../server/src/core/engine/views/appsKubectl';
import { getJobs, getPods } from '../../../server/src/core/engine/views/kubectl';
import { simulateOk } from './simulateOk';

function apps(kind: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } }, ...spec },
  };
}

/** `$ command` and its output, as the CLI and the preview's kubectl panel print them. */
function kubectl(timeline: Timeline, t: number): string {
  return appsKubectlAt(timeline, t)
    .map((out) => `$ ${out.command}\n${out.output}`)
    .join('');
}

const NONE = 'No resources found in default namespace.\n';
const DELETE_AT_60 = { pods: { default: { readySeconds: 1 } }, events: [{ at: '60s', delete: true }], until: '5m' };

test('objectDeletedAt: the time of the delete; absent without one, and when the kind does not simulate it', () => {
  assert.equal(simulateOk(apps('Deployment'), DELETE_AT_60).objectDeletedAt, 60);
  assert.equal('objectDeletedAt' in simulateOk(apps('Deployment'), { until: '5m' }), false);
  const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'hello', image: 'busybox' }] } } } } } };
  assert.equal('objectDeletedAt' in simulateOk(cron, { events: [{ at: '10m', delete: true }], until: '30m' }), false);
  // With kube-controller-manager down, the object still goes at once; only its dependents wait for the collector.
  assert.equal(simulateOk(apps('Deployment'), { events: [{ at: '30s', controllerDown: '2m' }, { at: '60s', delete: true }], until: '5m' }).objectDeletedAt, 60);
});

test('kubectl delete deployment: before it the Deployment is listed and rolled out; at and after it, not found', () => {
  const t = simulateOk(apps('Deployment'), DELETE_AT_60);
  const rs = (t.replicaSets ?? [])[0].name;
  const before = kubectl(t, 59);
  assert.ok(before.startsWith(['$ kubectl get deployments', 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/2     2            2           59s', ''].join('\n')), before);
  assert.ok(before.endsWith('deployment "web" successfully rolled out\n'), before);
  for (const at of [60, 120]) {
    assert.equal(
      kubectl(t, at),
      ['$ kubectl get deployments', NONE + '$ kubectl get replicasets', NONE + '$ kubectl rollout status deployment/web', 'Error from server (NotFound): deployments.apps "web" not found', ''].join('\n'),
      `t=${at}`,
    );
    assert.equal(getPods(t, at), NONE);
  }
  assert.match(kubectl(t, 59), new RegExp(`\\n${rs}   2         2         2       59s\\n`));
});

test('kubectl delete deployment while the controller manager is down: the Deployment is gone, its ReplicaSet and pods stay until the collector runs', () => {
  const t = simulateOk(apps('Deployment'), { pods: { default: { readySeconds: 1 } }, events: [{ at: '30s', controllerDown: '2m' }, { at: '60s', delete: true }], until: '5m' });
  const rs = (t.replicaSets ?? [])[0].name;
  const during = kubectl(t, 90);
  assert.equal(
    during,
    [
      '$ kubectl get deployments',
      NONE + '$ kubectl get replicasets',
      'NAME             DESIRED   CURRENT   READY   AGE',
      `${rs}   2         2         2       90s`,
      '$ kubectl rollout status deployment/web',
      'Error from server (NotFound): deployments.apps "web" not found',
      '',
    ].join('\n'),
  );
  assert.equal(getPods(t, 90).split('\n').filter((line) => line.includes('Running')).length, 2);
  assert.equal(kubectl(t, 150).split('\n').slice(0, 4).join('\n'), ['$ kubectl get deployments', NONE + '$ kubectl get replicasets', NONE.trimEnd()].join('\n'));
});

test('kubectl delete statefulset: not listed and not found from the delete on', () => {
  const t = simulateOk(apps('StatefulSet', { serviceName: 'web' }), DELETE_AT_60);
  assert.equal(t.objectDeletedAt, 60);
  const before = kubectl(t, 59);
  assert.ok(before.startsWith(['$ kubectl get statefulsets', 'NAME   READY   AGE', 'web    2/2     59s', ''].join('\n')), before);
  assert.ok(before.endsWith('partitioned roll out complete: 2 new pods have been updated...\n'), before);
  assert.equal(
    kubectl(t, 60),
    ['$ kubectl get statefulsets', NONE + '$ kubectl rollout status statefulset/web', 'Error from server (NotFound): statefulsets.apps "web" not found', ''].join('\n'),
  );
});

test('kubectl delete replicaset: not listed from the delete on', () => {
  const t = simulateOk(apps('ReplicaSet'), DELETE_AT_60);
  assert.equal(kubectl(t, 59), ['$ kubectl get replicasets', 'NAME   DESIRED   CURRENT   READY   AGE', 'web    2         2         2       59s', ''].join('\n'));
  assert.equal(kubectl(t, 60), `$ kubectl get replicasets\n${NONE}`);
});

test('kubectl delete job: objectDeletedAt set, and kubectl get jobs lists it no more', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } };
  const t = simulateOk(job, { pods: { default: { runSeconds: 60 } }, events: [{ at: '10s', delete: true }] });
  assert.equal(t.objectDeletedAt, 10);
  assert.match(getJobs(t, 9), /^NAME +STATUS +COMPLETIONS +DURATION +AGE\npi +Running +0\/1 +9s +9s\n$/);
  assert.equal(getJobs(t, 10), NONE);
});
