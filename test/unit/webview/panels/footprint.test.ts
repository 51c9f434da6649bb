import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downsample, footprint, formatCpu, formatMemory, plotRange, podsAt } from '../../../../client/webview/src/panels/footprint';
import type { Timeline, TimelinePod } from '../../../../server/src/protocol/timeline';

function pod(name: string, createdAt: number, finishedAt: number | null, goneAt: number | null = null): TimelinePod {
  return {
    name, job: 'j', owner: { kind: 'Job', name: 'j', namespace: 'default' }, node: 'n', index: null, attempt: null, revision: null,
    createdAt, scheduledAt: createdAt, startedAt: createdAt, readyAt: null, finishedAt, deletedAt: goneAt, goneAt, deletedBy: null,
    phase: finishedAt === null ? 'Running' : 'Succeeded', exitCode: null, reason: null, containers: 1, restarts: 0, runs: [], conditions: [],
  };
}

function timeline(pods: TimelinePod[], duration: number, podRequests?: { cpuMillis: number; memoryBytes: number } | null): Timeline {
  const base = {
    schemaVersion: 1, object: { kind: 'Job', name: 'j', namespace: 'default' }, startTime: '2026-01-01T00:00:00Z', endTime: '', duration, truncated: false,
    stopReason: 'finished', message: null, seed: 1, effectiveSpec: {}, pods, jobs: [], conditions: [], events: [], status: {}, statusHistory: [], nodes: [], markers: [], notes: [],
  } as Timeline;
  return podRequests === undefined ? base : ({ ...base, podRequests } as Timeline);
}

test('active pods over time, the peak and when it was first reached, and pod-hours', () => {
  // three pods: [0,60) [30,90) [40, end=120) (running when the run stopped); one deleted before it finished
  const t = timeline([pod('a', 0, 60), pod('b', 30, 90), pod('c', 40, null), pod('d', 100, null, 110)], 120);
  const f = footprint(t);
  assert.deepEqual(f.peakPods, { value: 3, at: 40 });
  assert.deepEqual([0, 29, 30, 40, 60, 95, 105, 115].map((at) => podsAt(f.steps, at)), [1, 1, 2, 3, 2, 1, 2, 1]);
  assert.equal(f.podHours, (60 + 60 + 80 + 10) / 3600);
  assert.equal(f.requests, null);
  assert.equal(f.peakCpuMillis, null);
});

test('summed requests: the pod peak times the template requests', () => {
  const f = footprint(timeline([pod('a', 0, 3600), pod('b', 0, 1800)], 3600, { cpuMillis: 250, memoryBytes: 64 * 2 ** 20 }));
  assert.deepEqual(f.peakCpuMillis, { value: 500, at: 0 });
  assert.deepEqual(f.peakMemoryBytes, { value: 128 * 2 ** 20, at: 0 });
  assert.equal(f.podHours, 1.5);
  assert.equal(f.cpuCoreHours, 0.375);
  assert.equal(formatCpu(500), '500m CPU');
  assert.equal(formatCpu(1500), '1.5 cores');
  assert.equal(formatMemory(128 * 2 ** 20), '128Mi');
  assert.equal(formatMemory(1.5 * 2 ** 30), '1.5Gi');
  // no requests in the template: none shown
  assert.equal(footprint(timeline([pod('a', 0, 10)], 10, { cpuMillis: 0, memoryBytes: 0 })).requests, null);
});

test('downsampling keeps a short peak', () => {
  const pods = Array.from({ length: 5000 }, (_, i) => pod(`p${i}`, i, i + 1));
  pods.push(pod('x', 2500.2, 2500.4), pod('y', 2500.2, 2500.4));
  const f = footprint(timeline(pods, 5000));
  assert.equal(f.peakPods.value, 3);
  const drawn = downsample(f.steps, f.from, f.to, 100);
  assert.ok(drawn.length <= 100);
  assert.equal(Math.max(...drawn.map((s) => s.pods)), 3);
});

test('the plotted span ends a little after the last pod is gone, unless pods are active at the end', () => {
  const idleTail = footprint(timeline([pod('a', 0, 60), pod('b', 30, 100)], 700));
  assert.deepEqual(plotRange(idleTail), { from: 0, to: 105, idleAfter: 100 });
  const busyEnd = footprint(timeline([pod('a', 0, null)], 700));
  assert.deepEqual(plotRange(busyEnd), { from: 0, to: 700, idleAfter: null });
});

test('pods still active when the run stops are counted at its end', () => {
  const f = footprint(timeline([pod('a', 0, null), pod('b', 10, 700), pod('c', 20, 30)], 700));
  assert.equal(podsAt(f.steps, 700), 2);
  assert.equal(podsAt(f.steps, 25), 3);
  assert.equal(f.podHours, (700 + 690 + 10) / 3600);
});
