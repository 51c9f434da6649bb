/**
 * A zone's UTC offsets as a table of transitions, found once from a slow "offset at an instant" function (Intl's
 * formatToParts, several microseconds a call) and then answered by binary search.
 *
 * Time is cut into spans of 366 days counted from the epoch; the first question about an instant in a span samples
 * the zone at each whole day of the span and bisects every day whose two ends differ down to the second where the
 * offset changes. A change that comes back within one day (A → B → A between two samples) would be missed, so the
 * sampling step must stay below the shortest offset period in the time zone data: in Node 20's ICU (tzdata 2025c)
 * that is 6.96 days (Brazil's 2000 DST in Noronha and Recife, Gaza's future rules); tzdata with the backzone file
 * also has Africa/Freetown's 1939 -0:40 period of 3.99 days. Everything the slow function answers — local mean time
 * before 1900, the proleptic Gregorian era arithmetic, odd historic offsets in seconds — is carried over as it is,
 * because the table holds nothing but that function's answers.
 *
 * Sampling and bisecting may use a cheaper probe that changes exactly where the offset changes (Intl's
 * `timeZoneName: 'longOffset'`, a quarter of formatToParts' cost); the offsets stored are the slow function's.
 */

/** One change of offset: from `at` (seconds since the epoch) on, the offset is `after` instead of `before`. */
export interface Transition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** Offsets of one span: `offsets[i]` is in effect from `starts[i]` until the next start (or the span's end). */
interface Span {
  readonly starts: number[];
  readonly offsets: number[];
}

const DAY = 86400;
const SPAN_DAYS = 366;
const SPAN_SECONDS = SPAN_DAYS * DAY;
/** The instants a JavaScript Date can hold (±8.64e15 ms): Intl answers nothing outside them. */
const MIN_SECONDS = -8.64e12;
const MAX_SECONDS = 8.64e12;
/** Spans kept per zone: a schedule search reads a handful; a caller jumping across millennia must not grow memory. */
const MAX_SPANS = 1024;

export class OffsetTable {
  private readonly spans = new Map<number, Span>();
  private lastIndex = Number.NaN;
  private lastSpan: Span | undefined;

  /**
   * `offsetAt` answers the offset (seconds east of UTC) at a whole second; `changeKey`, when given, answers something
   * that is equal at two instants exactly when their offsets are. Both are only called inside Date's range.
   */
  constructor(
    private readonly offsetAt: (epochSeconds: number) => number,
    private readonly changeKey: (epochSeconds: number) => unknown = offsetAt,
  ) {}

  /** The offset `offsetAt` would answer at the instant. */
  offsetSeconds(epochSeconds: number): number {
    // Fractions of a second and instants outside Date's range go to the slow function itself, so that its answer
    // (a fractional offset, a RangeError) stays the same.
    if (!Number.isInteger(epochSeconds) || epochSeconds < MIN_SECONDS || epochSeconds > MAX_SECONDS) return this.offsetAt(epochSeconds);
    const index = Math.floor(epochSeconds / SPAN_SECONDS);
    const span = index === this.lastIndex ? this.lastSpan! : this.span(index);
    const { starts, offsets } = span;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= epochSeconds) lo = mid;
      else hi = mid - 1;
    }
    return offsets[lo]!;
  }

  /** Every change of offset at an instant in [from, to), in order (building every span of the range). */
  transitions(from: number, to: number): Transition[] {
    const found: Transition[] = [];
    const first = Math.max(from, MIN_SECONDS);
    const last = Math.min(to, MAX_SECONDS + 1);
    for (let index = Math.floor(first / SPAN_SECONDS); index * SPAN_SECONDS < last; index++) {
      const { starts, offsets } = this.span(index);
      for (let i = 1; i < starts.length; i++) {
        if (starts[i]! >= first && starts[i]! < last) found.push({ at: starts[i]!, before: offsets[i - 1]!, after: offsets[i]! });
      }
    }
    // A change exactly where a span starts is listed by neither span: compare the seam's two seconds.
    for (let index = Math.ceil(first / SPAN_SECONDS); index * SPAN_SECONDS < last; index++) {
      const at = index * SPAN_SECONDS;
      if (at - 1 < MIN_SECONDS) continue;
      const before = this.offsetSeconds(at - 1);
      const after = this.offsetSeconds(at);
      if (before !== after) found.push({ at, before, after });
    }
    return found.sort((a, b) => a.at - b.at);
  }

  private span(index: number): Span {
    let span = this.spans.get(index);
    if (span === undefined) {
      span = this.build(index);
      if (this.spans.size >= MAX_SPANS) this.spans.clear();
      this.spans.set(index, span);
    }
    this.lastIndex = index;
    this.lastSpan = span;
    return span;
  }

  private build(index: number): Span {
    const start = Math.max(index * SPAN_SECONDS, MIN_SECONDS);
    const end = Math.min((index + 1) * SPAN_SECONDS, MAX_SECONDS + 1); // exclusive
    const starts = [start];
    const offsets = [this.offsetAt(start)];
    let previous = start;
    let previousKey = this.changeKey(start);
    for (let day = 1; day <= SPAN_DAYS; day++) {
      const sample = Math.min(index * SPAN_SECONDS + day * DAY, end - 1);
      if (sample <= previous) continue; // the span Date's range begins in
      const key = this.changeKey(sample);
      if (key !== previousKey) this.findChanges(previous, previousKey, sample, key, starts, offsets);
      previous = sample;
      previousKey = key;
    }
    return { starts, offsets };
  }

  /**
   * The changes between `lo` and `hi`, whose keys differ, appended in order. Bisection finds a second whose key is not
   * `lo`'s while the second before it is; if that key is not yet `hi`'s, another change follows before `hi`.
   */
  private findChanges(lo: number, loKey: unknown, hi: number, hiKey: unknown, starts: number[], offsets: number[]): void {
    for (;;) {
      let a = lo; // key loKey
      let b = hi; // a key other than loKey
      let bKey = hiKey;
      while (b - a > 1) {
        const mid = a + Math.floor((b - a) / 2);
        const key = this.changeKey(mid);
        if (key === loKey) a = mid;
        else {
          b = mid;
          bKey = key;
        }
      }
      const offset = this.offsetAt(b);
      if (offset !== offsets[offsets.length - 1]) {
        starts.push(b);
        offsets.push(offset);
      }
      if (bKey === hiKey) return;
      lo = b;
      loKey = bKey;
    }
  }
}
