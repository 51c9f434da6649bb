import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const dir = path.join(root, 'server/src/core/cron');

function sources(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('core/cron is pure: no node modules or vscode, no wall clock, no Math.random', () => {
  const files = sources(dir);
  assert.ok(files.length > 5);
  let imports = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const label = path.relative(root, file);
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      imports++;
      assert.ok(spec.startsWith('.') || spec === 'cronstrue/i18n', `${label} imports ${spec}`);
    }
    assert.doesNotMatch(text, /Date\.now\s*\(/, label);
    assert.doesNotMatch(text, /new Date\s*\(\s*\)/, label);
    assert.doesNotMatch(text, /Math\.random\s*\(/, label);
  }
  assert.ok(imports > 20, `only ${imports} imports seen: the pattern is broken`);
});
