/**
 * Upstream backoff cases (pkg/controller/job/backoff_utils_test.go: TestNewBackoffRecord, TestGetFinishedTime,
 * TestGetRemainingBackoffTime, TestGetRemainingBackoffTimePerIndex), carried over as data in
 * test/fixtures/engine/backoff-cases.json.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { getFinishedTime, newBackoffRecord, remainingTimeForFailures, remainingTimePerIndex } from '../../../server/src/core/engine/job/backoff';
import type { BackoffRecord, PodView } from '../../../server/src/core/engine/job/types';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/backoff-cases.json'), 'utf8')) as {
  newBackoffRecord: { name: string; store: BackoffRecord | null; succeeded: number[]; failed: number[]; want: BackoffRecord }[];
  getFinishedTime: { name: string; skipped?: string; pod: FixturePod; want: number }[];
  getRemainingTime: { name: string; failures: number; lastFailureTime: number | null; now: number; base: number; max: number; want: number }[];
  getRemainingTimePerIndex: { name: string; pod: FixturePod | null; now: number; base: number; max: number; want: number }[];
};

interface FixturePod {
  readonly containers?: readonly { readonly finishedAt?: number | null; readonly running?: boolean }[];
  readonly conditions?: readonly { readonly type: string; readonly status: string; readonly lastTransitionTime: number }[];
  readonly deletionTimestamp?: number;
  readonly deletionGracePeriodSeconds?: number;
  readonly creationTimestamp?: number;
  readonly indexFailureCount?: number;
  readonly indexIgnoredFailureCount?: number;
}

/** A pod with no time set anywhere falls back to a zero creation time, far in the past. */
const ZERO_TIME = -1e15;

function pod(p: FixturePod, phase: PodView['phase'] = 'Failed'): PodView {
  return {
    name: 'p',
    uid: 'p',
    phase,
    ready: false,
    readySince: null,
    nodeName: null,
    startTime: null,
    creationTimestamp: p.creationTimestamp ?? ZERO_TIME,
    deletionTimestamp: p.deletionTimestamp ?? null,
    deletionGracePeriodSeconds: p.deletionGracePeriodSeconds ?? 0,
    hasFinalizer: true,
    completionIndex: 0,
    indexFailureCount: p.indexFailureCount ?? null,
    indexIgnoredFailureCount: p.indexIgnoredFailureCount ?? null,
    containerStatuses: (p.containers ?? []).map((c) => ({ name: '', restartCount: 0, terminated: c.running ? null : { exitCode: 0, finishedAt: c.finishedAt ?? null } })),
    initContainerStatuses: [],
    conditions: p.conditions ?? [],
  };
}

function finishedAt(time: number, phase: PodView['phase']): PodView {
  return pod({ containers: [{ finishedAt: time }] }, phase);
}

let passed = 0;
let skipped = 0;

for (const c of fixture.newBackoffRecord) {
  test(`TestNewBackoffRecord: ${c.name}`, () => {
    const record = newBackoffRecord(c.store, c.succeeded.map((t) => finishedAt(t, 'Succeeded')), c.failed.map((t) => finishedAt(t, 'Failed')));
    assert.deepEqual(record, c.want);
    passed++;
  });
}

for (const c of fixture.getFinishedTime) {
  if (c.skipped) {
    skipped++;
    test(`TestGetFinishedTime: ${c.name}`, { skip: c.skipped }, () => undefined);
    continue;
  }
  test(`TestGetFinishedTime: ${c.name}`, () => {
    assert.equal(getFinishedTime(pod(c.pod)), c.want);
    passed++;
  });
}

for (const c of fixture.getRemainingTime) {
  test(`TestGetRemainingBackoffTime: ${c.name}`, () => {
    assert.equal(remainingTimeForFailures(c.now, c.failures, c.lastFailureTime, c.base, c.max), c.want);
    passed++;
  });
}

for (const c of fixture.getRemainingTimePerIndex) {
  test(`TestGetRemainingBackoffTimePerIndex: ${c.name}`, () => {
    assert.equal(remainingTimePerIndex(c.now, c.pod === null ? null : pod(c.pod), c.base, c.max), c.want);
    passed++;
  });
}

test('the Job controller defaults: 10s doubling, capped at 10 minutes', () => {
  const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => remainingTimeForFailures(0, n, 0) / 1000);
  assert.deepEqual(delays, [10, 20, 40, 80, 160, 320, 600, 600]);
});

after(() => console.log(`upstream backoff cases: ${passed} passed, ${skipped} skipped`));
