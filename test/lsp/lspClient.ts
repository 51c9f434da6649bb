/**
 * A generic LSP client for tests: talks JSON-RPC to the real server, either the built dist/server.js
 * over --stdio (what Neovim, Helix or Emacs do) or an in-process connection over PassThrough streams.
 * Waits are promises raced against a timeout; nothing sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = resolve(__dirname, '../../..');

export interface TestClient {
  readonly connection: ProtocolConnection;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  nextDiagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stderr(): string;
  close(): Promise<void>;
}

const TIMEOUT_MS = 10_000;

/** `ms`: longer for requests that are long by design (a 20,000-pod run), so a busy machine does not fail them. */
export function withTimeout<T>(promise: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function clientOver(connection: ProtocolConnection, stderr: () => string, dispose: () => Promise<void>): TestClient {
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  // Listen before anything is sent, so no notification can be missed.
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiters.findIndex((w) => w.uri === params.uri && w.accept(params));
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params);
  });
  connection.listen();
  return {
    connection,
    nextDiagnostics: (uri, accept = () => true) =>
      withTimeout(new Promise((resolve) => waiters.push({ uri, accept, resolve })), `diagnostics for ${uri}`),
    stderr,
    close: dispose,
  };
}

/** Starts `node dist/server.js --stdio` and performs the initialize handshake (`locale`: the editor's display language, as VS Code sends it). */
export async function startStdioServer(initializationOptions?: unknown, capabilities: ClientCapabilities = {}, locale?: string): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [resolve(REPO_ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = clientOver(connection, () => stderr, async () => {
    connection.dispose();
    child.kill();
  });
  await withTimeout(
    connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions, ...(locale !== undefined ? { locale } : {}) }),
    'initialize',
  );
  await connection.sendNotification(InitializedNotification.type, {});
  return client;
}

/** Two ends of an in-process LSP connection: the server end is handed to `startServer`. */
export function inProcessPair<ServerEnd>(startServer: (input: PassThrough, output: PassThrough) => ServerEnd): { client: TestClient; server: ServerEnd } {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = startServer(up, down);
  const connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const client = clientOver(connection, () => '', async () => connection.dispose());
  return { client, server };
}
