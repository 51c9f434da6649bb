/**
 * A Deployment end to end through simulate(): the Deployment and ReplicaSet controllers, the scenario's
 * setImage / patch / rollback events and pod behaviour by image, asserting what `kubectl describe deploy`,
 * `kubectl get rs` and `kubectl rollout status` would show. The main runs are compared with golden timelines in
 * test/fixtures/engine/deployment-golden.json (K8S_DRYRUN_UPDATE_GOLDEN=1 rewrites them).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseScenario } from '../../../server/src/core/engine/scenario';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { simulateOk } from './simulateOk';

const repoRoot = path.resolve(__dirname, '../../../..');
const GOLDEN = path.join(repoRoot, 'test/fixtures/engine/deployment-golden.json');
const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;

function deployment(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] },
      },
      ...spec,
    },
  };
}

/** What `kubectl describe deployment` lists under Events, and the replica sets' events. */
function controllerEvents(t: Timeline): string[] {
  return t.events.filter((e) => e.kind === 'Deployment' || e.kind === 'ReplicaSet').map((e) => `${e.at} ${e.kind}/${e.object} ${e.reason}: ${e.message}`);
}

/** What the golden file keeps of a run. */
function summary(t: Timeline): Record<string, unknown> {
  return {
    events: controllerEvents(t),
    conditions: t.conditions.map((c) => `${c.at} ${c.type}=${c.status} ${c.reason}: ${c.message}`),
    replicaSets: t.replicaSets,
    pods: t.pods.map((p) => `${p.name} created ${p.createdAt} ready ${p.readyAt} deleted ${p.deletedAt}`),
    markers: t.markers.map((m) => `${m.at} ${m.description}`),
    status: t.status,
    end: [t.stopReason, t.duration],
  };
}

function checkGolden(name: string, t: Timeline): void {
  const got = JSON.parse(JSON.stringify(summary(t))) as unknown;
  if (process.env.K8S_DRYRUN_UPDATE_GOLDEN === '1') {
    golden[name] = got;
    fs.writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
  }
  assert.deepEqual(got, golden[name], `golden timeline ${name}`);
}

test('scenario: a patch event, outcomes by image and ready: false parse; an empty patch is refused', () => {
  const parsed = parseScenario({ pods: { outcomes: [{ image: 'nginx:broken', ready: false }] }, events: [{ at: '1m', patch: { spec: { replicas: 5 } } }, { at: '2m', patch: {} }] });
  assert.deepEqual(parsed.scenario.events.map((e) => e.type), ['patch']);
  assert.deepEqual(parsed.scenario.events[0].type === 'patch' ? parsed.scenario.events[0].patch : null, { spec: { replicas: 5 } });
  assert.equal(parsed.scenario.pods.outcomes[0].image, 'nginx:broken');
  assert.equal(parsed.scenario.pods.outcomes[0].behaviour.readyMs, Infinity);
  assert.deepEqual(parsed.errors.map((e) => e.path), ['events[1].patch']);
});

test('a new Deployment: one ReplicaSet nginx-<hash> scaled up from 0 to 3, revision 1, Available once the pods are Ready', () => {
  const t = simulateOk(deployment(), { pods: { default: { startupSeconds: 2, readySeconds: 3 } } });
  const rs = t.replicaSets ?? [];
  assert.equal(rs.length, 1);
  assert.match(rs[0].name, /^nginx-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  assert.equal(rs[0].podTemplateHash, rs[0].name.slice('nginx-'.length));
  assert.equal(rs[0].revision, 1);
  assert.deepEqual(controllerEvents(t).slice(0, 2), [`0 Deployment/nginx ScalingReplicaSet: Scaled up replica set ${rs[0].name} from 0 to 3`, `0 ReplicaSet/${rs[0].name} SuccessfulCreate: Created pod: ${t.pods[0].name}`]);
  assert.ok(t.pods.every((p) => p.name.startsWith(`${rs[0].name}-`)));
  const available = t.conditions.find((c) => c.type === 'Available' && c.status === 'True');
  assert.equal(available?.at, 5);
  assert.equal(available?.reason, 'MinimumReplicasAvailable');
  assert.deepEqual(t.status.conditions, [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: 5, lastTransitionTime: 5 },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs[0].name}" has successfully progressed.`, lastUpdateTime: 5, lastTransitionTime: 0 },
  ]);
  assert.equal(t.stopReason, 'finished');
});

