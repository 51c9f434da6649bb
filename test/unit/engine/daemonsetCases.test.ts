/**
 * Upstream DaemonSet controller cases (pkg/controller/daemon/daemon_controller_test.go and update_test.go),
 * carried over as data in test/fixtures/engine/daemonset-cases.json and replayed against the pure decisions
 * of engine/daemonset with the same fake environment the upstream tests use: a pod store, a fake pod control
 * that adds the pods it creates and removes the ones it created when they are deleted, a fake clock, and
 * syncDaemonSet's order (constructHistory, manage, rollingUpdate when manage did not fail, cleanupHistory,
 * updateDaemonSetStatus).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Backoff, failedPodsBackoffKey } from '../../../server/src/core/engine/daemonset/backoff';
import { cleanupHistory, computeHash, constructHistory, type Revision } from '../../../server/src/core/engine/daemonset/history';
import { manage, planSyncNodes, slowStartCreate, type SyncContext } from '../../../server/src/core/engine/daemonset/manage';
import { daemonPodSpecOf } from '../../../server/src/core/engine/daemonset/object';
import { nodesToDaemonPods, selectsAllPods } from '../../../server/src/core/engine/daemonset/pods';
import { allowsSurge, rollingUpdate, updatedDesiredNodeCounts } from '../../../server/src/core/engine/daemonset/rollingUpdate';
import { daemonPodTolerations, nodeAddNeedsSync, nodeShouldRunDaemonPod, nodeUpdateNeedsSync, PlacementPolicy, shouldIgnoreNodeUpdate } from '../../../server/src/core/engine/daemonset/scheduling';
import { computeStatusCounts, nextStatus } from '../../../server/src/core/engine/daemonset/status';
import {
  EMPTY_DAEMONSET_STATUS,
  SELECTING_ALL_REASON,
  type DaemonPodPhase,
  type DaemonPodView,
  type DaemonSetStatus,
  type DaemonSetView,
  type NodeSelectorTerm,
  type NodeView,
  type Taint,
  type Toleration,
  type UpdateStrategy,
} from '../../../server/src/core/engine/daemonset/types';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/daemonset-cases.json'), 'utf8')) as Fixture;

// --- fixture shapes ------------------------------------------------------------------------------------

type LabelsRef = 'simple' | 'simple2' | 'simpleNode' | 'simpleNode2' | 'none' | Record<string, string>;

interface FxDs {
  readonly nodeName?: string;
  readonly nodeSelector?: LabelsRef;
  readonly requiredNodeSelectorTerms?: NodeSelectorTerm[];
  readonly tolerations?: Toleration[];
  readonly selector?: 'empty';
  readonly strategy?: FxStrategy;
  readonly minReadySeconds?: number;
  readonly generation?: number;
  readonly deleting?: boolean;
}

interface FxStrategy {
  readonly type: string;
  readonly maxUnavailable?: number | string;
  readonly maxSurge?: number | string;
}

type FxNode = { readonly add: number; readonly start?: number; readonly labels?: LabelsRef } | { readonly name: string; readonly labels?: LabelsRef; readonly taints?: Taint[] };

interface FxPod {
  readonly node: string;
  readonly count: number;
  readonly labels: LabelsRef;
  readonly owner: 'ds' | 'other' | null;
  readonly hash?: 'current' | 'none';
  readonly name?: string;
  readonly phase?: DaemonPodPhase;
  readonly ready?: boolean;
  readonly readyAt?: number;
  readonly created?: number;
  readonly deleted?: boolean | number;
  readonly scheduled?: boolean;
}

interface FxSync {
  readonly sync: [number, number, number];
  readonly status?: Partial<DaemonSetStatus>;
  readonly createdOn?: string[];
  readonly createdUnscheduled?: boolean;
  readonly createCallsAtMost?: number;
  readonly deleted?: string[];
  readonly events?: string[];
}

type FxStep =
  | FxSync
  | { readonly clear: true }
  | { readonly reset: true }
  | { readonly markReady: true }
  | { readonly appendReadyCondition: true }
  | { readonly update: { readonly image?: string; readonly strategy?: FxStrategy; readonly minReadySeconds?: number; readonly tolerations?: Toleration[] | null } }
  | { readonly clock: number }
  | { readonly sleepMs: number }
  | { readonly inBackoff: string; readonly expect: boolean }
  | { readonly setReadiness: { readonly ready: boolean; readonly count: number; readonly filter: 'all' | 'current' | 'oldOnNodeWithoutCurrent' } }
  | { readonly rememberCurrentByNode: true }
  | { readonly alter: { readonly notReadyFrom: number; readonly firstHashBelow: number; readonly rememberOldUnavailable: boolean } }
  | { readonly expectRememberedGone: true }
  | { readonly rememberReady: true }
  | { readonly expectReadyKept: true }
  | { readonly expectReadyCount: number };

interface FxSyncCase {
  readonly test: string;
  readonly file: string;
  readonly name?: string;
  readonly strategies?: ('OnDelete' | 'RollingUpdate')[];
  readonly ds: FxDs;
  readonly nodes: FxNode[];
  readonly pods?: FxPod[];
  readonly createLimit?: number;
  readonly steps: FxStep[];
}

interface Fixture {
  readonly syncCases: FxSyncCase[];
  readonly unavailableNumbers: {
    readonly name: string;
    readonly nodes: number;
    readonly strategy: FxStrategy;
    readonly pods: { readonly node: string; readonly ready: boolean; readonly deleted?: boolean }[];
    readonly maxSurge: number;
    readonly maxUnavailable: number;
    readonly desiredNumberScheduled: number;
    readonly emptyNodes: number;
  }[];
  readonly nodeShouldRunDaemonPod: {
    readonly nodeLabels: LabelsRef;
    readonly cases: { readonly predicateName: string; readonly spec: FxDs; readonly unschedulable?: boolean; readonly shouldRun: boolean; readonly shouldContinueRunning: boolean }[];
  };
  readonly nodeUpdate: { readonly test: string; readonly oldNode: FxNode; readonly newNode: FxNode; readonly ds: FxDs; readonly shouldEnqueue: boolean; readonly expectedCreates: number }[];
  readonly shouldIgnoreNodeUpdate: { readonly name: string; readonly oldNode: FxNode; readonly newNode: FxNode; readonly expected: boolean }[];
  readonly addNode: { readonly node: FxNode; readonly ds: FxDs; readonly enqueued: boolean }[];
  readonly nodesToDaemonPods: {
    readonly name: string;
    readonly includeDeletedTerminal: boolean;
    readonly wanted: { readonly name: string; readonly node: string; readonly labels: LabelsRef; readonly owner: 'ds' | 'other' | null; readonly phase?: DaemonPodPhase; readonly deleted?: boolean }[];
    readonly ignored: Fixture['nodesToDaemonPods'][number]['wanted'];
  }[];
  readonly skipped: { readonly test: string; readonly reason: string }[];
}

// --- the upstream test environment ---------------------------------------------------------------------

const LABELS: Record<string, Record<string, string>> = {
  simple: { name: 'simple-daemon', type: 'production' },
  simple2: { name: 'simple-daemon', type: 'test' },
  simpleNode: { color: 'blue', speed: 'fast' },
  simpleNode2: { color: 'red', speed: 'fast' },
  none: {},
};

function labels(ref: LabelsRef | undefined): Record<string, string> {
  if (ref === undefined) return {};
  return typeof ref === 'string' ? LABELS[ref] : ref;
}

/** updateStrategies(): OnDelete, and RollingUpdate with maxUnavailable 1. */
const STRATEGIES: Record<string, FxStrategy> = { OnDelete: { type: 'OnDelete' }, RollingUpdate: { type: 'RollingUpdate', maxUnavailable: 1 } };

