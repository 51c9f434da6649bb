import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { build } from 'esbuild';
import { cronstrueLocale, describeSchedule, parseSchedule } from '../../../server/src/core/cron';
import { cronstrueExpression } from '../../../server/src/core/cron/describe';

const root = path.resolve(__dirname, '../../../..');

const cases: [schedule: string, en: string, zh: string][] = [
  ['*/15 * * * *', 'Every 15 minutes', '每隔 15 分钟'],
  ['@hourly', 'Every hour', '每小时'],
  ['@daily', 'At 00:00', '在00:00'],
  ['@weekly', 'At 00:00, only on Sunday', '在00:00, 仅星期日'],
  ['@monthly', 'At 00:00, on day 1 of the month', '在00:00, 限每月 1 号'],
  ['@yearly', 'At 00:00, on day 1 of the month, only in January', '在00:00, 限每月 1 号, 仅于一月份'],
  ['@every 1h30m', 'Every 1h30m', '每隔 1h30m'],
  ['@every 90m', 'Every 1h30m', '每隔 1h30m'],
  ['@every 500ms', 'Every 1s', '每隔 1s'],
  ['30 14 * * *', 'At 14:30', '在14:30'],
  ['0 9-17/2 * * 1-5', 'On the hour, every 2 hours, between 09:00 and 17:00, Monday through Friday', '整点, 每隔 2 小时, 在 09:00 和 17:00 之间, 星期一至星期五'],
  // Both day fields restricted: robfig fires when either matches, and so does cronstrue's reading.
  ['0 0 13 * FRI', 'At 00:00, on day 13 of the month, and on Friday', '在00:00, 限每月 13 号, 或者为星期五'],
  // A star with step 1 keeps robfig's star bit: only the 1st (cronstrue alone would say "and on every day").
  ['0 0 1 * */1', 'At 00:00, on day 1 of the month', '在00:00, 限每月 1 号'],
  // An explicit 1-31 has no star bit: OR with "every day" is every day.
  ['0 0 1-31 * MON', 'At 00:00', '在00:00'],
  ['0 0 ? * MON', 'At 00:00, only on Monday', '在00:00, 仅星期一'],
  // Written the way robfig reads them.
  ['*/61 * * * *', 'Every hour', '每小时'],
  ['*-5 * * * *', 'Every minute', '每分钟'],
  ['+5 * * * *', 'At 5 minutes past the hour', '在整点后的第 5 分钟'],
  ['0 0 , * *', 'Never', '从不'],
];

test('describeSchedule: English and Simplified Chinese, 24-hour clock, robfig semantics', () => {
  for (const [schedule, en, zh] of cases) {
    assert.equal(describeSchedule(schedule), en, schedule);
    assert.equal(describeSchedule(schedule, 'en'), en, schedule);
    assert.equal(describeSchedule(schedule, 'zh_CN'), zh, schedule);
    assert.equal(describeSchedule(schedule, 'zh-cn'), zh, schedule);
    const parsed = parseSchedule(schedule);
    assert.ok(parsed.ok);
    assert.equal(describeSchedule(parsed.schedule, 'en'), en, schedule);
  }
});

test('describeSchedule: an invalid schedule is described by robfig\'s error', () => {
  assert.equal(describeSchedule('0 0 * * 7'), 'end of range (7) above maximum (6): 7');
});

test('the expression cronstrue gets', () => {
  const expression = (s: string): string => {
    const parsed = parseSchedule(s);
    assert.ok(parsed.ok && parsed.schedule.kind === 'spec', s);
    return cronstrueExpression(parsed.schedule);
  };
  assert.equal(expression('5/15 9-17 * jan,jul mon-fri'), '5/15 9-17 * jan,jul mon-fri');
  assert.equal(expression('0 0 ? * ?'), '0 0 * * *');
  assert.equal(expression('0 0 *,5 * MON'), '0 0 * * MON');
  assert.equal(expression('0 0 15 * *,1'), '0 0 15 * *');
  assert.equal(expression('1,,2,3,4,7 * * * *'), '1-4,7 * * * *');
  assert.equal(expression('0 0 1 * 0-6'), '0 0 * * *');
  assert.equal(expression('TZ=America/New_York 0 1 * * *'), '0 1 * * *');
});

test('cronstrueLocale: VS Code and BCP 47 tags', () => {
  assert.equal(cronstrueLocale(undefined), 'en');
  assert.equal(cronstrueLocale('zh-cn'), 'zh_CN');
  assert.equal(cronstrueLocale('zh-TW'), 'zh_TW');
  assert.equal(cronstrueLocale('pt-br'), 'pt_BR');
  assert.equal(cronstrueLocale('de-AT'), 'de');
  assert.equal(cronstrueLocale('xx'), 'en');
});

test('the cron module bundles with esbuild as CommonJS and describes without any global', async () => {
  const result = await build({
    entryPoints: [path.join(root, 'server/src/core/cron/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const module = { exports: {} as Record<string, unknown> };
  // A fresh context: no `cronstrue` (nor anything else) on the global object, only what the bundle defines.
  const context = vm.createContext({ module, exports: module.exports, Intl });
  vm.runInContext(code, context);
  const bundled = module.exports as { describeSchedule: typeof describeSchedule };
  assert.equal(bundled.describeSchedule('*/15 * * * *', 'zh_CN'), '每隔 15 分钟');
  assert.equal(bundled.describeSchedule('@hourly'), 'Every hour');
  assert.equal(Object.keys(context).includes('cronstrue'), false);
});
