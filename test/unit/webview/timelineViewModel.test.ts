/**
 * The chart's pure view functions (client/webview/src/timeline/), on timelines the engine produces for the
 * examples' situations: the axis fitted to the controllers' actions with idle tails folded, back-off gaps,
 * CronJob runs collapsed and the schedule's fates counted, a DaemonSet rollout's steps, names shortened in the
 * middle, and the SVG export's escaping. No DOM.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { fitAxis } from '../../../client/webview/src/timeline/axisFit';
import { backoffGaps } from '../../../client/webview/src/timeline/backoff';
import { nodeStateAt } from '../../../client/webview/src/timeline/nodeState';
import { rolloutSteps } from '../../../client/webview/src/timeline/rollout';
import { buildRows } from '../../../client/webview/src/timeline/rows';
import { collapseRuns, COLLAPSE_ABOVE_RUNS, jobRuns, latenessClass, MIN_GROUP, roundDuration } from '../../../client/webview/src/timeline/runs';
import { axisTicks, FULL_WINDOW, makeScale, panWindow, viewX, windowOf, zoomWindow } from '../../../client/webview/src/timeline/scale';
import { fateCounts, fateSummary, scheduleMarks } from '../../../client/webview/src/timeline/schedule';
import { shortenMiddle } from '../../../client/webview/src/timeline/shorten';
import { defaultStartTime } from '../../../client/webview/src/timeline/startTime';
import { escapeXml, timelineSvg, type SvgPalette } from '../../../client/webview/src/timeline/svg';
import { zoneClock } from '../../../client/webview/src/timeline/zoneClock';

function run(manifest: unknown, scenario: unknown): Timeline {
  const result = simulate(manifest, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline;
}

const container = [{ name: 'main', image: 'busybox' }];
/** examples/pi-job-backoff.yaml with its scenario: two failed attempts, then success; TTL 600 s. */
const piBackoff = (): Timeline =>
  run(
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { backoffLimit: 4, ttlSecondsAfterFinished: 600, template: { spec: { containers: container, restartPolicy: 'Never' } } } },
    { startTime: '2026-01-01T00:00:00Z', until: '30m', pods: { default: { runSeconds: 20 }, outcomes: [{ pod: 1, runSeconds: 10, exitCode: 1 }, { pod: 2, runSeconds: 10, exitCode: 1 }] }, seed: 7 },
  );
/** examples/hello-cronjob-forbid.yaml over an hour: 90 s runs every minute under Forbid. */
const helloForbid = (): Timeline =>
  run(
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { containers: container, restartPolicy: 'OnFailure' } } } } } },
    { startTime: '2026-01-01T00:00:00Z', until: '1h', pods: { default: { runSeconds: 90 } }, seed: 1 },
  );
/** examples/fluentd-daemonset-rollout.yaml: four nodes, the image changes at 10m, maxUnavailable 1. */
const fluentdRollout = (): Timeline =>
  run(
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd', namespace: 'kube-system' },
      spec: { selector: { matchLabels: { name: 'fluentd' } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }, template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1' }] } } },
    },
    { startTime: '2026-01-01T00:00:00Z', nodes: [{ name: 'n-0' }, { name: 'n-1' }, { name: 'n-2' }, { name: 'n-3' }], pods: { default: { startupSeconds: 5, readySeconds: 10, terminationSeconds: 5 } }, events: [{ at: '10m', setImage: 'fluentd:v2' }], seed: 7 },
  );

