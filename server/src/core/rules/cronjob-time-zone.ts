import { validateTimeZone } from '../cron';
import { isAtLeast } from '../kubernetesVersion';
import { invalid } from './helpers/fieldErrors';
import type { Rule, RuleFinding } from './rule';

/**
 * spec.timeZone: pkg/apis/batch/validation/validation.go validateTimeZone, run on create (on update only when
 * the field changes). Empty is rejected; each '/'-separated part must be tzdata-like; `Local` in any case is
 * rejected; then Go's time.LoadLocation must find the zone (its error text is the message); core/cron's
 * validateTimeZone does all of it. Feature
 * CronJobTimeZone is on by default since 1.25; before that the field is dropped on create.
 * (`cannot use both timeZone field and TZ or CRON_TZ in schedule` is update-only; the create-time TZ= ban is
 * cronjob-schedule's.)
 */
export const cronJobTimeZone: Rule = {
  meta: {
    id: 'cronjob-time-zone',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'A CronJob\'s timeZone must be an IANA time zone name such as "Europe/Rome" or "Etc/UTC" (not empty, not Local).',
  },
  check({ object, kubernetesVersion }) {
    if (object.kind !== 'CronJob' || !isAtLeast(kubernetesVersion, 1, 25)) return [];
    const timeZone = object.spec?.timeZone;
    if (timeZone === undefined) return [];
    return validateTimeZone(timeZone).map((detail): RuleFinding => ({ path: ['spec', 'timeZone'], message: invalid(timeZone, detail) }));
  },
};
