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
  /** Sent once, when the thread has loaded and listens. */
  readonly ready?: boolean;
  readonly results?: ChunkLint[];
  readonly error?: string;
}

// Loaded: from now on sending work here beats doing it on the server's thread.
parentPort?.postMessage({ id: -1, ready: true } satisfies LintReply);

parentPort?.on('message', ({ id, texts, options }: LintRequest) => {
  try {
    parentPort?.postMessage({ id, results: texts.map((text) => lintChunk(text, options)) } satisfies LintReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintReply);
  }
});
