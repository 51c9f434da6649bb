/**
 * Whole CronJob runs: manifest + scenario → Timeline. The examples' `hello` CronJob every minute with
 * 90-second runs under Allow, Forbid and Replace; a controller-manager outage with and without
 * startingDeadlineSeconds; time zones across DST changes and the controller's own zone; history limits;
 * a pasted status; suspend; the bounds that keep a year of runs finite.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { simulate, type SimulateOptions } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const ROOT = resolve(__dirname, '../../../..');

function example(file: string): unknown {
  return parse(readFileSync(resolve(ROOT, 'examples', file), 'utf8'));
}

function run(manifest: unknown, scenario: unknown, options: SimulateOptions = {}): Timeline {
  const result = simulate(manifest, scenario, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

function cronJob(spec: Record<string, unknown>, extra: Record<string, unknown> = {}, restartPolicy = 'OnFailure'): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy } } } }, ...spec },
    ...extra,
  };
}

/** The CronJob's own events: "at reason message". */
function cronEvents(timeline: Timeline, reason?: string): string[] {
  return timeline.events.filter((e) => e.kind === 'CronJob' && (reason === undefined || e.reason === reason)).map((e) => `${e.at} ${e.reason} ${e.message}`);
}

function jobs(timeline: Timeline): string[] {
  return timeline.jobs.map((j) => `${j.name} ${j.scheduledTime} created=${j.createdAt} finished=${j.finishedAt} deleted=${j.deletedAt} ${j.result}`);
}

/** The most Jobs the CronJob had active at once, from its status history. */
function maxActive(timeline: Timeline): number {
  return Math.max(...timeline.statusHistory.filter((s) => s.kind === 'CronJob').map((s) => s.status.active as number));
}

