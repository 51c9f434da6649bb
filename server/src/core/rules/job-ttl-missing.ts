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
  check({ written }) {
    if (written.kind !== 'Job' || written.spec?.ttlSecondsAfterFinished !== undefined) return [];
    return [
      {
        path: ['spec'],
        fieldPath: 'spec.ttlSecondsAfterFinished',
        part: 'key',
        message:
          'No ttlSecondsAfterFinished: when this Job finishes, it and its pods stay in the cluster until someone deletes them, and finished Jobs pile up. ' +
          'Set spec.ttlSecondsAfterFinished (e.g. 3600) to let Kubernetes delete it that many seconds after it completes or fails.',
        fixes: [{ title: 'Delete the Job an hour after it finishes (ttlSecondsAfterFinished: 3600)', changes: [{ op: 'set', path: ['spec', 'ttlSecondsAfterFinished'], value: 3600 }] }],
      },
    ];
  },
};
