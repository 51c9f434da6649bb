/**
 * The CronJob controller as the simulation runs it: its informer handlers (cronjob_controllerv2.go:
 * addJob, updateJob, deleteJob and updateCronJob enqueue the CronJob at once) and a sync that reads the
 * cluster and the CronJob, calls the pure syncCronJobKey decision and turns its API calls into actions.
 *
 * The CronJob object itself lives in a CronJobStore (the API server's copy: spec and status survive a
 * controller-manager restart). A status write is an update event for the CronJob informer, and
 * updateCronJob enqueues the key again at once; the adapter models that by requeueing after 0 when the
 * status changed (the next sync then computes the real requeue).
 */
import type { ClusterAction, ClusterChange, ClusterView, NewJob, OwnerRef, PodTemplateInfo, SimJob, SimNode } from '../cluster';
import type { Controller, ControllerSyncResult, WorkQueue } from '../controller';
import type { JobSpecView } from '../job/types';
import { EMPTY_JOB_STATUS } from '../job/types';
import { formatRfc3339 } from '../time';
import { ActiveChange, ActiveIndex } from './active';
import { NEXT_SCHEDULE_DELTA_MS } from './schedule';
import { CRONJOB_CONTROLLER, syncCronJobKey } from './syncCronJob';
import type { ActiveJobs, ChildJobView, CronJobApi, CronJobFeatures, CronJobLogEntry, CronJobSpecView, CronJobStatus, CronJobView, JobReference } from './types';

/** What each Job the CronJob creates is made of (getJobFromTemplate2, after the API server's Job defaulting). */
export interface JobTemplateView {
  readonly spec: JobSpecView;
  readonly template: PodTemplateInfo;
}

/**
 * The CronJob as the API server holds it. Times are simulated ms, except in view() (epoch ms, for the
 * decision). status.active is one ActiveIndex, changed in place when a status is written.
 */
export class CronJobStore {
  private cached: CronJobView | null = null;
  private statusValue: CronJobStatus;
  private readonly active: ActiveIndex;

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly uid: string,
    /** Wall clock of simulated t = 0. */
    readonly startEpochMs: number,
    /** metadata.creationTimestamp, epoch ms. */
    readonly creationTimestamp: number,
    private specValue: CronJobSpecView,
    status: { readonly active: Iterable<JobReference>; readonly lastScheduleTime: number | null; readonly lastSuccessfulTime: number | null },
    public jobTemplate: JobTemplateView,
    /** Called on every status write (for the Timeline's status history). */
    private readonly onStatus: (status: CronJobStatus, now: number) => void = () => undefined,
  ) {
    this.active = new ActiveIndex(status.active);
    this.statusValue = { active: this.active, lastScheduleTime: status.lastScheduleTime, lastSuccessfulTime: status.lastSuccessfulTime };
  }

  get spec(): CronJobSpecView {
    return this.specValue;
  }

  get status(): CronJobStatus {
    return this.statusValue;
  }

  /** kubectl patch: a spec change. */
  setSpec(spec: CronJobSpecView): void {
    this.specValue = spec;
    this.cached = null;
  }

  /** cronJobControl.UpdateStatus: the sync's status becomes the stored one (its active changes applied to the index). */
  setStatus(status: CronJobStatus, now: number): void {
    applyActive(this.active, status.active);
    this.statusValue = { active: this.active, lastScheduleTime: status.lastScheduleTime, lastSuccessfulTime: status.lastSuccessfulTime };
    this.cached = null;
    this.onStatus(this.statusValue, now);
  }

  view(): CronJobView {
    this.cached ??= {
      name: this.name,
      namespace: this.namespace,
      uid: this.uid,
      creationTimestamp: this.creationTimestamp,
      deleting: false,
      spec: this.specValue,
      status: this.statusValue,
    };
    return this.cached;
  }
}

/** Makes `index` hold what `active` holds: the changes a sync stacked on the index, replayed in order. */
export function applyActive(index: ActiveIndex, active: ActiveJobs): void {
  if (active === index) return;
  if (active instanceof ActiveChange) {
    applyActive(index, active.base);
    for (const uid of active.removed) index.remove(uid);
    for (const ref of active.added) index.add(ref);
    return;
  }
  // Another list (a fresh read the sync switched to): copied.
  const refs = [...active];
  for (const ref of [...index]) index.remove(ref.uid);
  for (const ref of refs) index.add(ref);
}

