/**
 * applyWhatIf: the preview's what-if edits merged into a scenario, as a plain scenario value (design §4.2).
 * Kept apart from the WhatIf type (whatIf.ts), which the client and the webview import and which therefore
 * imports nothing.
 */
import { DEFAULT_NODE_COUNT, SCENARIO_LIMITS } from './scenario';
import type { WhatIf } from './whatIf';

type Mapping = Record<string, unknown>;

export interface WhatIfOptions {
  /** The pod template's restartPolicy (templateRestartPolicy): what an attempt is for failFirst. */
  readonly restartPolicy?: string;
}

/** The restartPolicy of the pods a Job, CronJob (its jobTemplate) or DaemonSet manifest creates; undefined when not written. */
export function templateRestartPolicy(manifest: unknown): string | undefined {
  if (!isMapping(manifest)) return undefined;
  let template: unknown = isMapping(manifest.spec) ? manifest.spec : undefined;
  if (manifest.kind === 'CronJob') template = isMapping(template) && isMapping(template.jobTemplate) ? template.jobTemplate.spec : undefined;
  template = isMapping(template) ? template.template : undefined;
  const spec = isMapping(template) ? template.spec : undefined;
  const policy = isMapping(spec) ? spec.restartPolicy : undefined;
  // A DaemonSet's pods can only restart in place (Always is its default and only allowed value).
  return typeof policy === 'string' ? policy : manifest.kind === 'DaemonSet' ? 'Always' : undefined;
}

/** Bounds from the scenario parser: a what-if may ask for more, and the parser then says what the limit is. */
const MAX_OUTCOMES = SCENARIO_LIMITS.outcomes;
const MAX_NODES = SCENARIO_LIMITS.nodes;
const MAX_RUNS = SCENARIO_LIMITS.runs;

/**
 * The scenario `whatIf` makes of `rawScenario` (a scenario file's plain value, design §4.2; undefined or null:
 * the default scenario), as a plain value in the same format: what parseScenario reads, what the preview runs and
 * what "Save as scenario" writes. The input is never changed. A value that is not a mapping where one is needed
 * (a scenario that is a list, `pods: 3`) is left as it is, so that parseScenario reports it where it was written.
 *
 * - runSeconds / startupSeconds set `pods.default`'s fields (the others stay).
 * - failFirst adds `{ pod: 1..N, exitCode }` before the file's outcomes (the first match wins). An outcome without
 *   `job` matches in every Job, so for a CronJob each run's first N pods fail. With restartPolicy OnFailure (or
 *   Always) an attempt is a container run in the same pod (the kubelet restarts it, and a Job's backoffLimit counts
 *   those restarts): the first pod's first N runs fail, `{ pod: 1, runs: [N failing runs, one as by default] }`.
 * - failIndex adds `{ index, exitCode }` before the file's outcomes (after failFirst's).
 * - failureRate sets `pods.failureRate` and `seed`.
 * - nodes replaces `nodes` with node-0 … node-(count-1), each with the labels and taints.
 * - nodeJoin, nodeLeave, setImage and controllerDown are appended to `events`; a joining node without a name
 *   is the first node-N no node (nor an earlier addNode) uses.
 * - until sets `until`.
 */
