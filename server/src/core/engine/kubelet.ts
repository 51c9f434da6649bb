/**
 * What happens to a pod after a controller creates it, as kube-scheduler and kubelet would do it, driven
 * by the scenario's pod behaviours:
 *
 *   created → bound to a node (the least loaded one that fits) → startupSeconds → container running
 *   → readySeconds → Ready → runSeconds after the start: exit code → Succeeded / Failed,
 *
 * or, with restartPolicy OnFailure (and Always), a failed container restarts in the same pod after
 * kubelet's crash-loop backoff: at once the first time, then 10s, 20s, 40s, ... capped at 5 minutes,
 * the backoff forgotten after 10 minutes without a crash (kubelet's flowcontrol.Backoff with
 * initial 10s, max 300s, reset after 2 x max). This is kubelet behaviour, not the Job controller's.
 *
 * Deleted pods stop after the scenario's terminationSeconds: a running container exits 143 (SIGTERM)
 * and the pod ends Failed. A pod whose node is removed fails at once with DisruptionTarget.
 */
import type { Cluster, ClusterAction, PodLifecycle, PodPlan, PodTemplateInfo, SimNode, SimPod } from './cluster';
import { tolerates } from './cluster';
import { generateName, Random, streamSeed } from './random';
import type { PodOutcome, Scenario } from './scenario';

const CRASH_BACKOFF_INITIAL_MS = 10_000;
const CRASH_BACKOFF_MAX_MS = 300_000;
/** Exit code of a process killed by SIGTERM (128 + 15), what a container that does not trap it reports. */
const SIGTERM_EXIT_CODE = 143;
/** Exit code of a process killed by SIGKILL (128 + 9). */
const SIGKILL_EXIT_CODE = 137;

export class Kubelet implements PodLifecycle {
  private readonly names: Random;
  private readonly failures: Random;
  private readonly ties: Random;
  private readonly unscheduled: SimPod[] = [];
  private readonly nodeLoad = new Map<string, number>();
  /** Owner kind → owner name → pods it created (names, not "kind/name" keys: a CronJob run keeps one entry per Job). */
  private readonly podsCreatedBy = new Map<string, Map<string, number>>();
  private nextUid = 1;

  constructor(
    private readonly cluster: Cluster,
    private readonly scenario: Scenario,
  ) {
    this.names = new Random(streamSeed(scenario.seed, 'names'));
    this.failures = new Random(streamSeed(scenario.seed, 'failures'));
    this.ties = new Random(streamSeed(scenario.seed, 'scheduler'));
    cluster.kubelet = this;
  }

  createPod(action: Extract<ClusterAction, { type: 'createPod' }>, now: number): SimPod | null {
    const job = action.owner.kind === 'Job' ? this.cluster.job(action.owner.name) : undefined;
    const template = action.template ?? job?.template;
    if (template === undefined) return null;
    let created = this.podsCreatedBy.get(action.owner.kind);
    if (created === undefined) this.podsCreatedBy.set(action.owner.kind, (created = new Map()));
    const ordinal = (created.get(action.owner.name) ?? 0) + 1;
    created.set(action.owner.name, ordinal);
    let attempt: number | null = null;
    if (job !== undefined) {
      job.podsCreated = ordinal;
      if (action.index !== null) {
        attempt = (job.attemptsByIndex.get(action.index) ?? 0) + 1;
        job.attemptsByIndex.set(action.index, attempt);
      }
    }
    const jobOrdinal = job?.ordinal ?? 1;
    const pod: SimPod = {
      uid: this.nextUid++,
      name: action.name ?? this.uniqueName(action.generateName),
      namespace: job?.namespace ?? action.namespace ?? 'default',
      owner: action.owner,
      template,
      createdAt: now,
      ordinal,
      jobOrdinal,
      index: action.index,
      attempt,
      indexFailureCount: action.indexFailureCount,
      indexIgnoredFailureCount: action.indexIgnoredFailureCount,
      revision: action.revision ?? null,
      plan: this.plan({ ordinal, index: action.index, attempt, jobOrdinal, image: template.image, revision: action.revision ?? null }),
      nodeName: null,
      scheduledAt: null,
      phase: 'Pending',
      ready: false,
      readySince: null,
      firstReadyAt: null,
      unreadySince: null,
      runs: [],
      restartCount: 0,
      waitingReason: null,
      reason: null,
      finishedAt: null,
      conditions: [],
      deletionTimestamp: null,
      deletedBy: null,
      goneAt: null,
      hasFinalizer: action.owner.kind === 'Job',
      epoch: 0,
      crashBackoffMs: 0,
      crashBackoffUpdatedAt: null,
      released: false,
      version: 0,
      viewCache: null,
      trackedIn: null,
      seq: -1,
    };
    return this.cluster.admitPod(pod, now) ? pod : null;
  }

