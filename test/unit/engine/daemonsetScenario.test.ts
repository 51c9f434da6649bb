/**
 * Whole DaemonSet runs: manifest + scenario → Timeline. The seeds' fluentd-elasticsearch DaemonSet on four
 * nodes (one a tainted control-plane node) with an image change rolling out one node at a time, with
 * maxSurge, with a node joining mid-rollout, OnDelete, rollbacks, minReadySeconds, node selection and
 * taints, and the run's end.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline, TimelinePod } from '../../../server/src/core/engine/timeline';
import { getDaemonSets, rolloutStatusLines } from '../../../server/src/core/engine/views/daemonset';

const repoRoot = path.resolve(__dirname, '../../../..');
const NAME = /^fluentd-elasticsearch-[bcdfghjklmnpqrstvwxz2456789]{5}$/;
const IMAGE_1 = 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2';
const IMAGE_2 = 'quay.io/fluentd_elasticsearch/fluentd:v3.4.0';

function fluentd(spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'fluentd-elasticsearch', namespace: 'kube-system', labels: { 'k8s-app': 'fluentd-logging' } },
    spec: {
      selector: { matchLabels: { name: 'fluentd-elasticsearch' } },
      ...spec,
      template: {
        metadata: { labels: { name: 'fluentd-elasticsearch' } },
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [{ name: 'fluentd-elasticsearch', image: IMAGE_1, resources: { limits: { memory: '200Mi' }, requests: { cpu: '100m', memory: '200Mi' } } }],
          ...podSpec,
        },
      },
    },
  };
}

const FOUR_NODES = [
  { name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  { name: 'worker-1' },
  { name: 'worker-2' },
  { name: 'worker-3' },
];

/** startupSeconds 5, readySeconds 10: a new pod is available 15s after it is created. */
function scenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { nodes: FOUR_NODES, pods: { default: { startupSeconds: 5, readySeconds: 10 } }, events: [{ at: '10m', setImage: IMAGE_2 }], seed: 7, ...extra };
}

