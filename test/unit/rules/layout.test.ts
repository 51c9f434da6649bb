/**
 * The rules folder holds rules: each file directly in it is named after the rule it defines (or is one of the
 * lists that group rules), and the shared checks they are built from live in helpers/, never registered.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules, pipelineRules } from '../../../server/src/core';
import { repoRoot } from '../coreSources';

const RULES_DIR = path.join(repoRoot, 'server/src/core/rules');
/** index.ts (the list), rule.ts (the types), the group lists, and one file holding two schedule warnings. */
const NOT_ONE_RULE = ['index.ts', 'rule.ts', 'advice.ts', 'daemonset.ts', 'job-cronjob.ts', 'metadata-selector.ts', 'pod-template.ts', 'cronjob-schedule-advice.ts'];

test('every file directly in rules/ is a registered rule named after its id, or a list', () => {
  const ids = new Set([...allRules.map((r) => r.meta.id), ...Object.values(pipelineRules).map((m) => m.id)]);
  const strays = fs
    .readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => entry.name)
    .filter((name) => !NOT_ONE_RULE.includes(name) && !ids.has(name.slice(0, -'.ts'.length)));
  assert.deepEqual(strays, [], 'shared checks belong in rules/helpers/, message catalogs in rules/messages/');
});

test('the helpers define no rule of their own (rules are registered in one list)', () => {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(RULES_DIR, 'helpers'))) {
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /:\s*Rule\s*=\s*\{/, path.relative(repoRoot, file));
  }
});

test('the rule list runs in the API server order: the apiVersion and metadata first, advice last', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.equal(ids[0], 'removed-api-version');
  assert.ok(ids.indexOf('invalid-name') < ids.indexOf('job-completions'));
  assert.ok(ids.indexOf('job-nonnegative-fields') < ids.indexOf('job-restart-policy'), 'validateJobSpec checks backoffLimit before the template');
  const firstAdvice = allRules.findIndex((r) => r.meta.severity !== 'error');
  assert.ok(allRules.slice(firstAdvice).every((r) => r.meta.severity !== 'error'), 'no API server rule after the advice');
});
