import { jobAdvice } from './messages/jobAdvice';
import type { Rule } from './rule';

/**
 * Finished Jobs and their pods stay until someone deletes them; the TTL-after-finished controller
 * (pkg/controller/ttlafterfinished) removes them only when ttlSecondsAfterFinished is set.
 * CronJobs are exempt: their history limits clean up.
 */
export const jobTtlMissing: Rule = {
  meta: {
    id: 'job-ttl-missing',
    severity: 'warning',
    kinds: ['Job'],
    description: 'A Job without ttlSecondsAfterFinished stays, with its pods, after it finishes.',
  },
  check({ written, locale }) {
    if (written.kind !== 'Job' || written.spec?.ttlSecondsAfterFinished !== undefined) return [];
    return [
      {
        path: ['spec'],
        fieldPath: 'spec.ttlSecondsAfterFinished',
        part: 'key',
        message: jobAdvice.t(locale, 'ttlMissing'),
        fixes: [{ title: jobAdvice.t(locale, 'ttlFix'), changes: [{ op: 'set', path: ['spec', 'ttlSecondsAfterFinished'], value: 3600 }] }],
      },
    ];
  },
};
