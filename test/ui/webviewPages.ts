// Pages of the preview webview in Debian's Chromium, for the UI tests of the chart and of the panels: one
// harness (harness.ts: the extension's page and CSP, a stub of VS Code's webview API) and one browser per test
// file, a fresh page per test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST, startHarness, type Harness, type ThemeKind } from './harness';

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// What the page's globals look like to the functions playwright runs there (this project has no DOM types).
declare const window: {
  __posted: { method: string; params: Record<string, unknown> }[];
  postMessage(message: unknown, target: string): void;
};

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export class WebviewPages {
  private constructor(
    readonly harness: Harness,
    readonly browser: BrowserContext,
    private readonly browserDir: string,
    private readonly viewport: Viewport,
  ) {}

  /** Starts the harness and a headless Chromium with its own profile (`name` tells the profiles apart). */
  static async launch(name: string, viewport: Viewport): Promise<WebviewPages> {
    assert.ok(fs.existsSync(path.join(DIST, 'webview.js')), 'dist/webview.js is missing: run `npm run build` first (npm run test:ui does)');
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}; install it with: bash .ci/install-code-server.sh (or set CHROMIUM_BIN)`);
    const harness = await startHarness();
    const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), `k8s-dryrun-ui-${name}-`));
    const browser = await chromium.launchPersistentContext(browserDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { ...viewport },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new WebviewPages(harness, browser, browserDir, viewport);
  }

  /** A fresh page with the webview loaded (in `language`, default English); resolves when its script has posted `ready`. */
  async open(theme: ThemeKind = 'vscode-dark', width = this.viewport.width, language?: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setViewportSize({ width, height: this.viewport.height });
    page.on('dialog', () => assert.fail('a dialog opened: a script from the data ran'));
    page.on('pageerror', (e) => assert.fail(`script error in the webview: ${e.message}`));
    await page.goto(this.harness.url(theme, language));
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.harness.close();
    fs.rmSync(this.browserDir, { recursive: true, force: true });
  }
}

/** Sends a host message and returns the `rendered` report the webview posts for it. */
export async function send<Rendered>(page: Page, method: string, params: Record<string, unknown>, expectView?: string): Promise<Rendered> {
  const before = await page.evaluate(() => window.__posted.length);
  await page.evaluate((message) => window.postMessage(message, '*'), { method, params });
  const handle = await page.waitForFunction(
    ({ from, view }) => window.__posted.slice(from).find((m) => m.method === 'rendered' && (!view || m.params.view === view))?.params,
    { from: before, view: expectView },
  );
  return (await handle.jsonValue()) as unknown as Rendered;
}
