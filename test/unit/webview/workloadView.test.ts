/**
 * The preview's pure view functions for Deployment, ReplicaSet and StatefulSet (client/webview/src/timeline/):
 * the rollout budget (maxSurge / maxUnavailable resolved as the Deployment controller does, against the pods
 * its ReplicaSets have), the rows grouped per ReplicaSet revision and per StatefulSet ordinal, the partition's
 * held stretches, and the preview's identity for these kinds. On the examples' timelines, run by the engine.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as YAML from 'yaml';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { manifestIdentity, previewTitle } from '../../../client/src/previewIdentity';
import { fieldsFor } from '../../../client/webview/src/panels/whatIfForm';
import { outcomeOf } from '../../../client/webview/src/timeline/outcome';
import { timelineSvg, type SvgPalette } from '../../../client/webview/src/timeline/svg';
import { budgetAt, budgetBounds, budgetText, rolloutBudget, stepPath } from '../../../client/webview/src/timeline/rolloutBudget';
import { buildRows, type RowModel } from '../../../client/webview/src/timeline/rows';
import { heldSpans, ordinalOf, partitionChanges, replicaSetCount } from '../../../client/webview/src/timeline/workloadRows';

// compiled to out/test/unit/webview/
const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const read = (file: string): unknown => YAML.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

/** The example's workload (its file may also hold a Service) run with its scenario. */
function example(stem: string, scenario: string, patch: Record<string, unknown> = {}): Timeline {
  const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, `${stem}.yaml`), 'utf8')).map((d) => d.toJS() as { kind?: string });
  const manifest = docs.find((d) => ['Deployment', 'ReplicaSet', 'StatefulSet'].includes(d.kind ?? ''));
  const result = simulate(manifest, { ...(read(scenario) as object), ...patch });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

const rowsOf = (timeline: Timeline): RowModel[] => buildRows(timeline, { end: timeline.duration, when: (t) => `${t}s` });

describe('rollout budget (deployment_util.go ResolveFenceposts, MaxSurge, MaxUnavailable)', () => {
  // ResolveFenceposts itself is the engine's (its upstream cases are in test/unit/engine/deploymentUtil.test.ts)
  it('bounds: replicas + maxSurge pods at most, replicas − maxUnavailable available at least; Recreate has no surge', () => {
    assert.deepEqual(budgetBounds('RollingUpdate', '25%', '25%', 10), [13, 8]);
    // 1 replica, 25% / 25%: one extra pod first (surge rounds up), none may be down (unavailable rounds down)
    assert.deepEqual(budgetBounds('RollingUpdate', '25%', '25%', 1), [2, 1]);
    // maxUnavailable never above replicas; 0 replicas allow nothing down
    assert.deepEqual(budgetBounds('RollingUpdate', 0, 5, 3), [3, 0]);
    assert.deepEqual(budgetBounds('RollingUpdate', 1, 1, 0), [1, 0]);
    assert.deepEqual(budgetBounds('Recreate', '25%', '25%', 4), [4, 0]);
    // both 0% resolve to maxUnavailable 1 (ResolveFenceposts); a value the controller cannot read allows no room
    assert.deepEqual(budgetBounds('RollingUpdate', '0%', '0%', 10), [10, 9]);
    assert.deepEqual(budgetBounds('RollingUpdate', 'oops', '39%', 10), [10, 10]);
    assert.deepEqual(budgetBounds('RollingUpdate', { bad: 1 }, '25%', 10), [10, 10]);
  });

  it('the nginx rollout never has more than 13 pods nor fewer than 8 available once it was available', () => {
    const budget = rolloutBudget(example('nginx-deployment', 'nginx-deployment.scenario.yaml'));
    assert.ok(budget);
    assert.equal(budget.strategy, 'RollingUpdate');
    for (const p of budget.points) {
      assert.ok(p.total <= p.maxPods, `at ${p.at}: ${p.total} pods > ${p.maxPods}`);
      if (p.at >= 120) assert.ok(p.available >= p.minAvailable, `at ${p.at}: ${p.available} available < ${p.minAvailable}`);
    }
    // just after the image change: 3 surge pods, the old ReplicaSet down by 2: 13 pods, 8 available
    assert.equal(budgetText(budgetAt(budget, 125)), '13 pods (at most 13) · 8 available (at least 8)');
    assert.equal(budgetText(budgetAt(budget, 1e9)), '10 pods (at most 13) · 10 available (at least 8)');
    assert.equal(budgetText(budgetAt(budget, -1)), 'no pods yet');
  });

  it('scaling mid-run moves the bounds with spec.replicas', () => {
    const timeline = example('nginx-deployment', 'nginx-deployment.scenario.yaml', { events: [{ at: '2m', patch: { spec: { replicas: 20 } } }] });
    const budget = rolloutBudget(timeline);
    assert.ok(budget);
    assert.deepEqual([budgetAt(budget, 60)?.maxPods, budgetAt(budget, 60)?.minAvailable], [13, 8]);
    assert.deepEqual([budgetAt(budget, 1e9)?.maxPods, budgetAt(budget, 1e9)?.minAvailable], [25, 15]);
  });

  it('a step path: flat between points, closed down to the floor for an area', () => {
    assert.equal(stepPath([{ x: 0, y: 10 }, { x: 50, y: 5 }], 100, false), 'M0 10L0 10L50 10L50 5L100 5');
    assert.equal(stepPath([{ x: 0, y: 10 }], 100, true), 'M0 40L0 10L100 10L100 40Z');
    assert.equal(stepPath([], 100, true), '');
  });

  it('no budget for other kinds', () => {
    assert.equal(rolloutBudget(example('web-statefulset', 'web-statefulset.scenario.yaml')), undefined);
  });
});

