/**
 * Upstream StatefulSet control cases (pkg/controller/statefulset/stateful_set_control_test.go:
 * TestStatefulSetControl's CreatesPods, ScalesUp, ScalesDown, ReplacesPods, RecreatesFailedPod,
 * RecreatesSucceededPod, RecreatesPVCForPendingPod; the rolling update, partition, OnDelete,
 * maxUnavailable and minReadySeconds tests; the PVC retention policy tests), carried over as data in
 * test/fixtures/engine/statefulset-control-cases.json and replayed against engine/statefulset's pure
 * updateStatefulSet with upstream's fake environment: a pod store and a claim store, a fake object manager
 * that adds what it creates (Pending, with a UID) and removes a pod at once when it deletes it (as
 * fakeObjectManager.DeletePod does), and steps that set pods Running, Ready, Failed or terminating.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { eventOf, updateStatefulSet, type ControlOp, type SetPod } from '../../../server/src/core/engine/statefulset/control';
import { EMPTY_STATEFULSET_STATUS, type ClaimView, type OwnerReference, type PodPhase, type StatefulSetFeatures, type StatefulSetStatus, type StatefulSetView } from '../../../server/src/core/engine/statefulset/types';
import { newStatefulSetPod } from '../../../server/src/core/engine/statefulset/utils';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/statefulset-control-cases.json'), 'utf8')) as Fixture;

interface Fixture {
  readonly source: string;
  readonly cases: readonly FxCase[];
  /** Upstream tests not carried over as steps, each with why. */
  readonly skipped: readonly { readonly upstream: string; readonly reason: string }[];
}

interface FxCase {
  readonly name: string;
  readonly upstream: string;
  readonly set?: Partial<FxSet>;
  readonly features?: Partial<StatefulSetFeatures>;
  /** foo-0 .. foo-(n-1) Running and Ready at revision r1, with their claims. */
  readonly readyPods?: number;
  readonly steps: readonly FxStep[];
}

interface FxSet {
  readonly replicas: number;
  readonly podManagementPolicy: string;
  readonly updateStrategy: StatefulSetView['updateStrategy'];
  readonly minReadySeconds: number;
  readonly startOrdinal: number;
  readonly volumeClaimTemplates: string[];
  readonly retentionPolicy: StatefulSetView['retentionPolicy'];
  readonly deleting: boolean;
}

type FxStep =
  | { readonly sync: readonly string[]; readonly status?: Partial<StatefulSetStatus>; readonly events?: readonly string[] }
  | { readonly run: string | readonly string[] }
  | { readonly ready: string | readonly string[] }
  | { readonly unready: string }
  | { readonly fail: string }
  | { readonly succeed: string }
  | { readonly terminate: string }
  | { readonly remove: string | readonly string[] }
  | { readonly scale: number }
  | { readonly start: number }
  | { readonly partition: number }
  | { readonly maxUnavailable: number | string }
  | { readonly update: string }
  | { readonly advance: number }
  | { readonly claim: { readonly name: string; readonly owners?: readonly OwnerReference[]; readonly deleting?: boolean } }
  | { readonly deleteClaim: string };

const FEATURES: StatefulSetFeatures = { maxUnavailableStatefulSet: false, autoDeletePVC: true, startOrdinal: true };

/** stateful_set_utils_test.go newStatefulSet: `foo` in `default`, UID `test`, claim template `datadir`, service `governingsvc`. */
function newSet(overrides: Partial<FxSet> = {}): StatefulSetView {
  return {
    name: 'foo',
    namespace: 'default',
    uid: 'test',
    generation: 1,
    deleting: overrides.deleting ?? false,
    replicas: overrides.replicas ?? 3,
    startOrdinal: overrides.startOrdinal ?? 0,
    serviceName: 'governingsvc',
    podManagementPolicy: overrides.podManagementPolicy ?? 'OrderedReady',
    updateStrategy: overrides.updateStrategy ?? { type: 'RollingUpdate', rollingUpdate: null },
    minReadySeconds: overrides.minReadySeconds ?? 0,
    volumeClaimTemplates: overrides.volumeClaimTemplates ?? ['datadir'],
    selectorLabels: { foo: 'bar' },
    retentionPolicy: overrides.retentionPolicy ?? { whenDeleted: 'Retain', whenScaled: 'Retain' },
    statusCurrentReplicas: 0,
  };
}

