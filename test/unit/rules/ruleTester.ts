/**
 * Table-driven rule tests in the RuleTester style: each valid manifest gives no finding of the rule,
 * each invalid one gives exactly the listed findings (field path, message, 1-based line).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../server/src/core';

export interface ExpectedFinding {
  readonly fieldPath: string;
  readonly message: string;
  /** 1-based line of the start of the underline. */
  readonly line: number;
}

export interface RuleCases {
  readonly valid: readonly { readonly name: string; readonly yaml: string; readonly kubernetesVersion?: string }[];
  readonly invalid: readonly {
    readonly name: string;
    readonly yaml: string;
    readonly kubernetesVersion?: string;
    readonly findings: readonly ExpectedFinding[];
  }[];
}

export function runRuleTests(ruleId: string, cases: RuleCases): void {
  for (const { name, yaml, kubernetesVersion } of cases.valid) {
    test(`${ruleId} valid: ${name}`, () => {
      const findings = lintText(yaml, { kubernetesVersion }).filter((f) => f.ruleId === ruleId);
      assert.deepEqual(findings.map((f) => `${f.fieldPath}: ${f.message}`), []);
    });
  }
  for (const { name, yaml, kubernetesVersion, findings: expected } of cases.invalid) {
    test(`${ruleId} invalid: ${name}`, () => {
      const findings = lintText(yaml, { kubernetesVersion }).filter((f) => f.ruleId === ruleId);
      assert.deepEqual(
        findings.map((f) => ({ fieldPath: f.fieldPath, message: f.message, line: f.range.start.line + 1 })),
        expected,
      );
    });
  }
}

/** Builds manifests in tests without the noise: strips the common indentation of a template literal. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * The hello CronJob in flow style, as the rule tests write it: `schedule` as written (quotes included),
 * `specLines` are more `spec:` fields after it (without their 2-space indentation).
 */
export function flowCronJob({
  apiVersion = 'batch/v1',
  schedule = '"*/1 * * * *"',
  specLines = [],
  restartPolicy = 'OnFailure',
}: { apiVersion?: string; schedule?: string; specLines?: readonly string[]; restartPolicy?: string } = {}): string {
  return [
    `apiVersion: ${apiVersion}`,
    'kind: CronJob',
    'metadata: { name: hello }',
    'spec:',
    `  schedule: ${schedule}`,
    ...specLines.map((line) => `  ${line}`),
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    `          restartPolicy: ${restartPolicy}`,
    '          containers: [{ name: hello, image: busybox }]',
  ].join('\n');
}