  place(pod: SimPod, nodeName: string | null, now: number): void {
    if (nodeName === null) {
      this.schedule(pod, now);
      return;
    }
    const node = this.cluster.liveNode(nodeName);
    if (node !== undefined) this.bind(pod, node, now);
    else this.unscheduled.push(pod);
  }

  private defaultPlan: PodPlan | null = null;

  /** Most pods follow the default behaviour: they share one plan. */
  private plan(facts: PodFacts): PodPlan {
    const scenario = this.scenario;
    if (scenario.pods.failureRate === 0 && (scenario.pods.outcomes.length === 0 || matchOutcome(scenario.pods.outcomes, facts) === undefined)) {
      this.defaultPlan ??= planPod(scenario, facts, this.failures);
      return this.defaultPlan;
    }
    return planPod(scenario, facts, this.failures);
  }

  /** Pods created in one sync draw their names in creation order; a collision draws again, as a retried create would. */
  private uniqueName(base: string): string {
    for (let i = 0; i < 100; i++) {
      const name = generateName(base, this.names);
      if (!this.cluster.isNameTaken(name)) return name;
    }
    let n = 0;
    while (this.cluster.isNameTaken(`${base}${n}`)) n++;
    return `${base}${n}`;
  }

  // --- scheduler --------------------------------------------------------------------------------------

