// Starts code-server (VS Code's server and web workbench) for the workbench UI tests, and ends it with
// everything it started. It runs in its own process group: ending code-server alone would leave its file
// watcher and extension host (with our language server) running, so the whole group is ended.
// Finding the executables is shared with test/vscode/code-shim.js, which the VS Code suites use.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// compiled to out/test/ui/workbench/
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface ShimExports {
  findCodeServer(): string | undefined;
  findChromium(): string | undefined;
  freePort(): Promise<number>;
  waitForWorkbench(base: string, exited: () => boolean, serverLog: string): Promise<string>;
  installExtensions(codeServer: string, vsixFiles: readonly string[], runDir: string, userDataDir: string, extensionsDir: string): void;
  CODE_SERVER_VERSION: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS file outside the compiled tree
const shim = require(path.join(REPO_ROOT, 'test', 'vscode', 'code-shim.js')) as ShimExports;

export const findChromium = shim.findChromium;

/** Settings for a fresh profile: no walkthrough that swallows clicks, no telemetry or update look-ups. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off', // --disable-telemetry alone still lets the 1DS client look up its host
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  // screenshots show what matters: no minimap beside the manifest, no chat or "what's new" popups
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServer {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** The authority `vscode-remote://` URIs must use (read from the workbench page). */
  readonly remoteAuthority: string;
  readonly log: string;
  /** Ends code-server's whole process group; resolves when no process of it is left. */
  stop(): Promise<void>;
  /** Kills the group at once (synchronous: for an exit or signal handler). */
  kill(): void;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface CodeServerOptions {
  /** VS Code's display language (`--locale`), e.g. `zh-cn`; it needs a language pack for it in `install`. */
  readonly locale?: string;
  /** VSIX files installed before code-server starts (code-shim.js, installExtensions). */
  readonly install?: readonly string[];
}

/** Starts code-server with a fresh profile under `runDir` and waits until it answers. */
export async function startCodeServer(runDir: string, options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = shim.findCodeServer();
  if (!bin) {
    throw new Error(
      `code-server ${shim.CODE_SERVER_VERSION} not found (set CODE_SERVER_BIN or CODE_SERVER_HOME); install it with: bash .ci/install-code-server.sh`,
    );
  }
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  // its sockets and the extension host's temporary files stay in the run's folder
  const tmpDir = path.join(runDir, 'tmp');
  for (const dir of [path.join(userDataDir, 'User'), extensionsDir, tmpDir]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  if (options.install && options.install.length > 0) shim.installExtensions(bin, options.install, runDir, userDataDir, extensionsDir);
  // without --config, code-server writes a config file into the user's home
  const configFile = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const log = path.join(runDir, 'code-server.log');
  const port = await shim.freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFd = fs.openSync(log, 'a');
  const child: ChildProcess = spawn(
    bin,
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
      ...(options.locale ? ['--locale', options.locale] : []),
    ],
    {
      stdio: ['ignore', logFd, logFd],
      // EXTENSIONS_GALLERY={} turns the extension gallery (and its network look-ups) off
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: tmpDir },
      detached: true, // its own process group, ended as a whole by stop()
    },
  );
  fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start: ${bin}`);
  let exited = false;
  child.on('exit', () => (exited = true));

  const kill = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  const stop = async (): Promise<void> => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    for (let i = 0; i < 30 && groupAlive(pid); i++) await delay(100);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 30 && groupAlive(pid); i++) await delay(100);
  };

  try {
    const remoteAuthority = await shim.waitForWorkbench(base, () => exited, log);
    return { base, remoteAuthority, log, stop, kill };
  } catch (err) {
    await stop();
    throw err;
  }
}
