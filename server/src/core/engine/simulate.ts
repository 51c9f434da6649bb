/**
 * simulate(manifest, scenario, options) → Timeline: what the controllers would do with the object,
 * replayed deterministically. The manifest is the plain value a YAML parser gives (one document); it
 * is decoded and defaulted as the API server would, checked with the lint rules (an object the API
 * server would reject is not simulated), put into a simulated cluster with the scenario's nodes, and
 * run through its controllers until nothing is left to happen, the scenario's `until`, or a bound.
 *
 * Never throws: every problem comes back as data, with the field path in the scenario or manifest.
 */
import { resolveLocale, type Locale } from '../i18n';
import { resolveKubernetesVersion } from '../kubernetesVersion';
import { isWorkloadKind, type Workload, type WorkloadKind } from '../model/types';
import { validateWorkload } from '../validateWorkload';
import { Cluster, seconds, type SimNode } from './cluster';
import { engineText } from './engineText';
import { scenarioErrorText } from './scenarioErrorText';
import { jobFeaturesFor } from './job/controller';
import { cronJobSimulator } from './cronjob/simulator';
import { jobSimulator } from './job/simulator';
import { daemonSetSimulator } from './daemonset/simulator';
import { statefulSetSimulator } from './statefulset/simulator';
import { deploymentSimulator } from './deployment/simulator';
import { replicaSetSimulator } from './replicaset/simulator';
import type { JobFeatures } from './job/types';
import { Kubelet } from './kubelet';
import { podTemplateRequests } from './podRequests';
import type { PodSpec } from '../rules/helpers/podSpec/types';
import { formatProblem, parseScenario, type Scenario, type ScenarioEvent } from './scenario';
import { DEFAULT_LIMITS, Simulation, type SimulationLimits, type SimulationProgress } from './simulation';
import { formatRfc3339, RFC3339_END_MS, SECOND } from './time';
import { humanDuration } from './views/humanDuration';
import { TIMELINE_SCHEMA_VERSION, type Timeline, type TimelineNode } from './timeline';
import type { WorkloadRun, WorkloadSimulator } from './workload';
import type { Controller } from './controller';

export interface SimulateOptions {
  /** `1.MINOR`: which release's feature gates and rules apply; the newest when absent. */
  readonly kubernetesVersion?: string;
  /** The start time for a scenario without one (RFC 3339): the CLI and the editor pass the wall clock. */
  readonly defaultStartTime?: string;
  /** Bounds of the run; see DEFAULT_LIMITS. */
  readonly limits?: Partial<SimulationLimits>;
  /** Job controller feature gates, over the release's defaults. */
  readonly jobFeatures?: Partial<JobFeatures>;
  /** Simulate even when the API server would reject the object (its problems come back as warnings). */
  readonly allowInvalid?: boolean;
  /** The kube-controller-manager's time zone (IANA name): where a CronJob without spec.timeZone runs its schedule. UTC when absent. */
  readonly controllerTimeZone?: string;
  /** The language of advice warnings about the object; English when absent. */
  readonly locale?: Locale;
  /** Called now and then during a long run (every PROGRESS_STEPS agenda entries). */
  readonly onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationProblem {
  /** Where the problem is: in the scenario, in the object (manifest), or in the engine itself. */
  readonly source: 'scenario' | 'object' | 'engine';
  /** The field path in the scenario or manifest; '' for the whole. */
  readonly path: string;
  readonly message: string;
  /** A scenario's unknown field (see ScenarioProblem): the editor underlines the key. */
  readonly unknownField?: true;
}

export type SimulateResult =
  | { readonly ok: true; readonly timeline: Timeline; readonly warnings: readonly SimulationProblem[] }
  | { readonly ok: false; readonly errors: readonly SimulationProblem[]; readonly warnings: readonly SimulationProblem[] };

/** The kinds the engine can simulate, one WorkloadSimulator each (CronJob and DaemonSet plug in here). */
export const WORKLOAD_SIMULATORS: Partial<Record<WorkloadKind, WorkloadSimulator>> = {
  Job: jobSimulator,
  CronJob: cronJobSimulator,
  DaemonSet: daemonSetSimulator,
  StatefulSet: statefulSetSimulator,
  Deployment: deploymentSimulator,
  ReplicaSet: replicaSetSimulator,
};

export function simulate(manifest: unknown, scenario?: unknown, options: SimulateOptions = {}): SimulateResult {
  // A locale the catalogs do not have (a caller's raw tag) reads as its nearest one, never as a crash.
  const locale = resolveLocale(typeof options.locale === 'string' ? options.locale : undefined);
  try {
    return run(manifest, scenario, { ...options, locale });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ source: 'engine', path: '', message: engineText.t(locale, 'internalError', { message }) }], warnings: [] };
  }
}

