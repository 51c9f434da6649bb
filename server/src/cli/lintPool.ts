/**
 * Lints batches of `---` chunks on the main thread and on worker threads, one batch per call, each result in
 * the order asked for (the caller awaits them in order). Workers start only when asked (`grow`): starting one
 * loads the whole CLI bundle again (about 0.1 s), which a small input would not win back.
 *
 * A worker is dist/cli.js itself, started with LINT_WORKER in its workerData (see lintWorker.ts), so the
 * bundle needs no second entry point.
 */
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core';
import type { TextChunk } from './documentStream';
import { lintChunks, type ChunkResult } from './lintChunks';
import { LINT_WORKER, type LintWorkerData, type WorkerReply, type WorkerRequest } from './lintWorker';

/** Batches a worker holds at once: one it lints, one waiting, so it never idles while the main thread is busy. */
const WORKER_DEPTH = 2;

interface Task {
  readonly chunks: readonly TextChunk[];
  readonly resolve: (results: ChunkResult[]) => void;
  readonly reject: (error: Error) => void;
}

interface PooledWorker {
  readonly worker: Worker;
  readonly inFlight: Map<number, Task>;
}

export class LintPool {
  private readonly queue: Task[] = [];
  private readonly workers: PooledWorker[] = [];
  private mainBusy = false;
  private nextId = 0;
  private failure: Error | undefined;

  constructor(
    private readonly options: LintOptions,
    /** The script a worker runs: the CLI bundle itself. */
    private readonly script: string,
    /** Whether the main thread lints batches too (it also reads, cuts and prints). */
    private readonly mainLints = true,
  ) {}

  /** Starts workers until there are `count`. */
  grow(count: number): void {
    while (this.workers.length < count) {
      const workerData: LintWorkerData = { role: LINT_WORKER, options: this.options };
      const worker = new Worker(this.script, { workerData });
      const pooled: PooledWorker = { worker, inFlight: new Map() };
      worker.on('message', (reply: WorkerReply) => this.onReply(pooled, reply));
      worker.on('error', (error) => this.fail(pooled, error));
      worker.on('exit', (code) => {
        if (pooled.inFlight.size > 0) this.fail(pooled, new Error(`a lint worker stopped (exit code ${code})`));
      });
      this.workers.push(pooled);
    }
    this.dispatch();
  }

  get workerCount(): number {
    return this.workers.length;
  }

  /** Lints the chunks; the results are in the chunks' order. */
  lint(chunks: readonly TextChunk[]): Promise<ChunkResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ chunks, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    this.workers.length = 0;
  }

  private dispatch(): void {
    for (const pooled of this.workers) {
      while (this.queue.length > 0 && pooled.inFlight.size < WORKER_DEPTH) {
        const task = this.queue.shift() as Task;
        const id = this.nextId++;
        pooled.inFlight.set(id, task);
        const request: WorkerRequest = { id, chunks: task.chunks };
        pooled.worker.postMessage(request);
      }
    }
    // Without workers the main thread lints everything; with them, only what they leave waiting.
    if ((this.mainLints || this.workers.length === 0) && !this.mainBusy && this.queue.length > 0) {
      this.mainBusy = true;
      // Later, in its own turn: the caller goes on reading, and replies from workers are handled between batches.
      setImmediate(() => {
        const task = this.queue.shift();
        try {
          if (task) task.resolve(lintChunks(task.chunks, this.options));
        } catch (error) {
          task?.reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          this.mainBusy = false;
          this.dispatch();
        }
      });
    }
  }

  private onReply(pooled: PooledWorker, reply: WorkerReply): void {
    const task = pooled.inFlight.get(reply.id);
    if (!task) return;
    pooled.inFlight.delete(reply.id);
    if ('error' in reply) task.reject(new Error(reply.error));
    else task.resolve(reply.results);
    this.dispatch();
  }

  private fail(pooled: PooledWorker, error: Error): void {
    this.failure ??= error;
    for (const task of pooled.inFlight.values()) task.reject(error);
    pooled.inFlight.clear();
  }
}
