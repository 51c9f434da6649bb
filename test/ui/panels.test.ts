// The preview's panels as a person uses them, in Debian's Chromium with the extension's CSP (harness.ts): the
// scenario bar and what-if form post what the host needs, "kubectl at t" follows the scrubber and matches the
// core's kubectl views, the footprint's peaks, problems as links that reveal their place, hostile strings as
// text. Timelines come from the CLI run on examples/ (dist/cli.js), as the language server would compute them.
// Screenshots in light, dark and high-contrast themes go to $UI_SCREENSHOTS (default <tmp>/k8s-dryrun-ui-screenshots).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import * as YAML from 'yaml';
import { getCronJobs } from '../../server/src/core/engine/views/cronjob';
import { getDaemonSets } from '../../server/src/core/engine/views/daemonset';
import { getJobs, getPods } from '../../server/src/core/engine/views/kubectl';
import { simulate as simulateInProcess } from '../../server/src/core/engine/simulate';
import type { Timeline } from '../../server/src/protocol/timeline';
import { formatOffset } from '../../client/webview/src/format';
import { formatCpu, formatMemory } from '../../client/webview/src/panels/footprint';
import { fixture, REPO_ROOT, type ThemeKind } from './harness';
import { send as sendMessage, WebviewPages } from './webviewPages';

interface PageWindow {
  __posted: { method: string; params: Record<string, unknown> }[];
  __csp: string[];
  __dialogs: number;
  __pwned?: unknown;
  postMessage(message: unknown, target: string): void;
}
declare const window: PageWindow;
interface PageDocument {
  querySelectorAll(selector: string): { length: number };
}
declare const document: PageDocument;

const SHOTS = process.env.UI_SCREENSHOTS || path.join(os.tmpdir(), 'k8s-dryrun-ui-screenshots');
const SOURCE = 'file:///home/dev/examples/pi-job-backoff.yaml';

interface Rendered {
  view: string;
  podCount: number;
  message?: string;
  object?: string;
  scenario?: string;
  problemCount?: number;
}

let pages: WebviewPages;
const timelines = new Map<string, Timeline>();

/** The Timeline the CLI computes for an example and its scenario (what the language server sends the panel). */
function simulate(manifest: string, scenario?: string): Timeline {
  const key = `${manifest}|${scenario}`;
  const cached = timelines.get(key);
  if (cached) return cached;
  const args = ['dist/cli.js', 'simulate', `examples/${manifest}`, ...(scenario ? ['--scenario', `examples/${scenario}`] : []), '--format', 'json'];
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.strictEqual(result.status, 0, result.stderr);
  const timeline = JSON.parse(result.stdout) as Timeline;
  timelines.set(key, timeline);
  return timeline;
}

const JOB_SCENARIO = {
  choices: [
    { id: 'default', label: 'default pods' },
    { id: 'pi-job-backoff.scenario.yaml', label: 'pi-job-backoff.scenario.yaml', uri: 'file:///home/dev/examples/pi-job-backoff.scenario.yaml' },
    { id: 'pi-job-backoff.limit.scenario.yaml', label: 'limit', uri: 'file:///home/dev/examples/pi-job-backoff.limit.scenario.yaml' },
  ],
  selected: 'pi-job-backoff.scenario.yaml',
  whatIf: {},
  summary: 'pods run 20s; attempts 1–2 fail with exit 1',
  kind: 'Job',
  indexed: false,
};

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  pages = await WebviewPages.launch('panels', { width: 1400, height: 900 });
});

after(async () => {
  await pages?.close();
  console.log(`screenshots: ${SHOTS}`);
});

function openView(theme: ThemeKind = 'vscode-dark', width = 1400): Promise<Page> {
  return pages.open(theme, width);
}

function send(page: Page, method: string, params: Record<string, unknown>, expectView?: string): Promise<Rendered> {
  return sendMessage<Rendered>(page, method, params, expectView);
}

function showTimeline(page: Page, timeline: Timeline, scenario: Record<string, unknown> | undefined = JOB_SCENARIO): Promise<Rendered> {
  return send(page, 'showTimeline', { timeline, sourceUri: SOURCE, documentVersion: 1, scenario }, 'timeline');
}

/** What the webview posted since `from`, other than its `rendered` reports. */
async function commands(page: Page, from = 0): Promise<{ method: string; params: Record<string, unknown> }[]> {
  return (await page.evaluate(() => window.__posted)).slice(from).filter((m) => m.method !== 'rendered' && m.method !== 'ready');
}

const postedCount = (page: Page): Promise<number> => page.evaluate(() => window.__posted.length);

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The kubectl panel's tables: command → text. */
async function panelTables(page: Page): Promise<Record<string, string>> {
  const blocks = page.locator('section.kubectl pre.kubectl-table');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await blocks.count()); i++) {
    const block = blocks.nth(i);
    out[(await block.getAttribute('data-command')) ?? ''] = (await block.textContent()) ?? '';
  }
  return out;
}

