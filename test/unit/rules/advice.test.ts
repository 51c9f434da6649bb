import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { flowCronJob, runRuleTests } from './ruleTester';

const job = (spec: string, container = '      - name: c\n        image: busybox'): string =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n${spec}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n${container}\n`;

runRuleTests('job-ttl-missing', {
  valid: [{ name: 'ttl set', yaml: job('  ttlSecondsAfterFinished: 100\n') }],
  invalid: [
    {
      name: 'no ttl',
      yaml: job(''),
      findings: [
        {
          fieldPath: 'spec.ttlSecondsAfterFinished',
          message:
            'No ttlSecondsAfterFinished: when this Job finishes, it and its pods stay in the cluster until someone deletes them, and finished Jobs pile up. Set spec.ttlSecondsAfterFinished (e.g. 3600) to let Kubernetes delete it that many seconds after it completes or fails.',
          line: 5,
        },
      ],
    },
  ],
});

runRuleTests('quoted-shell-command', {
  valid: [
    { name: 'plain script', yaml: job('  ttlSecondsAfterFinished: 1\n', '      - name: c\n        image: busybox\n        command: ["/bin/sh", "-c", "sleep 5s; echo done"]') },
    { name: 'quotes inside the script', yaml: job('  ttlSecondsAfterFinished: 1\n', '      - name: c\n        image: busybox\n        args: ["sh", "-c", "echo \\"a\\" \\"b\\""]') },
  ],
  invalid: [
    {
      // The seeds' example: command: ["/bin/sh","-c",'"sleep 5s;echo \"done\""']
      name: 'the seeds\' extra pair of quotes',
      yaml: job('  ttlSecondsAfterFinished: 1\n', '      - name: c\n        image: busybox\n        command: ["/bin/sh", "-c", \'"sleep 5s;echo \\"done\\""\']'),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].command[2]',
          message:
            'The script after "-c" keeps its outer quotes: "sleep 5s;echo \\"done\\"" — the shell reads the whole quoted text as the name of one command and fails with "not found". Remove the outer quotes: each list item already reaches the container as one argument.',
          line: 13,
        },
      ],
    },
  ],
});

runRuleTests('unexpanded-placeholder', {
  valid: [{ name: 'Kubernetes $(VAR) in args is fine', yaml: job('  ttlSecondsAfterFinished: 1\n', '      - name: c\n        image: busybox\n        args: ["echo $(ITEM)", "$ITEM"]') }],
  invalid: [
    {
      name: 'the Job-template pattern left unexpanded',
      yaml: job('  ttlSecondsAfterFinished: 1\n', '      - name: c\n        image: busybox:${TAG}').replace('name: pi', 'name: process-item-$ITEM'),
      findings: [
        {
          fieldPath: 'metadata.name',
          message:
            '"$ITEM" looks like a template placeholder that was not filled in (as in the Job-template pattern: sed "s/\\$ITEM/apple/"). Kubernetes does not expand it here; expand the template before applying it (for example with sed or envsubst).',
          line: 4,
        },
        {
          fieldPath: 'spec.template.spec.containers[0].image',
          message:
            '"${TAG}" looks like a template placeholder that was not filled in (as in the Job-template pattern: sed "s/\\$ITEM/apple/"). Kubernetes does not expand it here; expand the template before applying it (for example with sed or envsubst).',
          line: 12,
        },
      ],
    },
  ],
});

runRuleTests('job-parallelism', {
  valid: [{ name: 'parallelism ≤ completions', yaml: job('  ttlSecondsAfterFinished: 1\n  completions: 8\n  parallelism: 2\n') }],
  invalid: [
    {
      name: 'parallelism above completions',
      yaml: job('  ttlSecondsAfterFinished: 1\n  completions: 2\n  parallelism: 5\n'),
      findings: [
        {
          fieldPath: 'spec.parallelism',
          message:
            'parallelism 5 is more than completions 2: the Job controller never runs more pods than the completions still missing, so at most 2 run at once. Set parallelism to 2 or less.',
          line: 8,
        },
      ],
    },
    {
      name: 'a huge Indexed Job without backoffLimitPerIndex',
      yaml: job('  ttlSecondsAfterFinished: 1\n  completionMode: Indexed\n  completions: 5000\n  parallelism: 100\n'),
      findings: [
        {
          fieldPath: 'spec.completions',
          message:
            'An Indexed Job with 5000 indexes shares one backoffLimit (6) across all of them: 7 pod failures anywhere fail the whole Job. Set backoffLimitPerIndex (and maybe maxFailedIndexes) so each index retries on its own.',
          line: 8,
        },
      ],
    },
  ],
});

const cron = (deadline: string): string => flowCronJob({ schedule: '"* * * * *"', specLines: [`startingDeadlineSeconds: ${deadline}`] });

runRuleTests('cronjob-short-starting-deadline', {
  valid: [{ name: '10 seconds', yaml: cron('10') }],
  invalid: [
    {
      name: '5 seconds',
      yaml: cron('5'),
      findings: [
        {
          fieldPath: 'spec.startingDeadlineSeconds',
          message:
            'startingDeadlineSeconds: 5 is shorter than the 10 seconds the CronJob controller may take to notice a schedule time, so runs can be missed (MissSchedule). Use 10 or more, or leave it unset.',
          line: 6,
        },
      ],
    },
  ],
});

const daemonSet = (resources: string): string =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: fluentd\nspec:\n  selector:\n    matchLabels: { name: fluentd }\n  template:\n    metadata:\n      labels: { name: fluentd }\n    spec:\n      containers:\n      - name: fluentd\n        image: fluent/fluentd\n${resources}`;

runRuleTests('daemonset-resources', {
  valid: [{ name: 'requests and limits', yaml: daemonSet('        resources:\n          requests: { cpu: 100m, memory: 200Mi }\n          limits: { memory: 200Mi }\n') }],
  invalid: [
    {
      name: 'only requests',
      yaml: daemonSet('        resources:\n          requests: { cpu: 100m }\n'),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].name',
          message:
            'Container "fluentd" has no resource limits. A DaemonSet runs on every node beside everything else: set resources.requests (cpu, memory) so the scheduler keeps room for it, and resources.limits so it cannot starve the node.',
          line: 13,
        },
      ],
    },
  ],
});

test('rules can be turned off by setting and per document by a comment', () => {
  const text = `# k8s-dryrun-disable job-ttl-missing\n${job('')}---\n${job('')}`;
  assert.deepEqual(lintText(text).map((f) => [f.document, f.ruleId]), [[1, 'job-ttl-missing']]);
  assert.deepEqual(lintText(text, { disabledRules: ['job-ttl-missing'] }), []);
});
