import { isKnownTimeZone, nextTimes, parseSchedule } from '../cron';
import { formatDuration } from '../durations';
import { cronJobAdvice } from './messages/cronJobAdvice';
import type { Rule } from './rule';

/** A fixed instant to sample the schedule from: rules never read the clock, and the gaps of a cron schedule repeat. */
const SAMPLE_FROM = Date.UTC(2025, 0, 1);
const SAMPLE_RUNS = 200;

/** Shortest gaps already sampled, by zone and schedule: a rendered chart repeats a few schedules many times. */
const gaps = new Map<string, number | undefined>();
const MAX_REMEMBERED = 512;

/** The shortest time between two runs, in seconds, among the first SAMPLE_RUNS; undefined for an invalid schedule. */
function shortestGap(schedule: string, zone: string): number | undefined {
  const key = `${zone} ${schedule}`;
  if (gaps.has(key)) return gaps.get(key);
  const parsed = parseSchedule(schedule);
  let gap: number | undefined;
  if (parsed.ok) {
    const runs = nextTimes(parsed.schedule, { from: SAMPLE_FROM, timeZone: zone, count: SAMPLE_RUNS });
    gap = Infinity;
    for (let i = 1; i < runs.length; i++) gap = Math.min(gap, (runs[i] - runs[i - 1]) / 1000);
  }
  if (gaps.size >= MAX_REMEMBERED) gaps.clear();
  gaps.set(key, gap);
  return gap;
}

/**
 * With concurrencyPolicy Allow, the controller starts a new Job at every schedule time whether or not the last
 * one finished (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob). When Jobs may run longer
 * (activeDeadlineSeconds) than the shortest gap between schedule times, runs pile up.
 */
export const cronJobOverlappingRuns: Rule = {
  meta: {
    id: 'cronjob-overlapping-runs',
    severity: 'warning',
    kinds: ['CronJob'],
    description: "The schedule fires more often than the Job's activeDeadlineSeconds lets one run last, and concurrencyPolicy Allow lets the runs overlap.",
  },
  check({ object, written, locale }) {
    if (object.kind !== 'CronJob' || object.spec?.concurrencyPolicy !== 'Allow') return [];
    const deadline = object.spec.jobTemplate?.spec?.activeDeadlineSeconds;
    const schedule = object.spec.schedule;
    if (deadline === undefined || !schedule) return [];
    const zone = object.spec.timeZone && isKnownTimeZone(object.spec.timeZone) ? object.spec.timeZone : 'UTC';
    const gap = shortestGap(schedule, zone);
    if (gap === undefined || !(gap < deadline)) return [];
    const overlap = Math.ceil(deadline / gap);
    const policyWritten = written.kind === 'CronJob' && written.spec?.concurrencyPolicy !== undefined;
    return [
      {
        path: ['spec', policyWritten ? 'concurrencyPolicy' : 'schedule'],
        message: cronJobAdvice.t(locale, 'overlappingRuns', { gap: formatDuration(gap), deadline: formatDuration(deadline), seconds: deadline, overlap }),
      },
    ];
  },
};
