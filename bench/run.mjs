// Bundles bench/index.ts (and the core it measures) with esbuild, then runs it.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

const outfile = 'out/bench/index.js';
await esbuild.build({ entryPoints: ['bench/index.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['playwright-core'] });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
