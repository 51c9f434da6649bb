/**
 * The simulated world: nodes, Jobs and pods, and the only place any of it changes (`apply`). Controllers
 * never touch it: they read it through ClusterView and return actions. Every change is reported to the
 * simulation (which plays informer and wakes the controllers) and recorded for the Timeline.
 *
 * What kubelet and kube-scheduler would do to a pod after it is created (bind, start, become Ready,
 * exit, restart, be killed) lives in kubelet.ts; this file keeps the state and the books.
 */
import type { JobSpecView, JobStatus, JobCondition, PodPhase } from './job/types';
import type { Locale } from '../i18n';
import type { ScenarioNode, Taint } from './scenario';
import type { TimelineCondition, TimelineEvent, TimelineJob, TimelineMarker, TimelinePod, TimelineStatus } from './timeline';
import { timelineJob, timelinePod } from './timelineRecords';
import { recordTime } from './timelineTimes';
import { engineText } from './engineText';

export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
}

/** What kubelet and the scheduler need from a pod template. */
export interface PodTemplateInfo {
  readonly containerNames: readonly string[];
  readonly restartPolicy: string;
  readonly activeDeadlineSeconds: number | null;
  readonly terminationGracePeriodSeconds: number;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  /** The first container's image, when known (scenario outcomes may select pods by it). */
  readonly image?: string;
}

/** One run of a pod's (first) container. */
export interface ContainerRun {
  readonly startedAt: number;
  readyAt: number | null;
  finishedAt: number | null;
  exitCode: number | null;
  reason: string | null;
}

export interface SimPodCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly at: number;
}

/** How a pod will behave, decided when it is created (kubelet.ts: planPod). */
export interface PodPlan {
  readonly startupMs: number;
  readonly terminationMs: number;
  /** The n-th run (0-based) of the container. */
  run(n: number): { readonly runMs: number; readonly exitCode: number; readonly readyMs: number };
}

export interface SimPod {
  /** Global creation sequence. */
  readonly uid: number;
  readonly name: string;
  readonly namespace: string;
  readonly owner: OwnerRef;
  readonly template: PodTemplateInfo;
  readonly createdAt: number;
  /** The Nth pod its owner created (1-based). */
  readonly ordinal: number;
  /** The owner Job's creation ordinal (CronJob runs); 1 for a single Job. */
  readonly jobOrdinal: number;
  readonly index: number | null;
  readonly attempt: number | null;
  readonly indexFailureCount: number | null;
  readonly indexIgnoredFailureCount: number | null;
  readonly revision: number | null;
  readonly plan: PodPlan;
  nodeName: string | null;
  scheduledAt: number | null;
  phase: PodPhase;
  ready: boolean;
  readySince: number | null;
  firstReadyAt: number | null;
  /** When Ready last turned False (kubelet's Ready=False on termination). */
  unreadySince: number | null;
  runs: ContainerRun[];
  restartCount: number;
  /** The container's waiting reason while it is not running: ContainerCreating, CrashLoopBackOff. */
  waitingReason: string | null;
  /** status.reason, set for pod-level causes only: DeadlineExceeded. */
  reason: string | null;
  finishedAt: number | null;
  conditions: SimPodCondition[];
  deletionTimestamp: number | null;
  deletedBy: string | null;
  goneAt: number | null;
  hasFinalizer: boolean;
  /** Bumped whenever scheduled kubelet steps for this pod become stale (killed, restarted). */
  epoch: number;
  /** kubelet's container restart backoff (ms) and when it was last updated. */
  crashBackoffMs: number;
  crashBackoffUpdatedAt: number | null;
  /** The pod no longer counts toward its node's load (the scheduler's bookkeeping). */
  released: boolean;
  /** Bumped on every change: lets controllers reuse what they derived from an unchanged pod. */
  version: number;
  /** A controller's derived view of this pod at `version` (job/controller.ts keeps its PodView here). */
  viewCache: { readonly version: number; readonly view: unknown } | null;
  /** The owner's set of pods the controller still looks at, while this pod is in it. */
  trackedIn: Set<SimPod> | null;
  /** Its place in the cluster's list of every pod (set when the pod is admitted). */
  seq: number;
}