/** `path: message`, as the CLI prints a problem. */
export function formatSimulationProblem(problem: SimulationProblem): string {
  const where = problem.source === 'scenario' ? 'scenario' : problem.source === 'object' ? 'object' : 'engine';
  const path = formatProblem({ path: problem.path, message: problem.message });
  return `${where}: ${path}`;
}

function run(manifest: unknown, rawScenario: unknown, options: SimulateOptions): SimulateResult {
  const warnings: SimulationProblem[] = [];
  const errors: SimulationProblem[] = [];
  const fail = (): SimulateResult => ({ ok: false, errors, warnings });

  const parsed = parseScenario(rawScenario, { defaultStartTime: options.defaultStartTime, locale: options.locale });
  for (const problem of parsed.errors) errors.push({ source: 'scenario', ...problem });
  if (errors.length > 0) return fail();
  const scenario = parsed.scenario;

  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion);

  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    errors.push({ source: 'object', path: '', message: engineText.t(options.locale, 'manifestNotMapping') });
    return fail();
  }
  const raw = manifest as Record<string, unknown>;
  const kind = typeof raw.kind === 'string' ? raw.kind : '';
  const apiVersion = typeof raw.apiVersion === 'string' ? raw.apiVersion : '';
  const simulator = isWorkloadKind(kind) ? WORKLOAD_SIMULATORS[kind] : undefined;
  if (simulator === undefined) {
    const supported = Object.keys(WORKLOAD_SIMULATORS).join(', ');
    const message = kind === '' ? engineText.t(options.locale, 'kindRequired', { kinds: supported }) : engineText.t(options.locale, 'kindNotSimulated', { kind, kinds: supported });
    errors.push({ source: 'object', path: 'kind', message });
    return fail();
  }
  // Decode, default and validate as the API server does; reject what it would reject.
  const validated = validateWorkload(raw, apiVersion, simulator.kind, { kubernetesVersion, locale: options.locale });
  // Without a served apiVersion nothing was decoded, so nothing can run even when asked to.
  const invalid = options.allowInvalid && validated.object !== undefined ? warnings : errors;
  for (const problem of validated.problems) {
    const found = { source: 'object' as const, path: problem.fieldPath, message: problem.message };
    if (problem.meta.severity === 'error') invalid.push(found);
    else warnings.push(found);
  }
  const { object, written } = validated;
  if (errors.length > 0 || object === undefined || written === undefined) return fail();
  for (const existing of scenario.existing) {
    const kinds = simulator.existingKinds ?? [];
    if (kinds.includes(existing.kind)) continue;
    const args = { kind: simulator.kind, got: existing.kind };
    const message =
      kinds.length === 0 ? scenarioErrorText.t(options.locale, 'readsNoExisting', args) : scenarioErrorText.t(options.locale, 'readsOnlyExisting', { ...args, kinds: kinds.join(', ') });
    errors.push({ source: 'scenario', path: `${existing.path}.kind`, message });
  }
  if (errors.length > 0) return fail();

  const limits: SimulationLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const cluster = new Cluster(limits.maxPods, options.locale);
  const kubelet = new Kubelet(cluster, scenario);
  // The loop exists before the object does, so that whatever the setup schedules (pods it finds in the
  // manifest's status) lands on its agenda; the controllers join once the setup names them.
  const controllers: Controller[] = [];
  const loop = new Simulation(cluster, controllers, limits, options.onProgress);
  for (const node of scenario.nodes) cluster.addNode(node, 0);

  const jobFeatures: JobFeatures = { ...jobFeaturesFor(kubernetesVersion), ...options.jobFeatures };
  const workload = simulator.setup({
    cluster,
    kubelet,
    object,
    written,
    raw,
    scenario,
    kubernetesVersion,
    jobFeatures,
    controllerTimeZone: options.controllerTimeZone,
    error: (path, message) => errors.push({ source: 'object', path, message }),
    warn: (path, message) => warnings.push({ source: 'object', path, message }),
    scenarioError: (path, message) => errors.push({ source: 'scenario', path, message }),
  });
  if (errors.length > 0) return fail();

  controllers.push(...workload.controllers);
  const untilMs = scenario.untilMs ?? defaultEnd(workload, scenario, limits);
  const endMs = untilMs ?? limits.horizonMs;
  const pastYear9999 = yearTenThousandProblem(scenario, endMs, options.locale);
  if (pastYear9999 !== null) {
    errors.push({ source: 'scenario', path: 'until', message: pastYear9999 });
    return fail();
  }
  const deleted = scheduleScenarioEvents(loop, cluster, workload, scenario, warnings, endMs);
  loop.startControllers();
  const outcome = loop.run(untilMs);
  let stranded = 0;
  for (const pod of cluster.existing()) if (pod.nodeName === null && pod.goneAt === null && pod.phase === 'Pending') stranded++;
  if (stranded > 0) cluster.note(engineText.t(cluster.locale, 'stranded', { count: stranded }));

  const records = cluster.timelineRecords();
  const timeline: Timeline = {
    schemaVersion: TIMELINE_SCHEMA_VERSION,
    object: workload.object,
    startTime: scenario.startTime,
    endTime: formatRfc3339(scenario.startEpochMs + outcome.endMs),
    duration: seconds(outcome.endMs),
    truncated: outcome.truncated,
    stopReason: outcome.stopReason,
    message: outcome.message ?? (outcome.stopReason === 'finished' ? (workload.idleReason?.() ?? null) : null),
    seed: scenario.seed,
    effectiveSpec: workload.effectiveSpec,
    podRequests: podTemplateRequests(templatePodSpec(object), kubernetesVersion),
    pods: records.pods,
    jobs: records.jobs,
    conditions: cluster.conditions,
    events: cluster.events,
    status: workload.finalStatus(),
    statusHistory: cluster.statusHistory,
    nodes: cluster.nodeList.map(timelineNode),
    markers: cluster.markers,
    notes: cluster.notes,
    ...(workload.persistentVolumeClaims !== undefined ? { persistentVolumeClaims: workload.persistentVolumeClaims() } : {}),
    ...(workload.replicaSets !== undefined ? { replicaSets: workload.replicaSets() } : {}),
    // Only when the scenario deleted the object: a run without a delete keeps its Timeline (and the goldens) as before.
    ...(deleted.atMs !== null ? { objectDeletedAt: seconds(deleted.atMs) } : {}),
  };
  return { ok: true, timeline, warnings };
}

