import { runRuleTests, yaml } from './ruleTester';

// Extra lines in `spec` carry 4 spaces: the template's own indentation is stripped after substitution.
const cronJob = (spec: string, deadline = ''): string => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: { name: hello }
  spec:
  ${spec}
    jobTemplate:
      spec:
  ${deadline}
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{ name: hello, image: busybox }]`;

runRuleTests('cronjob-never-runs', {
  valid: ['"0 0 29 2 *"', '"0 0 30 2 1"', '"0 0 31 1,2 *"', '"@every 1h"', '"0 0 * * *"'].map((s) => ({ name: s, yaml: cronJob(`  schedule: ${s}`) })),
  invalid: [
    {
      name: 'February 30',
      yaml: cronJob('  schedule: "0 0 30 2 *"'),
      findings: [
        {
          fieldPath: 'spec.schedule',
          message: 'This schedule never runs: no month it allows (2) has the day of the month it asks for (30). Kubernetes accepts it, but no Job is ever created.',
          line: 5,
        },
      ],
    },
    {
      name: 'the 31st of April, June, September and November',
      yaml: cronJob('  schedule: "0 0 31 4,6,9,11 *"'),
      findings: [
        {
          fieldPath: 'spec.schedule',
          message: 'This schedule never runs: no month it allows (4, 6, 9, 11) has the day of the month it asks for (31). Kubernetes accepts it, but no Job is ever created.',
          line: 5,
        },
      ],
    },
  ],
});

runRuleTests('cronjob-overlapping-runs', {
  valid: [
    { name: 'no activeDeadlineSeconds', yaml: cronJob('  schedule: "* * * * *"') },
    { name: 'deadline shorter than the gap', yaml: cronJob('  schedule: "*/5 * * * *"', '      activeDeadlineSeconds: 240') },
    { name: 'Forbid', yaml: cronJob('  schedule: "* * * * *"\n    concurrencyPolicy: Forbid', '      activeDeadlineSeconds: 300') },
  ],
  invalid: [
    {
      name: 'every minute, 5-minute deadline, Allow by default',
      yaml: cronJob('  schedule: "* * * * *"', '      activeDeadlineSeconds: 300'),
      findings: [
        {
          fieldPath: 'spec.schedule',
          message:
            'The schedule can start a Job every 1m, but each Job may run for up to 5m (activeDeadlineSeconds: 300) and concurrencyPolicy Allow starts the next one anyway: up to 5 Jobs may run at once. Use concurrencyPolicy: Forbid (skip a run while one is active) or Replace (stop the old run), or a shorter activeDeadlineSeconds.',
          line: 5,
        },
      ],
    },
    {
      name: 'uneven schedule: the shortest gap counts, at the written concurrencyPolicy',
      yaml: cronJob('  schedule: "0,10 9 * * *"\n    concurrencyPolicy: Allow', '      activeDeadlineSeconds: 900'),
      findings: [
        {
          fieldPath: 'spec.concurrencyPolicy',
          message:
            'The schedule can start a Job every 10m, but each Job may run for up to 15m (activeDeadlineSeconds: 900) and concurrencyPolicy Allow starts the next one anyway: up to 2 Jobs may run at once. Use concurrencyPolicy: Forbid (skip a run while one is active) or Replace (stop the old run), or a shorter activeDeadlineSeconds.',
          line: 6,
        },
      ],
    },
  ],
});
