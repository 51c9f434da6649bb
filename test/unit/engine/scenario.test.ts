/** The Scenario parser (design §4.2): defaults, the documented example, and every error with its field path. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_START_TIME, formatProblem, parseScenario, SCENARIO_LIMITS } from '../../../server/src/core/engine/scenario';
import { Random } from '../../../server/src/core/engine/random';

function errorsOf(raw: unknown): string[] {
  return parseScenario(raw).errors.map(formatProblem);
}

test('no scenario: start now (or the fixed default), pods run 30s and exit 0, three nodes', () => {
  const { scenario, errors } = parseScenario(undefined);
  assert.deepEqual(errors, []);
  assert.equal(scenario.startTime, DEFAULT_START_TIME);
  assert.equal(scenario.untilMs, null);
  assert.deepEqual(scenario.pods.default, { startupMs: 0, readyMs: 0, runMs: 30_000, exitCode: 0, terminationMs: 0 });
  assert.deepEqual(scenario.nodes.map((n) => n.name), ['node-0', 'node-1', 'node-2']);
  assert.equal(parseScenario(null, { defaultStartTime: '2030-05-01T10:00:00Z' }).scenario.startTime, '2030-05-01T10:00:00Z');
});

test('the design document\'s example parses', () => {
  const { scenario, errors } = parseScenario({
    startTime: '2026-01-01T00:00:00Z',
    until: '2h',
    pods: {
      default: { startupSeconds: 0, runSeconds: 30, exitCode: 0, readySeconds: 0 },
      outcomes: [
        { pod: 1, runSeconds: 10, exitCode: 1 },
        { index: 2, attempt: 1, exitCode: 42 },
        { job: 3, pod: 1, runSeconds: 120 },
        { pod: 2, runs: [{ runSeconds: 5, exitCode: 1 }, { runSeconds: 5, exitCode: 0 }] },
      ],
      failureRate: 0,
    },
    nodes: [{ name: 'node-0', labels: {}, taints: [], unschedulable: false, ready: true }],
    events: [
      { at: '30m', controllerDown: '3h' },
      { at: '5m', addNode: { name: 'node-9', labels: { disk: 'ssd' } } },
      { at: '10m', removeNode: 'node-1' },
      { at: '15m', setImage: 'fluent/fluentd:v1.4' },
      { at: '20m', deletePod: 'fluentd-abcde' },
      { at: '1h', suspend: true },
      { at: '2h', suspend: false },
      { at: '25m', rollback: 1 },
    ],
    seed: 42,
  });
  assert.deepEqual(errors, []);
  assert.equal(scenario.untilMs, 7_200_000);
  assert.equal(scenario.seed, 42);
  assert.deepEqual(scenario.pods.outcomes[0], { path: 'pods.outcomes[0]', pod: 1, behaviour: { runMs: 10_000, exitCode: 1 } });
  assert.deepEqual(scenario.pods.outcomes[3].runs, [{ runMs: 5_000, exitCode: 1 }, { runMs: 5_000, exitCode: 0 }]);
  assert.deepEqual(scenario.events.map((e) => e.type), ['addNode', 'removeNode', 'setImage', 'deletePod', 'rollback', 'controllerDown', 'suspend', 'suspend']);
  assert.deepEqual(scenario.nodes, [{ name: 'node-0', labels: {}, taints: [], unschedulable: false, ready: true }]);
});

test('nodes as a count', () => {
  assert.deepEqual(parseScenario({ nodes: 2 }).scenario.nodes.map((n) => n.name), ['node-0', 'node-1']);
  assert.deepEqual(parseScenario({ nodes: 0 }).scenario.nodes, []);
});

test('errors name the field path and say what was expected', () => {
  assert.deepEqual(errorsOf({ untill: '5m' }), ['untill: unknown field (did you mean "until"?); known fields: startTime, until, pods, nodes, events, seed, existing']);
  assert.deepEqual(errorsOf({ startTime: 'tomorrow' }), ['startTime: must be an RFC 3339 time such as "2026-01-01T00:00:00Z", got "tomorrow"']);
  assert.deepEqual(errorsOf({ until: '5 minutes' }), ['until: must be a duration such as "90s", "5m", "2h" or "1h30m" (units ms, s, m, h, d), got "5 minutes"']);
  assert.deepEqual(errorsOf({ pods: { default: { runSecond: 5 } } }), [
    'pods.default.runSecond: unknown field (did you mean "runSeconds"?); known fields: startupSeconds, runSeconds, exitCode, readySeconds, terminationSeconds, ready',
  ]);
  assert.deepEqual(errorsOf({ pods: { default: { exitCode: 256 } } }), ['pods.default.exitCode: must be an exit code between 0 and 255, got 256']);
  assert.deepEqual(errorsOf({ pods: { failureRate: 1.5 } }), ['pods.failureRate: must be a number between 0 and 1, got 1.5']);
  assert.deepEqual(errorsOf({ pods: { outcomes: [{ attempt: 2 }] } }), ['pods.outcomes[0].attempt: needs `index`: attempts are counted per completion index of an Indexed Job']);
  assert.deepEqual(errorsOf({ pods: { outcomes: [{ pod: 0 }] } }), ['pods.outcomes[0].pod: must be a creation ordinal between 1 and 9007199254740991, got 0']);
  assert.deepEqual(errorsOf({ pods: { outcomes: [{ pod: 1, runs: [] }] } }), ['pods.outcomes[0].runs: must list at least one run']);
  assert.deepEqual(errorsOf({ pods: { outcomes: [{ pod: 1, runs: [{ runSeconds: 5, exit: 1 }] }] } }), [
    'pods.outcomes[0].runs[0].exit: unknown field (did you mean "exitCode"?); known fields: runSeconds, exitCode, readySeconds',
  ]);
  assert.deepEqual(errorsOf({ events: [{ at: '5m', suspend: true, removeNode: 'a' }] }), ['events[0]: has removeNode and suspend: one event does one thing']);
  assert.deepEqual(errorsOf({ events: [{ suspend: 'yes' }] }), ['events[0].at: is required: when the event happens, e.g. "5m"', 'events[0].suspend: must be true or false, got "yes"']);
  assert.deepEqual(errorsOf({ nodes: [{ name: 'a' }, { name: 'a' }] }), ['nodes[1].name: duplicate node name "a"']);
  assert.deepEqual(errorsOf({ nodes: [{ taints: [{ key: 'k', effect: 'Never' }] }] }), ['nodes[0].taints[0].effect: must be one of NoSchedule, PreferNoSchedule, NoExecute, got "Never"']);
  assert.deepEqual(errorsOf({ seed: 1.5 }), ['seed: must be an integer, got 1.5']);
  assert.deepEqual(errorsOf('until: 5m'), ['must be a mapping, got "until: 5m"']);
});

test('oversized lists are refused, not processed', () => {
  const outcomes = Array.from({ length: SCENARIO_LIMITS.outcomes + 1 }, () => ({ pod: 1 }));
  assert.deepEqual(errorsOf({ pods: { outcomes } }), [`pods.outcomes: has ${SCENARIO_LIMITS.outcomes + 1} items; at most ${SCENARIO_LIMITS.outcomes} are supported`]);
  assert.deepEqual(errorsOf({ nodes: 1_000_000 }), ['nodes: must be a node count between 0 and 5000, got 1000000']);
});

test('garbage never throws', () => {
  const rng = new Random(99);
  const values = [null, undefined, 0, -1, 1e300, NaN, '', 'x', true, [], {}, [[]], { a: { b: {} } }, () => 1, Symbol('s'), 10n];
  const pick = (): unknown => values[rng.nextUint32() % values.length];
  for (let i = 0; i < 2000; i++) {
    const raw = { startTime: pick(), until: pick(), pods: { default: { runSeconds: pick(), exitCode: pick() }, outcomes: [pick(), { pod: pick(), runs: pick() }], failureRate: pick() }, nodes: pick(), events: [pick(), { at: pick(), suspend: pick() }], seed: pick() };
    assert.doesNotThrow(() => parseScenario(raw));
    assert.doesNotThrow(() => parseScenario(pick()));
  }
});