function strategyOf(s: FxStrategy | undefined): UpdateStrategy {
  return { type: s?.type ?? 'OnDelete', maxUnavailable: s?.maxUnavailable ?? null, maxSurge: s?.maxSurge ?? null };
}

function nodesOf(fx: readonly FxNode[]): NodeView[] {
  return fx.flatMap((n): NodeView[] =>
    'add' in n
      ? Array.from({ length: n.add }, (_, i) => ({ name: `node-${(n.start ?? 0) + i}`, labels: labels(n.labels), taints: [] }))
      : [{ name: n.name, labels: labels(n.labels), taints: n.taints ?? [] }],
  );
}

/** newDaemonSet("foo"): selector and template labels `simple`, one container foo/bar, revisionHistoryLimit 2. */
function templateOf(ds: FxDs, image = 'foo/bar'): Record<string, unknown> {
  return {
    metadata: { labels: LABELS.simple },
    spec: {
      containers: [{ image }],
      ...(ds.nodeName !== undefined ? { nodeName: ds.nodeName } : {}),
      ...(ds.nodeSelector !== undefined ? { nodeSelector: labels(ds.nodeSelector) } : {}),
      ...(ds.requiredNodeSelectorTerms !== undefined ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: ds.requiredNodeSelectorTerms } } } } : {}),
      ...(ds.tolerations !== undefined ? { tolerations: ds.tolerations } : {}),
    },
  };
}