  private schedule(pod: SimPod, now: number): void {
    const nodes = this.cluster.liveNodes();
    let best: SimNode | undefined;
    let bestLoad = Infinity;
    let ties = 0;
    const reasons = new Map<string, number>();
    for (const node of nodes) {
      const reason = unfit(pod.template, node);
      if (reason !== null) {
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      // The fewest running pods scores best; kube-scheduler's selectHost picks among equal scores at
      // random (reservoir sampling), here from the seeded scheduler stream.
      const load = this.nodeLoad.get(node.name) ?? 0;
      if (load < bestLoad) {
        best = node;
        bestLoad = load;
        ties = 1;
      } else if (load === bestLoad) {
        ties++;
        if (this.ties.nextUint32() % ties === 0) best = node;
      }
    }
    if (best !== undefined) {
      this.bind(pod, best, now);
      return;
    }
    this.unscheduled.push(pod);
    // kube-scheduler's FailedScheduling message: the reasons, sorted, then the preemption verdict.
    const message =
      nodes.length === 0
        ? 'no nodes available to schedule pods'
        : `0/${nodes.length} nodes are available: ${[...reasons.entries()]
            .map(([reason, count]) => `${count} ${reason}`)
            .sort()
            .join(', ')}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
    this.cluster.recordEvent(now, { kind: 'Pod', name: pod.name }, 'Warning', 'FailedScheduling', message, 'default-scheduler');
  }

  nodesChanged(now: number): void {
    const waiting = this.unscheduled.splice(0);
    for (const pod of waiting) {
      if (pod.goneAt !== null || pod.deletionTimestamp !== null) continue;
      const nodes = this.cluster.liveNodes();
      const fits = nodes.some((node) => unfit(pod.template, node) === null);
      if (fits) this.schedule(pod, now);
      else this.unscheduled.push(pod);
    }
  }

  private bind(pod: SimPod, node: SimNode, now: number): void {
    pod.nodeName = node.name;
    pod.scheduledAt = now;
    pod.waitingReason = 'ContainerCreating';
    // joined into one flat string: the Timeline keeps one per pod.
    const message = ['Successfully assigned ', pod.namespace, '/', pod.name, ' to ', node.name].join('');
    this.cluster.recordEvent(now, { kind: 'Pod', name: pod.name }, 'Normal', 'Scheduled', message, 'default-scheduler');
    this.nodeLoad.set(node.name, (this.nodeLoad.get(node.name) ?? 0) + 1);
    this.cluster.podChanged(pod, now);
    const epoch = pod.epoch;
    this.at(now + pod.plan.startupMs, (at) => this.start(pod, epoch, 0, at));
    // Pod-level activeDeadlineSeconds counts from the pod's start on the node (status.startTime).
    if (pod.template.activeDeadlineSeconds !== null) {
      this.at(now + pod.template.activeDeadlineSeconds * 1000, (at) => this.deadline(pod, epoch, at));
    }
  }

  // --- kubelet ----------------------------------------------------------------------------------------

  /** Runs `step` at simulated time `time` (before any controller sync of that instant). */
  private at(time: number, step: (at: number) => void): void {
    this.cluster.hooks.schedule(time, step);
  }

  private alive(pod: SimPod, epoch: number): boolean {
    return pod.epoch === epoch && pod.phase !== 'Succeeded' && pod.phase !== 'Failed' && pod.goneAt === null;
  }

  private start(pod: SimPod, epoch: number, run: number, now: number): void {
    if (!this.alive(pod, epoch) || pod.deletionTimestamp !== null) return;
    const spec = pod.plan.run(run);
    const record = { startedAt: now, readyAt: null as number | null, finishedAt: null as number | null, exitCode: null as number | null, reason: null as string | null };
    pod.runs.push(record);
    pod.phase = 'Running';
    pod.waitingReason = null;
    if (spec.readyMs < spec.runMs) {
      if (spec.readyMs === 0) this.becomeReady(pod, now);
      else this.at(now + spec.readyMs, (at) => this.ready(pod, epoch, run, at));
    }
    this.cluster.podChanged(pod, now);
    this.at(now + spec.runMs, (at) => this.exit(pod, epoch, run, spec.exitCode, at));
  }

  private ready(pod: SimPod, epoch: number, run: number, now: number): void {
    if (!this.alive(pod, epoch) || pod.runs.length !== run + 1 || pod.runs[run].finishedAt !== null) return;
    this.becomeReady(pod, now);
    this.cluster.podChanged(pod, now);
  }

  private becomeReady(pod: SimPod, now: number): void {
    pod.ready = true;
    pod.readySince = now;
    pod.firstReadyAt ??= now;
    pod.runs[pod.runs.length - 1].readyAt = now;
  }

  private exit(pod: SimPod, epoch: number, run: number, exitCode: number, now: number): void {
    if (!this.alive(pod, epoch) || pod.runs.length !== run + 1 || pod.runs[run].finishedAt !== null) return;
    const record = pod.runs[run];
    record.finishedAt = now;
    record.exitCode = exitCode;
    record.reason = exitCode === 0 ? 'Completed' : 'Error';
    this.unready(pod, now);
    const policy = pod.template.restartPolicy;
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (!restart || pod.deletionTimestamp !== null) {
      this.finish(pod, exitCode === 0 ? 'Succeeded' : 'Failed', now);
      return;
    }
    // kubelet's doBackOff: the first restart is immediate, each later one waits the (doubling) backoff.
    let delay = 0;
    if (pod.crashBackoffUpdatedAt === null || now - pod.crashBackoffUpdatedAt > 2 * CRASH_BACKOFF_MAX_MS) {
      pod.crashBackoffMs = CRASH_BACKOFF_INITIAL_MS;
    } else {
      delay = pod.crashBackoffMs;
      pod.crashBackoffMs = Math.min(2 * pod.crashBackoffMs, CRASH_BACKOFF_MAX_MS);
    }
    pod.crashBackoffUpdatedAt = now + delay;
    if (delay > 0) {
      pod.waitingReason = 'CrashLoopBackOff';
      const container = pod.template.containerNames[0] ?? 'main';
      this.cluster.recordEvent(now, { kind: 'Pod', name: pod.name }, 'Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${pod.name}_${pod.namespace}`, 'kubelet');
    }
    this.cluster.podChanged(pod, now);
    this.at(now + delay, (at) => this.restart(pod, epoch, run + 1, at));
  }

  private restart(pod: SimPod, epoch: number, run: number, now: number): void {
    if (!this.alive(pod, epoch) || pod.deletionTimestamp !== null) return;
    pod.restartCount++;
    this.start(pod, epoch, run, now);
  }

  private unready(pod: SimPod, now: number): void {
    if (!pod.ready) return;
    pod.ready = false;
    pod.readySince = null;
    pod.unreadySince = now;
  }

  private finish(pod: SimPod, phase: 'Succeeded' | 'Failed', now: number, reason?: string): void {
    pod.phase = phase;
    pod.finishedAt = now;
    pod.waitingReason = null;
    this.unready(pod, now);
    pod.unreadySince = now;
    // status.reason is set only for pod-level causes (DeadlineExceeded); container reasons live in the runs.
    pod.reason = reason ?? null;
    this.release(pod);
    this.cluster.podChanged(pod, now);
  }

  private release(pod: SimPod): void {
    if (pod.nodeName === null || pod.released) return;
    pod.released = true;
    this.nodeLoad.set(pod.nodeName, (this.nodeLoad.get(pod.nodeName) ?? 1) - 1);
  }

  podDeleted(pod: SimPod, now: number): void {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return;
    if (pod.nodeName === null) {
      // Never scheduled: no kubelet to stop it; PodGC marks it Failed (gcUnscheduledTerminating).
      const i = this.unscheduled.indexOf(pod);
      if (i !== -1) this.unscheduled.splice(i, 1);
      pod.epoch++;
      pod.phase = 'Failed';
      pod.finishedAt = now;
      pod.reason = null;
      return;
    }
    // The containers get SIGTERM: a run that ends by itself within the grace keeps its exit code; no restart follows.
    const running = pod.runs.length > 0 && pod.runs[pod.runs.length - 1].finishedAt === null;
    if (running) this.cluster.recordEvent(now, { kind: 'Pod', name: pod.name }, 'Normal', 'Killing', `Stopping container ${pod.template.containerNames[0] ?? 'main'}`, 'kubelet');
    const epoch = pod.epoch;
    const kill = (at: number): void => {
      if (!this.alive(pod, epoch)) return;
      this.kill(pod, at, SIGTERM_EXIT_CODE, null);
    };
    if (pod.plan.terminationMs === 0) kill(now);
    else this.at(now + pod.plan.terminationMs, kill);
  }

  nodeLost(pod: SimPod, now: number): void {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return;
    pod.epoch++;
    this.kill(pod, now, SIGKILL_EXIT_CODE, null);
  }

  /** status.reason DeadlineExceeded: kubelet kills the pod when spec.activeDeadlineSeconds passes. */
  private deadline(pod: SimPod, epoch: number, now: number): void {
    if (!this.alive(pod, epoch)) return;
    pod.epoch++;
    this.cluster.recordEvent(now, { kind: 'Pod', name: pod.name }, 'Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline', 'kubelet');
    this.kill(pod, now, SIGKILL_EXIT_CODE, 'DeadlineExceeded');
  }

  /** Stops the containers: a running container ends with `exitCode`; the pod ends Failed. */
  private kill(pod: SimPod, now: number, exitCode: number, reason: string | null): void {
    const last = pod.runs[pod.runs.length - 1];
    if (last !== undefined && last.finishedAt === null) {
      last.finishedAt = now;
      last.exitCode = exitCode;
      last.reason = 'Error';
    }
    this.finish(pod, 'Failed', now, reason ?? undefined);
  }
}

