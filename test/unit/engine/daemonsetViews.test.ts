/** kubectl views of a DaemonSet Timeline: `kubectl get daemonsets` and `kubectl rollout status daemonset/<name>`. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { daemonSetRows, formatLabels, getDaemonSets, rolloutStatusAt, rolloutStatusLines } from '../../../server/src/core/engine/views/daemonset';

const repoRoot = path.resolve(__dirname, '../../../..');

function example(): Timeline {
  const manifest = parse(fs.readFileSync(path.join(repoRoot, 'examples/fluentd-daemonset-rollout.yaml'), 'utf8'));
  const scenario = parse(fs.readFileSync(path.join(repoRoot, 'examples/fluentd-daemonset-rollout.scenario.yaml'), 'utf8'));
  const result = simulate(manifest, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

const HEAD = 'NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n';

test('kubectl get daemonsets: printDaemonSet columns from the status written last, AGE from the creation', () => {
  const timeline = example();
  assert.equal(getDaemonSets(timeline, -1), 'No resources found in kube-system namespace.\n');
  assert.equal(getDaemonSets(timeline, 5), `${HEAD}fluentd-elasticsearch   4         4         0       4            0           <none>          5s\n`);
  assert.equal(getDaemonSets(timeline, 20), `${HEAD}fluentd-elasticsearch   4         4         4       4            4           <none>          20s\n`);
  // Mid-rollout: the control plane's new pod runs, worker-1's old pod is terminating.
  assert.equal(getDaemonSets(timeline, 625), `${HEAD}fluentd-elasticsearch   4         4         3       2            3           <none>          10m\n`);
  assert.equal(getDaemonSets(timeline, 700), `${HEAD}fluentd-elasticsearch   4         4         4       4            4           <none>          11m\n`);
  assert.deepEqual(daemonSetRows(timeline, 4000), [['fluentd-elasticsearch', '4', '4', '4', '4', '4', '<none>', '66m']]);
});

test('labels.FormatLabels: sorted k=v pairs, <none> when empty', () => {
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels({ zone: 'a', disk: 'ssd' }), 'disk=ssd,zone=a');
});

test('kubectl rollout status daemonset/<name>: DaemonSetStatusViewer lines, one per write of the object, until done', () => {
  const timeline = example();
  assert.deepEqual(rolloutStatusAt(timeline, 20), { message: 'daemon set "fluentd-elasticsearch" successfully rolled out\n', done: true, error: null });
  assert.deepEqual(rolloutStatusAt(timeline, 610), { message: 'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 1 out of 4 new pods have been updated...\n', done: false, error: null });
  assert.deepEqual(rolloutStatusLines(timeline, 0).lines, [
    'Waiting for daemon set spec update to be observed...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 0 out of 4 new pods have been updated...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 0 of 4 updated pods are available...\n',
    'daemon set "fluentd-elasticsearch" successfully rolled out\n',
  ]);
  const watch = rolloutStatusLines(timeline, 600);
  assert.equal(watch.done, true);
  assert.equal(watch.lines[0], 'Waiting for daemon set spec update to be observed...\n');
  const distinct = watch.lines.filter((line, i) => line !== watch.lines[i - 1]);
  assert.deepEqual(distinct, [
    'Waiting for daemon set spec update to be observed...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 0 out of 4 new pods have been updated...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 1 out of 4 new pods have been updated...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 2 out of 4 new pods have been updated...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 3 out of 4 new pods have been updated...\n',
    'Waiting for daemon set "fluentd-elasticsearch" rollout to finish: 3 of 4 updated pods are available...\n',
    'daemon set "fluentd-elasticsearch" successfully rolled out\n',
  ]);
  // Started after the rollout, the watch prints the final line at once.
  assert.deepEqual(rolloutStatusLines(timeline, 700).lines, ['daemon set "fluentd-elasticsearch" successfully rolled out\n']);
});
