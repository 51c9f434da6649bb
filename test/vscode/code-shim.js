#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns.
//
// No Electron build of VS Code can be installed on our CI machines, but code-server (VS Code's server and web
// workbench, from the npm registry) can: see .ci/install-code-server.sh. This script takes the command line
// runTests() gives VS Code (--extensionDevelopmentPath=, --extensionTestsPath=, a folder to open, and flags
// meant for Electron, which are ignored), starts code-server, and opens the workbench in headless Chromium
// (playwright-core) with a URL payload that makes it load the extension under development and run the test
// module in code-server's Node extension host. The workbench reports the test run's console through
// window.codeAutomationLog and its result through window.codeAutomationExit; this script prints the one and
// exits with the other, so runTests() resolves or rejects as it would with VS Code.
//
// Each run gets a fresh user-data-dir and extensions dir in the system temp folder (deleted after a passing
// run, kept after a failing one for its code-server.log). code-server runs in its own process group, and the
// whole group is ended at the end: ending code-server alone leaves its file watcher and extension host running.
//
// Two VS Code flags are passed on: --locale=<lang> (the display language; code-server takes the same flag) and
// --install-extension=<file.vsix> (installed before code-server starts; a language pack is also recorded where VS
// Code looks for one, see installExtensions), so that a suite can run in another display language.
//
// Environment: CODE_SERVER_BIN (the code-server executable) or CODE_SERVER_HOME (the install folder of
// .ci/install-code-server.sh), CHROMIUM_BIN, SHIM_TIMEOUT_MS (default 300000), SHIM_SCREENSHOT (a PNG path:
// a screenshot of the workbench when the run ends), SHIM_VERBOSE=1 (print every workbench log line),
// SHIM_KEEP=1 (keep the run's folder, with code-server.log, after a passing run too).
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const CODE_SERVER_VERSION = '4.100.3';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The code-server executable, or undefined. Same default folders as .ci/install-code-server.sh. */
function findCodeServer() {
  if (process.env.CODE_SERVER_BIN) return isExecutable(process.env.CODE_SERVER_BIN) ? process.env.CODE_SERVER_BIN : undefined;
  const homes = process.env.CODE_SERVER_HOME
    ? [process.env.CODE_SERVER_HOME]
    : [
        `/opt/code-server-${CODE_SERVER_VERSION}`,
        path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), `code-server-${CODE_SERVER_VERSION}`),
      ];
  for (const home of homes) {
    const bin = path.join(home, 'node_modules', '.bin', 'code-server');
    if (isExecutable(bin)) return bin;
  }
  return undefined;
}

/** The Chromium executable, or undefined. */
function findChromium() {
  if (process.env.CHROMIUM_BIN) return isExecutable(process.env.CHROMIUM_BIN) ? process.env.CHROMIUM_BIN : undefined;
  return onPath('chromium') || onPath('chromium-browser');
}

/**
 * Waits until code-server at `base` answers, and reads the remote authority `vscode-remote://` URIs must use
 * from the workbench configuration in its page. `exited()` says whether the server process is gone already.
 */
