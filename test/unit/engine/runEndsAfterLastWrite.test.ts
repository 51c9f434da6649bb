/**
 * Where a run that runs out of work ends: after the controllers' last write, whatever the kind. A DaemonSet
 * with minReadySeconds writes its last status (numberAvailable) from a requeued sync that changes no pod and
 * records no event; the run used to end at its last pod change (duration 0, "0 available") although the
 * Timeline held a status written at +2s.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ENGLISH_ENV } from '../cli/englishEnv';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const START = '2026-01-01T00:00:00Z';

function daemonSet(minReadySeconds: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      minReadySeconds,
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'agent:1', resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '64Mi' } } }] },
      },
    },
  };
}

/** The latest moment anything in the Timeline happened or was written (seconds). */
function lastRecorded(timeline: Timeline): number {
  let last = 0;
  const at = (t: number | null): void => {
    if (t !== null && t > last) last = t;
  };
  for (const s of timeline.statusHistory) at(s.at);
  for (const e of timeline.events) at(e.at);
  for (const c of timeline.conditions) at(c.at);
  for (const m of timeline.markers) at(m.at);
  for (const p of timeline.pods) for (const t of [p.createdAt, p.startedAt, p.readyAt, p.finishedAt, p.deletedAt]) at(t);
  for (const rs of timeline.replicaSets ?? []) {
    for (const t of [rs.createdAt, rs.deletedAt]) at(t);
    for (const sample of rs.history) at(sample.at);
  }
  for (const claim of timeline.persistentVolumeClaims ?? []) for (const t of [claim.created, claim.deleted]) at(t);
  return last;
}

function run(manifest: unknown, scenario: Record<string, unknown>): Timeline {
  const result = simulate(manifest, { startTime: START, ...scenario });
  if (!result.ok) assert.fail(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.timeline;
}

const daemonSetCases: { readonly name: string; readonly manifest: unknown; readonly scenario: Record<string, unknown>; readonly duration: number; readonly available: number }[] = [
  // Ready at 0; available once Ready for more than 1s; the pod-ready requeue (minReadySeconds + 1s) writes it at 2s.
  { name: 'minReadySeconds 1, no scenario: the last write is numberAvailable at +2s', manifest: daemonSet(1), scenario: {}, duration: 2, available: 3 },
  // Ready at 10 (readySeconds); available after 40; written by the requeue at 41.
  { name: 'minReadySeconds 30, pods Ready after 10s: numberAvailable at +41s', manifest: daemonSet(30), scenario: { nodes: 2, pods: { default: { readySeconds: 10 } } }, duration: 41, available: 2 },
  // Without minReadySeconds the pods are available the moment they are Ready: nothing is written later.
  { name: 'minReadySeconds 0: available with the pods, the run ends at 0', manifest: daemonSet(0), scenario: {}, duration: 0, available: 3 },
];

for (const c of daemonSetCases) {
  test(`DaemonSet ${c.name}`, () => {
    const timeline = run(c.manifest, c.scenario);
    assert.equal(timeline.stopReason, 'finished');
    assert.equal(timeline.duration, c.duration);
    assert.equal(timeline.status.numberAvailable, c.available);
    assert.equal(timeline.statusHistory.at(-1)?.at, c.duration);
  });
}

test('k8s-dryrun simulate: a DaemonSet with minReadySeconds 1 is shown until its pods are available (+2s)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-end-'));
  const scenario = path.join(dir, 'agent.scenario.yaml');
  fs.writeFileSync(scenario, `startTime: ${START}\n`);
  const manifest = JSON.stringify(daemonSet(1));
  const cli = (...args: string[]): string => {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'simulate', '-', '--scenario', scenario, ...args], { cwd: REPO_ROOT, encoding: 'utf8', input: manifest, env: ENGLISH_ENV });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };
  const text = cli();
  assert.equal(text.split('\n')[0], 'DaemonSet/agent: simulated from 2026-01-01T00:00:00Z to 2026-01-01T00:00:02Z');
  assert.match(text, /\nagent {3}3 {9}3 {9}3 {7}3 {12}3 {11}<none> {10}2s\n/);
  const json = JSON.parse(cli('--format', 'json')) as Timeline;
  assert.equal(json.duration, 2);
  assert.equal(json.endTime, '2026-01-01T00:00:02Z');
});

/** Every example (Jobs, CronJobs, DaemonSets), with and without its scenarios. */
function examples(): { readonly name: string; readonly manifest: unknown; readonly scenario: Record<string, unknown> }[] {
  const dir = path.join(REPO_ROOT, 'examples');
  const files = fs.readdirSync(dir).sort();
  const out: { name: string; manifest: unknown; scenario: Record<string, unknown> }[] = [];
  for (const file of files.filter((f) => f.endsWith('.yaml') && !f.endsWith('.scenario.yaml'))) {
    const stem = file.slice(0, -'.yaml'.length);
    // The first workload of the file, as simulate picks it (a StatefulSet's file also holds its Service).
    const documents = parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((d) => d.toJS() as { kind?: unknown } | null);
    const manifest: unknown = documents.find((d) => d?.kind !== 'Service') ?? documents[0];
    out.push({ name: file, manifest, scenario: {} });
    for (const s of files.filter((f) => f.startsWith(`${stem}.`) && f.endsWith('.scenario.yaml'))) {
      out.push({ name: `${file} + ${s}`, manifest, scenario: parse(fs.readFileSync(path.join(dir, s), 'utf8')) as Record<string, unknown> });
    }
  }
  return out;
}

const POD = { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' };
/** Runs that finish with a status write after their last pod change: a Job's ready count, a suspended CronJob's last Job. */
const writers = [
  { name: 'a Job whose pod turns Ready, then succeeds', manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: POD } } }, scenario: { pods: { default: { readySeconds: 5, runSeconds: 20 } } } },
  {
    name: 'a CronJob suspended after its first Job',
    manifest: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: POD } } } } },
    scenario: { events: [{ at: '90s', suspend: true }] },
  },
  { name: 'a DaemonSet with minReadySeconds rolling out', manifest: daemonSet(5), scenario: { nodes: 3, pods: { default: { readySeconds: 3 } }, events: [{ at: '1m', setImage: 'agent:2' }] } },
];

test('every kind: a run never ends before its last write, and a run that finishes ends exactly there', () => {
  const kinds = new Set<string>();
  for (const example of [...examples(), ...writers]) {
    const result = simulate(example.manifest, { startTime: START, ...example.scenario });
    if (!result.ok) continue; // the examples that show validation errors
    const timeline = result.timeline;
    kinds.add(timeline.object.kind);
    const last = lastRecorded(timeline);
    assert.ok(timeline.duration >= last, `${example.name}: ends at ${timeline.duration}s, before its last write at ${last}s`);
    if (timeline.stopReason === 'finished') assert.equal(timeline.duration, last, example.name);
  }
  assert.deepEqual([...kinds].sort(), ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'StatefulSet']);
});