function run(manifest: unknown, scenarioValue: unknown = {}): Timeline {
  const result = simulate(manifest, scenarioValue);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

function events(timeline: Timeline, reason: string): string[] {
  return timeline.events.filter((e) => e.reason === reason).map((e) => `${e.at} ${e.message}`);
}

/** How many pods of the DaemonSet exist, and how many are Ready, at t. */
function podsAt(timeline: Timeline, t: number): { exist: number; ready: number } {
  const alive = timeline.pods.filter((p) => p.createdAt <= t && (p.goneAt === null || t < p.goneAt));
  const ready = alive.filter((p) => isReadyAt(p, t));
  return { exist: alive.length, ready: ready.length };
}

function isReadyAt(pod: TimelinePod, t: number): boolean {
  if (pod.deletedAt !== null && pod.deletedAt <= t) return false;
  return pod.runs.some((r) => r.readyAt !== null && r.readyAt <= t && (r.finishedAt === null || t < r.finishedAt));
}

function statusAt(timeline: Timeline, t: number): Record<string, unknown> {
  let found: Readonly<Record<string, unknown>> = {};
  for (const s of timeline.statusHistory) if (s.at <= t && s.kind === 'DaemonSet') found = s.status;
  return { ...found };
}

/** The new image's pods as [node, createdAt, readyAt]: from 600s, one node every 15s in node order. */
const NEW_PODS_ONE_NODE_AT_A_TIME = [
  ['control-plane', 600, 615],
  ['worker-1', 615, 630],
  ['worker-2', 630, 645],
  ['worker-3', 645, 660],
];

test('fluentd on 4 nodes (the control plane tolerated): one pod per node, then the image rolls out one node at a time', () => {
  const timeline = run(fluentd({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } }), scenario());
  assert.equal(timeline.stopReason, 'finished');
  assert.equal(timeline.truncated, false);
  const first = timeline.pods.filter((p) => p.revision === 1);
  const second = timeline.pods.filter((p) => p.revision === 2);
  assert.deepEqual(first.map((p) => p.node).sort(), ['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  assert.ok(timeline.pods.every((p) => NAME.test(p.name) && p.owner.kind === 'DaemonSet' && p.job === null));
  assert.ok(first.every((p) => p.createdAt === 0 && p.startedAt === 5 && p.readyAt === 15));
  // One node at a time, in node order: delete the old pod, create its replacement, wait until it is available.
  assert.deepEqual(
    first.map((p) => [p.node, p.deletedAt]),
    [
      ['control-plane', 600],
      ['worker-1', 615],
      ['worker-2', 630],
      ['worker-3', 645],
    ],
  );
  assert.deepEqual(second.map((p) => [p.node, p.createdAt, p.readyAt]), NEW_PODS_ONE_NODE_AT_A_TIME);
  for (let t = 600; t <= 700; t += 1) assert.ok(podsAt(timeline, t).ready >= 3, `at most one node unavailable at ${t}s`);
  assert.equal(timeline.duration, 660);
  assert.deepEqual(events(timeline, 'SuccessfulDelete').map((e) => e.replace(/-\w{5}$/, '')), ['600 Deleted pod: fluentd-elasticsearch', '615 Deleted pod: fluentd-elasticsearch', '630 Deleted pod: fluentd-elasticsearch', '645 Deleted pod: fluentd-elasticsearch']);
  assert.equal(events(timeline, 'SuccessfulCreate').length, 8);
  assert.ok(timeline.events.filter((e) => e.reason === 'SuccessfulCreate').every((e) => e.kind === 'DaemonSet' && e.source === 'daemonset-controller' && /^Created pod: fluentd-elasticsearch-\w{5}$/.test(e.message)));
  assert.deepEqual(timeline.markers, [{ at: 600, kind: 'setImage', description: `kubectl set image daemonset/fluentd-elasticsearch fluentd-elasticsearch=${IMAGE_2}` }]);
  assert.deepEqual(timeline.status, {
    currentNumberScheduled: 4,
    numberMisscheduled: 0,
    desiredNumberScheduled: 4,
    numberReady: 4,
    observedGeneration: 2,
    updatedNumberScheduled: 4,
    numberAvailable: 4,
    numberUnavailable: 0,
    generation: 2,
    revision: 2,
  });
  assert.deepEqual(timeline.effectiveSpec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(timeline.object.namespace, 'kube-system');
});

test('without the control-plane toleration the tainted node gets no pod: DESIRED 3', () => {
  const timeline = run(fluentd({}, { tolerations: undefined }), scenario({ events: [] }));
  assert.deepEqual(timeline.pods.map((p) => p.node).sort(), ['worker-1', 'worker-2', 'worker-3']);
  assert.equal(getDaemonSets(timeline, 60), 'NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nfluentd-elasticsearch   3         3         3       3            3           <none>          60s\n');
});

test('maxSurge 1, maxUnavailable 0: the new pod starts next to the old one, which goes once the new one is available', () => {
  const timeline = run(fluentd({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } }), scenario());
  const first = timeline.pods.filter((p) => p.revision === 1);
  const second = timeline.pods.filter((p) => p.revision === 2);
  assert.deepEqual(second.map((p) => [p.node, p.createdAt, p.readyAt]), NEW_PODS_ONE_NODE_AT_A_TIME);
  assert.deepEqual(first.map((p) => p.deletedAt), [615, 630, 645, 660]);
  for (let t = 0; t <= timeline.duration; t++) {
    const { exist, ready } = podsAt(timeline, t);
    assert.ok(exist <= 5, `at most desired + maxSurge pods at ${t}s`);
    if (t >= 15) assert.equal(ready >= 4, true, `never fewer than 4 available pods at ${t}s (${ready})`);
  }
  assert.equal(timeline.status.updatedNumberScheduled, 4);
});

test('a node added mid-rollout gets a pod of the new revision at once; the rollout covers it', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '620s', addNode: { name: 'worker-4' } }] }));
  const onNew = timeline.pods.filter((p) => p.node === 'worker-4');
  assert.deepEqual(onNew.map((p) => [p.revision, p.createdAt]), [[2, 620]]);
  assert.equal(timeline.pods.filter((p) => p.revision === 2).length, 5);
  assert.deepEqual(timeline.markers.map((m) => `${m.at} ${m.kind}`), ['600 setImage', '620 addNode']);
  // At 620 the new node's pod is not available yet: it counts against maxUnavailable 1 until 635.
  const third = timeline.pods.find((p) => p.revision === 1 && p.node === 'worker-2');
  assert.equal(third?.deletedAt, 635);
  assert.deepEqual(statusAt(timeline, 620).desiredNumberScheduled, 5);
  assert.equal(timeline.status.updatedNumberScheduled, 5);
  assert.equal(timeline.status.numberAvailable, 5);
});

