/**
 * Upstream validation_test.go cases for the metadata-selector rules, carried over as data
 * (test/fixtures/upstream/metadata-selector.json), plus a few create-path cases upstream has no unit test
 * for (the registry's selector generation and the generated job-name labels).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { metadataSelectorRules } from '../../../server/src/core/rules/metadata-selector';
import { declaredSkipped, loadUpstreamFixture, ruleIdsOf, type Expected } from './upstreamFixture';

interface UpstreamCase {
  readonly function: string;
  readonly source: string;
  readonly case: string;
  readonly kubernetesVersion?: string;
  readonly yaml?: string;
  readonly expected?: readonly Expected[];
  readonly skipped?: string;
  readonly note?: string;
}

const fixture = loadUpstreamFixture<{ cases: UpstreamCase[] }>('metadata-selector');
const ruleIds = ruleIdsOf(metadataSelectorRules);

/** The API server's error type word: what the body starts with. */
const TYPES = ['Required value', 'Invalid value', 'Unsupported value', 'Forbidden', 'Duplicate value', 'Too long', 'Too many'];
function typeOf(message: string): string {
  return TYPES.find((type) => message === type || message.startsWith(`${type}:`)) ?? '?';
}

/** `<<repeat:C:N>>` → N copies of C (keeps the fixture small). */
function expand(yaml: string): string {
  return yaml.replace(/<<repeat:(.):(\d+)>>/g, (_, char: string, count: string) => char.repeat(Number(count)));
}

function findings(yaml: string, kubernetesVersion?: string): Expected[] {
  return lintText(yaml, { kubernetesVersion })
    .filter((finding) => ruleIds.has(finding.ruleId))
    .map((finding) => ({ fieldPath: finding.fieldPath, type: typeOf(finding.message), message: finding.message }));
}

/**
 * Order-insensitive (Go iterates label maps in random order, so upstream's own error order is not stable):
 * the same multiset of (field path, type), and every message the fixture pins is among the findings there.
 */
function compare(actual: readonly Expected[], expected: readonly Expected[]): void {
  const pairs = (list: readonly Expected[]): string[] => list.map((e) => `${e.fieldPath} | ${e.type}`).sort();
  const full = (list: readonly Expected[]): string[] => list.map((e) => `${e.fieldPath}: ${e.message ?? `${e.type}…`}`).sort();
  assert.deepEqual(pairs(actual), pairs(expected), `findings:\n${full(actual).join('\n')}`);
  const unmatched = [...actual];
  for (const e of expected.filter((x) => x.message !== undefined)) {
    const i = unmatched.findIndex((a) => a.fieldPath === e.fieldPath && a.message === e.message);
    assert.ok(i >= 0, `missing ${e.fieldPath}: ${e.message}\nfindings:\n${full(actual).join('\n')}`);
    unmatched.splice(i, 1);
  }
}

let carried = 0;
let skipped = 0;
for (const c of fixture.cases) {
  const name = `${c.function}: ${c.case}${c.kubernetesVersion ? ` [${c.kubernetesVersion}]` : ''}`;
  if (declaredSkipped(name, c)) {
    skipped++;
    continue;
  }
  carried++;
  test(name, () => compare(findings(expand(c.yaml ?? ''), c.kubernetesVersion), c.expected ?? []));
}

test(`fixture accounting: ${carried} carried over, ${skipped} skipped with a reason`, () => {
  assert.equal(carried + skipped, fixture.cases.length);
  for (const c of fixture.cases) assert.ok(c.skipped !== undefined || (c.yaml !== undefined && c.expected !== undefined), `${c.function}: ${c.case}`);
});

// ---- Create-path behaviour with no upstream unit test (registry generateSelector, SetDefaults_Job) ----

