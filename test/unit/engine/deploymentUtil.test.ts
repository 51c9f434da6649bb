/**
 * Upstream deployment util cases (pkg/controller/deployment/util/deployment_util_test.go: TestResolveFenceposts,
 * TestNewRSNewReplicas, TestMaxUnavailable, TestMinAvailable, TestGetReplicaSetFraction, TestDeploymentComplete,
 * TestDeploymentProgressing, TestDeploymentTimedOut, TestGetCondition, TestSetCondition, TestRemoveCondition,
 * TestGetNonNegativeInt32FromAnnotation, TestReplicasAnnotationsNeedUpdate, TestAnnotationUtils, TestEqualIgnoreHash,
 * TestFindNewReplicaSet, TestFindOldReplicaSets, TestGetReplicaCountForReplicaSets), carried over as data in
 * test/fixtures/engine/deployment-util-cases.json.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from '../../../server/src/core/engine/deployment/replicaSets';
import {
  EMPTY_REPLICASET_STATUS,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  type DeploymentCondition,
  type DeploymentStrategy,
  type IntOrString,
  type ReplicaSetView,
} from '../../../server/src/core/engine/deployment/types';
import {
  actualReplicas,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  isSaturated,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  nonNegativeInt32Annotation,
  removeCondition,
  replicaSetFraction,
  replicasAnnotationsNeedUpdate,
  resolveFenceposts,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
} from '../../../server/src/core/engine/deployment/util';

const repoRoot = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture tables of many shapes, read field by field below
const fx = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/deployment-util-cases.json'), 'utf8')) as any;

let passed = 0;
const skipped = (fx.skipped as { name: string; reason: string }[]).length;
for (const s of fx.skipped as { name: string; reason: string }[]) test(s.name, { skip: s.reason }, () => undefined);

function rolling(maxSurge: IntOrString | null, maxUnavailableValue: IntOrString | null): DeploymentStrategy {
  return { type: 'RollingUpdate', maxSurge, maxUnavailable: maxUnavailableValue };
}

function rs(name: string, replicas: number, template: Record<string, unknown>, extra: Partial<ReplicaSetView> = {}): ReplicaSetView {
  return { name, uid: name, createdAt: null, generation: 1, deleting: false, replicas, minReadySeconds: 0, annotations: {}, template, status: EMPTY_REPLICASET_STATUS, ...extra };
}

/** generateDeployment(image).Spec.Template. */
function deploymentTemplate(image: string, containerName = image): Record<string, unknown> {
  return {
    metadata: { labels: { name: image } },
    spec: {
      containers: [{ name: containerName, image, imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log' }],
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      restartPolicy: 'Always',
      securityContext: {},
    },
  };
}

/** generateRS(deployment): the template with the hash label the test sets. */
function withHash(template: Record<string, unknown>, hash: string): Record<string, unknown> {
  const metadata = template.metadata as { labels: Record<string, string> };
  return { ...template, metadata: { ...metadata, labels: { ...metadata.labels, 'pod-template-hash': hash } } };
}

for (const c of fx.resolveFenceposts) {
  test(`TestResolveFenceposts: maxSurge=${c.maxSurge}`, () => {
    const got = resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired);
    if (c.error) assert.ok('error' in got);
    else assert.deepEqual(got, { value: { surge: c.surge, unavailable: c.unavailable } });
    passed++;
  });
}

for (const c of fx.newRSNewReplicas) {
  test(`TestNewRSNewReplicas: ${c.name}`, () => {
    const d = { replicas: c.depReplicas, strategy: { type: c.strategy, maxSurge: c.maxSurge, maxUnavailable: 1 } };
    const got = newRSNewReplicas(d, [rs('rs5', 5, {})], { replicas: c.newRSReplicas });
    assert.deepEqual(got, { value: c.expected });
    passed++;
  });
}

for (const c of fx.maxUnavailable) {
  test(`TestMaxUnavailable: ${c.name}`, () => {
    const strategy: DeploymentStrategy = c.recreate ? { type: 'Recreate', maxSurge: null, maxUnavailable: null } : rolling(1, c.maxUnavailable);
    assert.equal(maxUnavailable({ replicas: c.replicas, strategy }), c.expected);
    passed++;
  });
}

for (const c of fx.minAvailable) {
  test(`TestMinAvailable: ${c.name}`, () => {
    const strategy: DeploymentStrategy = c.recreate ? { type: 'Recreate', maxSurge: null, maxUnavailable: null } : rolling(1, c.maxUnavailable);
    assert.equal(minAvailable({ replicas: c.replicas, strategy }), c.expected);
    passed++;
  });
}

for (const c of fx.getReplicaSetFraction) {
  test(`TestGetReplicaSetFraction: ${c.name}`, () => {
    const d = { replicas: c.deploymentReplicas, strategy: rolling(c.deploymentMaxSurge, 1), status: { replicas: c.deploymentStatusReplicas } };
    assert.equal(replicaSetFraction({ replicas: c.rsReplicas, annotations: c.rsAnnotations ?? {} }, d), c.expectedFraction);
    passed++;
  });
}

for (const c of fx.deploymentComplete) {
  test(`TestDeploymentComplete: ${c.name}`, () => {
    const [desired, current, updated, available] = c.d as number[];
    const status = { replicas: current, updatedReplicas: updated, readyReplicas: 0, availableReplicas: available, observedGeneration: 0 };
    assert.equal(deploymentComplete({ replicas: desired, generation: 0 }, status), c.expected);
    passed++;
  });
}

for (const c of fx.deploymentProgressing) {
  test(`TestDeploymentProgressing: ${c.name}`, () => {
    const counts = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: number[]) => ({ replicas, updatedReplicas, readyReplicas, availableReplicas });
    assert.equal(deploymentProgressing(counts(c.d), counts(c.newStatus)), c.expected);
    passed++;
  });
}