test('hello, Allow, 90s runs every minute: each Job starts 100ms after its minute and overlaps the previous one', () => {
  const timeline = run(example('hello-cronjob-v1.yaml'), example('hello-cronjob-v1.scenario.yaml'));
  assert.deepEqual(jobs(timeline), [
    'hello-29453761 2026-01-01T00:01:00Z created=60.1 finished=151.1 deleted=331.1 Complete',
    'hello-29453762 2026-01-01T00:02:00Z created=120.1 finished=211.1 deleted=null Complete',
    'hello-29453763 2026-01-01T00:03:00Z created=180.1 finished=271.1 deleted=null Complete',
    'hello-29453764 2026-01-01T00:04:00Z created=240.1 finished=331.1 deleted=null Complete',
    'hello-29453765 2026-01-01T00:05:00Z created=300.1 finished=null deleted=null Running',
  ]);
  assert.equal(maxActive(timeline), 2);
  assert.deepEqual(cronEvents(timeline), [
    '60.1 SuccessfulCreate Created job hello-29453761',
    '120.1 SuccessfulCreate Created job hello-29453762',
    '151.1 SawCompletedJob Saw completed job: hello-29453761, condition: Complete',
    '180.1 SuccessfulCreate Created job hello-29453763',
    '211.1 SawCompletedJob Saw completed job: hello-29453762, condition: Complete',
    '240.1 SuccessfulCreate Created job hello-29453764',
    '271.1 SawCompletedJob Saw completed job: hello-29453763, condition: Complete',
    '300.1 SuccessfulCreate Created job hello-29453765',
    // successfulJobsHistoryLimit 3 (the default): the oldest finished Job goes.
    '331.1 SuccessfulDelete Deleted job hello-29453761',
    '331.1 SawCompletedJob Saw completed job: hello-29453764, condition: Complete',
  ]);
  assert.ok(timeline.events.every((e) => e.kind !== 'CronJob' || e.source === 'cronjob-controller'));
  // Every Job ran the job template's one pod, with the Job controller's events.
  assert.deepEqual(timeline.pods.map((p) => p.job), timeline.jobs.map((j) => j.name));
  assert.equal(timeline.events.filter((e) => e.kind === 'Job' && e.reason === 'Completed').length, 4);
  assert.deepEqual(timeline.status, { active: [{ kind: 'Job', name: 'hello-29453765', namespace: 'default' }], lastScheduleTime: 300, lastSuccessfulTime: 331.1 });
  assert.deepEqual(timeline.markers, []);
  assert.equal(timeline.stopReason, 'until');
  assert.equal(timeline.truncated, false);
  assert.equal((timeline.effectiveSpec as { concurrencyPolicy: string }).concurrencyPolicy, 'Allow');
  assert.deepEqual((timeline.effectiveSpec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec.backoffLimit, 6);
});

test('hello, Forbid: a run due while one is active waits (JobAlreadyActive) and starts late, the next one due meanwhile is skipped', () => {
  const timeline = run(example('hello-cronjob-forbid.yaml'), example('hello-cronjob-forbid.scenario.yaml'));
  assert.deepEqual(jobs(timeline), [
    'hello-29453761 2026-01-01T00:01:00Z created=60.1 finished=151.1 deleted=424.1 Complete',
    // 00:02 was held back at 120.1 and started when the first Job finished.
    'hello-29453762 2026-01-01T00:02:00Z created=151.1 finished=242.1 deleted=null Complete',
    // 00:03 came and went while it ran: skipped; 00:04 is the most recent when it finished.
    'hello-29453764 2026-01-01T00:04:00Z created=242.1 finished=333.1 deleted=null Complete',
    'hello-29453765 2026-01-01T00:05:00Z created=333.1 finished=424.1 deleted=null Complete',
    'hello-29453767 2026-01-01T00:07:00Z created=424.1 finished=null deleted=null Running',
  ]);
  assert.deepEqual(cronEvents(timeline, 'JobAlreadyActive'), [120.1, 180.1, 240.1, 300.1, 360.1, 420.1].map((t) => `${t} JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid`));
  assert.equal(maxActive(timeline), 1);
  assert.deepEqual(
    timeline.markers.map((m) => `${m.at} ${m.kind} ×${m.count} ${m.description}`),
    [
      '242.1 skippedRun ×1 skipped the run at 2026-01-01T00:03:00Z: hello-29453762 still running (concurrencyPolicy Forbid); started 2026-01-01T00:04:00Z (hello-29453764)',
      '424.1 skippedRun ×1 skipped the run at 2026-01-01T00:06:00Z: hello-29453765 still running (concurrencyPolicy Forbid); started 2026-01-01T00:07:00Z (hello-29453767)',
    ],
  );
});

test('hello, Replace: the running Job is deleted at each minute (its pod stopped) and the new one starts', () => {
  const timeline = run(example('hello-cronjob-replace.yaml'), example('hello-cronjob-replace.scenario.yaml'));
  assert.deepEqual(jobs(timeline), [
    'hello-29453761 2026-01-01T00:01:00Z created=60.1 finished=null deleted=120.1 Replaced',
    'hello-29453762 2026-01-01T00:02:00Z created=120.1 finished=null deleted=180.1 Replaced',
    'hello-29453763 2026-01-01T00:03:00Z created=180.1 finished=null deleted=240.1 Replaced',
    'hello-29453764 2026-01-01T00:04:00Z created=240.1 finished=null deleted=null Running',
  ]);
  assert.deepEqual(cronEvents(timeline).slice(0, 3), [
    '60.1 SuccessfulCreate Created job hello-29453761',
    '120.1 SuccessfulDelete Deleted job hello-29453761',
    '120.1 SuccessfulCreate Created job hello-29453762',
  ]);
  // The garbage collector deletes the replaced Jobs' pods: SIGTERM, exit 143.
  const stopped = timeline.pods.slice(0, 3);
  assert.deepEqual(
    stopped.map((p) => `${p.phase} ${p.exitCode} ${p.deletedAt} ${p.deletedBy}`),
    [1, 2, 3].map((i) => `Failed 143 ${60 * i + 60.1} garbage-collector: owner Job hello-2945376${i} deleted`),
  );
  assert.equal(timeline.events.filter((e) => e.reason === 'Completed').length, 0);
  assert.equal(maxActive(timeline), 1);
  assert.deepEqual((timeline.status as { lastSuccessfulTime: unknown }).lastSuccessfulTime, null);
});

test('controller manager down 3h, no startingDeadlineSeconds: on return only the most recent missed run starts, with TooManyMissedTimes', () => {
  const timeline = run(example('hello-cronjob-v1.yaml'), example('hello-cronjob-starting-deadline.outage.scenario.yaml'));
  const during = timeline.jobs.filter((j) => j.createdAt > 1830 && j.createdAt < 12630);
  assert.deepEqual(during, []);
  const after = timeline.jobs.filter((j) => j.createdAt >= 12630).map((j) => `${j.scheduledTime} ${j.createdAt}`);
  assert.deepEqual(after, ['2026-01-01T03:30:00Z 12630', '2026-01-01T03:31:00Z 12660.1', '2026-01-01T03:32:00Z 12720.1', '2026-01-01T03:33:00Z 12780.1', '2026-01-01T03:34:00Z 12840.1']);
  assert.deepEqual(cronEvents(timeline, 'TooManyMissedTimes'), ['12630 TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew']);
  assert.deepEqual(
    timeline.markers.map((m) => `${m.at} ${m.kind}`),
    ['1830 controllerDown', '12630 controllerUp', '12630 missedRun'],
  );
  assert.match(timeline.markers[2].description, /^missed 179 runs \(2026-01-01T00:31:00Z … 2026-01-01T03:29:00Z\): kube-controller-manager was down/);
  // The count the preview shows, without reading the sentence; the scenario's own markers have none.
  assert.deepEqual(timeline.markers.map((m) => m.count), [undefined, undefined, 179]);
});

test('controller manager down 3h with startingDeadlineSeconds 10: the 03:30 run is 30s late on return, nothing starts until 03:31', () => {
  const timeline = run(example('hello-cronjob-starting-deadline.yaml'), example('hello-cronjob-starting-deadline.outage.scenario.yaml'));
  const after = timeline.jobs.filter((j) => j.createdAt >= 12630).map((j) => `${j.scheduledTime} ${j.createdAt}`);
  assert.deepEqual(after, ['2026-01-01T03:31:00Z 12660.1', '2026-01-01T03:32:00Z 12720.1', '2026-01-01T03:33:00Z 12780.1', '2026-01-01T03:34:00Z 12840.1']);
  // The deadline bounds the search: no "too many missed" warning, and (as upstream) no MissSchedule either.
  assert.deepEqual(cronEvents(timeline, 'TooManyMissedTimes'), []);
  assert.deepEqual(cronEvents(timeline, 'MissSchedule'), []);
  assert.match(timeline.markers[2].description, /^missed 180 runs \(2026-01-01T00:31:00Z … 2026-01-01T03:30:00Z\): kube-controller-manager was down \(a missed time is started only within startingDeadlineSeconds, 10s\)/);
  assert.equal(timeline.markers[2].count, 180);
});

test('an older release words SawCompletedJob and TooManyMissedTimes as it did', () => {
  const timeline = run(example('hello-cronjob-v1.yaml'), example('hello-cronjob-starting-deadline.outage.scenario.yaml'), { kubernetesVersion: '1.28' });
  assert.match(cronEvents(timeline, 'SawCompletedJob')[0], /Saw completed job: hello-29453761, status: Complete$/);
  assert.deepEqual(cronEvents(timeline, 'TooManyMissedTimes'), ['12630 TooManyMissedTimes too many missed start times: 180. Set or decrease .spec.startingDeadlineSeconds or check clock skew']);
});

test('timeZone across DST: 02:30 New York does not exist on the spring-forward day; 01:00 runs twice on the fall-back day', () => {
  const spring = run(cronJob({ schedule: '30 2 * * *', timeZone: 'America/New_York' }), { startTime: '2026-03-06T12:00:00Z', until: '4d', pods: { default: { runSeconds: 10 } } });
  assert.deepEqual(spring.jobs.map((j) => j.scheduledTime), ['2026-03-07T07:30:00Z', '2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z']);
  assert.deepEqual(spring.markers, []);
  const fall = run(cronJob({ schedule: '0 1 * * *', timeZone: 'America/New_York' }), { startTime: '2026-10-30T12:00:00Z', until: '4d', pods: { default: { runSeconds: 10 } } });
  assert.deepEqual(
    fall.jobs.map((j) => `${j.name} ${j.scheduledTime}`),
    ['hello-29890380 2026-10-31T05:00:00Z', 'hello-29891820 2026-11-01T05:00:00Z', 'hello-29891880 2026-11-01T06:00:00Z', 'hello-29893320 2026-11-02T06:00:00Z', 'hello-29894760 2026-11-03T06:00:00Z'],
  );
});

test('without spec.timeZone the schedule runs in the controller manager\'s zone (SimulateOptions.controllerTimeZone, UTC by default)', () => {
  const manifest = cronJob({ schedule: '0 9 * * *' });
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '2d', pods: { default: { runSeconds: 10 } } };
  assert.deepEqual(run(manifest, scenario, { controllerTimeZone: 'Asia/Shanghai' }).jobs.map((j) => j.scheduledTime), ['2026-01-01T01:00:00Z', '2026-01-02T01:00:00Z']);
  assert.deepEqual(run(manifest, scenario).jobs.map((j) => j.scheduledTime), ['2026-01-01T09:00:00Z', '2026-01-02T09:00:00Z']);
  const result = simulate(manifest, scenario, { controllerTimeZone: 'Mars/Olympus' });
  assert.ok(result.ok);
  assert.deepEqual(result.timeline.jobs.map((j) => j.scheduledTime), ['2026-01-01T09:00:00Z', '2026-01-02T09:00:00Z']);
  assert.match(result.warnings.map((w) => w.message).join('\n'), /controller time zone "Mars\/Olympus" is not an IANA time zone name/);
});

