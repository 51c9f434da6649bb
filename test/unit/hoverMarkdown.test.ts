import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainCard, explainField } from '../../server/src/core/explain';
import { scheduleInsight } from '../../server/src/core';
import { explanationMarkdown } from '../../server/src/lsp/hover';
import { codeSpan, scheduleMarkdown } from '../../server/src/lsp/scheduleHover';

const now = Date.parse('2026-11-22T02:07:30Z');

test('the schedule hover writes the schedule in a code span without backslashes', () => {
  const schedule = '*/5 9-17 * * MON-FRI';
  const insight = scheduleInsight(schedule, { controllerTimeZone: 'UTC', now, count: 2 })!;
  const [title] = scheduleMarkdown(schedule, insight).split('\n');
  assert.ok(title!.endsWith(' · `*/5 9-17 * * MON-FRI`'), title);
  assert.ok(!title!.includes('\\'), title);
});

test('a schedule with backticks gets a longer fence', () => {
  assert.equal(codeSpan('a`b'), '``a`b``');
  assert.equal(codeSpan('`x``'), '``` `x`` ```');
  assert.equal(codeSpan('0 0 * * *'), '`0 0 * * *`');
});

test('in UTC the next-runs table has one column, headed UTC', () => {
  const insight = scheduleInsight('0 9 * * *', { controllerTimeZone: 'UTC', now, count: 2 })!;
  const lines = scheduleMarkdown('0 9 * * *', insight).split('\n');
  assert.deepEqual(lines.slice(2, 6), ['| Next runs | UTC |', '|---|---|', '| 1 | 2026-11-22T09:00:00Z |', '| 2 | 2026-11-23T09:00:00Z |']);
});

test('in another zone the first column is headed with its name, from spec.timeZone or the controller setting', () => {
  for (const options of [{ timeZone: 'Asia/Shanghai', controllerTimeZone: 'UTC' }, { controllerTimeZone: 'Asia/Shanghai' }]) {
    const insight = scheduleInsight('0 9 * * *', { ...options, now, count: 1 })!;
    const lines = scheduleMarkdown('0 9 * * *', insight).split('\n');
    assert.deepEqual(lines.slice(2, 5), ['| Next runs | Asia/Shanghai | UTC |', '|---|---|---|', '| 1 | 2026-11-23 09:00 (+08:00) | 2026-11-23T01:00:00Z |']);
  }
});

test("a Job's and a CronJob's restartPolicy card: OnFailure / Never, required, no default", () => {
  for (const [kind, path] of [
    ['Job', ['spec', 'template', 'spec', 'restartPolicy']],
    ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy']],
  ] as const) {
    const card = explainCard('batch/v1', kind, path)!;
    assert.deepEqual(card.enumValues, ['OnFailure', 'Never']);
    assert.equal(card.defaultValue, undefined);
    assert.equal(card.required, true);
    const markdown = explanationMarkdown(card);
    assert.match(markdown, /^\*\*restartPolicy\*\* · `string` · required\n/);
    assert.match(markdown, /Values: `OnFailure`, `Never`\n/);
    assert.doesNotMatch(markdown, /default `Always`|`Always`/);
    assert.match(markdown, /pkg\/apis\/batch\/validation\/validation\.go validateJobSpec/);
  }
  // Completion keeps the schema's view.
  assert.equal(explainField('batch/v1', 'Job', ['spec', 'template', 'spec', 'restartPolicy'])?.defaultValue, 'Always');
});

test("a DaemonSet's restartPolicy card: Always only", () => {
  const card = explainCard('apps/v1', 'DaemonSet', ['spec', 'template', 'spec', 'restartPolicy'])!;
  assert.deepEqual(card.enumValues, ['Always']);
  assert.equal(card.defaultValue, 'Always');
  const markdown = explanationMarkdown(card);
  assert.match(markdown, /Values: `Always`\n/);
  assert.match(markdown, /pkg\/apis\/apps\/validation\/validation\.go ValidateDaemonSetSpec/);
  assert.match(markdown, /supported values: "Always"/);
});

test('other fields are explained as before', () => {
  assert.deepEqual(explainCard('batch/v1', 'Job', ['spec', 'backoffLimit']), explainField('batch/v1', 'Job', ['spec', 'backoffLimit']));
});

test('zh-cn: the next-runs table is headed 下次运行, each time column by its zone name; never-runs is said in Chinese', () => {
  const shanghai = scheduleInsight('0 9 * * *', { timeZone: 'Asia/Shanghai', controllerTimeZone: 'UTC', now, count: 1, locale: 'zh-cn' })!;
  const lines = scheduleMarkdown('0 9 * * *', shanghai, 'zh-cn').split('\n');
  assert.equal(lines[0], '**在09:00** · `0 9 * * *`');
  assert.deepEqual(lines.slice(2, 5), ['| 下次运行 | Asia/Shanghai | UTC |', '|---|---|---|', '| 1 | 2026-11-23 09:00 (+08:00) | 2026-11-23T01:00:00Z |']);
  const utc = scheduleInsight('0 9 * * *', { controllerTimeZone: 'UTC', now, count: 1, locale: 'zh-cn' })!;
  assert.equal(scheduleMarkdown('0 9 * * *', utc, 'zh-cn').split('\n')[2], '| 下次运行 | UTC |');
  const never = scheduleInsight('0 0 30 2 *', { controllerTimeZone: 'UTC', now, count: 1, locale: 'zh-cn' })!;
  assert.match(scheduleMarkdown('0 0 30 2 *', never, 'zh-cn'), /\n\*\*从不运行\*\*：未来五年内没有与此计划匹配的时间，因此 Kubernetes 不会创建任何 Job。$/);
});

test('zh-cn: the explain card labels (必填, 默认, 取值, API 服务器) are Chinese; field names, types, values and the OpenAPI description stay', () => {
  const backoff = explanationMarkdown(explainCard('batch/v1', 'Job', ['spec', 'backoffLimit'], 'zh-cn')!, 'zh-cn');
  assert.match(backoff, /^\*\*backoffLimit\*\* · `integer` · 默认 `6`\n\n`Job\.spec\.backoffLimit`\n/);
  assert.match(backoff, /number of retries/);
  const job = explanationMarkdown(explainCard('batch/v1', 'Job', ['spec', 'template', 'spec', 'restartPolicy'], 'zh-cn')!, 'zh-cn');
  assert.match(job, /^\*\*restartPolicy\*\* · `string` · 必填\n/);
  assert.match(job, /\n取值：`OnFailure`, `Never`\n/);
  assert.match(job, /\n\*\*API 服务器：\*\* Job 的 Pod 必须将 `restartPolicy` 设为 `OnFailure` 或 `Never`/);
  // The API server's own words inside the explanation stay English, with the upstream function named.
  assert.match(job, /"Required value: valid values: "OnFailure", "Never""（pkg\/apis\/batch\/validation\/validation\.go 中 validateJobSpec/);
  const daemonSet = explanationMarkdown(explainCard('apps/v1', 'DaemonSet', ['spec', 'template', 'spec', 'restartPolicy'], 'zh-cn')!, 'zh-cn');
  assert.match(daemonSet, /默认 `Always`/);
  assert.match(daemonSet, /\*\*API 服务器：\*\* DaemonSet 的 Pod 会一直运行到被删除.*supported values: "Always"/);
  // Without a locale, English as before.
  assert.match(explanationMarkdown(explainCard('batch/v1', 'Job', ['spec', 'backoffLimit'])!), /^\*\*backoffLimit\*\* · `integer` · default `6`\n/);
});
