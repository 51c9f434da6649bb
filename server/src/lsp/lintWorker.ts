/**
 * The language server's lint thread (dist/lintWorker.js): lints the `---` chunks it is sent, each as its own
 * file, and sends the results back as plain data. Opening a big file lints half of it here, on another core.
 */
import { parentPort } from 'node:worker_threads';
import { lintChunk, type ChunkLint, type LintOptions } from '../core';

export interface LintRequest {
  readonly id: number;
  readonly texts: readonly string[];
  readonly options: LintOptions;
}

export interface LintReply {
  readonly id: number;
  readonly results?: ChunkLint[];
  readonly error?: string;
}

parentPort?.on('message', ({ id, texts, options }: LintRequest) => {
  try {
    parentPort?.postMessage({ id, results: texts.map((text) => lintChunk(text, options)) } satisfies LintReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintReply);
  }
});
