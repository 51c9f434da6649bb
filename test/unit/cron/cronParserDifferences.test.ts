import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CronExpressionParser } from 'cron-parser';
import { nextTimes, parseSchedule } from '../../../server/src/core/cron';

/**
 * Where cron-parser (the npm package, 5.x) and robfig/cron v3.0.1 (what Kubernetes runs) part ways; the list in
 * server/src/core/cron/index.ts, item by item, with both sides asserted. If cron-parser changes one of these, the
 * test says so, and the list needs a look.
 */

type Outcome = string[] | { error: string };

function robfig(schedule: string, from: string, timeZone: string, count: number): Outcome {
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) return { error: parsed.error };
  return nextTimes(parsed.schedule, { from: Date.parse(from), timeZone, count }).map((t) => new Date(t).toISOString());
}

function cronParser(schedule: string, from: string, tz: string, count: number): Outcome {
  try {
    const expression = CronExpressionParser.parse(schedule, { currentDate: new Date(from), tz });
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      try {
        out.push(expression.next().toDate().toISOString());
      } catch {
        break;
      }
    }
    return out;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

interface Difference {
  item: string;
  schedule: string;
  from: string;
  timeZone: string;
  count: number;
  robfig: Outcome;
  /** cron-parser's times, or `error: true` when it refuses the schedule (its message is its own). */
  cronParser: string[] | { error: true };
}

const d = (iso: string): string => new Date(iso).toISOString();

const differences: Difference[] = [
  {
    item: '1. a star with step 1 keeps the star bit: AND (robfig) vs OR (cron-parser)',
    schedule: '0 0 1 * */1', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 2,
    robfig: [d('2024-02-01T00:00Z'), d('2024-03-01T00:00Z')],
    cronParser: [d('2024-01-02T00:00Z'), d('2024-01-03T00:00Z')],
  },
  {
    item: '1. `*,1` in the day of week: robfig keeps the star (AND, the 15th only); cron-parser refuses it',
    schedule: '0 0 15 * *,1', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 2,
    robfig: [d('2024-01-15T00:00Z'), d('2024-02-15T00:00Z')],
    cronParser: { error: true },
  },
  {
    item: '2. `1/2` in the day of week: Mon, Wed, Fri (robfig) vs also Sunday as 7 (cron-parser)',
    schedule: '0 0 * * 1/2', from: '2024-01-05T12:00:00Z', timeZone: 'UTC', count: 2,
    robfig: [d('2024-01-08T00:00Z'), d('2024-01-10T00:00Z')],
    cronParser: [d('2024-01-07T00:00Z'), d('2024-01-08T00:00Z')],
  },
  {
    item: '3. Sunday as 7',
    schedule: '0 0 * * 7', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: { error: 'end of range (7) above maximum (6): 7' },
    cronParser: [d('2024-01-07T00:00Z')],
  },
  {
    item: '4. a seconds field',
    schedule: '30 0 * * * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: { error: 'expected exactly 5 fields, found 6: [30 0 * * * *]' },
    cronParser: [d('2024-01-01T00:00:30Z')],
  },
  {
    item: '5. L (last day of the month)',
    schedule: '0 0 L * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: { error: 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax' },
    cronParser: [d('2024-01-31T00:00Z')],
  },
  {
    item: '5. # (nth weekday of the month)',
    schedule: '0 0 * * 1#1', from: '2024-01-02T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: { error: 'failed to parse int from 1#1: strconv.Atoi: parsing "1#1": invalid syntax' },
    cronParser: [d('2024-02-05T00:00Z')],
  },
  {
    item: '6. @every',
    schedule: '@every 1h', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [d('2024-01-01T01:00Z')],
    cronParser: { error: true },
  },
  {
    item: '6. @minutely',
    schedule: '@minutely', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: { error: 'unrecognized descriptor: @minutely' },
    cronParser: [d('2024-01-01T00:01Z')],
  },
  {
    item: '7. `*-5` is a star for robfig',
    schedule: '*-5 * * * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [d('2024-01-01T00:01Z')],
    cronParser: { error: true },
  },
  {
    item: '7. empty list items',
    schedule: '1,,2 * * * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [d('2024-01-01T00:01Z')],
    cronParser: { error: true },
  },
  {
    item: '7. a signed number',
    schedule: '+5 * * * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [d('2024-01-01T00:05Z')],
    cronParser: { error: true },
  },
  {
    item: '7. a duplicated value',
    schedule: '5,5 * * * *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [d('2024-01-01T00:05Z')],
    cronParser: { error: true },
  },
  {
    item: '7./8. a day that never comes: robfig parses and never fires, cron-parser refuses',
    schedule: '0 0 30 2 *', from: '2024-01-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [],
    cronParser: { error: true },
  },
  {
    item: '8. the five-year search: nothing for robfig, 2104 for cron-parser',
    schedule: '0 0 29 2 *', from: '2096-03-01T00:00:00Z', timeZone: 'UTC', count: 1,
    robfig: [],
    cronParser: [d('2104-02-29T00:00Z')],
  },
  {
    item: '9. spring forward: 02:30 skipped that day (robfig) vs run at 03:30 EDT (cron-parser)',
    schedule: '30 2 * * *', from: '2024-03-09T12:00:00Z', timeZone: 'America/New_York', count: 2,
    robfig: [d('2024-03-11T06:30Z'), d('2024-03-12T06:30Z')],
    cronParser: [d('2024-03-10T07:30Z'), d('2024-03-11T06:30Z')],
  },
  {
    item: '10. fall back: 01:00 runs twice (robfig) vs once (cron-parser)',
    schedule: '0 1 * * *', from: '2024-11-02T12:00:00Z', timeZone: 'America/New_York', count: 2,
    robfig: [d('2024-11-03T05:00Z'), d('2024-11-03T06:00Z')],
    cronParser: [d('2024-11-03T05:00Z'), d('2024-11-04T06:00Z')],
  },
];