export interface SimJob {
  readonly name: string;
  readonly namespace: string;
  readonly ordinal: number;
  readonly createdAt: number;
  readonly owner: OwnerRef | null;
  /** CronJobs: the schedule time (RFC 3339) this Job was created for. */
  readonly scheduledTime: string | null;
  readonly template: PodTemplateInfo;
  spec: JobSpecView;
  generation: number;
  status: JobStatus;
  deletionTimestamp: number | null;
  deletedBy: string | null;
  goneAt: number | null;
  /** How many pods this Job created, and how many per completion index. */
  podsCreated: number;
  readonly attemptsByIndex: Map<number, number>;
}

export interface SimNode extends ScenarioNode {
  readonly addedAt: number;
  removedAt: number | null;
}

export type ClusterChange =
  | { readonly kind: 'pod'; readonly op: 'added' | 'updated' | 'deleted'; readonly pod: SimPod }
  | { readonly kind: 'job'; readonly op: 'added' | 'updated' | 'deleted'; readonly job: SimJob; readonly specChanged: boolean }
  | { readonly kind: 'node'; readonly op: 'added' | 'updated' | 'deleted'; readonly node: SimNode };

/** What controllers may ask of the world. */
export type ClusterAction =
  | {
      readonly type: 'createPod';
      readonly owner: OwnerRef;
      readonly generateName: string;
      readonly index: number | null;
      readonly indexFailureCount: number | null;
      readonly indexIgnoredFailureCount: number | null;
      /** A fixed node (DaemonSet pods); the scheduler picks one when absent. */
      readonly nodeName?: string | null;
      readonly revision?: number | null;
      /** The pod template when it is not the owner Job's. */
      readonly template?: PodTemplateInfo;
      /** The owner's namespace when the owner is not a Job (DaemonSet pods). */
      readonly namespace?: string;
      /** A fixed name (a StatefulSet's `<set>-<ordinal>`); generated from generateName when absent. */
      readonly name?: string;
      /** The SuccessfulCreate event's message when it is not `Created pod: <name>` (a StatefulSet's wording). */
      readonly eventMessage?: string;
    }
  | {
      readonly type: 'deletePod';
      readonly pod: string;
      readonly removeFinalizer: boolean;
      readonly reason: string;
      /** The SuccessfulDelete event's message when it is not `Deleted pod: <name>` (a StatefulSet's wording). */
      readonly eventMessage?: string;
    }
  | { readonly type: 'removeFinalizer'; readonly pod: string }
  | { readonly type: 'updateJobStatus'; readonly job: string; readonly status: JobStatus }
  | { readonly type: 'createJob'; readonly job: NewJob }
  | { readonly type: 'deleteJob'; readonly job: string; readonly reason: string }
  | { readonly type: 'event'; readonly involved: OwnerRef; readonly eventType: 'Normal' | 'Warning'; readonly reason: string; readonly message: string }
  /** A controller's in-memory state (lost when the controller manager restarts). */
  | { readonly type: 'setMemory'; readonly key: string; readonly value: unknown };

export interface NewJob {
  readonly name: string;
  readonly namespace: string;
  readonly owner: OwnerRef | null;
  readonly scheduledTime: string | null;
  readonly spec: JobSpecView;
  readonly status: JobStatus;
  readonly template: PodTemplateInfo;
  /** metadata.creationTimestamp; now when absent. */
  readonly createdAt?: number;
}