/** The UID the simulation gives a Job: unique, because a name is only ever created once at a given instant. */
export function jobUid(namespace: string, name: string, createdAt: number): string {
  return `${namespace}/${name}@${createdAt}`;
}

export interface CronJobControllerOptions {
  /** The zone of a schedule without spec.timeZone: the controller manager's. */
  readonly localTimeZone: string;
  readonly features: CronJobFeatures;
  /** What the controller would log at its decisions (the simulator turns them into Timeline markers). */
  readonly onLog?: (entry: CronJobLogEntry, now: number) => void;
}

/**
 * The change a WorkloadRun sends (cluster.hooks.notify) when the CronJob object itself changes (a scenario
 * `suspend`): updateCronJob's enqueue. A node change that is no node, so no other controller reacts to it.
 */
export const CRONJOB_UPDATED: ClusterChange = {
  kind: 'node',
  op: 'updated',
  node: { name: '', labels: {}, taints: [], unschedulable: false, ready: true, addedAt: 0, removedAt: null } satisfies SimNode,
};

/**
 * The adapter keeps, from its informer events, which of the CronJob's Jobs the decision must see: the
 * finished ones, the ones changed since the last sync that are not in status.active, and the entries of
 * status.active whose Job was deleted. The unfinished Jobs in status.active change nothing in a sync, so a
 * sync costs what changed, not how many Jobs are running. After a (re)start it looks at everything once.
 */
export class CronJobController implements Controller {
  readonly name = CRONJOB_CONTROLLER;
  /** The CronJob's live Jobs, and the finished ones among them. */
  private readonly children = new Map<string, SimJob>();
  private readonly finished = new Map<string, SimJob>();
  /**
   * Jobs added or changed since the last sync, in the order they were first marked, and for each live Job the
   * sync round that last marked it (a new round is free; clearing a set would allocate a table at every sync).
   */
  private readonly changed: string[] = [];
  /** How many of `changed` belong to this round (the array is reused: emptying it would drop its storage). */
  private changedCount = 0;
  private readonly markedIn = new Map<string, number>();
  private round = 0;
  /** Names of Jobs deleted since the last sync. */
  private readonly deleted: string[] = [];
  private fullScan = true;
  private finishedCache: { readonly size: number; readonly jobs: readonly SimJob[]; readonly statuses: readonly SimJob['status'][]; readonly views: ChildJobView[] } | null = null;
  /** Each live Job's view, as of the status it was made from: most syncs see the same Jobs again. */
  private readonly views = new Map<SimJob, { readonly status: SimJob['status']; readonly view: ChildJobView }>();
  /** The involved object of its events and the owner of its Jobs. */
  private readonly owner: OwnerRef;

  private readonly api: SimulationApi;
  /** The last sync changed nothing: its inputs, and until when the same inputs decide the same (see quietUntil). */
  private quiet: { readonly view: CronJobView; readonly jobs: readonly ChildJobView[]; readonly until: number } | null = null;

  constructor(
    private readonly store: CronJobStore,
    private readonly options: CronJobControllerOptions,
  ) {
    this.api = new SimulationApi(store, (job) => this.viewOf(job));
    this.owner = { kind: 'CronJob', name: store.name };
  }

  /** The Job's view, made again only when its status changed. */
  private viewOf(job: SimJob): ChildJobView {
    const cached = this.views.get(job);
    if (cached !== undefined && cached.status === job.status) return cached.view;
    // The UID never changes: the earlier view's string is kept.
    const view = makeChildJobView(job, this.store.startEpochMs, this.store, cached?.view.uid);
    this.views.set(job, { status: job.status, view });
    return view;
  }

  initialKeys(): readonly string[] {
    // The informers list everything again: so does the next sync.
    this.fullScan = true;
    return [this.store.name];
  }

