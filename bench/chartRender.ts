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
import { simulate } from '../server/src/core/engine';
import { DIST, startHarness } from '../test/ui/harness';

export type ChartRenderResult =
  | {
      readonly chartMillis: number;
      readonly totalMillis: number;
      readonly pods: number;
      /** Milliseconds per step of the best run (receive, chart, layout, paint, then panels and state after the report). */
      readonly steps: Readonly<Record<string, number>>;
    }
  | { readonly skipped: string };

interface PageGlobals {
  __message?: unknown;
  __posted: { method: string }[];
  __postedAt: number[];
  postMessage(message: unknown, target: string): void;
}
declare const window: PageGlobals;
declare const performance: {
  now(): number;
  getEntriesByName(name: string): { duration: number }[];
  getEntriesByType(type: string): { name: string; duration: number }[];
  clearMeasures(): void;
};
declare function requestAnimationFrame(callback: () => void): number;

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
  const manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'wide' }, spec: { completions: 10_000, parallelism: 100, template: { spec: { containers: [{ name: 'work', image: 'busybox' }], restartPolicy: 'Never' } } } };
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', pods: { default: { runSeconds: 30 } }, seed: 1 }, { limits: { maxPods: 20_000, maxEvents: 1_000_000 } });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const harness = await startHarness();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
    await page.goto(harness.url('vscode-dark'));
    await page.waitForFunction(() => window.__posted.some((m) => m.method === 'ready'));
    const runs: { chart: number; total: number; steps: Record<string, number> }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate((message) => void (window.__message = message), { method: 'showTimeline', params: { timeline: result.timeline, sourceUri: 'file:///bench/wide.yaml', documentVersion: i + 1 } });
      runs.push(
        await page.evaluate(
          () =>
            new Promise<{ chart: number; total: number; steps: Record<string, number> }>((resolve) => {
              performance.clearMeasures();
              const from = window.__posted.length;
              const start = performance.now();
              window.postMessage(window.__message, '*');
              const check = (): void => {
                const at = window.__posted.slice(from).findIndex((m) => m.method === 'rendered');
                if (at < 0) return void setTimeout(check, 1);
                const total = window.__postedAt[from + at] - start;
                const chart = performance.getEntriesByName('k8s-dryrun:timeline-chart').at(-1)?.duration ?? NaN;
                // the panels and the state come after the report
                setTimeout(() => {
                  const steps: Record<string, number> = {};
                  for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('k8s-dryrun:step:')) steps[m.name.slice('k8s-dryrun:step:'.length)] = m.duration;
                  requestAnimationFrame(() => resolve({ chart, total, steps }));
                }, 300);
              };
              check();
            }),
        ),
      );
    }
    const best = runs.reduce((a, b) => (b.chart < a.chart ? b : a));
    return { chartMillis: best.chart, totalMillis: best.total, pods: result.timeline.pods.length, steps: best.steps };
  } finally {
    await browser.close();
    await harness.close();
  }
}