describe('rows per ReplicaSet revision', () => {
  it('a Deployment: each ReplicaSet, oldest first, a head with its revision, hash and image, then its pods', () => {
    const timeline = example('nginx-deployment', 'nginx-deployment.scenario.yaml');
    const rows = rowsOf(timeline);
    const heads = rows.filter((r) => r.kind === 'replicaset');
    assert.deepEqual(heads.map((r) => r.label), ['rev 1', 'rev 2']);
    assert.deepEqual(heads.map((r) => r.badges.map((b) => b.text)), [[timeline.replicaSets?.[0].podTemplateHash, 'nginx:1.27'], [timeline.replicaSets?.[1].podTemplateHash, 'nginx:1.28']]);
    const second = rows.indexOf(heads[1]);
    assert.equal(second, 11, 'rev 1 and its 10 pods come first');
    assert.ok(rows.slice(1, 11).every((r) => r.kind === 'pod' && r.pod?.owner.name === timeline.replicaSets?.[0].name));
    assert.ok(rows.slice(12).every((r) => r.kind === 'pod' && r.pod?.revision === 2));
    // the new revision's pods in its colour, dot included
    assert.ok(rows[12].items.some((i) => i.type === 'seg' && i.revision === 1));
    assert.equal(rows[12].stateAt?.(1e9).revisionSlot, 1);
    // the head's bar: its sizes over time
    const levels = heads[0].items.filter((i) => i.type === 'level');
    assert.ok(levels.some((l) => l.type === 'level' && /rs-desired/.test(l.cls) && l.value === 10));
    assert.ok(levels.some((l) => l.type === 'level' && /rs-desired/.test(l.cls) && l.value === 3));
    assert.equal(heads[0].countAt?.(125), '8/8 pods, 8 available');
    assert.equal(heads[1].countAt?.(125), '5/5 pods, 0 available');
    assert.equal(heads[1].countAt?.(60), 'not there');
    const rs = timeline.replicaSets?.[1];
    assert.ok(rs);
    assert.equal(replicaSetCount(rs, 1e9), '10/10 pods, 10 available');
  });

  it('the SVG export draws each ReplicaSet head, its sizes in its revision colour, the image escaped', () => {
    const timeline = example('nginx-deployment', 'nginx-deployment.scenario.yaml');
    const rows = rowsOf(timeline).map((r) => (r.kind === 'replicaset' ? { ...r, label: `${r.label} <img>` } : r));
    const palette: SvgPalette = {
      background: '#1f1f1f', foreground: '#cccccc', muted: '#9d9d9d', border: '#2b2b2b',
      states: { absent: '#999', pending: '#cca700', running: '#3794ff', ready: '#3794ff', succeeded: '#89d185', failed: '#f14c4c', terminating: '#999', gone: '#999' },
      revisions: ['#3794ff', '#b180d7'], good: '#89d185', bad: '#f14c4c', marker: '#b180d7', fontFamily: 'sans-serif',
    };
    const svg = timelineSvg({ title: 'Deployment/nginx-deployment', subtitle: '', rows, x: (t) => t / 212, ticks: [], folds: [], markers: [] }, palette);
    assert.ok(svg.includes('>rev 1 &lt;img&gt;<') && svg.includes('>rev 2 &lt;img&gt;<'));
    assert.ok(!svg.includes('<img>'));
    // revision 2's available pods: a solid rectangle in its colour
    assert.match(svg, /<rect [^>]*fill="#b180d7" stroke="none" fill-opacity="0.9"\/>/);
  });

  it('a bare ReplicaSet: one group, named by the ReplicaSet, its size following the scale patches', () => {
    const timeline = example('frontend-replicaset', 'frontend-replicaset.scenario.yaml');
    const rows = rowsOf(timeline);
    assert.equal(rows[0].kind, 'replicaset');
    assert.equal(rows[0].label, 'frontend');
    assert.equal(rows.length, 1 + timeline.pods.length);
    assert.equal(rows[0].countAt?.(30), '3/3 pods, 3 available');
    assert.equal(rows[0].countAt?.(1e9), '2/2 pods, 2 available');
  });

  it('a stuck rollout: the outcome says ProgressDeadlineExceeded', () => {
    const outcome = outcomeOf(example('nginx-deployment', 'nginx-deployment.stuck.scenario.yaml'));
    assert.equal(outcome.tone, 'bad');
    assert.match(outcome.text, /^Progressing=False · ProgressDeadlineExceeded at \+7m1s — /);
    assert.deepEqual(outcomeOf(example('nginx-deployment', 'nginx-deployment.scenario.yaml')), { tone: 'good', icon: '✓', text: '10/10 ready · 10 updated · 10 available' });
  });
});

