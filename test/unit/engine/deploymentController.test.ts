/**
 * Upstream Deployment controller cases (pkg/controller/deployment: rolling_test.go TestDeploymentController_reconcileNewReplicaSet,
 * _reconcileOldReplicaSets, _cleanupUnhealthyReplicas, _scaleDownOldReplicaSetsForRollingUpdate; sync_test.go TestScale,
 * TestDeploymentController_cleanupDeployment, _cleanupDeploymentOrder; recreate_test.go TestScaleDownOldReplicaSets,
 * TestOldPodsRunning; progress_test.go TestRequeueStuckDeployment, TestSyncRolloutStatus; deployment_controller_test.go
 * TestSyncDeploymentCreatesReplicaSet, TestSyncDeploymentDontDoAnythingDuringDeletion,
 * TestDontSyncDeploymentsWithEmptyPodSelector), carried over as data in
 * test/fixtures/engine/deployment-controller-cases.json and replayed against engine/deployment with a recorder of the
 * API writes in place of upstream's fake clientset.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { requeueStuckDelay, syncRolloutStatus } from '../../../server/src/core/engine/deployment/progress';
import { oldPodsRunning, scaleDownOldReplicaSetsForRecreate } from '../../../server/src/core/engine/deployment/recreate';
import { cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate } from '../../../server/src/core/engine/deployment/rolling';
import { cleanupDeployment, scale } from '../../../server/src/core/engine/deployment/sync';
import { DeploymentSync } from '../../../server/src/core/engine/deployment/syncContext';
import { syncDeployment } from '../../../server/src/core/engine/deployment/syncDeployment';
import {
  EMPTY_DEPLOYMENT_STATUS,
  EMPTY_REPLICASET_STATUS,
  REVISION_ANNOTATION,
  type DeploymentCondition,
  type DeploymentView,
  type IntOrString,
  type ReplicaSetView,
} from '../../../server/src/core/engine/deployment/types';
import { maxSurge, setReplicasAnnotations } from '../../../server/src/core/engine/deployment/util';

const repoRoot = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture tables of many shapes, read field by field below
const fx = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/deployment-controller-cases.json'), 'utf8')) as any;

let passed = 0;
const skips = fx.skipped as { name: string; reason: string }[];
for (const s of skips) test(s.name, { skip: s.reason }, () => undefined);

/** newDeployment(name, replicas, revisionHistoryLimit, maxSurge, maxUnavailable, selector). */
function newDeployment(replicas: number, options: { maxSurge?: IntOrString; maxUnavailable?: IntOrString; revisionHistoryLimit?: number | null; recreate?: boolean; pds?: number | null } = {}): DeploymentView {
  return {
    name: 'foo',
    namespace: 'default',
    generation: 0,
    replicas,
    strategy: options.recreate ? { type: 'Recreate', maxSurge: null, maxUnavailable: null } : { type: 'RollingUpdate', maxSurge: options.maxSurge ?? 0, maxUnavailable: options.maxUnavailable ?? 0 },
    minReadySeconds: 0,
    progressDeadlineSeconds: options.pds ?? null,
    revisionHistoryLimit: options.revisionHistoryLimit ?? null,
    paused: false,
    annotations: {},
    template: {},
    status: EMPTY_DEPLOYMENT_STATUS,
  };
}

/** rs(name, replicas, selector, timestamp) with the status fields a test sets. */
function rs(name: string, replicas: number, extra: Partial<ReplicaSetView> = {}, status: Partial<ReplicaSetView['status']> = {}): ReplicaSetView {
  return { name, uid: name, createdAt: null, generation: 0, deleting: false, replicas, minReadySeconds: 0, annotations: {}, template: {}, status: { ...EMPTY_REPLICASET_STATUS, ...status }, ...extra };
}

function sync(d: DeploymentView, now = 0): DeploymentSync {
  return new DeploymentSync(d, now, () => 'hash');
}

function updates(dc: DeploymentSync): ReplicaSetView[] {
  return dc.writes.flatMap((w) => (w.type === 'updateReplicaSet' ? [w.rs] : []));
}

