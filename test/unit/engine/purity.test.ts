import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoClockOrRandom, coreSources, repoRoot } from '../coreSources';

test('core/engine is pure: only relative imports, no wall clock, no Math.random', () => {
  const files = coreSources('engine');
  assert.ok(files.length > 15);
  for (const { label, text } of files) {
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2]) as string;
      assert.ok(spec.startsWith('.'), `${label} imports ${spec}`);
    }
    assertNoClockOrRandom(text, label);
    assert.doesNotMatch(text, /performance\.now|process\./, label);
  }
});

test('the Timeline types import nothing (the webview bundles them)', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'server/src/core/engine/timeline.ts'), 'utf8');
  assert.doesNotMatch(text, /^\s*import\b/m);
});
