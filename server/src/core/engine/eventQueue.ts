/**
 * The simulation's agenda: a binary min-heap ordered by (time, priority, sequence), as SimPy's
 * `Environment.schedule` orders its heap. Equal times run in priority order, and equal priorities in
 * the order they were scheduled (FIFO), so a run is reproducible to the event.
 */

export interface QueueEntry<T> {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly item: T;
}

export class EventQueue<T> {
  private readonly heap: QueueEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `item` at `time`; a lower `priority` runs first among equal times. */
  push(time: number, priority: number, item: T): QueueEntry<T> {
    const entry: QueueEntry<T> = { time, priority, seq: this.nextSeq++, item };
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, heap[parent])) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = entry;
    return entry;
  }

  peek(): QueueEntry<T> | undefined {
    return this.heap[0];
  }

  /** The time of the next entry; Infinity when the queue is empty (SimPy's `peek`). */
  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0].time : Infinity;
  }

  pop(): QueueEntry<T> | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as QueueEntry<T>;
    if (heap.length > 0) {
      let index = 0;
      const length = heap.length;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        const child = right < length && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[index] = heap[child];
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}

function before<T>(a: QueueEntry<T>, b: QueueEntry<T>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}
