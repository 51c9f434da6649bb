/**
 * The engine's words for the reader follow SimulateOptions.locale: the Timeline's notes, its warnings about
 * scenario events and the markers it sets for them are Chinese in a Chinese editor, while controller events,
 * conditions, reasons and the Timeline's machine fields stay as a cluster writes them. English stays as it was.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate, type SimulateOptions } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const HAN = /[\u4e00-\u9fff]/;

function job(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { ...spec, template: { spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'Never' } } } };
}

function run(manifest: unknown, scenario: unknown, options: SimulateOptions = {}): { timeline: Timeline; warnings: string[] } {
  const result = simulate(manifest, scenario, { defaultStartTime: '2026-01-01T00:00:00Z', ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const scenarioWarnings = result.warnings.filter((w) => w.source === 'scenario');
  return { timeline: result.timeline, warnings: scenarioWarnings.map((w) => `${w.path}: ${w.message}`) };
}

test('zh-cn: a pod that never finds a node is told in Chinese; the FailedScheduling event stays English', () => {
  const scenario = { nodes: 0, until: '1m' };
  const en = run(job(), scenario).timeline;
  const zh = run(job(), scenario, { locale: 'zh-cn' }).timeline;
  assert.ok(en.notes.includes('1 pod(s) never found a node that fits (see the FailedScheduling events); add or change nodes in the scenario.'), JSON.stringify(en.notes));
  assert.ok(zh.notes.includes('1 个 Pod 始终没有找到合适的节点（见 FailedScheduling 事件）；请在场景中添加或修改节点。'), JSON.stringify(zh.notes));
  // The Job's own note is Chinese too, one for one with the English ones.
  assert.equal(zh.notes.length, en.notes.length);
  for (const note of zh.notes) assert.match(note, HAN);
  // What the cluster says is the same in both: events, conditions, the machine fields.
  assert.deepEqual(zh.events, en.events);
  assert.deepEqual(zh.conditions, en.conditions);
  assert.equal(zh.stopReason, en.stopReason);
  assert.ok(zh.events.some((e) => e.reason === 'FailedScheduling' && !HAN.test(e.message)));
});

test('zh-cn: warnings about scenario events and their markers are Chinese; marker kinds stay machine words', () => {
  const scenario = {
    until: '5m',
    events: [
      { at: '10s', addNode: { name: 'node-7' } },
      { at: '20s', removeNode: 'node-42' },
      { at: '10m', removeNode: 'node-0' },
    ],
  };
  const en = run(job(), scenario);
  const zh = run(job(), scenario, { locale: 'zh-cn' });
  assert.deepEqual(en.warnings, [
    'events[2]: at +10m, after the end of the run (+5m, `until`): ignored; set `until` later to reach it',
    'events[1]: no node named node-42 at t=20s',
  ]);
  assert.deepEqual(zh.warnings, [
    'events[2]: 发生在 +10m，晚于运行结束（+5m，`until`）：已忽略；设置更晚的 `until` 才能看到它',
    'events[1]: t=20s 时没有名为 node-42 的节点',
  ]);
  assert.ok(zh.timeline.notes.includes('events[1]：t=20s 时没有名为 node-42 的节点'), JSON.stringify(zh.timeline.notes));
  const added = (t: Timeline): unknown => t.markers.find((m) => m.kind === 'addNode');
  assert.deepEqual(added(en.timeline), { at: 10, kind: 'addNode', description: 'node node-7 added' });
  assert.deepEqual(added(zh.timeline), { at: 10, kind: 'addNode', description: '添加节点 node-7' });
});

test('zh-cn: a CronJob\'s notes name its zone in Chinese; without a locale they are the English ones', () => {
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '*/5 * * * *', timeZone: 'Asia/Shanghai', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
  };
  const en = run(cron, { until: '11m' }).timeline;
  const zh = run(cron, { until: '11m' }, { locale: 'zh-cn' }).timeline;
  assert.equal(en.notes[0], 'The schedule is computed in Asia/Shanghai. The controller syncs 100ms after each schedule time (nextScheduleDelta), so Jobs are created then.');
  assert.equal(zh.notes[0], '计划按 Asia/Shanghai 时区计算。控制器在每个计划时间之后 100ms 同步（nextScheduleDelta），因此 Job 在那时创建。');
  assert.ok(zh.notes.some((n) => n.startsWith('concurrencyPolicy 为 Forbid：')), JSON.stringify(zh.notes));
  assert.deepEqual(run(cron, { until: '11m' }, { locale: 'en' }).timeline.notes, en.notes);
  for (const note of en.notes) assert.doesNotMatch(note, HAN);
});