describe('axis fitting', () => {
  it('folds the TTL tail after a Job finished and says what is in it', () => {
    const timeline = piBackoff();
    const fit = fitAxis(timeline);
    assert.equal(fit.from, 0);
    assert.equal(fit.to, timeline.duration);
    assert.equal(fit.folds.length, 1);
    const [fold] = fit.folds;
    assert.equal(fold.to, timeline.duration, 'the fold runs to the end of the run');
    assert.ok(fold.from > 71 && fold.from < 80, `the fold starts just after the Job finished at +1m11s: ${fold.from}`);
    assert.match(fold.label, /^9m\d+s idle · TTL deletion at \+11m11s$/);
    // the folded axis gives the 71 s of activity 95% of the width
    const scale = makeScale(fit);
    assert.ok(scale.u(71) > 0.85 && scale.u(71) < 0.96, String(scale.u(71)));
    assert.equal(scale.u(timeline.duration), 1);
  });

  it("folds a DaemonSet's idle stretch between its start and the rollout, not the rollout", () => {
    const timeline = fluentdRollout();
    const fit = fitAxis(timeline);
    assert.equal(fit.folds.length, 1);
    assert.ok(fit.folds[0].from > 15 && fit.folds[0].to < 600, JSON.stringify(fit.folds));
    const scale = makeScale(fit);
    // the 80 s rollout takes most of the axis, not the right 12% of it
    assert.ok(scale.u(timeline.duration) - scale.u(600) > 0.6, String(scale.u(600)));
  });

  it('does not fold a run that is busy all along', () => {
    assert.deepEqual(fitAxis(helloForbid()).folds, []);
  });
});

describe('zoom and pan', () => {
  const scale = makeScale(fitAxis(piBackoff()));
  it('zooming around a point keeps that instant where it was; fit shows the whole run', () => {
    const t = 30;
    const before = viewX(scale, FULL_WINDOW, t);
    const zoomed = zoomWindow(scale, FULL_WINDOW, 4, before);
    assert.ok(Math.abs(viewX(scale, zoomed, t) - before) < 1e-9);
    assert.ok(Math.abs(zoomed.to - zoomed.from - 0.25) < 1e-9);
    const out = zoomWindow(scale, zoomed, 1 / 100, 0.5);
    assert.deepEqual(out, FULL_WINDOW);
  });
  it('panning stops at the ends; the narrowest window is about two seconds', () => {
    const zoomed = zoomWindow(scale, FULL_WINDOW, 2, 0);
    const panned = panWindow(scale, zoomed, -3);
    assert.equal(panned.from, 0);
    const tiny = zoomWindow(scale, FULL_WINDOW, 1e6, 0.5);
    const seconds = scale.t(tiny.to) - scale.t(tiny.from);
    assert.ok(seconds > 1.9 && seconds < 2.1, String(seconds));
  });
  it('ticks fall at one readable step, none inside a fold; the fold is reported in view', () => {
    const { ticks, folds } = axisTicks(scale, FULL_WINDOW, 8);
    assert.deepEqual(
      ticks.map((t) => t.t),
      [0, 10, 20, 30, 40, 50, 60, 70],
    );
    assert.equal(folds.length, 1);
    const window = windowOf(scale, 20, 50);
    assert.ok(Math.abs(scale.t(window.from) - 20) < 1e-6 && Math.abs(scale.t(window.to) - 50) < 1e-6);
    assert.deepEqual(axisTicks(scale, window, 8).folds, []);
  });
});

describe('back-off gaps', () => {
  it('pairs each failed pod with its replacement: 10 s, then 20 s (the Job controller doubles the delay)', () => {
    const timeline = piBackoff();
    const gaps = backoffGaps(timeline.pods);
    assert.deepEqual(
      gaps.map((g) => [g.after, g.pod, g.label]),
      [
        [timeline.pods[0].name, timeline.pods[1].name, 'back-off 10s'],
        [timeline.pods[1].name, timeline.pods[2].name, 'back-off 20s'],
      ],
    );
    const rows = buildRows(timeline, { end: timeline.duration, when: String });
    assert.deepEqual(
      rows.map((r) => r.items.filter((i) => i.type === 'gap').map((i) => (i.type === 'gap' ? i.text : ''))),
      [[], ['back-off 10s'], ['back-off 20s']],
    );
  });
});

