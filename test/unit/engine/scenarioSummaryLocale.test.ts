/**
 * describeScenario in a Chinese editor: the scenario bar's summary in Simplified Chinese, while durations, exit
 * codes, node names, labels, taints and images stay as the scenario writes them. English stays as it was.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeScenario, parseScenario } from '../../../server/src/core';

function summary(raw: unknown, kind: string, locale?: 'en' | 'zh-cn'): string {
  const parsed = parseScenario(raw);
  assert.deepEqual(parsed.errors, []);
  return describeScenario(parsed.scenario, kind, locale);
}

const CASES: readonly { name: string; raw: unknown; kind?: string; zh: string }[] = [
  { name: 'the default scenario', raw: undefined, zh: 'Pod 立即启动并运行 30s（退出码 0）' },
  { name: 'a DaemonSet with its nodes', raw: {}, kind: 'DaemonSet', zh: 'Pod 立即启动并一直运行到被删除；3 个节点' },
  {
    name: 'the first attempts fail: one range',
    raw: { pods: { default: { runSeconds: 10 }, outcomes: [{ pod: 1, exitCode: 1 }, { pod: 2, exitCode: 1 }] } },
    zh: 'Pod 运行 10s；第 1–2 次尝试：以退出码 1 失败',
  },
  {
    name: 'an outcome with its own run time, in every Job of a CronJob',
    raw: { pods: { default: { runSeconds: 20 }, outcomes: [{ pod: 1, runSeconds: 10, exitCode: 1 }] } },
    kind: 'CronJob',
    zh: 'Pod 运行 20s；第 1 次尝试：运行 10s 后以退出码 1 失败（每个 Job 中）',
  },
  {
    name: 'the first container runs of the first pod fail (restartPolicy OnFailure)',
    raw: { pods: { default: { runSeconds: 10 }, outcomes: [{ pod: 1, runs: [{ runSeconds: 10, exitCode: 1 }, { runSeconds: 10, exitCode: 1 }, { runSeconds: 10 }] }] } },
    zh: 'Pod 运行 10s；第 1–2 次尝试以退出码 1 失败（在同一 Pod 中重启）',
  },
  {
    name: 'start-up, exit code, readiness, random failures',
    raw: { seed: 7, pods: { default: { startupSeconds: 5, runSeconds: 60, exitCode: 3, readySeconds: 2 }, failureRate: 0.1 } },
    zh: 'Pod 5s 后启动并运行 1m（退出码 3），启动 2s 后就绪；10% 的 Pod 随机失败（种子 7）',
  },
  {
    name: 'nodes with shared labels and taints',
    raw: { nodes: [{ name: 'a', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }, { name: 'b', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }], ready: false }] },
    kind: 'DaemonSet',
    zh: 'Pod 立即启动并一直运行到被删除；2 个节点（disk=ssd；污点 gpu:NoSchedule；1 个未就绪）',
  },
  {
    name: 'events and until',
    raw: {
      until: '2h',
      events: [
        { at: '30m', controllerDown: '3h' },
        { at: '5m', addNode: { name: 'node-9' } },
        { at: '15m', setImage: 'fluent/fluentd:v1.4' },
      ],
    },
    zh: 'Pod 立即启动并运行 30s（退出码 0）；+5m 节点 node-9 加入；+15m 镜像改为 fluent/fluentd:v1.4；控制器在 +30m–+3h30m 停止运行；运行到 2h',
  },
  {
    name: 'more than a few events: the first four and how many more',
    raw: { events: [1, 2, 3, 4, 5, 6].map((i) => ({ at: `${i}m`, removeNode: `node-${i}` })) },
    zh: 'Pod 立即启动并运行 30s（退出码 0）；+1m 节点 node-1 离开；+2m 节点 node-2 离开；+3m 节点 node-3 离开；+4m 节点 node-4 离开；另有 2 个事件',
  },
];

for (const c of CASES) {
  test(`describeScenario in zh-cn: ${c.name}`, () => {
    const kind = c.kind ?? 'Job';
    assert.equal(summary(c.raw, kind, 'zh-cn'), c.zh);
    // The same scenario without a locale and in 'en' reads the same, in English.
    assert.equal(summary(c.raw, kind, 'en'), summary(c.raw, kind));
    assert.doesNotMatch(summary(c.raw, kind), /[\u4e00-\u9fff]/);
  });
}