/** The read-only face of the cluster that controllers sync against. */
export interface ClusterView {
  job(name: string): SimJob | undefined;
  jobs(): Iterable<SimJob>;
  pod(name: string): SimPod | undefined;
  /** The owner's pods that are active, terminating or still carry a finalizer, in creation order. */
  trackedPods(owner: OwnerRef): Iterable<SimPod>;
  /** Every pod the owner created that still exists. */
  podsOf(owner: OwnerRef): SimPod[];
  nodes(): readonly SimNode[];
  memory(key: string): unknown;
}

/** Pod lifecycle: scheduling and kubelet (kubelet.ts). */
export interface PodLifecycle {
  /** Builds and admits a new pod; null when the pod limit stops the run. */
  createPod(action: Extract<ClusterAction, { type: 'createPod' }>, now: number): SimPod | null;
  /** Binds a new pod: to `nodeName` when given (DaemonSet pods), else where the scheduler puts it. */
  place(pod: SimPod, nodeName: string | null, now: number): void;
  /** The pod's deletionTimestamp was just set: stop its containers (after the grace the scenario gives). */
  podDeleted(pod: SimPod, now: number): void;
  /** The pod's node is gone: its containers are gone with it. */
  nodeLost(pod: SimPod, now: number): void;
  /** Nodes were added: pending pods may fit now. */
  nodesChanged(now: number): void;
}

/** The hooks the simulation gives the cluster. */
export interface ClusterHooks {
  /** Run `task` at simulated time `at` (a world event: it runs before controller syncs of the same instant). */
  schedule(at: number, task: (now: number) => void): void;
  /** An informer notification. */
  notify(change: ClusterChange): void;
}

export function ownerKey(owner: OwnerRef): string {
  return `${owner.kind}/${owner.name}`;
}

/** The pods of one owner that still exist, and those of them its controller still looks at. */
interface OwnerPods {
  readonly owned: Set<SimPod>;
  readonly tracked: Set<SimPod>;
}

export class Cluster implements ClusterView {
  /**
   * Every pod and Job created, in order: while it exists, the simulated object; once it is gone (it never
   * changes again), its Timeline record, so a long run does not keep every pod's working state.
   */
  private readonly podRecords: (SimPod | TimelinePod)[] = [];
  private readonly jobRecords: (SimJob | TimelineJob)[] = [];
  /** The pods that exist, in creation order. */
  private readonly existingPods = new Set<SimPod>();
  readonly nodeList: SimNode[] = [];
  /** Live nodes by name: DaemonSet rollouts look nodes up once per pod. */
  private readonly liveByName = new Map<string, SimNode>();
  readonly events: TimelineEvent[] = [];
  readonly conditions: TimelineCondition[] = [];
  readonly statusHistory: TimelineStatus[] = [];
  readonly markers: TimelineMarker[] = [];
  readonly notes: string[] = [];
  /** The last time anything changed or was recorded: where a run that simply ran out of work ends. */
  lastActivity = 0;
  /** Set when a limit stops the run. */
  stopped: { readonly reason: 'maxPods'; readonly message: string } | null = null;
  /** The hooks the kubelet model and actions use; set by the simulation before anything happens. */
  hooks: ClusterHooks = { schedule: () => undefined, notify: () => undefined };
  /** What kubelet and the scheduler do with pods (kubelet.ts installs itself here). */
  kubelet: PodLifecycle | null = null;

  private readonly podsByName = new Map<string, SimPod>();
  private readonly jobsByName = new Map<string, SimJob>();
  /** Owner kind → owner name → its pods (no entry once none is left). */
  private readonly podsByOwner = new Map<string, Map<string, OwnerPods>>();
  private readonly controllerMemory = new Map<string, unknown>();
  private live: SimNode[] | null = null;

  /** `locale`: the language of the notes for the reader (engineText); controllers' events stay English. */
  constructor(
    readonly maxPods: number,
    readonly locale: Locale = 'en',
  ) {}

  // --- ClusterView ------------------------------------------------------------------------------------

  job(name: string): SimJob | undefined {
    return this.jobsByName.get(name);
  }

