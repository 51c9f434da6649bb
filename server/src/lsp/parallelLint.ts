/**
 * Opening (or re-linting after a settings change) a file of many documents: the chunks not linted yet are
 * shared between this thread and one lint thread started with the server, so a 1,000-document file is linted
 * on two cores. Small files stay on this thread: posting the text costs more than it saves.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintChunk, type FileAnalysis, type LintOptions } from '../core';
import type { LintReply, LintRequest } from './lintWorker';

/** Below this many characters waiting to be linted, one thread does it all. */
const PARALLEL_FROM_CHARS = 200_000;

export class ParallelLint {
  private worker?: Worker;
  /** Until the thread has loaded, sharing work with it would make the server wait for its start-up. */
  private ready = false;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: LintReply) => void>();

  constructor(private readonly log: (message: string) => void) {}

  /** Starts the lint thread ahead of the first big file, so its start-up is not in anybody's wait. */
  start(): void {
    if (this.worker) return;
    const worker = new Worker(join(__dirname, 'lintWorker.js'));
    worker.unref();
    worker.on('message', (reply: LintReply) => {
      if (reply.ready) this.ready = true;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    worker.on('error', (error) => this.stop(`the lint thread failed: ${error.message}`));
    worker.on('exit', () => this.stop('the lint thread stopped'));
    this.worker = worker;
  }

  /** Lints what `analysis` has not linted yet, half on the lint thread; afterwards findings() has nothing left to do. */
  async lintPending(analysis: FileAnalysis, options: LintOptions): Promise<void> {
    const texts = analysis.pendingTexts();
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    if (!this.worker || !this.ready || chars < PARALLEL_FROM_CHARS) return;
    // The thread takes the second half; this one lints the first meanwhile.
    let split = 0;
    for (let sum = 0; split < texts.length && sum < chars / 2; split++) sum += texts[split].length;
    const away = this.send(texts.slice(split), options);
    const here = texts.slice(0, split).map((text) => lintChunk(text, options));
    analysis.supply(texts.slice(0, split), here, options);
    const reply = await away;
    if (reply.results) analysis.supply(texts.slice(split), reply.results, options);
    else this.log(`k8s-dryrun: linting on the lint thread failed, linting here instead: ${reply.error ?? 'no reply'}`);
  }

  private send(texts: readonly string[], options: LintOptions): Promise<LintReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker?.postMessage({ id, texts, options } satisfies LintRequest);
    });
  }

  /** Without the thread everything is linted here; whoever waits gets an answer at once. */
  private stop(reason: string): void {
    if (!this.worker) return;
    this.log(`k8s-dryrun: ${reason}; files are linted on one thread from now on`);
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve({ id: -1, error: reason });
    this.waiting.clear();
  }
}