  onChange(change: ClusterChange, queue: WorkQueue): void {
    if (change === CRONJOB_UPDATED) {
      queue.addAfter(this.store.name, 0);
      return;
    }
    // addJob / updateJob / deleteJob: a Job whose controller is this CronJob wakes it at once.
    if (change.kind !== 'job' || !this.owns(change.job)) return;
    const job = change.job;
    if (change.op === 'deleted' || job.goneAt !== null) {
      if (this.children.get(job.name) === job) {
        this.children.delete(job.name);
        this.finished.delete(job.name);
      }
      this.views.delete(job);
      // Marked in this round: the sync still reads the name (and forgets it then).
      if (this.markedIn.get(job.name) !== this.round) this.markedIn.delete(job.name);
      if (!this.deleted.includes(job.name)) this.deleted.push(job.name);
    } else {
      this.children.set(job.name, job);
      if (isFinished(job)) this.finished.set(job.name, job);
      this.markChanged(job.name);
    }
    queue.addAfter(this.store.name, 0);
  }

  /** Marks a Job changed in this round (once a round, in the order of first marking, as a set would). */
  private markChanged(name: string): void {
    if (this.markedIn.get(name) === this.round) return;
    this.markedIn.set(name, this.round);
    this.changed[this.changedCount++] = name;
  }

  sync(key: string, cluster: ClusterView, now: number): ControllerSyncResult {
    const store = this.store;
    if (key !== store.name) return { actions: [], requeueAfterMs: null };
    const epoch = store.startEpochMs;
    const active = store.status.active;
    let missingActive: JobReference[] = NONE_MISSING;
    if (this.fullScan) {
      this.fullScan = false;
      this.children.clear();
      this.finished.clear();
      this.changedCount = 0;
      this.markedIn.clear();
      this.round++;
      this.deleted.length = 0;
      this.views.clear();
      for (const job of cluster.jobs()) {
        if (job.goneAt !== null || !this.owns(job)) continue;
        this.children.set(job.name, job);
        if (isFinished(job)) this.finished.set(job.name, job);
        this.markChanged(job.name);
      }
      for (const ref of active) if (!this.exists(ref, cluster)) (missingActive = missingActive === NONE_MISSING ? [] : missingActive).push(ref);
    } else {
      for (const name of this.deleted) {
        const ref = active.byName(store.namespace, name);
        if (ref !== undefined && !this.exists(ref, cluster)) (missingActive = missingActive === NONE_MISSING ? [] : missingActive).push(ref);
      }
    }
    if (this.deleted.length > 0) this.deleted.length = 0;
    let jobs: ChildJobView[] = this.finishedViews();
    for (let i = 0; i < this.changedCount; i++) {
      const name = this.changed[i];
      const job = this.children.get(name);
      if (job === undefined) {
        // Gone: markedIn keeps live Jobs only.
        this.markedIn.delete(name);
        continue;
      }
      if (this.finished.has(name)) continue;
      const view = this.viewOf(job);
      if (!active.hasUid(view.uid)) jobs = [...jobs, view];
    }
    this.changedCount = 0;
    this.round++;

    const view = store.view();
    const quiet = this.quiet;
    if (quiet !== null && quiet.view === view && quiet.jobs === jobs && missingActive.length === 0 && epoch + now < quiet.until) {
      // The same CronJob and Jobs before the next schedule time: the decision the last sync made, again.
      return { actions: NO_ACTIONS, requeueAfterMs: quiet.until + NEXT_SCHEDULE_DELTA_MS - (epoch + now) };
    }
    this.api.cluster = cluster;
    this.api.now = now;
    const before = store.status;
    const result = syncCronJobKey({ cronJob: view, jobs, missingActive, now: epoch + now, localTimeZone: this.options.localTimeZone, api: this.api, features: this.options.features });
    const noop = result.actions.length === 0 && !result.updateStatus && result.error === null && result.log.length === 0;
    this.quiet = noop && result.quietUntil !== undefined && result.quietUntil !== null ? { view, jobs, until: result.quietUntil } : null;
    const statusChanged = result.updateStatus && result.status !== before;
    if (statusChanged) store.setStatus(result.status, now);

    const owner = this.owner;
    const actions: ClusterAction[] = [];
    for (const action of result.actions) {
      switch (action.type) {
        case 'createJob': {
          const template = store.jobTemplate;
          const job: NewJob = {
            name: action.name,
            namespace: action.namespace,
            owner,
            scheduledTime: formatRfc3339(action.scheduledTime),
            spec: template.spec,
            status: EMPTY_JOB_STATUS,
            template: template.template,
          };
          actions.push({ type: 'createJob', job });
          break;
        }
        case 'deleteJob':
          actions.push({ type: 'deleteJob', job: action.name, reason: action.reason === 'Replace' ? 'concurrencyPolicy Replace' : 'jobs history limit' });
          break;
        case 'event':
          actions.push({ type: 'event', involved: owner, eventType: action.eventType, reason: action.reason, message: action.message });
          break;
      }
    }
    if (this.options.onLog !== undefined) for (const entry of result.log) this.options.onLog(entry, now);
    // A changed status is an update event: updateCronJob enqueues the key again at once.
    const requeueAfterMs = statusChanged ? 0 : result.requeueAfterMs;
    return { actions, requeueAfterMs };
  }

