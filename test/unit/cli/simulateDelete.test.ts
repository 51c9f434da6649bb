/**
 * `k8s-dryrun simulate --at` after a scenario's `delete: true`: the deleted Deployment is listed no more and
 * `kubectl rollout status` fails with the API server's NotFound; before the delete it is there as usual.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-delete-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const DEPLOYMENT = file(
  'web.yaml',
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: web, image: nginx:1.27 } ] }
`,
);
const SCENARIO = file('delete.yaml', 'pods: { default: { readySeconds: 1 } }\nevents: [ { at: 60s, delete: true } ]\nuntil: 5m\n');

function tablesAt(at: string): string {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'simulate', DEPLOYMENT, '--scenario', SCENARIO, '--at', at], { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.slice(result.stdout.indexOf('$ kubectl '));
}

test('simulate --at after the delete: no Deployment, no ReplicaSet, no pods, and rollout status is NotFound', () => {
  assert.equal(
    tablesAt('2m'),
    [
      '$ kubectl get deployments',
      'No resources found in default namespace.',
      '',
      '$ kubectl get replicasets',
      'No resources found in default namespace.',
      '',
      '$ kubectl rollout status deployment/web',
      'Error from server (NotFound): deployments.apps "web" not found',
      '',
      '$ kubectl get pods',
      'No resources found in default namespace.',
      '',
    ].join('\n'),
  );
});

test('simulate --at before the delete: the Deployment is listed and rolled out', () => {
  const out = tablesAt('30s');
  assert.ok(out.startsWith(['$ kubectl get deployments', 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/2     2            2           30s', ''].join('\n')), out);
  assert.ok(out.includes('deployment "web" successfully rolled out\n'), out);
});
