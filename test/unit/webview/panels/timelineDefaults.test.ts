import assert from 'node:assert/strict';
import { test } from 'node:test';
import { footprint } from '../../../../client/webview/src/panels/footprint';
import { conditionsAt, eventsAt, kubectlTablesAt, objectStatusAt } from '../../../../client/webview/src/panels/kubectlAt';
import { withPanelDefaults } from '../../../../client/webview/src/panels/timelineDefaults';
import type { Timeline } from '../../../../server/src/protocol/timeline';

test('a Timeline with only the first schema fields still gives tables, conditions, events and a footprint', () => {
  const old = {
    object: { kind: 'Job', name: 'pi' },
    startTime: '2026-01-01T00:00:00Z',
    endTime: '2026-01-01T00:00:30Z',
    truncated: false,
    effectiveSpec: { completions: 1, parallelism: 1 },
    pods: [{ name: 'pi-x7k2p', job: 'pi', node: 'node-0', index: 0, revision: 1, createdAt: 0, startedAt: 0, readyAt: 0, finishedAt: 30, deletedAt: null, phase: 'Succeeded', exitCode: 0, reason: null }],
    jobs: [],
    conditions: [{ object: 'pi', type: 'Complete', reason: 'CompletionsReached', message: 'done', at: 30 }],
    events: [{ at: 0, object: 'pi', type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: pi-x7k2p' }],
    status: { active: 0, succeeded: 1, failed: 0 },
  } as unknown as Timeline;
  const timeline = withPanelDefaults(old);
  assert.equal(timeline.duration, 30);
  const pods = kubectlTablesAt(timeline, 10).find((x) => x.command === 'kubectl get pods')?.output ?? '';
  assert.match(pods, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npi-x7k2p\s+1\/1\s+Running\s+0\s+10s\n$/);
  assert.match(kubectlTablesAt(timeline, 30).find((x) => x.command === 'kubectl get pods')?.output ?? '', /pi-x7k2p\s+0\/1\s+Completed/);
  assert.deepEqual(objectStatusAt(timeline, 30), {});
  assert.deepEqual(conditionsAt(timeline, 30).map((c) => [c.type, c.status]), [['Complete', 'True']]);
  assert.deepEqual(eventsAt(timeline, 30).rows.map((r) => r.object), ['pi']);
  assert.equal(footprint(timeline).peakPods.value, 1);
});