for (const c of fx.reconcileNewReplicaSet) {
  test(`TestDeploymentController_reconcileNewReplicaSet: ${c.name}`, () => {
    const newRS = rs('foo-v2', c.newReplicas);
    const oldRS = rs('foo-v1', c.oldReplicas);
    const dc = sync(newDeployment(c.deploymentReplicas, { maxSurge: c.maxSurge, maxUnavailable: 0 }));
    const { scaled } = reconcileNewReplicaSet(dc, [newRS, oldRS], newRS);
    if (!c.scaleExpected) {
      assert.equal(scaled, false);
      assert.equal(dc.writes.length, 0);
    } else {
      assert.equal(scaled, true);
      assert.deepEqual(updates(dc).map((u) => u.replicas), [c.expectedNewReplicas]);
    }
    passed++;
  });
}

fx.reconcileOldReplicaSets.forEach((c: Record<string, number | boolean>, i: number) => {
  test(`TestDeploymentController_reconcileOldReplicaSets: scenario ${i}`, () => {
    const newRS = rs('foo-new', c.newReplicas as number, {}, { availableReplicas: c.readyPodsFromNewRS as number });
    const oldRS = rs('foo-old', c.oldReplicas as number, {}, { availableReplicas: c.readyPodsFromOldRS as number });
    const dc = sync(newDeployment(c.deploymentReplicas as number, { maxSurge: 0, maxUnavailable: c.maxUnavailable as number }));
    const scaled = reconcileOldReplicaSets(dc, [oldRS, newRS], [oldRS], newRS);
    assert.equal(scaled, c.scaleExpected);
    // Upstream checks only whether it scaled; the last write to the old ReplicaSet is its size when it did.
    if (c.scaleExpected) assert.equal(updates(dc).at(-1)?.replicas, c.expectedOldReplicas);
    passed++;
  });
});

fx.cleanupUnhealthyReplicas.forEach((c: Record<string, number>, i: number) => {
  test(`TestDeploymentController_cleanupUnhealthyReplicas: scenario ${i}`, () => {
    const oldRS = rs('foo-v2', c.oldReplicas, {}, { availableReplicas: c.readyPods });
    const dc = sync(newDeployment(10, { maxSurge: 2, maxUnavailable: 2 }));
    const result = cleanupUnhealthyReplicas(dc, [oldRS], c.maxCleanupCount);
    assert.ok(!('error' in result));
    assert.equal(result.count, c.cleanupCountExpected);
    passed++;
  });
});

fx.scaleDownOldReplicaSetsForRollingUpdate.forEach((c: Record<string, number | boolean>, i: number) => {
  test(`TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate: scenario ${i}`, () => {
    const oldRS = rs('foo-v2', c.oldReplicas as number, {}, { availableReplicas: c.readyPods as number });
    const dc = sync(newDeployment(c.deploymentReplicas as number, { maxSurge: 0, maxUnavailable: c.maxUnavailable as number }));
    const scaled = scaleDownOldReplicaSetsForRollingUpdate(dc, [oldRS], [oldRS]);
    if (!c.scaleExpected) assert.equal(scaled, 0);
    else {
      assert.notEqual(scaled, 0);
      assert.deepEqual(updates(dc).map((u) => u.replicas), [c.expectedOldReplicas]);
    }
    passed++;
  });
});

