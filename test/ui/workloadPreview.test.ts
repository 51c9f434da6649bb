// The rollout preview of the apps/v1 workloads as a person sees it: the examples' timelines, made by the CLI
// (`simulate --format json`, as a user would), rendered by the built webview bundle in Debian's Chromium
// (harness.ts). A Deployment rolling (and stuck), its ReplicaSets one above the other with their sizes and the
// rollout budget; a StatefulSet's lanes per ordinal with the claims and the partition. Screenshots in light and
// dark themes go to $UI_SCREENSHOTS (default out/ui-screenshots); with DOCS_IMAGES=1 also to docs/images/.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, REPO_ROOT } from './harness';
import { send, WebviewPages } from './webviewPages';

// What the page's globals look like to the functions playwright runs there (this project has no DOM types).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>; querySelector(selector: string): unknown };

const SHOTS = process.env.UI_SCREENSHOTS || path.join(REPO_ROOT, 'out', 'ui-screenshots');
const DOCS = process.env.DOCS_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images') : undefined;

let pages: WebviewPages;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  pages = await WebviewPages.launch('workloads', { width: 1200, height: 900 });
});

after(async () => {
  await pages?.close();
});

/** `k8s-dryrun simulate examples/<stem>.yaml --scenario examples/<scenario> --format json`, in English: its JSON text. */
function cliJson(stem: string, scenario: string, stdin?: string): string {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  const file = stdin === undefined ? `examples/${stem}.yaml` : '-';
  return execFileSync(process.execPath, [path.join(DIST, 'cli.js'), 'simulate', file, '--scenario', `examples/${scenario}`, '--format', 'json'], { cwd: REPO_ROOT, env, encoding: 'utf8', input: stdin, maxBuffer: 1 << 28 });
}

function cliTimeline(stem: string, scenario: string, stdin?: string): unknown {
  return JSON.parse(cliJson(stem, scenario, stdin)) as unknown;
}

interface BigRender {
  /** The message's arrival to the `rendered` report (sent once the chart is painted), ms. */
  readonly painted: number;
  /** ... to the kubectl tables and the footprint filled in after it, ms. */
  readonly panels: number;
  /** Each step's User Timing measure (`k8s-dryrun:step:*`), and the kubectl panel's first draw, ms. */
  readonly steps: Readonly<Record<string, number>>;
  readonly podCount: number;
}

/**
 * Shows a big timeline given as JSON text, timed in the page from the message to the painted chart and to the
 * panels. The text is parsed in the page beforehand, as a webview gets the host's message: handed to
 * page.evaluate as an object, the driver's own serialisation of 30 MB took 15-20 s, which was counted as the
 * page's before.
 */
async function showTimed(page: Page, json: string, name: string): Promise<BigRender> {
  await page.evaluate(
    ({ text, sourceUri }) => void ((globalThis as unknown as Record<string, unknown>).__message = { method: 'showTimeline', params: { timeline: JSON.parse(text) as unknown, sourceUri, documentVersion: 1 } }),
    { text: json, sourceUri: `file:///home/dev/manifests/${name}` },
  );
  return page.evaluate(`new Promise((resolve) => {
    performance.clearMeasures();
    const from = window.__posted.length;
    const start = performance.now();
    window.postMessage(window.__message, '*');
    const check = () => {
      const at = window.__posted.slice(from).findIndex((m) => m.method === 'rendered');
      const filled = document.querySelector('section.kubectl pre.kubectl-table') && !document.querySelector('.footprint[aria-busy]');
      if (at < 0 || !filled) return void setTimeout(check, 1);
      const panels = performance.now() - start;
      const steps = {};
      for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('k8s-dryrun:step:')) steps[m.name.slice(16)] = Math.round(m.duration);
      steps['kubectl-panel'] = Math.round(performance.getEntriesByName('k8s-dryrun:kubectl-panel').at(-1).duration);
      resolve({ painted: Math.round(window.__postedAt[from + at] - start), panels: Math.round(panels), steps, podCount: window.__posted[from + at].params.podCount });
    };
    check();
  })`);
}

/**
 * One scrub to `to` seconds: the scrubber's own input handling (the chart), the kubectl tables' redraw after it
 * (its script), and the longest frame until they are on the screen (script, style, layout and paint), ms.
 */
async function scrubTimed(page: Page, to: number): Promise<{ input: number; tables: number; longestFrame: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const frames = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) frames.push(e.duration); });
    observer.observe({ type: 'long-animation-frame' });
    const input = document.querySelector('.scrubber-input');
    const before = performance.getEntriesByName('k8s-dryrun:kubectl-panel').length;
    const start = performance.now();
    input.value = '${to}';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const handled = performance.now() - start;
    const check = () => {
      const drawn = performance.getEntriesByName('k8s-dryrun:kubectl-panel');
      if (drawn.length === before) return void setTimeout(check, 5);
      // the frame that lays the new tables out and paints them, then one more
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
        for (const e of observer.takeRecords()) frames.push(e.duration);
        observer.disconnect();
        resolve({ input: Math.round(handled), tables: Math.round(drawn.at(-1).duration), longestFrame: Math.round(Math.max(0, ...frames)) });
      }, 0)));
    };
    check();
  })`);
}

async function show(page: Page, timeline: unknown, name: string): Promise<{ podCount: number }> {
  return send<{ podCount: number }>(page, 'showTimeline', { timeline, sourceUri: `file:///home/dev/manifests/${name}`, documentVersion: 1 }, 'timeline');
}

