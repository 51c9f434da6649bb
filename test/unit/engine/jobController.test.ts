/**
 * Upstream Job controller cases (pkg/controller/job/job_controller_test.go), carried over as data in
 * test/fixtures/engine/job-controller-cases.json: each is one syncJob call with the Job, its pods and the
 * feature gates the upstream test set, compared on exactly what the upstream test compares.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { syncJob } from '../../../server/src/core/engine/job/syncJob';
import {
  EMPTY_JOB_STATUS,
  type BackoffRecord,
  type ContainerStatusView,
  type JobCondition,
  type JobFeatures,
  type JobSyncResult,
  type JobView,
  type PodPhase,
  type PodView,
} from '../../../server/src/core/engine/job/types';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/job-controller-cases.json'), 'utf8')) as Fixture;

/** The upstream tests' clock; testFinishedAt is long before it (no backoff applies). */
const NOW = 10_000_000_000;
const TEST_FINISHED_AT = 1_000;

interface FixtureCondition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}

interface FixtureContainer {
  readonly name: string;
  readonly restartCount: number;
  readonly terminated?: { readonly exitCode: number; readonly finishedAt: 'testFinishedAt' | null };
}

interface FixturePod {
  readonly phase: PodPhase;
  readonly index?: string;
  readonly finalizer?: boolean;
  readonly deleted?: boolean;
  readonly indexFailureCount?: number;
  readonly containerStatuses?: readonly FixtureContainer[];
  readonly initContainerStatuses?: readonly FixtureContainer[];
  readonly conditions?: readonly { readonly type: string; readonly status: string }[];
}

interface FixtureCase {
  readonly test: string;
  readonly name: string;
  readonly skipped?: string;
  readonly features: JobFeatures;
  readonly job: {
    readonly parallelism: number;
    readonly completions: number | null;
    readonly backoffLimit: number;
    readonly completionMode?: string;
    readonly suspend?: boolean;
    readonly deleting?: boolean;
    readonly podReplacementPolicy?: string | null;
    readonly podFailurePolicy?: JobView['spec']['podFailurePolicy'];
    readonly successPolicy?: JobView['spec']['successPolicy'];
    readonly backoffLimitPerIndex?: number;
    readonly maxFailedIndexes?: number;
    readonly activeDeadlineSeconds?: number;
    readonly restartPolicy?: string;
    readonly status?: {
      readonly active?: number;
      readonly succeeded?: number;
      readonly failed?: number;
      readonly terminating?: number;
      readonly startTimeAgo?: number;
      readonly completedIndexes?: string;
      readonly failedIndexes?: string;
      readonly conditions?: readonly FixtureCondition[];
    };
  };
  readonly backoffRecord?: { readonly failuresAfterLastSuccess: number; readonly lastFailureAgo: number };
  readonly satisfiedExpectations?: boolean;
  readonly podCounts?: Partial<Record<'pending' | 'active' | 'ready' | 'succeeded' | 'failed' | 'terminating', number>>;
  readonly podsWithIndexes?: readonly (readonly [string, PodPhase])[];
  readonly restartCounts?: readonly number[];
  readonly podPhase?: PodPhase;
  readonly pods?: readonly FixturePod[];
  readonly expected: Readonly<Record<string, unknown>>;
}

interface Fixture {
  readonly cases: readonly FixtureCase[];
}

function jobOf(c: FixtureCase): JobView {
  const j = c.job;
  const s = j.status ?? {};
  return {
    name: 'foobar',
    namespace: 'default',
    deleting: j.deleting ?? false,
    spec: {
      parallelism: j.parallelism,
      completions: j.completions,
      backoffLimit: j.backoffLimit,
      backoffLimitPerIndex: j.backoffLimitPerIndex ?? null,
      maxFailedIndexes: j.maxFailedIndexes ?? null,
      completionMode: j.completionMode ?? 'NonIndexed',
      suspend: j.suspend ?? false,
      activeDeadlineSeconds: j.activeDeadlineSeconds ?? null,
      podReplacementPolicy: j.podReplacementPolicy ?? null,
      podFailurePolicy: j.podFailurePolicy ?? null,
      successPolicy: j.successPolicy ?? null,
      restartPolicy: j.restartPolicy ?? 'Never',
      managedBy: null,
      ttlSecondsAfterFinished: null,
    },
    status: {
      ...EMPTY_JOB_STATUS,
      active: s.active ?? 0,
      succeeded: s.succeeded ?? 0,
      failed: s.failed ?? 0,
      terminating: s.terminating ?? null,
      completedIndexes: s.completedIndexes ?? '',
      failedIndexes: s.failedIndexes ?? null,
      startTime: s.startTimeAgo === undefined ? null : NOW - s.startTimeAgo * 1000,
      conditions: (s.conditions ?? []).map((condition): JobCondition => ({ ...condition, lastTransitionTime: NOW })),
    },
  };
}

/** getCompletionIndex: a non-negative integer annotation, else -1. */
function completionIndex(annotation: string | undefined): number {
  return annotation !== undefined && /^[+]?\d+$/.test(annotation) ? Number(annotation) : -1;
}

function pod(name: string, phase: PodPhase, extra: Partial<PodView> = {}): PodView {
  return {
    name,
    uid: name,
    phase,
    ready: false,
    readySince: null,
    nodeName: null,
    startTime: null,
    creationTimestamp: 0,
    deletionTimestamp: null,
    deletionGracePeriodSeconds: 0,
    hasFinalizer: true,
    completionIndex: -1,
    indexFailureCount: null,
    indexIgnoredFailureCount: null,
    containerStatuses: [],
    initContainerStatuses: [],
    conditions: [],
    ...extra,
  };
}

