import { required } from './helpers/fieldErrors';
import { notSupportedNamed } from './helpers/listAndLengthErrors';
import type { Rule } from './rule';

const POLICIES = ['Allow', 'Forbid', 'Replace'];

/**
 * spec.concurrencyPolicy must be Allow, Forbid or Replace: pkg/apis/batch/validation/validation.go
 * validateConcurrencyPolicy. An empty value is defaulted to Allow (SetDefaults_CronJob), so the Required
 * branch only shows on an object that skipped defaulting.
 */
export const cronJobConcurrencyPolicy: Rule = {
  meta: {
    id: 'cronjob-concurrency-policy',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'A CronJob\'s concurrencyPolicy must be Allow, Forbid or Replace.',
  },
  check({ object, kubernetesVersion }) {
    if (object.kind !== 'CronJob') return [];
    const policy = object.spec?.concurrencyPolicy ?? '';
    if (POLICIES.includes(policy)) return [];
    return [{ path: ['spec', 'concurrencyPolicy'], message: policy === '' ? required() : notSupportedNamed(policy, POLICIES, kubernetesVersion) }];
  },
};