describe('lanes per StatefulSet ordinal', () => {
  const timeline = example('web-statefulset', 'web-statefulset.scenario.yaml');

  it('a lane per ordinal with each pod made under its name in turn, and its claim', () => {
    const rows = rowsOf(timeline);
    assert.deepEqual(rows.map((r) => r.label), ['web-0', 'web-1', 'web-2']);
    assert.ok(rows.every((r) => r.kind === 'ordinal' && r.pods.length === 2));
    assert.deepEqual(rows.map((r) => r.pods.map((p) => p.revision)), [[1, 2], [1, 2], [1, 2]]);
    const pvc = (r: RowModel): string[] => r.items.filter((i) => i.type === 'span' && /pvc-span/.test(i.cls)).map((i) => (i.type === 'span' ? i.cls : ''));
    assert.deepEqual(rows.map(pvc), [['pvc-span'], ['pvc-span deleted'], ['pvc-span deleted']]);
    assert.deepEqual(rows.map((r) => r.badges.map((b) => b.text)), [['×2', 'www', 'held'], ['×2', 'www', 'held'], ['×2', 'www']]);
    // at 3m web-2 already runs revision 2, web-0 and web-1 still revision 1
    assert.deepEqual(rows.map((r) => r.stateAt?.(180).revisionSlot), [0, 0, 1]);
  });

  it('the partition: 2 from 2m to 4m holds ordinals 0 and 1', () => {
    const changes = partitionChanges(timeline);
    assert.deepEqual(changes.slice(1).map((c) => [c.at, c.partition]), [[120, 2], [240, 0]]);
    assert.deepEqual(heldSpans(changes, 0, 0, 370), [{ from: 120, to: 240, partition: 2 }]);
    assert.deepEqual(heldSpans(changes, 2, 0, 370), []);
  });

  it('ordinals from pod names', () => {
    assert.equal(ordinalOf('web', 'web-12'), 12);
    assert.equal(ordinalOf('web', 'web-x'), undefined);
    assert.equal(ordinalOf('web', 'webby-1'), undefined);
  });
});

describe('the preview knows the apps/v1 kinds', () => {
  it('the what-if form offers an image change at a time for a Deployment and a StatefulSet, not Job failures nor nodes', () => {
    for (const kind of ['Deployment', 'StatefulSet']) {
      const names = fieldsFor(kind).map((f) => f.name);
      assert.ok(names.includes('setImage.at') && names.includes('setImage.image'), kind);
      assert.ok(!names.includes('failFirst.attempts') && !names.includes('nodes.count'), kind);
    }
    assert.ok(!fieldsFor('ReplicaSet').map((f) => f.name).includes('setImage.image'));
  });

  it('names a Deployment, ReplicaSet or StatefulSet in its title, as for a Job', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet']) {
      const identity = manifestIdentity(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n`);
      assert.deepEqual(identity, { kind, name: 'web' });
      assert.equal(previewTitle(identity), `Preview: ${kind.toLowerCase()}/web`);
    }
  });
});
