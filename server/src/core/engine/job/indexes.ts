/**
 * Completion indexes as ordered, non-overlapping intervals, and the Indexed-Job helpers built on them.
 * indexed_job_utils.go: orderedIntervals (withOrderedIndexes, merge, total, String, has),
 * parseIndexesFromString, firstPendingIndexes.
 */

export interface Interval {
  readonly first: number;
  readonly last: number;
}

export type OrderedIntervals = readonly Interval[];

/** withOrderedIndexes: the intervals plus `indexes` (given in increasing order). */
export function withOrderedIndexes(intervals: OrderedIntervals, indexes: readonly number[]): OrderedIntervals {
  return merge(intervals, indexes.map((index) => ({ first: index, last: index })));
}

/** merge: the union of two ordered lists, adjacent intervals joined. */
export function merge(a: OrderedIntervals, b: OrderedIntervals): OrderedIntervals {
  const result: { first: number; last: number }[] = [];
  const add = (interval: Interval): void => {
    const last = result[result.length - 1];
    if (last === undefined || interval.first > last.last + 1) result.push({ first: interval.first, last: interval.last });
    else if (last.last < interval.last) last.last = interval.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].first < b[j].first) add(a[i++]);
    else add(b[j++]);
  }
  while (i < a.length) add(a[i++]);
  while (j < b.length) add(b[j++]);
  return result;
}

export function total(intervals: OrderedIntervals | null): number {
  let count = 0;
  for (const interval of intervals ?? []) count += interval.last - interval.first + 1;
  return count;
}

/** String(): "1,3-5,7,8": intervals of three or more with a dash, of two as a pair. */
export function formatIntervals(intervals: OrderedIntervals): string {
  return intervals
    .map(({ first, last }) => (last === first ? `${first}` : last === first + 1 ? `${first},${last}` : `${first}-${last}`))
    .join(',');
}

/** has: binary search for the interval that could hold `index`. */
export function hasIndex(intervals: OrderedIntervals | null, index: number): boolean {
  if (intervals === null) return false;
  let lo = 0;
  let hi = intervals.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (intervals[mid].last >= index) hi = mid;
    else lo = mid + 1;
  }
  return hi < intervals.length && intervals[hi].first <= index;
}

/**
 * parseIndexesFromString: corrupt intervals are skipped, parsing stops at the first interval at or
 * beyond `completions`, and an interval's end is cut to completions - 1.
 */
export function parseIndexes(text: string, completions: number): OrderedIntervals {
  if (text === '') return [];
  const result: { first: number; last: number }[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const end = atoi(limits[1]);
      if (end === undefined) continue;
      last = Math.min(end, completions - 1);
    }
    const previous = result[result.length - 1];
    if (previous !== undefined && previous.last === first - 1) previous.last = last;
    else result.push({ first, last });
  }
  return result;
}

/** strconv.Atoi: an optional sign and decimal digits, nothing else. */
function atoi(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * firstPendingIndexes: the lowest `count` indexes below `completions` that are not active, succeeded,
 * failed (or terminating, when only failed pods are replaced). Bounded by the number of intervals and `count`.
 */
export function firstPendingIndexes(nonPending: OrderedIntervals, count: number, completions: number): number[] {
  const result: number[] = [];
  if (count === 0) return result;
  let candidate = 0;
  for (const interval of nonPending) {
    for (; candidate < completions && result.length < count && candidate < interval.first; candidate++) result.push(candidate);
    if (candidate < interval.last + 1) candidate = interval.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}

/** The sorted distinct indexes in a set, as sets.List does. */
export function sortedIndexes(indexes: Iterable<number>): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}
