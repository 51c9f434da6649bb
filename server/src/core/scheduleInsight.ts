/**
 * What a CronJob's schedule means in practice: a description, the next runs in the CronJob's time zone and
 * in UTC, and notes about runs a daylight-saving change skips or doubles. Time comes in as `now`.
 */
import { describeSchedule, isKnownTimeZone, nextTimes, parseSchedule, type Schedule } from './cron';
import { zoneFor } from './cron/timeZone';
import { hoverText } from './i18n/hover';
import { resolveLocale, type Locale } from './i18n/locale';
import { RFC3339_END_MS } from './engine/time';

export interface ScheduleRun {
  /** Epoch milliseconds. */
  readonly at: number;
  /** `2026-03-08 03:30 (-04:00)` in the schedule's zone. */
  readonly local: string;
  /** `2026-03-08T07:30:00Z`. */
  readonly utc: string;
}

export interface ScheduleInsight {
  readonly description: string;
  /** The zone the times are computed in: spec.timeZone, a TZ= prefix, or the controller's zone. */
  readonly timeZone: string;
  readonly next: readonly ScheduleRun[];
  readonly neverRuns: boolean;
  /** Daylight-saving notes for the runs shown, in the options' locale. */
  readonly notes: readonly string[];
}

export interface InsightOptions {
  readonly timeZone?: string;
  /** The kube-controller-manager's zone, used when the CronJob has no timeZone (a setting; UTC by default). */
  readonly controllerTimeZone: string;
  readonly now: number;
  readonly count: number;
  /** The language of the description and notes: an editor's or shell's tag (`zh-cn`, `zh_CN.UTF-8`); English when absent. */
  readonly locale?: string;
}

/** Undefined when the schedule or zone is invalid: the diagnostics say why. */
export function scheduleInsight(text: string, options: InsightOptions): ScheduleInsight | undefined {
  const parsed = parseSchedule(text);
  if (!parsed.ok) return undefined;
  const schedule = parsed.schedule;
  const zone = zoneOf(schedule, options);
  if (!zone) return undefined;
  const times = nextTimes(schedule, { from: options.now, timeZone: zone, count: options.count });
  // Neither RFC 3339 nor Kubernetes can write a time in year 10000 (in UTC, or here in the zone's wall clock).
  const writable = times.filter((at) => at < RFC3339_END_MS && wallClock(at, zone) < RFC3339_END_MS);
  const next = writable.map((at) => ({ at, local: localTime(at, zone), utc: `${new Date(at).toISOString().slice(0, 19)}Z` }));
  const locale = resolveLocale(options.locale);
  const notes = schedule.kind === 'spec' && next.length > 0 ? daylightSavingNotes(schedule, zone, options.now, next, locale) : [];
  if (writable.length < times.length) notes.push(hoverText.t(locale, 'afterYear9999'));
  return {
    description: describeSchedule(schedule, options.locale),
    timeZone: zone,
    next,
    neverRuns: times.length === 0,
    notes,
  };
}

function zoneOf(schedule: Schedule, options: InsightOptions): string | undefined {
  const zone = (schedule.kind === 'spec' ? schedule.location : null) ?? options.timeZone ?? options.controllerTimeZone;
  return isKnownTimeZone(zone) ? zone : undefined;
}

/** The wall-clock time in `zone` as epoch ms read as UTC, so wall times compare as numbers. */
function wallClock(at: number, zone: string): number {
  return at + zoneFor(zone).offsetSeconds(Math.floor(at / 1000)) * 1000;
}

function localTime(at: number, zone: string): string {
  const wall = wallClock(at, zone);
  const offsetMinutes = Math.round((wall - at) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(wall).toISOString().slice(0, 16).replace('T', ' ')} (${offset})`;
}

/**
 * Compares the runs with the wall-clock times the schedule names (the same schedule computed on a clock
 * without daylight saving): a named time missing from the runs fell into a spring-forward gap; a wall time
 * that appears twice among the runs is a fall-back hour run twice (robfig/cron spec.go Next works in local time).
 */
function daylightSavingNotes(schedule: Schedule, zone: string, now: number, runs: readonly ScheduleRun[], locale: Locale): string[] {
  const walls = runs.map((run) => wallClock(run.at, zone));
  const last = walls[walls.length - 1];
  const named = nextTimes(schedule, { from: wallClock(now, zone), timeZone: 'UTC', count: runs.length * 2 + 2 }).filter((t) => t <= last);
  const notes: string[] = [];
  const seen = new Set<number>();
  for (const wall of walls) {
    if (seen.has(wall)) notes.push(hoverText.t(locale, 'runsTwice', { time: formatWall(wall) }));
    seen.add(wall);
  }
  for (const wall of named) {
    if (!seen.has(wall)) notes.push(hoverText.t(locale, 'noRunInGap', { time: formatWall(wall), zone }));
  }
  return notes;
}

function formatWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 16).replace('T', ' ');
}
