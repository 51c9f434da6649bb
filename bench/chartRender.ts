/**
 * The preview chart's first render of 10,000 pods, in Chromium: the same measurement as the UI test
 * (test/ui/timelineView.test.ts), for `npm run bench`. A Job with completions 10,000 and parallelism 100 is
 * simulated, shown in the UI harness page, and timed from the host's message to the webview's `rendered`
 * report (sent once the chart is painted), with the chart's own share and each step's (User Timing measures
 * `k8s-dryrun:step:*`: receive = the message's copy into the page, chart, layout, paint; the panels and the state
 * follow the report). The message is put in the page beforehand: handed to it within the timed call, the
 * driver's own copy of 8 MB of arguments held the page's thread for some 300 ms more and was counted as the
 * webview's. Needs dist/webview.js and Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, startHarness } from '../test/ui/harness';
import { timeRender, wideJobTimeline, type RenderTiming } from '../test/ui/renderTiming';

export type ChartRenderResult =
  | {
      readonly chartMillis: number;
      readonly totalMillis: number;
      readonly pods: number;
      /** Milliseconds per step of the best run (receive, chart, layout, paint, then panels and state after the report). */
      readonly steps: Readonly<Record<string, number>>;
    }
  | { readonly skipped: string };

export async function benchChartRender(): Promise<ChartRenderResult> {
  const chromiumPath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { skipped: `Chromium not found at ${chromiumPath} (set CHROMIUM_BIN)` };
  if (!existsSync(join(DIST, 'webview.js'))) return { skipped: 'dist/webview.js is missing: run `npm run build` first' };
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  const timeline = wideJobTimeline();
  const harness = await startHarness();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
    await page.goto(harness.url('vscode-dark'));
    await page.waitForFunction("window.__posted.some((m) => m.method === 'ready')");
    const runs: RenderTiming[] = [];
    for (let i = 0; i < 3; i++) runs.push(await timeRender(page, timeline, 'file:///bench/wide.yaml', i + 1));
    const best = runs.reduce((a, b) => (b.chart < a.chart ? b : a));
    return { chartMillis: best.chart, totalMillis: best.total, pods: timeline.pods.length, steps: best.steps };
  } finally {
    await browser.close();
    await harness.close();
  }
}
