import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { piJob, SHANGHAI_CRON } from '../fixtures/manifests';
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

const JOB = piJob('      restartPolicy: \n', '  backoffLimit: 4\n');

let client: TestClient;
let diagnostics: Diagnostic[];
const uri = 'file:///project/features.yaml';
before(async () => {
  client = await startStdioServer();
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: JOB } });
  diagnostics = (await opened).diagnostics;
});
after(async () => {
  await client.close();
});

test('hover on a field shows a kubectl explain card with type, default and description', async () => {
  const hover = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } }), 'hover');
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /^\*\*backoffLimit\*\* · `integer` · default `6`/);
  assert.match(value, /`Job\.spec\.backoffLimit`/);
  assert.match(value, /number of retries/);
  assert.deepEqual(hover?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 14 } });
});

test("hover on a Job's restartPolicy says what the API server accepts for a Job: OnFailure or Never, required", async () => {
  const hover = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 8 } }), 'hover');
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /^\*\*restartPolicy\*\* · `string` · required\n/);
  assert.match(value, /Values: `OnFailure`, `Never`\n/);
  assert.doesNotMatch(value, /default `Always`/);
});

test("completion offers the restartPolicy values a Job's pods may take", async () => {
  const items = (await withTimeout(
    client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 11, character: 21 } }),
    'completion',
  )) as CompletionItem[];
  assert.deepEqual(items.map((i) => i.label), ['OnFailure', 'Never']);
});

test('the restartPolicy diagnostic offers two quick fixes with their edits', async () => {
  const [diagnostic] = diagnostics;
  const actions = (await withTimeout(
    client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
    'code actions',
  )) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.edit?.changes?.[uri]?.map((e) => e.newText)]),
    [
      ['Set restartPolicy to OnFailure', 'quickfix', [': OnFailure']],
      ['Set restartPolicy to Never', 'quickfix', [': Never']],
    ],
  );
});

test('hover on a schedule: description, next runs in the CronJob zone and in UTC', async () => {
  const cronUri = 'file:///project/cron.yaml';
  const opened = client.nextDiagnostics(cronUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cronUri, languageId: 'yaml', version: 1, text: SHANGHAI_CRON } });
  await opened;
  const hover = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: cronUri }, position: { line: 5, character: 15 } }), 'hover');
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /^\*\*Every 15 minutes\*\* · `\*\/15 \* \* \* \*`\n/);
  assert.match(value, /\| Next runs \| Asia\/Shanghai \| UTC \|/);
  // Five rows, each a local time with its offset and the same instant in UTC.
  assert.equal(value.match(/^\| \d \| \d{4}-\d\d-\d\d \d\d:(00|15|30|45) \(\+08:00\) \| \d{4}-\d\d-\d\dT\d\d:(00|15|30|45):00Z \|$/gm)?.length, 5);

  const lenses = await withTimeout(client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: cronUri } }), 'code lenses');
  const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
  assert.equal(titles[0], '$(play) Preview CronJob');
  assert.match(titles[1], /^Every 15 minutes · next \d\d:(00|15|30|45) Asia\/Shanghai$/);
  assert.deepEqual(lenses?.[1].range.start, { line: 1, character: 0 });
});

test('k8sDryRun/simulate answers with the timeline of the first workload, or says why not', async () => {
  const simUri = 'file:///project/paral.yaml';
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: paral-1\nspec:\n  completions: 8\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: param\n        image: ubuntu\n`;
  const opened = client.nextDiagnostics(simUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: simUri, languageId: 'yaml', version: 1, text } });
  await opened;
  const result = await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri: simUri }), 'simulate');
  const timeline = (result as { timeline: { object: unknown; pods: { createdAt: number }[] } }).timeline;
  assert.deepEqual(timeline.object, { kind: 'Job', name: 'paral-1', namespace: 'default' });
  // 8 pods in 4 waves of 2 (30 s pods by default).
  assert.deepEqual([...new Set(timeline.pods.map((p) => p.createdAt))].length, 4);
  assert.equal(timeline.pods.length, 8);
  assert.deepEqual(await client.connection.sendRequest('k8sDryRun/simulate', { uri: simUri, documentIndex: 0 }), {
    error: 'Document 0 (counted from 0) is a ConfigMap: only Jobs, CronJobs, DaemonSets, Deployments, ReplicaSets and StatefulSets can be simulated.',
  });
});

test('k8sDryRun/simulate can be cancelled while it runs', async () => {
  const bigUri = 'file:///project/big.yaml';
  const text = `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 2000000\n  parallelism: 1000\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n`;
  const opened = client.nextDiagnostics(bigUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text } });
  await opened;
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest('k8sDryRun/simulate', { uri: bigUri }, source.token);
  source.cancel();
  assert.deepEqual(await withTimeout(pending, 'cancelled simulate'), { error: 'Simulation cancelled.' });
});
