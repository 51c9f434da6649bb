/**
 * Upstream DaemonSet validation cases (pkg/apis/apps/validation/validation_test.go), carried over as data in
 * test/fixtures/upstream/daemonset.json, plus realistic examples. Each case runs through lintText and is
 * compared with the findings of the DaemonSet spec rules only: field path and error type always, message and
 * line where the fixture gives them.
 */
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { lintText } from '../../../server/src/core';
import { daemonSetRules } from '../../../server/src/core/rules/daemonset';
import { assertFindings, declaredSkipped, loadUpstreamFixture, mergeCase, ruleIdsOf, type Expected } from './upstreamFixture';

interface UpstreamCase {
  readonly test: string;
  readonly name: string;
  readonly metadata?: Record<string, unknown>;
  readonly spec?: Record<string, unknown>;
  readonly kubernetesVersion?: string;
  readonly expected?: readonly Expected[];
  readonly skipped?: string;
}

interface Example {
  readonly name: string;
  readonly yaml: string;
  readonly kubernetesVersion?: string;
  readonly expected: readonly Expected[];
}

interface Fixture {
  readonly base: Record<string, unknown>;
  readonly cases: readonly UpstreamCase[];
  readonly examples: readonly Example[];
}

const fixture = loadUpstreamFixture<Fixture>('daemonset');
const ruleIds = ruleIdsOf(daemonSetRules);

function check(yaml: string, kubernetesVersion: string | undefined, expected: readonly Expected[]): void {
  assertFindings(lintText(yaml, { kubernetesVersion }).filter((f) => ruleIds.has(f.ruleId)), expected);
}

let carried = 0;
let skipped = 0;
for (const upstream of fixture.cases) {
  const name = `${upstream.test}/${upstream.name}`;
  if (declaredSkipped(name, upstream)) {
    skipped++;
    continue;
  }
  carried++;
  test(name, () => {
    const manifest = mergeCase(fixture.base, { metadata: upstream.metadata ?? {}, spec: upstream.spec ?? {} });
    check(stringify(manifest), upstream.kubernetesVersion, upstream.expected ?? []);
  });
}

for (const example of fixture.examples) {
  test(`example/${example.name}`, () => check(example.yaml, example.kubernetesVersion, example.expected));
}

after(() => {
  console.log(`upstream DaemonSet cases: ${carried} carried over, ${skipped} skipped; ${fixture.examples.length} examples`);
});
