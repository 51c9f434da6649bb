/**
 * The worker-thread side of LintPool: dist/cli.js started as a worker with `{ role: LINT_WORKER }` in its
 * workerData lints the batches of chunks it is sent and replies with their results, until it is terminated.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../core';
import type { TextChunk } from './documentStream';
import { lintChunks, type ChunkResult } from './lintChunks';

export const LINT_WORKER = 'k8s-dryrun-lint-worker';

export interface LintWorkerData {
  readonly role: typeof LINT_WORKER;
  readonly options: LintOptions;
}

export interface WorkerRequest {
  readonly id: number;
  readonly chunks: readonly TextChunk[];
}

export type WorkerReply = { readonly id: number; readonly results: ChunkResult[] } | { readonly id: number; readonly error: string };

/** True in a thread the pool started. */
export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as Partial<LintWorkerData> | undefined)?.role === LINT_WORKER;
}

export function serveLintRequests(): void {
  const port = parentPort;
  if (!port) return;
  const { options } = workerData as LintWorkerData;
  port.on('message', ({ id, chunks }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id, results: lintChunks(chunks, options) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