async function shot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  // the chart, not the kubectl panels under it
  const box = await page.locator('.gantt-section').boundingBox();
  const clip = box ? { x: 0, y: 0, width: 1200, height: Math.ceil(box.y + box.height + 8) } : undefined;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, clip });
  if (DOCS && docsName) fs.copyFileSync(path.join(SHOTS, `${name}.png`), path.join(DOCS, docsName));
}

const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();

describe('preview of a Deployment and a StatefulSet', () => {
  it('a Deployment rolling out: a group per ReplicaSet revision, its size over time, and the rollout budget', async () => {
    const timeline = cliTimeline('nginx-deployment', 'nginx-deployment.scenario.yaml');
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await pages.open(theme);
      const rendered = await show(page, timeline, 'nginx-deployment.yaml');
      assert.strictEqual(rendered.podCount, 20);
      assert.strictEqual(await page.locator('.gantt-section h2').textContent(), 'ReplicaSets and their pods');
      // the old revision above the new one, each named by its revision, pod-template-hash and image
      assert.deepStrictEqual(await texts(page, '.row-replicaset .pod-name'), ['rev 1', 'rev 2']);
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-hash'), ['ccf54c78', '855f8bcfdc']);
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-image'), ['nginx:1.27', 'nginx:1.28']);
      // each group's pods follow its head, in its revision's colour
      const order = await page.locator('.gantt-row').evaluateAll((els) => els.map((e) => (e as unknown as { className: string }).className.split(' ')[1]));
      assert.deepStrictEqual(order.slice(0, 2), ['row-replicaset', 'row-pod']);
      assert.ok((await page.locator('.row-pod .seg.rev-1').count()) > 0, 'revision 2 pods in its colour');
      assert.ok((await page.locator('.row-replicaset .size-level.rs-available').count()) > 0, 'the sizes over time are drawn');
      // the budget: 10 replicas, maxSurge 25% → 3, maxUnavailable 25% → 2
      assert.strictEqual(await page.locator('.lane-budget .lane-name').textContent(), 'Rollout budget');
      await page.locator('.scrubber-input').fill('125');
      assert.strictEqual(await page.locator('.budget-now').textContent(), '13 pods (at most 13) · 8 available (at least 8)');
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-count'), ['8/8 pods, 8 available', '5/5 pods, 0 available']);
      await page.locator('.scrubber-input').press('End');
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-count'), ['0/0 pods, 0 available', '10/10 pods, 10 available']);
      assert.match((await page.locator('.outcome').textContent()) ?? '', /10\/10 ready · 10 updated · 10 available/);
      // the picture: mid-rollout, where the budget explains the pace
      await page.locator('.scrubber-input').fill('125');
      await shot(page, `deployment-rollout-${theme.replace('vscode-', '')}`, theme === 'vscode-dark' ? 'preview-deployment-rollout.png' : 'preview-deployment-rollout-light.png');
      await page.close();
    }
  });

  it('a stuck Deployment rollout: ProgressDeadlineExceeded is marked and the new pods never become available', async () => {
    const timeline = cliTimeline('nginx-deployment', 'nginx-deployment.stuck.scenario.yaml');
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await pages.open(theme);
      await show(page, timeline, 'nginx-deployment.yaml');
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-image'), ['nginx:1.27', 'nginx:1.28-broken']);
      const flags = await texts(page, '.lane-conditions .flag-condition.tone-bad');
      assert.ok(flags.some((f) => f.includes('ProgressDeadlineExceeded')), flags.join(' | '));
      assert.match((await page.locator('.outcome').textContent()) ?? '', /^✗ Progressing=False · ProgressDeadlineExceeded at \+7m1s/);
      await page.locator('.scrubber-input').press('End');
      // the budget shows why it waits: 13 pods, the most allowed, and 8 available, the fewest allowed
      assert.strictEqual(await page.locator('.budget-now').textContent(), '13 pods (at most 13) · 8 available (at least 8)');
      assert.deepStrictEqual(await texts(page, '.row-replicaset .rs-count'), ['8/8 pods, 8 available', '5/5 pods, 0 available']);
      await shot(page, `deployment-stuck-${theme.replace('vscode-', '')}`, theme === 'vscode-dark' ? 'preview-deployment-stuck.png' : undefined);
      await page.close();
    }
  });

  it('a 10,000-replica rollout renders: 20,000 pods, only the rows in view in the DOM, the budget in four paths', async () => {
    const manifest = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'nginx-deployment.yaml'), 'utf8').replace(/^  replicas: 10$/m, '  replicas: 10000');
    const json = cliJson('nginx-deployment', 'nginx-deployment.scenario.yaml', manifest);
    const page = await pages.open('vscode-dark');
    const rendered = await showTimed(page, json, 'nginx-deployment.yaml');
    assert.strictEqual(rendered.podCount, 20000);
    const scrub = await scrubTimed(page, 60);
    assert.ok((await page.locator('.gantt-row').count()) < 200, 'virtual rows');
    assert.strictEqual(await page.locator('.lane-budget path').count(), 4);
    // 10,000 replicas, 25% / 25%: at most 12,500 pods, at least 7,500 available
    await page.locator('.scrubber-input').fill('125');
    assert.match((await page.locator('.budget-now').textContent()) ?? '', /\(at most 12500\) · \d+ available \(at least 7500\)$/);
    // the new revision's head is found by scrolling: the rows are all there, 10,001 further down
    await page.locator('.gantt-body').evaluate((e) => ((e as unknown as { scrollTop: number }).scrollTop = 10001 * 22));
    // the rows in view are drawn on the next frame after the scroll: wait for the new head to be drawn
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.row-replicaset .pod-name')).some((e) => e.textContent === 'rev 2'));
    assert.deepStrictEqual(await texts(page, '.row-replicaset .pod-name'), ['rev 2']);
    const chart = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByName(n: string): { duration: number }[] } }).performance.getEntriesByName('k8s-dryrun:timeline-chart').map((e) => Math.round(e.duration)));
    const steps = Object.entries(rendered.steps).map(([step, ms]) => `${step} ${ms}`).join(', ');
    console.log(`10,000-replica rollout: painted ${rendered.painted} ms after the 30 MB message, panels in ${rendered.panels} ms (steps, ms: ${steps}); the chart's share ${chart.join(', ')} ms; one scrub: input ${scrub.input} ms, kubectl tables ${scrub.tables} ms, longest frame ${scrub.longestFrame} ms`);
    // well under what a person waits for (generous bounds for a busy 2-core machine: measured 0.4-0.6 s painted,
    // 0.6-0.9 s with the panels, a scrub's input under 15 ms and its tables 40-90 ms)
    assert.ok(chart.length > 0 && chart[chart.length - 1] < 5000, `chart ${chart.join(', ')} ms`);
    assert.ok(rendered.painted < 5000 && rendered.panels < 8000, `painted ${rendered.painted} ms, panels ${rendered.panels} ms`);
    assert.ok(scrub.input < 1000 && scrub.tables < 2000, `scrub: input ${scrub.input} ms, tables ${scrub.tables} ms`);
    await page.close();
  });

  it('a StatefulSet: a lane per ordinal, each pod made again under its name, the claims and the partition', async () => {
    const timeline = cliTimeline('web-statefulset', 'web-statefulset.scenario.yaml');
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const page = await pages.open(theme);
      const rendered = await show(page, timeline, 'web-statefulset.yaml');
      assert.strictEqual(rendered.podCount, 6);
      assert.strictEqual(await page.locator('.gantt-section h2').textContent(), 'Pods by ordinal');
      assert.deepStrictEqual(await texts(page, '.row-ordinal .pod-name'), ['web-0', 'web-1', 'web-2']);
      // every ordinal was made twice (the update recreates it under the same name), in two revision colours
      assert.deepStrictEqual(await texts(page, '.row-ordinal .incarnations'), ['×2', '×2', '×2']);
      assert.strictEqual(await page.locator('.row-ordinal').nth(2).locator('.seg.rev-1').count() > 0, true);
      // the claims: www-web-1 and www-web-2 deleted on scale-down, www-web-0 kept
      assert.deepStrictEqual(await texts(page, '.row-ordinal .pvc-badge'), ['www', 'www', 'www']);
      assert.strictEqual(await page.locator('.row-ordinal .pvc-badge.deleted').count(), 2);
      assert.strictEqual(await page.locator('.row-ordinal .pvc-deleted').count(), 2);
      // partition 2 from 2m to 4m held web-0 and web-1 at the old revision
      assert.deepStrictEqual(await texts(page, '.row-ordinal .partition-badge'), ['held', 'held']);
      assert.strictEqual(await page.locator('.row-ordinal').nth(2).locator('.partition-held').count(), 0);
      assert.deepStrictEqual(await texts(page, '.lane-partition .flag'), ['partition 2', 'partition 0']);
      assert.ok((await texts(page, '.legend li')).includes('held back by the partition'));
      // the picture at 3m: web-2 already on the new revision, web-0 and web-1 held back by the partition
      await page.locator('.scrubber-input').fill('180');
      assert.deepStrictEqual(await page.locator('.row-ordinal .row-label').evaluateAll((els) => els.map((e) => (e as unknown as { className: string }).className)), ['row-label rev-0', 'row-label rev-0', 'row-label rev-1']);
      await shot(page, `statefulset-${theme.replace('vscode-', '')}`, theme === 'vscode-dark' ? 'preview-statefulset.png' : 'preview-statefulset-light.png');
      await page.close();
    }
  });
});
