/** kubectl views of a Timeline: HumanDuration (upstream cases as data), tabwriter alignment, get jobs / get pods. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { humanDuration, shortHumanDuration } from '../../../server/src/core/engine/views/humanDuration';
import { getJobs, getPods } from '../../../server/src/core/engine/views/kubectl';
import { formatTable } from '../../../server/src/core/engine/views/table';

const repoRoot = path.resolve(__dirname, '../../../..');
const durations = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/engine/human-duration-cases.json'), 'utf8')) as Record<string, [number, string][]>;

test('HumanDuration and ShortHumanDuration (apimachinery duration_test.go)', () => {
  let n = 0;
  for (const [ms, want] of [...durations.humanDuration, ...durations.humanDurationBoundaries]) {
    assert.equal(humanDuration(ms), want, `${ms}ms`);
    n++;
  }
  for (const [ms, want] of durations.shortHumanDurationBoundaries) {
    assert.equal(shortHumanDuration(ms), want, `${ms}ms`);
    n++;
  }
  assert.equal(n, 66);
});

test('tabwriter: columns as wide as their widest cell plus 3, the last one unpadded', () => {
  assert.equal(
    formatTable([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['pi-x7k2p', '0/1', 'Completed', '0', '2m26s'],
    ]),
    'NAME       READY   STATUS      RESTARTS   AGE\npi-x7k2p   0/1     Completed   0          2m26s\n',
  );
});

function run(manifest: object, scenario: object = {}): Timeline {
  const result = simulate(manifest, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

const paral1 = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'paral-1' },
  spec: { completions: 8, parallelism: 2, template: { spec: { containers: [{ name: 'param', image: 'ubuntu', command: ['/bin/sh'], args: ['-c', 'sleep 30; date'] }], restartPolicy: 'OnFailure' } } },
};

test('kubectl get jobs / get pods during and after paral-1', () => {
  const timeline = run(paral1, { pods: { default: { startupSeconds: 5 } } });
  assert.equal(getJobs(timeline, -1), 'No resources found in default namespace.\n');
  assert.equal(getJobs(timeline, 3), 'NAME      STATUS    COMPLETIONS   DURATION   AGE\nparal-1   Running   0/8           3s         3s\n');
  const names = timeline.pods.map((p) => p.name);
  assert.equal(
    getPods(timeline, 3),
    `NAME            READY   STATUS              RESTARTS   AGE\n${[names[0], names[1]]
      .sort()
      .map((n) => `${n}   0/1     ContainerCreating   0          3s\n`)
      .join('')}`,
  );
  assert.match(getPods(timeline, 20), /1\/1     Running   0          20s\n/);
  const done = getJobs(timeline, 154);
  assert.equal(done, 'NAME      STATUS     COMPLETIONS   DURATION   AGE\nparal-1   Complete   8/8           2m24s      2m34s\n');
  const pods = getPods(timeline, 154).trim().split('\n');
  assert.equal(pods.length, 9);
  assert.ok(pods.slice(1).every((line) => /^paral-1-[bcdfghjklmnpqrstvwxz2456789]{5}   0\/1     Completed   0          (2m34s|118s|82s|46s)$/.test(line)), pods.join('\n'));
});

test('COMPLETIONS of a work-queue Job: n/1, or n/1 of <parallelism>', () => {
  const template = { spec: { containers: [{ name: 'w', image: 'busybox' }], restartPolicy: 'Never' } };
  const wq = run({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'wq' }, spec: { parallelism: 3, template } });
  assert.match(getJobs(wq, 10), /wq     Running   0\/1 of 3      10s        10s/);
  const single = run({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'one' }, spec: { parallelism: 1, completions: undefined, template } });
  assert.match(getJobs(single, 10), /0\/1 /);
});

test('a crash-looping OnFailure pod: restarts, "N (age ago)", CrashLoopBackOff, then Failed', () => {
  const timeline = run(
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'crash' }, spec: { backoffLimit: 6, template: { spec: { containers: [{ name: 'c', image: 'x' }], restartPolicy: 'OnFailure' } } } },
    { pods: { default: { runSeconds: 5, exitCode: 1 } } },
  );
  const row = (t: number): string => getPods(timeline, t).split('\n')[1].replace(/^crash-\w+\s+/, '');
  assert.equal(row(3), '1/1     Running   0          3s');
  assert.equal(row(6), '1/1     Running   1 (1s ago)   6s');
  assert.equal(row(12), '0/1     CrashLoopBackOff   1 (2s ago)   12s');
  assert.equal(row(22), '1/1     Running   2 (12s ago)   22s');
  assert.match(getJobs(timeline, 400), /crash   Failed   0\/1/);
});
