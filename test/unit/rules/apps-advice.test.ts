/**
 * The Deployment and StatefulSet advice: what the API server accepts but bites at rollout time, each a warning
 * with its own id, in English and in Chinese, and quiet where the manifest already says what it means.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { runRuleTests } from './ruleTester';

const PROBE = ', readinessProbe: { httpGet: { path: /, port: 80 } }';
const deployment = (spec: string, probe = PROBE): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n${spec}  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx${probe} }]\n`;

runRuleTests('deployment-rollout-budget', {
  valid: [
    { name: '10 replicas with the default 25%/25% (3 up, 2 down)', yaml: deployment('  replicas: 10\n') },
    { name: '1 replica (nothing to go one at a time)', yaml: deployment('  replicas: 1\n') },
    { name: 'numbers mean what they say', yaml: deployment('  replicas: 3\n  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }\n') },
    { name: 'Recreate', yaml: deployment('  replicas: 3\n  strategy: { type: Recreate }\n') },
  ],
  invalid: [
    {
      name: '3 replicas with the default 25%/25%',
      yaml: deployment('  replicas: 3\n'),
      findings: [
        {
          fieldPath: 'spec.strategy.rollingUpdate',
          message:
            'With 3 replicas, maxSurge 25% comes to 1 pod (rounded up) and maxUnavailable 25% to 0 (rounded down): a rollout starts one extra pod, waits for it to become available, then removes one old pod — 3 steps one after another. Set maxSurge or maxUnavailable to a number (e.g. maxSurge: 2) if the rollout should move faster.',
          line: 4,
        },
      ],
    },
    {
      name: 'maxSurge 0 and maxUnavailable 10% of 5',
      yaml: deployment('  replicas: 5\n  strategy:\n    rollingUpdate: { maxSurge: 0, maxUnavailable: 10% }\n'),
      findings: [
        {
          fieldPath: 'spec.strategy.rollingUpdate',
          message:
            'With 5 replicas, maxSurge 0 and maxUnavailable 10% both come to 0 pods, so the controller takes one pod down at a time (maxUnavailable 1): 5 steps, each with one pod fewer serving. Set maxSurge (e.g. 1) to start new pods before old ones stop.',
          line: 7,
        },
      ],
    },
  ],
});

runRuleTests('deployment-recreate-single-replica', {
  valid: [{ name: 'Recreate with 2 replicas', yaml: deployment('  replicas: 2\n  strategy: { type: Recreate }\n') }],
  invalid: [
    {
      name: 'Recreate, replicas defaulted to 1',
      yaml: deployment('  strategy:\n    type: Recreate\n'),
      findings: [
        {
          fieldPath: 'spec.strategy.type',
          message:
            'strategy Recreate with 1 replica: every rollout deletes the only pod first and starts the new one after it is gone, so nothing serves in between. Use RollingUpdate (the default) with maxUnavailable: 0 and maxSurge: 1 to start the new pod first.',
          line: 6,
        },
      ],
    },
  ],
});

runRuleTests('apps-no-readiness-probe', {
  valid: [
    { name: 'a readinessProbe', yaml: deployment('') },
    { name: 'no probe but minReadySeconds', yaml: deployment('  minReadySeconds: 10\n', '') },
  ],
  invalid: [
    {
      name: 'neither',
      yaml: deployment('', ''),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers',
          message:
            'No container has a readinessProbe and minReadySeconds is 0: a new pod counts as available as soon as its containers start, so a rollout goes on even if the application never comes up. Add a readinessProbe (or set minReadySeconds) so the Deployment waits until new pods really work.',
          line: 9,
        },
      ],
    },
  ],
});

runRuleTests('deployment-short-progress-deadline', {
  valid: [
    { name: 'the default 600', yaml: deployment('  minReadySeconds: 30\n') },
    { name: 'not above minReadySeconds is the API server error, not advice', yaml: deployment('  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n') },
  ],
  invalid: [
    {
      name: '40s with minReadySeconds 10',
      yaml: deployment('  minReadySeconds: 10\n  progressDeadlineSeconds: 40\n'),
      findings: [
        {
          fieldPath: 'spec.progressDeadlineSeconds',
          message:
            'progressDeadlineSeconds 40 leaves a new pod only 30s beyond minReadySeconds 10 to start and become ready before the rollout is reported as failed (ProgressDeadlineExceeded). Allow at least a few minutes (the default is 600).',
          line: 6,
        },
      ],
    },
  ],
});

const statefulSet = (policy: string): string =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  serviceName: db\n${policy}  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec:\n      containers: [{ name: db, image: postgres${PROBE}, volumeMounts: [{ name: data, mountPath: /var/lib/postgresql }] }]\n  volumeClaimTemplates:\n  - metadata: { name: data }\n    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }\n`;

runRuleTests('statefulset-pvc-retained', {
  valid: [
    { name: 'Delete on scale-down', yaml: statefulSet('  persistentVolumeClaimRetentionPolicy: { whenScaled: Delete }\n') },
    { name: 'Retain written out', yaml: statefulSet('  persistentVolumeClaimRetentionPolicy: { whenScaled: Retain, whenDeleted: Retain }\n') },
  ],
  invalid: [
    {
      name: 'left at the default',
      yaml: statefulSet(''),
      findings: [
        {
          fieldPath: 'spec.volumeClaimTemplates',
          message:
            'volumeClaimTemplates without a persistentVolumeClaimRetentionPolicy: when the StatefulSet is scaled down or deleted, the claims of removed pods (data-db-<ordinal>) stay, with their volumes, until someone deletes them. Set persistentVolumeClaimRetentionPolicy (whenScaled / whenDeleted: Delete) if the data need not outlive the pods; write Retain to say it must.',
          line: 11,
        },
      ],
    },
  ],
});

test('the advice is a warning in both languages, and a Recreate fix starts the new pod first', () => {
  const text = deployment('  strategy:\n    type: Recreate\n', '');
  const zh = lintText(text, { locale: 'zh-cn' }).filter((f) => f.severity === 'warning');
  assert.deepEqual(
    zh.map((f) => `${f.ruleId}: ${f.message}`),
    [
      'deployment-recreate-single-replica: 只有 1 个副本时使用 `Recreate` 策略：每次更新都会先删除唯一的 Pod，等它消失后才启动新 Pod，中间没有任何 Pod 提供服务。请使用 `RollingUpdate`（默认策略），并设置 `maxUnavailable: 0`、`maxSurge: 1`，先启动新 Pod。',
      'apps-no-readiness-probe: 没有任何容器设置 `readinessProbe`，且 `minReadySeconds` 为 0：新 Pod 的容器一启动就被视为可用，即使应用根本没有起来，滚动更新也会继续。请添加就绪探针（或设置 `minReadySeconds`），让 Deployment 等到新 Pod 真正可用。',
    ],
  );
  assert.deepEqual(zh[0].fixes?.map((f) => f.title), ['改用 RollingUpdate（maxSurge 1，maxUnavailable 0）']);
  const en = lintText(text).find((f) => f.ruleId === 'deployment-recreate-single-replica');
  assert.deepEqual(en?.fixes?.map((f) => f.title), ['Use RollingUpdate (maxSurge 1, maxUnavailable 0)']);
  const fix = en?.fixes?.[0];
  assert.ok(fix);
  assert.match(fix.edits.map((e) => e.newText).join(''), /type: RollingUpdate[\s\S]*maxSurge: 1[\s\S]*maxUnavailable: 0/);
});
