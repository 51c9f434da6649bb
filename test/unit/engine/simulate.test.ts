/**
 * Whole runs: manifest + scenario → Timeline. The course notes' paral-1 and pi Jobs, failures with the
 * pod-failure backoff, backoffLimit, activeDeadlineSeconds, OnFailure restarts, Indexed Jobs, suspend,
 * TTL, a controller-manager outage, scheduling, determinism, and the bounds that keep a run finite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate, type SimulateOptions } from '../../../server/src/core/engine';
import { syncJob } from '../../../server/src/core/engine/job/syncJob';
import { EMPTY_JOB_STATUS, type JobFeatures } from '../../../server/src/core/engine/job/types';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const NAME = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function job(name: string, spec: Record<string, unknown>, restartPolicy = 'Never'): Record<string, unknown> {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { ...spec, template: { spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy } } } };
}

function run(manifest: unknown, scenario: unknown = {}, options: SimulateOptions = {}): Timeline {
  const result = simulate(manifest, scenario, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

function events(timeline: Timeline, reason?: string): string[] {
  return timeline.events.filter((e) => reason === undefined || e.reason === reason).map((e) => `${e.at} ${e.type} ${e.reason} ${e.message}`);
}

function conditions(timeline: Timeline): string[] {
  return timeline.conditions.map((c) => `${c.at} ${c.type}=${c.status} ${c.reason}`);
}

test('paral-1 (completions 8, parallelism 2, 30s pods): 8 pods in 4 waves of 2, Complete at 124s', () => {
  const timeline = run({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'paral-1' },
    spec: { completions: 8, parallelism: 2, template: { spec: { containers: [{ name: 'param', image: 'ubuntu', command: ['/bin/sh'], args: ['-c', 'sleep 30; date'] }], restartPolicy: 'OnFailure' } } },
  });
  assert.equal(timeline.pods.length, 8);
  // Each wave starts 1s (syncJobBatchPeriod) after the previous one finished.
  assert.deepEqual(timeline.pods.map((p) => p.createdAt), [0, 0, 31, 31, 62, 62, 93, 93]);
  assert.ok(timeline.pods.every((p) => p.phase === 'Succeeded' && p.finishedAt === p.createdAt + 30 && p.name.startsWith('paral-1-') && NAME.test(p.name.slice(8))));
  assert.deepEqual(conditions(timeline), ['124 SuccessCriteriaMet=True CompletionsReached', '124 Complete=True CompletionsReached']);
  assert.deepEqual(events(timeline, 'Completed'), ['124 Normal Completed Job completed']);
  assert.deepEqual(events(timeline, 'SuccessfulCreate').map((e) => e.replace(/[a-z0-9]{5}$/, '?')), [0, 0, 31, 31, 62, 62, 93, 93].map((t) => `${t} Normal SuccessfulCreate Created pod: paral-1-?`));
  assert.deepEqual(timeline.jobs, [
    { name: 'paral-1', scheduledTime: null, createdAt: 0, startedAt: 0, finishedAt: 124, deletedAt: null, result: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', completions: 8, parallelism: 2 },
  ]);
  assert.equal(timeline.stopReason, 'finished');
  assert.equal(timeline.truncated, false);
  assert.equal(timeline.duration, 124);
  assert.equal(timeline.endTime, '2026-01-01T00:02:04Z');
  assert.deepEqual({ ...timeline.status, conditions: undefined }, { active: 0, ready: 0, succeeded: 8, failed: 0, terminating: 0, completedIndexes: '', failedIndexes: null, startTime: 0, completionTime: 124, conditions: undefined });
});

const pi = job('pi', { backoffLimit: 4 });

test('pi with its first 2 pods failing: replacements wait 10s, then 20s, then it completes', () => {
  const timeline = run(pi, { pods: { outcomes: [{ pod: 1, exitCode: 1 }, { pod: 2, exitCode: 1 }] } });
  const [first, second, third] = timeline.pods;
  assert.deepEqual([first.phase, second.phase, third.phase], ['Failed', 'Failed', 'Succeeded']);
  // The backoff counts from the failed pod's finish time (backoff_utils.go: 10s, then 20s).
  assert.equal(second.createdAt - (first.finishedAt as number), 10);
  assert.equal(third.createdAt - (second.finishedAt as number), 20);
  assert.equal(timeline.status.failed, 2);
  assert.equal(timeline.jobs[0].result, 'Complete');
});

test('backoffLimit reached: Failed with BackoffLimitExceeded after backoffLimit + 1 failures', () => {
  const timeline = run(job('pi', { backoffLimit: 3 }), { pods: { default: { runSeconds: 5, exitCode: 1 } } });
  assert.equal(timeline.pods.length, 4);
  const gaps = timeline.pods.slice(1).map((p, i) => p.createdAt - (timeline.pods[i].finishedAt as number));
  assert.deepEqual(gaps, [10, 20, 40]);
  const failedAt = (timeline.pods[3].finishedAt as number) + 1;
  assert.deepEqual(conditions(timeline), [`${failedAt} FailureTarget=True BackoffLimitExceeded`, `${failedAt} Failed=True BackoffLimitExceeded`]);
  assert.deepEqual(events(timeline, 'BackoffLimitExceeded'), [`${failedAt} Warning BackoffLimitExceeded Job has reached the specified backoff limit`]);
  assert.equal(timeline.status.failed, 4);
  assert.equal(timeline.jobs[0].result, 'Failed');
});

test('activeDeadlineSeconds: active pods deleted, DeadlineExceeded', () => {
  const timeline = run(job('slow', { activeDeadlineSeconds: 100, parallelism: 2, completions: 4 }), { pods: { default: { runSeconds: 300 } } });
  assert.ok(timeline.pods.every((p) => p.deletedAt === 100 && p.phase === 'Failed' && p.deletedBy === 'job-controller: DeadlineExceeded'));
  assert.deepEqual(conditions(timeline), ['100 FailureTarget=True DeadlineExceeded', '101 Failed=True DeadlineExceeded']);
  assert.deepEqual(events(timeline, 'DeadlineExceeded'), ['101 Warning DeadlineExceeded Job was active longer than specified deadline']);
  assert.equal(events(timeline, 'SuccessfulDelete').length, 2);
  // Pods the Job deletes when it fails count as failed.
  assert.equal(timeline.status.failed, 2);
  assert.equal(timeline.duration, 101);
});

test('OnFailure: the container restarts in the same pod (kubelet backoff), and restarts count toward backoffLimit', () => {
  const ok = run(job('onf', { backoffLimit: 3 }, 'OnFailure'), {
    pods: { outcomes: [{ pod: 1, runs: [{ runSeconds: 5, exitCode: 1 }, { runSeconds: 5, exitCode: 1 }, { runSeconds: 5, exitCode: 0 }] }] },
  });
  assert.equal(ok.pods.length, 1);
  assert.deepEqual(ok.pods[0].runs.map((r) => [r.startedAt, r.finishedAt, r.exitCode]), [[0, 5, 1], [5, 10, 1], [20, 25, 0]]);
  assert.equal(ok.pods[0].restarts, 2);
  assert.equal(ok.jobs[0].result, 'Complete');
  assert.deepEqual(events(ok, 'BackOff').length, 1);

  const failing = run(job('onf', { backoffLimit: 3 }, 'OnFailure'), { pods: { default: { runSeconds: 5, exitCode: 1 } } });
  assert.equal(failing.pods.length, 1);
  assert.equal(failing.pods[0].restarts, 3);
  assert.equal(failing.jobs[0].reason, 'BackoffLimitExceeded');
  // The pod the Job deleted counts as failed.
  assert.equal(failing.status.failed, 1);
});

test('Indexed: pods named <job>-<index>-<suffix>, a failed index is retried, completedIndexes', () => {
  const timeline = run(job('idx', { completionMode: 'Indexed', completions: 5, parallelism: 2 }), { pods: { outcomes: [{ index: 2, attempt: 1, exitCode: 1 }] } });
  assert.deepEqual(timeline.pods.map((p) => [p.index, p.attempt, p.phase]), [[0, 1, 'Succeeded'], [1, 1, 'Succeeded'], [2, 1, 'Failed'], [3, 1, 'Succeeded'], [2, 2, 'Succeeded'], [4, 1, 'Succeeded']]);
  assert.ok(timeline.pods.every((p) => p.name.startsWith(`idx-${p.index}-`) && NAME.test(p.name.slice(`idx-${p.index}-`.length))));
  assert.equal(timeline.status.completedIndexes, '0-4');
  assert.equal(timeline.status.succeeded, 5);
});

test('Indexed with backoffLimitPerIndex: an index fails on its own, then the Job fails with FailedIndexes', () => {
  const timeline = run(job('idx', { completionMode: 'Indexed', completions: 3, parallelism: 3, backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), { pods: { outcomes: [{ index: 1, exitCode: 1 }] } });
  const index1 = timeline.pods.filter((p) => p.index === 1);
  assert.equal(index1.length, 2);
  assert.equal(index1[1].createdAt - (index1[0].finishedAt as number), 10);
  assert.equal(timeline.status.failedIndexes, '1');
  assert.equal(timeline.jobs[0].reason, 'FailedIndexes');
});

test('podFailurePolicy FailJob: the Job fails at once with the rule\'s message', () => {
  const manifest = job('pfp', { parallelism: 2, completions: 4, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } });
  const timeline = run(manifest, { pods: { outcomes: [{ pod: 3, exitCode: 42 }] } });
  const failed = timeline.pods[2];
  assert.equal(timeline.jobs[0].reason, 'PodFailurePolicy');
  assert.equal(timeline.jobs[0].message, `Container main for pod default/${failed.name} failed with exit code 42 matching FailJob rule at index 0`);
});

test('suspend and resume from the scenario: pods deleted without counting as failures, start time reset', () => {
  const timeline = run(job('sus', { completions: 3 }), { events: [{ at: '40s', suspend: true }, { at: '2m', suspend: false }] });
  assert.deepEqual(conditions(timeline).slice(0, 2), ['40 Suspended=True JobSuspended', '120 Suspended=False JobResumed']);
  assert.deepEqual(events(timeline, 'Suspended'), ['40 Normal Suspended Job suspended']);
  assert.deepEqual(events(timeline, 'Resumed'), ['120 Normal Resumed Job resumed']);
  assert.equal(timeline.status.failed, 0);
  assert.equal(timeline.status.startTime, 120);
  assert.deepEqual(timeline.markers.map((m) => [m.at, m.kind]), [[40, 'suspend'], [120, 'resume']]);
});

test('ttlSecondsAfterFinished: the TTL controller deletes the Job and its pods', () => {
  const timeline = run(job('ttl', { ttlSecondsAfterFinished: 60 }));
  assert.equal(timeline.jobs[0].finishedAt, 31);
  assert.equal(timeline.jobs[0].deletedAt, 91);
  assert.equal(timeline.pods[0].deletedAt, 91);
  assert.equal(timeline.pods[0].goneAt, 91);
  assert.equal(timeline.duration, 91);
});

test('kube-controller-manager down: nothing is replaced until it is back, then it resyncs', () => {
  const timeline = run(job('cd', { completions: 3 }), { events: [{ at: '10s', controllerDown: '5m' }] });
  assert.deepEqual(timeline.pods.map((p) => p.createdAt), [0, 310, 341]);
  assert.deepEqual(timeline.markers.map((m) => m.kind), ['controllerDown', 'controllerUp']);
});

test('scheduling: no node fits → Pending with FailedScheduling; a node added later takes the pod', () => {
  const manifest = { ...job('sel', {}), spec: { template: { spec: { containers: [{ name: 'main', image: 'x' }], restartPolicy: 'Never', nodeSelector: { disk: 'ssd' } } } } };
  const timeline = run(manifest, { events: [{ at: '1m', addNode: { name: 'fast', labels: { disk: 'ssd' } } }] });
  assert.deepEqual(events(timeline, 'FailedScheduling'), [
    "0 Warning FailedScheduling 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  ]);
  assert.equal(timeline.pods[0].node, 'fast');
  assert.equal(timeline.pods[0].scheduledAt, 60);
  assert.equal(timeline.jobs[0].result, 'Complete');
});

test('a removed node fails its pods with DisruptionTarget; podFailurePolicy can ignore that', () => {
  const scenario = { nodes: [{ name: 'only' }], events: [{ at: '10s', removeNode: 'only' }, { at: '20s', addNode: { name: 'other' } }] };
  const counted = run(job('rm', {}), scenario);
  assert.deepEqual(counted.pods[0].conditions, [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', at: 10 }]);
  assert.equal(counted.status.failed, 1);
  const ignoring = job('rm', { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } });
  const ignored = run(ignoring, scenario);
  assert.equal(ignored.status.failed, 0);
  assert.equal(ignored.jobs[0].result, 'Complete');
});

test('deletePod from the scenario: a deleted pod counts as failed and is replaced; an unknown name is a warning', () => {
  const first = run(job('del', {}));
  const name = first.pods[0].name;
  const result = simulate(job('del', {}), { events: [{ at: '10s', deletePod: name }, { at: '11s', deletePod: 'nope-12345' }] });
  assert.ok(result.ok);
  const timeline = result.timeline;
  assert.equal(timeline.pods[0].deletedBy, 'kubectl delete pod');
  assert.equal(timeline.status.failed, 1);
  assert.equal(timeline.pods.length, 2);
  assert.deepEqual(result.warnings.filter((w) => w.source === 'scenario').map((w) => w.path), ['events[1]']);
});

test('pod-level activeDeadlineSeconds: kubelet kills the pod with DeadlineExceeded', () => {
  const manifest = { ...job('pad', {}), spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'main', image: 'x' }], restartPolicy: 'Never', activeDeadlineSeconds: 10 } } } };
  const timeline = run(manifest);
  assert.equal(timeline.pods[0].reason, 'DeadlineExceeded');
  assert.equal(timeline.pods[0].finishedAt, 10);
  assert.equal(timeline.jobs[0].reason, 'BackoffLimitExceeded');
});

test('a work-queue Job (completions unset) completes once a pod succeeded and none is running', () => {
  const timeline = run(job('wq', { parallelism: 3 }), { pods: { outcomes: [{ pod: 1, runSeconds: 10 }] } });
  assert.equal(timeline.pods.length, 3);
  assert.equal(timeline.jobs[0].finishedAt, 31);
});

test('the manifest\'s status is the starting state', () => {
  const withStatus = { ...job('resume', { completions: 5 }), status: { succeeded: 3, startTime: '2025-12-31T23:59:00Z' } };
  const timeline = run(withStatus);
  assert.equal(timeline.pods.length, 2);
  assert.equal(timeline.status.startTime, -60);
  const done = { ...job('done', {}), status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: '2025-12-31T23:00:00Z' }] } };
  const finished = run(done);
  assert.equal(finished.pods.length, 0);
  assert.ok(finished.notes.some((n) => n.includes('already finished')));
});

test('deterministic: the same seed replays the same timeline; another seed only renames', () => {
  const scenario = { seed: 7, pods: { failureRate: 0.3 } };
  const a = run(job('d', { completions: 20, parallelism: 4, backoffLimit: 100 }), scenario);
  const b = run(job('d', { completions: 20, parallelism: 4, backoffLimit: 100 }), scenario);
  assert.deepEqual(a, b);
  assert.ok(a.status.failed as number > 0);
  const other = run(job('d', { completions: 20, parallelism: 4 }), { seed: 8 });
  const same = run(job('d', { completions: 20, parallelism: 4 }), { seed: 7 });
  assert.notDeepEqual(other.pods.map((p) => p.name), same.pods.map((p) => p.name));
  assert.deepEqual(other.pods.map((p) => p.createdAt), same.pods.map((p) => p.createdAt));
});

test('until stops the run without truncating it', () => {
  const timeline = run(job('u', { completions: 10 }), { until: '1m' });
  assert.equal(timeline.stopReason, 'until');
  assert.equal(timeline.truncated, false);
  assert.equal(timeline.duration, 60);
  assert.equal(timeline.pods.length, 2);
});

test('bounds: huge completions and parallelism stop quickly with truncated: true and a message', () => {
  const started = performance.now();
  const wide = run(job('wide', { completions: 2147483647, parallelism: 1_000_000_000 }), {}, { limits: { maxPods: 20_000 } });
  assert.equal(wide.truncated, true);
  assert.equal(wide.stopReason, 'maxPods');
  assert.match(wide.message ?? '', /Stopped at 20000 pods/);
  const long = run(job('long', { completions: 2147483647 }), {}, { limits: { horizonMs: 6 * 3600_000 } });
  assert.equal(long.truncated, true);
  assert.equal(long.stopReason, 'horizon');
  assert.equal(long.duration, 6 * 3600);
  const capped = run(job('cap', { completions: 2147483647 }), {}, { limits: { maxEvents: 5000 } });
  assert.equal(capped.stopReason, 'maxEvents');
  assert.ok(performance.now() - started < 5000);
});

test('slow start: creations go out in batches of 1, 2, 4, ... capped at 500 per sync (manageJob)', () => {
  const features: JobFeatures = { podReplacementPolicy: true, managedBy: true, successPolicy: true, backoffLimitPerIndex: true, completionsReachedReason: true };
  const spec = { completions: null, backoffLimit: 6, backoffLimitPerIndex: null, maxFailedIndexes: null, completionMode: 'NonIndexed', suspend: false, activeDeadlineSeconds: null, podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: null, successPolicy: null, restartPolicy: 'Never', managedBy: null, ttlSecondsAfterFinished: null };
  const batches = (parallelism: number): readonly number[] =>
    syncJob({ job: { name: 'j', namespace: 'default', deleting: false, spec: { ...spec, parallelism }, status: EMPTY_JOB_STATUS }, pods: [], backoff: null, now: 0, features }).createBatches;
  assert.deepEqual(batches(100), [1, 2, 4, 8, 16, 32, 37]);
  assert.deepEqual(batches(600), [1, 2, 4, 8, 16, 32, 64, 128, 245]);
});

test('problems come back as data: bad scenario, unsupported kind, an object the API server rejects', () => {
  const bad = simulate(job('x', {}), { pods: { default: { exitCode: 'one' } } });
  assert.deepEqual(bad.ok ? [] : bad.errors, [{ source: 'scenario', path: 'pods.default.exitCode', message: 'must be an exit code between 0 and 255, got "one"' }]);
  const kind = simulate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, {});
  assert.deepEqual(kind.ok ? [] : kind.errors.map((e) => e.path), ['kind']);
  const always = simulate(job('x', {}, 'Always'), {});
  assert.deepEqual(always.ok ? [] : always.errors, [{ source: 'object', path: 'spec.template.spec.restartPolicy', message: 'Required value: valid values: "OnFailure", "Never"' }]);
  const anyway = simulate(job('x', {}, 'Always'), {}, { allowInvalid: true });
  assert.equal(anyway.ok, true);
  assert.equal(simulate(null, {}).ok, false);
  assert.equal(simulate([], 'nonsense').ok, false);
});
