/** For the purity tests: the TypeScript sources of a folder of server/src/core, and the checks they share. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/** Every .ts file below server/src/core/<folder>: its text, and its path from the repo root as a label. */
export function coreSources(folder: string): { label: string; text: string }[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') ? [p] : [];
    });
  return walk(path.join(repoRoot, 'server/src/core', folder)).map((file) => ({ label: path.relative(repoRoot, file), text: fs.readFileSync(file, 'utf8') }));
}

/** No wall clock (Date.now(), new Date()) and no Math.random in the text. */
export function assertNoClockOrRandom(text: string, label: string): void {
  assert.doesNotMatch(text, /Date\.now\s*\(/, label);
  assert.doesNotMatch(text, /new Date\s*\(\s*\)/, label);
  assert.doesNotMatch(text, /Math\.random\s*\(/, label);
}
