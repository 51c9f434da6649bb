/**
 * The event loop: pop the earliest entry of the agenda (time, priority, sequence), run it, repeat.
 * World steps (kubelet, scheduler, scenario events) run before controller syncs of the same instant, so
 * a sync always sees everything that happened at its time. A sync's actions are applied to the
 * cluster; the changes they cause wake controllers through their informer handlers.
 *
 * The run stops when nothing is left to happen, at the scenario's `until`, or at a bound: the horizon
 * (when there is no `until`), the event cap, or the pod cap. Every bound is checked before work is
 * done, so no input can make a run hang or grow without limit.
 */
import type { Cluster, ClusterChange } from './cluster';
import type { Controller, WorkQueue } from './controller';
import { EventQueue } from './eventQueue';
import { DAY } from './time';
import { engineText } from './engineText';

export interface SimulationLimits {
  /** Agenda entries processed before the run is cut. */
  readonly maxEvents: number;
  /** Pods created before the run is cut. */
  readonly maxPods: number;
  /** How far a run without `until` may go (ms). */
  readonly horizonMs: number;
}

export const DEFAULT_LIMITS: SimulationLimits = { maxEvents: 2_000_000, maxPods: 100_000, horizonMs: 30 * DAY };

/** How far a run has come, for a progress bar: reported every PROGRESS_STEPS agenda entries. */
export interface SimulationProgress {
  /** 0..1: the share of the nearest bound reached (the end time, the event cap or the pod cap). */
  readonly fraction: number;
  /** Simulated time reached (ms). */
  readonly timeMs: number;
  readonly steps: number;
  readonly pods: number;
}

/** Agenda entries between two progress reports: rare enough to cost nothing, often enough for a bar. */
export const PROGRESS_STEPS = 8192;

export type StopReason = 'finished' | 'until' | 'horizon' | 'maxEvents' | 'maxPods';

export interface SimulationOutcome {
  readonly stopReason: StopReason;
  /** Where the timeline ends (ms). */
  readonly endMs: number;
  readonly truncated: boolean;
  readonly message: string | null;
  readonly steps: number;
}

/** World steps run before controller syncs of the same instant. */
const WORLD = 0;
const SYNC = 1;

/** A world step (called with the time it runs at) or a controller sync. */
type Task = ((now: number) => void) | { readonly controller: number; readonly key: string };

