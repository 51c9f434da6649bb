/**
 * Upstream StatefulSet helper cases (pkg/controller/statefulset/stateful_set_utils_test.go), the tables carried
 * over as data in test/fixtures/engine/statefulset-utils-cases.json, the procedural tests (identity, storage,
 * readiness, ordinals) as upstream writes them, against engine/statefulset/utils.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { OwnerReference, StatefulSetView } from '../../../server/src/core/engine/statefulset/types';
import { EMPTY_STATEFULSET_STATUS as EMPTY, POD_INDEX_LABEL, STATEFULSET_POD_NAME_LABEL } from '../../../server/src/core/engine/statefulset/types';
import {
  addControllerRef,
  completeRollingUpdate,
  CONTROLLER_KIND,
  hasNonControllerOwner,
  hasOwnerRef,
  hasStaleOwnerRef,
  hasUnexpectedController,
  identityMatches,
  inconsistentStatus,
  isClaimOwnerUpToDate,
  isMemberOf,
  isRunningAndAvailable,
  isRunningAndReady,
  matchesRef,
  newControllerRef,
  newPodRevision,
  newStatefulSetPod,
  parentNameAndOrdinal,
  persistentVolumeClaims,
  POD_KIND,
  podInOrdinalRange,
  retentionPolicyOf,
  statefulSetMaxUnavailable,
  storageMatches,
  updateClaimOwnerRefs,
  updateIdentity,
  updateStorage,
} from '../../../server/src/core/engine/statefulset/utils';

const repoRoot = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON fixture, read table by table below
const fx = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/statefulset-utils-cases.json'), 'utf8')) as any;

/** newStatefulSet(replicas): `foo`, claim template `datadir`, service `governingsvc`. */
function newSet(replicas = 3, overrides: Partial<StatefulSetView> = {}): StatefulSetView {
  return {
    name: 'foo',
    namespace: 'default',
    uid: 'test',
    generation: 1,
    deleting: false,
    replicas,
    startOrdinal: 0,
    serviceName: 'governingsvc',
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: null },
    minReadySeconds: 0,
    volumeClaimTemplates: ['datadir'],
    selectorLabels: { foo: 'bar' },
    retentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    statusCurrentReplicas: 0,
    ...overrides,
  };
}

/** The pod template's own volume `home` (a hostPath), as newStatefulSetWithVolumes gives it. */
const TEMPLATE = { labels: { foo: 'bar' }, volumes: [{ name: 'home', claimName: null }] };

test('TestGetParentNameAndOrdinal: foo-1 is ordinal 1 of foo; 1-bar belongs to no set', () => {
  const set = newSet();
  const pod = newStatefulSetPod(set, 1, TEMPLATE);
  assert.deepEqual(parentNameAndOrdinal(pod.name), { parent: 'foo', ordinal: 1 });
  assert.deepEqual(parentNameAndOrdinal('1-bar'), { parent: '', ordinal: -1 });
  // Greedy `(.*)`: the last dash splits; an ordinal past int32 does not parse.
  assert.deepEqual(parentNameAndOrdinal('web-a-12'), { parent: 'web-a', ordinal: 12 });
  assert.deepEqual(parentNameAndOrdinal('web-2147483648'), { parent: 'web', ordinal: -1 });
});

test('TestIsMemberOf', () => {
  const pod = newStatefulSetPod(newSet(), 1, TEMPLATE);
  assert.equal(isMemberOf(newSet(), pod.name), true);
  assert.equal(isMemberOf(newSet(3, { name: 'foo2' }), pod.name), false);
});

test('TestIdentityMatches: name, namespace and the pod-name label', () => {
  const set = newSet();
  const pod = newStatefulSetPod(set, 1, TEMPLATE);
  assert.equal(identityMatches(set, pod), true, 'Newly created Pod has a bad identity');
  assert.equal(identityMatches(set, { ...pod, name: 'foo' }), false);
  assert.equal(identityMatches(set, { ...pod, namespace: '' }), false);
  const labels: Record<string, string> = { ...pod.labels };
  delete labels[STATEFULSET_POD_NAME_LABEL];
  assert.equal(identityMatches(set, { ...pod, labels }), false);
  // initIdentity: hostname and subdomain (the headless Service) are set on creation.
  assert.equal(pod.hostname, 'foo-1');
  assert.equal(pod.subdomain, 'governingsvc');
  assert.equal(pod.labels[POD_INDEX_LABEL], '1');
});