test('a node removed: PodGC deletes its pod, DESIRED drops, the rollout skips it', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '5m', removeNode: 'worker-3' }, { at: '10m', setImage: IMAGE_2 }] }));
  const gone = timeline.pods.find((p) => p.node === 'worker-3');
  assert.equal(gone?.deletedAt, 300);
  assert.match(gone?.deletedBy ?? '', /node worker-3 removed/);
  assert.equal(statusAt(timeline, 300).desiredNumberScheduled, 3);
  assert.equal(timeline.pods.filter((p) => p.revision === 2).length, 3);
  assert.equal(timeline.duration, 645);
});

test('OnDelete: a new image changes nothing until a pod is deleted; its replacement has the new revision', () => {
  const manifest = fluentd({ updateStrategy: { type: 'OnDelete' } });
  const names = run(manifest, scenario()).pods;
  const victim = names.find((p) => p.node === 'worker-2')?.name ?? '';
  const timeline = run(manifest, scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '12m', deletePod: victim }] }));
  assert.equal(timeline.pods.find((p) => p.name === victim)?.deletedAt, 720);
  const replacement = timeline.pods.filter((p) => p.createdAt > 0);
  assert.deepEqual(replacement.map((p) => [p.node, p.revision, p.createdAt]), [['worker-2', 2, 720]]);
  assert.equal(timeline.status.updatedNumberScheduled, 1);
  assert.equal(timeline.status.observedGeneration, 2);
  assert.equal(events(timeline, 'SuccessfulDelete').length, 0, 'the controller deleted nothing: kubectl did');
  assert.deepEqual(rolloutStatusLines(timeline, 0).error, 'rollout status is only available for RollingUpdate strategy type');
});

test('rollback after a finished rollout: revision 1 comes back as revision 3 and rolls out again', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '20m', rollback: 1 }] }));
  assert.deepEqual(
    timeline.markers.map((m) => `${m.at} ${m.description}`),
    [`600 kubectl set image daemonset/fluentd-elasticsearch fluentd-elasticsearch=${IMAGE_2}`, '1200 kubectl rollout undo daemonset/fluentd-elasticsearch --to-revision=1: daemonset.apps/fluentd-elasticsearch rolled back'],
  );
  const third = timeline.pods.filter((p) => p.createdAt >= 1200);
  assert.equal(third.length, 4);
  assert.ok(third.every((p) => p.revision === 3), 'the rolled-back template is revision 3 now');
  assert.equal(timeline.status.revision, 3);
  assert.equal(timeline.status.generation, 3);
  assert.equal(timeline.status.updatedNumberScheduled, 4);
});

test('rollback mid-rollout: pods still on revision 1 are up to date again, only the new ones are replaced', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '620s', rollback: 0 }] }));
  // By 620s two nodes run revision 2 (one available, one starting); rollback 0 = the previous revision.
  const rev2 = timeline.pods.filter((p) => p.revision === 2);
  assert.deepEqual(rev2.map((p) => p.node), ['control-plane', 'worker-1']);
  const untouched = timeline.pods.filter((p) => p.revision === 1 && p.deletedAt === null);
  assert.deepEqual(untouched.map((p) => p.node).sort(), ['worker-2', 'worker-3']);
  const rev3 = timeline.pods.filter((p) => p.revision === 3);
  assert.deepEqual(rev3.map((p) => p.node).sort(), ['control-plane', 'worker-1']);
  assert.equal(timeline.status.updatedNumberScheduled, 4);
  assert.equal(timeline.markers[1].description, 'kubectl rollout undo daemonset/fluentd-elasticsearch: daemonset.apps/fluentd-elasticsearch rolled back');
});