/**
 * Where a run without `until` ends: a Job or DaemonSet when nothing is left to happen (null); a CronJob, which
 * never finishes, after a few schedule times, and then as long again after the scenario's last event (or the
 * end of its controllerDown), so that a scenario's events are always seen with what follows them.
 */
function defaultEnd(workload: WorkloadRun, scenario: Scenario, limits: SimulationLimits): number | null {
  const base = workload.defaultUntilMs;
  if (base === undefined) return null;
  let last = 0;
  for (const event of scenario.events) last = Math.max(last, event.atMs + (event.type === 'controllerDown' ? event.durationMs : 0));
  return last === 0 ? base : Math.min(Math.max(base, last + base), limits.horizonMs);
}

/** A run must end before year 10000: neither RFC 3339 nor Kubernetes can write a time in it. */
function yearTenThousandProblem(scenario: Scenario, lengthMs: number, locale: Locale | undefined): string | null {
  if (scenario.startEpochMs + lengthMs < RFC3339_END_MS) return null;
  const seconds = Math.floor((RFC3339_END_MS - 1 - scenario.startEpochMs) / SECOND);
  if (scenario.untilMs !== null) return scenarioErrorText.t(locale, 'endsAfterYear9999', { seconds });
  return scenarioErrorText.t(locale, 'untilNeeded', { duration: humanDuration(lengthMs), seconds });
}

