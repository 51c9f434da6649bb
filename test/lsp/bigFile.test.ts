/**
 * A file of many documents over stdio: opening it lints on two threads, typing re-lints one document, and
 * what is published is always what the CLI's lint finds in the same text.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/core';
import { startStdioServer, type TestClient } from './lspClient';

/** 500 documents, about 300,000 characters: above the size that is linted on the lint thread too. */
const job = (i: number) => `apiVersion: batch/v1
kind: Job
metadata:
  name: job-${i}
  labels: { app: batch, index: "${i}" }
spec:
  backoffLimit: ${i % 7 === 0 ? -1 : 4}
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: ${i % 5 === 0 ? 'Always' : 'Never'}
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo working on item ${i}; sleep 5"]
        resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
        env:
        - { name: ITEM, value: "${i}" }
        - { name: QUEUE, value: "amqp://guest:guest@rabbitmq-service:5672" }
`;
const TEXT = Array.from({ length: 500 }, (_, i) => job(i)).join('---\n');

let client: TestClient;
before(async () => {
  client = await startStdioServer();
});
after(async () => {
  await client.close();
});

const summary = (items: readonly { range: { start: { line: number; character: number } }; message: unknown }[]) =>
  items.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.message)}`);

const expected = (text: string) => summary(lint(text).findings.map((f) => ({ range: f.range, message: f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message })));

test('a 500-document file gets the same problems as the CLI finds, and an edit moves only what follows it', async () => {
  assert.ok(TEXT.length > 250_000);
  const uri = 'file:///project/rendered-chart.yaml';
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
  const first = (await opened).diagnostics;
  // Every fifth Job has restartPolicy Always, every seventh a negative backoffLimit.
  assert.equal(first.length, 100 + 72);
  assert.deepEqual(summary(first), expected(TEXT));

  // A line inserted in document 200 moves the problems after it one line down, and only those.
  const line = TEXT.split('\n').findIndex((l) => l === '  name: job-200');
  const edited = client.nextDiagnostics(uri, (p) => p.version === 2);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '  namespace: batch\n' }],
  });
  const lines = TEXT.split('\n');
  lines.splice(line, 0, '  namespace: batch');
  assert.deepEqual(summary((await edited).diagnostics), expected(lines.join('\n')));

  // Typing `Always` over the first `Never` adds one problem there.
  const never = lines.findIndex((l) => l.endsWith('restartPolicy: Never'));
  const typed = client.nextDiagnostics(uri, (p) => p.version === 3);
  const column = lines[never].indexOf('Never');
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: never, character: column }, end: { line: never, character: column + 5 } }, text: 'Always' }],
  });
  lines[never] = lines[never].replace('Never', 'Always');
  const after3 = (await typed).diagnostics;
  assert.equal(after3.length, first.length + 1);
  assert.deepEqual(summary(after3), expected(lines.join('\n')));
});

test('a burst of typing in a big file ends with the problems of the last version', async () => {
  const uri = 'file:///project/burst.yaml';
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
  await opened;
  // Type "Always" over document 1's "Never", one character at a time, without waiting for any answer.
  const lines = TEXT.split('\n');
  const line = lines.findIndex((l) => l.endsWith('restartPolicy: Never'));
  const column = lines[line].indexOf('Never');
  const edits: { character: number; remove: number; text: string }[] = [{ character: column, remove: 5, text: '' }];
  for (const [i, letter] of [...'Always'].entries()) edits.push({ character: column + i, remove: 0, text: letter });
  const last = client.nextDiagnostics(uri, (p) => p.version === edits.length + 1);
  await Promise.all(
    edits.map((edit, i) =>
      client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: { line, character: edit.character }, end: { line, character: edit.character + edit.remove } }, text: edit.text }],
      }),
    ),
  );
  lines[line] = lines[line].replace('Never', 'Always');
  assert.deepEqual(summary((await last).diagnostics), expected(lines.join('\n')));
});
