// The real VS Code workbench for UI tests, driven as a person uses it: code-server serves it, headless
// Chromium (playwright-core) shows it, and the extension is loaded from this repository's source (built to
// dist/) the way F5 does, through the URL payload's extensionDevelopmentPath. The workspace is a temporary
// copy of examples/ (tests may add files to it). One workbench per test file: start it once, reuse its page.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { packVsix } from '../../vscode/vsix';
import { REPO_ROOT, findChromium, startCodeServer, type CodeServer } from './codeServer';

export { REPO_ROOT };

/** The window every screenshot shows. */
export const VIEWPORT = { width: 1400, height: 900 };

/** Where screenshots go: $UI_SCREENSHOTS (default: a folder in the system temp dir); also docs/images with DOCS_IMAGES=1. */
const SHOTS = process.env.UI_SCREENSHOTS || path.join(os.tmpdir(), 'k8s-dryrun-ui-screenshots', 'workbench');
const DOCS_IMAGES = process.env.DOCS_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images') : undefined;

export interface WorkbenchOptions {
  /** Files to write into the workspace before the workbench opens it (name → text). */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * VS Code's display language, e.g. `zh-cn`: code-server starts with `--locale` and the test language pack for
   * it (test/vscode/fixtures/language-pack-<locale>), without which VS Code keeps English.
   */
  readonly locale?: string;
}

