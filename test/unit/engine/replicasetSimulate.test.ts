/**
 * A bare ReplicaSet through simulate(): slow-start creation, which pods a scale-down deletes first
 * (ActivePodsWithRanks: a pod that is not Ready before Ready ones), minReadySeconds before a pod counts as
 * available, and a new template that only reaches pods created after it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateOk } from './simulateOk';

function replicaSet(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { tier: 'frontend' } },
      template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php', image: 'php:8' }] } },
      ...spec,
    },
  };
}

test('a ReplicaSet creates its pods (frontend-xxxxx) and a scale-down deletes the pod that never became Ready first', () => {
  const t = simulateOk(replicaSet(), { pods: { default: { readySeconds: 5 }, outcomes: [{ pod: 2, ready: false }] }, events: [{ at: '1m', patch: { spec: { replicas: 2 } } }] });
  const created = t.events.filter((e) => e.reason === 'SuccessfulCreate');
  assert.equal(created.length, 3);
  assert.ok(created.every((e) => e.kind === 'ReplicaSet' && e.object === 'frontend' && /^Created pod: frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(e.message)));
  const deleted = t.events.filter((e) => e.reason === 'SuccessfulDelete');
  assert.deepEqual(deleted.map((e) => [e.at, e.message]), [[60, `Deleted pod: ${t.pods[1].name}`]]);
  assert.equal(t.pods[1].readyAt, null);
  assert.deepEqual(t.status, { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 });
});

test('minReadySeconds 10: ready at 5s, available only after 5s + 10s (the pod update requeues after minReadySeconds + 1s)', () => {
  const t = simulateOk(replicaSet({ minReadySeconds: 10 }), { pods: { default: { readySeconds: 5 } } });
  const history = t.replicaSets?.[0].history ?? [];
  const ready = history.find((h) => h.ready === 3);
  const available = history.find((h) => h.available === 3);
  assert.equal(ready?.at, 5);
  assert.equal(available?.at, 16);
});

test('setImage on a bare ReplicaSet: running pods keep the old image, only replacements run the new one', () => {
  const t = simulateOk(replicaSet({ replicas: 1 }), { until: '2m', events: [{ at: '10s', setImage: 'php:9' }, { at: '20s', patch: { spec: { replicas: 2 } } }] });
  assert.equal(t.pods.length, 2);
  assert.equal(t.pods[0].deletedAt, null, 'the first pod is not replaced');
  assert.ok(t.markers.some((m) => m.description.includes('only pods created from now on run it')));
  assert.equal(t.replicaSets?.[0].image, 'php:9');
});
