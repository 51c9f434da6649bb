/**
 * The Scenario (design §4.2): how pods behave, which nodes exist and what happens during a run.
 * `parseScenario` takes the plain JS value a YAML or JSON parser produced and returns a fully defaulted
 * Scenario plus every problem found, each with its field path (`pods.outcomes[1].exitCode`). It never
 * throws, and its work is bounded by the size of its input.
 *
 * Durations are Go-style strings (`90s`, `5m`, `1h30m`; also `ms` and `d`) or plain numbers of seconds;
 * internally everything is milliseconds.
 */
import { suggestField } from '../model/decode';
import { describe as describeValue, formatRfc3339, parseDuration, parseRfc3339, RFC3339_END_MS, RFC3339_FIRST_MS } from './time';
import type { Locale } from '../i18n';
import { scenarioErrorText, type IntegerWhat } from './scenarioErrorText';

/** How one pod (its first container) behaves. All times in ms. */
export interface PodBehaviour {
  /** Creation (or scheduling) to container start: image pull, init containers. */
  readonly startupMs: number;
  /** Container start to Ready; a pod whose run ends first is never Ready. */
  readonly readyMs: number;
  /** Container start to exit. */
  readonly runMs: number;
  readonly exitCode: number;
  /** Deletion to containers stopped (how long the process takes to honour SIGTERM). */
  readonly terminationMs: number;
}

/** One run of the container (restartPolicy OnFailure restarts it in the same pod). */
export interface ContainerRunSpec {
  readonly runMs: number;
  readonly exitCode: number;
  readonly readyMs?: number;
}

/** A rule for the pods it selects; the first matching outcome wins. */
export interface PodOutcome {
  /** Where it was written, for messages: `pods.outcomes[2]`. */
  readonly path: string;
  /** The Nth pod created (1-based) for its Job. */
  readonly pod?: number;
  /** Indexed Jobs: the completion index. */
  readonly index?: number;
  /** With `index`: the Nth pod created for that index (1-based); every attempt when absent. */
  readonly attempt?: number;
  /** CronJobs: the Nth Job created (1-based). */
  readonly job?: number;
  /** Pods whose first container runs this image (a rollout to an image that never becomes Ready, or crashes). */
  readonly image?: string;
  /**
   * Pods created at this revision: a Deployment's pods of the ReplicaSet whose deployment.kubernetes.io/revision
   * it is when the pod is created, a StatefulSet's or DaemonSet's pods of that ControllerRevision.
   */
  readonly revision?: number;
  readonly behaviour: Partial<PodBehaviour>;
  /** Container runs in order; the last one repeats if the container is restarted more often. */
  readonly runs?: readonly ContainerRunSpec[];
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: TaintEffect;
}

export interface ScenarioNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly ready: boolean;
}

export type ScenarioEventAction =
  | { readonly type: 'addNode'; readonly node: ScenarioNode }
  | { readonly type: 'removeNode'; readonly name: string }
  | { readonly type: 'setImage'; readonly image: string }
  | { readonly type: 'deletePod'; readonly pod: string }
  | { readonly type: 'suspend'; readonly suspend: boolean }
  | { readonly type: 'rollback'; readonly revision: number }
  | { readonly type: 'controllerDown'; readonly durationMs: number }
  /** `kubectl delete <kind>/<name>` (background propagation): the object goes, the garbage collector deletes its dependents. */
  | { readonly type: 'delete' }
  /** `kubectl patch --type merge -p <patch>`: a JSON merge patch of the object (`{spec: {replicas: 5}}`). */
  | { readonly type: 'patch'; readonly patch: Readonly<Record<string, unknown>> };

export type ScenarioEvent = ScenarioEventAction & { readonly atMs: number; readonly path: string };

/** The kinds `existing` may hold (which of them a workload reads is the simulator's business). */
export const EXISTING_KINDS = ['ReplicaSet', 'Pod', 'PersistentVolumeClaim'] as const;
export type ExistingKind = (typeof EXISTING_KINDS)[number];
const EXISTING_API_VERSIONS: Readonly<Record<ExistingKind, string>> = { ReplicaSet: 'apps/v1', Pod: 'v1', PersistentVolumeClaim: 'v1' };

