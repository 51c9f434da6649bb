/**
 * Upstream Deployment, ReplicaSet and StatefulSet validation cases (pkg/apis/apps/validation/validation_test.go),
 * carried over as data in test/fixtures/upstream/apps.json, plus realistic examples. Each case runs through
 * lintText and every error of the document is compared: field path and error type always, message and line
 * where the fixture gives them. Skipped upstream cases are listed with their reason as skipped tests.
 */
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { lintText } from '../../../server/src/core';
import { assertFindings, declaredSkipped, loadUpstreamFixture, mergeCase, type Expected } from './upstreamFixture';

type Kind = 'Deployment' | 'ReplicaSet' | 'StatefulSet';

interface UpstreamCase {
  readonly test: string;
  readonly name: string;
  readonly kind: Kind;
  readonly metadata?: Record<string, unknown>;
  readonly spec?: Record<string, unknown>;
  readonly manifest?: Record<string, unknown>;
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
  readonly bases: Readonly<Record<Kind, Record<string, unknown>>>;
  readonly cases: readonly UpstreamCase[];
  readonly examples: readonly Example[];
}

const fixture = loadUpstreamFixture<Fixture>('apps');

function check(yaml: string, kubernetesVersion: string | undefined, expected: readonly Expected[]): void {
  assertFindings(lintText(yaml, { kubernetesVersion }).filter((f) => f.severity === 'error'), expected);
}

let carried = 0;
let skipped = 0;
for (const upstream of fixture.cases) {
  const name = `${upstream.test}/${upstream.kind}/${upstream.name}`;
  if (declaredSkipped(name, upstream)) {
    skipped++;
    continue;
  }
  carried++;
  test(name, () => {
    const manifest = upstream.manifest ?? mergeCase(fixture.bases[upstream.kind], { metadata: upstream.metadata ?? {}, spec: upstream.spec ?? {} });
    check(stringify(manifest), upstream.kubernetesVersion, upstream.expected ?? []);
  });
}

for (const example of fixture.examples) {
  test(`example/${example.name}`, () => check(example.yaml, example.kubernetesVersion, example.expected));
}

after(() => {
  console.log(`upstream Deployment/ReplicaSet/StatefulSet cases: ${carried} carried over, ${skipped} skipped; ${fixture.examples.length} examples`);
});
