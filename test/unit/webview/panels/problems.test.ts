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

test('listed by document, then line, then column, as the Problems panel does; problems without a place last', () => {
  const at = (line: number, character: number, uri?: string) => ({ ...(uri ? { uri } : {}), range: { start: { line, character }, end: { line, character: character + 1 } } });
  const scenario = 'file:///w/job.scenario.yaml';
  const lines = problemLines('', [
    { message: 'no place', source: 'engine' },
    { message: 'scenario 3:2', source: 'scenario', ...at(2, 1, scenario) },
    { message: 'manifest 16:22', source: 'object', ...at(15, 21) },
    { message: 'manifest 8:17', source: 'object', ...at(7, 16, SOURCE) },
    { message: 'manifest 8:3', source: 'object', ...at(7, 2) },
    { message: 'scenario 1:1', source: 'scenario', ...at(0, 0, scenario) },
  ], SOURCE);
  assert.deepEqual(
    lines.map((l) => `${l.location ?? '-'} ${l.message}`),
    ['8:3 manifest 8:3', '8:17 manifest 8:17', '16:22 manifest 16:22', '1:1 scenario 1:1', '3:2 scenario 3:2', '- no place'],
  );
});