/**
 * An object that already exists when the run starts (`existing:`), as `kubectl get rs,pods,pvc -o yaml` prints
 * it: the live state a rollout is previewed from.
 */
export interface ExistingObject {
  /** Where it was written, for messages: `existing[2]` or `existing.items[2]`. */
  readonly path: string;
  readonly kind: ExistingKind;
  readonly name: string;
  /** metadata.namespace; null when not written. */
  readonly namespace: string | null;
  /** The object as written (apiVersion, kind, metadata, spec, status). */
  readonly object: Readonly<Record<string, unknown>>;
}

export interface Scenario {
  /** RFC 3339, UTC. */
  readonly startTime: string;
  readonly startEpochMs: number;
  /** The horizon; null when the run should go on until nothing is left to happen. */
  readonly untilMs: number | null;
  readonly pods: {
    readonly default: PodBehaviour;
    /** Whether the scenario set `pods.default.runSeconds`: a DaemonSet's pods otherwise run until deleted. */
    readonly defaultRunWritten: boolean;
    readonly outcomes: readonly PodOutcome[];
    /** Extra random failures (0..1) for pods that no outcome matched. */
    readonly failureRate: number;
  };
  readonly nodes: readonly ScenarioNode[];
  /** Sorted by time; equal times keep their written order. */
  readonly events: readonly ScenarioEvent[];
  readonly seed: number;
  /** Objects that exist at t=0 (`existing:`), in the order written; empty when none. */
  readonly existing: readonly ExistingObject[];
}

export interface ScenarioProblem {
  /** The field path in the scenario, `` for the scenario itself. */
  readonly path: string;
  readonly message: string;
  /** Set for an unknown field: the problem is the key itself, which the editor underlines. */
  readonly unknownField?: true;
}

export interface ScenarioParseResult {
  /** Always a usable scenario: invalid fields fall back to their defaults. */
  readonly scenario: Scenario;
  readonly errors: readonly ScenarioProblem[];
}

export interface ScenarioOptions {
  /** The start time when the scenario has none (the CLI passes the wall clock); RFC 3339. */
  readonly defaultStartTime?: string;
  /** The language of the problems (the preview's error view shows them); English when absent. */
  readonly locale?: Locale;
}

/** Used when neither the scenario nor the caller gives a start time: a fixed instant keeps runs reproducible. */
export const DEFAULT_START_TIME = '2026-01-01T00:00:00Z';
export const DEFAULT_POD_BEHAVIOUR: PodBehaviour = { startupMs: 0, readyMs: 0, runMs: 30_000, exitCode: 0, terminationMs: 0 };
export const DEFAULT_NODE_COUNT = 3;
export const DEFAULT_SEED = 1;

/** Bounds that keep a hostile or mistaken scenario from costing more than its author meant. */
export const SCENARIO_LIMITS = { outcomes: 10_000, events: 10_000, nodes: 5_000, runs: 1_000, existing: 100_000 } as const;

const TOP_KEYS = ['startTime', 'until', 'pods', 'nodes', 'events', 'seed', 'existing'];
const PODS_KEYS = ['default', 'outcomes', 'failureRate'];
const BEHAVIOUR_KEYS = ['startupSeconds', 'runSeconds', 'exitCode', 'readySeconds', 'terminationSeconds', 'ready'];
const SELECTOR_KEYS = ['pod', 'index', 'attempt', 'job', 'image', 'revision'];
const RUN_KEYS = ['runSeconds', 'exitCode', 'readySeconds'];
const NODE_KEYS = ['name', 'labels', 'taints', 'unschedulable', 'ready'];
const TAINT_KEYS = ['key', 'value', 'effect'];
const EVENT_ACTIONS = ['addNode', 'removeNode', 'setImage', 'deletePod', 'suspend', 'rollback', 'controllerDown', 'patch', 'delete'];
const TAINT_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function defaultNodes(count: number): ScenarioNode[] {
  return Array.from({ length: count }, (_, i) => ({ name: `node-${i}`, labels: {}, taints: [], unschedulable: false, ready: true }));
}

