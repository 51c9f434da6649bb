/**
 * A StatefulSet controller visits every ordinal in each sync, so a replica count past the simulation's pod limit
 * (the int32 maximum, say) could never finish: it is refused at once with a clear message, in the manifest and in
 * a patch, instead of running (it took minutes and gigabytes before).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import { simulateOk } from './simulateOk';

const statefulSet = (replicas: number): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    replicas,
    serviceName: 'web',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  },
});

test('spec.replicas past the pod limit: an error on spec.replicas, no run', () => {
  const started = Date.now();
  const result = simulate(statefulSet(2147483647), {}, { defaultStartTime: '2026-01-01T00:00:00Z' });
  assert.ok(Date.now() - started < 5000, 'answered at once');
  assert.equal(result.ok, false);
  const errors = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  assert.deepEqual(errors, [
    "spec.replicas: 2147483647 replicas are more than a simulation's pod limit (100000): the StatefulSet controller visits every ordinal in each sync, so the run could not end. Simulate fewer replicas.",
  ]);
  const zh = simulate(statefulSet(2147483647), {}, { defaultStartTime: '2026-01-01T00:00:00Z', locale: 'zh-cn' });
  assert.match(zh.ok ? '' : zh.errors[0].message, /^2147483647 个副本超过了模拟的 Pod 数上限（100000）/);
});

test('a patch to such a count is refused with a note; the run goes on with the replicas it had', () => {
  const timeline = simulateOk(statefulSet(2), { until: '2m', events: [{ at: '1m', patch: { spec: { replicas: 2147483647 } } }] });
  assert.ok(timeline.notes.some((n) => /2147483647 replicas are more than a simulation's pod limit/.test(n)), timeline.notes.join('\n'));
  assert.deepEqual([...new Set(timeline.pods.map((p) => p.name))].sort(), ['web-0', 'web-1']);
});