test('history limits: finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit are deleted, oldest first', () => {
  const manifest = (successful: number, failed: number): unknown =>
    cronJob({ schedule: '*/1 * * * *', successfulJobsHistoryLimit: successful, failedJobsHistoryLimit: failed, jobTemplate: { spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'Never' } } } } });
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '6m', pods: { default: { runSeconds: 10 }, outcomes: [{ job: 2, exitCode: 1 }, { job: 3, exitCode: 1 }] } };
  const timeline = run(manifest(1, 1), scenario);
  assert.deepEqual(
    timeline.jobs.map((j) => `${j.name} ${j.result} ${j.finishedAt} ${j.deletedAt}`),
    ['hello-29453761 Complete 71.1 251.1', 'hello-29453762 Failed 131.1 191.1', 'hello-29453763 Failed 191.1 null', 'hello-29453764 Complete 251.1 311.1', 'hello-29453765 Complete 311.1 null'],
  );
  assert.deepEqual(cronEvents(timeline, 'SuccessfulDelete'), ['191.1 SuccessfulDelete Deleted job hello-29453762', '251.1 SuccessfulDelete Deleted job hello-29453761', '311.1 SuccessfulDelete Deleted job hello-29453764']);
  assert.deepEqual(cronEvents(timeline, 'SawCompletedJob').slice(1, 2), ['131.1 SawCompletedJob Saw completed job: hello-29453762, condition: Failed']);
  // Limits of 0 delete every finished Job as soon as it is seen.
  const none = run(manifest(0, 0), scenario);
  assert.ok(none.jobs.slice(0, 5).every((j) => j.deletedAt !== null && j.deletedAt === j.finishedAt));
});

