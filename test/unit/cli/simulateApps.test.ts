/**
 * `k8s-dryrun simulate` of a Deployment and a StatefulSet, text output: after the chart, the kubectl commands a
 * user would run for these kinds (get deployments / replicasets / statefulsets, persistentvolumeclaims -o name,
 * rollout status) at --at's time or the end, then `kubectl get pods`; no `kubectl get jobs`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-apps-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function simulate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'simulate', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The output from its first `$ kubectl ...` command on: the tables, after the chart and the milestones. */
function tables(stdout: string): string {
  return stdout.slice(stdout.indexOf('$ kubectl '));
}

const DEPLOYMENT = file(
  'nginx.yaml',
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  progressDeadlineSeconds: 60
  selector:
    matchLabels: { app: nginx }
  template:
    metadata:
      labels: { app: nginx }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 } }
`,
);

const STATEFULSET = file(
  'web.yaml',
  `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: 3
  serviceName: nginx
  selector:
    matchLabels: { app: nginx }
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { partition: 1 }
  template:
    metadata:
      labels: { app: nginx }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          volumeMounts: [{ name: www, mountPath: /usr/share/nginx/html }]
  volumeClaimTemplates:
    - metadata: { name: www }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`,
);

const pods = '  default: { startupSeconds: 2, readySeconds: 3 }\n';
const ROLLING = file('rolling.scenario.yaml', `startTime: 2026-01-01T00:00:00Z\nuntil: 3m\npods:\n${pods}events:\n  - { at: 30s, setImage: "nginx:1.28" }\n`);
const STUCK = file('stuck.scenario.yaml', `startTime: 2026-01-01T00:00:00Z\npods:\n${pods}  outcomes: [ { image: "nginx:broken", ready: false } ]\nevents:\n  - { at: 30s, setImage: "nginx:broken" }\n`);
const START = file('start.scenario.yaml', `startTime: 2026-01-01T00:00:00Z\npods:\n${pods}`);
const PARTITIONED = file('partitioned.scenario.yaml', `startTime: 2026-01-01T00:00:00Z\npods:\n${pods}events:\n  - { at: 1m, setImage: "nginx:1.28" }\n`);

const waiting = (n: number): string => `Waiting for deployment "nginx" rollout to finish: ${n} out of 3 new replicas have been updated...\n`;

test('simulate a Deployment rolling update --at 37s: deployments, replicasets, the rollout status so far, the pods; no jobs', () => {
  const { status, stdout } = simulate(DEPLOYMENT, '--scenario', ROLLING, '--at', '37s');
  assert.equal(status, 0);
  assert.match(stdout, /\(tables at \+37s\)\n/);
  const out = tables(stdout);
  assert.equal(out.slice(0, out.indexOf('$ kubectl get replicasets')), '$ kubectl get deployments\nNAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     2            3           37s\n\n');
  // The old ReplicaSet down to 2, the new one up to 2 with one pod Ready (names carry the template hash).
  assert.match(out, /\$ kubectl get replicasets\nNAME {3,}DESIRED   CURRENT   READY   AGE\n(nginx-\w+ +2 {9}2 {9}2 {7}37s\nnginx-\w+ +2 {9}2 {9}1 {7}7s\n|nginx-\w+ +2 {9}2 {9}1 {7}7s\nnginx-\w+ +2 {9}2 {9}2 {7}37s\n)\n/);
  const rollout = out.slice(out.indexOf('$ kubectl rollout status'), out.indexOf('$ kubectl get pods'));
  // Two writes before observedGeneration moves: kubectl's own spec update, then the controller's NewReplicaSetCreated status (getNewReplicaSet).
  assert.equal(rollout, `$ kubectl rollout status deployment/nginx\nWaiting for deployment spec update to be observed...\nWaiting for deployment spec update to be observed...\n${waiting(0)}${waiting(1)}${waiting(1)}${waiting(1)}${waiting(2)}\n`);
  assert.match(out.slice(out.indexOf('$ kubectl get pods')), /^\$ kubectl get pods\nNAME +READY +STATUS +RESTARTS +AGE\n(nginx-\w+-\w{5} +[01]\/1 +Running +0 +\d+s\n){4}$/);
  assert.doesNotMatch(stdout, /kubectl get jobs/);
});

test('simulate a Deployment whose new image never gets Ready: rollout status ends with kubectl\'s progress deadline error', () => {
  const { status, stdout } = simulate(DEPLOYMENT, '--scenario', STUCK);
  assert.equal(status, 0);
  const rollout = stdout.slice(stdout.indexOf('$ kubectl rollout status'), stdout.indexOf('$ kubectl get pods'));
  assert.equal(
    rollout,
    `$ kubectl rollout status deployment/nginx\nWaiting for deployment spec update to be observed...\nWaiting for deployment spec update to be observed...\n${waiting(0)}${waiting(1)}error: deployment "nginx" exceeded its progress deadline\n\n`,
  );
  assert.match(stdout, /\$ kubectl get deployments\nNAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3\/3     1            3           91s\n/);
});

test('simulate a StatefulSet partitioned update --at 62s: statefulsets, claims, rollout status, pods, exactly', () => {
  const { status, stdout } = simulate(STATEFULSET, '--scenario', PARTITIONED, '--at', '62s');
  assert.equal(status, 0);
  assert.equal(
    tables(stdout),
    [
      '$ kubectl get statefulsets',
      'NAME   READY   AGE',
      'web    2/3     62s',
      '',
      '$ kubectl get persistentvolumeclaims -o name',
      'persistentvolumeclaim/www-web-0',
      'persistentvolumeclaim/www-web-1',
      'persistentvolumeclaim/www-web-2',
      '',
      '$ kubectl rollout status statefulset/web',
      'Waiting for statefulset spec update to be observed...',
      'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      '',
      '$ kubectl get pods',
      'NAME    READY   STATUS    RESTARTS   AGE',
      'web-0   1/1     Running   0          62s',
      'web-1   1/1     Running   0          57s',
      'web-2   0/1     Running   0          2s',
      '',
    ].join('\n'),
  );
  // At the end: web-2 and web-1 replaced, web-0 left below the partition.
  assert.match(simulate(STATEFULSET, '--scenario', PARTITIONED).stdout, /\nWaiting for 1 pods to be ready\.\.\.\npartitioned roll out complete: 2 new pods have been updated\.\.\.\n\n\$ kubectl get pods\n/);
});

test('simulate a StatefulSet starting OrderedReady --at 7s: one pod Ready, the next starting', () => {
  const { status, stdout } = simulate(STATEFULSET, '--scenario', START, '--at', '7s');
  assert.equal(status, 0);
  const out = tables(stdout);
  assert.match(out, /^\$ kubectl get statefulsets\nNAME   READY   AGE\nweb    1\/3     7s\n/);
  assert.match(
    out,
    /\$ kubectl rollout status statefulset\/web\nWaiting for statefulset spec update to be observed\.\.\.\nWaiting for 3 pods to be ready\.\.\.\nWaiting for 3 pods to be ready\.\.\.\nWaiting for 2 pods to be ready\.\.\.\nWaiting for 2 pods to be ready\.\.\.\n\n/,
  );
  assert.match(out, /\$ kubectl get pods\nNAME    READY   STATUS    RESTARTS   AGE\nweb-0   1\/1     Running   0          7s\nweb-1   0\/1     Running   0          2s\n$/);
});

test('simulate a bare ReplicaSet: kubectl get replicasets and its pods (kubectl has no rollout status for it)', () => {
  const manifest = file(
    'frontend.yaml',
    `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels: { tier: frontend }
  template:
    metadata:
      labels: { tier: frontend }
    spec:
      containers:
        - name: php-redis
          image: gb-frontend:v5
`,
  );
  const { status, stdout } = simulate(manifest, '--scenario', START, '--at', '4s');
  assert.equal(status, 0);
  assert.match(tables(stdout), /^\$ kubectl get replicasets\nNAME       DESIRED   CURRENT   READY   AGE\nfrontend   3         3         0       4s\n\n\$ kubectl get pods\nNAME {13}READY   STATUS    RESTARTS   AGE\n(frontend-\w{5}   0\/1     Running   0          4s\n){3}$/);
});
