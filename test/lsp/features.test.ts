import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CompletionRequest, DidOpenTextDocumentNotification, HoverRequest, type CompletionItem, type MarkupContent } from 'vscode-languageserver-protocol/node';
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
const uri = 'file:///work/features.yaml';
before(async () => {
  client = await startStdioServer();
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: JOB } });
  await opened;
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
