/** The scenario summary names the `existing` objects a run starts from and a `delete` event, in English and Chinese. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../../server/src/core/engine/scenario';
import { describeScenario } from '../../../server/src/core/engine/scenarioSummary';

const rs = (name: string): Record<string, unknown> => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name } });
const pod = (name: string): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name } });

function summary(raw: unknown, locale?: 'en' | 'zh-cn'): string {
  const { scenario, errors } = parseScenario(raw);
  assert.deepEqual(errors, []);
  return describeScenario(scenario, 'Deployment', locale);
}

test('existing objects are counted by kind before the rest of the summary', () => {
  const raw = { existing: { kind: 'List', items: [rs('web-a'), rs('web-b'), ...Array.from({ length: 8 }, (_, i) => pod(`web-${i}`))] } };
  assert.equal(summary(raw), 'starts from 2 live ReplicaSets and 8 pods; pods start at once and run 30s (exit 0)');
  assert.equal(summary(raw, 'zh-cn').startsWith('从已有的 2 个 ReplicaSet、8 个 Pod 开始；'), true, summary(raw, 'zh-cn'));
  const one = { existing: [pod('db-0'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-db-0' } }] };
  assert.equal(summary(one).split('; ')[0], 'starts from 1 pod and 1 PersistentVolumeClaim');
});

test('a delete event', () => {
  assert.equal(summary({ events: [{ at: '10m', delete: true }] }), 'pods start at once and run 30s (exit 0); deleted at +10m');
  assert.equal(summary({ events: [{ at: '10m', delete: true }] }, 'zh-cn').endsWith('+10m 删除对象'), true);
});

test('no existing objects: the summary is as before', () => {
  assert.equal(summary({}), 'pods start at once and run 30s (exit 0)');
});