test('successfulJobsHistoryLimit 0: cleanup deletes the finished Job and takes it out of status.active first, so no SawCompletedJob; lastSuccessfulTime still moves', () => {
  const manifest = cronJob({ schedule: '*/1 * * * *', successfulJobsHistoryLimit: 0 });
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '3m', pods: { default: { runSeconds: 10 } } };
  for (const kubernetesVersion of ['1.37', '1.30']) {
    const timeline = run(manifest, scenario, { kubernetesVersion });
    assert.deepEqual(cronEvents(timeline, 'SawCompletedJob'), []);
    assert.deepEqual(cronEvents(timeline, 'SuccessfulDelete'), ['71.1 SuccessfulDelete Deleted job hello-29453761', '131.1 SuccessfulDelete Deleted job hello-29453762']);
    assert.equal((timeline.status as { lastSuccessfulTime: unknown }).lastSuccessfulTime, 131.1);
  }
});

test('ttlSecondsAfterFinished 0: the CronJob controller sees each Job finish, then the TTL controller deletes it (older releases lose lastSuccessfulTime)', () => {
  const manifest = cronJob({ schedule: '*/1 * * * *', jobTemplate: { spec: { ttlSecondsAfterFinished: 0, template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } });
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '3m', pods: { default: { runSeconds: 10 } } };
  const timeline = run(manifest, scenario);
  assert.deepEqual(timeline.jobs.map((j) => `${j.name} ${j.finishedAt} ${j.deletedAt}`), ['hello-29453761 71.1 71.1', 'hello-29453762 131.1 131.1']);
  assert.deepEqual(cronEvents(timeline, 'MissingJob'), []);
  assert.deepEqual(cronEvents(timeline, 'SawCompletedJob'), ['71.1 SawCompletedJob Saw completed job: hello-29453761, condition: Complete', '131.1 SawCompletedJob Saw completed job: hello-29453762, condition: Complete']);
  assert.equal((timeline.status as { lastSuccessfulTime: unknown }).lastSuccessfulTime, 131.1);
  // Before 1.31 the sync that saw the Job finish did not move lastSuccessfulTime, and the next one no longer finds it.
  const older = run(manifest, scenario, { kubernetesVersion: '1.30' });
  assert.deepEqual(cronEvents(older, 'SawCompletedJob'), ['71.1 SawCompletedJob Saw completed job: hello-29453761, status: Complete', '131.1 SawCompletedJob Saw completed job: hello-29453762, status: Complete']);
  assert.equal((older.status as { lastSuccessfulTime: unknown }).lastSuccessfulTime, null);
});

