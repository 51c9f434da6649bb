/**
 * The preview chart's first render of 10,000 pods, in Chromium: the same measurement as the UI test
 * (test/ui/timelineView.test.ts), for `npm run bench`. A Job with completions 10,000 and parallelism 100 is
 * simulated, shown in the UI harness page, and timed from the host's message to the webview's `rendered`
 * report, with the chart's own share (its User Timing measure). Needs dist/webview.js and Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../server/src/core/engine';
import { DIST, startHarness } from '../test/ui/harness';

export type ChartRenderResult = { readonly chartMillis: number; readonly totalMillis: number; readonly pods: number } | { readonly skipped: string };

interface PageGlobals {
  __posted: { method: string }[];
  __postedAt: number[];
  postMessage(message: unknown, target: string): void;
}
declare const window: PageGlobals;
declare const performance: { now(): number; getEntriesByName(name: string): { duration: number }[]; clearMeasures(): void };
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
    const runs: { chart: number; total: number }[] = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        await page.evaluate(
          (message) =>
            new Promise<{ chart: number; total: number }>((resolve) => {
              performance.clearMeasures();
              const from = window.__posted.length;
              const start = performance.now();
              window.postMessage(message, '*');
              const check = (): void => {
                const at = window.__posted.slice(from).findIndex((m) => m.method === 'rendered');
                if (at < 0) return void setTimeout(check, 1);
                const total = window.__postedAt[from + at] - start;
                const chart = performance.getEntriesByName('k8s-dryrun:timeline-chart').at(-1)?.duration ?? NaN;
                requestAnimationFrame(() => resolve({ chart, total }));
              };
              check();
            }),
          { method: 'showTimeline', params: { timeline: result.timeline, sourceUri: 'file:///bench/wide.yaml', documentVersion: i + 1 } },
        ),
      );
    }
    const best = runs.reduce((a, b) => (b.chart < a.chart ? b : a));
    return { chartMillis: best.chart, totalMillis: best.total, pods: result.timeline.pods.length };
  } finally {
    await browser.close();
    await harness.close();
  }
}
