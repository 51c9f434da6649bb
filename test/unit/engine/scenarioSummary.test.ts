/**
 * describeScenario: the scenario in effect, in the words the preview's scenario bar shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { applyWhatIf, describeScenario, parseScenario } from '../../../server/src/core';

function summary(raw: unknown, kind = 'Job'): string {
  const parsed = parseScenario(raw);
  assert.deepEqual(parsed.errors, []);
  return describeScenario(parsed.scenario, kind);
}

const CASES: readonly { name: string; raw: unknown; kind?: string; expected: string }[] = [
  { name: 'the default scenario', raw: undefined, expected: 'pods start at once and run 30s (exit 0)' },
  { name: 'a run time only', raw: { pods: { default: { runSeconds: 90 } } }, expected: 'pods start at once and run 1m30s (exit 0)' },
  {
    name: 'the first attempts fail: one range',
    raw: { pods: { default: { runSeconds: 10 }, outcomes: [{ pod: 1, exitCode: 1 }, { pod: 2, exitCode: 1 }] } },
    expected: 'pods run 10s; attempts 1–2 fail with exit 1',
  },
  {
    name: 'outcomes with their own run time; a lone attempt',
    raw: { pods: { default: { runSeconds: 20 }, outcomes: [{ pod: 1, runSeconds: 10, exitCode: 1 }, { pod: 3, exitCode: 2 }] } },
    expected: 'pods run 20s; attempt 1 fails with exit 1 after 10s; attempt 3 fails with exit 2',
  },
  {
    name: 'the first container runs of the first pod fail (restartPolicy OnFailure)',
    raw: { pods: { default: { runSeconds: 10 }, outcomes: [{ pod: 1, runs: [{ runSeconds: 10, exitCode: 1 }, { runSeconds: 10, exitCode: 1 }, { runSeconds: 10 }] }] } },
    expected: 'pods run 10s; attempts 1–2 fail with exit 1 (restarted in the same pod)',
  },
  { name: 'a failed index', raw: { pods: { outcomes: [{ index: 2, exitCode: 42 }] } }, expected: 'pods run 30s; index 2 fails with exit 42' },
  {
    name: 'an index attempt, a CronJob Job, container runs',
    raw: { pods: { outcomes: [{ index: 1, attempt: 2, runSeconds: 5 }, { job: 3, pod: 1, runSeconds: 120 }, { pod: 2, runs: [{ runSeconds: 5, exitCode: 1 }, { runSeconds: 5 }] }] } },
    expected: 'pods run 30s; index 1 attempt 2 runs 5s; Job 3 attempt 1 runs 2m; attempt 2 runs its container 5s (exit 1), then 5s (exit 0)',
  },
  {
    name: 'a CronJob: an outcome without `job` holds in every Job',
    raw: { pods: { outcomes: [{ pod: 1, exitCode: 1 }] } },
    kind: 'CronJob',
    expected: 'pods run 30s; attempt 1 fails with exit 1 in every Job',
  },
  { name: 'random failures', raw: { seed: 7, pods: { failureRate: 0.1 } }, expected: 'pods run 30s; 10% of pods fail at random (seed 7)' },
  {
    name: 'start-up, exit code, readiness',
    raw: { pods: { default: { startupSeconds: 5, runSeconds: 60, exitCode: 3, readySeconds: 2 } } },
    expected: 'pods start after 5s and run 1m (exit 3), ready 2s after start',
  },
  { name: 'a node count that is not the default', raw: { nodes: 5 }, expected: 'pods start at once and run 30s (exit 0); 5 nodes' },
  { name: 'a DaemonSet: its pods run until deleted; its nodes always named', raw: {}, kind: 'DaemonSet', expected: 'pods start at once and run until deleted; 3 nodes' },
  {
    name: 'nodes with shared labels and taints',
    raw: { nodes: [{ name: 'a', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }, { name: 'b', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }], ready: false }] },
    kind: 'DaemonSet',
    expected: 'pods start at once and run until deleted; 2 nodes (disk=ssd; taint gpu:NoSchedule; 1 not ready)',
  },
  {
    name: 'events and until',
    raw: {
      until: '2h',
      events: [
        { at: '30m', controllerDown: '3h' },
        { at: '5m', addNode: { name: 'node-9' } },
        { at: '15m', setImage: 'fluent/fluentd:v1.4' },
      ],
    },
    expected: 'pods start at once and run 30s (exit 0); node-9 joins at +5m; image fluent/fluentd:v1.4 at +15m; controller down +30m–+3h30m; until 2h',
  },
  {
    name: 'more than a few events: the first four and how many more',
    raw: { events: [1, 2, 3, 4, 5, 6].map((i) => ({ at: `${i}m`, removeNode: `node-${i}` })) },
    expected: 'pods start at once and run 30s (exit 0); node-1 leaves at +1m; node-2 leaves at +2m; node-3 leaves at +3m; node-4 leaves at +4m; 2 more events',
  },
];

for (const c of CASES) {
  test(`describeScenario: ${c.name}`, () => {
    assert.equal(summary(c.raw, c.kind), c.expected);
  });
}

test('describeScenario: the examples’ pi back-off scenario, and the same with a what-if on top', () => {
  const raw: unknown = parse(readFileSync(resolve(__dirname, '../../../../examples/pi-job-backoff.scenario.yaml'), 'utf8'));
  assert.equal(summary(raw), 'pods run 20s; attempts 1–2 fail with exit 1 after 10s; until 30m');
  assert.equal(summary(applyWhatIf(raw, { runSeconds: 10, failFirst: { attempts: 3, exitCode: 2 } })), 'pods run 10s; attempts 1–3 fail with exit 2; attempts 1–2 fail with exit 1; until 30m');
});
