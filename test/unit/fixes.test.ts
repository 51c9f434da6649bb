/** Quick fixes: apply each fix's edits to the text and check the result, then that the finding is gone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, type Finding, type Fix } from '../../server/src/core';
import { helloCronJob, piJob } from '../fixtures/manifests';

function applyFix(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  // Back to front, so earlier offsets stay valid.
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return edits.reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

function fixesOf(text: string, ruleId: string): readonly Fix[] {
  const finding = lintText(text).find((f: Finding) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  return finding.fixes ?? [];
}

function check(text: string, ruleId: string, title: string, expected: string): void {
  const fix = fixesOf(text, ruleId).find((f) => f.title === title);
  assert.ok(fix, `no fix titled "${title}"; have: ${fixesOf(text, ruleId).map((f) => f.title).join(' | ')}`);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, expected);
  assert.deepEqual(lintText(fixed).filter((f) => f.ruleId === ruleId), [], 'the finding is gone after the fix');
}

const JOB = (policy: string) => piJob(`${policy}  backoffLimit: 4\n`);

test('restartPolicy Always → Never, keeping a trailing comment', () => {
  check(JOB('      restartPolicy: Always # was wrong\n'), 'job-restart-policy', 'Set restartPolicy to Never', JOB('      restartPolicy: Never # was wrong\n'));
});

test('missing restartPolicy is inserted at the pod spec\'s indentation', () => {
  check(JOB(''), 'job-restart-policy', 'Set restartPolicy to OnFailure', JOB('      restartPolicy: OnFailure\n'));
});

test('an empty restartPolicy gets its value', () => {
  check(JOB('      restartPolicy:\n'), 'job-restart-policy', 'Set restartPolicy to Never', JOB('      restartPolicy: Never\n'));
});

const DS = (apiVersion: string, selector: string, labels: string) => `apiVersion: ${apiVersion}
kind: DaemonSet
metadata:
  name: fluentd
spec:
${selector}  template:
    metadata:
      labels:
${labels}    spec:
      containers:
      - name: fluentd
        image: fluent/fluentd:v1.4
`;

test('selector mismatch: copy the selector labels into the template, or select the template labels', () => {
  const text = DS('apps/v1', '  selector:\n    matchLabels:\n      name: fluentd\n', '        app: logs\n');
  check(text, 'daemonset-selector-mismatch', "Add the selector's matchLabels to the template labels", DS('apps/v1', '  selector:\n    matchLabels:\n      name: fluentd\n', '        app: logs\n        name: fluentd\n'));
  check(text, 'daemonset-selector-mismatch', 'Select the template labels (spec.selector.matchLabels)', DS('apps/v1', '  selector:\n    matchLabels:\n      app: logs\n', '        app: logs\n'));
});

test('apps/v1beta2 → apps/v1 adds the selector apps/v1 requires', () => {
  check(
    DS('apps/v1beta2', '', '        name: fluentd\n'),
    'removed-api-version',
    'Change apiVersion to apps/v1 and add the selector it requires',
    DS('apps/v1', '', '        name: fluentd\n').replace('  template:\n', '  template:\n').replace(
      '        image: fluent/fluentd:v1.4\n',
      '        image: fluent/fluentd:v1.4\n  selector:\n    matchLabels:\n      name: fluentd\n',
    ),
  );
});


test('batch/v1beta1 → batch/v1', () => {
  const text = helloCronJob('  schedule: "*/1 * * * *"\n').replace('batch/v1\n', 'batch/v1beta1\n');
  check(text, 'removed-api-version', 'Change apiVersion to batch/v1', helloCronJob('  schedule: "*/1 * * * *"\n'));
});

test('an unknown field is renamed to the suggestion', () => {
  check(
    helloCronJob('  schedule: "*/1 * * * *"\n  startingDeadlineSecond: 10\n'),
    'unknown-field',
    'Rename to startingDeadlineSeconds',
    helloCronJob('  schedule: "*/1 * * * *"\n  startingDeadlineSeconds: 10\n'),
  );
});

test('no rename when the suggested field is already there', () => {
  assert.deepEqual(fixesOf(helloCronJob('  schedule: "* * * * *"\n  startingDeadlineSeconds: 5\n  startingDeadlineSecond: 10\n'), 'unknown-field'), []);
});

test('a TZ= prefix moves into spec.timeZone', () => {
  // The fix appends spec.timeZone after the job template, which ends with the container's image.
  const fixed = helloCronJob('  schedule: 0 9 * * *\n');
  check(
    helloCronJob('  schedule: "CRON_TZ=Asia/Shanghai 0 9 * * *"\n'),
    'cronjob-schedule',
    'Move the time zone Asia/Shanghai to spec.timeZone',
    fixed.replace('            image: busybox\n', '            image: busybox\n  timeZone: Asia/Shanghai\n'),
  );
});