export interface Workbench {
  readonly page: Page;
  /** The workspace folder: a copy of examples/. */
  readonly workspace: string;
  /** Clicks the file in the Explorer and waits until its editor shows it. */
  openFile(name: string): Promise<void>;
  /**
   * Runs a command from the palette (F1) by its title, e.g. "Kubernetes: Preview Rollout". Resolves with the
   * time (performance.now()) at which it was chosen, for measuring what follows.
   */
  runCommand(title: string): Promise<number>;
  /** The preview's document: the webview is two nested iframes. */
  previewFrame(): FrameLocator;
  /** Waits until the preview shows an element matching `selector` (with `text`, when given); returns it. */
  waitForPreviewText(selector: string, text?: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** The editor's cursor as the status bar shows it ("Ln 12, Col 7"). */
  cursorPosition(): Promise<{ line: number; column: number }>;
  /**
   * Saves a PNG of the workbench window, laid out for the preview (side bar closed, the preview's group wider
   * than the manifest's); returns its path. `forDocs: false` keeps it out of docs/images (e.g. on a failure).
   */
  screenshot(name: string, options?: { forDocs?: boolean }): Promise<string>;
  /** Ends the browser and code-server's process group, and deletes the run's folder. */
  close(): Promise<void>;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Gives the preview the room a person would: no side bar, and 60% of the width for the preview's group. */
async function layoutForScreenshot(page: Page, workbench: Workbench): Promise<void> {
  if (await page.locator('#workbench\\.parts\\.sidebar').isVisible()) await workbench.runCommand('View: Close Primary Side Bar');
  // the sash between the manifest's editor group and the preview's
  const sash = page.locator('.part.editor .monaco-sash.vertical').filter({ visible: true });
  const box = (await sash.count()) === 1 ? await sash.boundingBox() : null;
  const target = Math.round(VIEWPORT.width * 0.4);
  if (box && Math.abs(box.x - target) > 8) {
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(target, y, { steps: 8 });
    await page.mouse.up();
  }
  // park the mouse where it shows no hover or tooltip (the activity bar below its icons)
  await page.mouse.move(24, VIEWPORT.height - 300);
  await page.waitForTimeout(600); // the webview lays itself out again; tooltips fade
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const chromiumBin = findChromium();
  if (!chromiumBin) throw new Error('Chromium not found (set CHROMIUM_BIN); install it with: bash .ci/install-code-server.sh');
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first (npm run test:ui does)');

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-dryrun-workbench-'));
  const workspace = path.join(runDir, 'examples');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(workspace, name), text);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  // Interrupted, or exiting without close(): end code-server's group and remove the run's folder anyway.
  // (Playwright ends its Chromium on these signals itself.)
  const cleanUpNow = (): void => {
    server?.kill();
    if (process.env.WORKBENCH_KEEP !== '1') fs.rmSync(runDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanUpNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', cleanUpNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const close = async (): Promise<void> => {
    process.off('exit', cleanUpNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
    server = undefined;
    if (process.env.WORKBENCH_KEEP === '1') console.log(`workbench run kept in ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  };

  try {
    const languagePack = options.locale ? path.join(REPO_ROOT, 'test', 'vscode', 'fixtures', `language-pack-${options.locale}`) : undefined;
    server = await startCodeServer(runDir, {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(languagePack ? { install: [packVsix(languagePack, path.join(runDir, `language-pack-${options.locale}.vsix`))] } : {}),
    });
    const remote = (p: string): string => `vscode-remote://${server!.remoteAuthority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(REPO_ROOT)]];
    const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launchPersistentContext(path.join(runDir, 'browser'), {
      executablePath: chromiumBin,
      headless: true,
      viewport: VIEWPORT,
      env: { ...process.env, TMPDIR: path.join(runDir, 'tmp') },
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-default-apps',
      ],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => process.stderr.write(`[workbench error] ${e.message}\n`));
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });

    const previewFrame = (): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

    const workbench: Workbench = {
      page,
      workspace,
      async openFile(name) {
        // open it in the first editor group, so the preview keeps its own group beside it
        await workbench.runCommand('View: Focus First Editor Group');
        if (!(await page.locator('.explorer-folders-view').isVisible())) await workbench.runCommand('View: Show Explorer');
        const named = page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
        const explorerRow = page.locator('.explorer-folders-view .monaco-list-row', { has: named });
        if ((await explorerRow.count()) > 0) {
          await explorerRow.click();
        } else {
          // The explorer draws only the rows in view and the examples folder is longer than the window: a row
          // scrolled out of view does not exist, so open the file the other way a person would, Quick Open.
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+P');
          await page.locator('.quick-input-widget input').fill(name);
          await page.locator('.quick-input-list .monaco-list-row', { has: named }).first().click();
        }
        await page.locator(`.editor-group-container.active .tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 20000 });
      },
      async runCommand(title) {
        const input = page.locator('.quick-input-widget input');
        const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
        // The palette lists the commands known when it opens: an extension's arrive a few seconds after the
        // workbench, so open it again until the command is there.
        const deadline = Date.now() + 30000;
        for (;;) {
          await page.keyboard.press('Escape');
          await page.keyboard.press('F1');
          await input.waitFor();
          await input.fill(`>${title}`);
          try {
            await row.waitFor({ timeout: 2000 });
            break;
          } catch (err) {
            if (Date.now() > deadline) throw new Error(`"${title}" is not in the command palette`, { cause: err });
          }
        }
        await row.hover();
        const chosenAt = performance.now();
        await row.click();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        return chosenAt;
      },
      previewFrame,
      async waitForPreviewText(selector, text, timeoutMs = 30000) {
        const base = previewFrame().locator(selector);
        const found = text === undefined ? base.first() : base.filter({ hasText: text }).first();
        await found.waitFor({ state: 'visible', timeout: timeoutMs });
        return found;
      },
      async cursorPosition() {
        const item = page.locator('#status\\.editor\\.selection');
        const text = (await item.innerText()).trim();
        const m = /Ln (\d+), Col (\d+)/.exec(text);
        if (!m) throw new Error(`the status bar's cursor item reads "${text}"`);
        return { line: Number(m[1]), column: Number(m[2]) };
      },
      async screenshot(name, options = {}) {
        fs.mkdirSync(SHOTS, { recursive: true });
        const file = path.join(SHOTS, `${name}.png`);
        await layoutForScreenshot(page, workbench);
        await page.screenshot({ path: file, clip: { x: 0, y: 0, ...VIEWPORT } });
        if (DOCS_IMAGES && options.forDocs !== false) {
          fs.mkdirSync(DOCS_IMAGES, { recursive: true });
          fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
        }
        return file;
      },
      close,
    };
    return workbench;
  } catch (err) {
    await close();
    throw err;
  }
}