describe('CronJob runs', () => {
  it('an hour of minutely Forbid runs: look-alikes collapse, late runs apart from the on-time one, the running one apart', () => {
    const timeline = helloForbid();
    const runs = jobRuns(timeline);
    assert.equal(runs.length, timeline.jobs.length);
    assert.ok(runs.length > COLLAPSE_ABOVE_RUNS);
    // the first run starts on time, the ones that waited for it (Forbid) start late
    assert.equal(latenessClass(runs[0].lateness), 'on time');
    assert.ok((runs[1].lateness ?? 0) > 10, String(runs[1].lateness));
    const items = collapseRuns(runs);
    const collapsed = items.filter((i) => i.kind === 'collapsed');
    assert.ok(collapsed.length >= 1);
    for (const item of collapsed) {
      assert.ok(item.runs.length >= MIN_GROUP - 1);
      // alike: the same lateness class as the run shown for them, never the on-time first run
      for (const r of item.runs) assert.equal(latenessClass(r.lateness), latenessClass(item.like.lateness));
      assert.ok(!item.runs.includes(runs[0]) && item.like !== runs[0]);
    }
    // every run once; far fewer rows than runs; the running one is a row of its own, last
    const listed = items.flatMap((i) => (i.kind === 'run' ? [i.run] : i.runs));
    assert.deepEqual(new Set(listed), new Set(runs));
    assert.equal(listed.length, runs.length);
    assert.ok(items.length <= 8, String(items.length));
    const lastItem = items[items.length - 1];
    assert.ok(lastItem.kind === 'run' && lastItem.run.job.result === 'Running');
    const rows = buildRows(timeline, { end: timeline.duration, when: String });
    assert.deepEqual(
      rows.map((r) => r.label),
      items.map((i) => (i.kind === 'run' ? i.run.job.name : `${i.runs.length} more runs like this`)),
    );
    // expanded: every run its own row, in time order, pods inline
    const expanded = new Set(rows.filter((r) => r.kind === 'collapsed').map((r) => r.key));
    const all = buildRows(timeline, { end: timeline.duration, when: String, expanded });
    assert.deepEqual(
      all.map((r) => r.label),
      runs.map((r) => r.job.name),
    );
    assert.ok(all.every((r) => r.kind === 'run' && r.pods.length === 1));
  });

  it('a few runs are all shown: the 8-minute Forbid example keeps its late starts in view', () => {
    const timeline = run(
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { containers: container, restartPolicy: 'OnFailure' } } } } } },
      { startTime: '2026-01-01T00:00:00Z', until: '8m', pods: { default: { runSeconds: 90 } }, seed: 1 },
    );
    const runs = jobRuns(timeline);
    assert.ok(runs.length >= 4 && runs.length <= COLLAPSE_ABOVE_RUNS);
    assert.ok(runs.some((r) => latenessClass(r.lateness) === 'late 10s+'));
    const rows = buildRows(timeline, { end: timeline.duration, when: String });
    assert.deepEqual(
      rows.map((r) => [r.kind, r.label]),
      runs.map((r) => ['run', r.job.name]),
    );
    // a late run's tooltip says how late it was created; an on-time one says nothing of it
    const late = runs.findIndex((r) => (r.lateness ?? 0) > 10);
    assert.match(rows[late].title(), new RegExp(`created .*, ${Math.floor(runs[late].lateness ?? 0)}s after its scheduled time`));
    assert.doesNotMatch(rows[0].title(), /after its scheduled time/);
  });

  it('counts every scheduled time by its fate, with the count the engine puts on skipped markers', () => {
    const timeline = helloForbid();
    const counts = fateCounts(scheduleMarks(timeline));
    const skipped = timeline.markers.filter((m) => m.kind === 'skippedRun').reduce((n, m) => n + (m.count ?? 1), 0);
    assert.ok(skipped > 10);
    assert.deepEqual(counts, { created: timeline.jobs.length, skipped, replaced: 0, missed: 0 });
    assert.deepEqual(fateSummary(counts), [`${timeline.jobs.length} created`, `${skipped} skipped`]);
    const many = { ...timeline, markers: [{ at: 3000, kind: 'missedRun', description: 'missed 180 runs', count: 180 }] };
    assert.equal(fateCounts(scheduleMarks(many)).missed, 180);
  });

  it('runs alike: same result, pods, outcomes, rounded duration and lateness', () => {
    assert.equal(latenessClass(0.1), 'on time');
    assert.equal(latenessClass(2.1), latenessClass(8.1));
    assert.notEqual(latenessClass(8.1), latenessClass(31.1));
    assert.equal(latenessClass(31.1), latenessClass(59));
    assert.equal(roundDuration(91), roundDuration(91.4));
    assert.notEqual(roundDuration(91), roundDuration(120));
    assert.equal(roundDuration(4.6), 5);
  });
});

