/**
 * The garbage collector's part in `kubectl delete <kind>/<name>` with background propagation
 * (pkg/controller/garbagecollector): once the owner is gone, it deletes the dependents whose ownerReferences
 * name it. It runs in kube-controller-manager, so while that is down (scenario `controllerDown`) nothing is
 * collected, and when it is back its informers list the orphans again (initialKeys).
 */
import type { ClusterChange } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';

const NOTHING: ControllerSyncResult = { actions: [], requeueAfterMs: null };

export class DeletedOwnerCollector implements Controller {
  readonly name = 'garbage-collector';

  constructor(
    private readonly key: string,
    /** Whether the owner is deleted and its dependents are not collected yet. */
    private readonly pending: () => boolean,
    /** Deletes the dependents (by `garbage-collector: owner <Kind> <name> deleted`). */
    private readonly collect: (now: number) => void,
  ) {}

  initialKeys(): readonly string[] {
    return this.pending() ? [this.key] : [];
  }

  onChange(_change: ClusterChange, queue: WorkQueue): void {
    if (this.pending()) queue.addAfter(this.key, 0);
  }

  sync(key: string, _cluster: unknown, now: number): ControllerSyncResult {
    if (key === this.key && this.pending()) this.collect(now);
    return NOTHING;
  }
}
