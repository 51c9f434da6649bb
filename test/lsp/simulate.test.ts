/**
 * k8sDryRun/simulate as the preview uses it: located problems (manifest and scenario file), scenario text and
 * what-if edits, the scenario summary; and scenario files' own diagnostics.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DidOpenTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { SimulateResult, SimulationIssue } from '../../server/src/protocol/protocol';
import { helloCronJob, piJob } from '../fixtures/manifests';
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

let client: TestClient;
before(async () => {
  client = await startStdioServer();
});
after(async () => {
  await client.close();
});

async function open(uri: string, text: string): Promise<Diagnostic[]> {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return (await published).diagnostics;
}

async function simulate(params: Record<string, unknown>): Promise<SimulateResult> {
  return (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', params), 'simulate')) as SimulateResult;
}

function problems(result: SimulateResult): SimulationIssue[] {
  assert.ok('error' in result, `expected problems, got a timeline`);
  return result.problems ?? [];
}

const GOOD_JOB = piJob('      restartPolicy: Never\n');

test('an invalid Job: each error its own issue, worded and placed as in the Problems panel', async () => {
  const uri = 'file:///project/invalid-job.yaml';
  // backoffLimit on line 6, restartPolicy on line 12 (1-based; ranges are 0-based).
  const diagnostics = await open(uri, piJob('      restartPolicy: Always\n', '  backoffLimit: -1\n'));
  const issues = problems(await simulate({ uri }));
  assert.deepEqual(
    issues.map((i) => `${i.source} ${i.uri} ${i.range?.start.line}:${i.range?.start.character} ${i.message}`),
    [
      // The API server's order (validateJobSpec checks backoffLimit before the template) and words.
      `object ${uri} 5:16 spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0`,
      `object ${uri} 11:21 spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`,
    ],
  );
  // The same words and places as the diagnostics.
  const errors = diagnostics.filter((d) => d.severity === 1);
  const key = (message: unknown, range: unknown): string => JSON.stringify([message, range]);
  assert.deepEqual(issues.map((i) => key(i.message, i.range)).sort(), errors.map((d) => key(d.message, d.range)).sort());
  // The one-text form for older clients: one problem a line, no `object:` prefix.
  const result = await simulate({ uri });
  assert.ok('error' in result);
  assert.deepEqual(result.error.split('\n'), issues.map((i) => i.message));
});

test('a scenario text with a bad duration: an issue in the scenario file, at its line', async () => {
  const uri = 'file:///project/pi.yaml';
  await open(uri, GOOD_JOB);
  const scenarioUri = 'file:///project/pi.scenario.yaml';
  const scenarioText = 'until: 30m\npods:\n  default:\n    runSeconds: 10 seconds\n';
  const issues = problems(await simulate({ uri, scenarioText, scenarioUri }));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].source, 'scenario');
  assert.equal(issues[0].uri, scenarioUri);
  assert.deepEqual(issues[0].range?.start, { line: 3, character: 16 });
  assert.match(issues[0].message, /^pods\.default\.runSeconds: /);

  // A YAML error in the scenario file: also at its line.
  const broken = problems(await simulate({ uri, scenarioText: 'until: [30m\n', scenarioUri }));
  assert.equal(broken[0].uri, scenarioUri);
  assert.equal(broken[0].range?.start.line, 1);
  assert.match(broken[0].message, /^YAML syntax error/);
});

test('what-if "first 2 attempts fail" over the scenario text: two failed pods, the summary, the merged scenario', async () => {
  const uri = 'file:///project/pi.yaml';
  await open(uri, GOOD_JOB);
  const scenarioText = 'startTime: 2026-01-01T00:00:00Z\npods:\n  default: { runSeconds: 20 }\n';
  const result = await simulate({ uri, scenarioText, scenarioUri: 'file:///project/pi.scenario.yaml', whatIf: { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 } } });
  assert.ok('timeline' in result, JSON.stringify(result));
  assert.deepEqual(result.timeline.pods.map((p) => `${p.phase} ${p.exitCode}`), ['Failed 1', 'Failed 1', 'Succeeded 0']);
  assert.equal(result.scenarioSummary, 'pods run 10s; attempts 1–2 fail with exit 1');
  assert.deepEqual(result.scenario, {
    startTime: '2026-01-01T00:00:00Z',
    pods: { default: { runSeconds: 10 }, outcomes: [{ pod: 1, exitCode: 1 }, { pod: 2, exitCode: 1 }] },
  });
  // The lint warning about the missing TTL is in the Problems panel already: not repeated as the run's news.
  assert.deepEqual(result.warnings, []);

  // What the run itself noticed is: an event after the end, at its line in the scenario file.
  const late = await simulate({ uri, scenarioText: 'until: 1m\nevents:\n  - { at: 5m, suspend: true }\n', scenarioUri: 'file:///project/pi.scenario.yaml' });
  assert.ok('timeline' in late, JSON.stringify(late));
  assert.deepEqual(
    late.warnings?.map((w) => `${w.source} ${w.uri} ${w.range?.start.line} ${w.message.split(':')[0]}`),
    ['scenario file:///project/pi.scenario.yaml 2 events[0]'],
  );

  // Without a scenario: the default pods, in words.
  const plain = await simulate({ uri });
  assert.ok('timeline' in plain);
  assert.equal(plain.scenarioSummary, 'pods start at once and run 30s (exit 0)');
  assert.deepEqual(plain.scenario, {});
});

test('what-if "first attempt fails" on an OnFailure CronJob: the container restarts in its pod, in every Job', async () => {
  const uri = 'file:///project/hello.yaml';
  await open(uri, helloCronJob('  schedule: "*/5 * * * *"\n'));
  const result = await simulate({ uri, scenario: { startTime: '2026-01-01T00:00:00Z', until: '12m' }, whatIf: { runSeconds: 10, failFirst: { attempts: 1, exitCode: 1 } } });
  assert.ok('timeline' in result, JSON.stringify(result));
  assert.equal(result.scenarioSummary, 'pods run 10s; attempt 1 fails with exit 1 (restarted in the same pod) in every Job; until 12m');
  // One pod per Job, its container run twice: exit 1, then 0.
  assert.deepEqual(result.timeline.pods.map((p) => `${p.job} ${p.phase} ${p.runs.map((r) => r.exitCode).join(',')}`), [
    'hello-29453765 Succeeded 1,0',
    'hello-29453770 Succeeded 1,0',
  ]);
});

