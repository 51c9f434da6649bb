import { flowCronJob, runRuleTests } from './ruleTester';

const cronJob = (schedule: string): string => flowCronJob({ schedule });

// Field-count cases after robfig/cron v3 parser_test.go (TestParseStandard / TestNormalizeFields).
runRuleTests('cronjob-schedule', {
  valid: ['"*/1 * * * *"', '"0 5 * * MON-FRI"', '"5 0 * 8 *"', '"@hourly"', '"@every 1h30m"', '"@midnight"', "'  0  0  1  1  * '"].map((s) => ({ name: s, yaml: cronJob(s) })),
  invalid: (
    [
      ['six fields (seconds) are not the standard dialect', '"0 */1 * * * *"', 'Invalid value: "0 */1 * * * *": expected exactly 5 fields, found 6: [0 */1 * * * *]'],
      ['four fields', '"* * * *"', 'Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]'],
      ['@reboot is not a descriptor Kubernetes accepts', '"@reboot"', 'Invalid value: "@reboot": unrecognized descriptor: @reboot'],
      ['TZ prefix', '"TZ=UTC 0 * * * *"', 'Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
      ['empty', '""', 'Required value'],
    ] as const
  ).map(([name, schedule, message]) => ({ name, yaml: cronJob(schedule), findings: [{ fieldPath: 'spec.schedule', message, line: 5 }] })),
});
