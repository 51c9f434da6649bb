/**
 * A Deployment spec change is a write of the object that `kubectl rollout status` sees before the controller
 * does: with metadata.generation above status.observedGeneration the watch prints "Waiting for deployment spec
 * update to be observed..." (DeploymentStatusViewer), and keeps printing it while kube-controller-manager is down.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine/simulate';
import type { Timeline } from '../../../server/src/core/engine/timeline';
import { deploymentRolloutStatusLines, deploymentStatusAt } from '../../../server/src/core/engine/views/deployment';

const manifest = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
};

function run(scenario: Record<string, unknown>): Timeline {
  const result = simulate(manifest, { startTime: '2026-01-01T00:00:00Z', seed: 1, ...scenario });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.timeline;
}

test('an image change while kube-controller-manager is down: rollout status waits for the spec update to be observed until the controller is back', () => {
  const t = run({ pods: { default: { readySeconds: 5 } }, events: [{ at: '30s', controllerDown: '1m' }, { at: '40s', setImage: 'nginx:1.28' }] });
  const watch = deploymentRolloutStatusLines(t, 40);
  assert.equal(watch.lines[0], 'Waiting for deployment spec update to be observed...\n');
  assert.equal(watch.lines.at(-1), 'deployment "web" successfully rolled out\n');
  // kubectl get deploy at 60s: the new generation is written, the controller has not seen it.
  const during = deploymentStatusAt(t, 60);
  assert.deepEqual([during.generation, during.observedGeneration], [2, 1]);
  // Once back (90s) the controller observes it.
  const after = deploymentStatusAt(t, 90);
  assert.deepEqual([after.generation, after.observedGeneration], [2, 2]);
});

test('with the controller up the spec write comes first, then the controller observes it at the same instant', () => {
  const t = run({ pods: { default: { readySeconds: 5 } }, events: [{ at: '30s', setImage: 'nginx:1.28' }] });
  const at30 = t.statusHistory.filter((s) => s.kind === 'Deployment' && s.at === 30).map((s) => [s.status.generation, s.status.observedGeneration]);
  assert.deepEqual(at30[0], [2, 1]);
  assert.deepEqual(at30.at(-1), [2, 2]);
  assert.equal(deploymentRolloutStatusLines(t, 30).lines[0], 'Waiting for deployment spec update to be observed...\n');
});