for (const c of fx.scale) {
  test(`TestScale: ${c.name}`, () => {
    const [replicas, surge, unavailable] = c.deployment as number[];
    const [oldReplicas, oldSurge, oldUnavailable] = c.oldDeployment as number[];
    const d = newDeployment(replicas, { maxSurge: surge, maxUnavailable: unavailable });
    const oldD = newDeployment(oldReplicas, { maxSurge: oldSurge, maxUnavailable: oldUnavailable });
    const desiredFor = (name: string): number => (c.desiredReplicasAnnotations?.[name] as number | undefined) ?? oldReplicas;
    const make = ([name, size, created]: [string, number, number]): ReplicaSetView =>
      rs(name, size, { createdAt: created * 1000, annotations: setReplicasAnnotations({}, desiredFor(name), desiredFor(name) + maxSurge(oldD)).annotations });
    const newRS = c.newRS === null ? null : make(c.newRS);
    const oldRSs = (c.oldRSs as [string, number, number][]).map(make);
    const dc = sync(d);
    scale(dc, newRS, oldRSs);
    const nameToSize = new Map<string, number>();
    for (const set of [newRS, ...oldRSs]) if (set !== null) nameToSize.set(set.name, set.replicas);
    const ignored = new Set((c.wasntUpdated as string[] | undefined) ?? []);
    for (const u of updates(dc)) if (!ignored.has(u.name)) nameToSize.set(u.name, u.replicas);
    if (c.expectedNew !== null && newRS !== null) assert.equal(nameToSize.get(newRS.name), c.expectedNew, 'new');
    oldRSs.forEach((old, n) => assert.equal(nameToSize.get(old.name), c.expectedOld[n], old.name));
    passed++;
  });
}

fx.cleanupDeployment.forEach((c: { oldRSs: [string, number, number, string?][]; revisionHistoryLimit: number; expectedDeletions: number }, i: number) => {
  test(`TestDeploymentController_cleanupDeployment: scenario ${i}`, () => {
    const oldRSs = c.oldRSs.map(([name, spec, actual, deleting]) => rs(name, spec, { deleting: deleting === 'deleting' }, { replicas: actual }));
    const dc = sync(newDeployment(1, { revisionHistoryLimit: c.revisionHistoryLimit }));
    cleanupDeployment(dc, oldRSs);
    assert.equal(dc.writes.filter((w) => w.type === 'deleteReplicaSet').length, c.expectedDeletions);
    passed++;
  });
});

fx.cleanupDeploymentOrder.forEach((c: { oldRSs: [string, number, number, string][]; revisionHistoryLimit: number; expectedDeletedRSs: string[] }, i: number) => {
  test(`TestDeploymentController_cleanupDeploymentOrder: scenario ${i}`, () => {
    const oldRSs = c.oldRSs.map(([name, replicas, created, revision]) => rs(name, replicas, { createdAt: created * 1000, annotations: revision === '' ? {} : { [REVISION_ANNOTATION]: revision } }, { replicas }));
    const dc = sync(newDeployment(1, { revisionHistoryLimit: c.revisionHistoryLimit }));
    cleanupDeployment(dc, oldRSs);
    assert.deepEqual(dc.writes.flatMap((w) => (w.type === 'deleteReplicaSet' ? [w.name] : [])).sort(), c.expectedDeletedRSs);
    passed++;
  });
});

for (const c of fx.scaleDownOldReplicaSetsForRecreate) {
  test('TestScaleDownOldReplicaSets', () => {
    const oldRSs = (c.oldRSSizes as number[]).map((size, n) => rs(`foo-${n}`, size));
    const dc = sync(newDeployment(c.replicas));
    assert.equal(scaleDownOldReplicaSetsForRecreate(dc, oldRSs), true);
    assert.deepEqual(updates(dc).map((u) => u.replicas), oldRSs.map(() => 0));
    passed++;
  });
}

for (const c of fx.oldPodsRunning) {
  test(`TestOldPodsRunning: ${c.name}`, () => {
    const oldRSs = (c.oldRSs as [string, number, number][]).map(([name, spec, actual]) => rs(name, spec, {}, { replicas: actual }));
    const pods = (c.pods as [string, string][]).map(([owner, phase]) => ({ rs: owner, phase }));
    assert.equal(oldPodsRunning(null, oldRSs, pods), c.hasOldPodsRunning);
    passed++;
  });
}

const STUCK: DeploymentCondition = { type: 'Progressing', status: 'True', reason: '', message: '', lastUpdateTime: 0, lastTransitionTime: null };
const FAILED: DeploymentCondition = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: '', lastUpdateTime: null, lastTransitionTime: null };

