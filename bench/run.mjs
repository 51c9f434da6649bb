// `npm run bench`: builds dist/ (the language server and the webview the benchmarks drive), bundles
// bench/index.ts (and the core it measures) with esbuild, then runs it.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

try {
  execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'pipe' });
} catch (error) {
  process.stderr.write(`npm run bench: the build failed\n${error.stderr ?? error.message}`);
  process.exit(1);
}
const outfile = 'out/bench/index.js';
await esbuild.build({ entryPoints: ['bench/index.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['playwright-core'] });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
