/**
 * Seed fixtures: every YAML manifest from the course notes, copied as printed (mistakes included), must give
 * exactly the findings listed in test/fixtures/seeds/expected.json. See test/fixtures/seeds/README.md.
 *
 * A finding is identified by (1-based line of its start, ruleId, fieldPath); the sets must be equal, and for each
 * expected entry some finding with that identity must have a message containing `messageIncludes`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/index';
import type { Finding } from '../../server/src/core/findings';

interface ExpectedFinding {
  readonly line: number;
  readonly ruleId: string;
  readonly fieldPath: string;
  readonly messageIncludes: string;
}

// Compiled to out/test/unit/seeds.test.js: the repository root is three levels up.
const repoRoot = path.resolve(__dirname, '../../..');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8')) as Record<
  string,
  ExpectedFinding[]
>;
const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
  .sort();

const identity = (line: number, ruleId: string, fieldPath: string): string => `${line} ${ruleId} ${JSON.stringify(fieldPath)}`;

test('every seed fixture has an entry in expected.json and every entry has a fixture', () => {
  const entries = Object.keys(expected).sort();
  assert.deepEqual(
    fixtureFiles.filter((file) => !(file in expected)),
    [],
    'fixture files without an entry in expected.json',
  );
  assert.deepEqual(
    entries.filter((entry) => !fixtureFiles.includes(entry)),
    [],
    'expected.json entries without a fixture file',
  );
});

const allNames = [...new Set([...fixtureFiles, ...Object.keys(expected)])].sort();

for (const name of allNames) {
  test(`seed fixture ${name}`, () => {
    const file = path.join(fixturesDir, name);
    assert.ok(fs.existsSync(file), `fixture file ${name} is missing`);
    const want = expected[name];
    assert.ok(Array.isArray(want), `expected.json has no entry for ${name}`);

    const text = fs.readFileSync(file, 'utf8');
    const findings: readonly Finding[] = lintText(text, { kubernetesVersion: '1.37' });

    const describe = (f: Finding): string =>
      `${identity(f.range.start.line + 1, f.ruleId, f.fieldPath)}: ${f.message}`;
    const actualIds = [...new Set(findings.map((f) => identity(f.range.start.line + 1, f.ruleId, f.fieldPath)))].sort();
    const wantIds = [...new Set(want.map((e) => identity(e.line, e.ruleId, e.fieldPath)))].sort();
    assert.deepEqual(actualIds, wantIds, `findings of ${name} (line ruleId fieldPath):\n${findings.map(describe).join('\n')}`);

    for (const entry of want) {
      const id = identity(entry.line, entry.ruleId, entry.fieldPath);
      const messages = findings
        .filter((f) => identity(f.range.start.line + 1, f.ruleId, f.fieldPath) === id)
        .map((f) => f.message);
      assert.ok(
        messages.some((message) => message.includes(entry.messageIncludes)),
        `${name}: no finding at ${id} has a message including ${JSON.stringify(entry.messageIncludes)}; got ${JSON.stringify(messages)}`,
      );
    }
  });
}
