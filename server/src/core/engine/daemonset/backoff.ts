/**
 * The controller's failedPodsBackoff: client-go util/flowcontrol Backoff (no jitter, as NewBackOff builds
 * it), one entry per `<ds uid>/<observedGeneration>/<node>` (failedPodsBackoffKey). Plain data so it can live
 * in the simulation's controller memory and be forgotten when the controller manager restarts.
 */

export interface BackoffEntry {
  readonly backoffMs: number;
  readonly lastUpdate: number;
}

export class Backoff {
  private readonly entries: Map<string, BackoffEntry>;
  /** Set when an entry was added, changed or collected since construction. */
  dirty = false;

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
    entries?: ReadonlyMap<string, BackoffEntry>,
  ) {
    this.entries = new Map(entries ?? []);
  }

  clone(): Backoff {
    return new Backoff(this.initialMs, this.maxMs, this.entries);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Backoff.Get: the current delay of the entry, 0 when there is none. */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /**
   * Backoff.Next: a new (or expired) entry starts at the initial delay, an existing one doubles up to the
   * maximum; lastUpdate is the clock's now.
   */
  next(id: string, now: number): void {
    const entry = this.entries.get(id);
    const backoffMs = entry === undefined || this.hasExpired(now, entry.lastUpdate) ? this.initialMs : Math.min(entry.backoffMs * 2, this.maxMs);
    this.entries.set(id, { backoffMs, lastUpdate: now });
    this.dirty = true;
  }

  /** Backoff.IsInBackOffSinceUpdate: less than the current delay has passed since the entry's last update. */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined) return false;
    if (this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return eventTime - entry.lastUpdate < entry.backoffMs;
  }

  /** Backoff.GC (run every BackoffGCInterval = 1m upstream): entries not updated for 2 x max go. */
  gc(now: number): void {
    for (const [id, entry] of this.entries) {
      if (!this.hasExpired(now, entry.lastUpdate)) continue;
      this.entries.delete(id);
      this.dirty = true;
    }
  }

  /** hasExpired: an entry is forgotten once 2 x maxDuration passed since its last update. */
  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.maxMs * 2;
  }
}

/** failedPodsBackoffKey: fmt.Sprintf("%s/%d/%s", ds.UID, ds.Status.ObservedGeneration, nodeName). */
export function failedPodsBackoffKey(uid: string, observedGeneration: number, nodeName: string): string {
  return `${uid}/${observedGeneration}/${nodeName}`;
}
