// The rollout preview as a person uses it, in the real VS Code workbench (code-server + headless Chromium,
// the extension loaded from this repository, see workbench/workbench.ts): open a manifest of examples/ in the
// Explorer, run "Kubernetes: Preview Rollout" from the palette, read and click what the preview shows, and
// compare it with what `k8s-dryrun simulate` prints for the same manifest and scenario.
// Screenshots: $UI_SCREENSHOTS (default <tmp>/k8s-dryrun-ui-screenshots/workbench); DOCS_IMAGES=1 also writes
// them to docs/images/ (the README's pictures). Prints how long the preview takes from the command to the chart.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { kubectlTables, simulate, tableLines, timelineOf, type TimelineJson } from './workbench/cli';
import { REPO_ROOT, startWorkbench, type Workbench } from './workbench/workbench';

const PREVIEW_COMMAND = 'Kubernetes: Preview Rollout';
const EXAMPLES = path.join(REPO_ROOT, 'examples');
const example = (name: string): string => path.join(EXAMPLES, name);

/**
 * The pi Job without a scenario beside it (so the default pods: nothing fails): what the what-if test edits.
 * (pi-job.yaml has the restartPolicy mistake and cannot run; this one has no findings to show above the chart.)
 */
const PLAIN_JOB = fs.readFileSync(example('pi-job-backoff.yaml'), 'utf8');
/** A Job with two mistakes, each reported at its own line. */
const BROKEN_JOB = fs
  .readFileSync(example('pi-job-backoff.yaml'), 'utf8')
  .replace(/backoffLimit: 4/, 'backoffLimit: -1')
  .replace(/restartPolicy: Never/, 'restartPolicy: Always');

/** Marks what the preview shows now, so that waitForRender() sees the next render, not this one. */
const OLD = 'data-ui-test-old';

let wb: Workbench;
const renderTimes: { what: string; ms: number; drawMs?: number }[] = [];

before(async () => {
  wb = await startWorkbench({ files: { 'pi.yaml': PLAIN_JOB, 'broken-job.yaml': BROKEN_JOB } });
});

after(async () => {
  await wb?.close();
  for (const { what, ms, drawMs } of renderTimes) {
    const draw = drawMs === undefined ? '' : ` (the webview drew the chart in ${drawMs.toFixed(1)} ms)`;
    console.log(`preview render time: ${what}: ${Math.round(ms)} ms from the command to what it shows${draw}`);
  }
});

async function markShown(): Promise<void> {
  if ((await wb.page.locator('iframe.webview.ready').count()) === 0) return;
  await wb
    .previewFrame()
    .locator('.gantt, ul.problem-list')
    .evaluateAll((nodes, attr) => {
      nodes.forEach((n) => n.setAttribute(attr, ''));
      performance.clearMeasures('k8s-dryrun:timeline-chart');
    }, OLD)
    .catch(() => undefined); // the preview is reloading: nothing old to mark
}

/** Waits for a fresh `selector` (rendered after the last markShown()). */
async function waitForRender(selector: string, timeoutMs = 30000): Promise<Locator> {
  return wb.waitForPreviewText(`${selector}:not([${OLD}])`, undefined, timeoutMs);
}

/** Opens `file` from the Explorer and runs the preview command; resolves when a new chart is drawn. */
async function previewOf(file: string, expect: '.gantt' | 'ul.problem-list' = '.gantt'): Promise<void> {
  await markShown();
  await wb.openFile(file);
  const chosenAt = await wb.runCommand(PREVIEW_COMMAND);
  const shown = await waitForRender(expect, 60000);
  const ms = performance.now() - chosenAt;
  // the webview's own measure of drawing the chart (renderTimeline's User Timing entry), when it drew one
  const drawMs = expect === '.gantt' ? await shown.evaluate(() => performance.getEntriesByName('k8s-dryrun:timeline-chart')[0]?.duration) : undefined;
  renderTimes.push({ what: `${file}${renderTimes.length === 0 ? ' (first run: extension and language server start)' : ''}`, ms, drawMs });
}

interface Row {
  readonly pod: string;
  readonly failed: boolean;
}

