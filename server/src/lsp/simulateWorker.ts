/**
 * Runs one simulation off the server's main thread, so a long run never blocks diagnostics and a
 * cancelled request can stop it (the server terminates this worker). While it runs it posts progress
 * (at most every PROGRESS_INTERVAL_MS), then the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { humanDuration, simulate, type SimulateOptions, type SimulateResult, type SimulationProgress } from '../core';
import { editorText } from '../core/i18n/editor';

export interface SimulateJob {
  readonly manifest: unknown;
  readonly scenario?: unknown;
  readonly options: SimulateOptions;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly percentage: number; readonly message: string }
  | { readonly type: 'result'; readonly result: SimulateResult };

/** A progress bar needs no more than a few updates a second. */
const PROGRESS_INTERVAL_MS = 200;

const job = workerData as SimulateJob;
let lastReport = Date.now();
const onProgress = (progress: SimulationProgress): void => {
  const now = Date.now();
  if (now - lastReport < PROGRESS_INTERVAL_MS) return;
  lastReport = now;
  const message = editorText.t(job.options.locale, 'progress', { time: humanDuration(progress.timeMs), pods: progress.pods.toLocaleString('en-US') });
  post({ type: 'progress', percentage: Math.floor(progress.fraction * 100), message });
};
post({ type: 'result', result: simulate(job.manifest, job.scenario, { ...job.options, onProgress }) });

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}
