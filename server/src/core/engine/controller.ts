/**
 * The controller contract. A controller is what kube-controller-manager runs for one kind of object,
 * cut into the three things the simulation needs:
 *
 *  - `initialKeys`: what its informers list when it starts (every object of its kind is synced once);
 *  - `onChange`: its informer event handlers. For each world change, which keys it puts on its work
 *    queue and after what delay (e.g. the Job controller syncs a Job 1s after a change to one of its
 *    pods: syncJobBatchPeriod). The work queue behaves like client-go's delaying queue: one pending
 *    wake-up per key, the earliest wins;
 *  - `sync`: the decision. It reads the cluster (never changes it) and returns actions plus an optional
 *    requeue delay. All the judgement is here, and it is a pure function of (cluster, key, now):
 *    the same inputs give the same actions. The simulation applies the actions (cluster.apply), and
 *    the changes they cause wake controllers again through `onChange`.
 *
 * Anything a controller remembers between syncs (the Job controller's backoff records) lives in the
 * cluster's controller memory (action `setMemory`, read with `cluster.memory`), so the simulation can
 * forget it when the controller manager restarts (scenario event `controllerDown`).
 *
 * To add a controller (CronJob, DaemonSet): implement this interface in engine/<kind>/, and register a
 * WorkloadSimulator for the kind in simulate.ts that puts the object into the cluster and returns the
 * controllers that act on it.
 */
import type { ClusterAction, ClusterChange, ClusterView } from './cluster';

/** The controller's work queue, as its event handlers see it (client-go workqueue). */
export interface WorkQueue {
  /** AddAfter(key, delayMs); a delay of 0 is Add(key). */
  addAfter(key: string, delayMs: number): void;
}

export interface ControllerSyncResult {
  readonly actions: readonly ClusterAction[];
  /** queue.AddAfter(key, requeueAfterMs) once the actions are applied; null for none. */
  readonly requeueAfterMs: number | null;
}

export interface Controller {
  /** The component name events are recorded under, e.g. `job-controller`. */
  readonly name: string;
  initialKeys(cluster: ClusterView): readonly string[];
  /** An informer event; `change` is only valid during the call (the cluster reuses it). */
  onChange(change: ClusterChange, queue: WorkQueue, cluster: ClusterView): void;
  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult;
}
