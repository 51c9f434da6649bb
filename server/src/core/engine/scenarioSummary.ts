/**
 * The scenario in effect, in words, for the preview's scenario bar: "pods run 10s; attempts 1–2 fail with exit 1".
 * Only what differs from the defaults, plus how long pods run (the one thing every run depends on). Long lists
 * (outcomes, events) are cut to their first few, with how many more there are.
 */
import { formatDuration } from '../durations';
import { DEFAULT_NODE_COUNT, DEFAULT_POD_BEHAVIOUR, type PodBehaviour, type PodOutcome, type Scenario, type ScenarioEvent, type ScenarioNode } from './scenario';

/** Outcome groups and events named before "and N more". */
const MAX_LISTED = 4;

export function describeScenario(scenario: Scenario, kind: string): string {
  const parts = [podsPart(scenario, kind), ...outcomeParts(scenario, kind)];
  const { failureRate, outcomes } = scenario.pods;
  if (failureRate > 0) {
    const others = outcomes.length > 0 ? 'other ' : '';
    parts.push(`${percent(failureRate)} of ${others}pods fail at random (seed ${scenario.seed})`);
  }
  const nodes = nodesPart(scenario.nodes, kind);
  if (nodes !== null) parts.push(nodes);
  parts.push(...listed(scenario.events.map(eventPart), 'events'));
  if (scenario.untilMs !== null) parts.push(`until ${duration(scenario.untilMs)}`);
  return parts.join('; ');
}

/**
 * "pods start at once and run 30s (exit 0)" when pods behave as by default and nothing fails; otherwise the run
 * time and only the fields that differ ("pods run 10s", "pods start after 5s and run 1m (exit 3)").
 */
function podsPart(scenario: Scenario, kind: string): string {
  const pods = scenario.pods.default;
  const d = DEFAULT_POD_BEHAVIOUR;
  // A DaemonSet's pods run until they are deleted unless the scenario says how long (the kubelet's rule).
  const untilDeleted = kind === 'DaemonSet' && !scenario.pods.defaultRunWritten;
  const runs = untilDeleted ? 'run until deleted' : `run ${duration(pods.runMs)}`;
  const plain = pods.startupMs === d.startupMs && pods.readyMs === d.readyMs && pods.exitCode === d.exitCode && pods.terminationMs === d.terminationMs;
  if (plain && scenario.pods.outcomes.length === 0 && scenario.pods.failureRate === 0) return `pods start at once and ${runs}${untilDeleted ? '' : ' (exit 0)'}`;
  let first = pods.startupMs !== d.startupMs ? `start after ${duration(pods.startupMs)} and ${runs}` : runs;
  if (pods.exitCode !== d.exitCode) first += ` (exit ${pods.exitCode})`;
  const words = [first];
  if (pods.readyMs !== d.readyMs) words.push(`ready ${duration(pods.readyMs)} after start`);
  if (pods.terminationMs !== d.terminationMs) words.push(`stop ${duration(pods.terminationMs)} after deletion`);
  return `pods ${words.join(', ')}`;
}

/** Consecutive `pod: n` outcomes that do the same are one range: "attempts 1–2 fail with exit 1". */
function outcomeParts(scenario: Scenario, kind: string): string[] {
  const groups: { first: PodOutcome; last: PodOutcome; what: string }[] = [];
  for (const outcome of scenario.pods.outcomes) {
    const what = outcomeAction(outcome, scenario.pods.default);
    const previous = groups[groups.length - 1];
    const extends_ =
      previous !== undefined &&
      previous.what === what &&
      outcome.pod !== undefined &&
      previous.last.pod === outcome.pod - 1 &&
      outcome.index === previous.last.index &&
      outcome.attempt === previous.last.attempt &&
      outcome.job === previous.last.job;
    if (extends_) previous.last = outcome;
    else groups.push({ first: outcome, last: outcome, what });
  }
  // An outcome without `job` matches in every Job a CronJob creates.
  const everyJob = (o: PodOutcome): string => (kind === 'CronJob' && o.job === undefined && (o.pod !== undefined || o.index !== undefined) ? ' in every Job' : '');
  const texts = groups.map(({ first, last, what }) => {
    const restarts = first === last ? restartFailures(first, scenario.pods.default) : undefined;
    if (restarts !== undefined) return `${restarts}${everyJob(first)}`;
    const plural = first !== last;
    const selector = plural ? selectorWords(first, `attempts ${first.pod}–${last.pod}`) : selectorWords(first, first.pod !== undefined ? `attempt ${first.pod}` : undefined);
    return `${selector} ${plural ? pluralVerb(what) : what}${everyJob(first)}`;
  });
  return listed(texts, 'outcomes');
}

/**
 * The first pod's first container runs fail, then it runs as the others do (what-if failFirst for pods that restart
 * in place, restartPolicy OnFailure): "attempts 1–2 fail with exit 1 (restarted in the same pod)".
 */