interface Pod {
  name: string;
  readonly prefix: string;
  labels: Record<string, string>;
  hash: string | null;
  owner: 'self' | 'other' | null;
  nodeName: string;
  targetNode: string | null;
  creationTimestamp: number | null;
  phase: DaemonPodPhase;
  ready: boolean;
  readyTransitionTime: number | null;
  deletionTimestamp: number | null;
  readonly byControl: boolean;
}

/** Where the fake clock starts (the upstream tests start it at time.Now()). */
const CLOCK_START = 1_700_000_000_000;

class Env {
  clock = CLOCK_START;
  nodes: NodeView[];
  pods: Pod[] = [];
  template: Record<string, unknown>;
  strategy: UpdateStrategy;
  minReadySeconds: number;
  revisions: Revision[] = [];
  collisionCount: number | null = null;
  status: DaemonSetStatus = EMPTY_DAEMONSET_STATUS;
  backoff = new Backoff(50, 500);
  creates: string[] = [];
  createCalls = 0;
  deletes: string[] = [];
  events: string[] = [];
  firstHash: string | null = null;
  currentByNode = new Map<string, number>();
  remembered = new Set<string>();
  private readonly counts = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly ds: FxDs,
    nodes: readonly FxNode[],
    private readonly createLimit: number,
  ) {
    this.nodes = nodesOf(nodes);
    this.template = templateOf(ds);
    this.strategy = strategyOf(ds.strategy);
    this.minReadySeconds = ds.minReadySeconds ?? 0;
  }

  private get selector(): { matchLabels?: Record<string, string> } {
    return this.ds.selector === 'empty' ? {} : { matchLabels: LABELS.simple };
  }

  view(): DaemonSetView {
    return {
      name: 'foo',
      namespace: 'default',
      uid: 'uid-foo',
      generation: this.ds.generation ?? 0,
      deleting: this.ds.deleting ?? false,
      selector: this.selector,
      podSpec: daemonPodSpecOf(this.template),
      updateStrategy: this.strategy,
      minReadySeconds: this.minReadySeconds,
      revisionHistoryLimit: 2,
      observedGeneration: this.status.observedGeneration,
    };
  }

  /** newPod / addPods: a pod added to the store (not through the pod control). */
  addPod(fx: FxPod): void {
    for (let i = 0; i < fx.count; i++) {
      const prefix = fx.name ?? `${fx.node}-`;
      const n = this.counts.get(prefix) ?? 0;
      this.counts.set(prefix, n + 1);
      const scheduled = fx.scheduled ?? true;
      this.pods.push({
        name: `${prefix}${n}`,
        prefix,
        labels: labels(fx.labels),
        hash: fx.hash === 'current' ? computeHash(this.template, this.collisionCount) : null,
        owner: fx.owner === 'ds' ? 'self' : fx.owner,
        nodeName: scheduled ? fx.node : '',
        targetNode: fx.node,
        creationTimestamp: fx.created === undefined ? null : fx.created * 1000,
        phase: fx.phase ?? '',
        ready: fx.ready ?? false,
        readyTransitionTime: fx.readyAt === undefined ? null : fx.readyAt * 1000,
        deletionTimestamp: fx.deleted === undefined || fx.deleted === false ? null : fx.deleted === true ? this.clock : fx.deleted * 1000,
        byControl: false,
      });
    }
  }

  /** currentDSHash: constructHistory (which records the revision) and its hash. */
  currentHash(): string {
    const history = constructHistory('foo', this.template, this.revisions, this.collisionCount);
    this.applyHistory(history.writes);
    this.collisionCount = history.collisionCount;
    return history.cur.hash;
  }

  private applyHistory(writes: ReturnType<typeof constructHistory>['writes']): void {
    for (const w of writes) {
      if (w.type === 'create') this.revisions.push(w.revision);
      else if (w.type === 'renumber') this.revisions = this.revisions.map((r) => (r.name === w.revision.name ? w.revision : r));
      else this.revisions = this.revisions.filter((r) => r.name !== w.revision.name);
    }
  }

  /** syncDaemonSet with the fake pod control. */
  sync(): void {
    const view = this.view();
    if (selectsAllPods(view.selector)) {
      this.events.push(`Warning ${SELECTING_ALL_REASON} This daemon set is selecting all pods. A non-empty selector is required.`);
      return;
    }
    if (view.deleting) return;
    const history = constructHistory('foo', this.template, this.revisions, this.collisionCount);
    this.applyHistory(history.writes);
    this.collisionCount = history.collisionCount;
    const hash = history.cur.hash;
    this.firstHash ??= hash;
    const policy = new PlacementPolicy(view.podSpec);
    const ctx: SyncContext = {
      ds: view,
      nodes: this.nodes,
      placements: this.nodes.map((n) => policy.placement(n)),
      policy,
      hash,
      now: this.clock,
      allowsSurge: allowsSurge(this.strategy, true),
    };
    const managed = manage(ctx, nodesToDaemonPods(this.pods, view.selector, false), this.backoff);
    for (const e of managed.events) this.events.push(`${e.eventType} ${e.reason} ${e.message}`);
    let failed = this.syncNodes(managed.podsToDelete, managed.nodesNeedingDaemonPods, hash);
    if (!failed && this.strategy.type === 'RollingUpdate') {
      const update = rollingUpdate(ctx, nodesToDaemonPods(this.pods, view.selector, false), true);
      if ('error' in update) failed = true;
      else this.syncNodes(update.podsToDelete, update.nodesToCreate, hash);
    }
    const live = new Set<string>();
    for (const pods of nodesToDaemonPods(this.pods, view.selector, true).values()) for (const p of pods) if (p.hash !== null) live.add(p.hash);
    for (const doomed of cleanupHistory(history.old, 2, live)) this.revisions = this.revisions.filter((r) => r.name !== doomed.name);
    const counts = computeStatusCounts(ctx, nodesToDaemonPods(this.pods, view.selector, false));
    this.status = nextStatus(this.status, counts, view.generation, true) ?? this.status;
  }

  /** syncNodes through the fake pod control; true when a create or delete failed. */
  private syncNodes(podsToDelete: readonly string[], nodesNeeding: readonly string[], hash: string): boolean {
    const plan = planSyncNodes(podsToDelete, nodesNeeding);
    const created = slowStartCreate(plan.creates.length, (i) => {
      this.createCalls++;
      if (this.createLimit !== 0 && this.createCalls > this.createLimit) return false;
      this.creates.push(plan.creates[i]);
      this.pods.push({
        name: `created-${this.seq++}`,
        prefix: 'created-',
        labels: LABELS.simple,
        hash,
        owner: 'self',
        nodeName: '',
        targetNode: plan.creates[i],
        creationTimestamp: null,
        phase: '',
        ready: false,
        readyTransitionTime: null,
        deletionTimestamp: null,
        byControl: true,
      });
      return true;
    });
    let failed = created.failed > 0;
    for (const name of plan.deletes) {
      this.deletes.push(name);
      const i = this.pods.findIndex((p) => p.name === name);
      if (i >= 0 && this.pods[i].byControl) this.pods.splice(i, 1);
      else failed = true;
    }
    return failed;
  }

  prefixOf(name: string): string {
    return this.pods.find((p) => p.name === name)?.prefix ?? this.deletedPrefixes.get(name) ?? name;
  }

  readonly deletedPrefixes = new Map<string, string>();
}