const jobYaml = (name: string, extra = '', templateLabels?: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${extra}  template:
${templateLabels === undefined ? '' : `    metadata:\n      labels: ${templateLabels}\n`}    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox}]
`;
const NAME70 = 'a'.repeat(70);
const TOO_LONG_70 = (unit: string): string => `Invalid value: "${NAME70}": must be no more than 63 ${unit}`;

const local: { name: string; yaml: string; kubernetesVersion?: string; expected: Expected[] }[] = [
  {
    name: 'a Job name over 63 fails the generated job-name label (no template labels: only spec.template.labels)',
    yaml: jobYaml(NAME70),
    expected: [{ fieldPath: 'spec.template.labels', type: 'Invalid value', message: TOO_LONG_70('bytes') }],
  },
  {
    name: 'with template labels and no Job labels the shared map also fails at metadata.labels',
    yaml: jobYaml(NAME70, '', '{app: x}'),
    expected: [
      { fieldPath: 'metadata.labels', type: 'Invalid value', message: TOO_LONG_70('bytes') },
      { fieldPath: 'spec.template.labels', type: 'Invalid value', message: TOO_LONG_70('bytes') },
    ],
  },
  {
    name: 'an empty template labels map is shared too',
    yaml: jobYaml(NAME70, '', '{}'),
    kubernetesVersion: '1.34',
    expected: [
      { fieldPath: 'metadata.labels', type: 'Invalid value', message: TOO_LONG_70('characters') },
      { fieldPath: 'spec.template.labels', type: 'Invalid value', message: TOO_LONG_70('characters') },
    ],
  },
  {
    name: 'manualSelector: true generates no labels, so a long name is fine',
    yaml: jobYaml(NAME70, '  manualSelector: true\n  selector: {matchLabels: {app: x}}\n', '{app: x}'),
    expected: [],
  },
  {
    name: 'a user selector that only asks for the generated labels is accepted without manualSelector',
    yaml: jobYaml('pi', '  selector: {matchLabels: {job-name: pi}, matchExpressions: [{key: controller-uid, operator: Exists}]}\n'),
    expected: [],
  },
  {
    name: 'a template job-name label other than the name fails ValidateHasLabel',
    yaml: jobYaml('pi', '', '{job-name: other}'),
    expected: [
      {
        fieldPath: 'spec.template.metadata.labels[job-name]',
        type: 'Invalid value',
        message:
          'Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"<uid>", "batch.kubernetes.io/job-name":"pi", "controller-uid":"<uid>", "job-name":"other"}: must be \'pi\'',
      },
    ],
  },
  {
    name: 'generateName masks a trailing dash by replacing the last two characters',
    yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  generateName: "A-"
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: busybox}]}
`,
    expected: [],
  },
  {
    name: 'CronJob name of exactly 52 characters is accepted',
    yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${'c'.repeat(52)}
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox}]
`,
    expected: [],
  },
  {
    name: 'pod template annotations: mirror pod, deletion cost, seccomp and AppArmor',
    yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ds
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata:
      labels: {a: b}
      annotations:
        kubernetes.io/config.mirror: "x"
        controller.kubernetes.io/pod-deletion-cost: "007"
        container.seccomp.security.alpha.kubernetes.io/c: "foo"
        container.apparmor.security.beta.kubernetes.io/nope: "localhost/p"
    spec: {containers: [{name: c, image: busybox}]}
`,
    expected: [
      { fieldPath: 'spec.template.annotations[kubernetes.io/config.mirror]', type: 'Invalid value', message: 'Invalid value: "x": must set spec.nodeName if mirror pod annotation is set' },
      { fieldPath: 'spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]', type: 'Invalid value', message: 'Invalid value: "007": must be a 32bit integer' },
      { fieldPath: 'spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/c', type: 'Invalid value', message: 'Invalid value: "foo": must be a valid seccomp profile' },
      { fieldPath: 'spec.template.annotations[container.apparmor.security.beta.kubernetes.io/nope]', type: 'Invalid value', message: 'Invalid value: "nope": container not found' },
    ],
  },
];

for (const c of local) {
  test(`create path: ${c.name}`, () => compare(findings(c.yaml, c.kubernetesVersion), c.expected));
}
