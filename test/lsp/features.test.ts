import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
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
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  template:
    spec:
      containers:
      - name: pi
        image: perl
      restartPolicy: 
`;

let client: TestClient;
let diagnostics: Diagnostic[];
const uri = 'file:///work/features.yaml';
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

test('completion offers the enum values of restartPolicy', async () => {
  const items = (await withTimeout(
    client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 11, character: 21 } }),
    'completion',
  )) as CompletionItem[];
  assert.deepEqual(items.map((i) => i.label), ['Always', 'Never', 'OnFailure']);
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

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/15 * * * *"
  timeZone: Asia/Shanghai
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
`;

test('hover on a schedule: description, next runs in the CronJob zone and in UTC', async () => {
  const cronUri = 'file:///work/cron.yaml';
  const opened = client.nextDiagnostics(cronUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cronUri, languageId: 'yaml', version: 1, text: CRON } });
  await opened;
  const hover = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: cronUri }, position: { line: 5, character: 15 } }), 'hover');
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /^\*\*Every 15 minutes\*\* · `\\\*\/15 \\\* \\\* \\\* \\\*`/);
  assert.match(value, /\| Next runs \| Asia\/Shanghai \| UTC \|/);
  // Five rows, each a local time with its offset and the same instant in UTC.
  assert.equal(value.match(/^\| \d \| \d{4}-\d\d-\d\d \d\d:(00|15|30|45) \(\+08:00\) \| \d{4}-\d\d-\d\dT\d\d:(00|15|30|45):00Z \|$/gm)?.length, 5);

  const lenses = await withTimeout(client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: cronUri } }), 'code lenses');
  const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
  assert.equal(titles[0], '$(play) Preview CronJob');
  assert.match(titles[1], /^Every 15 minutes · next \d\d:(00|15|30|45) Asia\/Shanghai$/);
  assert.deepEqual(lenses?.[1].range.start, { line: 1, character: 0 });
});