function scheduleScenarioEvents(
  loop: Simulation,
  cluster: Cluster,
  workload: WorkloadRun,
  scenario: Scenario,
  warnings: SimulationProblem[],
  endMs: number,
): { atMs: number | null } {
  // When a `delete` event deleted the object itself (read once the run is over).
  const deleted: { atMs: number | null } = { atMs: null };
  const warn = (event: ScenarioEvent, message: string): void => {
    warnings.push({ source: 'scenario', path: event.path, message });
    cluster.note(engineText.t(cluster.locale, 'scenarioEventNote', { path: event.path, message }));
  };
  for (const event of scenario.events) {
    // An event past the end could only keep a finished run waiting for it until the horizon.
    if (event.atMs > endMs) {
      const args = { at: humanDuration(event.atMs), end: humanDuration(endMs) };
      const locale = cluster.locale;
      if (scenario.untilMs !== null) warn(event, engineText.t(locale, 'eventAfterEndUntil', args));
      else if (workload.defaultUntilMs !== undefined) warn(event, engineText.t(locale, 'eventAfterEndDefault', args));
      else warn(event, engineText.t(locale, 'eventAfterEndHorizon', args));
      continue;
    }
    loop.at(event.atMs, () => {
      const now = loop.time;
      switch (event.type) {
        case 'addNode':
          if (cluster.addNode(event.node, now) === undefined) warn(event, engineText.t(cluster.locale, 'nodeExists', { node: event.node.name }));
          else cluster.mark(now, 'addNode', engineText.t(cluster.locale, 'nodeAddedMarker', { node: event.node.name }));
          return;
        case 'removeNode':
          if (cluster.removeNode(event.name, now) === undefined) warn(event, engineText.t(cluster.locale, 'noSuchNode', { node: event.name, time: seconds(now) }));
          else cluster.mark(now, 'removeNode', engineText.t(cluster.locale, 'nodeRemovedMarker', { node: event.name }));
          return;
        case 'deletePod': {
          const pod = cluster.pod(event.pod);
          if (pod === undefined) {
            warn(event, engineText.t(cluster.locale, 'noSuchPod', { pod: event.pod, time: seconds(now) }));
            return;
          }
          cluster.deletePod(pod, now, 'kubectl delete pod');
          cluster.mark(now, 'deletePod', `kubectl delete pod ${event.pod}`);
          return;
        }
        case 'controllerDown':
          cluster.mark(now, 'controllerDown', engineText.t(cluster.locale, 'controllerDownMarker', { seconds: seconds(event.durationMs) }));
          loop.controllersDown(event.durationMs);
          return;
        default: {
          // `kubectl delete job/<name>`: the Job goes as a TTL-after-finished deletion does, the garbage collector deleting its pods.
          if (event.type === 'delete' && workload.object.kind === 'Job') {
            const job = cluster.job(workload.object.name);
            if (job === undefined || job.goneAt !== null) warn(event, engineText.t(cluster.locale, 'jobGone', { time: seconds(now) }));
            else {
              cluster.deleteJob(job, now, 'kubectl delete job');
              cluster.mark(now, 'delete', `kubectl delete job/${job.name}: job.batch "${job.name}" deleted`);
              deleted.atMs = now;
            }
            return;
          }
          const result = workload.applyEvent(event, now);
          if (result.marker !== undefined) cluster.mark(now, event.type === 'suspend' && !event.suspend ? 'resume' : event.type, result.marker);
          if (result.note !== undefined) warn(event, result.note);
          // A simulator that deleted the object says so with its `kubectl delete` marker.
          if (event.type === 'delete' && result.marker !== undefined && deleted.atMs === null) deleted.atMs = now;
          // A kind whose simulator does not handle `delete` yet says nothing: the scenario's author is told.
          if (event.type === 'delete' && result.marker === undefined && result.note === undefined) warn(event, engineText.t(cluster.locale, 'deleteNotSupported', { kind: workload.object.kind }));
        }
      }
    });
  }
  return deleted;
}

/** The pod spec the controllers create pods from: a CronJob's is inside its jobTemplate. */
function templatePodSpec(object: Workload): PodSpec | undefined {
  const spec = object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template?.spec : object.spec?.template?.spec;
  return spec as PodSpec | undefined;
}

function timelineNode(node: SimNode): TimelineNode {
  return {
    name: node.name,
    labels: node.labels,
    taints: node.taints,
    unschedulable: node.unschedulable,
    ready: node.ready,
    addedAt: seconds(node.addedAt),
    removedAt: node.removedAt === null ? null : seconds(node.removedAt),
  };
}
