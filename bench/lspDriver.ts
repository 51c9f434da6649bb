/**
 * Drives the language server as an editor does, over stdio, and times its diagnostics. Black-box: it only
 * speaks LSP to `node dist/server.js --stdio`, so it measures whatever the server does inside. Modelled on
 * the shared lsp-bench tool, so its figures compare with those measured for other YAML servers:
 *
 *  1. a fresh server per file: initialize (with workspace/configuration) → initialized →
 *     workspace/didChangeConfiguration, then 300 ms for the settings to settle;
 *  2. open: textDocument/didOpen of the whole file → the first publishDiagnostics for it;
 *  3. edits: one-character incremental didChange near the middle of the file (insert "x" at the end of a
 *     plain scalar value, then delete it, alternately) → the publishDiagnostics of that version;
 *  4. a burst: `burst` such edits written back to back, as fast typing sends them → the diagnostics of the
 *     last version (a server that lints every version in turn builds a backlog here);
 *  5. the server's peak resident memory (VmHWM from /proc/PID/status) and CPU time (/proc/PID/stat).
 *
 * Times are the client's wall clock from just before the notification is written to the diagnostics'
 * arrival. CPU times are steadier than wall clock when other processes share the machine.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface LspBenchOptions {
  /** The server's entry point, started as `node <server> --stdio`. */
  readonly server: string;
  /** The most one-character edits to time. */
  readonly edits: number;
  /** After this many milliseconds of edits, stop at the next edit (at least two are always timed). */
  readonly editBudgetMs: number;
  /** Edits in the burst (an even number leaves the text as it was); 0: no burst. */
  readonly burst: number;
  /** How long to wait for any one publishDiagnostics before giving up on the file. */
  readonly timeoutMs: number;
}

export interface LspBenchResult {
  /** didOpen → its first publishDiagnostics. */
  readonly openMs: number;
  readonly openCpuMs: number;
  /** One entry per edit: didChange → the publishDiagnostics of that version. */
  readonly editMs: number[];
  readonly editCpuMs: number[];
  /** The burst's last edit → the diagnostics of its version; undefined without a burst. */
  readonly burstMs?: number;
  /** Server CPU time from the burst's first edit to those diagnostics. */
  readonly burstCpuMs?: number;
  /** 0-based line the edits were made on. */
  readonly editLine: number;
  /** Diagnostics published for the opened file. */
  readonly diagnostics: number;
  /** VmHWM: the server's peak resident set over its life (start, open, edits). */
  readonly peakRssMB: number;
  /** Whatever the server wrote to stderr (the last 500 characters), when it wrote something. */
  readonly stderr?: string;
}

/** A plain scalar value at the end of its line: appending a character keeps the YAML's structure. */
const EDITABLE_LINE = /^\s*(- )?(name|value|image|description): [A-Za-z0-9][^'"#]*$/;

/** The first editable line at or after the middle of the text, and the column at its end. */
export function editPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (EDITABLE_LINE.test(lines[line])) return { line, character: lines[line].length };
  }
  for (let line = 0; line < lines.length; line++) {
    if (EDITABLE_LINE.test(lines[line])) return { line, character: lines[line].length };
  }
  throw new Error('no line with a plain scalar value (name:, value:, image: or description:) to edit');
}

