import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStatus } from '../../../../client/webview/src/panels/statusView';

const START = Date.parse('2026-01-01T00:00:00Z');

test('status times as wall clock with their age; unset fields, JSON and conditions left out', () => {
  const items = describeStatus(
    {
      active: 0,
      ready: null,
      succeeded: 1,
      completedIndexes: '',
      failedIndexes: null,
      startTime: 0,
      completionTime: 71,
      uncountedTerminatedPods: {},
      conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: 71 }],
      suspended: false,
    },
    { startMs: START, t: 91 },
  );
  assert.deepEqual(
    items.map((i) => ('text' in i ? [i.key, i.text] : [i.key, 'list'])),
    [
      ['active', '0'],
      ['succeeded', '1'],
      ['startTime', '2026-01-01 00:00:00Z (91s ago)'],
      ['completionTime', '2026-01-01 00:01:11Z (20s ago)'],
      ['suspended', 'false'],
    ],
  );
  const text = JSON.stringify(items);
  assert.doesNotMatch(text, /null|\{\}|\[\]/);
});

test('nested objects and lists become nested items; object references read kind/name', () => {
  const items = describeStatus(
    { active: [{ kind: 'Job', name: 'hello-1', namespace: 'default' }], lastScheduleTime: '2026-01-01T00:01:00Z', uncountedTerminatedPods: { succeeded: ['a', 'b'] } },
    { startMs: START, t: 120 },
  );
  assert.deepEqual(items, [
    { key: 'active', items: [{ key: 'hello-1', text: 'job/hello-1' }] },
    { key: 'lastScheduleTime', text: '2026-01-01 00:01:00Z (60s ago)', title: '2026-01-01 00:01:00Z · t = +1m' },
    { key: 'uncountedTerminatedPods', items: [{ key: 'succeeded', items: [{ key: '1', text: 'a' }, { key: '2', text: 'b' }] }] },
  ]);
});