for (const diff of differences) {
  test(`cron-parser vs robfig: ${diff.item}`, () => {
    assert.deepEqual(robfig(diff.schedule, diff.from, diff.timeZone, diff.count), diff.robfig, 'robfig (ours)');
    const theirs = cronParser(diff.schedule, diff.from, diff.timeZone, diff.count);
    if (Array.isArray(diff.cronParser)) assert.deepEqual(theirs, diff.cronParser, 'cron-parser');
    else assert.ok(!Array.isArray(theirs), `cron-parser accepted it: ${JSON.stringify(theirs)}`);
  });
}

test('cron-parser vs robfig: 11. the error texts differ', () => {
  assert.deepEqual(robfig('60 * * * *', '2024-01-01T00:00:00Z', 'UTC', 1), { error: 'end of range (60) above maximum (59): 60' });
  const theirs = cronParser('60 * * * *', '2024-01-01T00:00:00Z', 'UTC', 1);
  assert.ok(!Array.isArray(theirs) && theirs.error !== 'end of range (60) above maximum (59): 60');
});

test('cron-parser and robfig agree on plain schedules in UTC and across DST for hourly steps', () => {
  const plain = [
    '* * * * *', '*/5 * * * *', '5/15 * * * *', '0 * * * *', '30 2 * * *', '0 9-17 * * 1-5', '0 0 * * 0', '0 0 1 * *',
    '0 0 1 1 *', '15 10 * * MON-FRI', '0 0 13 * 5', '0 0 */2 * 1', '0 12 * JAN,JUL *', '0 0 ? * SUN', '0 0 31 * *',
    '59 23 * * 6', '0 */3 * * *', '0 0 1-31 * 1',
  ];
  for (const schedule of plain) {
    assert.deepEqual(robfig(schedule, '2024-01-01T00:00:30Z', 'UTC', 20), cronParser(schedule, '2024-01-01T00:00:30Z', 'UTC', 20), schedule);
  }
  for (const schedule of ['0 * * * *', '*/30 * * * *', '15 * * * *']) {
    for (const from of ['2024-03-10T04:00:00Z', '2024-11-03T03:00:00Z']) {
      assert.deepEqual(robfig(schedule, from, 'America/New_York', 8), cronParser(schedule, from, 'America/New_York', 8), `${schedule} from ${from}`);
    }
  }
});
