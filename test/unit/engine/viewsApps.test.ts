/**
 * kubectl views of Deployment, ReplicaSet and StatefulSet Timelines: `kubectl get deployments / replicasets /
 * statefulsets / persistentvolumeclaims -o name` and `kubectl rollout status` at given times, as a user would
 * read them; and kubectl's own StatusViewer test tables (test/fixtures/engine/rollout-status-upstream.json).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { appsKubectlAt } from '../../../server/src/core/engine/views/appsKubectl';
import { deploymentStatusViewer, getDeployments, printDeploymentRow } from '../../../server/src/core/engine/views/deployment';
import { getReplicaSets, printReplicaSetRow } from '../../../server/src/core/engine/views/replicaset';
import { getStatefulSets, statefulSetStatusViewer } from '../../../server/src/core/engine/views/statefulset';
import { formatTable } from '../../../server/src/core/engine/views/table';
import { simulateOk } from './simulateOk';

const repoRoot = path.resolve(__dirname, '../../../..');

interface UpstreamCases {
  readonly deployment: readonly { name: string; generation: number; specReplicas: number; status: Record<string, unknown>; msg: string; done: boolean }[];
  readonly statefulSet: readonly { name: string; generation: number; strategy: string; partition: number | null; status: Record<string, unknown>; msg: string; done: boolean; err: boolean }[];
}
const upstream = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/rollout-status-upstream.json'), 'utf8')) as UpstreamCases;

for (const c of upstream.deployment) {
  test(`TestDeploymentStatusViewerStatus ${c.name}`, () => {
    const got = deploymentStatusViewer('foo', { ...c.status, generation: c.generation, specReplicas: c.specReplicas });
    assert.deepEqual(got, { message: c.msg, done: c.done, error: null });
  });
}

for (const c of upstream.statefulSet) {
  test(`TestStatefulSetStatusViewerStatus ${c.name}`, () => {
    const got = statefulSetStatusViewer(c.strategy, { ...c.status, generation: c.generation, specReplicas: 3, partition: c.partition });
    assert.equal(got.error !== null, c.err);
    assert.equal(got.message, c.msg);
    assert.equal(got.done, c.done);
  });
}

interface PrinterCases {
  readonly deployment: readonly { name: string; specReplicas: number; status: Record<string, unknown>; ageMs: number; cells: string[] }[];
  readonly replicaSet: readonly { name: string; desired: number; current: number; ready: number; ageMs: number; cells: string[] }[];
}
const printers = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/kubectl-printers-apps.json'), 'utf8')) as PrinterCases;

for (const c of printers.deployment) {
  test(`TestPrintDeployment ${c.name}`, () => assert.deepEqual(printDeploymentRow(c.name, { ...c.status, specReplicas: c.specReplicas }, c.ageMs), c.cells));
}
for (const c of printers.replicaSet) {
  test(`TestPrintReplicaSet ${c.name}`, () => assert.deepEqual(printReplicaSetRow(c.name, c, c.ageMs), c.cells));
}

test('the progress deadline: an error once the Progressing condition says ProgressDeadlineExceeded, whatever the counts', () => {
  const status = { generation: 2, observedGeneration: 2, specReplicas: 3, replicas: 4, updatedReplicas: 1, availableReplicas: 3, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
  assert.deepEqual(deploymentStatusViewer('nginx', status), { message: '', done: false, error: 'deployment "nginx" exceeded its progress deadline' });
  // Not yet observed: the spec update wait comes first, as in kubectl.
  assert.equal(deploymentStatusViewer('nginx', { ...status, generation: 3 }).message, 'Waiting for deployment spec update to be observed...\n');
});

function deployment(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] } },
      ...spec,
    },
  };
}

function statefulSet(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

/** What the CLI and the preview show at t: `$ command` and the output, for each of the kind's commands. */
function shown(timeline: Timeline, t: number): Record<string, string> {
  return Object.fromEntries(appsKubectlAt(timeline, t).map((table) => [table.command, table.output]));
}

