/**
 * Documents that made the `yaml` package's toJS run for seconds or forever (issue 10, "Hangs") are refused
 * with a clear message before toJS runs. No timing asserts: a regression would hang, and the per-test
 * timeout turns that into a failure.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../../../server/src/core';
import { MAX_KEY_NESTING, nestingProblem } from '../../../server/src/core/parse/nestingLimit';
import { YAML11_PARSE_OPTIONS } from '../../../server/src/core/parse/yaml11';

const TIMEOUT = { timeout: 10_000 };

function firstDocument(text: string) {
  const docs = parseAllDocuments(text, { ...YAML11_PARSE_OPTIONS, uniqueKeys: false, logLevel: 'error' });
  assert.ok(Array.isArray(docs));
  return docs[0];
}

const TOO_DEEP = /^YAML nested too deeply: mappings or lists used as keys are nested more than 32 levels deep here/;

const HANGS: readonly [string, string][] = [
  ['`spec: ` and 500 `{` (never finished)', `spec: ${'{'.repeat(500)}`],
  ['`spec: ` and `[{` × 200 (5.7 s)', `spec: ${'[{'.repeat(200)}`],
  ['closed lists and mappings as keys, 500 deep', `spec: ${'[{'.repeat(250)}${'}]'.repeat(250)}`],
  ['block-style complex keys, 100 deep', `spec:\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i + 2)}? `).join('\n')}\n`],
];

for (const [name, text] of HANGS) {
  test(`refused before conversion: ${name}`, TIMEOUT, () => {
    const doc = firstDocument(text);
    const problem = nestingProblem(doc.contents);
    assert.match(problem?.message ?? '(none)', TOO_DEEP);
  });
}

for (const [name, text] of HANGS) {
  test(`lint answers with a yaml-syntax finding, not a hang: ${name}`, TIMEOUT, () => {
    const [first] = lintText(`apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n${text}`);
    assert.equal(first?.ruleId, 'yaml-syntax');
    assert.equal(first.severity, 'error');
    assert.match(first.message, TOO_DEEP);
    // On the key that goes too deep: line 4 (`spec:`) for the flow cases, further down for the block one.
    assert.ok(first.range.start.line >= 4, JSON.stringify(first.range));
  });
}

test('the refused key is the first one past the limit, in document order', TIMEOUT, () => {
  const text = `spec: ${'{'.repeat(40)}`;
  const problem = nestingProblem(firstDocument(text).contents);
  // `spec: ` is 6 characters, then the value's `{` and 32 nested key `{`s; the 33rd key starts after them.
  assert.deepEqual(problem?.offsets, [6 + 1 + MAX_KEY_NESTING, 6 + 2 + MAX_KEY_NESTING]);
});

test('keys nested up to the limit, and deep nesting without such keys, are converted as usual', TIMEOUT, () => {
  const atLimit = firstDocument(`spec: ${'{'.repeat(MAX_KEY_NESTING + 1)}${'}'.repeat(MAX_KEY_NESTING + 1)}`);
  assert.equal(nestingProblem(atLimit.contents), undefined);
  atLimit.toJS({ maxAliasCount: 100 });
  const deepValues = firstDocument(`spec: ${'{a: '.repeat(500)}1${'}'.repeat(500)}`);
  assert.equal(nestingProblem(deepValues.contents), undefined);
  let value = deepValues.toJS({ maxAliasCount: 100 }) as { spec: unknown };
  let depth = 0;
  for (let node: unknown = value.spec; typeof node === 'object' && node !== null; node = (node as { a: unknown }).a) depth++;
  assert.equal(depth, 500);
  value = firstDocument('apiVersion: batch/v1\nkind: Job\n').toJS() as { spec: unknown };
  assert.equal(nestingProblem(firstDocument('apiVersion: batch/v1\nkind: Job\n').contents), undefined);
});

test('an empty or scalar document has no nesting problem', () => {
  assert.equal(nestingProblem(null), undefined);
  assert.equal(nestingProblem(firstDocument('just text').contents), undefined);
});
