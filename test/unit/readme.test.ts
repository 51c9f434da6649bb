/** The README's rule table is the list of rules: it must name every rule, with its severity and description. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { allRules, pipelineRules } from '../../server/src/core';

export function rulesTable(): string {
  const rows = [...Object.values(pipelineRules), ...allRules.map((r) => r.meta)].map(
    (meta) => `| \`${meta.id}\` | ${meta.severity} | ${meta.kinds.join(', ')} | ${meta.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule id | severity | kinds | what it reports |', '|---|---|---|---|', ...rows].join('\n');
}

test('README lists every rule (regenerate the block between the rules markers from the expected text)', () => {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
  const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
  assert.ok(block, 'README.md has no <!-- rules:start --> ... <!-- rules:end --> block');
  assert.equal(block[1], rulesTable());
});