for (const c of fx.deploymentTimedOut) {
  test(`TestDeploymentTimedOut: ${c.name}`, () => {
    const condition: DeploymentCondition = { type: 'Progressing', status: 'True', reason: c.reason, message: '', lastUpdateTime: c.from === null ? null : c.from * 1000, lastTransitionTime: null };
    assert.equal(deploymentTimedOut({ progressDeadlineSeconds: c.pds }, { conditions: [condition] }, c.now * 1000), c.expected);
    passed++;
  });
}

{
  const named = fx.conditions as Record<string, { type: string; status: 'True' | 'False'; reason: string }>;
  const cond = (name: string): DeploymentCondition => ({ ...named[name], message: '', lastUpdateTime: null, lastTransitionTime: null });
  for (const c of fx.conditions.getCondition) {
    test(`TestGetCondition: ${c.name}`, () => {
      assert.equal(getCondition((c.status as string[]).map(cond), c.condType) !== undefined, c.expected);
      passed++;
    });
  }
  for (const c of fx.conditions.setCondition) {
    test(`TestSetCondition: ${c.name}`, () => {
      assert.deepEqual(setCondition((c.status as string[]).map(cond), cond(c.cond)), (c.expected as string[]).map(cond));
      passed++;
    });
  }
  for (const c of fx.conditions.removeCondition) {
    test(`TestRemoveCondition: ${c.name}`, () => {
      assert.deepEqual(removeCondition((c.status as string[]).map(cond), c.condType), (c.expected as string[]).map(cond));
      passed++;
    });
  }
}

for (const c of fx.getNonNegativeInt32FromAnnotation) {
  test(`TestGetNonNegativeInt32FromAnnotation: ${c.name}`, () => {
    const got = nonNegativeInt32Annotation(c.annotations ?? undefined, 'test');
    assert.equal(got !== null, c.valid);
    assert.equal(got ?? 0, c.value);
    passed++;
  });
}

for (const c of fx.replicasAnnotationsNeedUpdate) {
  test(`TestReplicasAnnotationsNeedUpdate: ${c.name}`, () => {
    assert.equal(replicasAnnotationsNeedUpdate(c.annotations ?? undefined, 10, 20), c.expected);
    passed++;
  });
}

