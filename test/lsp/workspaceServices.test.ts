/**
 * statefulset-service-not-found in the editor: the headless Service of an open StatefulSet may sit in another
 * YAML file of the workspace folder, on disk or open (then its text as typed counts), and the warning follows it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, withTimeout } from './lspClient';

const SEED = readFileSync(join(REPO_ROOT, 'test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
const SET = SEED.slice(0, SEED.indexOf('---\n'));
const SERVICE = SEED.slice(SEED.indexOf('---\n') + 4);
const RULE = 'statefulset-service-not-found';

const folder = mkdtempSync(join(tmpdir(), 'k8s-dryrun-folder-'));
const servicePath = join(folder, 'nginx-service.yaml');
writeFileSync(servicePath, SERVICE);
const setUri = pathToFileURL(join(folder, 'web', 'statefulset.yaml')).href;
const serviceUri = pathToFileURL(servicePath).href;

let connection: ProtocolConnection;
let stop: () => void;
const waiters: { accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

/** The next diagnostics for the StatefulSet's file that satisfy `accept`. */
function setDiagnostics(accept: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
  return withTimeout(new Promise((resolve) => waiters.push({ accept, resolve })), what);
}
const warned = (p: PublishDiagnosticsParams): string[] => p.diagnostics.filter((d) => d.code === RULE).map((d) => String(d.message).split('\n')[0]);

before(async () => {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== setUri) return;
    const index = waiters.findIndex((w) => w.accept(params));
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params);
  });
  connection.listen();
  stop = () => {
    connection.dispose();
    child.kill();
  };
  const folderUri = pathToFileURL(folder).href;
  await withTimeout(
    connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'app' }], capabilities: {} }),
    'initialize',
  );
  await connection.sendNotification(InitializedNotification.type, {});
});
after(() => {
  stop();
  rmSync(folder, { recursive: true, force: true });
});

test('the headless Service in another file of the workspace folder is found: no warning on the open StatefulSet', async () => {
  const clean = setDiagnostics((p) => warned(p).length === 0, 'diagnostics without the warning');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: setUri, languageId: 'yaml', version: 1, text: SET } });
  await clean;
});

test('opening the Service and removing its clusterIP warns on the StatefulSet; closing it unsaved counts the disk again', async () => {
  const notHeadless = setDiagnostics((p) => warned(p).length === 1, 'the warning');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: serviceUri, languageId: 'yaml', version: 1, text: SERVICE } });
  const line = SERVICE.split('\n').indexOf('  clusterIP: None');
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: serviceUri, version: 2 },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
  });
  assert.deepEqual(warned(await notHeadless), [
    'spec.serviceName: the Service "nginx" is not headless (its spec.clusterIP is not set (a cluster IP is allocated), not "None"): it balances traffic over the pods but gives them no names of their own. Set clusterIP: None on it (a new Service: the field cannot be changed later), or point serviceName at a headless one.',
  ]);
  const clean = setDiagnostics((p) => warned(p).length === 0, 'the warning gone');
  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: serviceUri } });
  await clean;
});

test('the Service file deleted on disk (the client watcher says so): the StatefulSet is warned', async () => {
  const missing = setDiagnostics((p) => warned(p).length === 1, 'the warning');
  unlinkSync(servicePath);
  await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: serviceUri, type: FileChangeType.Deleted }] });
  assert.match(warned(await missing)[0], /^spec\.serviceName: no Service named "nginx" among the manifests checked with this StatefulSet/);
  const found = setDiagnostics((p) => warned(p).length === 0, 'the warning gone');
  writeFileSync(servicePath, SERVICE);
  await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: serviceUri, type: FileChangeType.Created }] });
  await found;
});
