/**
 * A StatefulSet's ControllerRevisions (stateful_set_control.go getStatefulSetRevisions and truncateHistory;
 * upstream's TestStatefulSetControlLimitsHistory and TestStatefulSetControlRollback): a template change is a
 * new revision, going back to an old template renumbers the old revision instead of making a new one, the
 * current revision is the one status.currentRevision names, and history beyond revisionHistoryLimit is
 * deleted oldest first, never a revision a pod still carries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Revision } from '../../../server/src/core/engine/daemonset/history';
import { statefulSetRevisions, truncateHistory } from '../../../server/src/core/engine/statefulset/history';

const T1 = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } };
const T2 = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

function apply(revisions: Revision[], writes: readonly { type: string; revision: Revision }[]): Revision[] {
  let out = [...revisions];
  for (const w of writes) {
    if (w.type === 'create') out.push(w.revision);
    else if (w.type === 'renumber') out = out.map((r) => (r.name === w.revision.name ? w.revision : r));
    else out = out.filter((r) => r.name !== w.revision.name);
  }
  return out;
}

test('a new set: one revision, numbered 1, both current and update', () => {
  const r = statefulSetRevisions('web', T1, [], 0, '');
  assert.equal(r.update.revision, 1);
  assert.match(r.update.name, /^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(r.current, r.update);
  assert.deepEqual(r.writes.map((w) => w.type), ['create']);
  const again = statefulSetRevisions('web', T1, apply([], r.writes), 0, r.update.name);
  assert.deepEqual(again.writes, [], 'an unchanged template writes nothing');
  assert.equal(again.update.name, r.update.name);
});

test('TestStatefulSetControlRollback: a template change makes revision 2; going back renumbers revision 1 to 3', () => {
  let revisions: Revision[] = [];
  const first = statefulSetRevisions('web', T1, revisions, 0, '');
  revisions = apply(revisions, first.writes);
  const second = statefulSetRevisions('web', T2, revisions, 0, first.update.name);
  revisions = apply(revisions, second.writes);
  assert.equal(second.update.revision, 2);
  assert.equal(second.current.name, first.update.name, 'status.currentRevision names the current revision');
  const back = statefulSetRevisions('web', T1, revisions, 0, first.update.name);
  assert.deepEqual(back.writes.map((w) => w.type), ['renumber']);
  assert.equal(back.update.name, first.update.name);
  assert.equal(back.update.revision, 3);
  assert.equal(back.current.revision, 3, 'the current revision is the renumbered one');
});

test('a name taken by other data bumps the collision count', () => {
  const first = statefulSetRevisions('web', T1, [], 0, '');
  const clash: Revision = { ...first.update, data: '{"other":true}' };
  const r = statefulSetRevisions('web', T1, [clash], 0, '');
  assert.equal(r.collisionCount, 1);
  assert.notEqual(r.update.name, clash.name);
});

test('TestStatefulSetControlLimitsHistory: the oldest non-live revisions go first, down to revisionHistoryLimit', () => {
  const rev = (n: number): Revision => ({ name: `web-${n}`, hash: `${n}`, revision: n, data: `${n}` });
  const revisions = [rev(3), rev(1), rev(5), rev(2), rev(4)];
  assert.deepEqual(truncateHistory(revisions, new Set(['web-5']), 2).map((r) => r.name), ['web-1', 'web-2']);
  assert.deepEqual(truncateHistory(revisions, new Set(['web-5', 'web-1']), 2).map((r) => r.name), ['web-2']);
  assert.deepEqual(truncateHistory(revisions, new Set(['web-5']), 10), []);
});