async function waitForWorkbench(base, exited, serverLog) {
  const started = Date.now();
  for (;;) {
    if (exited()) throw new Error(`code-server exited at start:\n${tail(serverLog, 30)}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 30000) throw new Error(`code-server did not answer within 30 s:\n${tail(serverLog, 30)}`);
    await delay(100);
  }
  const html = await (await fetch(`${base}/?ew=true`)).text();
  const meta = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html);
  if (!meta) throw new Error('workbench configuration not found in the page code-server served');
  const decoded = meta[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(decoded).remoteAuthority;
}

module.exports = { findCodeServer, findChromium, freePort, waitForWorkbench, installExtensions, CODE_SERVER_VERSION };

// ---------------------------------------------------------------------------------------------------------

const log = (...args) => console.error('code-shim:', ...args);

function parseArgs(argv) {
  const out = { devPaths: [], testsPath: undefined, folders: [], env: {}, locale: undefined, installs: [] };
  // flags runTests() adds for Electron, and profile flags (we always use a fresh profile)
  const ignored = /^--(no-sandbox|disable-gpu-sandbox|disable-updates|skip-welcome|skip-release-notes|disable-workspace-trust|new-window|user-data-dir|extensions-dir)(=|$)/;
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (m && m[1] === 'extensionDevelopmentPath') out.devPaths.push(path.resolve(m[2]));
    else if (m && m[1] === 'extensionTestsPath') out.testsPath = path.resolve(m[2]);
    // VS Code's display language (`code --locale zh-cn`): code-server takes the same flag
    else if (m && m[1] === 'locale') out.locale = m[2];
    // a VSIX to install before the workbench starts (a language pack, for --locale)
    else if (m && m[1] === 'install-extension') out.installs.push(path.resolve(m[2]));
    else if (ignored.test(arg)) continue;
    else if (arg.startsWith('-')) log(`ignoring ${arg} (not supported with code-server)`);
    else out.folders.push(path.resolve(arg));
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || args.devPaths.length === 0) {
    log('usage: code-shim.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
    return 2;
  }
  if (args.folders.length > 1) log(`opening only the first folder of ${args.folders.join(', ')}`);
  const codeServer = findCodeServer();
  if (!codeServer) {
    log(`code-server ${CODE_SERVER_VERSION} not found (set CODE_SERVER_BIN or CODE_SERVER_HOME); install it with: bash .ci/install-code-server.sh`);
    return 2;
  }
  const chromiumBin = findChromium();
  if (!chromiumBin) {
    log('chromium not found (set CHROMIUM_BIN); install it with: bash .ci/install-code-server.sh');
    return 2;
  }
  const { chromium } = require('playwright-core');
  const timeoutMs = Number(process.env.SHIM_TIMEOUT_MS || 300000);

  // fresh profile for every run
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-run-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const browserDir = path.join(runDir, 'browser');
  // code-server, its extension host and Chromium leave sockets and folders in TMPDIR: keep them in the run's folder
  const tmpDir = path.join(runDir, 'tmp');
  fs.mkdirSync(tmpDir);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (args.installs.length > 0) installExtensions(codeServer, args.installs, runDir, userDataDir, extensionsDir);
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none', // no walkthrough / welcome page
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off', // --disable-telemetry alone still lets the 1DS client look up its host
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'git.enabled': false,
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );
  // a config file of our own: without --config code-server writes one into the user's home
  const configFile = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const serverLog = path.join(runDir, 'code-server.log');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFd = fs.openSync(serverLog, 'a');
  const server = spawn(
    codeServer,
    [
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...(args.locale ? ['--locale', args.locale] : []),
    ],
    {
      stdio: ['ignore', logFd, logFd],
      // EXTENSIONS_GALLERY={} turns the extension gallery (and its lookups) off
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: tmpDir },
      detached: true, // its own process group, ended as a whole below
    },
  );
  fs.closeSync(logFd);
  let serverExited = false;
  server.on('exit', () => (serverExited = true));

  let browser;
  let exitCode = 1;
  const killServerGroup = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  // If runTests() (or a person) interrupts us, end the run the normal way (below) and leave nothing behind.
  let interrupted = false;
  let finish = () => {};
  const onSignal = (sig) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${sig}: stopping`);
    killServerGroup(); // also ends the startup wait below
    finish(`interrupted by ${sig}`);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  try {
    // The workbench configuration names the remote authority that vscode-remote:// URIs must use.
    const remoteAuthority = await waitForWorkbench(base, () => serverExited, serverLog);
    const remote = (p) => `vscode-remote://${remoteAuthority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [
      ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.testsPath)],
    ];
    const folder = args.folders[0];
    const where = !folder ? 'ew=true' : `${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
    const url = `${base}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launchPersistentContext(browserDir, {
      executablePath: chromiumBin,
      headless: true,
      env: { ...process.env, TMPDIR: tmpDir },
      // signals are handled above; playwright's own handlers would exit before the cleanup below
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-default-apps',
      ],
    });
    const page = browser.pages()[0] || (await browser.newPage());

    const finished = new Promise((resolve) => (finish = resolve));
    if (interrupted) finish('interrupted');
    // Workbench chatter that says nothing about the tests.
    const noise = /^(Ignoring fetching additional builtin|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host agent|\[Extension Host\] Extension host \()/;
    const verbose = process.env.SHIM_VERBOSE === '1';
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (!verbose && noise.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (e) => process.stderr.write(`[workbench error] ${e.message}\n`));
    page.on('crash', () => finish('the workbench page crashed'));
    server.on('exit', (code, signal) => finish(`code-server exited (${code ?? signal})`));
    if (serverExited) finish('code-server exited');

    await page.goto(url);
    const timer = setTimeout(() => finish(`no result from the workbench within ${timeoutMs} ms`), timeoutMs);
    const result = await finished;
    clearTimeout(timer);
    if (typeof result === 'number') exitCode = result;
    else log(result);

    if (process.env.SHIM_SCREENSHOT) await page.screenshot({ path: process.env.SHIM_SCREENSHOT }).catch(() => {});
  } catch (e) {
    if (!interrupted) log(e && e.stack ? e.stack : String(e));
  } finally {
    if (browser) await browser.close().catch(() => {});
    browser = undefined;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 20 && groupAlive(server.pid); i++) await delay(100);
    killServerGroup();
  }
  if (interrupted) {
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
    return 130;
  }
  if (exitCode === 0 && process.env.SHIM_KEEP !== '1') fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  else log(`kept ${runDir} (code-server log: ${serverLog})`);
  return exitCode;
}

/**
 * Installs VSIX files into the run's extensions dir with code-server's own CLI, then records the language packs
 * among them in the user data dir's languagepacks.json.
 *
 * Why the second step: VS Code shows a display language (`--locale`) only when a language pack for it is
 * installed; it finds them in <user-data-dir>/languagepacks.json, which its language-pack service rewrites after
 * each install (vs/platform/languagePacks/node/languagePacks.ts, LanguagePacksCache.update). code-server's
 * `--install-extension` installs the extension but runs without that service (it is registered lazily and never
 * created there), and the server does not rescan at start; so without this file `--locale zh-cn` falls back to
 * English. This writes the entries as LanguagePacksCache.update does: per languageId, the extensions, the
 * translation files, an md5 of id + version as the cache hash, and the label.
 */
function installExtensions(codeServer, vsixFiles, runDir, userDataDir, extensionsDir) {
  const { spawnSync } = require('child_process');
  const configFile = path.join(runDir, 'code-server-cli.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  for (const vsix of vsixFiles) {
    const result = spawnSync(codeServer, ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
      timeout: 120000,
    });
    if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}${result.stderr}`);
  }
  const crypto = require('crypto');
  const packs = {};
  for (const entry of fs.readdirSync(extensionsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const location = path.join(extensionsDir, entry.name);
    let manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(location, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const localization of manifest.contributes?.localizations ?? []) {
      const pack = (packs[localization.languageId] ??= { hash: '', extensions: [], translations: {}, label: localization.localizedLanguageName ?? localization.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const translation of localization.translations ?? []) pack.translations[translation.id] = path.join(location, translation.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const hash = crypto.createHash('md5');
    for (const extension of pack.extensions) hash.update(extension.extensionIdentifier.id).update(extension.version);
    pack.hash = hash.digest('hex');
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** Whether any process of the process group led by pid is still alive. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      log(e && e.stack ? e.stack : String(e));
      process.exit(1);
    },
  );
}