  jobs(): Iterable<SimJob> {
    return this.jobsByName.values();
  }

  pod(name: string): SimPod | undefined {
    return this.podsByName.get(name);
  }

  trackedPods(owner: OwnerRef): Iterable<SimPod> {
    return this.podsByOwner.get(owner.kind)?.get(owner.name)?.tracked ?? NO_PODS;
  }

  podsOf(owner: OwnerRef): SimPod[] {
    const pods = this.podsByOwner.get(owner.kind)?.get(owner.name);
    return pods === undefined ? [] : [...pods.owned];
  }

  /** How many pods the run created. */
  get podCount(): number {
    return this.podRecords.length;
  }

  /** The pods that exist (not yet gone from the API), in creation order. */
  existing(): Iterable<SimPod> {
    return this.existingPods;
  }

  /** The Timeline's pods and Jobs, in creation order (the run is over: the records replace the objects). */
  timelineRecords(): { readonly pods: TimelinePod[]; readonly jobs: TimelineJob[] } {
    for (const pod of this.existingPods) this.podRecords[pod.seq] = timelinePod(pod);
    for (const job of this.jobsByName.values()) this.jobRecords[job.ordinal - 1] = timelineJob(job);
    return { pods: this.podRecords as TimelinePod[], jobs: this.jobRecords as TimelineJob[] };
  }

  nodes(): readonly SimNode[] {
    return this.nodeList;
  }

  memory(key: string): unknown {
    return this.controllerMemory.get(key);
  }

  /** kube-controller-manager restarted: everything controllers kept in memory is gone. */
  forgetControllerMemory(): void {
    this.controllerMemory.clear();
  }

  /** A generated name must not collide with a pod that exists (a deleted pod's name may come back, as in a cluster). */
  isNameTaken(name: string): boolean {
    return this.podsByName.has(name);
  }

  // --- apply ------------------------------------------------------------------------------------------

  /** Carries out one controller action at `now`; `source` is the controller's component name. */
  apply(action: ClusterAction, now: number, source: string): void {
    switch (action.type) {
      case 'createPod': {
        const pod = this.kubelet?.createPod(action, now) ?? null;
        if (pod === null) return;
        // The create call returns (the pod control records the event), then the scheduler takes the pod.
        this.recordEvent(now, action.owner, 'Normal', 'SuccessfulCreate', action.eventMessage ?? `Created pod: ${pod.name}`, source);
        this.kubelet?.place(pod, action.nodeName ?? null, now);
        return;
      }
      case 'deletePod': {
        const pod = this.podsByName.get(action.pod);
        if (pod === undefined || pod.goneAt !== null) return;
        if (action.removeFinalizer) this.setFinalizer(pod, false, now, false);
        this.deletePod(pod, now, this.deletedBy(source, action.reason));
        this.recordEvent(now, pod.owner, 'Normal', 'SuccessfulDelete', action.eventMessage ?? `Deleted pod: ${pod.name}`, source);
        return;
      }
      case 'removeFinalizer': {
        const pod = this.podsByName.get(action.pod);
        if (pod !== undefined && pod.goneAt === null) this.setFinalizer(pod, false, now, true);
        return;
      }
      case 'updateJobStatus': {
        const job = this.jobsByName.get(action.job);
        if (job !== undefined && job.goneAt === null) this.setJobStatus(job, action.status, now);
        return;
      }
      case 'createJob':
        this.addJob(action.job, now);
        return;
      case 'deleteJob': {
        const job = this.jobsByName.get(action.job);
        if (job !== undefined && job.goneAt === null) this.deleteJob(job, now, this.deletedBy(source, action.reason));
        return;
      }
      case 'event':
        this.recordEvent(now, action.involved, action.eventType, action.reason, action.message, source);
        return;
      case 'setMemory':
        if (action.value === null || action.value === undefined) this.controllerMemory.delete(action.key);
        else this.controllerMemory.set(action.key, action.value);
        return;
    }
  }

