/**
 * Deployment, ReplicaSet and StatefulSet as a user sees them: strict decoding, the API server's defaults,
 * the spec rules' messages at the right lines, the removed apiVersions with their quick fix (which adds the
 * selector apps/v1 requires), and the pod template checks a StatefulSet gets from 1.34.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, type Finding, type Fix } from '../../../server/src/core';
import { applyDefaults } from '../../../server/src/core/model/defaults';
import type { Deployment, StatefulSet } from '../../../server/src/core/model/types';
import { runRuleTests, yaml } from './ruleTester';

function applyFix(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return edits.reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

const errors = (text: string, kubernetesVersion?: string): string[] =>
  lintText(text, { kubernetesVersion })
    .filter((f: Finding) => f.severity === 'error')
    .map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.fieldPath}: ${f.message}`);

const deployment = (apiVersion: string, selector = '  selector:\n    matchLabels:\n      app: web\n'): string =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n${selector}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;

test('a valid apps/v1 Deployment has no errors', () => {
  assert.deepEqual(errors(deployment('apps/v1')), []);
});

test('extensions/v1beta1 Deployment: removed in 1.16; the quick fix changes the apiVersion and adds the selector', () => {
  const text = deployment('extensions/v1beta1', '');
  assert.deepEqual(errors(text), [
    '1 removed-api-version apiVersion: no matches for kind "Deployment" in version "extensions/v1beta1": extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apiVersion: apps/v1 (apps/v1 also requires spec.selector matching the template labels)',
    '5 deployment-spec spec.selector: Required value',
    '9 deployment-spec spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
  ]);
  const finding = lintText(text).find((f) => f.ruleId === 'removed-api-version');
  const fix = finding?.fixes?.find((f) => f.title === 'Change apiVersion to apps/v1 and add the selector it requires');
  assert.ok(fix, `fixes: ${finding?.fixes?.map((f) => f.title).join(' | ')}`);
  const fixed = applyFix(text, fix);
  assert.match(fixed, /^apiVersion: apps\/v1\n/);
  assert.match(fixed, /\n {2}selector:\n {4}matchLabels:\n {6}app: web\n/);
  assert.deepEqual(errors(fixed), []);
});

test('a missing selector on apps/v1 offers to select the template labels', () => {
  const text = deployment('apps/v1', '');
  const finding = lintText(text).find((f) => f.fieldPath === 'spec.selector');
  const fix = finding?.fixes?.find((f) => f.title === 'Select the template labels (spec.selector.matchLabels)');
  assert.ok(fix);
  assert.deepEqual(errors(applyFix(text, fix)), []);
});

const statefulSet = (apiVersion: string): string => yaml`
  apiVersion: ${apiVersion}
  kind: StatefulSet
  metadata: { name: web }
  spec:
    serviceName: web
    template:
      metadata: { labels: { app: web } }
      spec:
        containers: [{ name: web, image: nginx }]`;

const removed = (kind: string, apiVersion: string): string =>
  `no matches for kind "${kind}" in version "${apiVersion}": ${apiVersion} ${kind} was removed in Kubernetes 1.16; use apiVersion: apps/v1 (apps/v1 also requires spec.selector matching the template labels)`;

runRuleTests('removed-api-version', {
  valid: [
    { name: 'StatefulSet apps/v1beta1 on 1.15', yaml: statefulSet('apps/v1beta1'), kubernetesVersion: '1.15' },
    { name: 'StatefulSet apps/v1', yaml: statefulSet('apps/v1') },
  ],
  invalid: [
    { name: 'StatefulSet apps/v1beta1', yaml: statefulSet('apps/v1beta1'), findings: [{ fieldPath: 'apiVersion', message: removed('StatefulSet', 'apps/v1beta1'), line: 1 }] },
    { name: 'StatefulSet apps/v1beta2', yaml: statefulSet('apps/v1beta2'), findings: [{ fieldPath: 'apiVersion', message: removed('StatefulSet', 'apps/v1beta2'), line: 1 }] },
    {
      name: 'StatefulSet extensions/v1beta1 never existed',
      yaml: statefulSet('extensions/v1beta1'),
      findings: [{ fieldPath: 'apiVersion', message: 'no matches for kind "StatefulSet" in version "extensions/v1beta1": extensions/v1beta1 never served StatefulSet; use apiVersion: apps/v1 (apps/v1 also requires spec.selector matching the template labels)', line: 1 }],
    },
    { name: 'ReplicaSet apps/v1beta2', yaml: statefulSet('apps/v1beta2').replace('StatefulSet', 'ReplicaSet').replace('    serviceName: web\n', ''), findings: [{ fieldPath: 'apiVersion', message: removed('ReplicaSet', 'apps/v1beta2'), line: 1 }] },
    { name: 'Deployment apps/v1beta1', yaml: deployment('apps/v1beta1'), findings: [{ fieldPath: 'apiVersion', message: removed('Deployment', 'apps/v1beta1'), line: 1 }] },
  ],
});

test('StatefulSet apps/v1beta2: the quick fix adds the selector from the template labels', () => {
  const text = statefulSet('apps/v1beta2');
  const fix = lintText(text).find((f) => f.ruleId === 'removed-api-version')?.fixes?.[0];
  assert.ok(fix);
  assert.deepEqual(errors(applyFix(text, fix)), []);
});

test('strict decoding: unknown fields and wrong types in a Deployment, with the Go struct names', () => {
  const text = deployment('apps/v1').replace('  replicas: 3\n', '  replicas: "3"\n  strategy:\n    rollingUpdates: {}\n');
  assert.deepEqual(errors(text), [
    '6 wrong-type spec.replicas: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    '8 unknown-field spec.strategy.rollingUpdates: unknown field "spec.strategy.rollingUpdates" (did you mean "rollingUpdate"?)',
  ]);
});

test('strict decoding: a StatefulSet volumeClaimTemplate is a PersistentVolumeClaim', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: { name: web }
    spec:
      serviceName: web
      selector: { matchLabels: { app: web } }
      template:
        metadata: { labels: { app: web } }
        spec:
          containers: [{ name: web, image: nginx, volumeMounts: [{ name: data, mountPath: /data }] }]
      volumeClaimTemplates:
        - metadata: { name: data }
          spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } }, storageClass: fast }`;
  assert.deepEqual(errors(text), [
    '13 unknown-field spec.volumeClaimTemplates[0].spec.storageClass: unknown field "spec.volumeClaimTemplates[0].spec.storageClass" (did you mean "storageClassName"?)',
  ]);
});

test('a StatefulSet name with dots: accepted before 1.27, a DNS label error from 1.27 (kubernetes PR 114172)', () => {
  const text = statefulSet('apps/v1').replace('metadata: { name: web }', 'metadata: { name: web.v1 }').replace('  serviceName: web\n', '  serviceName: web\n  selector: { matchLabels: { app: web } }\n');
  assert.deepEqual(errors(text, '1.26'), []);
  assert.deepEqual(errors(text, '1.27'), ['3 invalid-name metadata.name: Invalid value: "web.v1": must not contain dots']);
});

test('defaults: SetDefaults_Deployment and SetDefaults_StatefulSet per release', () => {
  const d = applyDefaults({ kind: 'Deployment', spec: {} } as Deployment);
  assert.deepEqual(
    { replicas: d.spec?.replicas, strategy: d.spec?.strategy, revisionHistoryLimit: d.spec?.revisionHistoryLimit, progressDeadlineSeconds: d.spec?.progressDeadlineSeconds },
    { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
  );
  assert.deepEqual(applyDefaults({ kind: 'Deployment', spec: { strategy: { type: 'Recreate' } } } as Deployment).spec?.strategy, { type: 'Recreate' });
  const sts = (version: string) => applyDefaults({ kind: 'StatefulSet', spec: { updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } } } as StatefulSet, { major: 1, minor: Number(version) }).spec;
  assert.deepEqual(sts('37')?.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, partition: 0 } });
  assert.deepEqual(sts('36')?.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, 'the registry drops maxUnavailable while its gate is off (1.36)');
  assert.equal(applyDefaults({ kind: 'StatefulSet' } as StatefulSet, { major: 1, minor: 37 }).spec?.updateStrategy?.rollingUpdate?.maxUnavailable, 1);
  assert.deepEqual(sts('37')?.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(sts('37')?.podManagementPolicy, 'OrderedReady');
  assert.equal(sts('37')?.replicas, 1);
  assert.equal(sts('37')?.revisionHistoryLimit, 10);
});

test('StatefulSet from 1.34: the pod template is validated, with volumeClaimTemplates as volumes and hostname ignored', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: { name: db }
    spec:
      serviceName: db
      selector: { matchLabels: { app: db } }
      template:
        metadata: { labels: { app: db } }
        spec:
          hostname: Not_A_Hostname
          containers:
            - name: db
              volumeMounts: [{ name: data, mountPath: /var/lib/db }, { name: cache, mountPath: /cache }]
      volumeClaimTemplates:
        - metadata: { name: data }
          spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`;
  assert.deepEqual(errors(text, '1.33'), [], 'before 1.34 a StatefulSet pod spec is not validated');
  assert.deepEqual(errors(text, '1.34'), [
    '12 pod-containers spec.template.spec.containers[0].image: Required value',
    '13 pod-volume-mounts spec.template.spec.containers[0].volumeMounts[1].name: Not found: "cache"',
  ]);
});
