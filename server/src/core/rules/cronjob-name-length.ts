import { invalid } from './helpers/fieldErrors';
import { byteLength } from './helpers/labelSyntax';
import type { Rule } from './rule';

/**
 * pkg/apis/batch/validation/validation.go ValidateCronJobCreate: the controller names each Job
 * `<cronjob name>-<scheduled time in minutes>` (11 more characters) and Job names must fit a 63-character
 * label, so on create a CronJob name longer than 52 is rejected with
 * `metadata.name: Invalid value: "<name>": must be no more than 52 characters` (updates are not checked).
 */
export const cronJobNameLength: Rule = {
  meta: {
    id: 'cronjob-name-length',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'A CronJob name may have at most 52 characters: the Jobs it creates append an 11-character suffix.',
  },
  check({ written }) {
    const name = written.metadata?.name;
    if (written.kind !== 'CronJob' || !name || byteLength(name) <= 52) return [];
    return [{ path: ['metadata', 'name'], message: invalid(name, 'must be no more than 52 characters') }];
  },
};