test('TestStorageMatches', () => {
  const set = newSet();
  const pod = newStatefulSetPod(set, 1, TEMPLATE);
  assert.equal(storageMatches(set, pod), true);
  assert.equal(storageMatches(set, { ...pod, volumes: [] }), false);
  assert.equal(storageMatches(set, { ...pod, volumes: pod.volumes.map((v) => ({ ...v, claimName: null })) }), false);
  assert.equal(storageMatches(set, { ...pod, volumes: pod.volumes.map((v) => (v.claimName !== null ? { ...v, claimName: 'foo' } : v)) }), false);
  assert.equal(storageMatches(set, { ...pod, name: 'bar' }), false);
  assert.deepEqual(pod.volumes, [{ name: 'datadir', claimName: 'datadir-foo-1' }, { name: 'home', claimName: null }]);
});

test('TestUpdateIdentity', () => {
  const set = newSet();
  let pod = newStatefulSetPod(set, 1, TEMPLATE);
  pod = { ...pod, namespace: '' };
  assert.equal(identityMatches(set, pod), false);
  pod = updateIdentity(set, pod);
  assert.equal(identityMatches(set, pod), true, 'updateIdentity failed to update the Pods namespace');
  const labels: Record<string, string> = { ...pod.labels };
  delete labels[STATEFULSET_POD_NAME_LABEL];
  assert.equal(identityMatches(set, updateIdentity(set, { ...pod, labels })), true, 'updateIdentity failed to restore the statefulSetPodName label');
});

test('TestUpdateStorage', () => {
  const set = newSet();
  const pod = newStatefulSetPod(set, 1, TEMPLATE);
  for (const broken of [
    { ...pod, volumes: [] },
    { ...pod, volumes: pod.volumes.map((v) => ({ ...v, claimName: null })) },
    { ...pod, volumes: pod.volumes.map((v) => (v.claimName !== null ? { ...v, claimName: 'foo' } : v)) },
  ]) {
    assert.equal(storageMatches(set, broken), false);
    assert.equal(storageMatches(set, updateStorage(set, broken)), true);
  }
});

test('TestIsRunningAndReady, and availability with minReadySeconds (podutil.IsPodAvailable)', () => {
  const pod = newStatefulSetPod(newSet(), 1, TEMPLATE);
  assert.equal(isRunningAndReady(pod), false, 'isRunningAndReady does not respect Pod phase');
  assert.equal(isRunningAndReady({ ...pod, phase: 'Running' }), false, 'isRunningAndReady does not respect Pod condition');
  assert.equal(isRunningAndReady({ ...pod, phase: 'Running', ready: true }), true);
  const ready = { ...pod, phase: 'Running' as const, ready: true, readyTransitionTime: 0 };
  assert.equal(isRunningAndAvailable(ready, 0, 0), true);
  assert.equal(isRunningAndAvailable(ready, 10, 10_000), false, 'strictly after minReadySeconds');
  assert.equal(isRunningAndAvailable(ready, 10, 10_001), true);
  assert.equal(isRunningAndAvailable({ ...ready, readyTransitionTime: null }, 10, 99_000), false, 'a zero transition time is never available');
});

test('TestNewPodControllerRef', () => {
  const ref = newControllerRef({ name: 'foo', uid: 'test' });
  assert.deepEqual(ref, { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'foo', uid: 'test', controller: true, blockOwnerDeletion: true });
});

