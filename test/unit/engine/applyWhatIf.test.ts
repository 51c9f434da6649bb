/**
 * applyWhatIf: the preview's what-if controls merged into a scenario file's value. Each case is a scenario, the
 * edits, and the scenario that results (what the preview runs and "Save as scenario" writes); then the merged
 * scenarios are run, to see that they do what the controls say.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyWhatIf, parseScenario, simulate, templateRestartPolicy, type WhatIf, type WhatIfOptions } from '../../../server/src/core';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const CASES: readonly { name: string; scenario: unknown; whatIf: WhatIf; options?: WhatIfOptions; expected: unknown }[] = [
  { name: 'no edits: the same scenario', scenario: { until: '1h', seed: 3 }, whatIf: {}, expected: { until: '1h', seed: 3 } },
  { name: 'no file: the edits over the default scenario', scenario: undefined, whatIf: { runSeconds: 10 }, expected: { pods: { default: { runSeconds: 10 } } } },
  {
    name: 'runSeconds and startupSeconds keep the other default fields',
    scenario: { pods: { default: { runSeconds: 20, exitCode: 3, readySeconds: 2 }, failureRate: 0.5 } },
    whatIf: { runSeconds: 45, startupSeconds: 5 },
    expected: { pods: { default: { runSeconds: 45, exitCode: 3, readySeconds: 2, startupSeconds: 5 }, failureRate: 0.5 } },
  },
  {
    name: 'failFirst comes before the file’s outcomes (the first match wins)',
    scenario: { pods: { outcomes: [{ pod: 1, runSeconds: 5 }] } },
    whatIf: { failFirst: { attempts: 2, exitCode: 1 } },
    expected: { pods: { outcomes: [{ pod: 1, exitCode: 1 }, { pod: 2, exitCode: 1 }, { pod: 1, runSeconds: 5 }] } },
  },
  {
    name: 'failIndex after failFirst, both before the file’s outcomes',
    scenario: { pods: { outcomes: [{ index: 0, exitCode: 2 }] } },
    whatIf: { failFirst: { attempts: 1, exitCode: 7 }, failIndex: { index: 2, exitCode: 42 } },
    expected: { pods: { outcomes: [{ pod: 1, exitCode: 7 }, { index: 2, exitCode: 42 }, { index: 0, exitCode: 2 }] } },
  },
  {
    name: 'failFirst with restartPolicy OnFailure: the first pod’s first runs fail, then it runs as the default says',
    scenario: { pods: { default: { runSeconds: '20s', exitCode: 0 } } },
    whatIf: { failFirst: { attempts: 2, exitCode: 1 } },
    options: { restartPolicy: 'OnFailure' },
    expected: {
      pods: {
        default: { runSeconds: '20s', exitCode: 0 },
        outcomes: [{ pod: 1, runs: [{ runSeconds: '20s', exitCode: 1 }, { runSeconds: '20s', exitCode: 1 }, { runSeconds: '20s', exitCode: 0 }] }],
      },
    },
  },
  { name: 'failFirst with restartPolicy Never: pods', scenario: {}, whatIf: { failFirst: { attempts: 1, exitCode: 3 } }, options: { restartPolicy: 'Never' }, expected: { pods: { outcomes: [{ pod: 1, exitCode: 3 }] } } },
  { name: 'failFirst 0: no outcome', scenario: {}, whatIf: { failFirst: { attempts: 0, exitCode: 1 } }, expected: {} },
  {
    name: 'failFirst that is not a whole number: passed on for the parser to report',
    scenario: {},
    whatIf: { failFirst: { attempts: -2, exitCode: 1 } },
    expected: { pods: { outcomes: [{ pod: -2, exitCode: 1 }] } },
  },
  {
    name: 'failureRate sets the rate and the seed',
    scenario: { seed: 1, pods: { default: { runSeconds: 5 } } },
    whatIf: { failureRate: { rate: 0.1, seed: 7 } },
    expected: { seed: 7, pods: { default: { runSeconds: 5 }, failureRate: 0.1 } },
  },
  {
    name: 'nodes replace the file’s nodes, each with the labels and taints',
    scenario: { nodes: [{ name: 'a' }] },
    whatIf: { nodes: { count: 2, labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] } },
    expected: {
      nodes: [
        { name: 'node-0', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] },
        { name: 'node-1', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] },
      ],
    },
  },
  { name: 'nodes beyond the parser’s limit: the count, for the parser to report', scenario: {}, whatIf: { nodes: { count: 100_000 } }, expected: { nodes: 100_000 } },
  {
    name: 'events are appended in order: nodeJoin, nodeLeave, setImage, controllerDown',
    scenario: { events: [{ at: '1m', suspend: true }] },
    whatIf: {
      nodeJoin: { at: '5m', name: 'node-9', labels: { disk: 'ssd' } },
      nodeLeave: { at: '6m', name: 'node-1' },
      setImage: { at: '15m', image: 'fluent/fluentd:v1.4' },
      controllerDown: { at: '30m', for: '3h' },
    },
    expected: {
      events: [
        { at: '1m', suspend: true },
        { at: '5m', addNode: { name: 'node-9', labels: { disk: 'ssd' } } },
        { at: '6m', removeNode: 'node-1' },
        { at: '15m', setImage: 'fluent/fluentd:v1.4' },
        { at: '30m', controllerDown: '3h' },
      ],
    },
  },
  { name: 'nodeJoin without a name, default three nodes: node-3', scenario: {}, whatIf: { nodeJoin: { at: '5m' } }, expected: { events: [{ at: '5m', addNode: { name: 'node-3' } }] } },
  {
    name: 'nodeJoin without a name: the first node-N neither a node nor an earlier addNode uses',
    scenario: { nodes: [{ name: 'node-0' }, { name: 'x' }], events: [{ at: '1m', addNode: { name: 'node-1' } }] },
    whatIf: { nodeJoin: { at: '5m' } },
    // The second node is named x; node-1 joins at 1m; node-2 is free.
    expected: { nodes: [{ name: 'node-0' }, { name: 'x' }], events: [{ at: '1m', addNode: { name: 'node-1' } }, { at: '5m', addNode: { name: 'node-2' } }] },
  },
  {
    name: 'nodeJoin after a what-if node count: named after those nodes',
    scenario: {},
    whatIf: { nodes: { count: 5 }, nodeJoin: { at: '5m' } },
    expected: { nodes: [0, 1, 2, 3, 4].map((i) => ({ name: `node-${i}` })), events: [{ at: '5m', addNode: { name: 'node-5' } }] },
  },
  { name: 'until', scenario: { until: '1h' }, whatIf: { until: '2h' }, expected: { until: '2h' } },
  {
    name: 'a value that is not a mapping is left for the parser to report where it was written',
    scenario: { pods: 3, events: 'soon' },
    whatIf: { runSeconds: 10, setImage: { at: '1m', image: 'busybox:2' } },
    expected: { pods: 3, events: 'soon' },
  },
  { name: 'a scenario that is a list is returned as it is', scenario: [1, 2], whatIf: { until: '1h' }, expected: [1, 2] },
];

for (const c of CASES) {
  test(`applyWhatIf: ${c.name}`, () => {
    const before = JSON.stringify(c.scenario);
    assert.deepEqual(applyWhatIf(c.scenario, c.whatIf, c.options), c.expected);
    // The input is never changed.
    assert.equal(JSON.stringify(c.scenario), before);
  });
}

test('applyWhatIf: the merged scenario parses without problems, and a bad what-if value is reported at its path', () => {
  const merged = applyWhatIf({ pods: { default: { runSeconds: 20 } } }, { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 }, until: '30m' });
  assert.deepEqual(parseScenario(merged).errors, []);
  const bad = parseScenario(applyWhatIf({}, { until: '2 hours' }));
  assert.deepEqual(bad.errors.map((e) => e.path), ['until']);
});

function run(manifest: unknown, scenario: unknown): Timeline {
  const result = simulate(manifest, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

test('failFirst 2 on a Job with restartPolicy Never: two failed pods, then one that succeeds', () => {
  const pi = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } } } };
  const timeline = run(pi, applyWhatIf(undefined, { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 } }));
  assert.deepEqual(timeline.pods.map((p) => `${p.phase} ${p.exitCode}`), ['Failed 1', 'Failed 1', 'Succeeded 0']);
});

test('failFirst on a CronJob: every Job’s first pod fails (outcomes without `job` match in every Job)', () => {
  const hello = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { backoffLimit: 1, template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'Never' } } } },
    },
  };
  const timeline = run(hello, applyWhatIf({ startTime: '2026-01-01T00:00:00Z', until: '12m' }, { runSeconds: 10, failFirst: { attempts: 1, exitCode: 2 } }));
  const byJob = timeline.jobs.map((j) => timeline.pods.filter((p) => p.job === j.name).map((p) => p.exitCode).join(','));
  assert.deepEqual(byJob, ['2,0', '2,0']);
});

test('templateRestartPolicy: a Job’s template, a CronJob’s jobTemplate, a DaemonSet’s Always', () => {
  const pod = (restartPolicy?: string): Record<string, unknown> => ({ spec: { containers: [], ...(restartPolicy ? { restartPolicy } : {}) } });
  assert.equal(templateRestartPolicy({ kind: 'Job', spec: { template: pod('Never') } }), 'Never');
  assert.equal(templateRestartPolicy({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: pod('OnFailure') } } } }), 'OnFailure');
  assert.equal(templateRestartPolicy({ kind: 'DaemonSet', spec: { template: pod() } }), 'Always');
  assert.equal(templateRestartPolicy({ kind: 'Job', spec: { template: pod() } }), undefined);
  assert.equal(templateRestartPolicy('not a manifest'), undefined);
});

test('failFirst 2 on an OnFailure Job: the first pod restarts twice and succeeds; with backoffLimit 2 those restarts fail the Job', () => {
  const job = (backoffLimit: number): Record<string, unknown> => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: { backoffLimit, template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'OnFailure' } } },
  });
  const scenario = applyWhatIf({ pods: { default: { runSeconds: 10 } } }, { failFirst: { attempts: 2, exitCode: 1 } }, { restartPolicy: templateRestartPolicy(job(3)) });
  const pods = (t: Timeline): string[] => t.pods.map((p) => `${p.phase} restarts=${p.restarts} exits=${p.runs.map((r) => r.exitCode).join(',')}`);
  const passes = run(job(3), scenario);
  assert.deepEqual(pods(passes), ['Succeeded restarts=2 exits=1,1,0']);
  assert.deepEqual(passes.jobs.map((j) => j.result), ['Complete']);
  // pastBackoffLimitOnFailure: the restarts reach backoffLimit 2, the pod is stopped (SIGTERM, 143).
  const fails = run(job(2), scenario);
  assert.deepEqual(pods(fails), ['Failed restarts=2 exits=1,1,143']);
  assert.deepEqual(fails.jobs.map((j) => `${j.result} ${j.reason}`), ['Failed BackoffLimitExceeded']);
});