describe('DaemonSet rollout', () => {
  it('numbers the steps: each node in turn, old pod deleted, new one ready', () => {
    const timeline = fluentdRollout();
    const steps = rolloutSteps(timeline);
    assert.deepEqual(
      steps.map((s) => [s.n, s.node, s.fromRevision, s.toRevision]),
      [
        [1, 'n-0', 1, 2],
        [2, 'n-1', 1, 2],
        [3, 'n-2', 1, 2],
        [4, 'n-3', 1, 2],
      ],
    );
    for (const step of steps) {
      assert.ok(step.oldDeletedAt !== null && step.oldDeletedAt >= 600);
      assert.ok(step.newReadyAt !== null && step.newReadyAt > step.newCreatedAt);
    }
    // the next node starts when the previous node's new pod is ready (maxUnavailable 1)
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i].startedAt >= (steps[i - 1].newReadyAt as number));
    const rows = buildRows(timeline, { end: timeline.duration, when: String });
    assert.deepEqual(
      rows.map((r) => [r.node, r.items.filter((i) => i.type === 'mark' && i.cls === 'rollout-step').length]),
      [
        ['n-0', 1],
        ['n-1', 1],
        ['n-2', 1],
        ['n-3', 1],
      ],
    );
  });
});

describe('DaemonSet node state at t', () => {
  it("a node's dot follows its pod at t: the old revision while it runs, the new one after its step", () => {
    const timeline = fluentdRollout();
    const steps = rolloutSteps(timeline);
    const pods = (node: string) => timeline.pods.filter((p) => p.node === node);
    // after step 1 finished, before step 3 started: n-0 on revision 2, n-2 and n-3 still ready on revision 1
    const t = (steps[0].newReadyAt as number) + 1;
    assert.ok(t < steps[2].startedAt);
    assert.deepEqual([nodeStateAt(pods('n-0'), t).state, nodeStateAt(pods('n-0'), t).revision], ['ready', steps[0].toRevision]);
    for (const node of ['n-2', 'n-3']) {
      const at = nodeStateAt(pods(node), t);
      assert.deepEqual([at.state, at.revision], ['ready', steps[0].fromRevision], node);
    }
    // at the end every node runs revision 2
    for (const node of ['n-0', 'n-1', 'n-2', 'n-3']) assert.equal(nodeStateAt(pods(node), timeline.duration).revision, steps[0].toRevision, node);
    // the lane's stateAt gives the revision's colour slot
    const rows = buildRows(timeline, { end: timeline.duration, when: String });
    const lane = rows.find((r) => r.node === 'n-3');
    assert.deepEqual(lane?.stateAt?.(t), { state: 'ready', revisionSlot: 0 });
    assert.deepEqual(lane?.stateAt?.(timeline.duration)?.revisionSlot, 1);
    assert.equal(nodeStateAt([], 5).state, 'absent');
  });
});

describe('names shortened in the middle', () => {
  it('keeps the distinguishing suffix and a readable start', () => {
    assert.equal(shortenMiddle('hello-world-nightly-backup-29434560', 16), 'hello-…-29434560');
    assert.equal(shortenMiddle('hello-29434560', 16), 'hello-29434560');
    const short = shortenMiddle('a-very-long-cronjob-name-for-reports-29434561', 26);
    assert.ok(short.endsWith('-29434561') && short.length <= 26 && short.includes('…'), short);
    assert.equal([...shortenMiddle('x'.repeat(40), 10)].length, 10);
  });
});