function runSyncCase(c: FxSyncCase, strategy: string | undefined): void {
  const ds: FxDs = strategy === undefined ? c.ds : { ...c.ds, strategy: STRATEGIES[strategy] };
  const env = new Env(ds, c.nodes, c.createLimit ?? 0);
  for (const pod of c.pods ?? []) env.addPod(pod);
  const label = `${c.test}${c.name ? ` [${c.name}]` : ''}${strategy ? ` (${strategy})` : ''}`;
  c.steps.forEach((step, stepIndex) => {
    const where = `${label} step ${stepIndex}`;
    if ('sync' in step) {
      const before = new Map(env.pods.map((p) => [p.name, p.prefix]));
      env.sync();
      for (const [name, prefix] of before) env.deletedPrefixes.set(name, prefix);
      assert.deepEqual([env.creates.length, env.deletes.length, env.events.length], step.sync, `${where}: creates, deletes, events (deleted ${env.deletes.join(' ')}; events ${env.events.join(' | ')})`);
      if (step.status) for (const [k, v] of Object.entries(step.status)) assert.equal(env.status[k as keyof DaemonSetStatus], v, `${where}: status.${k}`);
      if (step.createdOn) assert.deepEqual([...env.creates].sort(), [...step.createdOn].sort(), `${where}: nodes created on`);
      if (step.createdUnscheduled) assert.ok(env.pods.filter((p) => p.byControl).every((p) => p.nodeName === '' && p.targetNode !== null), `${where}: created pods are pinned by affinity, not bound`);
      if (step.createCallsAtMost !== undefined) assert.ok(env.createCalls <= step.createCallsAtMost, `${where}: ${env.createCalls} create calls`);
      if (step.deleted) assert.deepEqual(env.deletes.map((n) => env.prefixOf(n)).sort(), [...step.deleted].sort(), `${where}: deleted`);
      if (step.events) assert.deepEqual(env.events, step.events, `${where}: events`);
    } else if ('clear' in step) {
      // clearExpectations: the counters start again; pods without a creationTimestamp get the clock's now.
      env.creates = [];
      env.deletes = [];
      env.createCalls = 0;
      for (const p of env.pods) p.creationTimestamp ??= env.clock;
    } else if ('reset' in step) {
      env.creates = [];
      env.deletes = [];
      env.createCalls = 0;
      env.events = [];
    } else if ('markReady' in step) {
      // markPodsReady: podutil.UpdatePodCondition keeps the transition time of an unchanged condition.
      for (const p of env.pods) {
        if (p.ready) continue;
        p.ready = true;
        p.readyTransitionTime = env.clock;
      }
    } else if ('appendReadyCondition' in step) {
      for (const p of env.pods) {
        p.ready = true;
        p.readyTransitionTime = null;
      }
    } else if ('update' in step) {
      const u = step.update;
      const spec = { ...(env.template.spec as Record<string, unknown>) };
      if (u.image !== undefined) spec.containers = [{ image: u.image }];
      if (u.tolerations !== undefined) {
        if (u.tolerations === null) delete spec.tolerations;
        else spec.tolerations = u.tolerations;
      }
      env.template = { ...env.template, spec };
      if (u.strategy !== undefined) env.strategy = strategyOf(u.strategy);
      if (u.minReadySeconds !== undefined) env.minReadySeconds = u.minReadySeconds;
    } else if ('clock' in step) {
      env.clock = step.clock * 1000;
    } else if ('sleepMs' in step) {
      env.clock += step.sleepMs;
    } else if ('inBackoff' in step) {
      const key = failedPodsBackoffKey('uid-foo', env.status.observedGeneration, step.inBackoff);
      assert.equal(env.backoff.isInBackOffSinceUpdate(key, env.clock), step.expect, `${where}: in backoff`);
    } else if ('rememberCurrentByNode' in step) {
      // podsByNodeMatchingHash, before readiness changes.
      const hash = env.currentHash();
      env.currentByNode = new Map();
      for (const p of env.pods) if (p.hash === hash && p.targetNode !== null) env.currentByNode.set(p.targetNode, (env.currentByNode.get(p.targetNode) ?? 0) + 1);
    } else if ('setReadiness' in step) {
      const { ready, filter } = step.setReadiness;
      let count = step.setReadiness.count;
      const hash = env.currentHash();
      for (const p of env.pods) {
        if (count <= 0) break;
        if (p.deletionTimestamp !== null || p.ready === ready) continue;
        const match = filter === 'all' || (filter === 'current' ? p.hash === hash : p.hash !== hash && (env.currentByNode.get(p.targetNode ?? '') ?? 0) === 0);
        if (!match) continue;
        p.ready = ready;
        p.readyTransitionTime = env.clock;
        count--;
      }
      assert.equal(count, 0, `${where}: could not mark enough pods ready=${ready}`);
    } else if ('alter' in step) {
      const a = step.alter;
      env.pods.forEach((p, i) => {
        if (i >= a.notReadyFrom && p.ready) {
          p.ready = false;
          p.readyTransitionTime = env.clock;
        }
        if (i < a.firstHashBelow) {
          p.hash = env.firstHash;
          if (i >= a.notReadyFrom && a.rememberOldUnavailable) env.remembered.add(p.name);
        }
      });
    } else if ('expectRememberedGone' in step) {
      assert.deepEqual(env.pods.filter((p) => env.remembered.has(p.name)).map((p) => p.name), [], `${where}: old unavailable pods replaced`);
    } else if ('rememberReady' in step) {
      env.remembered = new Set(env.pods.filter((p) => p.ready).map((p) => p.name));
    } else if ('expectReadyKept' in step) {
      const ready = new Set(env.pods.filter((p) => p.ready).map((p) => p.name));
      assert.deepEqual([...env.remembered].filter((n) => !ready.has(n)), [], `${where}: ready pods kept`);
    } else if ('expectReadyCount' in step) {
      assert.equal(env.pods.filter((p) => p.ready).length, step.expectReadyCount, `${where}: ready pods`);
    }
  });
}