  /** "<component>: <reason>", one string per pair: every Job a CronJob's history limit deletes says the same. */
  private deletedBy(source: string, reason: string): string {
    let byReason = this.deletedByTexts.get(source);
    if (byReason === undefined) this.deletedByTexts.set(source, (byReason = new Map()));
    let text = byReason.get(reason);
    if (text === undefined) byReason.set(reason, (text = `${source}: ${reason}`));
    return text;
  }

  private readonly deletedByTexts = new Map<string, Map<string, string>>();

  // --- Jobs -------------------------------------------------------------------------------------------

  addJob(spec: NewJob, now: number): SimJob {
    const job: SimJob = {
      name: spec.name,
      namespace: spec.namespace,
      ordinal: this.jobRecords.length + 1,
      createdAt: spec.createdAt ?? now,
      owner: spec.owner,
      scheduledTime: spec.scheduledTime,
      template: spec.template,
      spec: spec.spec,
      generation: 1,
      status: spec.status,
      deletionTimestamp: null,
      deletedBy: null,
      goneAt: null,
      podsCreated: 0,
      attemptsByIndex: new Map(),
    };
    this.jobRecords.push(job);
    this.jobsByName.set(job.name, job);
    // Conditions the Job already had (a pasted live object) are part of its history.
    for (const condition of job.status.conditions) this.recordCondition(job, condition);
    this.recordStatus(job, now, true);
    this.hooks.notify({ kind: 'job', op: 'added', job, specChanged: true });
    return job;
  }

  /** A spec change (kubectl patch): the generation goes up, so the Job controller syncs at once. */
  updateJobSpec(job: SimJob, spec: JobSpecView): void {
    job.spec = spec;
    job.generation++;
    this.hooks.notify({ kind: 'job', op: 'updated', job, specChanged: true });
  }

  private setJobStatus(job: SimJob, status: JobStatus, now: number): void {
    const previous = job.status;
    job.status = status;
    for (const condition of status.conditions) {
      let before: JobCondition | undefined;
      for (const c of previous.conditions) {
        if (c.type !== condition.type) continue;
        before = c;
        break;
      }
      if (before === undefined || !sameCondition(before, condition)) this.recordCondition(job, condition);
    }
    this.recordStatus(job, now);
    this.hooks.notify({ kind: 'job', op: 'updated', job, specChanged: false });
  }

  /** Deletion with foreground propagation: the garbage collector deletes the pods, then the Job. */
  deleteJob(job: SimJob, now: number, by: string): void {
    job.deletionTimestamp = now;
    job.deletedBy = by;
    const owned = this.podsByOwner.get('Job')?.get(job.name)?.owned;
    if (owned !== undefined) {
      for (const pod of [...owned]) {
        if (pod.goneAt !== null) continue;
        // The Job is going away: nothing will count these pods any more.
        this.setFinalizer(pod, false, now, false);
        this.deletePod(pod, now, `garbage-collector: owner Job ${job.name} deleted`);
      }
    }
    job.goneAt = now;
    this.jobsByName.delete(job.name);
    this.hooks.notify({ kind: 'job', op: 'deleted', job, specChanged: false });
    // Gone for good: only its Timeline record is kept.
    if (this.jobRecords[job.ordinal - 1] === job) this.jobRecords[job.ordinal - 1] = timelineJob(job);
  }

  private recordCondition(job: SimJob, condition: JobCondition): void {
    this.conditions.push({
      object: job.name,
      kind: 'Job',
      type: condition.type,
      status: condition.status,
      reason: condition.reason,
      message: condition.message,
      at: recordTime(condition.lastTransitionTime),
    });
  }

  /** The status history's copy of the statuses new Jobs start with: every Job a CronJob creates starts with the same one. */
  private readonly initialStatusJson = new Map<JobStatus, Readonly<Record<string, unknown>>>();

