/**
 * The CronJob controller's schedule arithmetic, carried over from pkg/controller/cronjob/utils.go
 * (mostRecentScheduleTime, nextScheduleTimeDuration, nextScheduleTime, getTimeHashInMinutes,
 * byJobStartTime) and cronjob_controllerv2.go (formatSchedule, getJobName), on wall-clock epoch
 * milliseconds. `Next` is robfig/cron v3's, from the cron module (in the schedule's zone).
 */
import { parseSchedule } from '../../cron/parse';
import type { Schedule } from '../../cron/schedule';
import { everyNext, specNext } from '../../cron/spec/next';
import { loadLocation, zoneFor } from '../../cron/timeZone';
import type { Zone } from '../../cron/zoneOffset';
import type { CronJobSpecView, CronJobView, MissedSchedules } from './types';

/** nextScheduleDelta: requeues land 100ms after the schedule time, against clock skew (cronjob_controllerv2.go). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** mostRecentScheduleTime: more than this many missed times is "many" (the TooManyMissedTimes warning). */
export const MANY_MISSED = 100;

/** Go's zero time.Time (0001-01-01T00:00:00Z), which robfig's Next returns when nothing fires within five years. */
export const GO_ZERO_TIME = -62135596800000;

/** A parsed schedule with robfig's Next in its zone. */
export interface CronSchedule {
  /** The text that was parsed (formatSchedule's output). */
  readonly text: string;
  /**
   * sched.Next(t): the first fire time strictly after t (epoch ms, whole seconds), or GO_ZERO_TIME when none
   * comes within five years.
   */
  next(t: number): number;
}

const compiled = new Map<string, { ok: true; schedule: CronSchedule } | { ok: false; error: string }>();

/**
 * cron.ParseStandard(text), computing in `localTimeZone` unless the text carries a `TZ=` prefix (robfig's
 * time.Local is the controller manager's zone). Results are kept: the controller parses on every sync.
 */
export function compileSchedule(text: string, localTimeZone: string): { ok: true; schedule: CronSchedule } | { ok: false; error: string } {
  const key = `${localTimeZone}\u0000${text}`;
  let result = compiled.get(key);
  if (result === undefined) {
    result = compile(text, localTimeZone);
    if (compiled.size >= 256) compiled.clear();
    compiled.set(key, result);
  }
  return result;
}

function compile(text: string, localTimeZone: string): { ok: true; schedule: CronSchedule } | { ok: false; error: string } {
  const parsed = parseSchedule(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const schedule = parsed.schedule;
  let zone: Zone;
  try {
    zone = zoneFor(schedule.kind === 'spec' && schedule.location !== null ? schedule.location : localTimeZone);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, schedule: new MemoSchedule(text, schedule, zone) };
}

/**
 * A sync asks Next of the same few instants again and again (the last schedule time, t1, t2, the most
 * recent time); a small memo of the latest answers makes a year of per-minute syncs cheap.
 */
/** How many recent Next answers a schedule keeps (a sync reads a handful of instants). */
const MEMO_SIZE = 8;

class MemoSchedule implements CronSchedule {
  private readonly keys = new Float64Array(MEMO_SIZE).fill(NaN);
  private readonly values = new Float64Array(MEMO_SIZE);
  private slot = 0;
  /** The standard dialect fires at second 0 only. */
  private readonly secondZero: boolean;

  constructor(
    readonly text: string,
    private readonly schedule: Schedule,
    private readonly zone: Zone,
  ) {
    this.secondZero = schedule.kind === 'spec' && schedule.second.values.length === 1 && schedule.second.values[0] === 0;
  }

  next(t: number): number {
    const keys = this.keys;
    for (let i = 0; i < MEMO_SIZE; i++) if (keys[i] === t) return this.values[i];
    // Next drops t's sub-second part, then looks strictly after it.
    let seconds = Math.floor(t / 1000);
    if (this.secondZero) seconds = this.lastSecondOfMinute(seconds);
    const next = this.schedule.kind === 'every' ? everyNext(this.schedule.delaySeconds, seconds) : specNext(this.schedule, seconds, this.zone);
    const result = next === null ? GO_ZERO_TIME : next * 1000;
    keys[this.slot] = t;
    this.values[this.slot] = result;
    this.slot = (this.slot + 1) % MEMO_SIZE;
    return result;
  }

  /**
   * A schedule that fires at second 0 only has no fire time between t and the last second of t's local
   * minute, so Next may start from there: robfig's loop would otherwise step through those seconds one by
   * one. Only where the offset is whole minutes and the same at both ends (checked against robfig's own
   * loop over DST changes, month ends and odd historical offsets such as Monrovia's -0:44:30).
   */
  private lastSecondOfMinute(seconds: number): number {
    const offset = this.zone.offsetSeconds(seconds);
    if (offset % 60 !== 0) return seconds;
    const second = (((seconds + offset) % 60) + 60) % 60;
    const last = seconds + 59 - second;
    return second !== 59 && this.zone.offsetSeconds(last) === offset ? last : seconds;
  }
}

/**
 * cronjob_controllerv2.go formatSchedule: a schedule that mentions TZ is used as written (and warned
 * about: UnsupportedSchedule); otherwise a loadable spec.timeZone becomes a `TZ=<zone> ` prefix; an
 * unloadable one is left out (syncCronJob stops earlier with UnknownTimeZone).
 */
export function formatSchedule(spec: CronJobSpecView): { readonly text: string; readonly usesTz: boolean } {
  if (spec.schedule.includes('TZ')) return { text: spec.schedule, usesTz: true };
  if (spec.timeZone !== null) {
    if (!loadLocation(spec.timeZone).ok) return { text: spec.schedule, usesTz: false };
    return { text: `TZ=${spec.timeZone} ${spec.schedule}`, usesTz: false };
  }
  return { text: spec.schedule, usesTz: false };
}

export interface MostRecent {
  /** lastScheduleTime, or creationTimestamp, moved up to now - startingDeadlineSeconds when asked. */
  readonly earliest: number;
  /** The most recent schedule time not after now, or null. */
  readonly mostRecent: number | null;
  readonly missed: MissedSchedules;
  /** The approximate number of schedule times since earliest (older releases print it in TooManyMissedTimes). */
  readonly count: number;
  readonly error: string | null;
}

/**
 * utils.go mostRecentScheduleTime. t1 = Next(earliest), t2 = Next(t1): before t1 nothing is due; before t2
 * t1 is (and nothing was missed). Otherwise the number of schedule times is estimated from the first
 * interval, the search restarts one interval before the estimate, and Next is walked up to now. Irregular
 * schedules can make the estimate overshoot, and then no time is found although some were missed (an
 * upstream-asserted quirk: TestMostRecentScheduleTime "another complex schedule").
 */
export function mostRecentScheduleTime(cj: CronJobView, now: number, schedule: CronSchedule, includeStartingDeadlineSeconds: boolean): MostRecent {
  let earliest = cj.creationTimestamp;
  if (cj.status.lastScheduleTime !== null) earliest = cj.status.lastScheduleTime;
  const sds = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && sds !== null) {
    // The controller is not going to schedule anything below this point.
    const schedulingDeadline = now - sds * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const t1 = schedule.next(earliest);
  const t2 = schedule.next(t1);
  if (now < t1) return { earliest, mostRecent: null, missed: 'none', count: 0, error: null };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none', count: 0, error: null };

  // "59 23 31 2 *" parses but never fires: both are the zero time.
  const between = goRoundSeconds(t2 - t1);
  if (between < 1) return { earliest, mostRecent: null, missed: 'none', count: 0, error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1) / 1000);
  const count = Math.trunc(elapsed / between) + 1;

  let mostRecent: number | null = null;
  const potentialEarliest = t1 + (count - 2) * between * 1000;
  // Bounded: the walk covers about two intervals (Go would loop on a schedule that stops firing).
  for (let t = schedule.next(potentialEarliest), steps = 0; t <= now && t !== GO_ZERO_TIME && steps < 100_000; t = schedule.next(t), steps++) {
    mostRecent = t;
  }
  const missed: MissedSchedules = count > MANY_MISSED ? 'many' : count > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed, count, error: null };
}

