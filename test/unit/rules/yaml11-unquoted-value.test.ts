import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, type Finding, type Fix } from '../../../server/src/core';
import { runRuleTests } from './ruleTester';

/** A Job whose container has `containerLines` (6-space indented) and whose metadata has `metadataLines`. */
const job = (containerLines: string, metadataLines = ''): string =>
  'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n' +
  metadataLines +
  'spec:\n  ttlSecondsAfterFinished: 60\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n' +
  containerLines;

const env = (value: string): string => `        env:\n        - name: FEATURE\n          value: ${value}\n`;

runRuleTests('yaml11-unquoted-value', {
  valid: [
    { name: 'a quoted "no"', yaml: job(env('"no"')) },
    { name: "a single-quoted 'on'", yaml: job(env("'on'")) },
    { name: 'a quoted "0644"', yaml: job(env('"0644"')) },
    // true is a boolean in YAML 1.2 as well: the wrong-type error alone says what is wrong.
    { name: 'true (a boolean in YAML 1.2 too)', yaml: job(env('true')) },
    { name: 'text that only starts like a boolean', yaml: job(env('nope')) },
    {
      name: 'an octal file mode where a number belongs',
      yaml: job('        volumeMounts:\n        - name: v\n          mountPath: /v\n') + '      volumes:\n      - name: v\n        configMap:\n          name: c\n          defaultMode: 0644\n',
    },
  ],
  invalid: [
    {
      name: 'value: no in an env var',
      yaml: job(env('no')),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].env[0].value',
          message:
            'Kubernetes reads YAML 1.1, where the unquoted no is the boolean false, not the text "no", and the API server rejects a boolean here. Write "no" in quotes if you mean the text.',
          line: 15,
        },
      ],
    },
    {
      name: 'an octal-looking env value',
      yaml: job(env('0644')),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].env[0].value',
          message:
            'Kubernetes reads YAML 1.1, where the unquoted 0644 is the number 420 (octal), not the text "0644", and the API server rejects a number here. Write "0644" in quotes if you mean the text.',
          line: 15,
        },
      ],
    },
    {
      name: 'a label value On and an annotation key y',
      yaml: job('', '  labels:\n    cache: On\n  annotations:\n    y: "1"\n'),
      findings: [
        {
          fieldPath: 'metadata.labels.cache',
          message:
            'Kubernetes reads YAML 1.1, where the unquoted On is the boolean true, not the text "On", and the API server rejects a boolean here. Write "On" in quotes if you mean the text.',
          line: 6,
        },
        {
          fieldPath: 'metadata.annotations.true',
          message: 'Kubernetes reads YAML 1.1, where the unquoted key y is the boolean true, so the API server sees the key "true". Write "y" in quotes if you mean the text.',
          line: 8,
        },
      ],
    },
    {
      name: 'a command argument off in a flow list',
      yaml: job('        args: [--verbose, off]\n'),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].args[1]',
          message:
            'Kubernetes reads YAML 1.1, where the unquoted off is the boolean false, not the text "off", and the API server rejects a boolean here. Write "off" in quotes if you mean the text.',
          line: 13,
        },
      ],
    },
    {
      name: 'an octal-looking quantity',
      yaml: job('        resources:\n          limits:\n            memory: 0100\n'),
      findings: [
        {
          fieldPath: 'spec.template.spec.containers[0].resources.limits.memory',
          message: 'Kubernetes reads YAML 1.1, where the unquoted 0100 is the number 64 (octal), so this quantity is 64. Write "0100" in quotes if you mean the text.',
          line: 15,
        },
      ],
    },
  ],
});

function onlyFinding(text: string, ruleId: string): Finding {
  const findings = lintText(text).filter((f) => f.ruleId === ruleId);
  assert.equal(findings.length, 1, JSON.stringify(findings));
  return findings[0];
}

function applyFix(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return edits.reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

test('value: no in an env var is rejected with the API server\'s own message (wrong-type)', () => {
  const finding = onlyFinding(job(env('no')), 'wrong-type');
  // "Job in version "v1" cannot be handled as a Job: " + this, as kubectl apply prints it.
  assert.equal(finding.message, 'json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string');
  assert.equal(finding.severity, 'error');
});

test('defaultMode: 0644 is the octal mode 420, as the API server reads it, and is accepted', () => {
  const text =
    job('        volumeMounts:\n        - name: v\n          mountPath: /v\n') + '      volumes:\n      - name: v\n        configMap:\n          name: c\n          defaultMode: 0644\n';
  assert.deepEqual(lintText(text).filter((f) => f.severity === 'error'), []);
  const tooBig = text.replace('0644', '01000');
  assert.deepEqual(
    lintText(tooBig).filter((f) => f.severity === 'error').map((f) => `${f.fieldPath}: ${f.message}`),
    [
      'spec.template.spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
      // ValidateVolumes leaves an invalid volume out of the names the mounts are checked against.
      'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "v"',
    ],
  );
});

test('the quick fix quotes the value, and quoted it is neither advice nor a wrong type', () => {
  const text = job(env('no'));
  const [fix] = onlyFinding(text, 'yaml11-unquoted-value').fixes ?? [];
  assert.equal(fix?.title, 'Quote no');
  const fixed = applyFix(text, fix);
  assert.equal(fixed, job(env('"no"')));
  assert.deepEqual(lintText(fixed).filter((f) => f.ruleId === 'yaml11-unquoted-value' || f.ruleId === 'wrong-type'), []);
});

test('the quick fix quotes a key in place', () => {
  const text = job('', '  annotations:\n    y: "1"\n');
  const [fix] = onlyFinding(text, 'yaml11-unquoted-value').fixes ?? [];
  assert.equal(applyFix(text, fix), job('', '  annotations:\n    "y": "1"\n'));
});
