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
