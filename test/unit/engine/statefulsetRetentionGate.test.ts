/**
 * spec.persistentVolumeClaimRetentionPolicy behind StatefulSetAutoDeletePVC (pkg/features/kube_features.go:
 * alpha and off 1.23–1.26, beta and on from 1.27, GA in 1.32). With the gate off the registry drops the field
 * on create (pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields), SetDefaults_StatefulSet
 * does not fill it in, so a written policy is neither an error nor obeyed: the controller keeps every claim.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { lintText, simulate } from '../../../server/src/core';

function manifest(policy: string): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  namespace: default
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: {app: web}
  persistentVolumeClaimRetentionPolicy: ${policy}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        readinessProbe:
          httpGet: {path: /, port: 80}
        volumeMounts:
        - {name: data, mountPath: /data}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  clusterIP: None
  selector: {app: web}
  ports:
  - {port: 80}
`;
}

function findings(policy: string, kubernetesVersion: string): string[] {
  return lintText(manifest(policy), { kubernetesVersion }).map((f) => `${f.severity} ${f.ruleId} ${f.fieldPath}: ${f.message}`);
}

test('persistentVolumeClaimRetentionPolicy: dropped without a finding where StatefulSetAutoDeletePVC is off (1.26), validated from 1.27', () => {
  const cases: { policy: string; version: string; expected: string[] }[] = [
    // Only whenScaled written: the gate-off release drops the field instead of reporting the empty whenDeleted.
    { policy: '{ whenScaled: Delete }', version: '1.26', expected: [] },
    { policy: '{ whenScaled: Delete }', version: '1.27', expected: [] },
    { policy: '{ whenScaled: Delete }', version: '1.37', expected: [] },
    // A value the API server does not support is an error only where the field is kept.
    { policy: '{ whenScaled: Sometimes }', version: '1.26', expected: [] },
    {
      policy: '{ whenScaled: Sometimes }',
      version: '1.27',
      expected: ['error statefulset-spec spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Sometimes": supported values: "Retain", "Delete"'],
    },
    {
      policy: '{ whenScaled: Sometimes }',
      version: '1.37',
      expected: ['error statefulset-spec spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Sometimes": supported values: "Retain", "Delete"'],
    },
  ];
  for (const { policy, version, expected } of cases) {
    assert.deepEqual(findings(policy, version), expected, `${policy} at ${version}`);
  }
});

test('whenScaled: Delete written: at 1.26 (gate off) the scale-down keeps the claims, from 1.27 it deletes them', () => {
  const set = statefulSetDocument();
  const deletedClaims = (kubernetesVersion: string): string[] => {
    const live = JSON.parse(JSON.stringify(set)) as Record<string, unknown>;
    live.status = { replicas: 5 };
    const result = simulate(live, { pods: { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 10 } } }, { kubernetesVersion });
    assert.ok(result.ok, JSON.stringify(!result.ok ? result.errors : []));
    const t = result.timeline;
    const scaledDown = t.pods.filter((p) => p.deletedBy === 'statefulset-controller: scale down').map((p) => p.name).sort();
    assert.deepEqual(scaledDown, ['web-3', 'web-4'], `pods above replicas 3 go at ${kubernetesVersion}`);
    return (t.persistentVolumeClaims ?? []).filter((c) => c.deleted !== null).map((c) => c.name).sort();
  };
  assert.deepEqual(deletedClaims('1.26'), []);
  assert.deepEqual(deletedClaims('1.27'), ['data-web-3', 'data-web-4']);
  assert.deepEqual(deletedClaims('1.37'), ['data-web-3', 'data-web-4']);
});

/** The StatefulSet document of the manifest (the file also holds its headless Service). */
function statefulSetDocument(): Record<string, unknown> {
  const text = manifest('{ whenScaled: Delete }');
  return parse(text.slice(0, text.indexOf('\n---\n'))) as Record<string, unknown>;
}