test('a pasted live object: status.lastScheduleTime is where the schedule resumes, lastSuccessfulTime and active Jobs carry over', () => {
  const scenario = { startTime: '2026-01-01T00:00:00Z', until: '12m', pods: { default: { runSeconds: 10 } } };
  const fresh = run(cronJob({ schedule: '*/5 * * * *' }), scenario);
  assert.deepEqual(fresh.jobs.map((j) => `${j.scheduledTime} ${j.createdAt}`), ['2026-01-01T00:05:00Z 300.1', '2026-01-01T00:10:00Z 600.1']);
  const pasted = run(
    cronJob({ schedule: '*/5 * * * *' }, { metadata: { name: 'hello', creationTimestamp: '2025-06-01T00:00:00Z' }, status: { lastScheduleTime: '2025-12-31T23:50:00Z', lastSuccessfulTime: '2025-12-31T23:50:40Z' } }),
    scenario,
  );
  // 23:55 was due before the run started: the controller starts the most recent time, 00:00, at once.
  assert.deepEqual(pasted.jobs.map((j) => `${j.scheduledTime} ${j.createdAt}`), ['2026-01-01T00:00:00Z 0', '2026-01-01T00:05:00Z 300.1', '2026-01-01T00:10:00Z 600.1']);
  assert.deepEqual(pasted.markers.map((m) => `${m.at} ${m.kind} ×${m.count} ${m.description}`), [
    '0 missedRun ×1 missed the run at 2025-12-31T23:55:00Z: due before the simulation started (after status.lastScheduleTime); started 2026-01-01T00:00:00Z (hello-29453760)',
  ]);
  assert.deepEqual(pasted.statusHistory[0], { at: 0, object: 'hello', kind: 'CronJob', status: { active: 0, lastScheduleTime: -600, lastSuccessfulTime: -560 } });

  const running = run(cronJob({ schedule: '*/5 * * * *' }, { status: { active: [{ kind: 'Job', name: 'hello-29453755', namespace: 'default' }], lastScheduleTime: '2025-12-31T23:55:00Z' } }), scenario);
  assert.deepEqual(running.jobs.map((j) => `${j.name} ${j.scheduledTime} created=${j.createdAt} finished=${j.finishedAt}`), [
    'hello-29453755 2025-12-31T23:55:00Z created=0 finished=11',
    'hello-29453760 2026-01-01T00:00:00Z created=0 finished=11',
    'hello-29453765 2026-01-01T00:05:00Z created=300.1 finished=311.1',
    'hello-29453770 2026-01-01T00:10:00Z created=600.1 finished=611.1',
  ]);
  assert.match(cronEvents(running, 'SawCompletedJob')[0], /^11 SawCompletedJob Saw completed job: hello-29453755/);
});

