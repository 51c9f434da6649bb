// Bundles the extension client, the language server, the CLI into dist/ (CommonJS, Node 20), and the
// rollout preview's webview script and stylesheet (browser).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // Loaded by the server as a worker thread, beside it in dist/.
  { ...common, entryPoints: ['server/src/lsp/simulateWorker.ts'], outfile: 'dist/simulateWorker.js' },
  { ...common, entryPoints: ['server/src/lsp/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the preview panel's webview: one script (an IIFE, loaded with the page's nonce) and one stylesheet
  { ...common, entryPoints: ['client/webview/src/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'chrome120' },
  { ...common, entryPoints: ['client/webview/media/preview.css'], outfile: 'dist/webview.css', platform: 'browser', format: undefined, target: 'chrome120', define: undefined },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