for (const c of fx.requeueStuckDeployment) {
  test(`TestRequeueStuckDeployment: ${c.name}`, () => {
    const [replicas, statusReplicas, updated, available] = c.d as number[];
    const conditions = c.conditions === 'stuck' ? [STUCK] : c.conditions === 'failed' ? [FAILED] : [];
    const d = { ...newDeployment(replicas, { recreate: true, pds: c.pds }), status: { ...EMPTY_DEPLOYMENT_STATUS, replicas: statusReplicas, updatedReplicas: updated, availableReplicas: available, conditions } };
    const [r, u, a] = c.status as number[];
    const got = requeueStuckDelay(d, { ...EMPTY_DEPLOYMENT_STATUS, replicas: r, updatedReplicas: u, availableReplicas: a }, Math.round(c.now * 1000));
    assert.equal(got === null ? -1 : got / 1000, c.expected);
    passed++;
  });
}

{
  const testTime = 0;
  const named: Record<string, DeploymentCondition> = {
    failedTimedOut: FAILED,
    newRSAvailable: { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: '', lastUpdateTime: testTime, lastTransitionTime: testTime },
    replicaSetUpdated: { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: '', lastUpdateTime: testTime, lastTransitionTime: testTime },
  };
  // Upstream runs at its wall clock, years after testTime: any deadline has passed.
  const now = 10 * 365 * 86_400_000;
  for (const c of fx.syncRolloutStatus) {
    test(`TestSyncRolloutStatus: ${c.name}`, () => {
      const [replicas, statusReplicas, updated, available] = c.d as number[];
      const d = { ...newDeployment(replicas, { recreate: true, pds: c.pds }), status: { ...EMPTY_DEPLOYMENT_STATUS, replicas: statusReplicas, updatedReplicas: updated, availableReplicas: available, conditions: (c.conditions as string[]).map((n) => named[n]) } };
      const withAvailable = ([name, spec, actual, avail]: [string, number, number, number]): ReplicaSetView => rs(name, spec, {}, { replicas: actual, availableReplicas: avail });
      const newRS = c.newRS === null ? null : withAvailable(c.newRS);
      const allRSs = (c.allRSs as [string, number, number, number][]).map(withAvailable);
      if (newRS !== null) allRSs.push(newRS);
      const dc = sync(d, now);
      syncRolloutStatus(dc, allRSs, newRS);
      const cond = dc.d.status.conditions.find((x) => x.type === 'Progressing');
      if (c.condition === null) assert.equal(cond, undefined);
      else {
        assert.deepEqual([cond?.status, cond?.reason], c.condition);
        if (c.lastUpdate) assert.equal(cond?.lastUpdateTime, testTime);
        if (c.lastTransition) assert.equal(cond?.lastTransitionTime, testTime);
        if (c.unchanged) assert.deepEqual(cond, named[(c.conditions as string[])[0]]);
      }
      passed++;
    });
  }
}

for (const c of fx.syncDeployment) {
  test(c.name, () => {
    const result = syncDeployment({ deployment: newDeployment(c.deployment.replicas), replicaSets: [], pods: [], selectsAll: c.deployment.selectsAll === true, deleting: c.deployment.deleting === true, now: 0, hash: () => '4186632231' });
    const verbs = result.writes.flatMap((w) => (w.type === 'createReplicaSet' ? ['create replicasets'] : w.type === 'updateReplicaSet' ? ['update replicasets'] : w.type === 'deleteReplicaSet' ? ['delete replicasets'] : w.type === 'updateDeployment' ? ['update deployments/status'] : []));
    assert.deepEqual(verbs, c.expectedActions);
    if (c.createdReplicas !== undefined) {
      const created = result.writes.find((w) => w.type === 'createReplicaSet');
      assert.equal(created?.type === 'createReplicaSet' ? created.rs.replicas : null, c.createdReplicas);
    }
    passed++;
  });
}

after(() => console.log(`upstream deployment controller cases: ${passed} passed, ${skips.length} skipped (${skips.map((s) => s.name).join('; ')})`));
