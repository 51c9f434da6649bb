import { civilFromDays, daysFromCivil, mod } from '../civil';
import type { Zone } from '../zoneOffset';

/**
 * The parts of Go's time package that robfig's SpecSchedule.Next relies on, on whole seconds since the epoch in a Zone:
 * the wall-clock fields of an instant, time.Date (and so AddDate) with Go's handling of local times that do not exist
 * or exist twice, and Truncate.
 */

export interface Wall {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number; // 0 = Sunday
}

/** t.Year(), t.Month(), … : the instant plus the offset in effect at it. */
export function wallOf(t: number, zone: Zone): Wall {
  const local = t + zone.offsetSeconds(t);
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday: mod(days + 4, 7), // 1970-01-01 was a Thursday
  };
}

/**
 * time.Date(year, month, day, hour, min, sec, 0, loc). Out-of-range values carry over (month into year, the rest
 * linearly into days). The local time is then resolved as Go does it:
 *
 *     unix := <local time read as UTC>
 *     offset := lookup(unix)                      // the offset in effect at that instant
 *     if offset != 0 { utc := unix - offset; if utc is outside lookup's zone period { offset = lookup(utc) }; unix -= offset }
 *
 * Since lookup(utc) equals the first offset whenever utc is inside that period, this is unix - offset(unix - offset(unix)).
 * For a local time that does not exist (spring forward, 02:30 in New York) that gives the instant an hour earlier or
 * later depending on the zone (New York: 01:30 EST); for one that exists twice (fall back, 01:30 in New York) it gives
 * the first one in zones west of Greenwich (01:30 EDT) and the second in zones east of it (02:30 CET in Berlin).
 */
export function goDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: Zone): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = mod(m0, 12) + 1;
  const unix = (daysFromCivil(y, m, 1) + day - 1) * 86400 + hour * 3600 + minute * 60 + second;
  const offset = zone.offsetSeconds(unix);
  if (offset === 0) return unix;
  return unix - zone.offsetSeconds(unix - offset);
}

/** t.AddDate(years, months, days): time.Date on t's wall clock fields plus the increments. */
export function addDate(t: number, years: number, months: number, days: number, zone: Zone): number {
  const w = wallOf(t, zone);
  return goDate(w.year + years, w.month + months, w.day + days, w.hour, w.minute, w.second, zone);
}

/** t.Truncate(d) for d in whole seconds: rounds down on absolute time (the zero time is a whole minute too). */
export function truncate(t: number, seconds: number): number {
  return t - mod(t, seconds);
}
