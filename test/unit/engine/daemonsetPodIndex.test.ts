/**
 * The DaemonSet controller's pod index (getNodesToDaemonPods kept up to date by informer events) must hold,
 * after every pod event, exactly what nodesToDaemonPods — checked against upstream's cases in
 * daemonsetCases.test.ts — computes from the list of pods: the same pods under the same nodes, each node's
 * pods in the lister's (creation) order. And the node tally kept from sync to sync (worked out again only
 * where pods changed or time matters) must give manage, rollingUpdate and the status exactly what they
 * compute from the pods on the spot. Random pod lifecycles, seeded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimPod } from '../../../server/src/core/engine/cluster';
import { Backoff } from '../../../server/src/core/engine/daemonset/backoff';
import { manage, type SyncContext } from '../../../server/src/core/engine/daemonset/manage';
import { AVAILABLE, DESIRED, HAS_PODS, KeptNodeTally, NodeTally, READY, ROLL_NEW_AVAILABLE, ROLL_OLD_AVAILABLE, UPDATED } from '../../../server/src/core/engine/daemonset/nodeCodes';
import { DaemonSetObject } from '../../../server/src/core/engine/daemonset/object';
import { DaemonPodIndex } from '../../../server/src/core/engine/daemonset/podIndex';
import { isPodAvailable, nodesToDaemonPods, type NodeToDaemonPods } from '../../../server/src/core/engine/daemonset/pods';
import { rollingUpdate, updatedDesiredNodeCounts } from '../../../server/src/core/engine/daemonset/rollingUpdate';
import { PlacementPolicy } from '../../../server/src/core/engine/daemonset/scheduling';
import { computeStatusCounts, minReadyRequeueMs } from '../../../server/src/core/engine/daemonset/status';
import { EMPTY_DAEMONSET_STATUS, type DaemonPodView, type Placement, type UpdateStrategy } from '../../../server/src/core/engine/daemonset/types';
import { Random } from '../../../server/src/core/engine/random';

const NODES = ['node-0', 'node-1', 'node-2', 'node-3'];

function daemonSet(minReadySeconds = 0, updateStrategy: UpdateStrategy = { type: 'RollingUpdate', maxUnavailable: null, maxSurge: null }): DaemonSetObject {
  const ds = new DaemonSetObject(
    {
      name: 'agent',
      namespace: 'default',
      uid: 'default/agent',
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } },
      updateStrategy,
      minReadySeconds,
      revisionHistoryLimit: 10,
      status: EMPTY_DAEMONSET_STATUS,
    },
    [],
  );
  // Revision 1 and 2 carry the selector's labels; revision 3 was labelled differently (its pods are released).
  for (const [revision, hash, labels] of [
    [1, 'h1', { app: 'agent' }],
    [2, 'h2', { app: 'agent', tier: 'x' }],
    [3, 'h3', { app: 'other' }],
  ] as const) {
    ds.hashByRevisionNumber.set(revision, hash);
    ds.labelsByHash.set(hash, labels);
  }
  return ds;
}

/** Only the fields the controller's view reads. */
function pod(uid: number, revision: number): SimPod {
  return {
    uid,
    name: `agent-${uid}`,
    revision,
    createdAt: uid,
    nodeName: null,
    phase: 'Pending',
    ready: false,
    readySince: null,
    unreadySince: null,
    deletionTimestamp: null,
  } as unknown as SimPod;
}

