import { runRuleTests, yaml } from './ruleTester';

const cronJob = (schedule: string): string => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: { name: hello }
  spec:
    schedule: ${schedule}
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{ name: hello, image: busybox }]`;

// Field-count cases after robfig/cron v3 parser_test.go (TestParseStandard / TestNormalizeFields).
runRuleTests('cronjob-schedule', {
  valid: ['"*/1 * * * *"', '"0 5 * * MON-FRI"', '"5 0 * 8 *"', '"@hourly"', '"@every 1h30m"', '"@midnight"', "'  0  0  1  1  * '"].map((s) => ({ name: s, yaml: cronJob(s) })),
  invalid: [
    {
      name: 'six fields (seconds) are not the standard dialect',
      yaml: cronJob('"0 */1 * * * *"'),
      findings: [{ fieldPath: 'spec.schedule', message: 'Invalid value: "0 */1 * * * *": expected exactly 5 fields, found 6: [0 */1 * * * *]', line: 5 }],
    },
    {
      name: 'four fields',
      yaml: cronJob('"* * * *"'),
      findings: [{ fieldPath: 'spec.schedule', message: 'Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]', line: 5 }],
    },
    {
      name: '@reboot is not a descriptor Kubernetes accepts',
      yaml: cronJob('"@reboot"'),
      findings: [{ fieldPath: 'spec.schedule', message: 'Invalid value: "@reboot": unrecognized descriptor: @reboot', line: 5 }],
    },
    {
      name: 'TZ prefix',
      yaml: cronJob('"TZ=UTC 0 * * * *"'),
      findings: [{ fieldPath: 'spec.schedule', message: 'Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead', line: 5 }],
    },
    {
      name: 'empty',
      yaml: cronJob('""'),
      findings: [{ fieldPath: 'spec.schedule', message: 'Required value', line: 5 }],
    },
  ],
});