const TERMINATED_AT_TEST_FINISHED: ContainerStatusView = { name: '', restartCount: 0, terminated: { exitCode: 0, finishedAt: TEST_FINISHED_AT } };

function container(c: FixtureContainer): ContainerStatusView {
  return {
    name: c.name,
    restartCount: c.restartCount,
    terminated: c.terminated === undefined ? null : { exitCode: c.terminated.exitCode, finishedAt: c.terminated.finishedAt === null ? null : TEST_FINISHED_AT },
  };
}

function podsOf(c: FixtureCase): PodView[] {
  const pods: PodView[] = [];
  // setPodsStatuses: every pod has the finalizer and a container terminated at testFinishedAt.
  const counts = c.podCounts ?? {};
  const add = (kind: string, n: number, phase: PodPhase, extra: (i: number) => Partial<PodView> = () => ({})): void => {
    for (let i = 0; i < n; i++) pods.push(pod(`pod-${kind}-${i}`, phase, { containerStatuses: [TERMINATED_AT_TEST_FINISHED], ...extra(i) }));
  };
  add('pending', counts.pending ?? 0, 'Pending');
  add('running', counts.active ?? 0, 'Running', (i) => (i < (counts.ready ?? 0) ? { ready: true, readySince: NOW } : {}));
  add('succeeded', counts.succeeded ?? 0, 'Succeeded');
  add('failed', counts.failed ?? 0, 'Failed');
  add('terminating', counts.terminating ?? 0, 'Running', () => ({ deletionTimestamp: NOW }));
  // setPodsStatusesWithIndexes: terminated containers only for finished pods.
  (c.podsWithIndexes ?? []).forEach(([index, phase], i) => {
    const finished = phase === 'Succeeded' || phase === 'Failed';
    pods.push(pod(`pod-indexed-${i}`, phase, { completionIndex: completionIndex(index), containerStatuses: finished ? [TERMINATED_AT_TEST_FINISHED] : [] }));
  });
  // TestJobBackoffForOnFailure: one container per pod with its restart count.
  (c.restartCounts ?? []).forEach((restarts, i) => {
    pods.push(pod(`pod-${i}`, c.podPhase ?? 'Running', { containerStatuses: [{ name: '', restartCount: restarts, terminated: null }] }));
  });
  // The policy tests: pods named mypod-<i>.
  (c.pods ?? []).forEach((p, i) => {
    pods.push(
      pod(`mypod-${i}`, p.phase, {
        hasFinalizer: p.finalizer ?? true,
        deletionTimestamp: p.deleted ? NOW : null,
        completionIndex: c.job.completionMode === 'Indexed' ? completionIndex(p.index ?? String(i)) : -1,
        indexFailureCount: p.indexFailureCount ?? null,
        containerStatuses: (p.containerStatuses ?? []).map(container),
        initContainerStatuses: (p.initContainerStatuses ?? []).map(container),
        conditions: (p.conditions ?? []).map((cond) => ({ ...cond, lastTransitionTime: null })),
      }),
    );
  });
  return pods;
}

function backoffOf(c: FixtureCase): BackoffRecord | null {
  if (c.backoffRecord === undefined) return null;
  return { failuresAfterLastSuccess: c.backoffRecord.failuresAfterLastSuccess, lastFailureTime: NOW - c.backoffRecord.lastFailureAgo * 1000 };
}

/** What the upstream test reads back: counts of pod-control calls and the written status. */
function observed(result: JobSyncResult, pods: readonly PodView[]): Record<string, unknown> {
  const byName = new Map(pods.map((p) => [p.name, p]));
  const creates = result.actions.filter((a) => a.type === 'createPod');
  const deletes = result.actions.filter((a) => a.type === 'deletePod');
  const patches =
    result.actions.filter((a) => a.type === 'removeFinalizer').length +
    deletes.filter((a) => a.type === 'deletePod' && a.removeFinalizer && byName.get(a.pod)?.hasFinalizer).length;
  const status = result.status;
  return {
    creations: creates.length,
    createdIndexes: creates.map((a) => (a.type === 'createPod' ? a.index : null)).sort((x, y) => (x ?? 0) - (y ?? 0)),
    deletions: deletes.length,
    podPatches: patches,
    active: status.active,
    ready: status.ready,
    succeeded: status.succeeded,
    failed: status.failed,
    terminating: status.terminating,
    terminatingOrZero: status.terminating ?? 0,
    completedIndexes: status.completedIndexes,
    failedIndexes: status.failedIndexes,
    conditions: status.conditions.map((cond) => ({ type: cond.type, status: cond.status, reason: cond.reason, message: cond.message })),
    startTimeSet: status.startTime !== null,
  };
}

let passed = 0;
let skipped = 0;
const perTest = new Map<string, number>();

for (const c of fixture.cases) {
  const title = `${c.test}: ${c.name}`;
  if (c.skipped !== undefined) {
    skipped++;
    test(title, { skip: c.skipped }, () => undefined);
    continue;
  }
  test(title, () => {
    const pods = podsOf(c);
    const result = syncJob({
      job: jobOf(c),
      pods,
      backoff: backoffOf(c),
      satisfiedExpectations: c.satisfiedExpectations ?? true,
      now: NOW,
      features: c.features,
    });
    const got = observed(result, pods);
    const want = c.expected;
    const compared = Object.fromEntries(Object.keys(want).map((key) => [key, got[key]]));
    assert.deepEqual(compared, want);
    passed++;
    perTest.set(c.test, (perTest.get(c.test) ?? 0) + 1);
  });
}

after(() => {
  const tests = [...perTest.entries()].map(([name, n]) => `${name} ${n}`).join(', ');
  console.log(`upstream job controller cases: ${passed} passed, ${skipped} skipped of ${fixture.cases.length} (${tests})`);
});
