/**
 * The job-cronjob rules on cases upstream's table tests do not reach: defaulted creates, CronJob job templates
 * (not defaulted), the Indexed hostname check, feature-gated fields by release, wording by release, and the
 * time-zone lookup. Expectations follow pkg/apis/batch/validation/validation.go.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { jobCronJobRules } from '../../../server/src/core/rules/job-cronjob';
import { yaml } from './ruleTester';

const ruleIds = new Set(jobCronJobRules.map((rule) => rule.meta.id));

function findings(text: string, kubernetesVersion?: string): string[] {
  return lintText(text, { kubernetesVersion })
    .filter((f) => ruleIds.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.fieldPath}: ${f.message}`);
}

/** A Job; `spec` is lines from at(4, …) (the helper strips the template's 2-space margin). */
const job = (spec: string, { name = 'myjob', restartPolicy = 'Never' } = {}): string => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: ${name}
  spec:
${spec}
    template:
      spec:
        restartPolicy: ${restartPolicy}
        containers: [{ name: main, image: busybox }]`;

/** A CronJob; `cron` is at(4, …) lines for `spec:`, `template` at(8, …) lines for `jobTemplate.spec:`. */
const cronJob = (cron: string, template = '', { name = 'hello', restartPolicy = 'Never' } = {}): string => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: ${name}
  spec:
    schedule: "0 * * * *"
${cron}
    jobTemplate:
      spec:
${template}
        template:
          spec:
            restartPolicy: ${restartPolicy}
            containers: [{ name: main, image: busybox }]`;

/** Indents every line of a fragment. */
const at = (indent: number, ...lines: string[]): string => lines.map((line) => ' '.repeat(indent) + line).join('\n');

/** A podFailurePolicy with these rule lines, as at(indent, …) lines. */
const podFailurePolicy = (indent: number, ...rules: string[]): string => at(indent, 'podFailurePolicy:', '  rules:', ...rules);

interface Case {
  readonly name: string;
  readonly yaml: string;
  readonly kubernetesVersion?: string;
  readonly expected: readonly string[];
}

const DNS_LABEL_NOTE = 'will not able to create pod with invalid DNS label';

