import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
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
