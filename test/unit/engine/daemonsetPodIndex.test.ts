/**
 * The DaemonSet controller's pod index (getNodesToDaemonPods kept up to date by informer events) must hold,
 * after every pod event, exactly what nodesToDaemonPods — checked against upstream's cases in
 * daemonsetCases.test.ts — computes from the list of pods: the same pods under the same nodes, each node's
 * pods in the lister's (creation) order. Random pod lifecycles, seeded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimPod } from '../../../server/src/core/engine/cluster';
import { DaemonSetObject } from '../../../server/src/core/engine/daemonset/object';
import { DaemonPodIndex } from '../../../server/src/core/engine/daemonset/podIndex';
import { nodesToDaemonPods, type NodeToDaemonPods } from '../../../server/src/core/engine/daemonset/pods';
import { EMPTY_DAEMONSET_STATUS } from '../../../server/src/core/engine/daemonset/types';
import { Random } from '../../../server/src/core/engine/random';

const NODES = ['node-0', 'node-1', 'node-2', 'node-3'];

function daemonSet(): DaemonSetObject {
  const ds = new DaemonSetObject(
    {
      name: 'agent',
      namespace: 'default',
      uid: 'default/agent',
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } },
      updateStrategy: { type: 'RollingUpdate', maxUnavailable: null, maxSurge: null },
      minReadySeconds: 0,
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
