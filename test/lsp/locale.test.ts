/**
 * The server as a Chinese VS Code starts it (`locale: "zh-cn"` in initialize): hovers, CodeLens titles, the
 * simulate request's messages and progress, and diagnostics are in Simplified Chinese, while the API server's
 * own messages, field names and values stay as kubectl prints them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CodeLensRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { helloCronJob, piJob, SHANGHAI_CRON } from '../fixtures/manifests';
import { startStdioServer, withTimeout, type TestClient } from './lspClient';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

const JOB = piJob('      restartPolicy: \n', '  backoffLimit: 4\n');
const jobUri = 'file:///project/zh-job.yaml';
const cronUri = 'file:///project/zh-cron.yaml';

let client: TestClient;
let jobDiagnostics: Diagnostic[];
const progress: ProgressValue[] = [];
before(async () => {
  client = await startStdioServer(undefined, { window: { workDoneProgress: true } }, 'zh-cn');
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (params: { value: ProgressValue }) => {
    progress.push(params.value);
  });
  const job = client.nextDiagnostics(jobUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: jobUri, languageId: 'yaml', version: 1, text: JOB } });
  jobDiagnostics = (await job).diagnostics;
  const cron = client.nextDiagnostics(cronUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cronUri, languageId: 'yaml', version: 1, text: SHANGHAI_CRON } });
  await cron;
});
after(async () => {
  await client.close();
});

async function hoverAt(uri: string, line: number, character: number): Promise<string> {
  const hover = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover');
  return (hover?.contents as MarkupContent).value;
}

test('zh-cn: the schedule hover describes the schedule in Chinese and heads its table 下次运行, the zone columns by their names', async () => {
  const value = await hoverAt(cronUri, 5, 15);
  const [title] = value.split('\n');
  assert.match(title!, /^\*\*每隔 15 分钟\*\* · `\*\/15 \* \* \* \*`$/);
  assert.match(value, /\| 下次运行 \| Asia\/Shanghai \| UTC \|/);
  assert.doesNotMatch(value, /Next runs/);
});

test('zh-cn: the explain card labels are Chinese; type words, defaults, values and the schema description stay as kubectl explain prints them', async () => {
  const backoff = await hoverAt(jobUri, 5, 4);
  assert.match(backoff, /^\*\*backoffLimit\*\* · `integer` · 默认 `6`\n/);
  assert.match(backoff, /`Job\.spec\.backoffLimit`/);
  assert.match(backoff, /number of retries/);

  const restartPolicy = await hoverAt(jobUri, 11, 8);
  assert.match(restartPolicy, /^\*\*restartPolicy\*\* · `string` · 必填\n/);
  assert.match(restartPolicy, /\n取值：`OnFailure`, `Never`\n/);
  // The explanation is Chinese; the API server's error it quotes stays English.
  assert.match(restartPolicy, /\*\*API 服务器：\*\* Job 的 Pod 必须将 `restartPolicy` 设为 `OnFailure` 或 `Never`.*"Required value: valid values: "OnFailure", "Never""/);
  assert.doesNotMatch(restartPolicy, /required|Values:|API server:/);
});

test('zh-cn: CodeLens titles: 预览 and the next run', async () => {
  const lenses = await withTimeout(client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: cronUri } }), 'code lenses');
  const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
  assert.equal(titles[0], '$(play) 预览 CronJob');
  assert.match(titles[1]!, /^每隔 15 分钟 · 下次 \d\d:(00|15|30|45) Asia\/Shanghai$/);
});

test('zh-cn: diagnostics are what lint says in Chinese: the API server message verbatim, then its note on a line of its own', () => {
  const expected = lintText(JOB, { locale: 'zh-cn' }).map((finding) => toDiagnostic(finding).message);
  assert.deepEqual(
    jobDiagnostics.map((d) => d.message),
    expected,
  );
  const restartPolicy = jobDiagnostics.find((d) => d.code === 'job-restart-policy');
  assert.ok(restartPolicy, JSON.stringify(jobDiagnostics));
  const [first, ...rest] = String(restartPolicy.message).split('\n');
  assert.equal(first, 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  // A note, where the rule gives one, is in Chinese.
  for (const line of rest) assert.match(line, /[\u4e00-\u9fff]/);
});

test('toDiagnostic: the note follows the message on a new line; without one the message is unchanged', () => {
  const finding = {
    ruleId: 'job-restart-policy',
    severity: 'error' as const,
    fieldPath: 'spec.template.spec.restartPolicy',
    message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"',
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } },
    document: 0,
  };
  assert.equal(toDiagnostic(finding).message, 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  assert.equal(
    toDiagnostic({ ...finding, note: 'Job 的 Pod 不能一直重启。' }).message,
    'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\nJob 的 Pod 不能一直重启。',
  );
});

test('zh-cn: the simulate request says why it cannot run, and reports its progress, in Chinese', async () => {
  const configUri = 'file:///project/zh-config.yaml';
  const opened = client.nextDiagnostics(configUri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n' },
  });
  await opened;
  const none = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri: configUri }), 'simulate')) as { error?: string };
  assert.equal(none.error, '此文件中没有可模拟的 Job、CronJob、DaemonSet、Deployment、ReplicaSet 或 StatefulSet。');
  const configMap = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri: configUri, documentIndex: 0 }), 'simulate')) as { error?: string };
  assert.equal(configMap.error, '文档 0（从 0 开始计数）是 ConfigMap：只能模拟 Job、CronJob、DaemonSet、Deployment、ReplicaSet 和 StatefulSet。');
  // A request the server fails on (scenario text that is not text): the guard's answer is in Chinese too.
  const broken = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri: jobUri, scenarioText: 42 }), 'simulate')) as { error?: string };
  assert.equal(broken.error, '语言服务器内部模拟失败；详情见其输出通道。');

  const uri = 'file:///project/zh-every-minute.yaml';
  const cron = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: helloCronJob('  schedule: "*/1 * * * *"\n  concurrencyPolicy: Forbid\n') },
  });
  await cron;
  // Long enough to report: the editor's pod bound (20,000) stops it after about two weeks.
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '30d', pods: { default: { runSeconds: 10 } } };
  await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri, scenario }), 'simulate', 60_000);
  assert.deepEqual(progress[0], { kind: 'begin', title: '正在模拟 CronJob hello', percentage: 0, cancellable: true });
  const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
  assert.ok(reports.length >= 1, JSON.stringify(progress));
  for (const report of reports) assert.match(report.message ?? '', /^已模拟 \+\S+，[\d,]+ 个 Pod$/);
});