/** node → pod names, nodes sorted (the map's key order is not part of the contract: upstream's is a Go map). */
function shape(map: NodeToDaemonPods): [string, string[]][] {
  return [...map.entries()].map(([node, pods]): [string, string[]] => [node, pods.map((p) => p.name)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`pod index = nodesToDaemonPods after every pod event (seed ${seed})`, () => {
    const random = new Random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)];
    const ds = daemonSet();
    const live: SimPod[] = [];
    let uid = 0;
    // Some pods exist before the index is listed (a restart lists them from the cluster).
    for (let i = 0; i < 3; i++) {
      const p = pod(++uid, pick([1, 2, 3]));
      p.nodeName = pick([null, ...NODES]);
      live.push(p);
    }
    const index = new DaemonPodIndex(ds, live);
    // The node lister's list: node-3 is not listed (removed), node-9 has no pods; a new list half-way.
    let listed = ['node-1', 'node-0', 'node-9', 'node-2'];
    let podsByNode = index.podsByNode(listed);
    for (let step = 0; step < 400; step++) {
      if (step === 200) {
        listed = [...NODES, 'node-9'];
        podsByNode = index.podsByNode(listed);
      }
      const target = live.length > 0 ? pick(live) : undefined;
      const op = target === undefined ? 'add' : pick(['add', 'add', 'bind', 'run', 'finish', 'delete', 'gone']);
      let what = op;
      if (op === 'add' || target === undefined) {
        const p = pod(++uid, pick([1, 1, 2, 3]));
        live.push(p);
        index.added(p);
        // The scheduler binds most pods at once; some wait for their node.
        if (random.next() < 0.8) {
          p.nodeName = pick(NODES);
          index.updated(p);
        }
        what = `add ${p.name} on ${p.nodeName}`;
      } else if (op === 'gone') {
        live.splice(live.indexOf(target), 1);
        index.deleted(target);
      } else {
        if (op === 'bind' && target.nodeName === null) target.nodeName = pick(NODES);
        if (op === 'run' && target.phase === 'Pending') target.phase = 'Running';
        if (op === 'finish') target.phase = pick(['Succeeded', 'Failed'] as const);
        if (op === 'delete') target.deletionTimestamp ??= step;
        index.updated(target);
        what = `${op} ${target.name}`;
      }
      const views = [...index.pods()];
      assert.deepEqual(
        views.map((v) => v.name),
        live.map((p) => p.name),
        `step ${step} (${what}): the pods that exist, oldest first`,
      );
      assert.deepEqual(shape(index.nodeToDaemonPods), shape(nodesToDaemonPods(views, ds.selector, false)), `step ${step} (${what})`);
      listed.forEach((node, i) => assert.equal(podsByNode[i], index.nodeToDaemonPods.get(node), `step ${step} (${what}): podsByNode[${i}] is ${node}'s`));
    }
  });
}

/** Placements of the listed nodes: one that should no longer run a pod but may keep it, one that may not. */
const PLACEMENTS: readonly Placement[] = [
  { shouldRun: true, shouldContinueRunning: true },
  { shouldRun: true, shouldContinueRunning: true },
  { shouldRun: false, shouldContinueRunning: true },
  { shouldRun: true, shouldContinueRunning: true },
  { shouldRun: false, shouldContinueRunning: false },
];

/**
 * update.go rollingUpdate without surge, walked as upstream writes it (nodes in updatedDesiredNodeCounts'
 * order, then min(candidates, maxUnavailable - numUnavailable) candidates): the pods it deletes.
 */
function rollingUpdateWalk(ctx: SyncContext, grouped: NodeToDaemonPods): string[] {
  const counts = updatedDesiredNodeCounts(ctx, grouped, true);
  if ('error' in counts) throw new Error(counts.error);
  const minReady = ctx.ds.minReadySeconds;
  let numUnavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const [, pods] of counts.entries) {
    let newPod: DaemonPodView | null = null;
    let oldPod: DaemonPodView | null = null;
    let ok = true;
    for (const p of pods) {
      if (p.deletionTimestamp !== null) continue;
      if (p.hash === ctx.hash) {
        if (newPod !== null) ok = false;
        newPod = p;
      } else {
        if (oldPod !== null) ok = false;
        oldPod = p;
      }
    }
    if (!ok || (oldPod === null && newPod === null) || (oldPod !== null && newPod !== null)) numUnavailable++;
    else if (newPod !== null) {
      if (!isPodAvailable(newPod, minReady, ctx.now)) numUnavailable++;
    } else if (oldPod !== null) {
      if (!isPodAvailable(oldPod, minReady, ctx.now)) {
        allowed.push(oldPod.name);
        numUnavailable++;
      } else if (numUnavailable < counts.maxUnavailable) candidates.push(oldPod.name);
    }
  }
  return [...allowed, ...candidates.slice(0, Math.min(Math.max(0, counts.maxUnavailable - numUnavailable), candidates.length))];
}

const STRATEGIES: readonly UpdateStrategy[] = [
  { type: 'RollingUpdate', maxUnavailable: null, maxSurge: null },
  { type: 'RollingUpdate', maxUnavailable: 2, maxSurge: null },
  { type: 'RollingUpdate', maxUnavailable: '50%', maxSurge: null },
];

