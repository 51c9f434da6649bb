/**
 * Scenario files as text: every problem at the line and column a user fixes it at (0-based, as LSP counts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkScenarioText, readScenarioText } from '../../server/src/core';

function located(text: string): string[] {
  return checkScenarioText(text).map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message}`);
}

test('checkScenarioText: an unknown field at its key, with a did-you-mean; a bad duration at its value', () => {
  assert.deepEqual(located('seed: 3\npods:\n  defualt: { runSeconds: 10 }\n  outcomes:\n    - { pod: 1, runSeconds: ten }\n'), [
    '2:2 pods.defualt: unknown field (did you mean "default"?); known fields: default, outcomes, failureRate',
    '4:28 pods.outcomes[0].runSeconds: must be a duration such as "90s", "5m", "2h" or "1h30m" (units ms, s, m, h, d), got "ten"',
  ]);
});

test('checkScenarioText: a missing field (at the item that lacks it), a wrong type, a YAML error', () => {
  assert.deepEqual(located('until: 1h\nevents:\n  - { setImage: busybox:2 }\n'), ['2:4 events[0].at: is required: when the event happens, e.g. "5m"']);
  assert.deepEqual(located('nodes: many\n'), ['0:7 nodes: must be a list, got "many"']);
  const [syntax] = located('until: [1h\n');
  assert.match(syntax, /^1:0 YAML syntax error/);
});

test('checkScenarioText: an empty or comment-only file is the default scenario; two documents are one too many', () => {
  assert.deepEqual(located(''), []);
  assert.deepEqual(located('# nothing yet\n'), []);
  assert.equal(readScenarioText('').value, undefined);
  assert.deepEqual(located('until: 1h\n---\nuntil: 2h\n'), ['1:0 a scenario is one YAML document, but this file has 2 (separated by ---)']);
});