/**
 * utils.go nextScheduleTimeDuration: when to sync again, the next schedule time after the most recent one
 * (or after earliest when nothing was missed, or after now when times were missed but none found, or on an
 * error) plus nextScheduleDelta. Null when Next finds nothing within five years: upstream would requeue at
 * once, forever; the simulation stops requeueing instead.
 */
export function nextScheduleTimeDuration(cj: CronJobView, now: number, schedule: CronSchedule, known?: MostRecent): number | null {
  // `known`: mostRecentScheduleTime of this CronJob at now already worked out without a deadline (the same answer).
  const r = known ?? mostRecentScheduleTime(cj, now, schedule, false);
  let from: number;
  if (r.error !== null) from = now;
  else if (r.mostRecent === null) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const next = schedule.next(from);
  if (next === GO_ZERO_TIME) return null;
  return next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** utils.go nextScheduleTime: the time to start a Job for now (startingDeadlineSeconds applied), or null. */
export function nextScheduleTime(cj: CronJobView, now: number, schedule: CronSchedule): { readonly scheduledTime: number | null; readonly error: string | null; readonly result: MostRecent } {
  const result = mostRecentScheduleTime(cj, now, schedule, true);
  if (result.mostRecent === null || result.mostRecent > now) return { scheduledTime: null, error: result.error, result };
  return { scheduledTime: result.mostRecent, error: result.error, result };
}

/** utils.go getTimeHashInMinutes: Unix seconds / 60 (Go's integer division). */
export function getTimeHashInMinutes(scheduledTime: number): number {
  return Math.trunc(Math.floor(scheduledTime / 1000) / 60);
}

/** cronjob_controllerv2.go getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function getJobName(cronJobName: string, scheduledTime: number): string {
  // One flat string (a concatenation would be kept as its parts): the Timeline keeps every Job's name.
  return [cronJobName, '-', String(getTimeHashInMinutes(scheduledTime))].join('');
}

/** utils.go byJobStartTime: by status.startTime, Jobs without one last, the name breaking ties. */
export function byJobStartTime(a: { readonly name: string; readonly startTime: number | null }, b: { readonly name: string; readonly startTime: number | null }): number {
  if (a.startTime === null && b.startTime !== null) return 1;
  if (a.startTime !== null && b.startTime === null) return -1;
  if (a.startTime === b.startTime) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return (a.startTime as number) - (b.startTime as number);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** t.UTC().Format(time.RFC1123Z): "Mon, 02 Jan 2006 15:04:05 +0000" (the MissSchedule event). */
export function formatRfc1123zUtc(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${year} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Duration.Round(time.Second) in whole seconds: halves away from zero. */
function goRoundSeconds(ms: number): number {
  return ms < 0 ? -Math.round(-ms / 1000) : Math.floor(ms / 1000 + 0.5);
}
