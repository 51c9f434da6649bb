// The rollout preview's chart as a person sees it: the built webview bundle renders timelines (fixtures, and
// runs of the examples' situations by the engine) in Debian's Chromium (playwright-core), inside a page with the
// extension's CSP and a stub of VS Code's webview API (harness.ts). Asserts what is on the screen and what the
// webview tells the host, measures the first render of 10,000 pods, and saves screenshots in light, dark and
// high-contrast themes (folder: $UI_SCREENSHOTS, default out/ui-screenshots).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import * as YAML from 'yaml';
import { simulate } from '../../server/src/core/engine';
import { fixture, REPO_ROOT, type ThemeKind } from './harness';
import { timeRender, wideJobTimeline, type RenderTiming } from './renderTiming';
import { send as sendMessage, WebviewPages } from './webviewPages';

// What the page's globals look like to the functions playwright runs there (this project has no DOM types).
interface PageWindow {
  __posted: { method: string; params: Record<string, unknown> }[];
  __csp: string[];
  __dialogs: number;
  __pwned?: unknown;
  __postedAt: number[];
  postMessage(message: unknown, target: string): void;
}
declare const window: PageWindow;
interface PageDocument {
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null;
}
declare function requestAnimationFrame(callback: () => void): number;
declare function getComputedStyle(element: unknown, pseudo?: string): { backgroundColor: string; borderStyle: string };
declare const document: PageDocument;

const SHOTS = process.env.UI_SCREENSHOTS || path.join(REPO_ROOT, 'out', 'ui-screenshots');
const SOURCE = 'file:///home/dev/manifests/jobs.yaml';

interface Rendered {
  view: string;
  podCount: number;
  message?: string;
  code?: string;
  object?: string;
  truncated?: boolean;
  documentVersion?: number;
}

let pages: WebviewPages;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  pages = await WebviewPages.launch('chromium', { width: 1100, height: 820 });
});

after(async () => {
  await pages?.close();
  console.log(`screenshots: ${SHOTS}`);
});

/** A fresh page with the webview loaded; resolves when its script has posted `ready`. */
function openView(theme: ThemeKind = 'vscode-dark', width = 1100): Promise<Page> {
  return pages.open(theme, width);
}

/** Sends a host message and returns the `rendered` report the webview posts for it. */
function send(page: Page, method: string, params: Record<string, unknown>, expectView?: string): Promise<Rendered> {
  return sendMessage<Rendered>(page, method, params, expectView);
}