export function parseScenario(raw: unknown, options: ScenarioOptions = {}): ScenarioParseResult {
  return new ScenarioParser(options.locale).parse(raw, options);
}

/** `path: message`, the form CLI and editor show. */
export function formatProblem(problem: ScenarioProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

type Mapping = Record<string, unknown>;

class ScenarioParser {
  private readonly errors: ScenarioProblem[] = [];

  constructor(private readonly locale: Locale | undefined) {}

  /** A value as the problems quote it. */
  private got(value: unknown): string {
    return describeValue(value, this.locale);
  }

  parse(raw: unknown, options: ScenarioOptions): ScenarioParseResult {
    const fallbackStart = options.defaultStartTime !== undefined && parseRfc3339(options.defaultStartTime) !== undefined ? options.defaultStartTime : DEFAULT_START_TIME;
    let startEpochMs = parseRfc3339(fallbackStart) as number;
    let untilMs: number | null = null;
    let podDefault = DEFAULT_POD_BEHAVIOUR;
    let defaultRunWritten = false;
    let outcomes: PodOutcome[] = [];
    let failureRate = 0;
    let nodes = defaultNodes(DEFAULT_NODE_COUNT);
    let events: ScenarioEvent[] = [];
    let seed = DEFAULT_SEED;
    let existing: ExistingObject[] = [];

    const top = raw === undefined || raw === null ? {} : this.mapping(raw, '', TOP_KEYS);
    if (top) {
      if (top.startTime !== undefined) {
        const parsed = this.instant(top.startTime, 'startTime');
        if (parsed !== undefined) startEpochMs = parsed;
      }
      if (top.until !== undefined) untilMs = this.duration(top.until, 'until') ?? null;
      if (top.pods !== undefined) {
        const pods = this.mapping(top.pods, 'pods', PODS_KEYS);
        if (pods) {
          if (pods.default !== undefined) {
            const written = this.behaviour(pods.default, 'pods.default', BEHAVIOUR_KEYS);
            podDefault = { ...DEFAULT_POD_BEHAVIOUR, ...written };
            defaultRunWritten = written.runMs !== undefined;
          }
          if (pods.outcomes !== undefined) outcomes = this.outcomes(pods.outcomes, 'pods.outcomes');
          if (pods.failureRate !== undefined) failureRate = this.fraction(pods.failureRate, 'pods.failureRate') ?? 0;
        }
      }
      if (top.nodes !== undefined) nodes = this.nodes(top.nodes, 'nodes') ?? nodes;
      if (top.events !== undefined) events = this.events(top.events, 'events');
      if (top.seed !== undefined) seed = this.seed(top.seed, 'seed') ?? DEFAULT_SEED;
      if (top.existing !== undefined && top.existing !== null) existing = this.existing(top.existing, 'existing');
    }
    // A stable sort: equal times keep the order they were written in.
    events = events.map((event, order) => ({ event, order })).sort((a, b) => a.event.atMs - b.event.atMs || a.order - b.order).map((e) => e.event);
    const scenario: Scenario = {
      startTime: formatRfc3339(startEpochMs),
      startEpochMs,
      untilMs,
      pods: { default: podDefault, defaultRunWritten, outcomes, failureRate },
      nodes,
      events,
      seed,
      existing,
    };
    return { scenario, errors: this.errors };
  }

  private error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** A mapping whose keys are all known (any key, when `known` is absent); unknown keys are reported (with a did-you-mean) and ignored. */
  private mapping(value: unknown, path: string, known?: readonly string[]): Mapping | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeMapping', { got: this.got(value) }));
      return undefined;
    }
    const mapping = value as Mapping;
    if (known === undefined) return mapping;
    for (const key of Object.keys(mapping)) {
      if (known.includes(key)) continue;
      const suggestion = suggestField(key, known);
      this.errors.push({
        path: join(path, key),
        message: suggestion ? scenarioErrorText.t(this.locale, 'unknownFieldSuggest', { suggestion, known: known.join(', ') }) : scenarioErrorText.t(this.locale, 'unknownField', { known: known.join(', ') }),
        unknownField: true,
      });
    }
    return mapping;
  }

  private list(value: unknown, path: string, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeList', { got: this.got(value) }));
      return undefined;
    }
    if (value.length > max) {
      this.error(path, scenarioErrorText.t(this.locale, 'tooManyItems', { count: value.length, max }));
      return value.slice(0, max);
    }
    return value;
  }

  private instant(value: unknown, path: string): number | undefined {
    const text = value instanceof Date ? value.toISOString() : value;
    const ms = typeof text === 'string' ? parseRfc3339(text) : undefined;
    if (ms === undefined) this.error(path, scenarioErrorText.t(this.locale, 'mustBeRfc3339', { got: this.got(value) }));
    else if (ms < RFC3339_FIRST_MS || ms >= RFC3339_END_MS) {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeInRfc3339Range', { first: formatRfc3339(RFC3339_FIRST_MS), last: formatRfc3339(RFC3339_END_MS - 1000), got: this.got(value) }));
    }
    else return ms;
    return undefined;
  }

  private duration(value: unknown, path: string): number | undefined {
    const parsed = parseDuration(typeof value === 'bigint' ? Number(value) : value, this.locale);
    if ('error' in parsed) {
      this.error(path, parsed.error);
      return undefined;
    }
    return parsed.ms;
  }

  private integer(value: unknown, path: string, min: number, max: number, what: IntegerWhat = 'integer'): number | undefined {
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      this.error(path, scenarioErrorText.t(this.locale, 'integerBetween', { what: scenarioErrorText.t(this.locale, what), min, max, got: this.got(value) }));
      return undefined;
    }
    return number;
  }

  private fraction(value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeFraction', { got: this.got(value) }));
      return undefined;
    }
    return value;
  }

  private boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeBoolean', { got: this.got(value) }));
      return undefined;
    }
    return value;
  }

  private string(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || value === '') {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeNonEmptyString', { got: this.got(value) }));
      return undefined;
    }
    return value;
  }

  private seed(value: unknown, path: string): number | undefined {
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      this.error(path, scenarioErrorText.t(this.locale, 'mustBeWholeNumber', { got: this.got(value) }));
      return undefined;
    }
    return number;
  }

  /** The behaviour fields present in `mapping` (already checked for unknown keys by the caller or here). */
  private behaviour(value: unknown, path: string, known: readonly string[]): Partial<PodBehaviour> {
    const mapping = this.mapping(value, path, known);
    if (!mapping) return {};
    return this.behaviourFields(mapping, path);
  }

  private behaviourFields(mapping: Mapping, path: string): Partial<PodBehaviour> {
    const out: { -readonly [K in keyof PodBehaviour]?: PodBehaviour[K] } = {};
    const seconds = (key: string, field: 'startupMs' | 'readyMs' | 'runMs' | 'terminationMs'): void => {
      if (mapping[key] === undefined) return;
      const ms = this.duration(mapping[key], join(path, key));
      if (ms !== undefined) out[field] = ms;
    };
    seconds('startupSeconds', 'startupMs');
    seconds('readySeconds', 'readyMs');
    seconds('runSeconds', 'runMs');
    seconds('terminationSeconds', 'terminationMs');
    if (mapping.exitCode !== undefined) {
      const code = this.integer(mapping.exitCode, join(path, 'exitCode'), 0, 255, 'exitCode');
      if (code !== undefined) out.exitCode = code;
    }
    // `ready: false`: the readiness probe never passes (a broken image), so the pod is never Ready.
    if (mapping.ready !== undefined) {
      const ready = this.boolean(mapping.ready, join(path, 'ready'));
      if (ready === false) {
        if (mapping.readySeconds !== undefined) this.error(join(path, 'ready'), scenarioErrorText.t(this.locale, 'readyFalseWithReadySeconds'));
        out.readyMs = Infinity;
      }
    }
    return out;
  }

  private outcomes(value: unknown, path: string): PodOutcome[] {
    const items = this.list(value, path, SCENARIO_LIMITS.outcomes) ?? [];
    const out: PodOutcome[] = [];
    items.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      const mapping = this.mapping(item, itemPath, [...SELECTOR_KEYS, ...BEHAVIOUR_KEYS, 'runs']);
      if (!mapping) return;
      const selector: { pod?: number; index?: number; attempt?: number; job?: number; image?: string; revision?: number } = {};
      if (mapping.image !== undefined) selector.image = this.string(mapping.image, join(itemPath, 'image'));
      if (mapping.pod !== undefined) selector.pod = this.integer(mapping.pod, join(itemPath, 'pod'), 1, Number.MAX_SAFE_INTEGER, 'creationOrdinal');
      if (mapping.index !== undefined) selector.index = this.integer(mapping.index, join(itemPath, 'index'), 0, 2147483646, 'completionIndex');
      if (mapping.attempt !== undefined) {
        selector.attempt = this.integer(mapping.attempt, join(itemPath, 'attempt'), 1, Number.MAX_SAFE_INTEGER, 'attemptNumber');
        if (mapping.index === undefined) this.error(join(itemPath, 'attempt'), scenarioErrorText.t(this.locale, 'attemptNeedsIndex'));
      }
      if (mapping.job !== undefined) selector.job = this.integer(mapping.job, join(itemPath, 'job'), 1, Number.MAX_SAFE_INTEGER, 'jobOrdinal');
      if (mapping.revision !== undefined) selector.revision = this.integer(mapping.revision, join(itemPath, 'revision'), 1, Number.MAX_SAFE_INTEGER, 'revisionNumber');
      let runs: ContainerRunSpec[] | undefined;
      if (mapping.runs !== undefined) {
        const runItems = this.list(mapping.runs, join(itemPath, 'runs'), SCENARIO_LIMITS.runs) ?? [];
        if (runItems.length === 0 && Array.isArray(mapping.runs)) this.error(join(itemPath, 'runs'), scenarioErrorText.t(this.locale, 'runsEmpty'));
        runs = [];
        runItems.forEach((run, r) => {
          const runPath = `${join(itemPath, 'runs')}[${r}]`;
          const fields = this.behaviour(run, runPath, RUN_KEYS);
          runs?.push({
            runMs: fields.runMs ?? DEFAULT_POD_BEHAVIOUR.runMs,
            exitCode: fields.exitCode ?? 0,
            ...(fields.readyMs !== undefined ? { readyMs: fields.readyMs } : {}),
          });
        });
      }
      out.push({ path: itemPath, ...definedOnly(selector), behaviour: this.behaviourFields(mapping, itemPath), ...(runs ? { runs } : {}) });
    });
    return out;
  }

  private nodes(value: unknown, path: string): ScenarioNode[] | undefined {
    if (typeof value === 'number' || typeof value === 'bigint') {
      const count = this.integer(value, path, 0, SCENARIO_LIMITS.nodes, 'nodeCount');
      return count === undefined ? undefined : defaultNodes(count);
    }
    const items = this.list(value, path, SCENARIO_LIMITS.nodes);
    if (!items) return undefined;
    const out: ScenarioNode[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const node = this.node(item, `${path}[${i}]`, `node-${i}`);
      if (!node) return;
      if (seen.has(node.name)) this.error(`${path}[${i}].name`, scenarioErrorText.t(this.locale, 'duplicateNode', { name: JSON.stringify(node.name) }));
      else out.push(node);
      seen.add(node.name);
    });
    return out;
  }

  private node(value: unknown, path: string, defaultName: string): ScenarioNode | undefined {
    const mapping = this.mapping(value, path, NODE_KEYS);
    if (!mapping) return undefined;
    const name = mapping.name === undefined ? defaultName : this.string(mapping.name, join(path, 'name'));
    if (name === undefined) return undefined;
    const labels: Record<string, string> = {};
    if (mapping.labels !== undefined && mapping.labels !== null) {
      // Any key: checking each against the list of all keys took 6 s for 50,000 labels.
      const labelMap = this.mapping(mapping.labels, join(path, 'labels'));
      for (const [key, label] of Object.entries(labelMap ?? {})) {
        if (typeof label === 'string') labels[key] = label;
        else if (typeof label === 'number' || typeof label === 'boolean') labels[key] = String(label);
        else this.error(join(join(path, 'labels'), key), scenarioErrorText.t(this.locale, 'mustBeString', { got: this.got(label) }));
      }
    }
    const taints: Taint[] = [];
    if (mapping.taints !== undefined && mapping.taints !== null) {
      (this.list(mapping.taints, join(path, 'taints'), 100) ?? []).forEach((taint, t) => {
        const taintPath = `${join(path, 'taints')}[${t}]`;
        const taintMap = this.mapping(taint, taintPath, TAINT_KEYS);
        if (!taintMap) return;
        const key = this.string(taintMap.key, join(taintPath, 'key'));
        const effect = taintMap.effect;
        if (typeof effect !== 'string' || !(TAINT_EFFECTS as readonly string[]).includes(effect)) {
          this.error(join(taintPath, 'effect'), scenarioErrorText.t(this.locale, 'mustBeOneOf', { values: TAINT_EFFECTS.join(', '), got: this.got(effect) }));
          return;
        }
        if (key === undefined) return;
        const taintValue = taintMap.value === undefined ? undefined : this.string(taintMap.value, join(taintPath, 'value'));
        taints.push({ key, effect: effect as TaintEffect, ...(taintValue !== undefined ? { value: taintValue } : {}) });
      });
    }
    const unschedulable = mapping.unschedulable === undefined ? false : (this.boolean(mapping.unschedulable, join(path, 'unschedulable')) ?? false);
    const ready = mapping.ready === undefined ? true : (this.boolean(mapping.ready, join(path, 'ready')) ?? true);
    return { name, labels, taints, unschedulable, ready };
  }

  private events(value: unknown, path: string): ScenarioEvent[] {
    const items = this.list(value, path, SCENARIO_LIMITS.events) ?? [];
    const out: ScenarioEvent[] = [];
    items.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      const mapping = this.mapping(item, itemPath, ['at', ...EVENT_ACTIONS]);
      if (!mapping) return;
      if (mapping.at === undefined) this.error(join(itemPath, 'at'), scenarioErrorText.t(this.locale, 'atRequired'));
      const atMs = mapping.at === undefined ? undefined : this.duration(mapping.at, join(itemPath, 'at'));
      const actions = EVENT_ACTIONS.filter((key) => mapping[key] !== undefined);
      if (actions.length !== 1) {
        this.error(
          itemPath,
          actions.length === 0
            ? scenarioErrorText.t(this.locale, 'eventNeedsAction', { actions: EVENT_ACTIONS.join(', ') })
            : scenarioErrorText.t(this.locale, 'eventHasMany', { actions: actions.join(scenarioErrorText.t(this.locale, 'and')) }),
        );
        return;
      }
      const key = actions[0];
      const action = this.eventAction(key, mapping[key], join(itemPath, key));
      if (action && atMs !== undefined) out.push({ ...action, atMs, path: itemPath });
    });
    return out;
  }

  /**
   * `existing:` a list of objects, or one `kind: List` (what `kubectl get rs,pods -o yaml` prints). Each needs
   * its kind (one of EXISTING_KINDS, at its apiVersion when written) and metadata.name, unique per kind.
   */
  private existing(value: unknown, path: string): ExistingObject[] {
    let itemsPath = path;
    let raw = value;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const list = raw as Mapping;
      if (list.kind !== 'List') {
        this.error(path, scenarioErrorText.t(this.locale, 'existingNotList', { kind: this.got(list.kind) }));
        return [];
      }
      itemsPath = join(path, 'items');
      raw = list.items ?? [];
    }
    const items = this.list(raw, itemsPath, SCENARIO_LIMITS.existing) ?? [];
    const out: ExistingObject[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const itemPath = `${itemsPath}[${i}]`;
      const object = this.mapping(item, itemPath);
      if (!object) return;
      const kind = object.kind;
      if (typeof kind !== 'string' || !(EXISTING_KINDS as readonly string[]).includes(kind)) {
        this.error(join(itemPath, 'kind'), scenarioErrorText.t(this.locale, 'mustBeOneOf', { values: EXISTING_KINDS.join(', '), got: this.got(kind) }));
        return;
      }
      const wantedApiVersion = EXISTING_API_VERSIONS[kind as ExistingKind];
      if (object.apiVersion !== undefined && object.apiVersion !== wantedApiVersion) {
        this.error(join(itemPath, 'apiVersion'), scenarioErrorText.t(this.locale, 'wrongApiVersion', { kind, apiVersion: wantedApiVersion, got: this.got(object.apiVersion) }));
        return;
      }
      const metadata = object.metadata === undefined ? undefined : this.mapping(object.metadata, join(itemPath, 'metadata'));
      if (object.metadata === undefined) this.error(join(itemPath, 'metadata.name'), scenarioErrorText.t(this.locale, 'required'));
      if (!metadata) return;
      const name = this.string(metadata.name, join(itemPath, 'metadata.name'));
      if (name === undefined) return;
      const namespace = metadata.namespace === undefined ? null : this.string(metadata.namespace, join(itemPath, 'metadata.namespace'));
      if (namespace === undefined) return;
      const key = `${kind}/${name}`;
      if (seen.has(key)) {
        this.error(join(itemPath, 'metadata.name'), scenarioErrorText.t(this.locale, 'duplicateName', { kind, name: JSON.stringify(name) }));
        return;
      }
      seen.add(key);
      out.push({ path: itemPath, kind: kind as ExistingKind, name, namespace, object });
    });
    return out;
  }

  private eventAction(key: string, value: unknown, path: string): ScenarioEventAction | undefined {
    switch (key) {
      case 'addNode': {
        const node = this.node(value, path, '');
        if (node && node.name === '') {
          this.error(join(path, 'name'), scenarioErrorText.t(this.locale, 'required'));
          return undefined;
        }
        return node ? { type: 'addNode', node } : undefined;
      }
      case 'removeNode': {
        const name = this.string(value, path);
        return name === undefined ? undefined : { type: 'removeNode', name };
      }
      case 'setImage': {
        const image = this.string(value, path);
        return image === undefined ? undefined : { type: 'setImage', image };
      }
      case 'deletePod': {
        const pod = this.string(value, path);
        return pod === undefined ? undefined : { type: 'deletePod', pod };
      }
      case 'suspend': {
        const suspend = this.boolean(value, path);
        return suspend === undefined ? undefined : { type: 'suspend', suspend };
      }
      case 'rollback': {
        const revision = this.integer(value, path, 0, Number.MAX_SAFE_INTEGER, 'revisionNumber');
        return revision === undefined ? undefined : { type: 'rollback', revision };
      }
      case 'patch': {
        const patch = this.mapping(value, path);
        if (patch === undefined) return undefined;
        if (Object.keys(patch).length === 0) {
          this.error(path, scenarioErrorText.t(this.locale, 'patchEmpty'));
          return undefined;
        }
        return { type: 'patch', patch };
      }
      case 'delete': {
        // `delete: true`; anything else (false included) deletes nothing, so it is a mistake worth saying.
        if (value !== true) {
          this.error(path, scenarioErrorText.t(this.locale, 'deleteMustBeTrue', { got: this.got(value) }));
          return undefined;
        }
        return { type: 'delete' };
      }
      default: {
        const durationMs = this.duration(value, path);
        return durationMs === undefined ? undefined : { type: 'controllerDown', durationMs };
      }
    }
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
