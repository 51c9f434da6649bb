/**
 * Upstream ReplicaSet cases (pkg/controller/controller_utils_test.go: TestSortingActivePodsWithRanks,
 * TestSlowStartBatch; replica_set_utils_test.go: TestCalculateStatus; replica_set_test.go: TestGetPodsToDelete) carried over as data in test/fixtures/engine/replicaset-cases.json, and the pieces of
 * manageReplicas the simulation builds on them (burstReplicas, getPodsToDelete's use of the ranking).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { BURST_REPLICAS, calculateCounts, manageReplicas, slowStartBatch, templateLabelsMatch, type ReplicaSetPod } from '../../../server/src/core/engine/replicaset/manage';
import { deletionCostOf, getPodsToDelete, lessForDeletion, POD_DELETION_COST, type RankedPod } from '../../../server/src/core/engine/replicaset/ranking';

const repoRoot = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture tables, read field by field below
const fx = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/replicaset-cases.json'), 'utf8')) as any;

const NOW = 1_000_000_000_000;
const MONTH_S = 31 * 86_400;
let passed = 0;

function at(secondsAgo: number | string | null): number | null {
  if (secondsAgo === null) return null;
  return NOW - (secondsAgo === 'month' ? MONTH_S : (secondsAgo as number)) * 1000;
}

function pod(name: string): ReplicaSetPod {
  const [nodeName, phase, ready, restarts, readySince, created, cost] = fx.pods[name] as [string, string, boolean, number, number | string | null, number | string | null, string | null];
  return {
    name,
    uid: '',
    nodeName,
    phase,
    ready,
    readySince: ready ? at(readySince) : null,
    restarts: ready ? restarts : 0,
    createdAt: at(created),
    deletionCost: deletionCostOf(cost === null ? undefined : { [POD_DELETION_COST]: cost }),
    active: true,
    deleting: false,
    labelsMatchTemplate: true,
  };
}

(fx.equality as { p1: string; p2?: string }[]).forEach((c, i) => {
  test(`TestSortingActivePodsWithRanks: Equality tests ${i}`, () => {
    const a = pod(c.p1);
    const b = pod(c.p2 ?? c.p1);
    assert.equal(lessForDeletion(a, 1, b, 1, NOW), false);
    assert.equal(lessForDeletion(b, 1, a, 1, NOW), false);
    passed++;
  });
});

(fx.inequality as { lesser: [string, number]; greater: [string, number]; disablePodDeletionCost?: boolean }[]).forEach((c, i) => {
  test(`TestSortingActivePodsWithRanks: Inequality tests ${i}`, () => {
    const features = { podDeletionCost: !c.disablePodDeletionCost, logarithmicScaleDown: true };
    const [lesser, lr] = c.lesser;
    const [greater, gr] = c.greater;
    assert.equal(lessForDeletion(pod(lesser), lr, pod(greater), gr, NOW, features), true, `${lesser} before ${greater}`);
    assert.equal(lessForDeletion(pod(greater), gr, pod(lesser), lr, NOW, features), false);
    passed++;
  });
});

for (const c of fx.slowStartBatch) {
  test(`TestSlowStartBatch: ${c.name}`, () => {
    let calls = 0;
    const got = slowStartBatch(c.count, 1, () => (++calls > c.callLimit ? 'fake error' : null));
    assert.equal(got.successes, c.expectedSuccesses);
    assert.equal(got.error !== null, c.expectedErr);
    assert.equal(calls, c.expectedCallCnt);
    passed++;
  });
}

const TEMPLATE_LABELS = { name: 'foo', type: 'production' };
const MIN_READY: Record<string, number> = { fullyLabelledRS: 0, notFullyLabelledRS: 0, longMinReadySecondsRS: 3600 };
for (const c of fx.calculateStatus) {
  test(`TestCalculateStatus: ${c.name}`, () => {
    const pods = (c.pods as [string, Record<string, string>][]).map(([phase, labels], i): ReplicaSetPod => ({
      ...pod('not-ready'),
      name: `pod${i + 1}`,
      phase,
      ready: phase === 'Running',
      readySince: null,
      labelsMatchTemplate: templateLabelsMatch(TEMPLATE_LABELS, labels),
    }));
    const counts = calculateCounts(pods, MIN_READY[c.replicaSet], NOW);
    assert.deepEqual([counts.replicas, counts.fullyLabeledReplicas, counts.readyReplicas, counts.availableReplicas], c.expected);
    passed++;
  });
}
for (const s of fx.skipped as { name: string; reason: string }[]) test(s.name, { skip: s.reason }, () => undefined);

function deletionPod(name: string): ReplicaSetPod {
  const p = fx.getPodsToDeletePods[name] as { nodeName: string; phase: string; ready: boolean; uid?: string; created?: number; readySince?: number };
  return { ...pod('not-ready'), name, uid: p.uid ?? '', nodeName: p.nodeName, phase: p.phase, ready: p.ready, readySince: p.ready ? at(p.readySince ?? null) : null, createdAt: at(p.created ?? null) };
}
for (const c of fx.getPodsToDelete) {
  test(`TestGetPodsToDelete: ${c.name}`, () => {
    const pods = (c.pods as string[]).map(deletionPod);
    const related = c.related === undefined ? pods : (c.related as string[]).map(deletionPod);
    assert.deepEqual(getPodsToDelete(pods, related, c.diff, NOW).map((p) => p.name), c.expected);
    passed++;
  });
}

// --- the simulation's own checks (not upstream tables) ---------------------------------------------------

const running = (name: string, nodeName: string, readySecondsAgo: number): ReplicaSetPod => ({ ...pod('ready-now'), name, uid: name, nodeName, readySince: NOW - readySecondsAgo * 1000 });

test('manageReplicas: too few pods creates the difference, at most burstReplicas (500) in one sync', () => {
  assert.deepEqual(manageReplicas([], [], 3, NOW), { create: 3, delete: [] });
  assert.equal(manageReplicas([], [], 10_000, NOW).create, BURST_REPLICAS);
});

test('getPodsToDelete: a not-ready pod goes before ready ones, then the one doubled up on a node, then the newest', () => {
  const a = running('a', 'n1', 3600);
  const b = running('b', 'n2', 3600);
  const c = running('c', 'n2', 7200);
  const notReady = { ...pod('not-ready'), name: 'x', nodeName: 'n3' };
  const pods = [a, b, c, notReady];
  assert.deepEqual(getPodsToDelete(pods, pods as RankedPod[], 1, NOW).map((p) => p.name), ['x']);
  // b and c share n2 (rank 2): they go before a; b has been ready for less time than c.
  assert.deepEqual(getPodsToDelete(pods, pods as RankedPod[], 3, NOW).map((p) => p.name), ['x', 'b', 'c']);
  // Deleting everything needs no ranking: the listed order.
  assert.deepEqual(getPodsToDelete(pods, pods as RankedPod[], 4, NOW).map((p) => p.name), ['a', 'b', 'c', 'x']);
});

after(() => console.log(`upstream replicaset cases: ${passed} passed, ${(fx.skipped as unknown[]).length} skipped`));
