/**
 * Golden timelines: each example manifest with its scenario, simulated, must give exactly the stored
 * timeline (the engine is deterministic: the scenario fixes startTime and seed). After a deliberate
 * engine change, review the diff and regenerate with UPDATE_GOLDEN=1.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { isWorkloadKind, simulate } from '../../server/src/core';

const ROOT = resolve(__dirname, '../../..');

/** [manifest, scenario] in examples/; the golden file is named after the scenario. */
export const EXAMPLES: readonly (readonly [string, string])[] = [
  ['paral-job.yaml', 'paral-job.scenario.yaml'],
  ['pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'],
  ['pi-job-backoff.yaml', 'pi-job-backoff.limit.scenario.yaml'],
  ['fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'],
  ['hello-cronjob-v1.yaml', 'hello-cronjob-v1.scenario.yaml'],
  ['hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml'],
  ['hello-cronjob-replace.yaml', 'hello-cronjob-replace.scenario.yaml'],
  ['hello-cronjob-starting-deadline.yaml', 'hello-cronjob-starting-deadline.outage.scenario.yaml'],
  ['nginx-deployment.yaml', 'nginx-deployment.scenario.yaml'],
  ['nginx-deployment.yaml', 'nginx-deployment.stuck.scenario.yaml'],
  ['nginx-deployment.yaml', 'nginx-deployment.live.scenario.yaml'],
  ['single-replica-deployment.yaml', 'single-replica-deployment.scenario.yaml'],
  ['recreate-deployment.yaml', 'recreate-deployment.scenario.yaml'],
  ['web-statefulset.yaml', 'web-statefulset.scenario.yaml'],
  ['web-statefulset.yaml', 'web-statefulset.live.scenario.yaml'],
  ['frontend-replicaset.yaml', 'frontend-replicaset.scenario.yaml'],
];

/** The file's first workload document, as `simulate` picks it (web-statefulset.yaml also holds its headless Service). */
function firstWorkload(text: string): unknown {
  const documents = parseAllDocuments(text).map((d) => d.toJS() as { kind?: string } | null);
  return documents.find((d) => isWorkloadKind(d?.kind)) ?? documents[0];
}

for (const [manifest, scenario] of EXAMPLES) {
  test(`golden timeline: ${manifest} with ${scenario}`, () => {
    const object = firstWorkload(readFileSync(resolve(ROOT, 'examples', manifest), 'utf8'));
    const result = simulate(object, parse(readFileSync(resolve(ROOT, 'examples', scenario), 'utf8')));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const golden = resolve(ROOT, 'test/fixtures/golden', scenario.replace(/\.scenario\.yaml$/, '.timeline.json'));
    const actual = `${JSON.stringify(result.timeline, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    assert.ok(existsSync(golden), `no golden file ${golden}: run the tests once with UPDATE_GOLDEN=1 and review it`);
    assert.equal(actual, readFileSync(golden, 'utf8'));
  });
}