test('zh-cn: why a run idles (Timeline message) and an ignored scenario event are said in Chinese', () => {
  const suspended = job({ suspend: true });
  const scenario = { until: '1m', events: [{ at: '10s', setImage: 'perl:5.40' }] };
  const en = run(suspended, scenario);
  const zh = run(suspended, scenario, { locale: 'zh-cn' });
  assert.equal(en.timeline.message, 'Job pi is suspended (spec.suspend is true): no pods run until it is resumed.');
  assert.equal(zh.timeline.message, 'Job pi 已挂起（spec.suspend 为 true）：恢复之前不会运行任何 Pod。');
  assert.deepEqual(en.warnings, ["events[0]: ignored: a Job's pod template is immutable (the API server rejects the change: field is immutable)"]);
  assert.deepEqual(zh.warnings, ['events[0]: 已忽略：Job 的 Pod 模板不可变（API 服务器会拒绝该修改："field is immutable"）']);
  // The machine fields do not change with the language.
  assert.equal(zh.timeline.stopReason, en.timeline.stopReason);
  assert.deepEqual(zh.timeline.status, en.timeline.status);
});

test('zh-cn: a warning about the object the engine simplifies (an unknown controller time zone) is Chinese; the zone stays as given', () => {
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
  };
  const warnings = (locale?: 'zh-cn'): string[] => {
    const result = simulate(cron, { startTime: '2026-01-01T00:00:00Z', until: '1h' }, { controllerTimeZone: 'Mars/Olympus', locale });
    return result.warnings.filter((w) => w.path === '').map((w) => w.message);
  };
  assert.deepEqual(warnings(), ['controller time zone "Mars/Olympus" is not an IANA time zone name; schedules without spec.timeZone run in UTC']);
  assert.deepEqual(warnings('zh-cn'), ['控制器时区 "Mars/Olympus" 不是 IANA 时区名称；未设置 spec.timeZone 的计划按 UTC 运行']);
});

test('zh-cn: what the engine cannot simulate is said in Chinese; a locale tag it does not know reads as English', () => {
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
  const errors = (options: SimulateOptions): string[] => {
    const result = simulate(configMap, {}, options);
    return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  };
  assert.deepEqual(errors({ locale: 'zh-cn' }), ['kind: 暂不能模拟 kind "ConfigMap"（可模拟的类型：Job, CronJob, DaemonSet, StatefulSet, Deployment, ReplicaSet）']);
  const english = ['kind: cannot simulate kind "ConfigMap" yet (simulated kinds: Job, CronJob, DaemonSet, StatefulSet, Deployment, ReplicaSet)'];
  assert.deepEqual(errors({}), english);
  assert.deepEqual(errors({ locale: 'fr' as unknown as 'en' }), english);
});

test('zh-cn: the markers of a controller outage and the CronJob run it missed are Chinese; kinds, times and Job names as they are', () => {
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
  };
  const scenario = { until: '5m', pods: { default: { runSeconds: 20 } }, events: [{ at: '30s', controllerDown: '2m' }] };
  const markers = (locale?: 'zh-cn'): string[] => run(cron, scenario, { locale }).timeline.markers.map((m) => `${m.at} ${m.kind} ${m.description}`);
  assert.deepEqual(markers(), [
    '30 controllerDown kube-controller-manager down for 120s',
    '150 controllerUp kube-controller-manager is back: every object is synced again',
    '150 missedRun missed the run at 2026-01-01T00:01:00Z: kube-controller-manager was down (when it is back only the most recent missed time is started); started 2026-01-01T00:02:00Z (hello-29453762)',
  ]);
  assert.deepEqual(markers('zh-cn'), [
    '30 controllerDown kube-controller-manager 停止运行 120s',
    '150 controllerUp kube-controller-manager 已恢复：所有对象重新同步',
    '150 missedRun 错过 2026-01-01T00:01:00Z 的运行：kube-controller-manager 停止运行（恢复后只启动最近一次错过的时间）；2026-01-01T00:02:00Z 启动了 hello-29453762',
  ]);
});
