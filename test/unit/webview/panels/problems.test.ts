import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemLines } from '../../../../client/webview/src/panels/problems';

const SOURCE = 'file:///w/job.yaml';

test('each problem on its own line, located 1-based, revealed 0-based in its own document', () => {
  const lines = problemLines('two problems', [
    { message: 'spec.completions: Invalid value: -1: must be greater than or equal to 0', source: 'object', uri: SOURCE, range: { start: { line: 6, character: 15 }, end: { line: 6, character: 17 } } },
    { message: 'scenario: until: must be a duration', source: 'scenario', uri: 'file:///w/job.scenario.yaml', range: { start: { line: 0, character: 7 }, end: { line: 0, character: 9 } } },
    { message: 'object: spec.parallelism: defaulted', source: 'object' },
  ], SOURCE);
  assert.deepEqual(lines, [
    { reveal: { uri: SOURCE, line: 6, character: 15 }, location: '7:16', message: 'spec.completions: Invalid value: -1: must be greater than or equal to 0', source: 'object' },
    { reveal: { uri: 'file:///w/job.scenario.yaml', line: 0, character: 7 }, location: '1:8', message: 'until: must be a duration', source: 'scenario' },
    { message: 'spec.parallelism: defaulted', source: 'object' },
  ]);
});

test('without problems, the message is split by lines, without the old `object:` prefix', () => {
  const lines = problemLines('object: spec.completions: bad\nobject: spec.parallelism: bad\n\n', undefined, SOURCE);
  assert.deepEqual(lines.map((l) => l.message), ['spec.completions: bad', 'spec.parallelism: bad']);
  assert.ok(lines.every((l) => l.reveal === undefined));
  assert.deepEqual(problemLines('12:5: object: spec.x: bad', [], SOURCE), [{ reveal: { uri: SOURCE, line: 11, character: 4 }, location: '12:5', message: 'spec.x: bad' }]);
});