test('TestAnnotationUtils', () => {
  const u = fx.annotationUtils;
  const d = { replicas: 1, strategy: { type: 'RollingUpdate', maxSurge: null, maxUnavailable: null }, annotations: { [REVISION_ANNOTATION]: '1' } };
  // SetNewReplicaSetAnnotations: revisions 11..20, the history kept to 5 characters ("i-1,i").
  let annotations: Readonly<Record<string, string>> = {};
  for (let i = u.setNewReplicaSetAnnotations.from; i < u.setNewReplicaSetAnnotations.to; i++) {
    const next = String(i + 1);
    annotations = setNewReplicaSetAnnotations(d, annotations, next, true, u.setNewReplicaSetAnnotations.revHistoryLimitInChars).annotations;
    if (i >= 12) assert.equal(annotations[REVISION_HISTORY_ANNOTATION], `${i - 1},${i}`);
    assert.equal(annotations[REVISION_ANNOTATION], next);
  }
  // SetReplicasAnnotations(rs, 10, 11).
  const set = setReplicasAnnotations(annotations, u.setReplicasAnnotations.desired, u.setReplicasAnnotations.max);
  assert.equal(set.changed, true);
  assert.equal(set.annotations[DESIRED_REPLICAS_ANNOTATION], '10');
  assert.equal(set.annotations[MAX_REPLICAS_ANNOTATION], '11');
  // IsSaturated.
  const s = u.isSaturated;
  const saturated = rs('rs', s.replicas, {}, { annotations: { ...set.annotations, [DESIRED_REPLICAS_ANNOTATION]: s.desiredAnnotation }, status: { ...EMPTY_REPLICASET_STATUS, availableReplicas: s.available } });
  assert.equal(isSaturated({ replicas: s.deploymentReplicas }, saturated), s.expected);
  passed++;
});

for (const c of fx.equalIgnoreHash) {
  test(`TestEqualIgnoreHash: ${c.name}`, () => {
    const spec = ([name, nodeName, annotations, labels]: [string, string, Record<string, string>, Record<string, string>]) => ({ metadata: { name, annotations, labels }, spec: { nodeName } });
    assert.equal(equalIgnoreHash(spec(c.former), spec(c.latter)), c.expected);
    assert.equal(equalIgnoreHash(spec(c.latter), spec(c.former)), c.expected, 'reverse order');
    passed++;
  });
}

{
  const template = deploymentTemplate('nginx');
  const oldTemplate = deploymentTemplate('nginx', 'nginx-old-1');
  const now = 1_000_000;
  for (const c of fx.findNewReplicaSet) {
    test(`TestFindNewReplicaSet: ${c.name}`, () => {
      const sets: Record<string, ReplicaSetView> = {
        newRS: rs('newRS', 0, withHash(template, 'hash'), { createdAt: now + 60_000 }),
        newRSDup: rs('newRSDup', 0, withHash(template, 'different-hash'), { createdAt: now }),
        oldRS: rs('oldRS', 0, oldTemplate),
      };
      const found = findNewReplicaSet(template, (c.rsList as string[]).map((n) => sets[n]));
      assert.equal(found?.name ?? null, c.expected);
      passed++;
    });
  }
  for (const c of fx.findOldReplicaSets) {
    test(`TestFindOldReplicaSets: ${c.name}`, () => {
      const sets: Record<string, ReplicaSetView> = {
        newRS: rs('newRS', 1, withHash(template, 'hash'), { createdAt: now + 60_000 }),
        newRSDup: rs('newRSDup', 0, withHash(template, 'different-hash'), { createdAt: now }),
        oldRS: rs('oldRS', 0, oldTemplate, { createdAt: now - 60_000 }),
      };
      const { required, all } = findOldReplicaSets(template, (c.rsList as string[]).map((n) => sets[n]));
      assert.deepEqual(all.map((s) => s.name).sort(), [...(c.expected as string[])].sort());
      assert.deepEqual(required.map((s) => s.name), c.expectedRequire);
      passed++;
    });
  }
}

for (const c of fx.getReplicaCountForReplicaSets) {
  test(`TestGetReplicaCountForReplicaSets: ${c.name}`, () => {
    const sets = (c.sets as [number, number][]).map(([spec, actual], i) => rs(`rs${i}`, spec, {}, { status: { ...EMPTY_REPLICASET_STATUS, replicas: actual } }));
    assert.equal(specReplicas(sets), c.expectedCount);
    assert.equal(actualReplicas(sets), c.expectedActual);
    passed++;
  });
}

after(() => console.log(`upstream deployment util cases: ${passed} passed, ${skipped} skipped`));