test('zh-cn: the simulate request sums up the scenario and writes its notes in Chinese; controller events stay English', async () => {
  const uri = 'file:///project/zh-pi.yaml';
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: piJob('      restartPolicy: Never\n', '  ttlSecondsAfterFinished: 600\n') },
  });
  await opened;
  const scenario = { startTime: '2026-01-01T00:00:00Z', nodes: 0, until: '1m' };
  const answer = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri, scenario }), 'simulate')) as {
    scenarioSummary?: string;
    timeline?: { notes: string[]; events: { reason: string; message: string }[] };
    error?: string;
  };
  assert.equal(answer.scenarioSummary, 'Pod 立即启动并运行 30s（退出码 0）；没有节点；运行到 1m', JSON.stringify(answer.error));
  assert.ok(answer.timeline?.notes.includes('1 个 Pod 始终没有找到合适的节点（见 FailedScheduling 事件）；请在场景中添加或修改节点。'), JSON.stringify(answer.timeline?.notes));
  const scheduling = answer.timeline?.events.find((e) => e.reason === 'FailedScheduling');
  assert.ok(scheduling, JSON.stringify(answer.timeline?.events));
  assert.doesNotMatch(scheduling.message, /[\u4e00-\u9fff]/);
});

test('zh-cn: a scenario the preview cannot run is explained in Chinese in its error view; the path stays as written', async () => {
  const uri = 'file:///project/zh-pi-bad-scenario.yaml';
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: piJob('      restartPolicy: Never\n', '  ttlSecondsAfterFinished: 600\n') },
  });
  await opened;
  const scenario = { startTime: '2026-01-01T00:00:00Z', pods: { default: { exitCode: 300 } }, events: [{ at: 'soon', removeNode: 'node-0' }] };
  const answer = (await withTimeout(client.connection.sendRequest('k8sDryRun/simulate', { uri, scenario }), 'simulate')) as { error?: string; problems?: { message: string; source: string }[] };
  assert.deepEqual(
    answer.problems?.map((p) => `${p.source} ${p.message}`),
    [
      'scenario pods.default.exitCode: 退出码必须在 0 到 255 之间，实际为 300',
      'scenario events[0].at: 必须是时长，例如 "90s"、"5m"、"2h" 或 "1h30m"（单位 ms、s、m、h、d），实际为 "soon"',
    ],
  );
});