  private recordStatus(job: SimJob, now: number, initial = false): void {
    const s = job.status;
    let json = initial ? this.initialStatusJson.get(s) : undefined;
    if (json === undefined) {
      json = statusJson(s);
      if (initial && this.initialStatusJson.size < 16) this.initialStatusJson.set(s, json);
    }
    this.statusHistory.push({ at: recordTime(now), object: job.name, kind: 'Job', status: json });
  }

  // --- pods -------------------------------------------------------------------------------------------

  /** Registers a pod built by kubelet.ts; returns false (and stops the run) beyond the pod limit. */
  admitPod(pod: SimPod, now: number): boolean {
    if (this.podRecords.length >= this.maxPods) {
      if (this.stopped === null) {
        this.stopped = { reason: 'maxPods', message: engineText.t(this.locale, 'stoppedAtPodLimit', { count: this.maxPods, time: seconds(now) }) };
      }
      return false;
    }
    pod.seq = this.podRecords.length;
    this.podRecords.push(pod);
    this.existingPods.add(pod);
    this.podsByName.set(pod.name, pod);
    let byName = this.podsByOwner.get(pod.owner.kind);
    if (byName === undefined) this.podsByOwner.set(pod.owner.kind, (byName = new Map()));
    let pods = byName.get(pod.owner.name);
    if (pods === undefined) byName.set(pod.owner.name, (pods = { owned: new Set(), tracked: new Set() }));
    pods.owned.add(pod);
    pods.tracked.add(pod);
    pod.trackedIn = pods.tracked;
    this.notifyPod('added', pod);
    return true;
  }

  /**
   * Pod notifications reuse one change object: informer handlers read it during the call and keep
   * nothing (the Controller contract), and a large run makes hundreds of thousands of them.
   */
  private readonly podChange: { kind: 'pod'; op: 'added' | 'updated' | 'deleted'; pod: SimPod | null } = { kind: 'pod', op: 'added', pod: null };

  private notifyPod(op: 'added' | 'updated' | 'deleted', pod: SimPod): void {
    this.podChange.op = op;
    this.podChange.pod = pod;
    this.hooks.notify(this.podChange as ClusterChange);
    this.podChange.pod = null;
  }

  /** A kubelet or scheduler change to a pod: bookkeeping, then the informer notification. */
  podChanged(pod: SimPod, now: number): void {
    pod.version++;
    this.refreshTracking(pod, now);
    if (pod.goneAt === null) this.notifyPod('updated', pod);
  }

  /** DELETE: the deletion timestamp is set; kubelet stops the containers; the object goes once no finalizer is left. */
  deletePod(pod: SimPod, now: number, by: string): void {
    if (pod.deletionTimestamp !== null) return;
    pod.deletionTimestamp = now;
    pod.deletedBy = by;
    this.kubelet?.podDeleted(pod, now);
    this.podChanged(pod, now);
  }

  setFinalizer(pod: SimPod, value: boolean, now: number, notify: boolean): void {
    if (pod.hasFinalizer === value) return;
    pod.hasFinalizer = value;
    pod.version++;
    if (notify) this.podChanged(pod, now);
    else this.refreshTracking(pod, now);
  }

  /** Keeps the per-owner set of pods the controller still has to look at; removes deleted pods that may go. */
  private refreshTracking(pod: SimPod, now: number): void {
    const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
    const stopped = terminal || pod.nodeName === null;
    if (pod.goneAt === null && pod.deletionTimestamp !== null && !pod.hasFinalizer && stopped) {
      pod.goneAt = now;
      if (this.podsByName.get(pod.name) === pod) this.podsByName.delete(pod.name);
      this.untrack(pod);
      this.notifyPod('deleted', pod);
      this.retire(pod);
      return;
    }
    if (terminal && !pod.hasFinalizer) this.untrack(pod);
  }

