/**
 * `pods.outcomes[].revision`: pods created at a revision behave as the outcome says — a rollout whose new
 * revision never becomes Ready, previewed without naming its image. A Deployment's revision is its ReplicaSet's
 * deployment.kubernetes.io/revision, a StatefulSet's that of its ControllerRevision.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../../server/src/core/engine/scenario';
import { describeScenario } from '../../../server/src/core/engine/scenarioSummary';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { simulateOk } from './simulateOk';

function apps(kind: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

const STUCK_REVISION_2 = { pods: { default: { readySeconds: 2 }, outcomes: [{ revision: 2, ready: false }] }, events: [{ at: '60s', setImage: 'nginx:1.28' }], until: '10m' };

test('Deployment: the pods of revision 2 never become Ready, so the rollout keeps every revision-1 pod', () => {
  const t = simulateOk(apps('Deployment'), STUCK_REVISION_2);
  const byRevision = (r: number): Timeline['pods'] => t.pods.filter((p) => p.revision === r);
  assert.equal(byRevision(1).length, 3);
  assert.ok(byRevision(1).every((p) => p.readyAt !== null && p.deletedAt === null), 'revision 1 keeps serving');
  // maxSurge 25% of 3 rounds up to 1, maxUnavailable down to 0: one new pod, never Ready, and the rollout waits.
  assert.equal(byRevision(2).length, 1);
  assert.equal(byRevision(2)[0].readyAt, null);
});

test('Deployment: without the revision outcome the same rollout completes', () => {
  const t = simulateOk(apps('Deployment'), { ...STUCK_REVISION_2, pods: { default: { readySeconds: 2 } } });
  assert.ok(t.pods.filter((p) => p.revision === 1).every((p) => p.deletedAt !== null));
});

test('StatefulSet: the highest ordinal is recreated at revision 2, never Ready, and the update stops there', () => {
  const t = simulateOk(apps('StatefulSet', { serviceName: 'web' }), STUCK_REVISION_2);
  const live = t.pods.filter((p) => p.deletedAt === null).map((p) => `${p.name} rev ${p.revision} ready ${p.readyAt !== null}`);
  assert.deepEqual(live.sort(), ['web-0 rev 1 ready true', 'web-1 rev 1 ready true', 'web-2 rev 2 ready false']);
});

test('scenario: revision is a positive integer; the summary names it', () => {
  assert.deepEqual(parseScenario({ pods: { outcomes: [{ revision: 0, ready: false }] } }).errors.map((e) => e.path), ['pods.outcomes[0].revision']);
  const { scenario } = parseScenario({ pods: { outcomes: [{ revision: 2, exitCode: 1 }] } });
  assert.match(describeScenario(scenario, 'Deployment'), /revision 2 fails with exit 1/);
  assert.match(describeScenario(scenario, 'Deployment', 'zh-cn'), /修订版本 2/);
});

test('DaemonSet: its pods carry their ControllerRevision number too, so revision 2 selects the updated pods', () => {
  const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } } } };
  const t = simulateOk(ds, { nodes: 2, pods: { default: { readySeconds: 2 }, outcomes: [{ revision: 2, ready: false }] }, events: [{ at: '60s', setImage: 'agent:2' }], until: '10m' });
  const updated = t.pods.filter((p) => p.revision === 2);
  assert.equal(updated.length, 1, 'maxUnavailable 1: one node updated, then the rollout waits');
  assert.equal(updated[0].readyAt, null);
});
