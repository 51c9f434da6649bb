/**
 * The CLI in Simplified Chinese: `--lang zh-CN`, or LC_ALL / LC_MESSAGES / LANG as POSIX orders them (--lang wins).
 * The CLI's own words follow the language; the API server's messages, severity words, rule ids, kubectl
 * tables and controller events stay English. English stays the default.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { formatJson, formatSarif, formatText, type FileFindings } from '../../../server/src/cli/formatters';
import { lintChunks } from '../../../server/src/cli/lintChunks';
import { LintPool } from '../../../server/src/cli/lintPool';
import { cliLocale, isSupportedLang } from '../../../server/src/cli/locale';
import { lintText } from '../../../server/src/core';
import type { Rule } from '../../../server/src/core/rules/rule';
import { ENGLISH_ENV } from './englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../..');
const JOB = 'test/fixtures/cli/job-always.yaml';
const API_SERVER_LINE = `${JOB}:12:22: error spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never" [job-restart-policy]`;

const work = mkdtempSync(join(tmpdir(), 'k8s-dryrun-lang-'));
after(() => rmSync(work, { recursive: true, force: true }));

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...ENGLISH_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the language: --lang, else LC_ALL, then LC_MESSAGES, then LANG; empty variables count as unset; C and unknown languages are English', () => {
  assert.equal(cliLocale(undefined, {}), 'en');
  assert.equal(cliLocale(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(cliLocale(undefined, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'en');
  assert.equal(cliLocale(undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(cliLocale(undefined, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'C' }), 'en');
  assert.equal(cliLocale(undefined, { LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(cliLocale(undefined, { LANG: 'zh_TW.UTF-8' }), 'en');
  assert.equal(cliLocale(undefined, { LANG: 'fr_FR.UTF-8' }), 'en');
  assert.equal(cliLocale('en', { LC_ALL: 'zh_CN.UTF-8' }), 'en');
  assert.equal(cliLocale('zh-CN', { LC_ALL: 'C' }), 'zh-cn');
});

test('--lang takes en or zh-CN in the spellings people use, on lint, cron and simulate; anything else is a usage error', () => {
  for (const tag of ['zh-CN', 'zh_CN.UTF-8', 'zh', 'zh-Hans', 'en', 'en-US', 'C']) assert.ok(isSupportedLang(tag), tag);
  for (const tag of ['fr', 'zh-TW', 'chinese', '']) assert.ok(!isSupportedLang(tag), tag);
  assert.equal((parseArgs(['lint', '--lang', 'zh-CN', 'a.yaml']) as { lang?: string }).lang, 'zh-CN');
  assert.equal((parseArgs(['cron', '--lang', 'zh-CN', '* * * * *']) as { lang?: string }).lang, 'zh-CN');
  assert.equal((parseArgs(['simulate', '--lang', 'zh-CN', 'a.yaml']) as { lang?: string }).lang, 'zh-CN');
  assert.throws(() => parseArgs(['lint', '--lang', 'fr', 'a.yaml']), (error: unknown) => error instanceof UsageError && error.message === '--lang must be en or zh-CN, not "fr"');
  const { status, stderr } = cli(['cron', '--lang', 'fr', '* * * * *']);
  assert.equal(status, 2);
  assert.match(stderr, /^k8s-dryrun: --lang must be en or zh-CN, not "fr"\n/);
  for (const command of ['lint', 'cron', 'simulate']) assert.match(cli([command, '--help']).stdout, /--lang en\|zh-CN/, command);
});

test('lint --lang zh-CN: the summary in Chinese, the API server message verbatim', () => {
  const { status, stdout, stderr } = cli(['lint', '--lang', 'zh-CN', JOB]);
  assert.equal(stdout.split('\n')[0], API_SERVER_LINE);
  assert.equal(stderr, '已检查 1 个文件、1 个工作负载文档：1 个错误，0 个警告\n');
  assert.equal(status, 1);
});

test('lint with LANG=zh_CN.UTF-8 speaks Chinese; LC_ALL=C and --lang en keep English; English is the default', () => {
  assert.match(cli(['lint', JOB], { LANG: 'zh_CN.UTF-8' }).stderr, /^已检查 1 个文件/);
  assert.match(cli(['lint', JOB], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).stderr, /^checked 1 file\(s\)/);
  assert.match(cli(['lint', '--lang', 'en', JOB], { LANG: 'zh_CN.UTF-8' }).stderr, /^checked 1 file\(s\)/);
  const english = cli(['lint', JOB]);
  assert.equal(english.stderr, 'checked 1 file(s), 1 workload document(s): 1 error(s), 0 warning(s)\n');
  assert.equal(english.stdout.split('\n')[0], API_SERVER_LINE);
});

test('lint --lang zh-CN: findings are what lint says in Chinese, on a worker thread too', async () => {
  const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl\n';
  const expected = lintText(job, { locale: 'zh-cn' }).map((f) => [f.ruleId, f.message, f.note]);
  const manifest = join(work, 'no-ttl.yaml');
  writeFileSync(manifest, job);
  const json = JSON.parse(cli(['lint', '--format', 'json', '--lang', 'zh-CN', manifest]).stdout) as { findings: { ruleId: string; message: string; note?: string }[] };
  assert.deepEqual(json.findings.map((f) => [f.ruleId, f.message, f.note]), expected);
  // The pool's workers (dist/cli.js in a thread) get the language with the other options.
  const pool = new LintPool({ locale: 'zh-cn' }, join(REPO_ROOT, 'dist/cli.js'), false);
  try {
    pool.grow(1);
    const [result] = await pool.lint([{ text: job, line: 0 }]);
    assert.deepEqual(result!.findings.map(({ finding: f }) => [f.ruleId, f.message, f.note]), expected);
  } finally {
    await pool.close();
  }
});

/** A rule that reports an API-server-style message with a note in the user's language. */
const NOTED: Rule = {
  meta: { id: 'test-noted', severity: 'error', kinds: ['Job'], description: 'test' },
  check: ({ locale }) => [
    { path: ['spec', 'template', 'spec', 'restartPolicy'], message: 'Unsupported value: "Always"', note: locale === 'zh-cn' ? 'Job 的 Pod 不能用 `Always`。' : 'A Job\'s pods cannot use `Always`.' },
  ],
};