async function showFixture(page: Page, name: string, documentVersion = 1): Promise<Rendered> {
  return send(page, 'showTimeline', { timeline: fixture(name), sourceUri: SOURCE, documentVersion }, 'timeline');
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // the scrubber is sticky: from the top, a full-page shot shows it where a person first sees it
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();
const scrubberTime = async (page: Page): Promise<string[]> => [
  (await page.locator('.scrubber-time .time-offset').textContent()) ?? '',
  (await page.locator('.scrubber-time .time-clock').textContent()) ?? '',
];

interface EngineTimeline {
  duration: number;
  pods: { name: string }[];
  jobs: { name: string }[];
  markers: { kind: string; count?: number }[];
}

/** An example manifest run by the engine with its scenario (or `scenarioPatch` over it), as the editor would. */
function example(stem: string, scenario = `${stem}.scenario.yaml`, scenarioPatch: Record<string, unknown> = {}): EngineTimeline {
  const read = (file: string): unknown => YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
  const result = simulate(read(`${stem}.yaml`), { ...(read(scenario) as object), ...scenarioPatch });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.timeline as unknown as EngineTimeline;
}

async function showTimeline(page: Page, timeline: unknown, name = 'manifest.yaml'): Promise<Rendered> {
  return send(page, 'showTimeline', { timeline, sourceUri: `file:///home/dev/manifests/${name}`, documentVersion: 1 }, 'timeline');
}

/** Tick labels the axis fold's hatching covers (each as `+10m: 3px`): a readable axis has none. */
async function ticksUnderFolds(page: Page): Promise<string[]> {
  type Box = { x: number; width: number };
  const boxes = async (selector: string): Promise<(Box & { text: string })[]> =>
    page.locator(selector).evaluateAll((els) =>
      els.map((e) => {
        const r = (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
        return { x: r.x, width: r.width, text: (e as unknown as { textContent: string }).textContent };
      }),
    );
  const folds = await boxes('.lane-axis .axis-fold');
  const out: string[] = [];
  for (const tick of await boxes('.lane-axis .tick')) {
    for (const fold of folds) {
      const overlap = Math.min(tick.x + tick.width, fold.x + fold.width) - Math.max(tick.x, fold.x);
      if (overlap > 1) out.push(`${tick.text}: ${overlap.toFixed(0)}px`);
    }
  }
  return out;
}

/**
 * Labels in the pod rows that are cut or sit on a bar: a back-off label wider than its gap (it ran under the
 * next bar), a bar label on a bar it does not fit inside (it hid the bar's start) or on another bar.
 */
async function labelClashes(page: Page): Promise<string[]> {
  return page.locator('.gantt-row').evaluateAll((rows) => {
    type Box = { left: number; right: number };
    type Node = { getBoundingClientRect(): Box; textContent: string; hidden: boolean; classList: { contains(c: string): boolean }; querySelectorAll(s: string): Iterable<Node> };
    const out: string[] = [];
    for (const row of rows as unknown as Node[]) {
      const segs = [...row.querySelectorAll('.seg:not(.tail)')].map((e) => e.getBoundingClientRect()).filter((r) => r.right - r.left > 0.5);
      for (const gap of row.querySelectorAll('.backoff-gap')) {
        const g = gap.getBoundingClientRect();
        for (const text of gap.querySelectorAll('.gap-text')) {
          const t = text.getBoundingClientRect();
          if (t.left < g.left - 1 || t.right > g.right + 1) out.push(`"${text.textContent}" wider than its gap (${(t.right - t.left).toFixed(0)} > ${(g.right - g.left).toFixed(0)} px)`);
        }
      }
      for (const label of row.querySelectorAll('.bar-label')) {
        if (label.hidden) continue;
        const l = label.getBoundingClientRect();
        const on = segs.filter((r) => Math.min(l.right, r.right) - Math.max(l.left, r.left) > 1);
        if (on.length === 0) continue;
        // inside a bar: the label's box within the bar it is on (the thin tail line after a pod is no bar)
        const bar = { left: Math.min(...on.map((r) => r.left)), right: Math.max(...on.map((r) => r.right)) };
        if (!label.classList.contains('place-inside') || l.left < bar.left - 1 || l.right > bar.right + 1) out.push(`"${label.textContent}" over a bar (${l.left.toFixed(0)}–${l.right.toFixed(0)} on ${bar.left.toFixed(0)}–${bar.right.toFixed(0)})`);
      }
    }
    return out;
  });
}

const windowOf = async (page: Page): Promise<[number, number]> => [Number(await page.locator('.gantt').getAttribute('data-from')), Number(await page.locator('.gantt').getAttribute('data-to'))];

describe('rollout preview chart', () => {
  it('loads under the extension CSP: one nonce-d script, no inline code, says ready', async () => {
    const page = await openView();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'the CSP meta tag is there');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const posted = await page.evaluate(() => window.__posted);
    assert.deepStrictEqual(posted[0], { method: 'ready', params: {} });
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await page.close();
  });

  it('a Job with 8 completions and parallelism 2: 8 rows in 4 waves, Complete', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'job-waves.json', 3);
    assert.strictEqual(rendered.podCount, 8);
    assert.strictEqual(await page.locator('.gantt-row[data-pod]').count(), 8);
    assert.deepStrictEqual(await texts(page, '.bar-label'), Array(8).fill('✓ 30s'));
    assert.strictEqual(await page.locator('.object-name').textContent(), 'pi');
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Complete · CompletionsReached at \+2m8s/);
    assert.deepStrictEqual(await texts(page, '.lane-conditions .flag-text'), ['SuccessCriteriaMet, Complete: CompletionsReached']);
    // ticks: offsets, with the wall clock under them
    const offsets = await texts(page, '.lane-axis .tick-offset');
    assert.strictEqual(offsets[0], '0');
    assert.ok(offsets.includes('+1m') && offsets.length >= 4, offsets.join(' '));
    assert.strictEqual((await texts(page, '.lane-axis .tick-clock'))[0], '00:00:00');
    assert.match((await page.locator('.count-succeeded').textContent()) ?? '', /Succeeded 8/);
    await page.close();
  });

  it('the scrubber shows the state at time t and is keyboard driven', async () => {
    const page = await openView();
    await showFixture(page, 'job-waves.json');
    const slider = page.locator('.scrubber-input');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.deepStrictEqual(await scrubberTime(page), ['0s', '2026-01-01 00:00:00Z']);
    assert.match((await page.locator('.count-pending').textContent()) ?? '', /Pending 2/);
    assert.strictEqual(await page.locator('.gantt-row.at-absent').count(), 6, 'six pods do not exist yet at t=0');
    await page.keyboard.press('ArrowRight');
    assert.deepStrictEqual(await scrubberTime(page), ['+2s', '2026-01-01 00:00:02Z']);
    assert.strictEqual(await page.locator('.gantt-row.at-ready').count(), 2);
    await page.keyboard.press('ArrowRight');
    assert.deepStrictEqual(await scrubberTime(page), ['+32s', '2026-01-01 00:00:32Z']);
    assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^\+32s, 2026-01-01 00:00:32Z: 2 pending, 2 succeeded$/);
    await page.keyboard.press('End');
    assert.match((await page.locator('.count-succeeded').textContent()) ?? '', /Succeeded 8/);
    await page.locator('button.prev').click();
    assert.deepStrictEqual(await scrubberTime(page), ['+1m38s', '2026-01-01 00:01:38Z']);
    await page.close();
  });

  it('pods are a keyboard listbox; the selected pod shows its times and events', async () => {
    const page = await openView();
    await showFixture(page, 'job-backoff.json');
    await page.locator('.gantt-body').focus();
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('.gantt-row[aria-selected="true"]');
    assert.strictEqual(await selected.count(), 1);
    const name = (await selected.getAttribute('data-pod')) ?? '';
    assert.match(name, /^flaky-\w{5}$/);
    assert.strictEqual(await page.locator('.gantt-body').getAttribute('aria-activedescendant'), await selected.getAttribute('id'));
    const details = (await page.locator('.pod-details').textContent()) ?? '';
    assert.ok(details.includes(name), details);
    assert.match(details, /Exit code1/);
    assert.match(details, /Started\+1s \(2026-01-01 00:00:01Z\)/);
    await page.keyboard.press('End');
    assert.strictEqual(await page.locator('.gantt-row').last().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Escape');
    assert.strictEqual(await page.locator('.gantt-row[aria-selected="true"]').count(), 0);
    await page.close();
  });

  it('in a narrow panel labels are shortened or moved, never cut or laid over a bar', async () => {
    const timelines: [string, unknown][] = [
      ['pi-job-backoff', example('pi-job-backoff')],
      ['job-waves', fixture('job-waves.json')],
    ];
    for (const width of [800, 560, 420]) {
      const page = await openView(width === 560 ? 'vscode-dark' : 'vscode-light', width);
      for (const [name, timeline] of timelines) {
        await showTimeline(page, timeline, `${name}.yaml`);
        assert.deepStrictEqual(await labelClashes(page), [], `${name} at ${width} px`);
        // the back-off labels say how long, whole: `back-off 10s`, or `10s` where that does not fit
        for (const text of await texts(page, '.gap-text')) assert.match(text, /^(back-off )?\d+s$/);
        if (name === 'pi-job-backoff') {
          assert.deepStrictEqual(await page.locator('.backoff-gap').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('aria-label'))), ['back-off 10s', 'back-off 20s']);
          if (width === 560) await shot(page, 'job-backoff-560-dark');
        }
      }
      await page.close();
    }
  });

  it('a failing Job: each failed pod, the back-off before its replacement, the TTL tail folded', async () => {
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await openView(theme);
      const timeline = example('pi-job-backoff');
      const rendered = await showTimeline(page, timeline, 'pi-job-backoff.yaml');
      assert.strictEqual(rendered.podCount, 3);
      assert.deepStrictEqual(await texts(page, '.bar-label'), ['✗ exit 1 · 10s', '✗ exit 1 · 10s', '✓ 20s']);
      // the Job controller's back-off: 10 s after the first failure, 20 s after the second
      assert.deepStrictEqual(await texts(page, '.backoff-gap'), ['back-off 10s', 'back-off 20s']);
      assert.strictEqual(await page.locator(`.gantt-row[data-pod="${timeline.pods[2].name}"] .backoff-gap`).textContent(), 'back-off 20s');
      // ten idle minutes until the TTL deletes the Job: folded, not stretching the axis
      assert.match((await page.locator('.axis-fold').textContent()) ?? '', /^… 9m\d+s idle · TTL deletion at \+11m11s$/);
      const box = await page.locator('.axis-fold').boundingBox();
      const axis = await page.locator('.axis-track').boundingBox();
      assert.ok(box && axis && box.width < axis.width * 0.1, 'the fold is narrow');
      assert.deepStrictEqual(await ticksUnderFolds(page), [], 'tick labels clear of the fold');
      await shot(page, `job-backoff-${theme.replace('vscode-', '')}`);
      await page.close();
    }
    // the fixture: four failures, three gaps, the Failed condition
    const page = await openView('vscode-dark');
    await showFixture(page, 'job-backoff.json');
    assert.strictEqual(await page.locator('.backoff-gap').count(), 3);
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Failed · BackoffLimitExceeded/);
    await page.close();
  });

  it('names of what is gone (or not there yet) at the scrubber\'s time are muted but readable (contrast ≥ 4.5:1)', async () => {
    const timeline = example('hello-cronjob-forbid');
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await openView(theme);
      await showTimeline(page, timeline, 'hello-cronjob-forbid.yaml');
      const ratios = await page.evaluate(() => {
        interface Styled { parentElement: Styled | null }
        const g = globalThis as unknown as { getComputedStyle(e: Styled): { color: string; opacity: string; backgroundColor: string }; document: { body: Styled; querySelectorAll(s: string): Iterable<Styled> } };
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, gr, b]: number[]): number => {
          const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(gr) + 0.0722 * f(b);
        };
        const background = rgb(g.getComputedStyle(g.document.body).backgroundColor);
        return [...g.document.querySelectorAll('.gantt-row.at-gone .row-label, .gantt-row.at-absent .row-label')].map((label) => {
          // what the eye sees: the text colour blended over the background by every opacity on the way up
          let opacity = 1;
          for (let e: Styled | null = label; e; e = e.parentElement) opacity *= Number(g.getComputedStyle(e).opacity);
          const seen = rgb(g.getComputedStyle(label).color).map((v, i) => v * opacity + background[i] * (1 - opacity));
          const [a, b] = [lum(seen), lum(background)].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        });
      });
      assert.ok(ratios.length > 0, 'a row whose Job is gone at the end of the run');
      for (const ratio of ratios) assert.ok(ratio >= 4.5, `${theme}: contrast ${ratio.toFixed(2)}:1`);
      await page.close();
    }
  });

  it('a minutely Forbid CronJob over an hour: the schedule lane counts fates, look-alike runs collapse and expand', async () => {
    const timeline = example('hello-cronjob-forbid', 'hello-cronjob-forbid.scenario.yaml', { until: '1h' });
    const skipped = timeline.markers.filter((m) => m.kind === 'skippedRun').reduce((n, m) => n + (m.count ?? 1), 0);
    assert.ok(skipped > 10);
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await openView(theme);
      await showTimeline(page, timeline, 'hello-cronjob-forbid.yaml');
      assert.deepStrictEqual(await texts(page, '.lane-schedule .schedule-count'), [`${timeline.jobs.length} created`, `${skipped} skipped`]);
      assert.ok((await page.locator('.lane-schedule .schedule-mark.fate-skipped').count()) > 0);
      // the on-time first run, the late look-alikes folded into lines, the run still going at the end
      const rowCount = await page.locator('.gantt-row').count();
      const folded = (await texts(page, '.runs-collapsed')).map((t) => Number(/^(\d+) more runs like this$/.exec(t)?.[1]));
      assert.ok(folded.length >= 1 && folded.every((n) => n >= 4), folded.join(' '));
      assert.strictEqual(rowCount - folded.length + folded.reduce((a, b) => a + b, 0), timeline.jobs.length);
      assert.ok(rowCount <= 8, String(rowCount));
      assert.strictEqual(await page.locator('.gantt-row').first().getAttribute('data-job'), timeline.jobs[0].name);
      await shot(page, `cronjob-forbid-hour-${theme.replace('vscode-', '')}`);
      if (theme === 'vscode-dark') {
        // expanded by keyboard: one compact row per Job, its pod inline, in time order
        await page.locator('.gantt-body').focus();
        for (let i = 0; i < 20 && (await page.locator('.runs-collapsed').count()) > 0; i++) {
          await page.keyboard.press('ArrowDown');
          if ((await page.locator('.gantt-row.selected.runs-collapsed').count()) > 0) await page.keyboard.press('Enter');
        }
        assert.strictEqual(await page.locator('.runs-collapsed').count(), 0);
        assert.strictEqual(await page.locator('.gantt-spacer').evaluate((e) => (e as unknown as { style: { height: string } }).style.height), `${timeline.jobs.length * 22}px`);
        assert.strictEqual(await page.locator('.gantt-row.row-run').first().getAttribute('data-job'), timeline.jobs[0].name);
      } else {
        while ((await page.locator('.runs-collapsed').count()) > 0) await page.locator('.runs-collapsed button').first().click();
        // a row per Job (only those in view are in the page: the spacer holds them all)
        assert.strictEqual(await page.locator('.gantt-spacer').evaluate((e) => (e as unknown as { style: { height: string } }).style.height), `${timeline.jobs.length * 22}px`);
      }
      await page.close();
    }
    // the 8-minute example: five runs, every one a row, so its late starts stay in view
    const short = example('hello-cronjob-forbid');
    const shortPage = await openView('vscode-light', 800);
    await showTimeline(shortPage, short, 'hello-cronjob-forbid.yaml');
    assert.strictEqual(await shortPage.locator('.runs-collapsed').count(), 0);
    assert.deepStrictEqual(await shortPage.locator('.gantt-row').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { job: string } }).dataset.job)), short.jobs.map((j) => j.name));
    await shortPage.close();
    // the fixture: three skipped runs, and the counts
    const page = await openView('vscode-dark');
    await showFixture(page, 'cronjob-skipped.json');
    assert.deepStrictEqual(await texts(page, '.schedule-count'), ['4 created', '3 skipped']);
    assert.strictEqual(await page.locator('.outcome').textContent(), '! 4 Jobs: 3 complete, 1 running, 3 runs skipped');
    await page.close();
  });

  it('a DaemonSet rollout: a lane per node, pods coloured by revision, the steps numbered', async () => {
    const timeline = example('fluentd-daemonset-rollout');
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await openView(theme);
      const rendered = await showTimeline(page, timeline, 'fluentd-daemonset-rollout.yaml');
      assert.strictEqual(rendered.podCount, 8);
      const lanes = page.locator('.node-lane');
      assert.deepStrictEqual(
        await lanes.evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('data-node'))),
        ['control-plane', 'worker-1', 'worker-2', 'worker-3'],
      );
      assert.deepStrictEqual(await texts(page, '.rollout-step'), ['1', '2', '3', '4']);
      assert.strictEqual(await page.locator('.node-lane[data-node="worker-2"] .rollout-step').textContent(), '3');
      assert.strictEqual(await page.locator('.node-lane .seg.rev-1').count() > 0, true, 'revision 2 in its own colour');
      // ready pods take their revision's colour: the legend has a ready swatch per revision and no other
      assert.deepStrictEqual(await texts(page, '.legend-revision'), ['ready, revision 1', 'ready, revision 2']);
      assert.deepStrictEqual((await texts(page, '.legend li')).filter((t) => /ready/i.test(t)), ['Running, not ready', 'ready, revision 1', 'ready, revision 2']);
      // the idle minutes before the image change are folded: the rollout gets the axis
      assert.match((await page.locator('.axis-fold').textContent()) ?? '', /^… 9m\d+s idle$/);
      await shot(page, `daemonset-rollout-${theme.replace('vscode-', '')}`);
      assert.ok((await page.locator('.lane-axis .tick').count()) >= 3);
      assert.deepStrictEqual(await ticksUnderFolds(page), [], 'tick labels clear of the fold');
      // each node's dot: its pod's state at the scrubber's time, in that pod's revision colour (the legend's)
      const swatch = (n: number): Promise<string> => page.locator('.legend-revision .swatch').nth(n).evaluate((e) => getComputedStyle(e).backgroundColor);
      const dot = (node: string): Promise<{ fill: string; style: string }> =>
        page.locator(`.node-lane[data-node="${node}"] .row-label`).evaluate((e) => {
          const before = getComputedStyle(e, '::before');
          return { fill: before.backgroundColor, style: before.borderStyle };
        });
      const [rev1, rev2] = [await swatch(0), await swatch(1)];
      assert.notStrictEqual(rev1, rev2);
      await page.locator('.scrubber-input').fill('625');
      assert.deepStrictEqual(await scrubberTime(page), ['+10m25s', '2026-01-01 00:10:25Z']);
      // +10m25s: control-plane is on revision 2, worker-2 and worker-3 still run their ready revision-1 pods
      assert.strictEqual((await dot('control-plane')).fill, rev2);
      for (const node of ['worker-2', 'worker-3']) {
        assert.deepStrictEqual(await dot(node), { fill: rev1, style: 'solid' }, node);
        assert.match((await page.locator(`.node-lane[data-node="${node}"]`).getAttribute('class')) ?? '', /\bat-ready\b/);
      }
      await page.locator('.scrubber-input').press('End');
      for (const node of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) assert.strictEqual((await dot(node)).fill, rev2, node);
      await page.close();
    }
    // at 800 px too (the +10m tick sits at the fold's end): its label right of the fold, not under it
    const narrow = await openView('vscode-light', 800);
    await showTimeline(narrow, timeline, 'fluentd-daemonset-rollout.yaml');
    assert.ok((await texts(narrow, '.lane-axis .tick-offset')).includes('+10m'));
    assert.deepStrictEqual(await ticksUnderFolds(narrow), []);
    await narrow.close();
    const page = await openView('vscode-dark');
    await showFixture(page, 'daemonset-rollout.json');
    assert.strictEqual(await page.locator('.node-lane').count(), 5);
    assert.match((await page.locator('.node-lane[data-node="gpu-0"]').textContent()) ?? '', /no pod/);
    assert.strictEqual(await page.locator('.node-lane[data-node="node-3"] .node-join').count(), 1);
    assert.strictEqual(await page.locator('.rollout-step').count(), 4);
    await page.close();
  });

  it('zoom and pan: buttons, keys, wheel and drag move the window; fit shows the whole run', async () => {
    const page = await openView('vscode-dark');
    const timeline = example('pi-job-backoff');
    await showTimeline(page, timeline);
    assert.deepStrictEqual(await windowOf(page), [0, timeline.duration]);
    await page.locator('button.zoom-in').click();
    await page.waitForFunction(() => document.querySelector('.gantt[data-to]') !== null);
    await page.waitForTimeout(50);
    const zoomed = await windowOf(page);
    assert.ok(zoomed[1] - zoomed[0] < timeline.duration * 0.8, `zoomed in: ${zoomed.join('…')}`);
    assert.match((await page.locator('.window-label').textContent()) ?? '', /^Showing /);
    // drag to the right: earlier times come into view
    await page.keyboard.press('Escape');
    await page.locator('button.zoom-in').click();
    await page.waitForTimeout(50);
    const before = await windowOf(page);
    const axis = await page.locator('.axis-track').boundingBox();
    assert.ok(axis);
    await page.locator('button.zoom-in').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForTimeout(50);
    const panned = await windowOf(page);
    assert.ok(panned[0] > before[0], `panned right: ${before.join('…')} → ${panned.join('…')}`);
    await page.mouse.move(axis.x + axis.width / 2, axis.y + axis.height + 30);
    await page.mouse.down();
    await page.mouse.move(axis.x + axis.width / 2 + 120, axis.y + axis.height + 30, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(50);
    const dragged = await windowOf(page);
    assert.ok(dragged[0] < panned[0], `dragged: ${panned.join('…')} → ${dragged.join('…')}`);
    // Ctrl + wheel zooms around the pointer
    await page.mouse.move(axis.x + axis.width * 0.3, axis.y + 10);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(50);
    const wheeled = await windowOf(page);
    assert.ok(wheeled[1] - wheeled[0] < dragged[1] - dragged[0], `wheel zoomed: ${dragged.join('…')} → ${wheeled.join('…')}`);
    // 0 fits
    await page.locator('.gantt-body').focus();
    await page.keyboard.press('0');
    await page.waitForTimeout(50);
    assert.deepStrictEqual(await windowOf(page), [0, timeline.duration]);
    // and the button
    await page.keyboard.press('+');
    await page.waitForTimeout(50);
    assert.notDeepStrictEqual(await windowOf(page), [0, timeline.duration]);
    await page.locator('button.zoom-fit').click();
    await page.waitForTimeout(50);
    assert.deepStrictEqual(await windowOf(page), [0, timeline.duration]);
    // the scrubber still works when zoomed
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('Home');
    assert.deepStrictEqual(await scrubberTime(page), ['0s', '2026-01-01 00:00:00Z']);
    await page.close();
  });

  it('exports the chart as a standalone SVG with the theme colours and every text escaped', async () => {
    const page = await openView('vscode-dark');
    await showFixture(page, 'hostile.json');
    await page.locator('button.export-svg').click();
    const posted = await page.evaluate(() => window.__posted);
    const request = posted.filter((m) => m.method === 'export').at(-1);
    assert.ok(request, 'the export was asked of the host');
    const svg = String(request.params.svg);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 80));
    assert.ok(!svg.includes('var(--'), 'no CSS variables');
    assert.ok(svg.includes('#f14c4c') || /rgb\(241, 76, 76\)/.test(svg), 'the dark theme red for failed pods');
    assert.ok(!/<(img|script|b)[\s>]/.test(svg), 'no markup from the data');
    assert.ok(svg.includes('&lt;img src=x onerror=&quot;'));
    await page.close();
  });

  it('a timeline with only the fields of design §4.3 renders too', async () => {
    const page = await openView();
    const timeline = {
      object: { kind: 'Job', name: 'pi' },
      startTime: '2026-01-01T00:00:00Z',
      endTime: '2026-01-01T00:00:30Z',
      truncated: false,
      effectiveSpec: { completions: 1, parallelism: 1, backoffLimit: 6 },
      pods: [{ name: 'pi-x7k2p', job: 'pi', node: 'node-0', index: 0, revision: 1, createdAt: 0, startedAt: 0, readyAt: 0, finishedAt: 30, deletedAt: null, phase: 'Succeeded', exitCode: 0, reason: null }],
      jobs: [],
      conditions: [{ object: 'pi', type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', at: 30 }],
      events: [{ at: 0, object: 'pi', type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: pi-x7k2p' }],
      status: { active: 0, succeeded: 1, failed: 0 },
    };
    const rendered = await send(page, 'showTimeline', { timeline, sourceUri: SOURCE, documentVersion: 1 }, 'timeline');
    assert.strictEqual(rendered.podCount, 1);
    assert.deepStrictEqual(await texts(page, '.bar-label'), ['✓ 30s']);
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Complete · CompletionsReached at \+30s/);
    await page.close();
  });

  it('a truncated run shows the banner with the timeline message', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'truncated.json');
    assert.strictEqual(rendered.truncated, true);
    const banner = page.locator('.banner-truncated');
    assert.strictEqual(await banner.getAttribute('role'), 'alert');
    assert.strictEqual(await banner.textContent(), "⚠Stopped early. Stopped at the scenario's horizon (until: 30m) while 5 pods were still running: the Job has 5 of 20 completions.");
    assert.strictEqual(await page.locator('.bar-label', { hasText: /^running$/ }).count(), 5);
    await page.close();
  });

  it('hostile strings from a manifest are shown as text; no script from the data runs', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'hostile.json');
    assert.strictEqual(rendered.podCount, 3);
    const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
    const scr = '"><script>window.__pwned=2</script>';
    const names = [img, scr, 'javascript:alert(1)//<svg onload="window.__pwned=3">'];
    assert.deepStrictEqual(await page.locator('.gantt-row').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('data-pod'))), names);
    // long names are shortened in the middle; the full name is the tooltip
    assert.deepStrictEqual(await page.locator('.gantt-row .pod-name').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('title'))), names);
    assert.strictEqual(await page.locator('.object-name').textContent(), `evil-${img}`);
    assert.strictEqual(await page.locator('.banner-message').textContent(), `Stopped: ${scr} <b>not bold</b>`);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('.preview img, .preview iframe, .preview object, .preview embed, .preview b, .preview i, .gantt svg').length), 0);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('script').length), 2);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onmouseover]').length), 0);
    await page.locator('.gantt-row').nth(1).click();
    assert.strictEqual(await page.evaluate(() => window.__pwned), undefined);
    assert.strictEqual(await page.evaluate(() => window.__dialogs), 0);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await page.close();
  });

  it('state survives a reload: the timeline, the scrubber time and the selected pod come back at once', async () => {
    const page = await openView('vscode-dark');
    await showFixture(page, 'job-waves.json');
    await page.locator('.scrubber-input').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('.gantt-row').nth(1).click();
    const name = await page.locator('.gantt-row').nth(1).getAttribute('data-pod');
    await page.waitForTimeout(400); // the scrubber's state is saved a moment after it stops moving
    await page.reload();
    // shown from the state at once, reported once painted
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'rendered'));
    const posted = await page.evaluate(() => window.__posted);
    assert.deepStrictEqual(posted.map((m) => m.method).sort(), ['ready', 'rendered']);
    assert.deepStrictEqual(await scrubberTime(page), ['+2s', '2026-01-01 00:00:02Z']);
    assert.strictEqual(await page.locator('.gantt-row[aria-selected="true"]').getAttribute('data-pod'), name);
    await page.close();
  });

  it('10,000 pods: the first render is measured, reported once painted, only the rows in view are in the page, scrolling draws the rest', async () => {
    const timeline = wideJobTimeline();
    assert.strictEqual(timeline.pods.length, 10_000);
    const page = await pages.browser.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    page.on('pageerror', (e) => assert.fail(`script error in the webview: ${e.message}`));
    // Before the page's scripts: count the frames the page draws, and the size of each state the webview saves.
    await page.addInitScript(() => {
      const w = window as unknown as PageWindow & Record<string, unknown>;
      w.__frames = 0;
      w.__stateSizes = [];
      w.__framesAtPost = [];
      const tick = (): void => {
        (w.__frames as number)++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // registered before the webview's own listener: the frame count when the message comes in
      (w as unknown as { addEventListener(type: string, listener: () => void): void }).addEventListener('message', () => void (w.__framesAtReceive = w.__frames));
      let acquire: (() => { setState(s: unknown): unknown; postMessage(m: unknown): void }) | undefined;
      Object.defineProperty(window, 'acquireVsCodeApi', {
        configurable: true,
        set: (f: typeof acquire) => void (acquire = f),
        get: () => () => {
          const api = (acquire as NonNullable<typeof acquire>)();
          const setState = api.setState.bind(api);
          const postMessage = api.postMessage.bind(api);
          api.postMessage = (m: unknown) => {
            (w.__framesAtPost as number[]).push(w.__frames as number);
            postMessage(m);
          };
          api.setState = (s: unknown) => {
            (w.__stateSizes as number[]).push(JSON.stringify(s).length);
            return setState(s);
          };
          return api;
        },
      });
    });
    await page.goto(pages.harness.url('vscode-dark'));
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
    const figures: (RenderTiming & { framesBefore: number; framesAtReport: number })[] = [];
    for (let i = 0; i < 3; i++) {
      const timing = await timeRender(page, timeline, SOURCE, i + 1);
      // the frames drawn when the message came in and when the report went out (counted by the init script above)
      const frames = await page.evaluate((index) => {
        const w = window as unknown as Record<string, unknown>;
        return { framesBefore: w.__framesAtReceive as number, framesAtReport: (w.__framesAtPost as number[])[index] };
      }, timing.reportIndex);
      figures.push({ ...timing, ...frames });
    }
    const best = figures.reduce((a, b) => (b.chart < a.chart ? b : a));
    console.log(`10,000 pods: chart ${best.chart.toFixed(0)} ms; host message to the rendered report ${best.total.toFixed(0)} ms (runs: ${figures.map((f) => `${f.chart.toFixed(0)}/${f.total.toFixed(0)}`).join(', ')}); steps (ms): ${Object.entries(best.steps).map(([step, ms]) => `${step} ${ms.toFixed(0)}`).join(', ')}`);
    assert.ok(best.chart <= 200, `the chart took ${best.chart.toFixed(0)} ms for 10,000 pods`);
    // the report says the chart is on the screen: a frame was drawn between the message's arrival and the report
    for (const f of figures) assert.ok(f.framesAtReport > f.framesBefore, `rendered reported before any frame was drawn (${f.framesBefore} → ${f.framesAtReport})`);
    // the state a reload comes back to holds no copy of the 8 MB timeline (setState serialises what it is given)
    const sizes = await page.evaluate(() => (window as unknown as Record<string, number[]>).__stateSizes);
    assert.ok(sizes.length > 0 && Math.max(...sizes) < 100_000, `state sizes ${sizes.join(', ')}`);
    const drawn = await page.locator('.gantt-row').count();
    assert.ok(drawn > 10 && drawn < 100, `${drawn} rows in the page`);
    // the panels fill in after the chart
    await page.waitForFunction(() => document.querySelectorAll('section.kubectl pre.kubectl-table').length === 2);
    await page.locator('.gantt-body').evaluate((e) => {
      const body = e as unknown as { scrollTop: number; scrollHeight: number };
      body.scrollTop = body.scrollHeight;
    });
    await page.waitForFunction((name) => document.querySelectorAll(`.gantt-row[data-pod="${name}"]`).length === 1, timeline.pods[timeline.pods.length - 1].name);
    assert.ok((await page.locator('.gantt-row').count()) < 100);
    // a reload: the webview asks the host again (ready) and, sent once more, the timeline comes back
    await page.reload();
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
    assert.strictEqual(await page.locator('.gantt-row').count(), 0);
    const again = await send(page, 'showTimeline', { timeline, sourceUri: SOURCE, documentVersion: 9 }, 'timeline');
    assert.strictEqual(again.podCount, 10_000);
    await page.close();
  });

  it('screenshots: high contrast (dark and light) and narrow', async () => {
    for (const theme of ['vscode-high-contrast', 'vscode-high-contrast-light'] as ThemeKind[]) {
      const page = await openView(theme);
      await showTimeline(page, example('fluentd-daemonset-rollout'));
      await shot(page, `daemonset-rollout-${theme.replace('vscode-', '')}`);
      await showTimeline(page, example('pi-job-backoff'));
      await shot(page, `job-backoff-${theme.replace('vscode-', '')}`);
      await page.close();
    }
    for (const [fixtureName, width] of [
      ['cronjob-skipped.json', 360],
      ['daemonset-rollout.json', 360],
      ['job-backoff.json', 600],
    ] as const) {
      const page = await openView('vscode-dark', width);
      await showFixture(page, fixtureName);
      const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
      assert.strictEqual(overflow, 0, `${fixtureName} at ${width}px scrolls sideways by ${String(overflow)}px`);
      await shot(page, `narrow-${width}-${fixtureName.replace('.json', '')}`, false);
      await page.close();
    }
  });
});