/** VmHWM (peak resident set) in MB; NaN where /proc is not available. */
function peakRssMB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time in ms (utime + stime, in clock ticks of 10 ms); NaN where /proc is not available. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Opens `text` as `uri` in a fresh server, edits it, and returns the timings. */
export async function benchLanguageServer(uri: string, text: string, options: LspBenchOptions): Promise<LspBenchResult> {
  const child = spawn(process.execPath, [options.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.server}`);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-500)));
  let exited: string | undefined;
  const waiters: { accept: (p: PublishDiagnosticsParams) => boolean; resolve: (at: number, p: PublishDiagnosticsParams) => void; fail: (e: Error) => void }[] = [];
  const onExit: ((error: Error) => void)[] = [];
  child.on('exit', (code, signal) => {
    exited = `the server exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`;
    for (const w of waiters.splice(0)) w.fail(new Error(exited));
    for (const fail of onExit.splice(0)) fail(new Error(exited));
  });
  /** `promise`, or an error when the server exits or `timeoutMs` passes first. */
  const guarded = <T>(promise: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      if (exited) return reject(new Error(exited));
      onExit.push(reject);
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    });
    return Promise.race([promise, failure]).finally(() => clearTimeout(timer));
  };

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    const index = waiters.findIndex((w) => w.accept(params));
    if (index >= 0) waiters.splice(index, 1)[0].resolve(at, params);
  });
  // Settings as VS Code sends them for `k8sDryRun` (defaults); anything else the server asks for is unknown.
  const settings = { k8sDryRun: { kubernetesVersion: '', controllerTimeZone: 'UTC', disabledRules: [] } };
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === undefined ? settings : (settings as Record<string, unknown>)[item.section] ?? null)),
  );
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh']) {
    connection.onRequest(method, () => null);
  }
  for (const method of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/progress']) connection.onNotification(method, () => undefined);
  connection.listen();

  /** The next diagnostics for `uri` of `version` (or of any version when the server does not say). */
  const diagnosticsOf = (version: number): Promise<{ at: number; params: PublishDiagnosticsParams }> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error(exited));
      const timer = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new Error(`no diagnostics for version ${version} within ${options.timeoutMs / 1000} s`));
      }, options.timeoutMs);
      const waiter = {
        accept: (p: PublishDiagnosticsParams) => p.uri === uri && (p.version === undefined || p.version === version),
        resolve: (at: number, params: PublishDiagnosticsParams) => {
          clearTimeout(timer);
          resolve({ at, params });
        },
        fail: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.push(waiter);
    });

  try {
    await guarded(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { synchronization: { dynamicRegistration: true, didSave: true }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    }), 'initialize');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    await new Promise((resolve) => setTimeout(resolve, 300));

    let version = 1;
    let cpu = cpuMs(pid);
    let published = diagnosticsOf(version);
    let sent = performance.now();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    const opened = await published;
    const openMs = opened.at - sent;
    const openCpuMs = cpuMs(pid) - cpu;

    const { line, character } = editPosition(text);
    const change = (e: number): TextDocumentContentChangeEvent =>
      e % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, rangeLength: 0, text: 'x' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, rangeLength: 1, text: '' };
    const editMs: number[] = [];
    const editCpuMs: number[] = [];
    const editsStarted = performance.now();
    for (let e = 0; e < options.edits; e++) {
      if (e >= 2 && performance.now() - editsStarted > options.editBudgetMs) break;
      cpu = cpuMs(pid);
      published = diagnosticsOf(++version);
      sent = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change(e)] });
      const edited = await published;
      editMs.push(edited.at - sent);
      editCpuMs.push(cpuMs(pid) - cpu);
    }
    // The edits above alternate insert and delete; the burst starts with an insert whatever their count.
    if (editMs.length % 2 === 1) {
      published = diagnosticsOf(++version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change(1)] });
      await published;
    }
    let burstMs: number | undefined;
    let burstCpuMs: number | undefined;
    if (options.burst > 0) {
      cpu = cpuMs(pid);
      published = diagnosticsOf(version + options.burst);
      for (let e = 0; e < options.burst; e++) {
        sent = performance.now();
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [change(e)] });
      }
      burstMs = (await published).at - sent;
      burstCpuMs = cpuMs(pid) - cpu;
    }
    return {
      openMs,
      openCpuMs,
      editMs,
      editCpuMs,
      ...(burstMs === undefined ? {} : { burstMs, burstCpuMs }),
      editLine: line,
      diagnostics: opened.params.diagnostics.length,
      peakRssMB: peakRssMB(pid),
      ...(stderr.trim() ? { stderr: stderr.trim() } : {}),
    };
  } finally {
    await shutDown();
  }

  async function shutDown(): Promise<void> {
    if (!exited) {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // The server is gone or stuck: it is killed below.
      }
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    if (child.exitCode === null && child.signalCode === null) child.kill();
    connection.dispose();
  }
}
