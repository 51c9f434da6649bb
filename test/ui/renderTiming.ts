// The 10,000-pod render measurement, shared by the chart's UI test (which asserts on it) and `npm run bench`
// (which reports it): the same Job, the same page, the same clock.
import type { Page } from 'playwright-core';
import { simulate } from '../../server/src/core/engine';
import type { Timeline } from '../../server/src/protocol/timeline';

// What the page's globals look like to the function playwright runs there (this project has no DOM types).
declare const window: {
  __message?: unknown;
  __posted: { method: string }[];
  __postedAt: number[];
  postMessage(message: unknown, target: string): void;
};
declare const performance: {
  now(): number;
  getEntriesByName(name: string): { duration: number }[];
  getEntriesByType(type: string): { name: string; duration: number }[];
  clearMeasures(): void;
};
declare function requestAnimationFrame(callback: () => void): number;

/** A Job with completions 10,000 and parallelism 100, simulated: 10,000 pods in 100 waves. */
export function wideJobTimeline(): Timeline {
  const manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'wide' }, spec: { completions: 10_000, parallelism: 100, template: { spec: { containers: [{ name: 'work', image: 'busybox' }], restartPolicy: 'Never' } } } };
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', pods: { default: { runSeconds: 30 } }, seed: 1 }, { limits: { maxPods: 20_000, maxEvents: 1_000_000 } });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.timeline;
}

export interface RenderTiming {
  /** The chart's own render (the User Timing measure `k8s-dryrun:timeline-chart`), ms. */
  readonly chart: number;
  /** The host's message to the webview's `rendered` report (sent once the chart is painted), ms. */
  readonly total: number;
  /** Each step's measure `k8s-dryrun:step:*` (receive, chart, layout, paint; panels and state come after the report), ms. */
  readonly steps: Readonly<Record<string, number>>;
  /** Where the report is in the page's list of posted messages. */
  readonly reportIndex: number;
}

/**
 * Shows `timeline` in a loaded harness page and times it. The message is put in the page first: handed over
 * within the timed call, the driver's own copy of its 8 MB held the page's thread some 300 ms longer and was
 * counted as the webview's.
 */
export async function timeRender(page: Page, timeline: Timeline, sourceUri: string, documentVersion: number): Promise<RenderTiming> {
  await page.evaluate((message) => void (window.__message = message), { method: 'showTimeline', params: { timeline, sourceUri, documentVersion } });
  return page.evaluate(
    () =>
      new Promise<RenderTiming>((resolve) => {
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
            requestAnimationFrame(() => resolve({ chart, total, steps, reportIndex: from + at }));
          }, 300);
        };
        check();
      }),
  );
}