function restartFailures(outcome: PodOutcome, defaults: PodBehaviour): string | undefined {
  const runs = outcome.runs;
  if (outcome.pod !== 1 || outcome.index !== undefined || outcome.attempt !== undefined || outcome.job !== undefined) return undefined;
  if (runs === undefined || runs.length < 2) return undefined;
  const failing = runs.slice(0, -1);
  const last = runs[runs.length - 1];
  const [f] = failing;
  if (f.exitCode === 0 || failing.some((r) => r.exitCode !== f.exitCode || r.runMs !== f.runMs) || last.exitCode !== 0) return undefined;
  const after = f.runMs !== defaults.runMs ? ` after ${duration(f.runMs)}` : '';
  const which = failing.length === 1 ? 'attempt 1 fails' : `attempts 1–${failing.length} fail`;
  return `${which} with exit ${f.exitCode}${after} (restarted in the same pod)`;
}

/** "Job 3 attempt 1", "index 2", "index 2 attempt 1", "every pod" (an outcome without a selector). */
function selectorWords(outcome: PodOutcome, pod: string | undefined): string {
  const words: string[] = [];
  if (outcome.job !== undefined) words.push(`Job ${outcome.job}`);
  if (outcome.index !== undefined) words.push(`index ${outcome.index}`);
  if (outcome.attempt !== undefined) words.push(`attempt ${outcome.attempt}`);
  if (pod !== undefined) words.push(pod);
  return words.length > 0 ? words.join(' ') : 'every pod';
}

/** In the singular: "fails with exit 1", "fails with exit 1 after 10s", "runs 2m", "exits 1, then 0 (container runs)". */
function outcomeAction(outcome: PodOutcome, defaults: PodBehaviour): string {
  if (outcome.runs !== undefined && outcome.runs.length > 0) {
    return `runs its container ${outcome.runs.map((r) => `${duration(r.runMs)} (exit ${r.exitCode})`).join(', then ')}`;
  }
  const b = outcome.behaviour;
  const exitCode = b.exitCode ?? defaults.exitCode;
  const after = b.runMs !== undefined && b.runMs !== defaults.runMs ? ` after ${duration(b.runMs)}` : '';
  const startup = b.startupMs !== undefined && b.startupMs !== defaults.startupMs ? ` (starts after ${duration(b.startupMs)})` : '';
  if (exitCode !== 0) return `fails with exit ${exitCode}${after}${startup}`;
  if (b.runMs !== undefined) return `runs ${duration(b.runMs)}${startup}`;
  return startup !== '' ? `succeeds${startup}` : 'succeeds';
}

function pluralVerb(singular: string): string {
  return singular.replace(/^(fail|run|succeed|exit)s\b/, '$1');
}

/** null for the default three plain nodes (unless the kind is a DaemonSet, whose pods are one per node). */
function nodesPart(nodes: readonly ScenarioNode[], kind: string): string | null {
  const plain = (n: ScenarioNode, i: number): boolean =>
    n.name === `node-${i}` && Object.keys(n.labels).length === 0 && n.taints.length === 0 && !n.unschedulable && n.ready;
  if (kind !== 'DaemonSet' && nodes.length === DEFAULT_NODE_COUNT && nodes.every(plain)) return null;
  const count = nodes.length === 0 ? 'no nodes' : nodes.length === 1 ? '1 node' : `${nodes.length} nodes`;
  const details: string[] = [];
  const shared = (f: (n: ScenarioNode) => string): string | null => (nodes.length > 0 && nodes.every((n) => f(n) === f(nodes[0])) ? f(nodes[0]) : null);
  const labels = shared((n) => Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(','));
  if (labels) details.push(labels);
  const taints = shared((n) => n.taints.map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`).join(','));
  if (taints) details.push(`taint ${taints}`);
  const cordoned = nodes.filter((n) => n.unschedulable).length;
  if (cordoned > 0) details.push(`${cordoned} unschedulable`);
  const notReady = nodes.filter((n) => !n.ready).length;
  if (notReady > 0) details.push(`${notReady} not ready`);
  return details.length > 0 ? `${count} (${details.join('; ')})` : count;
}

function eventPart(event: ScenarioEvent): string {
  const at = `+${duration(event.atMs)}`;
  switch (event.type) {
    case 'addNode':
      return `${event.node.name} joins at ${at}`;
    case 'removeNode':
      return `${event.name} leaves at ${at}`;
    case 'setImage':
      return `image ${event.image} at ${at}`;
    case 'deletePod':
      return `pod ${event.pod} deleted at ${at}`;
    case 'suspend':
      return `${event.suspend ? 'suspended' : 'resumed'} at ${at}`;
    case 'rollback':
      return `rollback${event.revision > 0 ? ` to revision ${event.revision}` : ''} at ${at}`;
    case 'controllerDown':
      return `controller down ${at}–+${duration(event.atMs + event.durationMs)}`;
    case 'patch':
      return `patch ${JSON.stringify(event.patch)} at ${at}`;
  }
}

function listed(texts: readonly string[], what: string): string[] {
  if (texts.length <= MAX_LISTED + 1) return [...texts];
  return [...texts.slice(0, MAX_LISTED), `${texts.length - MAX_LISTED} more ${what}`];
}

/** Exact, in the scenario's own units: 30s, 1m30s, 3h30m, 1.5s. */
function duration(ms: number): string {
  if (ms % 1000 !== 0 && ms < 60_000) return `${ms / 1000}s`;
  return formatDuration(ms / 1000);
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}
