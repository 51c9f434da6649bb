/** The VSIX ships every bundle the build writes: a missing one works from source and fails once installed. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');

test('vsce packages every dist bundle (js and css), and no source maps or sources', () => {
  const bundles = readdirSync(resolve(ROOT, 'dist')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `dist/${f}`);
  assert.ok(bundles.length >= 5, `run the build first; dist has ${bundles.join(', ')}`);
  const listed = execFileSync(process.execPath, [resolve(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const bundle of bundles) assert.ok(listed.includes(bundle), `${bundle} is not in the VSIX (.vscodeignore)`);
  assert.deepEqual(listed.filter((f) => f.endsWith('.map') || f.endsWith('.ts')), []);
});