export function applyWhatIf(rawScenario: unknown, whatIf: WhatIf, options: WhatIfOptions = {}): unknown {
  const base: unknown = rawScenario === undefined || rawScenario === null ? {} : rawScenario;
  if (!isMapping(base)) return rawScenario;
  const out: Mapping = { ...base };

  if (whatIf.runSeconds !== undefined || whatIf.startupSeconds !== undefined) {
    editPods(out, (pods) => {
      const current = pods.default === undefined || pods.default === null ? {} : pods.default;
      if (!isMapping(current)) return;
      pods.default = {
        ...current,
        ...(whatIf.startupSeconds !== undefined ? { startupSeconds: whatIf.startupSeconds } : {}),
        ...(whatIf.runSeconds !== undefined ? { runSeconds: whatIf.runSeconds } : {}),
      };
    });
  }

  const first: unknown[] = [];
  if (whatIf.failFirst !== undefined) {
    const restartsInPlace = options.restartPolicy === 'OnFailure' || options.restartPolicy === 'Always';
    first.push(...(restartsInPlace ? failFirstRuns(whatIf.failFirst, podDefault(out)) : failFirstOutcomes(whatIf.failFirst)));
  }
  if (whatIf.failIndex !== undefined) first.push({ index: whatIf.failIndex.index, exitCode: whatIf.failIndex.exitCode });
  if (first.length > 0) {
    editPods(out, (pods) => {
      const current = pods.outcomes === undefined || pods.outcomes === null ? [] : pods.outcomes;
      if (Array.isArray(current)) pods.outcomes = [...first, ...(current as unknown[])];
    });
  }

  if (whatIf.failureRate !== undefined) {
    const { rate, seed } = whatIf.failureRate;
    editPods(out, (pods) => {
      pods.failureRate = rate;
    });
    out.seed = seed;
  }

  if (whatIf.nodes !== undefined) out.nodes = nodeList(whatIf.nodes);

  const events: unknown[] = [];
  if (whatIf.nodeJoin !== undefined) {
    const { at, name, labels } = whatIf.nodeJoin;
    const nodeName = name !== undefined && name !== '' ? name : freeNodeName(out.nodes, out.events);
    events.push({ at, addNode: { name: nodeName, ...(labels !== undefined && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}) } });
  }
  if (whatIf.nodeLeave !== undefined) events.push({ at: whatIf.nodeLeave.at, removeNode: whatIf.nodeLeave.name });
  if (whatIf.setImage !== undefined) events.push({ at: whatIf.setImage.at, setImage: whatIf.setImage.image });
  if (whatIf.controllerDown !== undefined) events.push({ at: whatIf.controllerDown.at, controllerDown: whatIf.controllerDown.for });
  if (events.length > 0) {
    const current = out.events === undefined || out.events === null ? [] : out.events;
    if (Array.isArray(current)) out.events = [...(current as unknown[]), ...events];
  }

  if (whatIf.until !== undefined) out.until = whatIf.until;
  return out;
}

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Edits a copy of `pods` (created when absent); a `pods` that is not a mapping is left for the parser to report. */
function editPods(scenario: Mapping, edit: (pods: Mapping) => void): void {
  const current = scenario.pods === undefined || scenario.pods === null ? {} : scenario.pods;
  if (!isMapping(current)) return;
  const pods: Mapping = { ...current };
  edit(pods);
  scenario.pods = pods;
}

/**
 * `{ pod: 1, exitCode }` … `{ pod: N, exitCode }`. A count that is not a whole number ≥ 0 is passed on as one
 * outcome's `pod`, so the parser says what is wrong with it; more than the parser takes stops one past its limit.
 */
function failFirstOutcomes(failFirst: NonNullable<WhatIf['failFirst']>): unknown[] {
  const { attempts, exitCode } = failFirst;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return [{ pod: attempts, exitCode }];
  return Array.from({ length: Math.min(attempts, MAX_OUTCOMES + 1) }, (_, i) => ({ pod: i + 1, exitCode }));
}

/**
 * For pods whose containers restart in place: the first pod's first N runs fail, then it runs as by default
 * (the run time and exit code of `pods.default`, as written, so the last run matches the other pods).
 */
function failFirstRuns(failFirst: NonNullable<WhatIf['failFirst']>, defaults: Mapping): unknown[] {
  const { attempts, exitCode } = failFirst;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return [{ pod: attempts, exitCode }];
  if (attempts === 0) return [];
  const runSeconds = defaults.runSeconds !== undefined ? { runSeconds: defaults.runSeconds } : {};
  const failing = Array.from({ length: Math.min(attempts, MAX_RUNS + 1) }, () => ({ ...runSeconds, exitCode }));
  return [{ pod: 1, runs: [...failing, { ...runSeconds, exitCode: defaults.exitCode ?? 0 }] }];
}

/** pods.default of the scenario as it stands (an empty mapping when absent or not a mapping). */
function podDefault(scenario: Mapping): Mapping {
  const pods = scenario.pods;
  return isMapping(pods) && isMapping(pods.default) ? pods.default : {};
}

/** node-0 … node-(count-1) with the labels and taints; a count the parser would reject is passed on as the count. */
function nodeList(nodes: NonNullable<WhatIf['nodes']>): unknown {
  const { count, labels, taints } = nodes;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_NODES) return count;
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i}`,
    ...(labels !== undefined && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
    ...(taints !== undefined && taints.length > 0 ? { taints: taints.map((t) => ({ ...t })) } : {}),
  }));
}

/** The first node-N that neither the scenario's nodes (a list, a count, or the default three) nor an addNode event uses. */
function freeNodeName(nodes: unknown, events: unknown): string {
  const taken = new Set<string>();
  if (nodes === undefined || nodes === null) for (let i = 0; i < DEFAULT_NODE_COUNT; i++) taken.add(`node-${i}`);
  else if (typeof nodes === 'number' && Number.isInteger(nodes)) for (let i = 0; i < Math.min(nodes, MAX_NODES); i++) taken.add(`node-${i}`);
  else if (Array.isArray(nodes)) {
    nodes.forEach((node: unknown, i) => taken.add(isMapping(node) && typeof node.name === 'string' ? node.name : `node-${i}`));
  }
  if (Array.isArray(events)) {
    for (const event of events as unknown[]) {
      if (isMapping(event) && isMapping(event.addNode) && typeof event.addNode.name === 'string') taken.add(event.addNode.name);
    }
  }
  let n = 0;
  while (taken.has(`node-${n}`)) n++;
  return `node-${n}`;
}