// --- the cases -----------------------------------------------------------------------------------------

let carried = 0;
let runs = 0;

test('upstream sync cases: creates, deletes and events per syncDaemonSet, statuses', () => {
  for (const c of fixture.syncCases) {
    for (const strategy of c.strategies ?? [undefined]) {
      runSyncCase(c, strategy);
      runs++;
    }
    carried++;
  }
  assert.ok(carried >= 60);
});

test('TestGetUnavailableNumbers: updatedDesiredNodeCounts (percentages round up; neither budget → maxUnavailable 1)', () => {
  for (const c of fixture.unavailableNumbers) {
    const nodes = nodesOf([{ add: c.nodes }]);
    const template = templateOf({});
    const policy = new PlacementPolicy(daemonPodSpecOf(template));
    const ctx: SyncContext = {
      ds: { name: 'x', namespace: 'default', uid: 'x', generation: 0, deleting: false, selector: { matchLabels: LABELS.simple }, podSpec: policy.spec, updateStrategy: strategyOf(c.strategy), minReadySeconds: 0, revisionHistoryLimit: 2, observedGeneration: 0 },
      nodes,
      placements: nodes.map((n) => policy.placement(n)),
      policy,
      hash: 'h',
      now: CLOCK_START,
      allowsSurge: allowsSurge(strategyOf(c.strategy), true),
    };
    const map = new Map<string, DaemonPodView[]>();
    c.pods.forEach((p, i) => {
      const pod: DaemonPodView = { name: `pod-${i}`, labels: LABELS.simple, hash: null, owner: null, nodeName: p.node, targetNode: p.node, creationTimestamp: null, phase: '', ready: p.ready, readyTransitionTime: null, deletionTimestamp: p.deleted ? CLOCK_START : null };
      map.set(p.node, [...(map.get(p.node) ?? []), pod]);
    });
    const counts = updatedDesiredNodeCounts(ctx, map, true);
    assert.ok(!('error' in counts), c.name);
    assert.deepEqual({ maxSurge: counts.maxSurge, maxUnavailable: counts.maxUnavailable, desiredNumberScheduled: counts.desiredNumberScheduled }, { maxSurge: c.maxSurge, maxUnavailable: c.maxUnavailable, desiredNumberScheduled: c.desiredNumberScheduled }, c.name);
    assert.equal(counts.entries.filter(([, pods]) => pods.length === 0).length, c.emptyNodes, `${c.name}: empty nodes`);
    carried++;
    runs++;
  }
});

