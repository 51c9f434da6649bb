import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scheduleInsight } from '../../server/src/core';

const at = (iso: string) => Date.parse(iso);

test('next runs in the CronJob zone and in UTC', () => {
  const insight = scheduleInsight('*/15 * * * *', { timeZone: 'Asia/Shanghai', controllerTimeZone: 'UTC', now: at('2026-11-22T02:07:30Z'), count: 3 });
  assert.equal(insight?.description, 'Every 15 minutes');
  assert.equal(insight?.timeZone, 'Asia/Shanghai');
  assert.deepEqual(insight?.next.map((r) => [r.local, r.utc]), [
    ['2026-11-22 10:15 (+08:00)', '2026-11-22T02:15:00Z'],
    ['2026-11-22 10:30 (+08:00)', '2026-11-22T02:30:00Z'],
    ['2026-11-22 10:45 (+08:00)', '2026-11-22T02:45:00Z'],
  ]);
  assert.deepEqual(insight?.notes, []);
});

test('without timeZone the controller zone decides; a TZ= prefix would win over both', () => {
  const insight = scheduleInsight('0 9 * * *', { controllerTimeZone: 'Europe/Berlin', now: at('2026-07-01T00:00:00Z'), count: 1 });
  assert.equal(insight?.next[0].utc, '2026-07-01T07:00:00Z');
});

test('America/New_York spring forward: 02:30 does not exist on 2026-03-08 and robfig skips that day', () => {
  const insight = scheduleInsight('30 2 * * *', { timeZone: 'America/New_York', controllerTimeZone: 'UTC', now: at('2026-03-07T00:00:00Z'), count: 3 });
  assert.deepEqual(insight?.next.map((r) => r.utc), ['2026-03-07T07:30:00Z', '2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z']);
  assert.deepEqual(insight?.notes, ['No run at 2026-03-08 02:30: the clocks go forward and that time does not exist in America/New_York.']);
});

test('America/New_York fall back: 01:00 happens twice on 2026-11-01 and robfig runs twice', () => {
  const insight = scheduleInsight('0 1 * * *', { timeZone: 'America/New_York', controllerTimeZone: 'UTC', now: at('2026-10-31T12:00:00Z'), count: 3 });
  assert.deepEqual(insight?.next.map((r) => r.local), ['2026-11-01 01:00 (-04:00)', '2026-11-01 01:00 (-05:00)', '2026-11-02 01:00 (-05:00)']);
  assert.deepEqual(insight?.notes, ['Runs twice at 2026-11-01 01:00: the clocks go back and that hour happens twice.']);
});

test('a schedule that never fires is said so; an invalid one gives nothing', () => {
  const never = scheduleInsight('0 0 30 2 *', { controllerTimeZone: 'UTC', now: at('2026-01-01T00:00:00Z'), count: 5 });
  assert.equal(never?.neverRuns, true);
  assert.deepEqual(never?.next, []);
  assert.equal(scheduleInsight('61 * * * *', { controllerTimeZone: 'UTC', now: 0, count: 1 }), undefined);
  assert.equal(scheduleInsight('* * * * *', { timeZone: 'Mars/Olympus', controllerTimeZone: 'UTC', now: 0, count: 1 }), undefined);
});

test('descriptions follow the display language', () => {
  const zh = scheduleInsight('*/15 * * * *', { controllerTimeZone: 'UTC', now: 0, count: 1, locale: 'zh-cn' });
  assert.match(zh?.description ?? '', /15 分钟/);
});

test('daylight-saving notes follow the display language (zh-cn, zh_CN.UTF-8), naming the same times and zone', () => {
  for (const locale of ['zh-cn', 'zh_CN.UTF-8']) {
    const back = scheduleInsight('0 1 * * *', { timeZone: 'America/New_York', controllerTimeZone: 'UTC', now: at('2026-10-31T12:00:00Z'), count: 3, locale });
    assert.deepEqual(back?.notes, ['2026-11-01 01:00 会运行两次：时钟回拨，这一小时会出现两次。']);
    const forward = scheduleInsight('30 2 * * *', { timeZone: 'America/New_York', controllerTimeZone: 'UTC', now: at('2026-03-07T12:00:00Z'), count: 2, locale });
    assert.deepEqual(forward?.notes, ['2026-03-08 02:30 不会运行：时钟拨快，America/New_York 中不存在这个时间。']);
  }
  // Another language without a catalog: cronstrue's description, English notes.
  const german = scheduleInsight('0 1 * * *', { timeZone: 'America/New_York', controllerTimeZone: 'UTC', now: at('2026-10-31T12:00:00Z'), count: 3, locale: 'de' });
  assert.deepEqual(german?.notes, ['Runs twice at 2026-11-01 01:00: the clocks go back and that hour happens twice.']);
});
