import { parseSchedule } from './parse';

/**
 * The API server's checks of `spec.schedule` (pkg/apis/batch/validation validateScheduleFormat): the parser's error,
 * then the TZ rule. The TZ rule is a plain substring test: any schedule containing "TZ" (not only a `TZ=` prefix).
 */

export const TZ_IN_SCHEDULE = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
export const TZ_AND_TIME_ZONE = 'cannot use both timeZone field and TZ or CRON_TZ in schedule';

export interface ScheduleTZOptions {
  /** Update only: the old schedule contained "TZ" (legacy objects may keep it). Create: false. */
  readonly allowTZInSchedule?: boolean;
  /** Whether spec.timeZone is set (non-nil, even empty). */
  readonly timeZoneSet?: boolean;
}

/** The TZ rule alone: the API server's message, or null. */
export function scheduleTZError(schedule: string, options: ScheduleTZOptions = {}): string | null {
  const hasTZ = schedule.includes('TZ');
  if (options.allowTZInSchedule && hasTZ && options.timeZoneSet) return TZ_AND_TIME_ZONE;
  if (!options.allowTZInSchedule && hasTZ) return TZ_IN_SCHEDULE;
  return null;
}

/**
 * validateScheduleFormat for a non-empty schedule (an empty one is "Required value" before this runs): each message
 * the API server reports after `spec.schedule: Invalid value: "<schedule>": `, in its order.
 *
 * One input is not a message upstream: a `TZ=`/`CRON_TZ=` prefix with no space (`TZ=UTC`) panics in robfig v3.0.1,
 * and the API server answers with an internal error instead of a validation error. Such a schedule always contains
 * "TZ", so on create the TZ message alone is reported here; parseSchedule() marks the case with `panics`.
 */
export function validateScheduleFormat(schedule: string, options: ScheduleTZOptions = {}): string[] {
  const errors: string[] = [];
  const parsed = parseSchedule(schedule);
  if (!parsed.ok && !parsed.panics) errors.push(parsed.error);
  const tz = scheduleTZError(schedule, options);
  if (tz !== null) errors.push(tz);
  return errors;
}