test('TestNodeShouldRunDaemonPod: predicates (node name, node selector, required affinity; resources and ports are the scheduler\'s)', () => {
  const node: NodeView = { name: 'test-node', labels: labels(fixture.nodeShouldRunDaemonPod.nodeLabels), taints: [] };
  for (const c of fixture.nodeShouldRunDaemonPod.cases) {
    const spec = daemonPodSpecOf(templateOf(c.spec));
    const placement = nodeShouldRunDaemonPod(node, spec, daemonPodTolerations(spec.tolerations, spec.hostNetwork));
    assert.deepEqual(placement, { shouldRun: c.shouldRun, shouldContinueRunning: c.shouldContinueRunning }, c.predicateName);
    carried++;
    runs++;
  }
});

test('TestUpdateNode / TestShouldIgnoreNodeUpdate / TestAddNode: which node changes wake the DaemonSet', () => {
  const nodeOf = (n: FxNode): NodeView => nodesOf([n])[0];
  for (const c of fixture.nodeUpdate) {
    const policy = new PlacementPolicy(daemonPodSpecOf(templateOf(c.ds)));
    assert.equal(nodeUpdateNeedsSync(nodeOf(c.oldNode), nodeOf(c.newNode), policy), c.shouldEnqueue, c.test);
    for (const strategy of ['OnDelete', 'RollingUpdate']) {
      const env = new Env({ ...c.ds, strategy: STRATEGIES[strategy] }, [c.oldNode], 0);
      env.sync();
      assert.equal(env.creates.length, c.expectedCreates, `${c.test}: initial sync`);
    }
    carried++;
    runs++;
  }
  for (const c of fixture.shouldIgnoreNodeUpdate) {
    assert.equal(shouldIgnoreNodeUpdate(nodeOf(c.oldNode), nodeOf(c.newNode)), c.expected, c.name);
    carried++;
    runs++;
  }
  for (const c of fixture.addNode) {
    assert.equal(nodeAddNeedsSync(nodeOf(c.node), new PlacementPolicy(daemonPodSpecOf(templateOf(c.ds)))), c.enqueued, JSON.stringify(c.node));
    carried++;
    runs++;
  }
});