const cases: Case[] = [
  // job-completions
  {
    name: 'Indexed Job with parallelism but no completions (completions stays unset)',
    yaml: job(at(4, 'completionMode: Indexed', 'parallelism: 2')),
    expected: ['job-completions spec.completions: Required value: when completion mode is Indexed'],
  },
  {
    name: 'Indexed CronJob job template without completions (the template is not defaulted)',
    yaml: cronJob('', at(8, 'completionMode: Indexed')),
    expected: ['job-completions spec.jobTemplate.spec.completions: Required value: when completion mode is Indexed'],
  },
  {
    name: 'unknown completionMode',
    yaml: job(at(4, 'completionMode: indexed')),
    expected: ['job-completions spec.completionMode: Unsupported value: "indexed": supported values: "NonIndexed", "Indexed"'],
  },
  {
    name: 'Indexed hostname: a 62-character name leaves no room for "-0"',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 1'), { name: 'a'.repeat(62) }),
    expected: [`job-completions metadata.name: Invalid value: "${'a'.repeat(62)}": ${DNS_LABEL_NOTE}: ${'a'.repeat(62)}-0`],
  },
  {
    name: 'Indexed hostname: a name with dots is a subdomain, not a label',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 3'), { name: 'my.job' }),
    expected: [`job-completions metadata.name: Invalid value: "my.job": ${DNS_LABEL_NOTE}: my.job-2`],
  },
  {
    name: 'Indexed hostname: the longest index counts (a…a-9 fits, a…a-10 does not)',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 11'), { name: 'a'.repeat(61) }),
    expected: [`job-completions metadata.name: Invalid value: "${'a'.repeat(61)}": ${DNS_LABEL_NOTE}: ${'a'.repeat(61)}-10`],
  },
  {
    name: 'Indexed hostname: a 61-character name with 10 completions fits',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 10'), { name: 'a'.repeat(61) }),
    expected: [],
  },
  {
    name: 'Indexed hostname: not checked for a CronJob job template',
    yaml: cronJob('', at(8, 'completionMode: Indexed', 'completions: 3'), { name: 'my.cron' }),
    expected: [],
  },
  { name: 'activeDeadlineSeconds 0 is valid for a Job', yaml: job(at(4, 'activeDeadlineSeconds: 0', 'backoffLimit: 0', 'ttlSecondsAfterFinished: 0')), expected: [] },
  // job-backoff-limit-per-index
  {
    name: 'CronJob job template: backoffLimitPerIndex without completionMode (unset counts as NonIndexed)',
    yaml: cronJob('', at(8, 'backoffLimitPerIndex: 1', 'maxFailedIndexes: 1')),
    expected: [
      'job-backoff-limit-per-index spec.jobTemplate.spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
      'job-backoff-limit-per-index spec.jobTemplate.spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode',
    ],
  },
  {
    name: 'backoffLimitPerIndex before 1.29 is dropped by the API server',
    yaml: job(at(4, 'backoffLimitPerIndex: 1')),
    kubernetesVersion: '1.28',
    expected: [],
  },
  // job-managed-by
  {
    name: 'managedBy: the domain must be a lowercase subdomain (reported with the domain as value)',
    yaml: job(at(4, 'managedBy: Example.com/foo')),
    expected: [
      "job-managed-by spec.managedBy: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
  },
  {
    name: 'managedBy: the path must be RFC 3986 path characters',
    yaml: job(at(4, 'managedBy: "example.com/my controller"')),
    expected: ["job-managed-by spec.managedBy: Invalid value: \"my controller\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"],
  },
  { name: 'managedBy: empty', yaml: job(at(4, 'managedBy: ""')), expected: ['job-managed-by spec.managedBy: Required value'] },
  { name: 'managedBy: the built-in controller', yaml: job(at(4, 'managedBy: kubernetes.io/job-controller')), expected: [] },
  { name: 'managedBy before 1.32 is dropped by the API server', yaml: job(at(4, 'managedBy: "not a path"')), kubernetesVersion: '1.31', expected: [] },
  // job-pod-failure-policy
  {
    name: 'FailIndex needs backoffLimitPerIndex',
    yaml: job(podFailurePolicy(4, '  - action: FailIndex', '    onExitCodes: { operator: In, values: [42] }')),
    expected: ['job-pod-failure-policy spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'],
  },
  {
    name: 'onExitCodes without values: a nil list prints as null from 1.34',
    yaml: job(podFailurePolicy(4, '  - action: FailJob', '    onExitCodes: { operator: NotIn }')),
    expected: ['job-pod-failure-policy spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: null: at least one value is required'],
  },
  {
    name: 'onExitCodes without values: Go %#v before 1.34',
    yaml: job(podFailurePolicy(4, '  - action: FailJob', '    onExitCodes: { operator: NotIn }')),
    kubernetesVersion: '1.33',
    expected: ['job-pod-failure-policy spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32(nil): at least one value is required'],
  },
  {
    name: 'unordered exit codes print as JSON from 1.34',
    yaml: job(podFailurePolicy(4, '  - action: FailJob', '    onExitCodes: { operator: In, values: [19, 11] }')),
    expected: ['job-pod-failure-policy spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [19,11]: must be ordered'],
  },
  {
    name: 'onPodConditions type with a prefix: empty prefix',
    yaml: job(podFailurePolicy(4, '  - action: Ignore', '    onPodConditions: [{ type: example.com/Ready }, { type: /Ready }]')),
    expected: ['job-pod-failure-policy spec.podFailurePolicy.rules[0].onPodConditions[1].type: Invalid value: "/Ready": prefix part must be non-empty'],
  },
  {
    name: 'CronJob job template: podFailurePolicy with restartPolicy OnFailure',
    yaml: cronJob('', podFailurePolicy(8, '  - action: Ignore', '    onPodConditions: [{ type: DisruptionTarget }]'), { restartPolicy: 'OnFailure' }),
    expected: [
      'job-pod-failure-policy spec.jobTemplate.spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ],
  },
  {
    name: 'podFailurePolicy with the default restartPolicy Always is job-restart-policy\'s finding only',
    yaml: job(at(4, 'podFailurePolicy: { rules: [] }'), { restartPolicy: 'Always' }),
    expected: [],
  },
  // job-success-policy
  {
    name: 'successPolicy on a NonIndexed Job: the internal policy as JSON from 1.34',
    yaml: job(at(4, 'successPolicy:', '  rules: [{ succeededIndexes: "0" }]')),
    expected: ['job-success-policy spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":"0","SucceededCount":null}]}: requires indexed completion mode'],
  },
  {
    name: 'successPolicy on a NonIndexed Job: Go %#v before 1.34 (set pointers print as addresses, elided)',
    yaml: job(at(4, 'successPolicy:', '  rules: [{ succeededIndexes: "0" }]')),
    kubernetesVersion: '1.33',
    expected: [
      'job-success-policy spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(0xc000…), SucceededCount:(*int32)(nil)}}}: requires indexed completion mode',
    ],
  },
  {
    name: 'successPolicy: unparsable indexes count as 0 indexes for succeededCount',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 4', 'successPolicy:', '  rules: [{ succeededIndexes: "x", succeededCount: 1 }]')),
    expected: [
      'job-success-policy spec.successPolicy.rules[0].succeededIndexes: Invalid value: "x": error parsing succeededIndexes: cannot convert string to integer for index: "x"',
      'job-success-policy spec.successPolicy.rules[0].succeededCount: Invalid value: 1: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)',
    ],
  },
  {
    name: 'successPolicy: TooLong wording before 1.32',
    yaml: job(at(4, 'completionMode: Indexed', 'completions: 4', 'successPolicy:', `  rules: [{ succeededIndexes: "${'0,'.repeat(32768)}1" }]`)),
    kubernetesVersion: '1.31',
    expected: [
      'job-success-policy spec.successPolicy.rules[0].succeededIndexes: Too long: must have at most 65536 bytes',
      `job-success-policy spec.successPolicy.rules[0].succeededIndexes: Invalid value: "${'0,'.repeat(32768)}1": error parsing succeededIndexes: non-increasing order, previous: 0, current: 0`,
    ],
  },
  // job-pod-replacement-policy
  {
    name: 'CronJob job template: unknown podReplacementPolicy',
    yaml: cronJob('', at(8, 'podReplacementPolicy: Terminating')),
    expected: ['job-pod-replacement-policy spec.jobTemplate.spec.podReplacementPolicy: Unsupported value: "Terminating": supported values: "Failed", "TerminatingOrFailed"'],
  },
  {
    name: 'Job with podFailurePolicy gets the default podReplacementPolicy Failed',
    yaml: job(at(4, 'podFailurePolicy:', '  rules: [{ action: Ignore, onPodConditions: [{ type: DisruptionTarget }] }]')),
    expected: [],
  },
  // cronjob-concurrency-policy, cronjob-nonnegative-fields
  {
    name: 'unknown concurrencyPolicy',
    yaml: cronJob(at(4, 'concurrencyPolicy: forbid')),
    expected: ['cronjob-concurrency-policy spec.concurrencyPolicy: Unsupported value: "forbid": supported values: "Allow", "Forbid", "Replace"'],
  },
  { name: 'history limits of 0 are valid', yaml: cronJob(at(4, 'successfulJobsHistoryLimit: 0', 'failedJobsHistoryLimit: 0', 'startingDeadlineSeconds: 0')), expected: [] },
  // cronjob-time-zone
  ...(
    [
      ['Etc/UTC', []],
      ['UTC', []],
      ['Asia/Kolkata', []],
      ['Factory', []],
      ['utc', ['Invalid value: "utc": unknown time zone utc']],
      ['europe/rome', ['Invalid value: "europe/rome": unknown time zone europe/rome']],
      ['Local', ['Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
      ['America/', ['Invalid value: "America/": unknown time zone America/']],
      ['-Europe/Rome', ['Invalid value: "-Europe/Rome": unknown time zone -Europe/Rome']],
      ['Europe/../Rome', ['Invalid value: "Europe/../Rome": unknown time zone Europe/../Rome']],
      ['Etc/a..b', ['Invalid value: "Etc/a..b": time: invalid location name']],
      ['America/Argentina_Buenos_Aires', ['Invalid value: "America/Argentina_Buenos_Aires": unknown time zone America/Argentina_Buenos_Aires']],
    ] as const
  ).map(([zone, messages]): Case => ({
    name: `timeZone ${JSON.stringify(zone)}`,
    yaml: cronJob(at(4, `timeZone: "${zone}"`)),
    expected: messages.map((message) => `cronjob-time-zone spec.timeZone: ${message}`),
  })),
  { name: 'timeZone before 1.25 is dropped by the API server', yaml: cronJob(at(4, 'timeZone: "Mars/Olympus"')), kubernetesVersion: '1.24', expected: [] },
];

for (const { name, yaml: text, kubernetesVersion, expected } of cases) {
  test(`job-cronjob rules: ${name}`, () => {
    assert.deepEqual(findings(text, kubernetesVersion), expected);
  });
}