test('a bad what-if value: an issue without a place in any file', async () => {
  const uri = 'file:///project/pi.yaml';
  await open(uri, GOOD_JOB);
  const issues = problems(await simulate({ uri, whatIf: { until: 'soon' } }));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].source, 'scenario');
  assert.equal(issues[0].uri, undefined);
  assert.match(issues[0].message, /^until: /);
});

test('a scenario file gets scenario diagnostics at line:col, with did-you-mean, and no manifest rules', async () => {
  const uri = 'file:///project/pi-job.slow.scenario.yaml';
  const text = 'untill: 2h\npods:\n  default:\n    runSeconds: 10 parsecs\nnodes: three\n';
  const diagnostics = await open(uri, text);
  assert.deepEqual(
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.source} ${d.severity} ${d.message}`),
    [
      '0:0 k8s-dryrun 1 untill: unknown field (did you mean "until"?); known fields: startTime, until, pods, nodes, events, seed, existing',
      `3:16 k8s-dryrun 1 pods.default.runSeconds: ${String(diagnostics[1]?.message).replace(/^pods\.default\.runSeconds: /, '')}`,
      '4:7 k8s-dryrun 1 nodes: must be a list, got "three"',
    ],
  );
  assert.match(String(diagnostics[1].message), /10 parsecs/);

  // A YAML syntax error in a scenario file.
  const brokenUri = 'file:///project/broken.scenario.yml';
  const broken = await open(brokenUri, 'until: [1h\n');
  assert.equal(broken.length, 1);
  assert.match(String(broken[0].message), /^YAML syntax error/);

  // A valid scenario file has no diagnostics (a manifest without kind or apiVersion would have some).
  assert.deepEqual(await open('file:///project/ok.scenario.yaml', 'until: 1h\npods:\n  default: { runSeconds: 10 }\n'), []);
});