interface MutablePod {
  pod: SetPod;
}

class FakeEnvironment {
  set: StatefulSetView;
  readonly pods = new Map<string, MutablePod>();
  readonly claims = new Map<string, ClaimView>();
  status: StatefulSetStatus = EMPTY_STATEFULSET_STATUS;
  updateRevision = 'r1';
  now = 1_000_000;
  private uid = 0;
  readonly events: string[] = [];

  constructor(
    set: StatefulSetView,
    readonly features: StatefulSetFeatures,
  ) {
    this.set = set;
  }

  addPod(name: string, revision: string, phase: PodPhase, ready: boolean): void {
    const ordinal = Number(name.slice(name.lastIndexOf('-') + 1));
    const pod: SetPod = { ...newStatefulSetPod(this.set, ordinal), uid: `pod-uid-${++this.uid}`, phase, ready, readyTransitionTime: ready ? this.now : null, revision };
    this.pods.set(name, { pod });
  }

  addClaim(name: string, owners: readonly OwnerReference[] = [], deleting = false): void {
    this.claims.set(name, { name, uid: `claim-uid-${++this.uid}`, ownerReferences: owners, deleting });
  }

  podOf(name: string): MutablePod {
    const p = this.pods.get(name);
    assert.ok(p, `no pod ${name}`);
    return p;
  }

  sync(): { ops: readonly ControlOp[]; status: StatefulSetStatus } {
    // getStatefulSetRevisions: the current revision is status.currentRevision when it exists, else the update revision.
    const currentRevision = this.status.currentRevision === '' ? this.updateRevision : this.status.currentRevision;
    const set = { ...this.set, statusCurrentReplicas: this.status.currentReplicas };
    const result = updateStatefulSet({
      set,
      currentRevision,
      updateRevision: this.updateRevision,
      collisionCount: 0,
      pods: [...this.pods.values()].map((p) => p.pod),
      claims: new Map(this.claims),
      previousStatus: this.status,
      now: this.now,
      features: this.features,
    });
    for (const op of result.ops) {
      const event = eventOf(op, set.name);
      if (event !== null) this.events.push(`${event.eventType} ${event.reason} ${event.message}`);
      switch (op.type) {
        case 'createClaim':
          this.addClaim(op.claim);
          break;
        case 'createPod':
          this.addPod(op.pod, op.revision, 'Pending', false);
          break;
        case 'deletePod':
          this.pods.delete(op.pod);
          break;
        case 'updateClaimOwners': {
          const claim = this.claims.get(op.claim);
          if (claim !== undefined) this.claims.set(op.claim, { ...claim, ownerReferences: op.ownerReferences });
          break;
        }
        default:
          break;
      }
    }
    if (result.writeStatus) this.status = result.status;
    return { ops: result.ops, status: result.status };
  }
}

function opText(op: ControlOp, env: FakeEnvironment): string {
  switch (op.type) {
    case 'createClaim':
      return `claim ${op.claim}`;
    case 'createPod':
      return `create ${op.pod} ${op.revision}`;
    case 'deletePod':
      return `delete ${op.pod} ${op.cause}`;
    case 'updatePod':
      return `update ${op.pod}`;
    case 'updateClaimOwners': {
      const owners = op.ownerReferences.filter((r) => r.controller === true).map((r) => (r.uid === env.set.uid ? 'set' : r.kind === 'Pod' ? `pod ${r.name}` : r.name));
      return `owners ${op.claim} ${owners.length === 0 ? 'none' : owners.join(' + ')}`;
    }
    case 'failed':
      return `failed ${op.verb} ${op.pod}: ${op.error}`;
  }
}

