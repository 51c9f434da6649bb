import type { Schedule, SpecSchedule } from '../schedule';
import { zoneFor } from '../timeZone';
import type { Zone } from '../zoneOffset';
import { addDate, goDate, truncate, wallOf, type Wall } from './goTime';

/**
 * When a schedule fires: robfig/cron v3.0.1 SpecSchedule.Next (spec.go) and ConstantDelaySchedule.Next
 * (constantdelay.go), step for step, on whole seconds in a Zone. Our own code, not cron-parser: see index.ts for the
 * differences that rule cron-parser out.
 *
 * SpecSchedule.Next(t), in the schedule's zone (its TZ= prefix, else the caller's zone, robfig's "Local"):
 *   - starts at the next whole second after t (strictly after t);
 *   - walks month, day, hour, minute, second; a field that does not match is incremented, the first increment
 *     resetting the smaller fields (time.Date), and wrapping past the field's end restarts from the month ("WRAP");
 *   - gives up (zero time, here null) once the year passes t's year + 5: `0 0 30 2 *` never fires, and
 *     `0 0 29 2 *` from 2096-03-01 finds nothing, because 2100 is not a leap year;
 *   - daylight saving time falls out of doing this on local wall time: hours advance by adding an absolute hour, so
 *     a local time skipped by spring forward never matches (`30 2 * * *` does not run that day) and an hour repeated
 *     by fall back is seen twice (`0 1 * * *` runs at 01:00 EDT and again at 01:00 EST); the day loop moves a
 *     midnight that DST shifted back to midnight (Sao Paulo's old 00:00 → 01:00 change).
 */

interface Masks {
  readonly second: Uint8Array;
  readonly minute: Uint8Array;
  readonly hour: Uint8Array;
  readonly dom: Uint8Array;
  readonly month: Uint8Array;
  readonly dow: Uint8Array;
  readonly domStar: boolean;
  readonly dowStar: boolean;
  /** A field with no value at all (possible: a field of only commas) can never match. */
  readonly empty: boolean;
}

const masksCache = new WeakMap<SpecSchedule, Masks>();

function masksOf(s: SpecSchedule): Masks {
  let masks = masksCache.get(s);
  if (masks === undefined) {
    const mask = (values: readonly number[]): Uint8Array => {
      const m = new Uint8Array(64);
      for (const v of values) m[v] = 1;
      return m;
    };
    const fields = [s.second, s.minute, s.hour, s.dayOfMonth, s.month, s.dayOfWeek];
    masks = {
      second: mask(s.second.values),
      minute: mask(s.minute.values),
      hour: mask(s.hour.values),
      dom: mask(s.dayOfMonth.values),
      month: mask(s.month.values),
      dow: mask(s.dayOfWeek.values),
      domStar: s.dayOfMonth.star,
      dowStar: s.dayOfWeek.star,
      empty: fields.some((f) => f.values.length === 0),
    };
    masksCache.set(s, masks);
  }
  return masks;
}

/** dayMatches: with a star in either day field both must match, otherwise either may. */
function dayMatches(m: Masks, w: Wall): boolean {
  const domMatch = m.dom[w.day] === 1;
  const dowMatch = m.dow[w.weekday] === 1;
  if (m.domStar || m.dowStar) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** SpecSchedule.Next on whole seconds: the first fire time strictly after `t`, or null for Go's zero time. */
export function specNext(s: SpecSchedule, t: number, zone: Zone): number | null {
  const m = masksOf(s);
  // With a field that has no values, every loop below can only end by wrapping, until the five years are up.
  if (m.empty) return null;
  t += 1; // the upcoming second (callers pass whole seconds; sub-second parts are dropped before)
  let added = false;
  const yearLimit = wallOf(t, zone).year + 5;

  wrap: for (;;) {
    let w = wallOf(t, zone);
    if (w.year > yearLimit) return null;

    while (m.month[w.month] !== 1) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, 1, 0, 0, 0, zone);
      }
      t = addDate(t, 0, 1, 0, zone);
      w = wallOf(t, zone);
      if (w.month === 1) continue wrap;
    }

    while (!dayMatches(m, w)) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, w.day, 0, 0, 0, zone);
      }
      t = addDate(t, 0, 0, 1, zone);
      w = wallOf(t, zone);
      // DST can move midnight: add an hour back if it is 23:00, take one off if it is 01:00.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * 3600 : -w.hour * 3600;
        w = wallOf(t, zone);
      }
      if (w.day === 1) continue wrap;
    }

    while (m.hour[w.hour] !== 1) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, w.day, w.hour, 0, 0, zone);
      }
      t += 3600;
      w = wallOf(t, zone);
      if (w.hour === 0) continue wrap;
    }

    while (m.minute[w.minute] !== 1) {
      if (!added) {
        added = true;
        t = truncate(t, 60);
      }
      t += 60;
      w = wallOf(t, zone);
      if (w.minute === 0) continue wrap;
    }

    while (m.second[w.second] !== 1) {
      if (!added) {
        added = true; // t.Truncate(time.Second): already whole seconds
      }
      t += 1;
      w = wallOf(t, zone);
      if (w.second === 0) continue wrap;
    }

    return t;
  }
}

/** ConstantDelaySchedule.Next: t + delay, minus t's sub-second part. Not aligned to the clock; never "zero". */
export function everyNext(delaySeconds: number, t: number): number {
  return t + delaySeconds;
}

export interface NextOptions {
  /** The reference instant, epoch milliseconds. Times strictly after it are returned. */
  readonly from: number;
  /**
   * The zone a schedule without a `TZ=` prefix is computed in (robfig's time.Local): for a CronJob, `spec.timeZone`
   * when set, else the kube-controller-manager's zone (usually UTC). An IANA name, exact case ("UTC", "US/Eastern").
   */
  readonly timeZone: string;
  /** How many times to return (default 1). */
  readonly count?: number;
}

function zoneOfSchedule(schedule: Schedule, timeZone: string): Zone {
  return zoneFor(schedule.kind === 'spec' && schedule.location !== null ? schedule.location : timeZone);
}

/**
 * The next fire time strictly after `from` (epoch ms), as the CronJob controller's `sched.Next(from)` computes it;
 * null when robfig returns the zero time (nothing within five years). Whole seconds: the result is a multiple of 1000.
 */
export function nextTime(schedule: Schedule, from: number, timeZone: string): number | null {
  return nextTimesInZone(schedule, from, zoneOfSchedule(schedule, timeZone), 1)[0] ?? null;
}

/**
 * The next `count` fire times after `from` (epoch ms, ascending), each found by Next from the previous one. Fewer
 * (possibly none) when the schedule stops firing: robfig's five-year search found nothing.
 * Throws RangeError for a zone Go would not load (see timeZone.ts).
 */
export function nextTimes(schedule: Schedule, options: NextOptions): number[] {
  return nextTimesInZone(schedule, options.from, zoneOfSchedule(schedule, options.timeZone), options.count ?? 1);
}

/** nextTimes with an explicit Zone (e.g. a fixed offset, as a Go time parsed with "+0530" carries). */
export function nextTimesInZone(schedule: Schedule, from: number, zone: Zone, count: number): number[] {
  const out: number[] = [];
  // Next(t) first drops t's sub-second part: floor to the second (also for instants before 1970).
  let t = Math.floor(from / 1000);
  for (let i = 0; i < count; i++) {
    const next = schedule.kind === 'every' ? everyNext(schedule.delaySeconds, t) : specNext(schedule, t, zone);
    if (next === null) break;
    out.push(next * 1000);
    t = next;
  }
  return out;
}