test('suspend and resume: nothing starts while suspended; on resume the most recent missed run starts at once', () => {
  const timeline = run(cronJob({ schedule: '*/1 * * * *' }), {
    startTime: '2026-01-01T00:00:00Z',
    until: '8m',
    pods: { default: { runSeconds: 10 } },
    events: [
      { at: '2m30s', suspend: true },
      { at: '5m30s', suspend: false },
    ],
  });
  assert.deepEqual(timeline.jobs.map((j) => `${j.scheduledTime} ${j.createdAt}`), [
    '2026-01-01T00:01:00Z 60.1',
    '2026-01-01T00:02:00Z 120.1',
    '2026-01-01T00:05:00Z 330',
    '2026-01-01T00:06:00Z 360.1',
    '2026-01-01T00:07:00Z 420.1',
  ]);
  assert.deepEqual(timeline.markers.map((m) => `${m.at} ${m.kind}`), ['150 suspend', '330 resume', '330 skippedRun']);
  assert.match(timeline.markers[2].description, /^skipped 2 runs \(2026-01-01T00:03:00Z … 2026-01-01T00:04:00Z\): the CronJob was suspended/);
  assert.equal(timeline.markers[2].count, 2);
  const suspended = run(cronJob({ schedule: '*/1 * * * *', suspend: true }), { startTime: '2026-01-01T00:00:00Z', until: '10m' });
  assert.deepEqual(suspended.jobs, []);
  assert.ok(suspended.notes.some((n) => n.includes('spec.suspend is true')));
});

test('without `until` a CronJob run shows its first five schedule times (at least an hour)', () => {
  const minutely = run(cronJob({ schedule: '*/1 * * * *' }), { startTime: '2026-01-01T00:00:00Z', pods: { default: { runSeconds: 10 } } });
  assert.equal(minutely.duration, 3600);
  assert.equal(minutely.stopReason, 'until');
  const daily = run(cronJob({ schedule: '0 3 * * *' }), { startTime: '2026-01-01T00:00:00Z', pods: { default: { runSeconds: 10 } } });
  assert.equal(daily.jobs.length, 5);
  assert.equal(daily.duration, 4 * 86400 + 3 * 3600 + 600);
});

test('a year of Allow with day-long runs stops at the pod cap (truncated), a year of Forbid at the event cap: never a hang', () => {
  const scenario = (runSeconds: number): unknown => ({ startTime: '2026-01-01T00:00:00Z', until: '365d', pods: { default: { runSeconds } } });
  const allow = run(cronJob({ schedule: '*/1 * * * *' }), scenario(86_400), { limits: { maxPods: 2_000 } });
  assert.equal(allow.truncated, true);
  assert.equal(allow.stopReason, 'maxPods');
  assert.equal(allow.pods.length, 2_000);
  assert.ok(maxActive(allow) > 1_400);
  const forbid = run(cronJob({ schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid' }), scenario(10), { limits: { maxEvents: 20_000 } });
  assert.equal(forbid.truncated, true);
  assert.equal(forbid.stopReason, 'maxEvents');
  assert.ok(forbid.jobs.length > 1_000);
});

test('unparseable schedule or unknown time zone (allowInvalid): a warning event, nothing scheduled', () => {
  const bad = simulate(cronJob({ schedule: 'obvious error schedule' }), { until: '5m' }, { allowInvalid: true });
  assert.ok(bad.ok);
  assert.deepEqual(cronEvents(bad.timeline), ['0 UnparseableSchedule unparseable schedule: "obvious error schedule" : expected exactly 5 fields, found 3: [obvious error schedule]']);
  const zone = simulate(cronJob({ schedule: '*/1 * * * *', timeZone: 'Mars/Olympus' }), { until: '5m' }, { allowInvalid: true });
  assert.ok(zone.ok);
  assert.deepEqual(cronEvents(zone.timeline), ['0 UnknownTimeZone invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
  assert.deepEqual(zone.timeline.jobs, []);
});

test('the same scenario and seed replay the same Timeline', () => {
  const a = run(example('hello-cronjob-forbid.yaml'), example('hello-cronjob-forbid.scenario.yaml'));
  const b = run(example('hello-cronjob-forbid.yaml'), example('hello-cronjob-forbid.scenario.yaml'));
  assert.deepEqual(a, b);
});
