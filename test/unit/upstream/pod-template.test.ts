/**
 * Upstream pod spec validation cases (pkg/apis/core/validation/validation_test.go), carried over as data in
 * test/fixtures/upstream/pod-template.json. Each case's pod spec fragment is embedded in a Job, a CronJob and
 * a DaemonSet (or the kinds the case lists), run through lintText with the pod-template rules, and the
 * findings of those rules are compared with the expected field paths, error types and pinned messages.
 * Skipped upstream cases are listed with their reason as skipped tests.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { lintText } from '../../../server/src/core';
import { podTemplateRules } from '../../../server/src/core/rules/pod-template';
import { declaredSkipped, errorType, loadUpstreamFixture, ruleIdsOf, type Expected } from './upstreamFixture';

type Kind = 'Job' | 'CronJob' | 'DaemonSet';

interface UpstreamCase {
  readonly test: string;
  readonly name: string;
  readonly spec?: Record<string, unknown>;
  readonly kinds?: readonly Kind[];
  readonly kubernetesVersion?: string;
  readonly expected?: readonly Expected[];
  readonly skipped?: string;
  readonly note?: string;
}

interface Fixture {
  readonly cases: readonly UpstreamCase[];
}

const fixture = loadUpstreamFixture<Fixture>('pod-template');
const ruleIds = ruleIdsOf(podTemplateRules);

const TEMPLATE_PATH: Record<Kind, string> = {
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
  DaemonSet: 'spec.template.spec',
};

/** A manifest around the pod spec fragment (JSON is YAML). */
function manifest(kind: Kind, fragment: Record<string, unknown>): string {
  const spec = { restartPolicy: kind === 'DaemonSet' ? 'Always' : 'Never', ...fragment };
  const metadata = { name: 'upstream', namespace: 'default' };
  switch (kind) {
    case 'Job':
      return JSON.stringify({ apiVersion: 'batch/v1', kind, metadata, spec: { template: { spec } } }, null, 2);
    case 'CronJob':
      return JSON.stringify({ apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec } } } } }, null, 2);
    case 'DaemonSet':
      return JSON.stringify(
        { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: { app: 'upstream' } }, template: { metadata: { labels: { app: 'upstream' } }, spec } } },
        null,
        2,
      );
  }
}

function absolute(kind: Kind, relative: string): string {
  if (relative === '') return TEMPLATE_PATH[kind];
  return relative.startsWith('[') ? `${TEMPLATE_PATH[kind]}${relative}` : `${TEMPLATE_PATH[kind]}.${relative}`;
}

const key = (e: Expected): string => `${e.fieldPath} | ${e.type}${e.message !== undefined ? ` | ${e.message}` : ''}`;

/** Matches findings to expectations as multisets (rules and Go maps do not share upstream's order); messages only where pinned. */
function check(kind: Kind, upstream: UpstreamCase): void {
  const findings = lintText(manifest(kind, upstream.spec ?? {}), { kubernetesVersion: upstream.kubernetesVersion }).filter((f) =>
    ruleIds.has(f.ruleId),
  );
  const actual = findings.map((f) => ({ fieldPath: f.fieldPath, type: errorType(f.message), message: f.message }));
  const expected = (upstream.expected ?? []).map((e) => ({ ...e, fieldPath: absolute(kind, e.fieldPath) }));
  const unmatched: Expected[] = [];
  const remaining = [...actual];
  // Pinned messages first, so a loose expectation does not take the finding a pinned one needs.
  const ordered = [...expected.filter((e) => e.message !== undefined), ...expected.filter((e) => e.message === undefined)];
  for (const want of ordered) {
    const i = remaining.findIndex((a) => a.fieldPath === want.fieldPath && a.type === want.type && (want.message === undefined || a.message === want.message));
    if (i === -1) unmatched.push(want);
    else remaining.splice(i, 1);
  }
  assert.deepEqual(
    { missing: unmatched.map(key), unexpected: remaining.map((a) => key(a)) },
    { missing: [], unexpected: [] },
    `${kind}: findings ${JSON.stringify(actual, null, 1)}`,
  );
}

let carried = 0;
let passed = 0;
let skipped = 0;

for (const upstream of fixture.cases) {
  const name = `${upstream.test}: ${upstream.name}`;
  if (declaredSkipped(name, upstream)) {
    skipped++;
    continue;
  }
  carried++;
  test(name, () => {
    for (const kind of upstream.kinds ?? (['Job', 'CronJob', 'DaemonSet'] as const)) check(kind, upstream);
    passed++;
  });
}

after(() => {
  console.log(`pod-template upstream cases: ${carried} carried over, ${passed} passing, ${skipped} skipped`);
});
