/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * spec.ttlSecondsAfterFinished is deleted, with its pods, that many seconds after its Complete or
 * Failed condition's lastTransitionTime (getFinishAndExpireTime / jobFinishTime).
 */
import type { ClusterChange, ClusterView, SimJob } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';

export const TTL_CONTROLLER = 'ttl-after-finished-controller';

export class TtlAfterFinishedController implements Controller {
  readonly name = TTL_CONTROLLER;

  initialKeys(cluster: ClusterView): readonly string[] {
    return [...cluster.jobs()].filter(needsCleanup).map((job) => job.name);
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    // addJob / updateJob: a finished Job with a TTL is looked at (and requeued until it expires).
    if (change.kind === 'job' && change.op !== 'deleted' && needsCleanup(change.job)) queue.addAfter(change.job.name, 0);
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const job = cluster.job(key);
    if (job === undefined || job.deletionTimestamp !== null || !needsCleanup(job)) return { actions: [], requeueAfterMs: null };
    const expireAt = (finishTime(job) as number) + (job.spec.ttlSecondsAfterFinished as number) * 1000;
    if (now < expireAt) return { actions: [], requeueAfterMs: expireAt - now };
    return { actions: [{ type: 'deleteJob', job: key, reason: `ttlSecondsAfterFinished (${job.spec.ttlSecondsAfterFinished}s) expired` }], requeueAfterMs: null };
  }
}

function needsCleanup(job: SimJob): boolean {
  return job.spec.ttlSecondsAfterFinished !== null && job.deletionTimestamp === null && finishTime(job) !== null;
}

/** jobFinishTime: the lastTransitionTime of the True Complete or Failed condition. */
function finishTime(job: SimJob): number | null {
  const condition = job.status.conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return condition?.lastTransitionTime ?? null;
}