/** The chart's pod rows and whether each shows a failed pod. */
async function podRows(): Promise<Row[]> {
  const rows = wb.previewFrame().locator(`.gantt:not([${OLD}]) .gantt-row[data-pod]`);
  const out: Row[] = [];
  for (const row of await rows.all()) {
    const pod = (await row.getAttribute('data-pod')) ?? '';
    const label = `${(await row.getAttribute('aria-label')) ?? ''} ${(await row.getAttribute('title')) ?? ''}`;
    const failed = (await row.locator('[class*="failed"]').count()) > 0 || /\bfailed\b/i.test(label);
    out.push({ pod, failed });
  }
  return out;
}

/** `back-off 20s`, `back-off 1m20s` → seconds. */
function backoffSeconds(label: string): number {
  const m = /back-off ((?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?s)?)/.exec(label);
  assert.ok(m && m[1], `"${label}" does not say "back-off <duration>"`);
  let seconds = 0;
  for (const [, n, unit] of m[1].matchAll(/(\d+(?:\.\d+)?)([hms])/g)) seconds += Number(n) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'];
  return seconds;
}

/** The waits between a failed pod and the pod the Job controller creates next, as the CLI's timeline has them. */
function expectedBackoffs(timeline: TimelineJson): number[] {
  const pods = [...timeline.pods].sort((a, b) => a.createdAt - b.createdAt);
  const gaps: number[] = [];
  for (let i = 0; i + 1 < pods.length; i++) {
    const finished = pods[i].finishedAt;
    if (pods[i].phase === 'Failed' && finished !== null) gaps.push(Math.round(pods[i + 1].createdAt - finished));
  }
  return gaps;
}

async function backoffGaps(): Promise<number[]> {
  // The accessible name: a narrow gap shows only "10s", but a screen reader (and its tooltip) says it all.
  const labels = await wb.previewFrame().locator(`.gantt:not([${OLD}]) .backoff-gap`).evaluateAll((gaps) => gaps.map((g) => g.getAttribute('aria-label') ?? ''));
  for (const label of labels) assert.match(label, /back-off \d+(m\d+)?s/);
  return labels.map(backoffSeconds);
}

/** Scrolls the preview so that the element's top (or bottom) is at the top (or bottom) of the view. */
async function scrollPreviewTo(selector: string, block: 'start' | 'end'): Promise<void> {
  await wb
    .previewFrame()
    .locator(selector)
    .first()
    .evaluate((node, where) => node.scrollIntoView({ block: where }), block);
}

/**
 * A screenshot for docs/images. The what-if controls stay open once opened (the preview remembers it): fold
 * them unless the picture is about them, so the chart shows.
 */
async function previewShot(name: string, options: { whatIf?: boolean; scrollTo?: [string, 'start' | 'end'] } = {}): Promise<void> {
  const form = wb.previewFrame().locator('form#what-if');
  if (!options.whatIf && (await form.isVisible())) await wb.previewFrame().locator('details:has(form#what-if) > summary').click();
  if (options.scrollTo) await scrollPreviewTo(...options.scrollTo);
  await wb.screenshot(name);
}