test('rollback to a revision that does not exist, or to the current one', () => {
  const missing = simulate(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '20m', rollback: 5 }] }));
  assert.ok(missing.ok);
  assert.deepEqual(
    missing.warnings.map((w) => w.message),
    ['kubectl rollout undo daemonset/fluentd-elasticsearch --to-revision=5 at t=1200s: error: unable to find specified revision 5 in history'],
  );
  const current = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '20m', rollback: 2 }] }));
  assert.equal(current.markers[1].description, 'kubectl rollout undo daemonset/fluentd-elasticsearch --to-revision=2: daemonset/fluentd-elasticsearch skipped rollback (current template already matches revision 2)');
  const none = simulate(fluentd(), scenario({ events: [{ at: '1m', rollback: 0 }] }));
  assert.ok(none.ok);
  assert.match(none.warnings[0].message, /error: no last revision to roll back to$/);
});

test('the same image again is no template change: no revision, no rollout', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_1 }] }));
  assert.equal(timeline.pods.length, 4);
  assert.match(timeline.markers[0].description, /image unchanged: no new revision/);
  assert.equal(timeline.status.generation, 1);
});

test('minReadySeconds: the next node waits until the new pod has been Ready that long (requeued minReadySeconds + 1s after it turned Ready)', () => {
  const timeline = run(fluentd({ minReadySeconds: 30 }), scenario());
  const first = timeline.pods.filter((p) => p.revision === 1);
  // Ready at 615, available after 645; the pod-ready requeue (minReadySeconds + 1s) syncs at 646.
  assert.deepEqual(first.map((p) => p.deletedAt), [600, 646, 692, 738]);
  assert.equal(statusAt(timeline, 630).numberAvailable, 3);
  assert.equal(statusAt(timeline, 630).numberReady, 4);
});

test('maxUnavailable 50% of 3 nodes rounds up: 2 at a time', () => {
  const timeline = run(fluentd({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } } }, { tolerations: undefined }), scenario());
  assert.deepEqual(timeline.pods.filter((p) => p.revision === 1).map((p) => p.deletedAt), [600, 600, 615]);
});

test('node selector, an untolerated NoExecute taint, a cordoned node and a node that is not Ready', () => {
  const nodes = [
    { name: 'ssd-1', labels: { disk: 'ssd' } },
    { name: 'ssd-2', labels: { disk: 'ssd' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] },
    { name: 'ssd-3', labels: { disk: 'ssd' }, unschedulable: true },
    { name: 'ssd-4', labels: { disk: 'ssd' }, ready: false },
    { name: 'hdd-1', labels: { disk: 'hdd' } },
  ];
  const timeline = run(fluentd({}, { nodeSelector: { disk: 'ssd' } }), { nodes, seed: 3 });
  assert.deepEqual(timeline.pods.map((p) => p.node).sort(), ['ssd-1', 'ssd-3']);
  assert.equal(timeline.status.desiredNumberScheduled, 2);
  assert.match(getDaemonSets(timeline, 10), /fluentd-elasticsearch   2         2         2       2            2           disk=ssd        10s/);
  assert.ok(timeline.notes.some((n) => /not-ready taints/.test(n)));
});

test('a crashing daemon pod restarts in place (restartPolicy Always): the controller does not replace it', () => {
  const timeline = run(fluentd(), scenario({ events: [], pods: { default: { startupSeconds: 5, readySeconds: 10 }, outcomes: [{ pod: 2, runSeconds: 60, exitCode: 1 }] }, until: '10m' }));
  assert.equal(timeline.pods.length, 4);
  const crashing = timeline.pods[1];
  assert.ok(crashing.restarts >= 3);
  assert.equal(crashing.phase, 'Running');
  assert.equal(timeline.stopReason, 'until');
});

test('a run ends when the rollout is done and nothing is pending; the pods keep running', () => {
  const timeline = run(fluentd(), { nodes: 3, seed: 1 });
  assert.equal(timeline.stopReason, 'finished');
  assert.equal(timeline.duration, 0);
  assert.ok(timeline.pods.every((p) => p.phase === 'Running' && p.finishedAt === null));
  const early = run(fluentd(), { nodes: 3, seed: 1, pods: { default: { readySeconds: 10 } }, until: '5s' });
  assert.equal(early.stopReason, 'until');
  assert.equal(early.duration, 5);
  assert.equal(early.status.numberReady, 0);
});

