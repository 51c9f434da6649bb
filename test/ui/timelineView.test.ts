// The rollout preview as a person sees it: the built webview bundle renders timeline fixtures in Debian's
// Chromium (playwright-core), inside a page with the extension's CSP and a stub of VS Code's webview API
// (harness.ts). Asserts what is on the screen and what the webview tells the host, and saves screenshots in
// light, dark and high-contrast themes (folder: $UI_SCREENSHOTS, default <tmp>/k8s-dryrun-ui-screenshots).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST, fixture, startHarness, type Harness, type ThemeKind } from './harness';

// What the page's globals look like to the functions playwright runs there (this project has no DOM types).
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

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const SHOTS = process.env.UI_SCREENSHOTS || path.join(os.tmpdir(), 'k8s-dryrun-ui-screenshots');
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

let harness: Harness;
let browser: BrowserContext;
let browserDir: string;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'webview.js')), 'dist/webview.js is missing: run `npm run build` first (npm run test:ui does)');
  assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}; install it with: bash .ci/install-code-server.sh (or set CHROMIUM_BIN)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness();
  browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-dryrun-ui-chromium-'));
  browser = await chromium.launchPersistentContext(browserDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 820 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await harness?.close();
  if (browserDir) fs.rmSync(browserDir, { recursive: true, force: true });
  console.log(`screenshots: ${SHOTS}`);
});

/** A fresh page with the webview loaded; resolves when its script has posted `ready`. */
async function openView(theme: ThemeKind = 'vscode-dark', width = 1100): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 820 });
  page.on('dialog', () => assert.fail('a dialog opened: a script from the data ran'));
  page.on('pageerror', (e) => assert.fail(`script error in the webview: ${e.message}`));
  await page.goto(harness.url(theme));
  await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
  return page;
}