test('setImage rolls out with maxSurge 25% / maxUnavailable 25% on 3 replicas: one extra pod first, one old pod down at a time (golden)', () => {
  const t = simulateOk(deployment(), { until: '3m', pods: { default: { startupSeconds: 2, readySeconds: 3 } }, events: [{ at: '30s', setImage: 'nginx:1.28' }] });
  const [oldRS, newRS] = t.replicaSets ?? [];
  assert.equal(newRS.revision, 2);
  assert.equal(newRS.image, 'nginx:1.28');
  const deploymentEvents = t.events.filter((e) => e.kind === 'Deployment').map((e) => `${e.at} ${e.message}`);
  assert.deepEqual(deploymentEvents.slice(1), [
    `30 Scaled up replica set ${newRS.name} from 0 to 1`,
    `35 Scaled down replica set ${oldRS.name} from 3 to 2`,
    `35 Scaled up replica set ${newRS.name} from 1 to 2`,
    `40 Scaled down replica set ${oldRS.name} from 2 to 1`,
    `40 Scaled up replica set ${newRS.name} from 2 to 3`,
    `45 Scaled down replica set ${oldRS.name} from 1 to 0`,
  ]);
  // Never more than 4 pods (3 + maxSurge 1) and never fewer than 3 available (3 - maxUnavailable 0).
  for (const at of [30, 35, 40, 45]) {
    const desired = (t.replicaSets ?? []).map((r) => [...r.history].reverse().find((h) => h.at <= at)?.desired ?? 0).reduce((a, b) => a + b, 0);
    assert.ok(desired <= 4, `at ${at}s: ${desired} pods desired`);
  }
  assert.equal(oldRS.history.at(-1)?.desired, 0);
  assert.equal(t.status.updatedReplicas, 3);
  checkGolden('rollingUpdate', t);
});

test('an image that never becomes Ready: the rollout stalls with one surge pod and times out after progressDeadlineSeconds (golden)', () => {
  const t = simulateOk(deployment({ progressDeadlineSeconds: 60 }), {
    pods: { default: { startupSeconds: 2, readySeconds: 3 }, outcomes: [{ image: 'nginx:broken', ready: false }] },
    events: [{ at: '30s', setImage: 'nginx:broken' }],
  });
  const [oldRS, newRS] = t.replicaSets ?? [];
  assert.equal(oldRS.history.at(-1)?.available, 3, 'the old pods keep serving');
  assert.deepEqual(newRS.history.at(-1), { at: 30, desired: 1, current: 1, ready: 0, available: 0, revision: 2 });
  const timedOut = t.conditions.find((c) => c.reason === 'ProgressDeadlineExceeded');
  // Last progress at 30s; the controller looks again deadline + 1s later (requeueStuckDeployment).
  assert.deepEqual([timedOut?.at, timedOut?.status, timedOut?.message], [91, 'False', `ReplicaSet "${newRS.name}" has timed out progressing.`]);
  checkGolden('stuckRollout', t);
});

test('scaling mid-rollout with a patch: proportional scaling over both ReplicaSets, then Recreate and a rollback (golden)', () => {
  const t = simulateOk(deployment(), {
    pods: { default: { startupSeconds: 2, readySeconds: 10 } },
    events: [
      { at: '30s', setImage: 'nginx:1.28' },
      { at: '33s', patch: { spec: { replicas: 10 } } },
      { at: '90s', patch: { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } } },
      { at: '100s', rollback: 0 },
    ],
  });
  const [oldRS, newRS] = t.replicaSets ?? [];
  const at33 = t.events.filter((e) => e.kind === 'Deployment' && e.at === 33).map((e) => e.message);
  // 3 → 10 with maxSurge 25% (3 of 10): 13 pods shared in proportion to 3 and 1 (annotated max 4): 10 and 3.
  assert.deepEqual(at33.slice(0, 2), [`Scaled up replica set ${oldRS.name} from 3 to 10`, `Scaled up replica set ${newRS.name} from 1 to 3`]);
  // The rollback goes back to revision 1's template: its ReplicaSet becomes revision 3; Recreate empties the other first.
  assert.equal(oldRS.revision, 3);
  assert.deepEqual(t.events.filter((e) => e.kind === 'Deployment' && e.at === 100).map((e) => e.message), [`Scaled down replica set ${newRS.name} from 10 to 0`, `Scaled up replica set ${oldRS.name} from 0 to 10`]);
  assert.ok(t.markers.some((m) => m.description === 'kubectl rollout undo deployment/nginx: deployment.apps/nginx rolled back'));
  checkGolden('scaleRecreateRollback', t);
});

