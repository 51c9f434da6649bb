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

const GETRANGE = 'Kubernetes accepts it: robfig/cron (getRange) steps from the start of the range, and a step larger than the range yields only the start.';
const step = (message: string) => ({ fieldPath: 'spec.schedule', message: `${message} ${GETRANGE}`, line: 5 });

runRuleTests('cronjob-step-exceeds-range', {
  valid: ['"*/59 * * * *"', '"*/15 * * * *"', '"0 */23 * * *"', '"0 0 */30 * *"', '"5/10 * * * *"', '"0 0 1 */11 *"', '"0 0 * * */6"', '"@every 61m"', '"@hourly"', '"0 0 * * *"'].map(
    (s) => ({ name: s, yaml: cronJob(s) }),
  ),
  invalid: [
    { name: 'minutes */61', yaml: cronJob('"*/61 * * * *"'), findings: [step('*/61 in minutes means only minute 0: this runs at minute 0 of every hour, not every 61 minutes.')] },
    { name: 'minutes */60', yaml: cronJob('"*/60 * * * *"'), findings: [step('*/60 in minutes means only minute 0: this runs at minute 0 of every hour, not every 60 minutes.')] },
    { name: 'hours */25', yaml: cronJob('"0 */25 * * *"'), findings: [step('*/25 in hours means only hour 0: this runs only in hour 0 of the day, not every 25 hours.')] },
    { name: 'day of month */32', yaml: cronJob('"0 0 */32 * *"'), findings: [step('*/32 in day-of-month means only day 1: this runs only on day 1 of the month, not every 32 days.')] },
    { name: 'month */13', yaml: cronJob('"0 0 1 */13 *"'), findings: [step('*/13 in months means only month 1 (January): this runs only in January, not every 13 months.')] },
    { name: 'day of week */8', yaml: cronJob('"0 0 * * */8"'), findings: [step('*/8 in day-of-week means only day 0 (Sunday): this runs only on Sundays, not every 8 days.')] },
    {
      name: 'a range with a step past its end, beside another item',
      yaml: cronJob('"10-20/30,45 9 * * *"'),
      findings: [step('10-20/30 in minutes means only minute 10: this runs at minute 10 and 45 of each hour it allows, not every 30 minutes.')],
    },
  ],
});

const OR = (dom: string, dow: string) => ({
  fieldPath: 'spec.schedule',
  message:
    `Both day of month (${dom}) and day of week (${dow}) are restricted, so this runs on every day that matches EITHER of them, not only on days that match both: ` +
    "robfig/cron (dayMatches) ORs the two day fields when neither is *. To need both, keep one field * and check the other in the Job's command.",
  line: 5,
});

runRuleTests('cronjob-day-fields-or', {
  valid: ['"0 0 13 * *"', '"0 0 * * FRI"', '"0 0 13 * */1"', '"0 0 ? * 5"', '"@weekly"', '"@monthly"'].map((s) => ({ name: s, yaml: cronJob(s) })),
  invalid: [
    { name: 'Friday the 13th', yaml: cronJob('"0 0 13 * FRI"'), findings: [OR('13', 'FRI')] },
    { name: 'a stepped star is a restriction', yaml: cronJob('"0 0 */2 * 1-5"'), findings: [OR('*/2', '1-5')] },
  ],
});