/** Sends a host message and returns the `rendered` report the webview posts for it. */
async function send(page: Page, method: string, params: Record<string, unknown>, expectView?: string): Promise<Rendered> {
  const before = await page.evaluate(() => window.__posted.length);
  await page.evaluate((message) => window.postMessage(message, '*'), { method, params });
  const handle = await page.waitForFunction(
    ({ from, view }) => window.__posted.slice(from).find((m) => m.method === 'rendered' && (!view || m.params.view === view))?.params,
    { from: before, view: expectView },
  );
  return (await handle.jsonValue()) as unknown as Rendered;
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
/** The scrubber's time: the offset from the start and the wall clock. */
const scrubberTime = async (page: Page): Promise<string[]> => [
  (await page.locator('.scrubber-time .time-offset').textContent()) ?? '',
  (await page.locator('.scrubber-time .time-clock').textContent()) ?? '',
];

describe('rollout preview webview', () => {
  it('loads under the extension CSP: one nonce-d script, no inline code, says ready', async () => {
    const page = await openView();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'the CSP meta tag is there');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const posted = await page.evaluate(() => window.__posted);
    assert.deepStrictEqual(posted[0], { method: 'ready', params: {} });
    // before the host answers, it shows that it is working
    assert.match((await page.locator('#app').textContent()) ?? '', /Simulating/);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await page.close();
  });

  it('a Job with 8 completions and parallelism 2: 8 rows in 4 waves, Complete', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'job-waves.json', 3);
    assert.deepStrictEqual(rendered, { view: 'timeline', podCount: 8, object: 'Job/pi', truncated: false, documentVersion: 3 });
    assert.strictEqual(await page.locator('.gantt-row').count(), 8);
    assert.strictEqual(await page.locator('.gantt-group-head').count(), 0, 'a plain Job has no groups');
    assert.deepStrictEqual(await texts(page, '.bar-label'), Array(8).fill('✓ 30s'));
    assert.strictEqual(await page.locator('.kind-badge').textContent(), 'Job');
    assert.strictEqual(await page.locator('.object-name').textContent(), 'pi');
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Complete · CompletionsReached at \+2m8s/);
    assert.strictEqual(await page.locator('.banner').count(), 0, 'no banner for a run that finished');
    // the condition flags (SuccessCriteriaMet and Complete at the same instant make one flag)
    assert.deepStrictEqual(await texts(page, '.lane-conditions .flag-text'), ['SuccessCriteriaMet: CompletionsReached, Complete: CompletionsReached']);
    // axis ticks are readable offsets
    assert.deepStrictEqual(await texts(page, '.lane-axis .tick'), ['0', '+30s', '+1m', '+1m30s', '+2m']);
    // events as kubectl lists them
    const events = (fixture('job-waves.json') as { events: unknown[] }).events;
    assert.strictEqual(await page.locator('.events-table tbody tr').count(), events.length);
    assert.deepStrictEqual(await texts(page, '.events-table thead th'), ['TIME', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    const first = await page.locator('.events-table tbody tr').first().locator('td').allTextContents();
    assert.strictEqual(first[0], '0s');
    assert.strictEqual(first[2], 'SuccessfulCreate');
    assert.strictEqual(first[3], 'job/pi');
    assert.match(first[4], /^Created pod: pi-/);
    // effective spec and final status
    assert.match((await page.locator('.panel-spec').textContent()) ?? '', /backoffLimit6/);
    assert.match((await page.locator('.panel-spec').textContent()) ?? '', /template\.spec\.restartPolicyNever/);
    assert.match((await page.locator('.panel-status').textContent()) ?? '', /succeeded8/);
    // the scrubber starts at the end: everything succeeded
    assert.match((await page.locator('.count-succeeded').textContent()) ?? '', /Succeeded 8/);
    await shot(page, 'job-waves-dark');
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
    // → jumps to the next change: both pods start at +2s
    await page.keyboard.press('ArrowRight');
    assert.deepStrictEqual(await scrubberTime(page), ['+2s', '2026-01-01 00:00:02Z']);
    assert.match((await page.locator('.count-ready').textContent()) ?? '', /Ready 2/);
    assert.match((await page.locator('.running-list').textContent()) ?? '', /^Running at \+2s: pi-\w+, pi-\w+\.$/);
    assert.strictEqual(await page.locator('.gantt-row.at-ready').count(), 2);
    // the next change: the first wave finishes at +32s and the second wave is created at the same instant
    await page.keyboard.press('ArrowRight');
    assert.deepStrictEqual(await scrubberTime(page), ['+32s', '2026-01-01 00:00:32Z']);
    assert.match((await page.locator('.count-succeeded').textContent()) ?? '', /Succeeded 2/);
    assert.match((await page.locator('.count-pending').textContent()) ?? '', /Pending 2/);
    assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^\+32s, 2026-01-01 00:00:32Z: 2 pending, 2 succeeded$/);
    // events after t are dimmed
    assert.ok((await page.locator('.events-table tr.future').count()) > 0);
    await page.keyboard.press('End');
    assert.match((await page.locator('.count-succeeded').textContent()) ?? '', /Succeeded 8/);
    assert.strictEqual(await page.locator('.events-table tr.future').count(), 0);
    // the buttons step through changes too
    await page.locator('button.prev').click();
    assert.deepStrictEqual(await scrubberTime(page), ['+1m38s', '2026-01-01 00:01:38Z']);
    await page.locator('button.prev').click();
    assert.deepStrictEqual(await scrubberTime(page), ['+1m36s', '2026-01-01 00:01:36Z']);
    await page.locator('button.next').click();
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
    const name = (await selected.locator('.pod-name').textContent()) ?? '';
    assert.match(name, /^flaky-\w{5}$/);
    assert.strictEqual(await page.locator('.gantt-body').getAttribute('aria-activedescendant'), await selected.getAttribute('id'));
    const details = (await page.locator('.pod-details').textContent()) ?? '';
    assert.ok(details.includes(name), details);
    assert.match(details, /Exit code1/);
    assert.match(details, /Started\+1s \(2026-01-01 00:00:01Z\)/);
    assert.match(details, /SuccessfulCreate|Started/);
    await page.keyboard.press('End');
    assert.strictEqual(await page.locator('.gantt-row').last().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Escape');
    assert.strictEqual(await page.locator('.gantt-row[aria-selected="true"]').count(), 0);
    await page.close();
  });

  it('a Job that fails: 4 failed pods after backoff, Failed with BackoffLimitExceeded', async () => {
    const page = await openView('vscode-light');
    const rendered = await showFixture(page, 'job-backoff.json');
    assert.strictEqual(rendered.podCount, 4);
    assert.deepStrictEqual(await texts(page, '.bar-label'), Array(4).fill('✗ exit 1 · Error · 5s'));
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Failed · BackoffLimitExceeded at \+1m34s — Job has reached the specified backoff limit/);
    assert.strictEqual(await page.locator('.outcome.outcome-bad').count(), 1);
    assert.deepStrictEqual(await texts(page, '.lane-conditions .flag-text'), ['FailureTarget: BackoffLimitExceeded, Failed: BackoffLimitExceeded']);
    const warning = page.locator('.events-table tr.type-warning');
    assert.strictEqual(await warning.count(), 1);
    assert.deepStrictEqual(await warning.locator('td').allTextContents(), ['+1m34s', 'Warning', 'BackoffLimitExceeded', 'job/flaky', 'Job has reached the specified backoff limit']);
    // "Warnings only" hides the Normal events
    await page.getByLabel(/Warnings only/).check();
    assert.strictEqual(await page.locator('.events-table tbody tr:visible').count(), 1);
    await page.getByLabel(/Warnings only/).uncheck();
    const title = (await page.locator('.gantt-row .bar').first().getAttribute('title')) ?? '';
    assert.match(title, /^flaky-\w{5}\nnode node-0\ncreated 0s \(2026-01-01 00:00:00Z\)\nstarted \+1s/);
    assert.match(title, /phase Failed · exit code 1 · Error/);
    await shot(page, 'job-backoff-light');
    await page.close();
  });

  it('a CronJob with skipped runs: one group per Job, schedule marks, skipped runs marked', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'cronjob-skipped.json');
    assert.strictEqual(rendered.podCount, 5);
    assert.strictEqual(await page.locator('.gantt-group-head').count(), 4);
    assert.deepStrictEqual(await texts(page, '.gantt-group-head .result-badge'), ['Complete', 'Complete', 'Complete', 'Running']);
    assert.strictEqual(await page.locator('.schedule-mark:not(.skipped)').count(), 4);
    assert.strictEqual(await page.locator('.schedule-mark.skipped').count(), 3);
    assert.match((await page.locator('.schedule-mark.skipped').first().getAttribute('title')) ?? '', /^\+10m \(2026-01-01 00:10:00Z\): skipped the run at 2026-01-01T00:10:00Z/);
    assert.strictEqual(await page.locator('.outcome').textContent(), '! 4 Jobs: 3 complete, 1 running, 3 runs skipped');
    assert.deepStrictEqual(await texts(page, '.bar-label'), ['✓ 7m', '✗ exit 2 · Error · 1m', '✓ 5m', '✓ 7m', 'running']);
    assert.match((await page.locator('.count-jobs').textContent()) ?? '', /Active Jobs 1/);
    await shot(page, 'cronjob-skipped-dark');
    await page.close();
  });

  it('a DaemonSet rollout: one group per node, revisions, scenario markers, a node without a pod', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'daemonset-rollout.json');
    assert.strictEqual(rendered.podCount, 8);
    assert.deepStrictEqual(await texts(page, '.gantt-group-head .group-name'), ['node/node-0', 'node/node-1', 'node/node-2', 'node/node-3', 'node/gpu-0']);
    assert.match((await page.locator('.gantt-group-head').last().textContent()) ?? '', /1 taint · no pod/);
    assert.deepStrictEqual(await texts(page, '.lane-scenario .flag-text'), ['node-3 joins (disk=ssd)', 'image → fluent/fluentd:v1.4 (revision 2)']);
    assert.strictEqual(await page.locator('.row-badge', { hasText: /^r1$/ }).count(), 4);
    assert.strictEqual(await page.locator('.row-badge', { hasText: /^r2$/ }).count(), 4);
    assert.strictEqual(await page.locator('.bar-label', { hasText: 'deleted · rolling update' }).count(), 4);
    assert.strictEqual(await page.locator('.outcome').textContent(), '✓ 4/4 ready · 4 updated');
    await shot(page, 'daemonset-rollout-dark');
    // in the middle of the rollout: node-0 and node-1 were updated, node-1's new pod is not Ready yet
    await page.locator('.scrubber-input').fill('620');
    assert.match((await page.locator('.count-running').textContent()) ?? '', /Running 1/);
    assert.match((await page.locator('.count-ready').textContent()) ?? '', /Ready 3/);
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
      pods: [
        { name: 'pi-x7k2p', job: 'pi', node: 'node-0', index: 0, revision: 1, createdAt: 0, startedAt: 0, readyAt: 0, finishedAt: 30, deletedAt: null, phase: 'Succeeded', exitCode: 0, reason: null },
      ],
      jobs: [],
      conditions: [{ object: 'pi', type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', at: 30 }],
      events: [{ at: 0, object: 'pi', type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: pi-x7k2p' }],
      status: { active: 0, succeeded: 1, failed: 0 },
    };
    const rendered = await send(page, 'showTimeline', { timeline, sourceUri: SOURCE, documentVersion: 1 }, 'timeline');
    assert.strictEqual(rendered.podCount, 1);
    assert.deepStrictEqual(await texts(page, '.bar-label'), ['✓ 30s']);
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Complete · CompletionsReached at \+30s/);
    assert.deepStrictEqual(await page.locator('.events-table tbody tr td').allTextContents(), ['0s', 'Normal', 'SuccessfulCreate', 'job/pi', 'Created pod: pi-x7k2p']);
    // and one it cannot read is reported, not half drawn
    const broken = await send(page, 'showTimeline', { timeline: { ...timeline, pods: [{ name: 'x' }], events: 'none' }, sourceUri: SOURCE, documentVersion: 2 });
    assert.strictEqual(broken.view, 'error');
    assert.match(broken.message ?? '', /^Cannot show this timeline: /);
    await page.close();
  });

  it('a truncated run shows the banner with the timeline message', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'truncated.json');
    assert.strictEqual(rendered.truncated, true);
    const banner = page.locator('.banner-truncated');
    assert.strictEqual(await banner.count(), 1);
    assert.strictEqual(await banner.getAttribute('role'), 'alert');
    assert.strictEqual(
      await banner.textContent(),
      "⚠Stopped early. Stopped at the scenario's horizon (until: 30m) while 5 pods were still running: the Job has 5 of 20 completions.",
    );
    assert.strictEqual(await page.locator('.bar-label', { hasText: /^running$/ }).count(), 5);
    assert.match((await page.locator('.outcome').textContent()) ?? '', /Still running when the simulation stopped at \+30m/);
    await shot(page, 'truncated-dark');
    await page.close();
  });

  it('hostile strings from a manifest are shown as text; no script from the data runs', async () => {
    const page = await openView('vscode-dark');
    const rendered = await showFixture(page, 'hostile.json');
    assert.strictEqual(rendered.podCount, 3);
    const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
    const scr = '"><script>window.__pwned=2</script>';
    assert.deepStrictEqual(await texts(page, '.gantt-row .pod-name'), [img, scr, 'javascript:alert(1)//<svg onload="window.__pwned=3">']);
    assert.strictEqual(await page.locator('.object-name').textContent(), `evil-${img}`);
    assert.strictEqual(await page.locator('.banner-message').textContent(), `Stopped: ${scr} <b>not bold</b>`);
    assert.ok(((await page.locator('.events-table').textContent()) ?? '').includes('<b onmouseover="window.__pwned=6">BackOff</b>'));
    assert.ok(((await page.locator('.panel-spec').textContent()) ?? '').includes('key-<svg onload="window.__pwned=3">'));
    assert.ok(((await page.locator('.panel-status').textContent()) ?? '').includes(img));
    // the data made no element: only the page's own two scripts, no img/svg/iframe/b/i anywhere
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('img, svg, iframe, object, embed, b, i').length), 0);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('script').length), 2);
    assert.strictEqual(await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onmouseover]').length), 0);
    // hover and select everything that has a title or a handler
    await page.locator('.gantt-row').nth(1).click();
    await page.locator('.events-table tbody tr').nth(1).hover();
    assert.strictEqual(await page.evaluate(() => window.__pwned), undefined);
    assert.strictEqual(await page.evaluate(() => window.__dialogs), 0);
    assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
    await shot(page, 'hostile-dark');
    await page.close();
  });

  it('errors: the message as text, "Run again" asks the host; a failed re-run keeps the last timeline', async () => {
    const page = await openView('vscode-light');
    const message = 'The k8s-dryrun language server cannot simulate yet: it does not answer the k8sDryRun/simulate request (method not found).';
    const rendered = await send(page, 'showError', { sourceUri: SOURCE, message, code: 'methodNotFound' }, 'error');
    assert.deepStrictEqual(rendered, { view: 'error', podCount: 0, message, code: 'methodNotFound' });
    assert.strictEqual(await page.locator('.error-message').textContent(), message);
    assert.strictEqual(await page.locator('.subtitle').textContent(), 'jobs.yaml');
    await shot(page, 'error-light', false);
    await page.getByRole('button', { name: 'Run again' }).click();
    assert.deepStrictEqual((await page.evaluate(() => window.__posted)).at(-1), { method: 'refresh', params: {} });

    await showFixture(page, 'job-waves.json', 1);
    const loading = await send(page, 'showLoading', { sourceUri: SOURCE }, 'loading');
    assert.strictEqual(loading.podCount, 8, 'the timeline stays while the next run is under way');
    assert.strictEqual(await page.locator('#app').getAttribute('aria-busy'), 'true');
    await send(page, 'showError', { sourceUri: SOURCE, message: 'spec.completions: Invalid value: -1', code: 'simulationError', documentVersion: 2 }, 'error');
    assert.strictEqual(await page.locator('.gantt-row').count(), 8, 'the last good timeline is still shown');
    assert.match((await page.locator('.banner-rerun').textContent()) ?? '', /Could not simulate the current text\. spec\.completions: Invalid value: -1/);
    assert.strictEqual(await page.locator('#app.stale').count(), 1);
    await showFixture(page, 'job-waves.json', 3);
    assert.strictEqual(await page.locator('.banner-rerun').count(), 0);
    assert.strictEqual(await page.locator('#app.stale').count(), 0);
    await page.close();
  });

  it('state survives a reload: the timeline, the scrubber time and the selected pod come back at once', async () => {
    const page = await openView('vscode-dark');
    await showFixture(page, 'job-waves.json');
    const slider = page.locator('.scrubber-input');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('.gantt-row').nth(1).click();
    const name = await page.locator('.gantt-row').nth(1).locator('.pod-name').textContent();
    await page.waitForTimeout(400); // the scrubber's state is saved a moment after it stops moving
    await page.reload();
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
    const posted = await page.evaluate(() => window.__posted);
    // drawn from the saved state before the host says anything, then `ready`
    assert.deepStrictEqual(
      posted.map((m) => m.method),
      ['rendered', 'ready'],
    );
    assert.strictEqual(posted[0].params.podCount, 8);
    assert.deepStrictEqual(await scrubberTime(page), ['+2s', '2026-01-01 00:00:02Z']);
    assert.strictEqual(await page.locator('.gantt-row[aria-selected="true"] .pod-name').textContent(), name);
    // a re-run of the same object keeps them too
    await showFixture(page, 'job-waves.json', 2);
    assert.deepStrictEqual(await scrubberTime(page), ['+2s', '2026-01-01 00:00:02Z']);
    await page.close();
  });

  it('screenshots: light, dark, high contrast (dark and light), narrow', async () => {
    const themes: ThemeKind[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];
    for (const theme of themes) {
      const page = await openView(theme);
      await showFixture(page, 'job-waves.json');
      await page.locator('.scrubber-input').fill('48');
      await page.locator('.gantt-row').nth(2).click();
      await shot(page, `job-waves-${theme}`, false);
      await showFixture(page, 'daemonset-rollout.json');
      await shot(page, `daemonset-${theme}`);
      await page.close();
    }
    for (const [fixtureName, width] of [
      ['cronjob-skipped.json', 360],
      ['daemonset-rollout.json', 360],
      ['job-backoff.json', 600],
    ] as const) {
      const page = await openView('vscode-dark', width);
      await showFixture(page, fixtureName);
      // nothing spills sideways at this width, apart from the events table's own scroller
      const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
      assert.strictEqual(overflow, 0, `${fixtureName} at ${width}px scrolls sideways by ${String(overflow)}px`);
      await shot(page, `narrow-${width}-${fixtureName.replace('.json', '')}`, false);
      await page.close();
    }
    const files = fs.readdirSync(SHOTS).filter((f) => f.endsWith('.png'));
    assert.ok(files.length >= 11, files.join(', '));
  });
});