  /** The pod is gone from the API and never changes again: its Timeline record replaces it. */
  private retire(pod: SimPod): void {
    this.existingPods.delete(pod);
    const byName = this.podsByOwner.get(pod.owner.kind);
    const pods = byName?.get(pod.owner.name);
    if (pods !== undefined) {
      pods.owned.delete(pod);
      if (pods.owned.size === 0 && pods.tracked.size === 0) byName?.delete(pod.owner.name);
    }
    pod.viewCache = null;
    if (this.podRecords[pod.seq] === pod) this.podRecords[pod.seq] = timelinePod(pod);
  }

  private untrack(pod: SimPod): void {
    if (pod.trackedIn === null) return;
    pod.trackedIn.delete(pod);
    pod.trackedIn = null;
  }

  // --- nodes ------------------------------------------------------------------------------------------

  addNode(node: ScenarioNode, now: number): SimNode | undefined {
    if (this.liveByName.has(node.name)) return undefined;
    const simNode: SimNode = { ...node, addedAt: now, removedAt: null };
    this.nodeList.push(simNode);
    this.liveByName.set(simNode.name, simNode);
    this.live = null;
    this.hooks.notify({ kind: 'node', op: 'added', node: simNode });
    this.kubelet?.nodesChanged(now);
    return simNode;
  }

  /**
   * The Node object is deleted: PodGC marks the pods bound to it with DisruptionTarget, sets them Failed
   * and deletes them (pkg/controller/podgc: gcOrphaned).
   */
  removeNode(name: string, now: number): SimNode | undefined {
    const node = this.liveByName.get(name);
    if (node === undefined) return undefined;
    node.removedAt = now;
    this.liveByName.delete(name);
    this.live = null;
    this.hooks.notify({ kind: 'node', op: 'deleted', node });
    for (const pod of this.existingPods) {
      if (pod.nodeName !== name || pod.goneAt !== null) continue;
      if (pod.phase !== 'Succeeded' && pod.phase !== 'Failed') {
        pod.conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', at: now });
        this.kubelet?.nodeLost(pod, now);
      }
      this.deletePod(pod, now, `pod-garbage-collector: node ${name} removed`);
    }
    return node;
  }

  liveNode(name: string): SimNode | undefined {
    return this.liveByName.get(name);
  }

  liveNodes(): readonly SimNode[] {
    this.live ??= this.nodeList.filter((n) => n.removedAt === null);
    return this.live;
  }

  // --- books ------------------------------------------------------------------------------------------

  recordEvent(now: number, involved: OwnerRef, type: 'Normal' | 'Warning', reason: string, message: string, source: string): void {
    this.lastActivity = Math.max(this.lastActivity, now);
    this.events.push({ at: recordTime(now), object: involved.name, kind: involved.kind, type, reason, message, source });
  }

  /** A marker on the time axis; `count` for markers that stand for several schedule times (skipped or missed CronJob runs). */
  mark(now: number, kind: string, description: string, count?: number): void {
    this.lastActivity = Math.max(this.lastActivity, now);
    this.markers.push(count === undefined ? { at: seconds(now), kind, description } : { at: seconds(now), kind, description, count });
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}

const NO_PODS: readonly SimPod[] = [];

function sameCondition(a: JobCondition, b: JobCondition): boolean {
  return a.status === b.status && a.reason === b.reason && a.message === b.message && a.lastTransitionTime === b.lastTransitionTime;
}

/** A Job status as the status history shows it (times in seconds since the start). */
function statusJson(s: JobStatus): Readonly<Record<string, unknown>> {
  return {
    active: s.active,
    ready: s.ready,
    succeeded: s.succeeded,
    failed: s.failed,
    terminating: s.terminating,
    completedIndexes: s.completedIndexes,
    failedIndexes: s.failedIndexes,
    startTime: s.startTime === null ? null : recordTime(s.startTime),
    completionTime: s.completionTime === null ? null : recordTime(s.completionTime),
  };
}

export function seconds(ms: number): number {
  return ms / 1000;
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}