const BEHAVIOUR = { default: { startupSeconds: 2, readySeconds: 3 } };
/** `kubectl get replicasets` with these rows, by name, through kubectl's tabwriter settings (the names carry a template hash). */
function rsTable(...rows: string[][]): string {
  return formatTable([['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ...rows.sort((a, b) => (a[0] < b[0] ? -1 : 1))]);
}

const rolling = (n: number, total = 3): string => `Waiting for deployment "nginx" rollout to finish: ${n} out of ${total} new replicas have been updated...\n`;

test('a rolling update (set image at 30s, 3 replicas, 25%/25%): the tables and the rollout status lines at 37s and at the end', () => {
  const timeline = simulateOk(deployment(), { until: '3m', pods: BEHAVIOUR, events: [{ at: '30s', setImage: 'nginx:1.28' }] });
  const [oldRS, newRS] = (timeline.replicaSets ?? []).map((rs) => rs.name);
  assert.ok(oldRS && newRS);

  const at37 = shown(timeline, 37);
  assert.deepEqual(Object.keys(at37), ['kubectl get deployments', 'kubectl get replicasets', 'kubectl rollout status deployment/nginx']);
  assert.equal(at37['kubectl get deployments'], 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     2            3           37s\n');
  assert.equal(at37['kubectl get replicasets'], rsTable([oldRS, '2', '2', '2', '37s'], [newRS, '2', '2', '1', '7s']));
  // Watched since `kubectl set image` at 30s: one line per write of the Deployment up to 37s (kubectl's own
  // spec update and the controller's NewReplicaSetCreated status both come before observedGeneration moves).
  const observing = 'Waiting for deployment spec update to be observed...\n';
  assert.equal(
    at37['kubectl rollout status deployment/nginx'],
    [observing, observing, rolling(0), rolling(1), rolling(1), rolling(1), rolling(2)].join(''),
  );

  const end = shown(timeline, timeline.duration);
  assert.equal(end['kubectl get deployments'], 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           3m\n');
  assert.equal(end['kubectl get replicasets'], rsTable([oldRS, '0', '0', '0', '3m'], [newRS, '3', '3', '3', '2m30s']));
  const pending = 'Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...\n';
  assert.equal(
    end['kubectl rollout status deployment/nginx'],
    [observing, observing, rolling(0), rolling(1), rolling(1), rolling(1), rolling(2), rolling(2), rolling(2), pending, pending, 'deployment "nginx" successfully rolled out\n'].join(''),
  );

  // Before the change: watched since the creation, done at 5s when the three pods are available.
  assert.equal(
    shown(timeline, 20)['kubectl rollout status deployment/nginx'],
    [
      'Waiting for deployment spec update to be observed...\n',
      'Waiting for deployment spec update to be observed...\n',
      rolling(0),
      'Waiting for deployment "nginx" rollout to finish: 0 of 3 updated replicas are available...\n',
      'deployment "nginx" successfully rolled out\n',
    ].join(''),
  );
  assert.equal(getReplicaSets(timeline, 20), rsTable([oldRS, '3', '3', '3', '20s']));
});

test('a stuck rollout (the new image never gets Ready, progressDeadlineSeconds 60): waiting lines, then the error at the deadline', () => {
  const timeline = simulateOk(deployment({ progressDeadlineSeconds: 60 }), {
    pods: { ...BEHAVIOUR, outcomes: [{ image: 'nginx:broken', ready: false }] },
    events: [{ at: '30s', setImage: 'nginx:broken' }],
  });
  const waitingLines = ['Waiting for deployment spec update to be observed...\n', 'Waiting for deployment spec update to be observed...\n', rolling(0), rolling(1)].join('');
  // At 90s the deadline has not been noticed yet; at 91s (deadline + 1s, requeueStuckDeployment) it has.
  assert.equal(shown(timeline, 90)['kubectl rollout status deployment/nginx'], waitingLines);
  assert.equal(shown(timeline, 91)['kubectl rollout status deployment/nginx'], `${waitingLines}error: deployment "nginx" exceeded its progress deadline\n`);
  // The Deployment keeps serving with the old pods; the new ReplicaSet has one pod that is not ready.
  assert.equal(getDeployments(timeline, 91), 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     1            3           91s\n');
  const newRS = timeline.replicaSets?.[1];
  assert.ok(newRS);
  assert.equal(getReplicaSets(timeline, 91), rsTable([timeline.replicaSets?.[0].name ?? '', '3', '3', '3', '91s'], [newRS.name, '1', '1', '0', '61s']));
});

test('a StatefulSet starting OrderedReady: one pod at a time, the rollout status counts the pods not ready yet', () => {
  const timeline = simulateOk(statefulSet(), { pods: BEHAVIOUR });
  const at12 = shown(timeline, 12);
  assert.deepEqual(Object.keys(at12), ['kubectl get statefulsets', 'kubectl get persistentvolumeclaims -o name', 'kubectl rollout status statefulset/web']);
  assert.equal(at12['kubectl get statefulsets'], 'NAME   READY   AGE\nweb    2/3     12s\n');
  assert.equal(at12['kubectl get persistentvolumeclaims -o name'], 'persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n');
  const waiting = (n: number): string => `Waiting for ${n} pods to be ready...\n`;
  const start = ['Waiting for statefulset spec update to be observed...\n', waiting(3), waiting(3), waiting(2), waiting(2), waiting(1), waiting(1)];
  assert.equal(at12['kubectl rollout status statefulset/web'], start.join(''));
  // web-2 is Ready at 15s: the API server defaults rollingUpdate (partition 0), so kubectl says "partitioned".
  assert.equal(shown(timeline, 15)['kubectl rollout status statefulset/web'], [...start, 'partitioned roll out complete: 3 new pods have been updated...\n'].join(''));
  assert.equal(getStatefulSets(timeline, 15), 'NAME   READY   AGE\nweb    3/3     15s\n');
  assert.equal(shown(timeline, 4)['kubectl get persistentvolumeclaims -o name'], 'persistentvolumeclaim/www-web-0\n');
});

test('a partitioned rolling update (partition 1 of 3): web-2 then web-1 are replaced, web-0 stays; done at 2 new pods', () => {
  const timeline = simulateOk(statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }), { pods: BEHAVIOUR, events: [{ at: '1m', setImage: 'nginx:1.28' }] });
  const waiting = 'Waiting for 1 pods to be ready...\n';
  const lines = [
    'Waiting for statefulset spec update to be observed...\n',
    'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...\n',
    waiting,
    waiting,
    'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
    waiting,
    waiting,
    'partitioned roll out complete: 2 new pods have been updated...\n',
  ];
  assert.equal(shown(timeline, 62)['kubectl rollout status statefulset/web'], lines.slice(0, 4).join(''));
  assert.equal(shown(timeline, timeline.duration)['kubectl rollout status statefulset/web'], lines.join(''));
  assert.equal(getStatefulSets(timeline, 62), 'NAME   READY   AGE\nweb    2/3     62s\n');
});

test('an OnDelete StatefulSet: kubectl refuses rollout status', () => {
  const timeline = simulateOk(statefulSet({ updateStrategy: { type: 'OnDelete' } }), { pods: BEHAVIOUR });
  assert.equal(shown(timeline, timeline.duration)['kubectl rollout status statefulset/web'], 'error: rollout status is only available for RollingUpdate strategy type\n');
});

test('other kinds get none of these tables; before t = 0 there is nothing to list', () => {
  const timeline = simulateOk(deployment(), { pods: BEHAVIOUR });
  assert.deepEqual(appsKubectlAt({ ...timeline, object: { ...timeline.object, kind: 'Job' } }, 10), []);
  assert.equal(getDeployments(timeline, -1), 'No resources found in default namespace.\n');
});
