import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const dir = path.join(root, 'server/src/core/engine');

function sources(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('core/engine is pure: only relative imports, no wall clock, no Math.random', () => {
  const files = sources(dir);
  assert.ok(files.length > 15);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const label = path.relative(root, file);
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2]) as string;
      assert.ok(spec.startsWith('.'), `${label} imports ${spec}`);
    }
    assert.doesNotMatch(text, /Date\.now\s*\(/, label);
    assert.doesNotMatch(text, /new Date\s*\(\s*\)/, label);
    assert.doesNotMatch(text, /Math\.random\s*\(/, label);
    assert.doesNotMatch(text, /performance\.now|process\./, label);
  }
});

test('the Timeline types import nothing (the webview bundles them)', () => {
  const text = fs.readFileSync(path.join(dir, 'timeline.ts'), 'utf8');
  assert.doesNotMatch(text, /^\s*import\b/m);
});