describe('SVG export', () => {
  const palette: SvgPalette = {
    background: '#1f1f1f',
    foreground: '#cccccc',
    muted: '#9d9d9d',
    border: '#2b2b2b',
    states: { absent: '#999', pending: '#cca700', running: '#3794ff', ready: '#3794ff', succeeded: '#89d185', failed: '#f14c4c', terminating: '#999', gone: '#999' },
    revisions: ['#3794ff', '#b180d7'],
    good: '#89d185',
    bad: '#f14c4c',
    marker: '#b180d7',
    fontFamily: 'sans-serif',
  };
  it('escapes every text', () => {
    assert.equal(escapeXml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const rows = buildRows(piBackoff(), { end: 671, when: String }).map((r, i) => (i === 0 ? { ...r, label: '<script>alert("x")</script>' } : r));
    const svg = timelineSvg({ title: 'Job/<b>&', subtitle: "it's", rows, x: (t) => t / 100, ticks: [{ x: 0, label: '0' }], folds: [{ x0: 0.9, x1: 1, label: '10m idle · <TTL>' }], markers: [] }, palette);
    assert.ok(!svg.includes('<script') && !svg.includes('<b>') && !svg.includes('<TTL>'));
    assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.includes('fill="#f14c4c"'), 'failed pods in the palette colour');
    assert.ok(svg.includes('back-off 10s'));
    assert.ok(!svg.includes('var(--'), 'no CSS variables in a standalone file');
  });

  it('in a narrow width a back-off label shortens to its duration where the whole label does not fit its gap', () => {
    const rows = buildRows(piBackoff(), { end: 671, when: String });
    const chart = (width: number): string => timelineSvg({ title: 'Job/pi', subtitle: '', rows, x: (t) => t / 100, ticks: [], folds: [], markers: [], width }, palette);
    const wide = chart(1000);
    assert.ok(wide.includes('>back-off 10s<') && wide.includes('>back-off 20s<'));
    // 500 px: the 10 s gap is 27 px wide, the 20 s one 55 px
    const narrow = chart(500);
    assert.ok(!narrow.includes('>back-off 10s<') && narrow.includes('>10s<'), 'the 10 s gap says 10s');
    assert.ok(!narrow.includes('>back-off 20s<') && narrow.includes('>20s<'));
  });
});

describe('wall clock in the schedule’s time zone', () => {
  it('shows a CronJob’s spec.timeZone beside UTC; an unknown zone gives nothing rather than a wrong time', () => {
    const start = Date.parse('2026-07-01T00:00:00Z');
    assert.equal(zoneClock(start, 90, 'Europe/Berlin'), '2026-07-01 02:01:30 Europe/Berlin');
    assert.equal(zoneClock(start, 0, 'Asia/Kolkata'), '2026-07-01 05:30:00 Asia/Kolkata');
    assert.equal(zoneClock(start, 0, 'Not/AZone'), '');
  });
});

describe('where the scrubber starts', () => {
  it('a Job: when it finished (before the TTL deleted it), as the CLI shows its tables', () => {
    const timeline = piBackoff();
    const complete = timeline.conditions.find((c) => c.object === 'pi' && c.type === 'Complete' && c.status === 'True');
    assert.ok(complete);
    assert.equal(defaultStartTime(timeline), complete.at);
    assert.ok(complete.at < timeline.duration);
    // the pods still exist then
    assert.ok(timeline.pods.every((p) => p.createdAt <= complete.at && (p.deletedAt === null || p.deletedAt > complete.at)));
  });

  it('a CronJob or a DaemonSet (no Complete or Failed of its own): the end of the run', () => {
    assert.equal(defaultStartTime(helloForbid()), helloForbid().duration);
    assert.equal(defaultStartTime(fluentdRollout()), fluentdRollout().duration);
  });
});