test('TestGetStatefulSetMaxUnavailable', () => {
  for (const [i, c] of (fx.maxUnavailable as { maxUnavailable: number | string | null; replicas: number; expected: number }[]).entries()) {
    assert.equal(statefulSetMaxUnavailable(c.maxUnavailable, c.replicas), c.expected, `case ${i}`);
  }
  assert.deepEqual(statefulSetMaxUnavailable('abc', 5), { error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
});

test('TestGetPersistentVolumeClaimRetentionPolicy: Retain for both when nil', () => {
  assert.deepEqual(retentionPolicyOf(newSet(3, { retentionPolicy: null })), { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.deepEqual(retentionPolicyOf(newSet(3, { retentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } })), { whenScaled: 'Delete', whenDeleted: 'Retain' });
});

test('TestGetPersistentVolumeClaims: the claim takes the template labels and the selector labels, the selector winning', () => {
  for (const c of fx.persistentVolumeClaimLabels as { name: string; selector: Record<string, string>; template: Record<string, string> | null; expected: Record<string, string> }[]) {
    const set = newSet(1, { selectorLabels: c.selector });
    const claims = persistentVolumeClaims(set, 'foo-0', c.template === null ? {} : { datadir: c.template });
    assert.deepEqual(claims, [{ template: 'datadir', name: 'datadir-foo-0', labels: c.expected }], c.name);
  }
});

test('TestMatchesRef', () => {
  for (const c of fx.matchesRef as { name: string; ref: OwnerReference; obj: { name: string; uid: string }; shouldMatch: boolean }[]) {
    assert.equal(matchesRef(c.ref, c.obj, POD_KIND), c.shouldMatch, c.name);
  }
});

test('TestIsClaimOwnerUpToDate', () => {
  for (const c of fx.isClaimOwnerUpToDate as { name: string; whenScaled: string; whenDeleted: string; needsPodRef: boolean; needsSetRef: boolean; replicas: number; ordinal: number }[]) {
    for (const useOtherRefs of [false, true]) {
      for (const setPodRef of [false, true]) {
        for (const setSetRef of [false, true]) {
          const pod = { name: `pod-${c.ordinal}`, uid: 'pod-123' };
          const set = { name: 'stateful-set', uid: 'ss-456', retentionPolicy: { whenScaled: c.whenScaled, whenDeleted: c.whenDeleted }, startOrdinal: 0, replicas: c.replicas };
          let refs: OwnerReference[] = [];
          if (setPodRef) refs = addControllerRef(refs, pod, POD_KIND);
          if (setSetRef) refs = addControllerRef(refs, set, CONTROLLER_KIND);
          if (useOtherRefs) refs.push({ name: 'rand1', apiVersion: 'v1', kind: 'Pod', uid: 'rand1-uid' }, { name: 'rand2', apiVersion: 'v1', kind: 'Pod', uid: 'rand2-uid' });
          const shouldMatch = setPodRef === c.needsPodRef && setSetRef === c.needsSetRef;
          assert.equal(isClaimOwnerUpToDate(refs, set, pod), shouldMatch, `${c.name} with pod=${setPodRef},set=${setSetRef},others=${useOtherRefs}`);
        }
      }
    }
  }
});

test('TestClaimOwnerUpToDateEdgeCases', () => {
  for (const c of fx.claimOwnerUpToDateEdgeCases as { name: string; ownerRefs: OwnerReference[]; whenScaled: string; whenDeleted: string; shouldMatch: boolean }[]) {
    const set = { name: 'stateful-set', uid: 'ss-456', retentionPolicy: { whenScaled: c.whenScaled, whenDeleted: c.whenDeleted }, startOrdinal: 0, replicas: 1 };
    assert.equal(isClaimOwnerUpToDate(c.ownerRefs, set, { name: 'pod-1', uid: 'pod-123' }), c.shouldMatch, c.name);
  }
});

test('TestUpdateClaimOwnerRefForSetAndPod', () => {
  const controls = (refs: readonly OwnerReference[], uid: string): boolean => {
    const ref = refs.find((r) => r.uid === uid);
    return ref !== undefined && ref.controller === true;
  };
  for (const c of fx.updateClaimOwnerRefForSetAndPod as { name: string; whenScaled: string; whenDeleted: string; condemned: boolean; needsPodRef: boolean; needsSetRef: boolean; unexpectedController?: boolean }[]) {
    for (let variations = 0; variations < 8; variations++) {
      const hasPodRef = (variations & 1) !== 0;
      const hasSetRef = (variations & 2) !== 0;
      // Upstream's own expression (true whenever either ref is set), kept as it is.
      const extraOwner = (variations & 3) !== 0;
      const set = { name: 'ss', uid: 'ss-123', retentionPolicy: { whenScaled: c.whenScaled, whenDeleted: c.whenDeleted }, startOrdinal: 0, replicas: 5 };
      const pod = { name: c.condemned ? 'pod-8' : 'pod-1', uid: 'pod-456' };
      let refs: OwnerReference[] = [];
      if (hasPodRef) refs = addControllerRef(refs, pod, POD_KIND);
      if (hasSetRef) refs = addControllerRef(refs, set, CONTROLLER_KIND);
      if (extraOwner) refs.push({ apiVersion: 'custom/v1', kind: 'random', name: 'random', uid: 'abc' });
      if (c.unexpectedController === true) refs.push({ apiVersion: 'custom/v1', kind: 'Unknown', name: 'unknown', uid: 'xyz', controller: true });
      const updated = updateClaimOwnerRefs(refs, set, pod);
      assert.equal(controls(updated, pod.uid), c.needsPodRef, `Bad pod ref for ${c.name} hasPodRef=${hasPodRef} hasSetRef=${hasSetRef}`);
      assert.equal(controls(updated, set.uid), c.needsSetRef, `Bad set ref for ${c.name} hasPodRef=${hasPodRef} hasSetRef=${hasSetRef}`);
    }
  }
});

test('TestUpdateClaimControllerRef', () => {
  const key = (r: OwnerReference): string => `${r.apiVersion}-${r.kind}-${r.name}-${r.controller === true}`;
  for (const c of fx.updateClaimControllerRef as { name: string; originalRefs: OwnerReference[]; expectedRefs: OwnerReference[] }[]) {
    const set = { name: 'sts', uid: '123', retentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Delete' }, startOrdinal: 0, replicas: 1 };
    const updated = updateClaimOwnerRefs(c.originalRefs, set, { name: 'pod-0', uid: '456' });
    assert.deepEqual(updated.map(key).sort(), c.expectedRefs.map(key).sort(), c.name);
  }
});

test('TestHasOwnerRef', () => {
  const target = fx.hasOwnerRef.target as OwnerReference[];
  for (const c of fx.hasOwnerRef.cases as { uid: string; hasRef: boolean }[]) assert.equal(hasOwnerRef(target, { name: '', uid: c.uid }), c.hasRef, c.uid);
});

test('TestHasUnexpectedController: any controller is fine under Retain/Retain', () => {
  for (const c of fx.hasUnexpectedController as { name: string; refs: OwnerReference[]; unexpected: boolean }[]) {
    const pod = { name: 'pod', uid: 'pod-uid' };
    assert.equal(hasUnexpectedController(c.refs, { name: 'set', uid: 'set-uid', retentionPolicy: null }, pod), false, c.name);
    for (const policy of [
      { whenDeleted: 'Retain', whenScaled: 'Delete' },
      { whenDeleted: 'Delete', whenScaled: 'Retain' },
      { whenDeleted: 'Delete', whenScaled: 'Delete' },
    ]) {
      assert.equal(hasUnexpectedController(c.refs, { name: 'set', uid: 'set-uid', retentionPolicy: policy }, pod), c.unexpected, `${c.name} (${JSON.stringify(policy)})`);
    }
  }
});

test('TestNonController', () => {
  for (const c of fx.nonController as { name: string; refs: OwnerReference[]; nonController: boolean }[]) {
    assert.equal(hasNonControllerOwner(c.refs, { name: 'set', uid: 'set' }, { name: 'pod', uid: 'pod' }), c.nonController, c.name);
  }
});

test('TestHasStaleOwnerRef', () => {
  const target = fx.hasStaleOwnerRef.target as OwnerReference[];
  for (const c of fx.hasStaleOwnerRef.cases as { owner: { name: string; uid: string }; stale: boolean }[]) assert.equal(hasStaleOwnerRef(target, c.owner, POD_KIND), c.stale, c.owner.name);
});

test('newVersionedStatefulSetPod: partition and status.currentReplicas pick the revision of a missing pod', () => {
  const rolling = (partition: number) => newSet(5, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition, maxUnavailable: null } } });
  assert.equal(newPodRevision(rolling(3), 2), 'current');
  assert.equal(newPodRevision(rolling(3), 3), 'update');
  assert.equal(newPodRevision({ ...rolling(3), startOrdinal: 10 }, 12), 'current', 'the partition counts from ordinals.start');
  assert.equal(newPodRevision(newSet(5, { statusCurrentReplicas: 2 }), 1), 'current', 'without rollingUpdate: below status.currentReplicas');
  assert.equal(newPodRevision(newSet(5, { statusCurrentReplicas: 2 }), 2), 'update');
  assert.equal(newPodRevision(newSet(5, { updateStrategy: { type: 'OnDelete', rollingUpdate: null }, statusCurrentReplicas: 5 }), 1), 'update', 'OnDelete: the update revision');
});

test('podInOrdinalRange with spec.ordinals.start', () => {
  const set = newSet(2, { startOrdinal: 5 });
  assert.deepEqual(['foo-4', 'foo-5', 'foo-6', 'foo-7'].map((n) => podInOrdinalRange(n, set)), [false, true, true, false]);
});

test('completeRollingUpdate: the update revision becomes current once every replica is updated and ready', () => {
  const status = { ...EMPTY, replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 1, currentRevision: 'r1', updateRevision: 'r2' };
  assert.deepEqual(completeRollingUpdate(newSet(3), status), { ...status, currentReplicas: 3, currentRevision: 'r2' });
  assert.equal(completeRollingUpdate(newSet(3), { ...status, readyReplicas: 2 }).currentRevision, 'r1', 'not while a replica is not ready');
  assert.equal(completeRollingUpdate(newSet(3), { ...status, replicas: 4 }).currentRevision, 'r1', 'not while an extra pod exists');
  assert.equal(completeRollingUpdate(newSet(3, { updateStrategy: { type: 'OnDelete', rollingUpdate: null } }), status).currentRevision, 'r1', 'never for OnDelete');
});

test('inconsistentStatus: a new observedGeneration or any count or revision that differs is written', () => {
  const status = { ...EMPTY, observedGeneration: 2, replicas: 3, currentRevision: 'r1', updateRevision: 'r1' };
  assert.equal(inconsistentStatus(status, status), false);
  assert.equal(inconsistentStatus(status, { ...status, observedGeneration: 3 }), true);
  assert.equal(inconsistentStatus(status, { ...status, availableReplicas: 1 }), true);
  assert.equal(inconsistentStatus(status, { ...status, updateRevision: 'r2' }), true);
  assert.equal(inconsistentStatus(status, { ...status, collisionCount: 1 }), false, 'collisionCount alone is not compared');
});
