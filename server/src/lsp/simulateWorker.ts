/**
 * Runs one simulation off the server's main thread, so a long run never blocks diagnostics and a
 * cancelled request can stop it (the server terminates this worker).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulate, type SimulateOptions } from '../core';

export interface SimulateJob {
  readonly manifest: unknown;
  readonly scenario?: unknown;
  readonly options: SimulateOptions;
}

const job = workerData as SimulateJob;
parentPort?.postMessage(simulate(job.manifest, job.scenario, job.options));
