import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDefaults } from '../../../server/src/core/model/defaults';
import type { CronJob, DaemonSet, Job } from '../../../server/src/core/model/types';

// Cases after pkg/apis/batch/v1/defaults_test.go TestSetDefaultJob: which of completions/parallelism
// is set decides the defaults; backoffLimit is MaxInt32 once backoffLimitPerIndex is set.
const jobCases: { name: string; spec: Job['spec']; expect: Partial<NonNullable<Job['spec']>> }[] = [
  { name: 'All unspecified', spec: {}, expect: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' } },
  { name: 'Completions explicitly set, parallelism unset', spec: { completions: 3 }, expect: { completions: 3, parallelism: 1 } },
  { name: 'Parallelism explicitly set, completions stays nil (work queue)', spec: { parallelism: 5 }, expect: { completions: undefined, parallelism: 5 } },
  { name: 'Nothing missing', spec: { completions: 5, parallelism: 2, backoffLimit: 1, completionMode: 'Indexed', suspend: true }, expect: { completions: 5, parallelism: 2, backoffLimit: 1, completionMode: 'Indexed', suspend: true } },
  { name: 'backoffLimitPerIndex set: backoffLimit is MaxInt32', spec: { completions: 4, completionMode: 'Indexed', backoffLimitPerIndex: 1 }, expect: { backoffLimit: 2147483647 } },
  { name: 'podFailurePolicy set: podReplacementPolicy Failed', spec: { podFailurePolicy: { rules: [] } }, expect: { podReplacementPolicy: 'Failed' } },
];

for (const { name, spec, expect } of jobCases) {
  test(`Job defaults: ${name}`, () => {
    const job = applyDefaults<Job>({ kind: 'Job', spec });
    for (const [field, value] of Object.entries(expect)) assert.equal(job.spec?.[field as keyof typeof expect], value, field);
  });
}

test('Job defaults: pod template gets restartPolicy Always (SetDefaults_PodSpec), labels copied from the template', () => {
  const job = applyDefaults<Job>({ kind: 'Job', spec: { template: { metadata: { labels: { app: 'pi' } }, spec: {} } } });
  assert.equal(job.spec?.template?.spec?.restartPolicy, 'Always');
  assert.deepEqual(job.metadata?.labels, { app: 'pi' });
});

test('Job defaults: the caller\'s object is not changed', () => {
  const input: Job = { kind: 'Job', spec: {} };
  applyDefaults(input);
  assert.deepEqual(input, { kind: 'Job', spec: {} });
});

test('CronJob defaults (SetDefaults_CronJob)', () => {
  const cronJob = applyDefaults<CronJob>({ kind: 'CronJob', spec: { schedule: '* * * * *' } });
  assert.equal(cronJob.spec?.concurrencyPolicy, 'Allow');
  assert.equal(cronJob.spec?.suspend, false);
  assert.equal(cronJob.spec?.successfulJobsHistoryLimit, 3);
  assert.equal(cronJob.spec?.failedJobsHistoryLimit, 1);
  assert.equal(cronJob.spec?.jobTemplate?.spec?.template?.spec?.restartPolicy, 'Always');
});

// Cases after pkg/apis/apps/v1/defaults_test.go TestSetDefaultDaemonSetSpec.
test('DaemonSet defaults: RollingUpdate with maxUnavailable 1, maxSurge 0, revisionHistoryLimit 10', () => {
  const ds = applyDefaults<DaemonSet>({ kind: 'DaemonSet', spec: {} });
  assert.deepEqual(ds.spec?.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec?.revisionHistoryLimit, 10);
});

test('DaemonSet defaults: OnDelete gets no rollingUpdate', () => {
  const ds = applyDefaults<DaemonSet>({ kind: 'DaemonSet', spec: { updateStrategy: { type: 'OnDelete' } } });
  assert.deepEqual(ds.spec?.updateStrategy, { type: 'OnDelete' });
});
