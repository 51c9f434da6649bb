/**
 * The cron dialect Kubernetes uses for CronJob `spec.schedule`: robfig/cron v3.0.1 `ParseStandard` and
 * `SpecSchedule.Next`, plus the API server's checks (pkg/apis/batch/validation) of the schedule and `spec.timeZone`.
 * Pure: no node modules, no wall clock (times are passed in), Intl for time zone data.
 *
 * Why the schedule arithmetic is ours and not cron-parser's (cron-parser 5.x, checked against its behaviour;
 * test/unit/cron/cronParserDifferences.test.ts asserts each item on both sides):
 *   1. Day of month / day of week: both AND the two fields when one is a plain `*` and OR them when both are
 *      restricted, but robfig decides by its star bit, which a star with step 1 (star-slash-1) and a list such as
 *      `*,5` keep. Day of month 1 with day of week star-slash-1 is the 1st only for robfig, and every day for
 *      cron-parser, which counts the stepped star as a restriction (and rejects `*,5`).
 *   2. `a/n` over the day of week: robfig reads `1/2` as 1-6/2 (Mon, Wed, Fri); cron-parser's range runs to 7, so it
 *      adds Sunday.
 *   3. Sunday as 7 (`0 0 * * 7`, `5-7`): cron-parser accepts it; robfig rejects "end of range (7) above maximum (6)".
 *   4. Seconds: cron-parser takes an optional sixth (seconds) field; ParseStandard wants exactly five fields.
 *   5. `L`, `#` (and `H`, hashed with a seed or Math.random): accepted by cron-parser, rejected by robfig. `W` is
 *      rejected by both, with different messages.
 *   6. Descriptors: cron-parser has no `@every` and knows `@minutely`, `@secondly`, `@weekdays`, `@weekends`;
 *      robfig has `@every <duration>` and rejects those four as "unrecognized descriptor".
 *   7. What robfig accepts and cron-parser refuses: `*-5` (robfig: `*`), empty list items `1,,2`, signed numbers
 *      `+5`, a duplicated value, and a day that never comes (`0 0 30 2 *` parses; it just never fires).
 *   8. Never firing: robfig gives up after five years (zero time); cron-parser searches on (`0 0 29 2 *` from
 *      2096-03-01: robfig nothing, cron-parser 2104-02-29) or throws at parse time (`0 0 30 2 *`).
 *   9. Spring forward: a skipped local time (02:30 in New York on the second Sunday of March) is not run that day by
 *      robfig; cron-parser runs it at 03:30 EDT.
 *  10. Fall back: robfig runs a job in the repeated hour twice (`0 1 * * *` at 01:00 EDT and 01:00 EST); cron-parser
 *      once. Hourly and minutely schedules agree (both step through absolute hours there).
 *  11. Error texts: the API server shows robfig's messages (`end of range (60) above maximum (59): 60`); cron-parser's
 *      are its own ("Constraint error, got value 60 expected range 0-59").
 *  12. Purity: cron-parser defaults `currentDate` to the wall clock, `H` without a seed uses Math.random, and its
 *      package entry also loads CronFileParser (fs); it depends on luxon.
 * Where the two agree (UTC, fields without the cases above), the tests compare both, so a cron-parser upgrade that
 * changes shared behaviour shows up; but no part of the runtime path uses cron-parser: every result above would need
 * our code to check it anyway, and one implementation of robfig's loop is simpler than two that must be reconciled.
 */
export type { CronField, EverySchedule, ParseResult, Schedule, SpecSchedule } from './schedule';
export { parseSchedule } from './parse';
export { scheduleTZError, validateScheduleFormat, TZ_AND_TIME_ZONE, TZ_IN_SCHEDULE, type ScheduleTZOptions } from './validate';
export {
  isKnownTimeZone,
  loadLocation,
  validateTimeZone,
  TIME_ZONE_EMPTY,
  TIME_ZONE_LOCAL,
  type LoadLocationResult,
} from './timeZone';
export { nextTime, nextTimes, type NextOptions } from './spec/next';
export { cronstrueLocale, describeSchedule } from './describe';