/** A test as a person's scenario: on failure, a screenshot of what the workbench showed (not for docs/). */
function scenario(name: string, body: () => Promise<void>): void {
  it(name, { timeout: 180000 }, async () => {
    try {
      await body();
    } catch (err) {
      const shot = await wb?.screenshot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`, { forDocs: false }).catch(() => undefined);
      if (shot) console.log(`screenshot of the failure: ${shot}`);
      throw err;
    }
  });
}

describe('the rollout preview in VS Code, as a person uses it', () => {
  scenario('pi-job-backoff.yaml: the scenario beside it applies at once: failed attempts and back-off gaps', async () => {
    const expected = timelineOf(example('pi-job-backoff.yaml'), example('pi-job-backoff.scenario.yaml'));
    await previewOf('pi-job-backoff.yaml');
    await wb.previewFrame().locator(`.gantt:not([${OLD}]) .backoff-gap[aria-label^="back-off"]`).first().waitFor();

    const rows = await podRows();
    assert.deepStrictEqual(rows.map((r) => r.pod).sort(), expected.pods.map((p) => p.name).sort(), 'the pods of the CLI run, by name');
    assert.deepStrictEqual(
      rows.filter((r) => r.failed).map((r) => r.pod).sort(),
      expected.pods.filter((p) => p.phase === 'Failed').map((p) => p.name).sort(),
      'the failed attempts',
    );
    assert.deepStrictEqual((await backoffGaps()).sort((a, b) => a - b), expectedBackoffs(expected).sort((a, b) => a - b), 'one labelled gap per back-off');

    const picker = wb.previewFrame().locator('select#scenario-picker');
    assert.match(await picker.locator('option:checked').innerText(), /pi-job-backoff\.scenario\.yaml/, 'the picker shows the scenario file in effect');
    // the scenario file: pods 1 and 2 fail with exit 1 after 10 s, the others run 20 s
    const summary = await wb.previewFrame().locator('#scenario-summary').innerText();
    assert.match(summary, /fail/i, `the summary says pods fail: "${summary}"`);
    assert.match(summary, /exit (code )?1\b/, `the summary gives the exit code: "${summary}"`);
    assert.match(summary, /\b1\s*(–|-|and|to)\s*2\b/, `the summary names attempts 1–2: "${summary}"`);
    await previewShot('preview-job-backoff');
  });

  scenario('choosing the `limit` variant in the picker changes the timeline: BackoffLimitExceeded, every attempt failed', async () => {
    const expected = timelineOf(example('pi-job-backoff.yaml'), example('pi-job-backoff.limit.scenario.yaml'));
    await previewOf('pi-job-backoff.yaml');
    const picker = wb.previewFrame().locator('select#scenario-picker');
    const limit = picker.locator('option', { hasText: /limit/ });
    assert.strictEqual(await limit.count(), 1, 'the picker offers the variant pi-job-backoff.limit.scenario.yaml');
    await markShown();
    await picker.selectOption((await limit.getAttribute('value')) ?? '');
    await waitForRender('.gantt');
    await wb.waitForPreviewText('body', /BackoffLimitExceeded/);

    const failed = expected.pods.filter((p) => p.phase === 'Failed');
    assert.ok(failed.length > 2, 'the limit variant fails more pods than the default scenario');
    const rows = await podRows();
    assert.deepStrictEqual(rows.filter((r) => r.failed).map((r) => r.pod).sort(), failed.map((p) => p.name).sort(), 'every pod of the CLI run failed, here too');
    assert.strictEqual(rows.length, expected.pods.length);
    assert.deepStrictEqual((await backoffGaps()).sort((a, b) => a - b), expectedBackoffs(expected).sort((a, b) => a - b));
    assert.match(await picker.locator('option:checked').innerText(), /limit/);
  });

  scenario('what-if "first 2 attempts fail" on a plain Job shows two failed pods', async () => {
    await previewOf('pi.yaml');
    const before = await podRows();
    assert.strictEqual(before.filter((r) => r.failed).length, 0, 'with the default pods nothing fails');

    const form = wb.previewFrame().locator('form#what-if');
    // the controls fold away under "What if…": open them as a person would
    if (!(await form.isVisible())) await wb.previewFrame().locator('details:has(form#what-if) > summary').click();
    await markShown();
    await form.locator('[name="failFirst.attempts"]').fill('2');
    await form.locator('[name="failFirst.exitCode"]').fill('1');
    await form.locator('[name="failFirst.exitCode"]').press('Tab');
    await waitForRender('.gantt');
    // a re-run per change (debounced): wait for the one with both values
    const deadline = Date.now() + 20000;
    let rows = await podRows();
    while (rows.filter((r) => r.failed).length < 2 && Date.now() < deadline) {
      await wb.page.waitForTimeout(250);
      rows = await podRows();
    }
    assert.strictEqual(rows.filter((r) => r.failed).length, 2, 'the first two attempts failed');
    assert.strictEqual(rows.length, 3, 'the third attempt is the one that succeeds');
    const summary = await wb.previewFrame().locator('#scenario-summary').innerText();
    assert.match(summary, /fail/i, `the summary says what the what-if does: "${summary}"`);
    assert.match(summary, /exit (code )?1\b/, `the summary gives the exit code: "${summary}"`);
    assert.strictEqual((await backoffGaps()).length, 2, 'the retries wait their back-off');
    // the filled-in form, the chart below it
    await previewShot('preview-what-if', { whatIf: true, scrollTo: ['details:has(form#what-if)', 'start'] });
  });

  scenario('hello-cronjob-forbid.yaml: the schedule lane counts the runs Forbid skipped', async () => {
    const expected = timelineOf(example('hello-cronjob-forbid.yaml'), example('hello-cronjob-forbid.scenario.yaml'));
    const skipped = (expected.markers ?? []).filter((m) => m.kind === 'skippedRun').reduce((n, m) => n + (m.count ?? 1), 0);
    assert.ok(skipped > 0, 'the example skips runs');
    await previewOf('hello-cronjob-forbid.yaml');
    const count = await wb.waitForPreviewText('.lane-schedule .schedule-count', /skipped/);
    assert.match(await count.innerText(), new RegExp(`\\b${skipped} skipped\\b`));
    await previewShot('preview-cronjob-forbid');
  });

  scenario('fluentd-daemonset-rollout.yaml: one lane per node and the rolling update\'s steps', async () => {
    const expected = timelineOf(example('fluentd-daemonset-rollout.yaml'), example('fluentd-daemonset-rollout.scenario.yaml'));
    await previewOf('fluentd-daemonset-rollout.yaml');
    const lanes = wb.previewFrame().locator(`.gantt:not([${OLD}]) .node-lane[data-node]`);
    const nodes = await Promise.all((await lanes.all()).map((lane) => lane.getAttribute('data-node')));
    assert.deepStrictEqual(nodes.sort(), (expected.nodes ?? []).map((n) => n.name).sort(), 'a lane for each node of the scenario');
    // the rolling update replaces each node's pod in turn (maxUnavailable 1)
    const replaced = new Set(expected.pods.filter((p) => (p.revision ?? 1) > 1).map((p) => p.node));
    assert.ok(replaced.size > 1, 'the example rolls out to several nodes');
    const steps = await wb.previewFrame().locator(`.gantt:not([${OLD}]) .rollout-step`).count();
    assert.ok(steps >= replaced.size, `the chart marks a step per node the rollout reached (${replaced.size}); it has ${steps}`);
    await previewShot('preview-daemonset-rollout');
  });

  scenario('kubectl at a scrubbed time matches `k8s-dryrun simulate --at` for that time', async () => {
    const manifest = 'fluentd-daemonset-rollout.yaml';
    const scenario = 'fluentd-daemonset-rollout.scenario.yaml';
    const expected = timelineOf(example(manifest), example(scenario));
    // a time in the middle of the rollout: after its second new pod is created
    const newPods = expected.pods.filter((p) => (p.revision ?? 1) > 1).sort((a, b) => a.createdAt - b.createdAt);
    const target = newPods[1].createdAt;
    if (!(await wb.page.locator('.tab.active', { hasText: 'fluentd-elasticsearch' }).count())) await previewOf(manifest);

    const scrubber = wb.previewFrame().locator('section.scrubber input[type="range"]').first();
    await scrubber.press('Home');
    let t = Number(await scrubber.inputValue());
    for (let i = 0; i < 200 && t < target; i++) {
      await scrubber.press('ArrowRight');
      t = Number(await scrubber.inputValue());
    }
    assert.ok(t >= target && t < newPods[newPods.length - 1].createdAt, `the scrubber stops mid-rollout (at ${t}s)`);

    const cli = kubectlTables(simulate([example(manifest), '--scenario', example(scenario), '--at', `${t}s`]));
    const tables = wb.previewFrame().locator('section.kubectl pre.kubectl-table[data-command]');
    const commands = await Promise.all((await tables.all()).map((table) => table.getAttribute('data-command')));
    assert.ok(commands.includes('kubectl get pods') && commands.includes('kubectl get daemonsets'), `the panel shows the pods and the DaemonSet: ${commands}`);
    for (const command of commands) {
      const expectedLines = cli.get(command ?? '');
      assert.ok(expectedLines, `the CLI prints "${command}" at ${t}s too`);
      const table = wb.previewFrame().locator(`section.kubectl pre.kubectl-table[data-command="${command}"]`);
      // the panel follows the scrubber (it may redraw a moment later)
      const deadline = Date.now() + 5000;
      while (JSON.stringify(tableLines(await table.innerText())) !== JSON.stringify(expectedLines) && Date.now() < deadline) await wb.page.waitForTimeout(100);
      assert.deepStrictEqual(tableLines(await table.innerText()), expectedLines, `${command} at ${t}s`);
    }
    // the tables, and above them the chart with the scrubbed time
    await previewShot('preview-kubectl-at-t', { scrollTo: ['section.kubectl pre.kubectl-table[data-command="kubectl get pods"]', 'end'] });
  });

  scenario('zoom in, then fit: the visible window narrows, and fit restores it', async () => {
    await previewOf('pi-job-backoff.yaml');
    const gantt = wb.previewFrame().locator('.gantt').first();
    const windowOf = async (): Promise<[number, number]> => [Number(await gantt.getAttribute('data-from')), Number(await gantt.getAttribute('data-to'))];
    const fitted = await windowOf();
    assert.ok(fitted.every(Number.isFinite) && fitted[1] > fitted[0], `data-from/data-to give a window: ${fitted}`);

    /** The window once it differs from `from` (the chart may animate), or as it is after 5 s. */
    const changedFrom = async (from: [number, number]): Promise<[number, number]> => {
      const deadline = Date.now() + 5000;
      let now = await windowOf();
      while (now[0] === from[0] && now[1] === from[1] && Date.now() < deadline) {
        await wb.page.waitForTimeout(100);
        now = await windowOf();
      }
      await wb.page.waitForTimeout(300); // and settled
      return windowOf();
    };

    await wb.previewFrame().locator('button.zoom-in').first().click();
    const zoomed = await changedFrom(fitted);
    assert.ok(zoomed[1] - zoomed[0] < fitted[1] - fitted[0], `zoom in shows less time: ${fitted} → ${zoomed}`);
    assert.ok(zoomed[0] >= fitted[0] && zoomed[1] <= fitted[1], `inside the fitted window: ${fitted} → ${zoomed}`);

    await wb.previewFrame().locator('button.zoom-fit').first().click();
    assert.deepStrictEqual(await changedFrom(zoomed), fitted, 'fit restores the window');
  });

  scenario('an invalid manifest lists each error with a line:col link that moves the cursor there', async () => {
    await previewOf('broken-job.yaml', 'ul.problem-list');
    const text = fs.readFileSync(path.join(wb.workspace, 'broken-job.yaml'), 'utf8').split('\n');
    const lineOf = (needle: string): number => text.findIndex((l) => l.includes(needle)) + 1;
    const mistakes = [lineOf('backoffLimit: -1'), lineOf('restartPolicy: Always')].sort((a, b) => a - b);

    const items = wb.previewFrame().locator(`ul.problem-list:not([${OLD}]) > li`);
    assert.strictEqual(await items.count(), 2, 'one entry per error');
    const places: { line: number; column: number; link: Locator }[] = [];
    for (const item of await items.all()) {
      const link = item.locator('a.problem-location');
      const where = (await link.innerText()).trim();
      const m = /^(\d+):(\d+)$/.exec(where);
      assert.ok(m, `the link reads line:col, not "${where}"`);
      places.push({ line: Number(m[1]), column: Number(m[2]), link });
      const message = (await item.innerText()).replace(where, '').trim();
      assert.doesNotMatch(message, /^object:/, 'worded as in the Problems panel');
      assert.ok(message.length > 0);
    }
    assert.deepStrictEqual(places.map((p) => p.line).sort((a, b) => a - b), mistakes, 'the errors are at the two mistakes');
    assert.ok((await wb.page.locator('.tab', { hasText: 'Preview: job/pi' }).count()) > 0, 'the panel title still names the object');

    // each link moves the cursor to its place: the backoffLimit one, then the restartPolicy one (shown in the picture)
    places.sort((a, b) => a.line - b.line);
    for (const place of places) {
      await place.link.click();
      const deadline = Date.now() + 10000;
      let cursor = await wb.cursorPosition();
      while ((cursor.line !== place.line || cursor.column !== place.column) && Date.now() < deadline) {
        await wb.page.waitForTimeout(100);
        cursor = await wb.cursorPosition();
      }
      assert.deepStrictEqual(cursor, { line: place.line, column: place.column }, 'the editor cursor is at the error');
    }
    await previewShot('preview-errors');
  });
});