test('TestGetNodesToDaemonPods: claimed pods grouped by node, deleted terminal pods only when asked', () => {
  for (const c of fixture.nodesToDaemonPods) {
    const pods: DaemonPodView[] = [...c.wanted, ...c.ignored].map((p) => ({
      name: p.name,
      labels: labels(p.labels),
      hash: null,
      owner: p.owner === 'ds' ? 'self' : p.owner,
      nodeName: p.node,
      targetNode: p.node,
      creationTimestamp: null,
      phase: p.phase ?? '',
      ready: false,
      readyTransitionTime: null,
      deletionTimestamp: p.deleted ? CLOCK_START : null,
    }));
    const grouped = nodesToDaemonPods(pods, { matchLabels: LABELS.simple }, c.includeDeletedTerminal);
    const got = [...grouped.entries()].flatMap(([node, list]) => list.map((p) => `${node}:${p.name}`)).sort();
    assert.deepEqual(got, c.wanted.map((p) => `${p.node}:${p.name}`).sort(), c.name);
    carried++;
    runs++;
  }
});

after(() => {
  console.log(`upstream DaemonSet controller cases: ${carried} carried over and passing (${runs} runs), ${fixture.skipped.length} skipped (${fixture.skipped.map((s) => s.test).join('; ')})`);
});