/** Why a node cannot take a pod (the scheduler's filter plugins, reduced), or null when it fits. */
function unfit(template: PodTemplateInfo, node: SimNode): string | null {
  if (!node.ready) return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
  if (node.unschedulable) return 'node(s) were unschedulable';
  for (const [key, value] of Object.entries(template.nodeSelector)) {
    if (node.labels[key] !== value) return "node(s) didn't match Pod's node affinity/selector";
  }
  for (const taint of node.taints) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerates(template.tolerations, taint)) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  return null;
}

interface PodFacts {
  readonly ordinal: number;
  readonly index: number | null;
  readonly attempt: number | null;
  readonly jobOrdinal: number;
  /** The first container's image (scenario outcomes may select pods by it). */
  readonly image?: string;
  /** The revision the pod is created at: its ReplicaSet's deployment.kubernetes.io/revision, its StatefulSet's revision. */
  readonly revision?: number | null;
}

/** The first outcome that selects this pod, if any. */
export function matchOutcome(outcomes: readonly PodOutcome[], facts: PodFacts): PodOutcome | undefined {
  return outcomes.find(
    (o) =>
      (o.pod === undefined || o.pod === facts.ordinal) &&
      (o.index === undefined || o.index === facts.index) &&
      (o.attempt === undefined || o.attempt === facts.attempt) &&
      (o.job === undefined || o.job === facts.jobOrdinal) &&
      (o.image === undefined || o.image === facts.image) &&
      (o.revision === undefined || o.revision === facts.revision),
  );
}

/**
 * The pod's behaviour: the scenario's default, overridden by the first matching outcome. With `runs`,
 * run n follows runs[n] (the last one repeats). Pods no outcome matched may also fail at random
 * (failureRate): each run that would exit 0 exits 1 instead, drawn from the seeded failure stream.
 */
export function planPod(scenario: Scenario, facts: PodFacts, failures: Random): PodPlan {
  const outcome = matchOutcome(scenario.pods.outcomes, facts);
  const base = { ...scenario.pods.default, ...(outcome?.behaviour ?? {}) };
  const runs = outcome?.runs;
  const random = outcome === undefined && scenario.pods.failureRate > 0 ? scenario.pods.failureRate : 0;
  const drawn: boolean[] = [];
  return {
    startupMs: base.startupMs,
    terminationMs: base.terminationMs,
    run(n: number) {
      const spec = runs !== undefined && runs.length > 0 ? runs[Math.min(n, runs.length - 1)] : undefined;
      let exitCode = spec?.exitCode ?? base.exitCode;
      if (random > 0) {
        while (drawn.length <= n) drawn.push(failures.next() < random);
        if (drawn[n] && exitCode === 0) exitCode = 1;
      }
      return { runMs: spec?.runMs ?? base.runMs, exitCode, readyMs: spec?.readyMs ?? base.readyMs };
    },
  };
}

