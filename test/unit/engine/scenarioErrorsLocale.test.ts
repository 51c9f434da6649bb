/**
 * Scenario problems in a Chinese editor: parseScenario, the durations it reads and the checks simulate makes
 * say what is wrong in Simplified Chinese, with the field paths, values and examples as written; the editor
 * still underlines an unknown field's key. Without a locale the English is what it was.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkScenarioText, formatProblem, parseScenario, simulate } from '../../../server/src/core';

const messages = (raw: unknown, locale?: 'en' | 'zh-cn'): string[] => parseScenario(raw, { locale }).errors.map(formatProblem);

const BAD = {
  untill: '5m',
  pods: { default: { runSeconds: 'soon', exitCode: 300 }, failureRate: 2 },
  nodes: [{ name: 'a', taints: [{ key: 'k', effect: 'Sometimes' }] }, { name: 'a' }],
  events: [{ addNode: { name: 'x' } }, { at: '1m', suspend: true, removeNode: 'a' }],
};

test('zh-cn: each problem of a scenario in Chinese; paths, values and field names as written', () => {
  assert.deepEqual(messages(BAD, 'zh-cn'), [
    'untill: 未知字段（是否想写 "until"？）；已知字段：startTime, until, pods, nodes, events, seed, existing',
    'pods.default.runSeconds: 必须是时长，例如 "90s"、"5m"、"2h" 或 "1h30m"（单位 ms、s、m、h、d），实际为 "soon"',
    'pods.default.exitCode: 退出码必须在 0 到 255 之间，实际为 300',
    'pods.failureRate: 必须是 0 到 1 之间的数，实际为 2',
    'nodes[0].taints[0].effect: 必须是 NoSchedule, PreferNoSchedule, NoExecute 之一，实际为 "Sometimes"',
    'nodes[1].name: 节点名称 "a" 重复',
    'events[0].at: 必填：事件发生的时间，例如 "5m"',
    'events[1]: 同时有 removeNode、suspend：一个事件只做一件事',
  ]);
});

test('en: the same scenario without a locale reads as before', () => {
  const english = messages(BAD);
  assert.deepEqual(messages(BAD, 'en'), english);
  assert.ok(english.includes('pods.default.exitCode: must be an exit code between 0 and 255, got 300'), english.join('\n'));
  assert.ok(english.includes('events[1]: has removeNode and suspend: one event does one thing'), english.join('\n'));
  for (const message of english) assert.doesNotMatch(message, /[\u4e00-\u9fff]/);
});

test('zh-cn: a run past year 9999 is refused in Chinese by simulate', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'perl' }], restartPolicy: 'Never' } } } };
  const result = simulate(job, { startTime: '9999-12-31T23:59:00Z', until: '2m' }, { locale: 'zh-cn' });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.errors.map((e) => `${e.path}: ${e.message}`),
    ['until: 运行将在 9999-12-31T23:59:59Z 之后结束，这是 RFC 3339（以及 Kubernetes）能表示的最后时刻：从此 startTime 起最多 59s'],
  );
});

test('zh-cn: a scenario file underlines an unknown field\'s key in either language', () => {
  const text = 'startTime: 2026-01-01T00:00:00Z\nuntill: 5m\n';
  const [en] = checkScenarioText(text);
  const [zh] = checkScenarioText(text, 'zh-CN');
  assert.match(zh!.message, /^untill: 未知字段/);
  assert.deepEqual(zh!.range, en!.range);
  assert.deepEqual(zh!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
});
