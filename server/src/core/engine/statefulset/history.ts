/**
 * A StatefulSet's ControllerRevisions: stateful_set_control.go getStatefulSetRevisions and truncateHistory.
 * The revision data (getPatch: `{"spec":{"template":{...,"$patch":"replace"}}}`), the hash and `kubectl rollout
 * undo` are the same as a DaemonSet's (daemonset/history.ts); the revision's name `<set>-<hash>` is what a pod's
 * controller-revision-hash label carries, and what status.currentRevision / updateRevision name.
 */
import { computeHash, templatePatch, type HistoryWrite, type Revision } from '../daemonset/history';

export interface StatefulSetRevisions {
  readonly current: Revision;
  readonly update: Revision;
  readonly writes: readonly HistoryWrite[];
  readonly collisionCount: number;
}

/** history.SortControllerRevisions: by revision number, then name. */
export function sortRevisions(revisions: readonly Revision[]): Revision[] {
  return [...revisions].sort((a, b) => a.revision - b.revision || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * getStatefulSetRevisions: the update revision is the template's — the newest revision when it already
 * matches, an older matching one renumbered to the next number (a rollback), else a new one named
 * `<set>-<hash>` (a name taken by other data bumps the collision count). The current revision is the one
 * status.currentRevision names, or the update revision when there is none (a new set).
 */
export function statefulSetRevisions(setName: string, template: unknown, revisions: readonly Revision[], collisionCount: number, statusCurrentRevision: string, data = templatePatch(template)): StatefulSetRevisions {
  const sorted = sortRevisions(revisions);
  const next = sorted.length === 0 ? 1 : sorted[sorted.length - 1].revision + 1;
  const equal = sorted.filter((r) => r.data === data);
  const writes: HistoryWrite[] = [];
  let update: Revision;
  let count = collisionCount;
  if (equal.length > 0 && sorted[sorted.length - 1] === equal[equal.length - 1]) {
    update = sorted[sorted.length - 1];
  } else if (equal.length > 0) {
    update = { ...equal[equal.length - 1], revision: next };
    writes.push({ type: 'renumber', revision: update });
  } else {
    // CreateControllerRevision: on AlreadyExists with other data, bump the collision count and hash again.
    const parsed = JSON.parse(data) as unknown;
    for (;;) {
      const hash = computeHash(parsed, count);
      const name = `${setName}-${hash}`;
      if (!sorted.some((r) => r.name === name)) {
        update = { name, hash, revision: next, data };
        writes.push({ type: 'create', revision: update });
        break;
      }
      count++;
    }
  }
  let current = sorted.find((r) => r.name === statusCurrentRevision);
  // The renumbered revision is the same object as the current one when they share a name.
  if (current !== undefined && current.name === update.name) current = update;
  return { current: current ?? update, update, writes, collisionCount: count };
}

/**
 * truncateHistory: the current and update revisions and those a pod still carries are live; of the others,
 * the lowest-numbered are deleted until revisionHistoryLimit remain.
 */
export function truncateHistory(revisions: readonly Revision[], live: ReadonlySet<string>, revisionHistoryLimit: number): Revision[] {
  const history = sortRevisions(revisions).filter((r) => !live.has(r.name));
  if (history.length <= revisionHistoryLimit) return [];
  return history.slice(0, history.length - revisionHistoryLimit);
}
