import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticSeverity,
} from 'vscode-languageserver-protocol/node';
import { piJob } from '../fixtures/manifests';
import { startStdioServer, type TestClient } from './lspClient';

const JOB = piJob('      restartPolicy: Always\n', '  ttlSecondsAfterFinished: 600\n');
const REQUIRED = 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"';

let client: TestClient;
before(async () => {
  client = await startStdioServer();
});
after(async () => {
  await client.close();
});

async function open(uri: string, text: string, version = 1): Promise<void> {
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
}

test('a generic LSP client over --stdio gets the restartPolicy error for a Job', async () => {
  const uri = 'file:///project/job.yaml';
  const published = client.nextDiagnostics(uri);
  await open(uri, JOB);
  const { diagnostics } = await published;
  assert.deepEqual(
    diagnostics.map((d) => ({ message: d.message, code: d.code, source: d.source, severity: d.severity, range: d.range })),
    [
      {
        message: REQUIRED,
        code: 'job-restart-policy',
        source: 'k8s-dryrun',
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 11, character: 21 }, end: { line: 11, character: 27 } },
      },
    ],
  );
});

test('an incremental change re-lints: fixing the value clears the error, closing clears the problems', async () => {
  const uri = 'file:///project/change.yaml';
  const first = client.nextDiagnostics(uri);
  await open(uri, JOB);
  assert.equal((await first).diagnostics.length, 1);

  const fixed = client.nextDiagnostics(uri, (p) => p.version === 2);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 11, character: 21 }, end: { line: 11, character: 27 } }, text: 'Never' }],
  });
  assert.deepEqual((await fixed).diagnostics, []);

  const broken = client.nextDiagnostics(uri, (p) => p.version === 3);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 11, character: 21 }, end: { line: 11, character: 26 } }, text: 'Sometimes' }],
  });
  assert.deepEqual(
    (await broken).diagnostics.map((d) => d.message),
    // validateRestartPolicy (core) and validateJobSpec (batch) both report a bogus value, as upstream does.
    [
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
  );

  const closed = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  assert.deepEqual((await closed).diagnostics, []);
});

test('multi-document files: each finding is on the line of its own document', async () => {
  const uri = 'file:///project/multi.yaml';
  const published = client.nextDiagnostics(uri);
  await open(uri, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\n${JOB}---\n${JOB.replace('Always', 'Never')}---\n${JOB}`);
  const { diagnostics } = await published;
  assert.deepEqual(
    diagnostics.map((d) => [d.range.start.line, d.message]),
    [
      [16, REQUIRED],
      [42, REQUIRED],
    ],
  );
});

test('a YAML syntax error is reported at its line, and the server keeps serving', async () => {
  const uri = 'file:///project/broken.yaml';
  const published = client.nextDiagnostics(uri);
  await open(uri, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: [unclosed\n');
  const { diagnostics } = await published;
  assert.ok(diagnostics.length > 0);
  assert.equal(diagnostics[0].code, 'yaml-syntax');

  const next = 'file:///project/after.yaml';
  const after = client.nextDiagnostics(next);
  await open(next, JOB);
  assert.equal((await after).diagnostics[0].message, REQUIRED);
});

test('initializationOptions set the Kubernetes version for editors without workspace/configuration', async () => {
  const old = await startStdioServer({ kubernetesVersion: '1.24' });
  try {
    const uri = 'file:///project/cron.yaml';
    const published = old.nextDiagnostics(uri);
    await old.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{ name: c, image: busybox }]\n',
      },
    });
    assert.deepEqual((await published).diagnostics, []);
  } finally {
    await old.close();
  }
});