/** The time the kubectl panel shows, once it has drawn (it redraws at the next animation frame). */
async function panelTime(page: Page): Promise<number> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return Number(await page.locator('section.kubectl').getAttribute('data-time'));
}

describe('preview panels', () => {
  it('composes scenario bar, chart, kubectl at t, footprint; reports the scenario; CSP clean', async () => {
    const page = await openView('vscode-dark');
    const timeline = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
    const rendered = await showTimeline(page, timeline);
    assert.strictEqual(rendered.view, 'timeline');
    assert.strictEqual(rendered.scenario, 'pi-job-backoff.scenario.yaml');
    assert.deepStrictEqual(await page.locator('#scenario-picker option').allTextContents(), ['default pods', 'pi-job-backoff.scenario.yaml', 'limit']);
    assert.strictEqual(await page.locator('#scenario-picker').inputValue(), 'pi-job-backoff.scenario.yaml');
    assert.strictEqual(await page.locator('#scenario-summary').textContent(), 'pods run 20s; attempts 1–2 fail with exit 1');
    // the label names the picker
    assert.strictEqual(await page.getByLabel('Scenario', { exact: true }).getAttribute('id'), 'scenario-picker');
    // wide panel: the chart and kubectl at t side by side
    const chartBox = await page.locator('.chart-pane').boundingBox();
    const sideBox = await page.locator('section.kubectl').boundingBox();
    assert.ok(chartBox && sideBox && sideBox.x >= chartBox.x + chartBox.width - 1, 'kubectl panel to the right of the chart');
    assert.deepStrictEqual(await page.locator('section.kubectl .kubectl-command').allTextContents(), ['$ kubectl get jobs', '$ kubectl get pods']);
    assert.strictEqual(await page.locator('section.footprint').count(), 1);
    // the status reads as words: no null, no JSON, times as clock times
    const status = (await page.locator('.status-at').textContent()) ?? '';
    assert.doesNotMatch(status, /null|[{}[\]"]/);
    assert.match(status, /startTime2026-01-01 00:00:00Z \(/);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await shot(page, 'panels-job-dark');
    await page.close();
  });

  it('opens at the moment the Job finished, with the tables the CLI prints (not the empty end after the TTL)', async () => {
    const page = await openView('vscode-dark');
    const timeline = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
    await showTimeline(page, timeline);
    // the CLI's text output: its tables follow `$ kubectl get pods` / `$ kubectl get jobs`
    const cli = spawnSync(process.execPath, ['dist/cli.js', 'simulate', 'examples/pi-job-backoff.yaml', '--scenario', 'examples/pi-job-backoff.scenario.yaml'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.strictEqual(cli.status, 0, cli.stderr);
    const cliTable = (command: string): string => {
      const at = cli.stdout.indexOf(`$ ${command}\n`);
      assert.ok(at >= 0, `the CLI prints ${command}`);
      const text = cli.stdout.slice(at + command.length + 3);
      const end = text.indexOf('\n\n');
      return `${end < 0 ? text.trimEnd() : text.slice(0, end)}\n`;
    };
    assert.match(cli.stdout, /\(tables at \+\w+, when pi finished\)/);
    const complete = timeline.conditions.find((c) => c.object === 'pi' && c.type === 'Complete' && c.status === 'True');
    assert.ok(complete);
    const t = await panelTime(page);
    assert.strictEqual(t, complete.at);
    assert.ok(t < timeline.duration, `the scrubber starts before the end of the run (${t} of ${timeline.duration})`);
    assert.strictEqual(await page.locator('.scrubber-time .time-offset').textContent(), formatOffset(complete.at));
    const tables = await panelTables(page);
    assert.strictEqual(tables['kubectl get pods'], cliTable('kubectl get pods'));
    assert.strictEqual(tables['kubectl get jobs'], cliTable('kubectl get jobs'));
    assert.doesNotMatch(tables['kubectl get pods'], /No resources found/);
    // a time the user chose is kept when the same Job runs again after an edit
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('End');
    assert.strictEqual(await panelTime(page), timeline.duration);
    await page.waitForTimeout(400); // the scrubber's time is saved a moment after it stops
    await send(page, 'showTimeline', { timeline, sourceUri: SOURCE, documentVersion: 2, scenario: JOB_SCENARIO }, 'timeline');
    assert.strictEqual(await panelTime(page), timeline.duration);
    await page.close();
  });

  it('the run\'s warnings under the header, in the Problems panel\'s order, each line:col revealing it', async () => {
    const page = await openView('vscode-light');
    // a scenario event after the end of the run: the engine runs it and warns, as the language server passes on
    const read = (file: string): unknown => YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
    const scenario = { ...(read('pi-job-backoff.scenario.yaml') as object), events: [{ at: '2h', controllerDown: '1m' }] };
    const result = simulateInProcess(read('pi-job-backoff.yaml'), scenario);
    assert.ok(result.ok);
    assert.strictEqual(result.warnings.length, 1);
    const late = result.warnings[0];
    const scenarioUri = 'file:///home/dev/examples/pi-job-backoff.scenario.yaml';
    const place = (line: number, character: number): Record<string, unknown> => ({ uri: scenarioUri, range: { start: { line, character }, end: { line, character: character + 2 } } });
    const warnings = [
      { message: `${late.path}: ${late.message}`, source: 'scenario', ...place(10, 6) },
      { message: 'pods.default.exitCode: 0 is the default', source: 'scenario', ...place(4, 13) },
    ];
    await send(page, 'showTimeline', { timeline: result.timeline, sourceUri: SOURCE, documentVersion: 1, scenario: JOB_SCENARIO, warnings }, 'timeline');
    const section = page.locator('.preview section.warnings');
    assert.ok(await section.isVisible());
    // under the chart's header, above the scrubber
    const headerBox = await page.locator('.preview header.summary').boundingBox();
    const box = await section.boundingBox();
    const scrubberBox = await page.locator('section.scrubber').boundingBox();
    assert.ok(headerBox && box && scrubberBox && box.y >= headerBox.y + headerBox.height - 1 && box.y + box.height <= scrubberBox.y + 1);
    assert.deepStrictEqual(await section.locator('ul.warning-list > li a.problem-location').allTextContents(), ['5:14', '11:7']);
    assert.deepStrictEqual(await section.locator('.problem-message').allTextContents(), ['pods.default.exitCode: 0 is the default', `${late.path}: ${late.message}`]);
    assert.match((await section.textContent()) ?? '', /after the end of the run/);
    const from = await postedCount(page);
    await section.locator('a.problem-location').nth(1).focus();
    await page.keyboard.press('Enter');
    assert.deepStrictEqual(await commands(page, from), [{ method: 'reveal', params: { uri: scenarioUri, line: 10, character: 6 } }]);
    await shot(page, 'panels-warnings-light');
    // a run without warnings shows none
    await showTimeline(page, result.timeline);
    assert.strictEqual(await page.locator('section.warnings').count(), 0);
    await page.close();
  });

  for (const width of [800, 1200]) {
    it(`at ${width} px the kubectl column's long lines wrap: no sideways scrolling for rollout status, conditions, events`, async () => {
      const page = await openView('vscode-light', width);
      for (const [manifest, scenario, kind] of [
        ['fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml', 'DaemonSet'],
        ['hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml', 'CronJob'],
      ]) {
        const timeline = simulate(manifest, scenario);
        await showTimeline(page, timeline, { ...JOB_SCENARIO, kind });
        await panelTime(page);
        const overflowing = await page.evaluate(() =>
          [...(document as unknown as { querySelectorAll(s: string): Iterable<{ scrollWidth: number; clientWidth: number; className: string; textContent: string | null }> }).querySelectorAll(
            'section.kubectl pre.kubectl-table[data-command^="kubectl rollout status"], section.kubectl .table-wrap, section.scrubber .running-list',
          )]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.className} (${e.scrollWidth} > ${e.clientWidth}): ${(e.textContent ?? '').slice(0, 60)}`),
        );
        assert.deepStrictEqual(overflowing, [], `${kind} at ${width} px`);
        if (kind === 'DaemonSet') {
          // the text is still kubectl's, line for line
          const status = (await page.locator('pre.kubectl-table[data-command^="kubectl rollout status"]').textContent()) ?? '';
          assert.match(status, /^Waiting for daemon set spec update to be observed\.\.\.\n/);
          assert.match(status, /successfully rolled out\n$/);
          // what a copy gives: kubectl's lines, no blank ones between them
          const seen = await page.locator('pre.kubectl-table[data-command^="kubectl rollout status"]').innerText();
          assert.strictEqual(seen.trimEnd(), status.trimEnd());
        }
        // the events still read as rows of kubectl's five fields
        const firstEvent = page.locator('table.events-at tbody tr').first();
        assert.strictEqual(await firstEvent.locator('td').count(), 5);
        assert.ok(await firstEvent.locator('td.message').isVisible());
      }
      await shot(page, `panels-narrow-columns-${width}`);
      await page.close();
    });
  }

  it('stacks kubectl at t under the chart in a narrow panel', async () => {
    const page = await openView('vscode-light', 900);
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'));
    const chartBox = await page.locator('.chart-pane').boundingBox();
    const sideBox = await page.locator('section.kubectl').boundingBox();
    assert.ok(chartBox && sideBox && sideBox.y >= chartBox.y + chartBox.height - 1, 'kubectl panel below the chart');
    await shot(page, 'panels-job-light-narrow');
    await page.close();
  });

  for (const [manifest, scenario, kind] of [
    ['pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml', 'Job'],
    ['hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml', 'CronJob'],
    ['fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml', 'DaemonSet'],
  ]) {
    it(`${kind}: kubectl tables at a scrubbed time are the core views' output for that time`, async () => {
      const page = await openView('vscode-dark');
      const timeline = simulate(manifest, scenario);
      await showTimeline(page, timeline, { ...JOB_SCENARIO, kind });
      const expected = (t: number): Record<string, string> => {
        const out: Record<string, string> = {};
        if (kind === 'CronJob') out['kubectl get cronjobs'] = getCronJobs(timeline, t);
        if (kind === 'DaemonSet') out['kubectl get daemonsets'] = getDaemonSets(timeline, t);
        if (kind !== 'DaemonSet') out['kubectl get jobs'] = getJobs(timeline, t);
        out['kubectl get pods'] = getPods(timeline, t);
        return out;
      };
      const slider = page.locator('.scrubber-input');
      await slider.focus();
      await page.keyboard.press('Home');
      const seen = new Set<number>();
      for (let step = 0; step < 4; step++) {
        const t = await panelTime(page);
        assert.strictEqual(t, Number(await slider.inputValue()), 'the panel shows the scrubber’s time');
        seen.add(t);
        const tables = await panelTables(page);
        const rollout = Object.keys(tables).find((c) => c.startsWith('kubectl rollout status'));
        if (rollout) delete tables[rollout];
        assert.deepStrictEqual(tables, expected(t), `tables at t=${t}`);
        // the conditions and events are as of t too
        const eventRows = await page.locator('table.events-at tbody tr').count();
        assert.ok(eventRows <= timeline.events.filter((e) => e.at <= t).length);
        await page.keyboard.press('ArrowRight');
      }
      assert.ok(seen.size >= 3, `the scrubber moved the panel through several times (${[...seen].join(', ')})`);
      if (kind === 'DaemonSet') {
        await page.keyboard.press('End');
        await panelTime(page);
        const status = (await page.locator('pre.kubectl-table[data-command="kubectl rollout status daemonset/fluentd-elasticsearch"]').textContent()) ?? '';
        assert.match(status, /successfully rolled out\n$/);
        assert.match(status, /Waiting for daemon set "fluentd-elasticsearch" rollout to finish/);
        await shot(page, 'panels-daemonset-dark');
      }
      if (kind === 'CronJob') await shot(page, 'panels-cronjob-dark');
      await page.close();
    });
  }

  it('conditions as a table, events so far with a warnings-only toggle', async () => {
    const page = await openView('vscode-dark');
    const timeline = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
    await showTimeline(page, timeline);
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('End');
    const t = await panelTime(page);
    assert.deepStrictEqual(await page.locator('table.conditions-at thead th').allTextContents(), ['TYPE', 'STATUS', 'REASON', 'MESSAGE', 'AGE']);
    const complete = await page.locator('table.conditions-at tbody tr', { hasText: 'Complete' }).last().locator('td').allTextContents();
    assert.deepStrictEqual(complete.slice(0, 3), ['Complete', 'True', 'CompletionsReached']);
    assert.deepStrictEqual(await page.locator('table.events-at thead th').allTextContents(), ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    const rows = page.locator('table.events-at tbody tr');
    const all = await rows.count();
    assert.ok(all > 0 && all <= timeline.events.filter((e) => e.at <= t).length);
    assert.match((await rows.first().locator('td').nth(3).textContent()) ?? '', /^(job|pod)\//);
    await page.locator('#events-warnings-only').check();
    const warnings = await page.locator('table.events-at tbody tr').count();
    assert.ok(warnings < all);
    assert.deepStrictEqual(new Set(await page.locator('table.events-at tbody tr td.event-type').allTextContents()), new Set(warnings > 0 ? ['Warning'] : []));
    // at t = 0 nothing has a condition yet
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('Home');
    await panelTime(page);
    assert.strictEqual(await page.locator('table.conditions-at').count(), 0);
    await page.close();
  });

  it('the picker posts chooseScenario; save and export post their commands', async () => {
    const page = await openView('vscode-dark');
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'));
    const from = await postedCount(page);
    await page.locator('#scenario-picker').focus();
    await page.locator('#scenario-picker').selectOption('pi-job-backoff.limit.scenario.yaml');
    await page.locator('button.save-scenario').click();
    await page.locator('button.export-json').click();
    await page.locator('button.export-yaml').click();
    await page.locator('button.export-svg').click();
    const posted = await commands(page, from);
    assert.deepStrictEqual(posted.slice(0, 4), [
      { method: 'chooseScenario', params: { id: 'pi-job-backoff.limit.scenario.yaml' } },
      { method: 'saveScenario', params: {} },
      { method: 'export', params: { format: 'timeline-json' } },
      { method: 'export', params: { format: 'scenario-yaml' } },
    ]);
    const svg = posted[4];
    assert.strictEqual(svg?.method, 'export');
    assert.strictEqual(svg.params.format, 'svg');
    assert.match(String(svg.params.svg), /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    await page.close();
  });

  it('the what-if form posts the WhatIf it shows; bad values are marked, not sent; reset clears', async () => {
    const page = await openView('vscode-dark');
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'));
    await page.locator('details.what-if > summary').click();
    // a Job: failures offered, no node or index controls
    assert.strictEqual(await page.locator('form#what-if [name="failFirst.attempts"]').count(), 1);
    assert.strictEqual(await page.locator('form#what-if [name="nodes.count"]').count(), 0);
    assert.strictEqual(await page.locator('form#what-if [name="failIndex.index"]').count(), 0);
    let from = await postedCount(page);
    await page.getByLabel('First N attempts fail').fill('2');
    await page.keyboard.press('Tab');
    await page.waitForFunction((n) => window.__posted.length > n, from);
    assert.deepStrictEqual(await commands(page, from), [{ method: 'setWhatIf', params: { whatIf: { failFirst: { attempts: 2, exitCode: 1 } } } }]);
    // typing in another field posts after a pause, with both edits
    from = await postedCount(page);
    await page.locator('form#what-if [name="runSeconds"]').fill('10');
    await page.waitForFunction((n) => window.__posted.length > n, from);
    assert.deepStrictEqual(await commands(page, from), [{ method: 'setWhatIf', params: { whatIf: { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 } } } }]);
    // the result of the first edit arrives late: it does not undo the newer typing (not even out of focus)
    await page.locator('form#what-if [name="runSeconds"]').blur();
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), { ...JOB_SCENARIO, whatIf: { failFirst: { exitCode: 1, attempts: 2 } } });
    assert.strictEqual(await page.locator('form#what-if [name="runSeconds"]').inputValue(), '10');
    // a bad duration: marked and explained, nothing sent
    from = await postedCount(page);
    await page.locator('form#what-if [name="until"]').fill('ten minutes');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(600);
    assert.deepStrictEqual(await commands(page, from), []);
    assert.strictEqual(await page.locator('form#what-if [name="until"]').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#what-if-until-hint').textContent()) ?? '', /not a duration/);
    await shot(page, 'panels-what-if-dark');
    await page.locator('form#what-if [name="until"]').fill('30m');
    await page.keyboard.press('Tab');
    await page.waitForFunction((n) => window.__posted.length > n, from);
    assert.deepStrictEqual(await commands(page, from), [{ method: 'setWhatIf', params: { whatIf: { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 }, until: '30m' } } }]);
    // the host answers with the edits in effect: the form keeps them
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), {
      ...JOB_SCENARIO,
      // the host keeps the fields in its own order
      whatIf: { until: '30m', failFirst: { exitCode: 1, attempts: 2 }, runSeconds: 10 },
      summary: 'pods run 10s; attempts 1–2 fail with exit 1; until 30m',
    });
    assert.strictEqual(await page.locator('form#what-if [name="failFirst.attempts"]').inputValue(), '2');
    assert.strictEqual(await page.locator('.what-if-status').textContent(), '', 'the run for the edits is shown');
    assert.strictEqual(await page.locator('#scenario-summary').textContent(), 'pods run 10s; attempts 1–2 fail with exit 1; until 30m');
    assert.strictEqual(await page.locator('details.what-if').getAttribute('open'), '', 'the form stays open across re-runs');
    // reset: every input empty, and the edits cleared at the host
    from = await postedCount(page);
    await page.locator('button.what-if-reset').click();
    await page.waitForFunction((n) => window.__posted.length > n, from);
    assert.deepStrictEqual(await commands(page, from), [{ method: 'setWhatIf', params: { whatIf: {} } }]);
    assert.deepStrictEqual(new Set(await page.locator('form#what-if input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))), new Set(['']));
    await page.close();
  });

  it('the form offers what applies: nodes and image for a DaemonSet, the failing index for an Indexed Job', async () => {
    const page = await openView('vscode-high-contrast');
    await showTimeline(page, simulate('fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'), { ...JOB_SCENARIO, kind: 'DaemonSet', selected: 'default', summary: '4 nodes; image changes at 10m' });
    await page.locator('details.what-if > summary').focus();
    await page.keyboard.press('Enter');
    const names = await page.locator('form#what-if input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { name: string }).name));
    assert.deepStrictEqual(names, ['runSeconds', 'startupSeconds', 'nodes.count', 'nodes.labels', 'nodes.taints', 'nodeJoin.at', 'nodeLeave.at', 'nodeLeave.name', 'setImage.at', 'setImage.image', 'controllerDown.at', 'controllerDown.for', 'until']);
    const from = await postedCount(page);
    await page.locator('[name="nodes.count"]').fill('3');
    await page.locator('[name="nodes.labels"]').fill('disk=ssd,zone=a');
    await page.locator('[name="nodes.taints"]').fill('dedicated=gpu:NoSchedule');
    await page.locator('[name="setImage.at"]').fill('2m');
    await page.locator('[name="setImage.image"]').fill('fluentd:v5');
    await page.keyboard.press('Tab');
    await page.waitForFunction((n) => window.__posted.some((m, i) => i >= n && m.method === 'setWhatIf' && (m.params.whatIf as { setImage?: unknown }).setImage !== undefined), from);
    const last = (await commands(page, from)).filter((m) => m.method === 'setWhatIf').pop();
    assert.deepStrictEqual(last?.params, {
      whatIf: { nodes: { count: 3, labels: { disk: 'ssd', zone: 'a' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }, setImage: { at: '2m', image: 'fluentd:v5' } },
    });
    await shot(page, 'panels-daemonset-what-if-hc');
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), { ...JOB_SCENARIO, indexed: true });
    assert.strictEqual(await page.locator('form#what-if [name="failIndex.index"]').count(), 1);
    assert.strictEqual(await page.locator('form#what-if [name="nodes.count"]').count(), 0);
    // a host that does not name the kind: the timeline's kind decides
    const unnamed = { choices: JOB_SCENARIO.choices, selected: 'default', whatIf: {}, summary: '' };
    await showTimeline(page, simulate('fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'), unnamed);
    assert.strictEqual(await page.locator('form#what-if [name="nodes.count"]').count(), 1);
    // and an error keeps the controls of the last timeline
    await send(page, 'showError', { sourceUri: SOURCE, message: 'spec.x: bad', scenario: unnamed }, 'error');
    assert.strictEqual(await page.locator('form#what-if [name="setImage.image"]').count(), 1);
    await page.close();
  });

  it('footprint: the peak of active pods, CPU and memory requests, pod-hours, a cursor at the scrubber', async () => {
    const page = await openView('vscode-light');
    // concurrencyPolicy Allow with runs longer than the schedule: two Jobs overlap each minute
    const base = simulate('hello-cronjob-v1.yaml', 'hello-cronjob-v1.scenario.yaml');
    // counted here independently: the most pods alive (created, not finished or gone) at any pod's creation
    const endOf = (p: Timeline['pods'][number]): number => Math.min(...[p.finishedAt, p.goneAt, base.duration].filter((x): x is number => x !== null));
    let peak = 0;
    let peakAt = 0;
    for (const p of [...base.pods].sort((a, b) => a.createdAt - b.createdAt)) {
      const alive = base.pods.filter((q) => q.createdAt <= p.createdAt && endOf(q) > p.createdAt).length;
      if (alive > peak) [peak, peakAt] = [alive, p.createdAt];
    }
    const podHours = base.pods.reduce((s, p) => s + (endOf(p) - p.createdAt), 0) / 3600;
    const timeline = { ...base, podRequests: { cpuMillis: 250, memoryBytes: 64 * 2 ** 20 } } as Timeline;
    await showTimeline(page, timeline, { ...JOB_SCENARIO, kind: 'CronJob' });
    const facts = await page.locator('.footprint-facts dd').allTextContents();
    assert.strictEqual(peak, 2, 'two runs overlap');
    assert.ok(facts[0].startsWith(`${peak} at ${formatOffset(peakAt)}`), `${facts[0]} vs ${peak} at ${formatOffset(peakAt)}`);
    assert.ok(facts[1].startsWith(`${formatCpu(peak * 250)} at`), facts[1]);
    assert.ok(facts[2].startsWith(`${formatMemory(peak * 64 * 2 ** 20)} at`), facts[2]);
    assert.ok(facts[3].startsWith(`${Number(podHours.toPrecision(3))} pod-hours`), facts[3]);
    assert.strictEqual(await page.locator('section.footprint svg.footprint-chart path.footprint-line').count(), 1);
    // the cursor follows the scrubber
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('Home');
    await panelTime(page);
    const x0 = Number(await page.locator('.footprint-cursor').getAttribute('x1'));
    await page.keyboard.press('End');
    await panelTime(page);
    const x1 = Number(await page.locator('.footprint-cursor').getAttribute('x1'));
    assert.ok(x1 > x0, `cursor moved right (${x0} → ${x1})`);
    await shot(page, 'panels-cronjob-light');
    // no requests in the template: said in words
    await showTimeline(page, base, { ...JOB_SCENARIO, kind: 'CronJob' });
    assert.match((await page.locator('section.footprint').textContent()) ?? '', /requests no CPU or memory/);
    await page.close();
  });

  it('problems: each on its own line with a line:col link that reveals it; the scenario bar stays', async () => {
    const page = await openView('vscode-light');
    const scenarioUri = 'file:///home/dev/examples/pi-job-backoff.scenario.yaml';
    const rendered = await send(
      page,
      'showError',
      {
        sourceUri: SOURCE,
        code: 'simulationError',
        message: 'spec.completions: Invalid value: -1: must be greater than or equal to 0\nuntil: must be a duration',
        problems: [
          { message: 'spec.completions: Invalid value: -1: must be greater than or equal to 0', source: 'object', uri: SOURCE, range: { start: { line: 7, character: 15 }, end: { line: 7, character: 17 } } },
          { message: 'scenario: until: must be a duration such as "90s"', source: 'scenario', uri: scenarioUri, range: { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } } },
        ],
        scenario: JOB_SCENARIO,
      },
      'error',
    );
    assert.strictEqual(rendered.problemCount, 2);
    assert.strictEqual(rendered.scenario, 'pi-job-backoff.scenario.yaml');
    const items = page.locator('ul.problem-list > li');
    assert.strictEqual(await items.count(), 2);
    assert.deepStrictEqual(await page.locator('a.problem-location').allTextContents(), ['8:16', '2:8']);
    assert.deepStrictEqual(await page.locator('.problem-message').allTextContents(), ['spec.completions: Invalid value: -1: must be greater than or equal to 0', 'until: must be a duration such as "90s"']);
    assert.doesNotMatch((await page.locator('ul.problem-list').textContent()) ?? '', /object:|scenario:/);
    // the picker is still there, to switch away from a broken scenario file
    assert.ok(await page.locator('#scenario-picker').isVisible());
    assert.ok(await page.locator('#scenario-picker').isEnabled());
    let from = await postedCount(page);
    await page.locator('a.problem-location').first().click();
    assert.deepStrictEqual(await commands(page, from), [{ method: 'reveal', params: { uri: SOURCE, line: 7, character: 15 } }]);
    from = await postedCount(page);
    await page.locator('a.problem-location').nth(1).focus();
    await page.keyboard.press('Enter');
    assert.deepStrictEqual(await commands(page, from), [{ method: 'reveal', params: { uri: scenarioUri, line: 1, character: 7 } }]);
    await shot(page, 'panels-problems-light');
    // an older host: no problems, one per line in the message, with the old prefix
    const old = await send(page, 'showError', { sourceUri: SOURCE, message: 'object: spec.completions: bad\nobject: spec.parallelism: bad' }, 'error');
    assert.strictEqual(old.problemCount, 2);
    assert.deepStrictEqual(await page.locator('.problem-message').allTextContents(), ['spec.completions: bad', 'spec.parallelism: bad']);
    assert.strictEqual(await page.locator('a.problem-location').count(), 0);
    await page.close();
  });

  it('problems are listed in the order of the manifest (line, then column), not the order of the checks', async () => {
    const page = await openView('vscode-dark');
    const at = (line: number, character: number): Record<string, unknown> => ({ uri: SOURCE, range: { start: { line, character }, end: { line, character: character + 2 } } });
    await send(
      page,
      'showError',
      {
        sourceUri: SOURCE,
        code: 'simulationError',
        message: 'three problems',
        problems: [
          { message: 'spec.template.spec.restartPolicy: Unsupported value: "Always"', source: 'object', ...at(15, 21) },
          { message: 'the object has no place', source: 'engine' },
          { message: 'spec.completions: Invalid value: -1', source: 'object', ...at(7, 16) },
        ],
      },
      'error',
    );
    assert.deepStrictEqual(
      await page.locator('ul.problem-list > li').allTextContents(),
      ['8:17spec.completions: Invalid value: -1', '16:22spec.template.spec.restartPolicy: Unsupported value: "Always"', 'the object has no place'],
    );
    await page.close();
  });

  it('an error after a timeline keeps it, marked out of date, with the problems above', async () => {
    const page = await openView('vscode-dark');
    await showTimeline(page, simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'));
    await send(
      page,
      'showError',
      { sourceUri: SOURCE, message: 'x', problems: [{ message: 'spec.parallelism: Invalid value: -1', source: 'object', uri: SOURCE, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } } }] },
      'error',
    );
    assert.strictEqual(await page.locator('.banner-rerun a.problem-location').textContent(), '4:3');
    assert.strictEqual(await page.locator('section.kubectl').count(), 1, 'the last timeline stays');
    assert.strictEqual(await page.locator('#app.stale').count(), 1);
    await shot(page, 'panels-stale-dark');
    await page.close();
  });

  it('hostile strings in the timeline and the problems are shown as text', async () => {
    const page = await openView('vscode-high-contrast-light');
    const hostile = fixture('hostile.json') as Timeline;
    const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
    await showTimeline(page, hostile, { ...JOB_SCENARIO, summary: `pods run ${img}`, choices: [{ id: 'default', label: img }], selected: 'default' });
    assert.strictEqual(await page.locator('#scenario-summary').textContent(), `pods run ${img}`);
    assert.strictEqual(await page.locator('#scenario-picker option').first().textContent(), img);
    assert.ok(((await page.locator('section.kubectl').textContent()) ?? '').includes(img));
    await send(page, 'showError', { sourceUri: 'file:///other.yaml', message: img, problems: [{ message: `spec.x: ${img}`, source: 'object', uri: 'javascript:alert(1)', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }, 'error');
    assert.strictEqual(await page.locator('.problem-message').textContent(), `spec.x: ${img}`);
    assert.strictEqual(await page.locator('a.problem-location').getAttribute('href'), null, 'the link navigates nowhere; the host reveals');
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed, b, i, script:not([nonce])').length), 0);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onmouseover]').length), 0);
    assert.strictEqual(await page.evaluate(() => window.__pwned), undefined);
    assert.strictEqual(await page.evaluate(() => window.__dialogs), 0);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await page.close();
  });

  it('a timeline the panels cannot read: they say so, and the chart stays', async () => {
    const page = await openView('vscode-dark');
    const timeline = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
    const broken = { ...timeline, events: [{ ...timeline.events[0], message: 42 }] } as unknown as Timeline;
    const rendered = await showTimeline(page, broken);
    assert.strictEqual(rendered.view, 'timeline');
    assert.match((await page.locator('section.kubectl').textContent()) ?? '', /Cannot show kubectl at this time/);
    assert.strictEqual(await page.locator('.gantt-row').count(), timeline.pods.length);
    await page.close();
  });

  it('a reload comes back with the scenario bar, the open what-if form and the kubectl time', async () => {
    const page = await openView('vscode-dark');
    const timeline = simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml');
    await showTimeline(page, timeline, { ...JOB_SCENARIO, whatIf: { failFirst: { attempts: 2, exitCode: 1 } } });
    await page.locator('details.what-if > summary').click();
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const t = await panelTime(page);
    await page.waitForTimeout(400); // the scrubber's time is saved a moment after it stops
    await page.reload();
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'rendered' && m.params.view === 'timeline'));
    assert.strictEqual(await page.locator('#scenario-picker').inputValue(), 'pi-job-backoff.scenario.yaml');
    assert.strictEqual(await page.locator('details.what-if').getAttribute('open'), '');
    assert.strictEqual(await page.locator('form#what-if [name="failFirst.attempts"]').inputValue(), '2');
    assert.strictEqual(await panelTime(page), t);
    await page.close();
  });

  it('10,000 pods: the panels draw right after the chart; scrubbing fast ends on the tables for the last time', async () => {
    const manifest = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'big' },
      spec: {
        completions: 10000,
        parallelism: 200,
        ttlSecondsAfterFinished: 60,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '100m', memory: '32Mi' } } }] } },
      },
    };
    const result = simulateInProcess(manifest, { startTime: '2026-01-01T00:00:00Z', pods: { default: { runSeconds: 5 } } });
    assert.ok(result.ok);
    const timeline = result.timeline as Timeline;
    assert.strictEqual(timeline.pods.length, 10000);
    const page = await openView('vscode-dark');
    await showTimeline(page, timeline);
    // the tables fill in after the chart is shown
    await page.waitForFunction(() => document.querySelectorAll('section.kubectl pre.kubectl-table').length === 2);
    await page.waitForFunction(() => document.querySelectorAll('section.footprint .footprint-chart').length === 1);
    assert.match((await page.locator('.footprint-facts dd').first().textContent()) ?? '', /^200 at /);
    await page.locator('.scrubber-input').focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelectorAll('section.kubectl.updating').length === 0);
    const t = await panelTime(page);
    assert.strictEqual(t, Number(await page.locator('.scrubber-input').inputValue()), 'the panel shows the scrubber’s time');
    const tables = await panelTables(page);
    assert.strictEqual(tables['kubectl get pods'], getPods(timeline, t));
    assert.strictEqual(tables['kubectl get jobs'], getJobs(timeline, t));
    await page.close();
  });

  for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'] as const) {
    it(`looks right in ${theme}: the DaemonSet rollout with its panels`, async () => {
      const page = await openView(theme);
      await showTimeline(page, simulate('fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'), { ...JOB_SCENARIO, kind: 'DaemonSet', summary: '4 nodes (one tainted NoSchedule); pods start in 5s, ready 10s later; image changes at 10m', selected: 'default' });
      assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
      await shot(page, `panels-themes-${theme}`);
      await page.close();
    });
  }
});