  /** The views of the finished Jobs, rebuilt only when one of them changed (most syncs see the same ones). */
  private finishedViews(): ChildJobView[] {
    const cache = this.finishedCache;
    if (cache !== null && cache.size === this.finished.size) {
      let same = true;
      let i = 0;
      for (const job of this.finished.values()) {
        if (cache.jobs[i] !== job || cache.statuses[i] !== job.status) {
          same = false;
          break;
        }
        i++;
      }
      if (same) return cache.views;
    }
    const jobs = [...this.finished.values()];
    this.finishedCache = { size: jobs.length, jobs, statuses: jobs.map((j) => j.status), views: jobs.map((j) => this.viewOf(j)) };
    return this.finishedCache.views;
  }

  private owns(job: SimJob): boolean {
    return job.owner !== null && job.owner.kind === 'CronJob' && job.owner.name === this.store.name;
  }

  private exists(ref: JobReference, cluster: ClusterView): boolean {
    const job = cluster.job(ref.name);
    return job !== undefined && job.goneAt === null && job.namespace === ref.namespace && this.viewOf(job).uid === ref.uid;
  }
}

const NONE_MISSING: JobReference[] = [];
const NO_ACTIONS: readonly ClusterAction[] = [];

function isFinished(job: SimJob): boolean {
  for (const c of job.status.conditions) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return true;
  return false;
}

/** The API calls of a sync, answered from the cluster the sync reads (set before each sync). */
class SimulationApi implements CronJobApi {
  cluster: ClusterView | null = null;
  now = 0;

  constructor(
    private readonly store: CronJobStore,
    private readonly viewOf: (job: SimJob) => ChildJobView,
  ) {}

  getJob(namespace: string, name: string): ChildJobView | null {
    const job = this.cluster?.job(name);
    return job === undefined || job.goneAt !== null || job.namespace !== namespace ? null : this.viewOf(job);
  }

  getCronJob(): CronJobView {
    return this.store.view();
  }

  createJob(namespace: string, name: string): { readonly uid: string } | { readonly error: string; readonly reason: 'AlreadyExists' } {
    if (this.cluster?.job(name) !== undefined) return { error: `jobs.batch "${name}" already exists`, reason: 'AlreadyExists' };
    return { uid: jobUid(namespace, name, this.now) };
  }
}

function makeChildJobView(job: SimJob, epoch: number, store: CronJobStore, uid = jobUid(job.namespace, job.name, job.createdAt)): ChildJobView {
  let finished: 'Complete' | 'Failed' | null = null;
  for (const c of job.status.conditions) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') {
      finished = c.type;
      break;
    }
  }
  const owned = job.owner !== null && job.owner.kind === 'CronJob' && job.owner.name === store.name;
  return {
    name: job.name,
    namespace: job.namespace,
    uid,
    controllerName: owned ? store.name : null,
    controllerUid: owned ? store.uid : null,
    finished,
    startTime: job.status.startTime === null ? null : epoch + job.status.startTime,
    completionTime: job.status.completionTime === null ? null : epoch + job.status.completionTime,
  };
}
