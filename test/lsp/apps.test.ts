/**
 * A Deployment in the editor: the API server's errors as diagnostics, a Preview lens above it, and a preview
 * request that says plainly the engine cannot run this kind yet (until its controller is replayed).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeLensRequest, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { WORKLOAD_SIMULATORS } from '../../server/src/core';
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

let client: TestClient;
before(async () => {
  client = await startStdioServer();
});
after(async () => {
  await client.close();
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: website
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

test('a Deployment: its errors as diagnostics, a Preview lens, and a clear answer from the preview', async () => {
  const uri = 'file:///project/web-deployment.yaml';
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: DEPLOYMENT } });
  const diagnostics = (await published).diagnostics.filter((d) => d.severity === 1);
  assert.deepEqual(
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`),
    ['11:6 deployment-spec spec.template.metadata.labels: Invalid value: {"app":"website"}: `selector` does not match template `labels`'],
  );

  const lenses = await withTimeout(client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), 'code lenses');
  assert.deepEqual((lenses ?? []).map((l) => [l.range.start.line, l.command?.title]), [[1, '$(play) Preview Deployment']]);

  const result = await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri }), 'simulate');
  if (WORKLOAD_SIMULATORS.Deployment === undefined) {
    assert.ok(typeof result === 'object' && result !== null && 'error' in result, `expected an error, got ${JSON.stringify(result).slice(0, 200)}`);
    assert.match((result as { error: string }).error, /cannot simulate kind "Deployment" yet \(simulated kinds: Job, CronJob, DaemonSet/);
  } else {
    // Once the engine replays the Deployment controller, the invalid manifest is refused with the same error.
    assert.match(JSON.stringify(result), /`selector` does not match template `labels`/);
  }
});
