/**
 * The `existing` objects' problems and modelling notes follow SimulateOptions.locale: English as before, Chinese
 * with the names, field paths and values unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import type { Locale } from '../../../server/src/core/i18n';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

function apps(kind: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind, metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template, ...spec } };
}

function errors(manifest: unknown, existing: unknown[], locale: Locale): string[] {
  const result = simulate(manifest, { existing }, { locale, defaultStartTime: '2026-01-01T00:00:00Z' });
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

function notes(manifest: unknown, existing: unknown[], locale: Locale): string[] {
  const result = simulate(manifest, { existing, until: '1m' }, { locale, defaultStartTime: '2026-01-01T00:00:00Z' });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.timeline.notes.filter((n) => n.startsWith('existing'));
}

const orphanPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-x', labels: { app: 'web' } } };
const rs = (replicas: number): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-abc', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas, template },
  status: { replicas },
});

test('a Deployment: a pod without its ReplicaSet, in English and in Chinese', () => {
  assert.deepEqual(errors(apps('Deployment'), [orphanPod], 'en'), [
    'existing[0]: pod web-x belongs to none of the ReplicaSets in `existing` (by its controller ownerReference, or its pod-template-hash label): list its ReplicaSet too',
    'existing[0]: no ReplicaSet of this Deployment in `existing`: pods need their ReplicaSet (kubectl get rs,pods -o yaml)',
  ]);
  const zh = errors(apps('Deployment'), [orphanPod], 'zh-cn');
  assert.deepEqual(zh, [
    'existing[0]: Pod web-x 不属于 `existing` 中的任何 ReplicaSet（按其控制者 ownerReference 或 pod-template-hash 标签）：请同时列出它的 ReplicaSet',
    'existing[0]: `existing` 中没有该 Deployment 的 ReplicaSet：Pod 需要它们的 ReplicaSet（kubectl get rs,pods -o yaml）',
  ]);
});

test('a Deployment: the note on the live ReplicaSets, in English and in Chinese', () => {
  assert.deepEqual(notes(apps('Deployment'), [rs(2)], 'en'), ['existing: ReplicaSet(s) web-abc (revision 3, 2 replica(s)) and 2 pod(s) exist at t=0.']);
  assert.deepEqual(notes(apps('Deployment'), [rs(2)], 'zh-cn'), ['existing：t=0 时已有 ReplicaSet web-abc（修订版本 3，2 个副本）和 2 个 Pod。']);
});

test('a StatefulSet: a pod that is not one of its pods, and a claim of no template, in Chinese', () => {
  const existing = [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other-0', labels: { app: 'web' } } },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-web-0' } },
  ];
  const en = errors(apps('StatefulSet', { serviceName: 'web' }), existing, 'en');
  assert.deepEqual(en, [
    'existing[0].metadata.name: pod other-0 is not a pod of StatefulSet web (its pods are named web-<ordinal>)',
    'existing[1].metadata.name: StatefulSet web has no volumeClaimTemplates: claim data-web-0 is not one of its claims',
  ]);
  assert.deepEqual(errors(apps('StatefulSet', { serviceName: 'web' }), existing, 'zh-cn'), [
    'existing[0].metadata.name: Pod other-0 不是 StatefulSet web 的 Pod（其 Pod 名为 web-<ordinal>）',
    'existing[1].metadata.name: StatefulSet web 没有 volumeClaimTemplates：PVC data-web-0 不属于它',
  ]);
});
