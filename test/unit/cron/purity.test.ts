import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoClockOrRandom, coreSources } from '../coreSources';

test('core/cron is pure: no node modules or vscode, no wall clock, no Math.random', () => {
  const files = coreSources('cron');
  assert.ok(files.length > 5);
  let imports = 0;
  for (const { label, text } of files) {
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      imports++;
      assert.ok(spec.startsWith('.') || spec === 'cronstrue/i18n', `${label} imports ${spec}`);
    }
    assertNoClockOrRandom(text, label);
  }
  assert.ok(imports > 20, `only ${imports} imports seen: the pattern is broken`);
});