function names(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

for (const fxCase of fixture.cases) {
  test(`statefulset control: ${fxCase.name} (${fxCase.upstream})`, () => {
    const env = new FakeEnvironment(newSet(fxCase.set), { ...FEATURES, ...fxCase.features });
    for (let i = 0; i < (fxCase.readyPods ?? 0); i++) {
      env.addPod(`foo-${i}`, 'r1', 'Running', true);
      for (const template of env.set.volumeClaimTemplates) env.addClaim(`${template}-foo-${i}`);
    }
    if ((fxCase.readyPods ?? 0) > 0) env.status = { ...EMPTY_STATEFULSET_STATUS, currentRevision: 'r1', updateRevision: 'r1', replicas: fxCase.readyPods ?? 0, currentReplicas: fxCase.readyPods ?? 0 };
    fxCase.steps.forEach((step, n) => {
      const where = `${fxCase.name}, step ${n + 1}`;
      if ('sync' in step) {
        const before = env.events.length;
        const { ops, status } = env.sync();
        assert.deepEqual(
          ops.map((op) => opText(op, env)),
          step.sync,
          where,
        );
        if (step.status !== undefined) for (const [key, value] of Object.entries(step.status)) assert.equal(status[key as keyof StatefulSetStatus], value, `${where}: status.${key}`);
        if (step.events !== undefined) assert.deepEqual(env.events.slice(before), step.events, `${where}: events`);
      } else if ('run' in step) {
        for (const name of names(step.run)) env.podOf(name).pod = { ...env.podOf(name).pod, phase: 'Running' };
      } else if ('ready' in step) {
        for (const name of names(step.ready)) env.podOf(name).pod = { ...env.podOf(name).pod, phase: 'Running', ready: true, readyTransitionTime: env.now };
      } else if ('unready' in step) {
        env.podOf(step.unready).pod = { ...env.podOf(step.unready).pod, ready: false, readyTransitionTime: env.now };
      } else if ('fail' in step) {
        env.podOf(step.fail).pod = { ...env.podOf(step.fail).pod, phase: 'Failed', ready: false };
      } else if ('succeed' in step) {
        env.podOf(step.succeed).pod = { ...env.podOf(step.succeed).pod, phase: 'Succeeded', ready: false };
      } else if ('terminate' in step) {
        env.podOf(step.terminate).pod = { ...env.podOf(step.terminate).pod, deletionTimestamp: env.now };
      } else if ('remove' in step) {
        for (const name of names(step.remove)) env.pods.delete(name);
      } else if ('scale' in step) {
        env.set = { ...env.set, replicas: step.scale, generation: env.set.generation + 1 };
      } else if ('start' in step) {
        env.set = { ...env.set, startOrdinal: step.start, generation: env.set.generation + 1 };
      } else if ('partition' in step) {
        env.set = { ...env.set, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: step.partition, maxUnavailable: env.set.updateStrategy.rollingUpdate?.maxUnavailable ?? null } } };
      } else if ('maxUnavailable' in step) {
        env.set = { ...env.set, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: env.set.updateStrategy.rollingUpdate?.partition ?? 0, maxUnavailable: step.maxUnavailable } } };
      } else if ('update' in step) {
        env.updateRevision = step.update;
        env.set = { ...env.set, generation: env.set.generation + 1 };
      } else if ('advance' in step) {
        env.now += step.advance * 1000;
      } else if ('claim' in step) {
        env.addClaim(step.claim.name, step.claim.owners ?? [], step.claim.deleting ?? false);
      } else if ('deleteClaim' in step) {
        env.claims.delete(step.deleteClaim);
      }
    });
  });
}

test('statefulset control: the fixture carries the upstream cases it names', () => {
  assert.ok(fixture.cases.length >= 20, `${fixture.cases.length} cases`);
  for (const c of fixture.cases) assert.match(c.upstream, /^Test[A-Za-z]+/, c.name);
  for (const s of fixture.skipped) assert.ok(s.reason.length > 20, `a reason for skipping ${s.upstream}`);
});
