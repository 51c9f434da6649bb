/**
 * Opening (or re-linting after a settings change) a file of many documents: the chunks not linted yet are
 * shared between this thread and one lint thread started with the server, so a 1,000-document file is linted
 * on two cores. The chunks go in batches: this thread takes them from the front, the lint thread from the back,
 * until they meet, so neither waits for the other however their speeds differ (a cold thread is slower).
 * Small files stay on this thread: posting the text costs more than it saves.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintChunk, type FileAnalysis, type LintOptions } from '../core';
import type { LintReply, LintRequest } from './lintWorker';

/** Below this many characters waiting to be linted, one thread does it all. */
const PARALLEL_FROM_CHARS = 200_000;
/** About this many characters per batch: small enough to balance, big enough that messages cost little. */
const BATCH_CHARS = 64_000;
/** Batches the lint thread holds at once: one it lints, one waiting, so it never idles for a message. */
const AHEAD = 2;

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

  /** Lints what `analysis` has not linted yet, partly on the lint thread; afterwards findings() has nothing left to do. */
  async lintPending(analysis: FileAnalysis, options: LintOptions): Promise<void> {
    const texts = analysis.pendingTexts();
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    if (!this.worker || !this.ready || chars < PARALLEL_FROM_CHARS) return;
    const batches = batchesOf(texts);
    let front = 0;
    let back = batches.length - 1;
    let failed = false;
    const away: Promise<void>[] = [];
    const sendNext = (): void => {
      if (failed || back < front) return;
      const batch = batches[back--];
      away.push(
        this.send(batch, options).then((reply) => {
          if (!reply.results) {
            failed = true;
            this.log(`k8s-dryrun: linting on the lint thread failed, linting here instead: ${reply.error ?? 'no reply'}`);
            return;
          }
          analysis.supply(batch, reply.results, options);
          sendNext();
        }),
      );
    };
    for (let i = 0; i < AHEAD; i++) sendNext();
    while (front <= back) {
      const batch = batches[front++];
      analysis.supply(batch, batch.map((text) => lintChunk(text, options)), options);
      // Let the lint thread's replies in, so it is sent its next batch before this one is done.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The batches still away when the two ends met: their results arrive (or findings() lints them here).
    while (away.length > 0) await away.shift();
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

function batchesOf(texts: readonly string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const text of texts) {
    batch.push(text);
    size += text.length;
    if (size >= BATCH_CHARS) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

