import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DidOpenTextDocumentNotification, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { helloCronJob } from '../fixtures/manifests';
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

let client: TestClient;
const progress: ProgressValue[] = [];
before(async () => {
  // A client that shows progress bars (as VS Code does): the server may create them.
  client = await startStdioServer(undefined, { window: { workDoneProgress: true } });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (params: { value: ProgressValue }) => {
    progress.push(params.value);
  });
});
after(async () => {
  await client.close();
});

test('a long k8sDryRun/simulate reports progress: begin, percentages that only grow with the simulated time, end', async () => {
  const uri = 'file:///project/every-minute.yaml';
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: helloCronJob('  schedule: "*/1 * * * *"\n  concurrencyPolicy: Forbid\n') },
  });
  await opened;
  // Every minute for 30 days: the editor's pod bound (20,000) stops it after about two weeks.
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '30d', pods: { default: { runSeconds: 10 } } };
  const result = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri, scenario }), 'simulate', 60_000)) as { timeline: { truncated: boolean; pods: unknown[] } };
  assert.equal(result.timeline.truncated, true);
  assert.equal(result.timeline.pods.length, 20_000);

  assert.deepEqual(progress[0], { kind: 'begin', title: 'Simulating CronJob hello', percentage: 0, cancellable: true });
  assert.equal(progress.at(-1)?.kind, 'end');
  const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
  assert.ok(reports.length >= 1, JSON.stringify(progress));
  for (const report of reports) {
    assert.match(report.message ?? '', /^\+\S+ simulated, [\d,]+ pods$/);
    assert.ok(report.percentage !== undefined && report.percentage > 0 && report.percentage < 100, JSON.stringify(report));
  }
  const percentages = reports.map((r) => r.percentage ?? 0);
  assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b));
});
