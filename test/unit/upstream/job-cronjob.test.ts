/**
 * Upstream Job and CronJob validation cases (pkg/apis/batch/validation/validation_test.go), carried over as
 * data in test/fixtures/upstream/job-cronjob.json. Each case runs through lintText and is compared with the
 * findings of the job-cronjob rules only (field path, error type and message, in order). Skipped upstream
 * cases are listed with their reason as skipped tests.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { jobCronJobRules } from '../../../server/src/core/rules/job-cronjob';
import { declaredSkipped, errorType, loadUpstreamFixture, ruleIdsOf, type Expected } from './upstreamFixture';

interface UpstreamCase {
  readonly test: string;
  readonly name: string;
  readonly yaml?: string;
  readonly kubernetesVersion?: string;
  readonly expected?: readonly Expected[];
  readonly expand?: Readonly<Record<string, { readonly repeat: string; readonly times: number }>>;
  /** TestTimeZones: the yaml is run once per zone, `@@TIME_ZONE@@` replaced. */
  readonly timeZones?: readonly string[];
  readonly skipped?: string;
  readonly note?: string;
}

interface Fixture {
  readonly cases: readonly UpstreamCase[];
}

const fixture = loadUpstreamFixture<Fixture>('job-cronjob');
const ruleIds = ruleIdsOf(jobCronJobRules);

function expand(text: string, placeholders: UpstreamCase['expand']): string {
  let out = text;
  for (const [placeholder, { repeat, times }] of Object.entries(placeholders ?? {})) out = out.split(placeholder).join(repeat.repeat(times));
  return out;
}

function check(yaml: string, kubernetesVersion: string | undefined, expected: readonly Expected[]): void {
  const findings = lintText(yaml, { kubernetesVersion }).filter((f) => ruleIds.has(f.ruleId));
  const actual = findings.map((finding, i) => ({
    fieldPath: finding.fieldPath,
    type: errorType(finding.message),
    ...(expected[i]?.message !== undefined ? { message: finding.message } : {}),
  }));
  assert.deepEqual(actual, expected);
}

let carried = 0;
let passed = 0;
let skipped = 0;
let zones = 0;
let zonesPassed = 0;

for (const upstream of fixture.cases) {
  const name = `${upstream.test}: ${upstream.name}`;
  if (declaredSkipped(name, upstream)) {
    skipped++;
    continue;
  }
  const yaml = upstream.yaml ?? '';
  const expected = (upstream.expected ?? []).map((e) => ({ ...e, ...(e.message !== undefined ? { message: expand(e.message, upstream.expand) } : {}) }));
  if (upstream.timeZones !== undefined) {
    for (const zone of upstream.timeZones) {
      zones++;
      test(`${name}: ${zone}`, () => {
        check(yaml.replace('@@TIME_ZONE@@', zone), upstream.kubernetesVersion, expected);
        zonesPassed++;
      });
    }
    continue;
  }
  carried++;
  test(name, () => {
    check(expand(yaml, upstream.expand), upstream.kubernetesVersion, expected);
    passed++;
  });
}

after(() => {
  console.log(`job-cronjob upstream cases: ${carried} carried over, ${passed} passing, ${skipped} skipped; TestTimeZones: ${zonesPassed}/${zones} zones`);
});