export class Simulation {
  private readonly queue = new EventQueue<Task>();
  /**
   * Per controller: the pending wake-up time of each key on its work queue; NaN once it ran (deleting the
   * key would make the map allocate a new table each time it empties: a key is usually queued again soon).
   */
  private readonly pendingSyncs: Map<string, number>[];
  /** Per controller: how many keys of pendingSyncs are NaN (swept when they are most of the map). */
  private readonly ranSyncs: number[] = [];
  private readonly queues: WorkQueue[];
  private now = 0;
  private steps = 0;
  private controllersDownUntil: number | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly controllers: readonly Controller[],
    private readonly limits: SimulationLimits,
    private readonly onProgress?: (progress: SimulationProgress) => void,
  ) {
    this.pendingSyncs = [];
    this.queues = [];
    cluster.hooks = {
      schedule: (at, run) => {
        this.queue.push(Math.max(at, this.now), WORLD, run);
      },
      notify: (change) => this.notify(change),
    };
  }

  /** The work queue of the index-th controller (created as controllers join). */
  private workQueue(index: number): WorkQueue {
    while (this.queues.length <= index) {
      const i = this.queues.length;
      this.pendingSyncs.push(new Map());
      this.ranSyncs.push(0);
      this.queues.push({ addAfter: (key, delayMs) => this.enqueue(i, key, delayMs) });
    }
    return this.queues[index];
  }

  get time(): number {
    return this.now;
  }

  /** Schedules a world step (a scenario event) at `at`. */
  at(at: number, run: (now: number) => void): void {
    this.queue.push(Math.max(at, this.now), WORLD, run);
  }

  /** The controllers' informers list every object: one sync per key, at once. */
  startControllers(): void {
    this.controllers.forEach((controller, index) => {
      const queue = this.workQueue(index);
      for (const key of controller.initialKeys(this.cluster)) queue.addAfter(key, 0);
    });
  }

  /**
   * kube-controller-manager is down for `durationMs`: no sync runs and no informer event is seen. When it
   * is back its work queues and in-memory state are empty and its informers list everything again.
   */
  controllersDown(durationMs: number): void {
    const until = this.now + durationMs;
    if (this.controllersDownUntil !== null && this.controllersDownUntil >= until) return;
    this.controllersDownUntil = until;
    for (const pending of this.pendingSyncs) pending.clear();
    this.ranSyncs.fill(0);
    this.at(until, () => {
      if (this.controllersDownUntil !== until) return;
      this.controllersDownUntil = null;
      this.cluster.forgetControllerMemory();
      this.cluster.mark(this.now, 'controllerUp', engineText.t(this.cluster.locale, 'controllerUpMarker'));
      this.startControllers();
    });
  }

  run(untilMs: number | null): SimulationOutcome {
    const horizon = untilMs ?? this.limits.horizonMs;
    for (;;) {
      if (this.cluster.stopped !== null) {
        return { stopReason: 'maxPods', endMs: this.now, truncated: true, message: this.cluster.stopped.message, steps: this.steps };
      }
      const next = this.queue.peek();
      if (next === undefined) {
        return { stopReason: 'finished', endMs: this.cluster.lastActivity, truncated: false, message: null, steps: this.steps };
      }
      if (next.time > horizon) {
        if (untilMs !== null) return { stopReason: 'until', endMs: untilMs, truncated: false, message: null, steps: this.steps };
        return {
          stopReason: 'horizon',
          endMs: horizon,
          truncated: true,
          message: engineText.t(this.cluster.locale, 'stoppedAtHorizon', { days: horizon / DAY }),
          steps: this.steps,
        };
      }
      if (this.steps >= this.limits.maxEvents) {
        return {
          stopReason: 'maxEvents',
          endMs: this.now,
          truncated: true,
          message: engineText.t(this.cluster.locale, 'stoppedAtEventLimit', { count: this.limits.maxEvents, time: this.now / 1000 }),
          steps: this.steps,
        };
      }
      this.queue.pop();
      this.now = next.time;
      this.steps++;
      if (this.onProgress !== undefined && this.steps % PROGRESS_STEPS === 0) this.reportProgress(horizon);
      const task = next.item;
      if (typeof task === 'function') task(next.time);
      else this.runSync(task.controller, task.key, next.time);
    }
  }

  private reportProgress(horizon: number): void {
    const pods = this.cluster.podCount;
    // The run ends at whichever bound it meets first, so the largest share is the best estimate.
    const fraction = Math.min(1, Math.max(this.now / horizon, this.steps / this.limits.maxEvents, pods / this.cluster.maxPods));
    this.onProgress?.({ fraction, timeMs: this.now, steps: this.steps, pods });
  }

  private runSync(index: number, key: string, time: number): void {
    const pending = this.pendingSyncs[index];
    // A later wake-up superseded by an earlier one (the work queue keeps one per key).
    if (pending.get(key) !== time) return;
    pending.set(key, Number.NaN);
    if (++this.ranSyncs[index] > 64 && 2 * this.ranSyncs[index] > pending.size) this.sweep(index);
    if (this.controllersDownUntil !== null) return;
    const controller = this.controllers[index];
    // A sync may write only a status (a DaemonSet's pods becoming available after minReadySeconds): that
    // write is activity too, so a run that finishes ends after the controllers' last write.
    const written = this.cluster.statusHistory.length;
    const result = controller.sync(key, this.cluster, this.now);
    if (this.cluster.statusHistory.length !== written && this.cluster.lastActivity < this.now) this.cluster.lastActivity = this.now;
    for (const action of result.actions) this.cluster.apply(action, this.now, controller.name);
    if (result.requeueAfterMs !== null) this.enqueue(index, key, result.requeueAfterMs);
  }

  /** workqueue AddAfter: one pending wake-up per key, the earliest wins. */
  private enqueue(index: number, key: string, delayMs: number): void {
    if (this.controllersDownUntil !== null) return;
    const time = this.now + Math.max(0, delayMs);
    const pending = this.pendingSyncs[index];
    const at = pending.get(key);
    if (at !== undefined && at <= time) return;
    if (at !== undefined && Number.isNaN(at)) this.ranSyncs[index]--;
    pending.set(key, time);
    this.queue.push(time, SYNC, { controller: index, key });
  }

  /** Forgets the keys whose wake-up already ran. */
  private sweep(index: number): void {
    const pending = this.pendingSyncs[index];
    for (const [key, at] of pending) if (Number.isNaN(at)) pending.delete(key);
    this.ranSyncs[index] = 0;
  }

  private notify(change: ClusterChange): void {
    if (this.cluster.lastActivity < this.now) this.cluster.lastActivity = this.now;
    if (this.controllersDownUntil !== null) return;
    const controllers = this.controllers;
    for (let i = 0; i < controllers.length; i++) controllers[i].onChange(change, this.workQueue(i), this.cluster);
  }
}