test('a finding\'s note: an indented line in text (说明：), an additive "note" in JSON, after the message in SARIF', () => {
  const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: pi\n        image: perl\n';
  const [chunk] = lintChunks([{ text, line: 0 }], { locale: 'zh-cn', extraRules: [NOTED], disabledRules: ['job-restart-policy', 'job-ttl-missing'] });
  const results: FileFindings[] = [{ file: 'job.yaml', findings: chunk!.findings.filter((f) => f.finding.ruleId === 'test-noted') }];
  assert.equal(results[0]!.findings.length, 1);

  assert.equal(
    [...formatText(results, 'zh-cn')].join(''),
    'job.yaml:8:22: error spec.template.spec.restartPolicy: Unsupported value: "Always" [test-noted]\n  说明：Job 的 Pod 不能用 `Always`。\n',
  );
  const json = JSON.parse([...formatJson(results)].join('')) as { findings: Record<string, unknown>[] };
  assert.equal(json.findings[0]!.message, 'Unsupported value: "Always"');
  assert.equal(json.findings[0]!.note, 'Job 的 Pod 不能用 `Always`。');
  const sarif = JSON.parse([...formatSarif(results, '0.0.0')].join('')) as { runs: { results: { message: { text: string } }[] }[] };
  assert.equal(sarif.runs[0]!.results[0]!.message.text, 'spec.template.spec.restartPolicy: Unsupported value: "Always"\nJob 的 Pod 不能用 `Always`。');

  const [englishChunk] = lintChunks([{ text, line: 0 }], { extraRules: [NOTED] });
  const english: FileFindings[] = [{ file: 'job.yaml', findings: englishChunk!.findings.filter((f) => f.finding.ruleId === 'test-noted') }];
  assert.match([...formatText(english)].join(''), /\n {2}note: A Job's pods cannot use `Always`\.\n$/);
});

test('cron --lang zh-CN: Chinese labels, description and notes; the times as they are', () => {
  const { status, stdout } = cli(['cron', '0 2 * * *', '--time-zone', 'America/New_York', '--from', '2026-03-07T00:00:00Z', '--count', '2', '--lang', 'zh-CN']);
  assert.equal(status, 0);
  assert.equal(
    stdout,
    [
      '计划：      0 2 * * *',
      '描述：      在02:00',
      '时区：      America/New_York',
      '下次运行：  （自 2026-03-07T00:00:00.000Z 起）',
      '  2026-03-07 02:00 (-05:00)   2026-03-07T07:00:00Z',
      '  2026-03-09 02:00 (-04:00)   2026-03-09T06:00:00Z',
      '注意：2026-03-08 02:00 不会运行：时钟拨快，America/New_York 中不存在这个时间。',
      '',
    ].join('\n'),
  );
  const json = JSON.parse(cli(['cron', '*/15 * * * *', '--format', 'json', '--count', '1', '--from', '2026-01-01T00:00:00Z'], { LANG: 'zh_CN.UTF-8' }).stdout) as { description: string };
  assert.equal(json.description, '每隔 15 分钟');
  // An invalid schedule: the API server's words stay English, the label around them is Chinese.
  const invalid = cli(['cron', '61 * * * *', '--lang', 'zh-CN']);
  assert.equal(invalid.status, 1);
  assert.match(invalid.stdout, /^61 \* \* \* \*：无效：.*end of range \(61\) above maximum \(59\)/);
  assert.match(cli(['cron', '*/15 * * * *', '--count', '1']).stdout, /^Schedule: {4}\*\/15 \* \* \* \*\nDescription: Every 15 minutes\n/);
});

test("simulate --lang zh-CN: the controller's words stay, the explanation after them and the headings are Chinese", () => {
  const never = join(work, 'never.yaml');
  writeFileSync(
    never,
    'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: never\nspec:\n  schedule: "59 23 31 2 *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n' +
      '          containers:\n          - name: c\n            image: busybox\n          restartPolicy: OnFailure\nstatus:\n  lastScheduleTime: 2025-01-01T00:00:00Z\n',
  );
  const scenario = join(work, 's.yaml');
  writeFileSync(scenario, 'startTime: 2026-01-01T00:00:00Z\nuntil: 5m\n');
  const { status, stdout } = cli(['simulate', never, '--scenario', scenario, '--lang', 'zh-CN']);
  assert.equal(status, 0);
  assert.match(stdout, /^CronJob\/never：模拟时段 2026-01-01T00:00:00Z 至 /);
  assert.match(stdout, /InvalidSchedule: invalid schedule: 59 23 31 2 \* : time difference between two schedules is less than 1 second — 该计划指定的时间永远不会到来/);
  // kubectl's tables stay as kubectl prints them.
  assert.match(stdout, /\$ kubectl get cronjobs\nNAME +SCHEDULE/);
  const outage = cli(['simulate', 'examples/hello-cronjob-v1.yaml', '--scenario', 'examples/hello-cronjob-starting-deadline.outage.scenario.yaml'], { LANG: 'zh_CN.UTF-8' }).stdout;
  assert.match(outage, /TooManyMissedTimes: too many missed start times\. Set or decrease \.spec\.startingDeadlineSeconds or check clock skew — 已有超过 100 次计划运行没有创建 Job/);
});
