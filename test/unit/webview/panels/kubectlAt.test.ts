// "kubectl at t" against the CLI: at the time the CLI prints its tables, the panel's tables are the CLI's,
// in the CLI's order; at other times they follow the Timeline (rows appear and go, rollout lines grow).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ENGLISH_ENV } from '../../cli/englishEnv';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { conditionsAt, eventsAt, kubectlTablesAt, objectStatusAt, rolloutStatusAt } from '../../../../client/webview/src/panels/kubectlAt';
import type { Timeline } from '../../../../server/src/protocol/timeline';

const REPO_ROOT = resolve(__dirname, '../../../../..');

function simulate(manifest: string, scenario: string): { text: string; timeline: Timeline } {
  const run = (...extra: string[]): string => {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'simulate', `examples/${manifest}`, '--scenario', `examples/${scenario}`, ...extra], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: ENGLISH_ENV });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };
  return { text: run(), timeline: JSON.parse(run('--format', 'json')) as Timeline };
}

/** The `$ kubectl ...` sections of the CLI's text output, and the time they are for. */
function cliTables(text: string, timeline: Timeline): { t: number; sections: string[] } {
  const at = /\(tables at \+(\d+)s, when/.exec(text);
  const start = text.indexOf('$ kubectl');
  return { t: at ? Number(at[1]) : timeline.duration, sections: text.slice(start).split(/\n(?=\$ kubectl)/).map((s) => s.replace(/\n*$/, '\n')) };
}

for (const [manifest, scenario] of [
  ['pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'],
  ['hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml'],
  ['fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'],
]) {
  test(`${manifest}: the tables at the CLI's time are the CLI's tables, in its order`, () => {
    const { text, timeline } = simulate(manifest, scenario);
    const cli = cliTables(text, timeline);
    const panel = kubectlTablesAt(timeline, cli.t).map((table) => `$ ${table.command}\n${table.output}`);
    assert.deepEqual(panel, cli.sections);
  });
}

test('Job with back-off: pods appear as the controller creates them, statuses as of t', () => {
  const { timeline } = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
  const pods = (t: number): string => kubectlTablesAt(timeline, t).find((x) => x.command === 'kubectl get pods')?.output ?? '';
  const first = timeline.pods[0];
  const second = timeline.pods[1];
  assert.ok(first.finishedAt !== null && second.createdAt > first.finishedAt, 'the replacement comes after a back-off');
  const between = (first.finishedAt + second.createdAt) / 2;
  assert.match(pods(between), new RegExp(`${first.name}\\s+0/1\\s+Error`));
  assert.doesNotMatch(pods(between), new RegExp(second.name));
  assert.match(pods(second.createdAt), new RegExp(second.name));
  // the Job's status at t: failed counts the failures so far
  assert.equal(objectStatusAt(timeline, between).failed, 1);
  assert.deepEqual(objectStatusAt(timeline, -1), {});
  // no condition before the end; Complete at the end
  assert.deepEqual(conditionsAt(timeline, between), []);
  const end = conditionsAt(timeline, timeline.duration);
  assert.deepEqual(end.map((c) => [c.object, c.type, c.status, c.reason]), [
    ['job/pi', 'SuccessCriteriaMet', 'True', 'CompletionsReached'],
    ['job/pi', 'Complete', 'True', 'CompletionsReached'],
  ]);
});

test('events so far: newest last, identical events counted, warnings-only', () => {
  const { timeline } = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
  const t = timeline.duration;
  const all = eventsAt(timeline, t);
  const times = all.rows.map((r) => r.at);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  assert.equal(all.rows.reduce((n, r) => n + r.count, 0), timeline.events.filter((e) => e.at <= t).length);
  assert.ok(all.rows.every((r) => /^[a-z]+\/\S+$/.test(r.object)));
  const early = eventsAt(timeline, 5);
  assert.ok(early.rows.every((r) => r.at <= 5));
  assert.ok(early.rows.length < all.rows.length);
  const warnings = eventsAt(timeline, t, { warningsOnly: true });
  assert.ok(warnings.rows.every((r) => r.type === 'Warning'));
  assert.equal(warnings.rows.length, all.warnings);
  const limited = eventsAt(timeline, t, { limit: 2 });
  assert.equal(limited.rows.length, 2);
  assert.equal(limited.hidden, all.rows.length - 2);
  assert.deepEqual(limited.rows, all.rows.slice(-2));
});

test('repeated events: one row, LAST SEEN with (xN over ...)', () => {
  const base = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml').timeline;
  const event = { at: 10, object: 'pi-abc', kind: 'Pod', type: 'Warning' as const, reason: 'BackOff', message: 'Back-off restarting failed container', source: 'kubelet' };
  const timeline: Timeline = { ...base, events: [event, { ...event, at: 40 }, { ...event, at: 100 }] };
  assert.deepEqual(eventsAt(timeline, 160).rows.map((r) => [r.lastSeen, r.object, r.count]), [['60s (x3 over 2m30s)', 'pod/pi-abc', 3]]);
  assert.deepEqual(eventsAt(timeline, 50).rows.map((r) => r.lastSeen), ['10s (x2 over 40s)']);
});

test('DaemonSet rollout status: watched from the image change, printed up to t', () => {
  const { timeline } = simulate('fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml');
  const change = timeline.markers.find((m) => m.kind === 'setImage');
  assert.ok(change);
  const lines = (t: number): string[] => rolloutStatusAt(timeline, t).output.split('\n').filter(Boolean);
  const justAfter = lines(change.at + 1);
  const atEnd = lines(timeline.duration);
  assert.ok(justAfter.length < atEnd.length, 'more lines as the rollout goes on');
  assert.deepEqual(atEnd.slice(0, justAfter.length), justAfter, 'earlier lines stay');
  assert.match(atEnd[atEnd.length - 1], /successfully rolled out/);
  assert.doesNotMatch(justAfter.join('\n'), /successfully rolled out/);
  // before the change, the watch is the one since creation
  assert.match(lines(change.at - 1).join('\n'), /successfully rolled out/);
});