for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
  for (const minReadySeconds of [0, 5]) {
    test(`kept node tally = the tally made on the spot: manage, rollingUpdate and status agree (seed ${seed}, minReadySeconds ${minReadySeconds})`, () => {
      const random = new Random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)];
      const strategy = STRATEGIES[seed % STRATEGIES.length];
      const ds = daemonSet(minReadySeconds, strategy);
      // node-3 is not listed (removed): its pods come after the listed nodes' in the rolling update.
      const listedNames = ['node-1', 'node-0', 'node-9', 'node-2', 'node-4'];
      const nodes = listedNames.map((name) => ({ name, labels: {}, taints: [] }));
      const live: SimPod[] = [];
      const index = new DaemonPodIndex(ds, live);
      const kept = new KeptNodeTally();
      let uid = 0;
      let now = 1_000;
      for (let step = 0; step < 400; step++) {
        now += pick([0, 0, 1_000, 3_000]);
        const target = live.length > 0 ? pick(live) : undefined;
        const op = target === undefined ? 'add' : pick(['add', 'ready', 'ready', 'unready', 'finish', 'delete', 'gone', 'wait']);
        if (op === 'add' || target === undefined) {
          const p = pod(++uid, pick([1, 2, 2]));
          live.push(p);
          index.added(p);
          p.nodeName = pick([...listedNames, 'node-3']);
          p.phase = 'Running';
          index.updated(p);
        } else if (op === 'gone') {
          live.splice(live.indexOf(target), 1);
          index.deleted(target);
        } else if (op !== 'wait') {
          if (op === 'ready' && !target.ready) Object.assign(target, { ready: true, readySince: now });
          if (op === 'unready' && target.ready) Object.assign(target, { ready: false, readySince: null, unreadySince: now });
          if (op === 'finish') target.phase = pick(['Succeeded', 'Failed'] as const);
          if (op === 'delete') target.deletionTimestamp ??= now;
          index.updated(target);
        }
        const hash = step % 200 < 100 ? 'h2' : 'h1';
        const grouped = index.nodeToDaemonPods;
        const onTheSpot: SyncContext = { ds: ds.view(), nodes, placements: PLACEMENTS, policy: new PlacementPolicy(ds.podSpec), hash, now, allowsSurge: false };
        const lined: SyncContext = { ...onTheSpot, podsByNode: index.podsByNode(listedNames) };
        const withTally: SyncContext = { ...lined, tally: kept.update(lined, index.changedPositions(), grouped) };
        const where = `step ${step} (${op})`;
        assert.deepEqual([...withTally.tally!.codes], [...NodeTally.of(onTheSpot, grouped).codes], `${where}: codes`);
        const backoff = (): Backoff => new Backoff(1_000, 900_000);
        assert.deepEqual(manage(withTally, grouped, backoff(), true), manage(onTheSpot, grouped, backoff()), `${where}: manage`);
        const update = rollingUpdate(withTally, grouped, true);
        assert.deepEqual(update, rollingUpdate(onTheSpot, grouped, true), `${where}: rollingUpdate`);
        assert.deepEqual('error' in update ? update : update.podsToDelete, rollingUpdateWalk(onTheSpot, grouped), `${where}: rollingUpdate, walked as upstream does`);
        const counts = computeStatusCounts(onTheSpot, grouped);
        assert.deepEqual(computeStatusCounts(withTally, grouped), counts, `${where}: status`);
        assert.equal(minReadyRequeueMs(withTally, grouped, counts), minReadyRequeueMs(onTheSpot, grouped, counts), `${where}: minReadySeconds requeue`);
      }
    });
  }
}

test('the first available old pods: a node before those already passed that gets one is found again', () => {
  const oldAvailable = DESIRED | HAS_PODS | READY | AVAILABLE | ROLL_OLD_AVAILABLE;
  const updated = DESIRED | HAS_PODS | READY | AVAILABLE | UPDATED | ROLL_NEW_AVAILABLE;
  const tally = new NodeTally(Uint16Array.from([updated, updated, oldAvailable, updated, oldAvailable, oldAvailable]));
  assert.deepEqual(tally.firstOldAvailable(2), [2, 4]);
  assert.deepEqual(tally.firstOldAvailable(0), []);
  tally.set(2, updated);
  assert.deepEqual(tally.firstOldAvailable(5), [4, 5]);
  // A rollback, say: node 1 holds an available old pod again.
  tally.set(1, oldAvailable);
  assert.deepEqual(tally.firstOldAvailable(1), [1]);
  assert.equal(tally.unavailable, 0);
  assert.equal(tally.updated, 3);
});