test('deterministic: the same scenario gives the same timeline', () => {
  assert.deepEqual(run(fluentd(), scenario()), run(fluentd(), scenario()));
});

test('kube-controller-manager down during the rollout: nothing moves until it is back', () => {
  const timeline = run(fluentd(), scenario({ events: [{ at: '10m', setImage: IMAGE_2 }, { at: '605s', controllerDown: '5m' }] }));
  const first = timeline.pods.filter((p) => p.revision === 1);
  assert.deepEqual(first.map((p) => p.deletedAt), [600, 905, 920, 935]);
  assert.deepEqual(timeline.pods.filter((p) => p.revision === 2).map((p) => p.createdAt), [600, 905, 920, 935]);
});

test('a pasted live DaemonSet (status.currentNumberScheduled) starts with its pods', () => {
  const manifest = { ...fluentd(), status: { currentNumberScheduled: 4, desiredNumberScheduled: 4, numberReady: 4 } };
  const timeline = run(manifest, scenario({ events: [] }));
  assert.equal(timeline.pods.length, 4);
  assert.equal(events(timeline, 'SuccessfulCreate').length, 0);
  assert.ok(timeline.notes.some((n) => /status.currentNumberScheduled was 4/.test(n)));
});

test('the example: examples/fluentd-daemonset-rollout.yaml with its scenario', () => {
  const manifest = parse(fs.readFileSync(path.join(repoRoot, 'examples/fluentd-daemonset-rollout.yaml'), 'utf8'));
  const scenarioValue = parse(fs.readFileSync(path.join(repoRoot, 'examples/fluentd-daemonset-rollout.scenario.yaml'), 'utf8'));
  const result = simulate(manifest, scenarioValue);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.warnings, []);
  const timeline = result.timeline;
  // terminationSeconds 5: each replacement is created when the old pod is gone, 5s after its deletion.
  assert.deepEqual(timeline.pods.filter((p) => p.revision === 2).map((p) => [p.node, p.createdAt, p.readyAt]), [
    ['control-plane', 605, 620],
    ['worker-1', 625, 640],
    ['worker-2', 645, 660],
    ['worker-3', 665, 680],
  ]);
  assert.deepEqual(rolloutStatusLines(timeline, 599).lines, [
    'daemon set "fluentd-elasticsearch" successfully rolled out\n',
  ]);
  const lines = rolloutStatusLines(timeline, 600).lines;
  assert.equal(lines[0], 'Waiting for daemon set spec update to be observed...\n');
  assert.equal(lines[lines.length - 1], 'daemon set "fluentd-elasticsearch" successfully rolled out\n');
  assert.ok(lines.includes('Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 0 out of 4 new pods have been updated...\n'));
  assert.ok(lines.includes('Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 3 of 4 updated pods are available...\n'));
});

test('revisionHistoryLimit: old ControllerRevisions beyond the limit are cleaned up, so rolling back to them fails', () => {
  const images = ['fluentd:v2', 'fluentd:v3', 'fluentd:v4'];
  const changes = images.map((image, i) => ({ at: `${10 * (i + 1)}m`, setImage: image }));
  const kept = simulate(fluentd({ revisionHistoryLimit: 1 }), scenario({ events: [...changes, { at: '50m', rollback: 3 }] }));
  assert.ok(kept.ok);
  assert.deepEqual(kept.warnings, []);
  assert.equal(kept.timeline.markers[3].description, 'kubectl rollout undo daemonset/fluentd-elasticsearch --to-revision=3: daemonset.apps/fluentd-elasticsearch rolled back');
  const cleaned = simulate(fluentd({ revisionHistoryLimit: 1 }), scenario({ events: [...changes, { at: '50m', rollback: 1 }] }));
  assert.ok(cleaned.ok);
  assert.match(cleaned.warnings[0].message, /error: unable to find specified revision 1 in history$/);
});