test('revisionHistoryLimit 1: after two rollouts the oldest empty ReplicaSet is deleted', () => {
  const t = simulateOk(deployment({ revisionHistoryLimit: 1 }), { events: [{ at: '10s', setImage: 'nginx:1.28' }, { at: '20s', setImage: 'nginx:1.29' }] });
  const sets = t.replicaSets ?? [];
  assert.equal(sets.length, 3);
  assert.notEqual(sets[0].deletedAt, null, 'revision 1 deleted');
  assert.equal(sets[1].deletedAt, null, 'revision 2 kept (the limit)');
});

test('paused: a template change does nothing until resumed; the Progressing condition says DeploymentPaused, then DeploymentResumed', () => {
  const t = simulateOk(deployment(), {
    events: [
      { at: '10s', patch: { spec: { paused: true } } },
      { at: '20s', setImage: 'nginx:1.28' },
      { at: '40s', patch: { spec: { paused: false } } },
    ],
  });
  const progressing = t.conditions.filter((c) => c.type === 'Progressing').map((c) => `${c.at} ${c.status} ${c.reason}`);
  assert.ok(progressing.includes('10 Unknown DeploymentPaused'));
  assert.ok(progressing.includes('40 Unknown DeploymentResumed'));
  const second = (t.replicaSets ?? [])[1];
  assert.equal(second.createdAt, 40, 'the new ReplicaSet is created only when resumed');
});

test('an image that crashes before it is Ready: its pod restarts with back-off (kubelet BackOff events), the old ReplicaSet keeps all 3 replicas', () => {
  const t = simulateOk(deployment(), {
    until: '5m',
    pods: { default: { readySeconds: 3 }, outcomes: [{ image: 'nginx:crash', runSeconds: 5, exitCode: 1, ready: false }] },
    events: [{ at: '30s', setImage: 'nginx:crash' }],
  });
  const [oldRS, newRS] = t.replicaSets ?? [];
  const crashing = t.pods.find((p) => p.name.startsWith(`${newRS.name}-`));
  assert.ok(crashing !== undefined && crashing.restarts > 2, 'the new pod keeps restarting');
  assert.ok(t.events.some((e) => e.reason === 'BackOff' && e.object === crashing.name));
  assert.deepEqual([oldRS.history.at(-1)?.desired, newRS.history.at(-1)?.desired], [3, 1]);
  assert.equal(t.status.updatedReplicas, 1);
});

test('a pasted live Deployment (status.replicas 3, revision 4): its ReplicaSet and pods exist at the start; a new image becomes revision 5', () => {
  const live = { ...deployment(), metadata: { name: 'nginx', annotations: { 'deployment.kubernetes.io/revision': '4' } }, status: { replicas: 3, availableReplicas: 3 } };
  const t = simulateOk(live, { events: [{ at: '10s', setImage: 'nginx:1.28' }] });
  const [current, next] = t.replicaSets ?? [];
  assert.deepEqual([current.revision, next.revision], [4, 5]);
  assert.ok(!t.events.some((e) => e.message === `Scaled up replica set ${current.name} from 0 to 3`), 'the live ReplicaSet is not created again');
  assert.equal(t.pods.filter((p) => p.name.startsWith(`${current.name}-`)).length, 3);
  assert.ok(t.events.some((e) => e.message === `Scaled up replica set ${next.name} from 0 to 1`));
  assert.equal(current.history.at(-1)?.desired, 0);
  assert.ok(t.notes.some((n) => n.startsWith('status.replicas was 3')));
});
