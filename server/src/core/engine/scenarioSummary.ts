/**
 * The scenario in effect, in words, for the preview's scenario bar: "pods run 10s; attempts 1–2 fail with exit 1".
 * Only what differs from the defaults, plus how long pods run (the one thing every run depends on). Long lists
 * (outcomes, events) are cut to their first few, with how many more there are. The words follow `locale`
 * (English when absent); durations, codes, names and labels stay as the scenario writes them.
 */
import { formatDuration } from '../durations';
import type { Locale } from '../i18n';
import { DEFAULT_NODE_COUNT, DEFAULT_POD_BEHAVIOUR, type PodBehaviour, type PodOutcome, type Scenario, type ScenarioEvent, type ScenarioNode } from './scenario';
import { summaryText } from './scenarioSummaryText';

/** Outcome groups and events named before "and N more". */
const MAX_LISTED = 4;

export function describeScenario(scenario: Scenario, kind: string, locale?: Locale): string {
  const parts = [podsPart(scenario, kind, locale), ...outcomeParts(scenario, kind, locale)];
  const existing = existingPart(scenario, locale);
  if (existing !== null) parts.unshift(existing);
  const { failureRate, outcomes } = scenario.pods;
  if (failureRate > 0) {
    const args = { percent: percent(failureRate), seed: scenario.seed };
    parts.push(outcomes.length > 0 ? summaryText.t(locale, 'randomFailuresOthers', args) : summaryText.t(locale, 'randomFailures', args));
  }
  const nodes = nodesPart(scenario.nodes, kind, locale);
  if (nodes !== null) parts.push(nodes);
  const events = scenario.events.map((event) => eventPart(event, locale));
  parts.push(...listed(events, (count) => summaryText.t(locale, 'moreEvents', { count })));
  if (scenario.untilMs !== null) parts.push(summaryText.t(locale, 'until', { duration: duration(scenario.untilMs) }));
  return parts.join(summaryText.t(locale, 'partSeparator'));
}

/**
 * "pods start at once and run 30s (exit 0)" when pods behave as by default and nothing fails; otherwise the run
 * time and only the fields that differ ("pods run 10s", "pods start after 5s and run 1m (exit 3)").
 */
function podsPart(scenario: Scenario, kind: string, locale: Locale | undefined): string {
  const pods = scenario.pods.default;
  const d = DEFAULT_POD_BEHAVIOUR;
  // A DaemonSet's pods run until they are deleted unless the scenario says how long (the kubelet's rule).
  const untilDeleted = kind === 'DaemonSet' && !scenario.pods.defaultRunWritten;
  const runs = untilDeleted ? summaryText.t(locale, 'runUntilDeleted') : summaryText.t(locale, 'runFor', { duration: duration(pods.runMs) });
  const plain = pods.startupMs === d.startupMs && pods.readyMs === d.readyMs && pods.exitCode === d.exitCode && pods.terminationMs === d.terminationMs;
  if (plain && scenario.pods.outcomes.length === 0 && scenario.pods.failureRate === 0) {
    return untilDeleted ? summaryText.t(locale, 'podsPlain', { runs }) : summaryText.t(locale, 'podsPlainExit0', { runs });
  }
  let first = pods.startupMs !== d.startupMs ? summaryText.t(locale, 'startAfter', { duration: duration(pods.startupMs), runs }) : runs;
  if (pods.exitCode !== d.exitCode) first += summaryText.t(locale, 'exitSuffix', { code: pods.exitCode });
  const words = [first];
  if (pods.readyMs !== d.readyMs) words.push(summaryText.t(locale, 'readyAfterStart', { duration: duration(pods.readyMs) }));
  if (pods.terminationMs !== d.terminationMs) words.push(summaryText.t(locale, 'stopAfterDeletion', { duration: duration(pods.terminationMs) }));
  return summaryText.t(locale, 'podsAre', { words: words.join(summaryText.t(locale, 'listSeparator')) });
}

/** Consecutive `pod: n` outcomes that do the same are one range: "attempts 1–2 fail with exit 1". */
function outcomeParts(scenario: Scenario, kind: string, locale: Locale | undefined): string[] {
  const defaults = scenario.pods.default;
  const groups: { first: PodOutcome; last: PodOutcome; what: string }[] = [];
  for (const outcome of scenario.pods.outcomes) {
    // Grouped by what they do, in one language whatever the reader's.
    const what = outcomeAction(outcome, defaults, false, 'en');
    const previous = groups[groups.length - 1];
    const extends_ =
      previous !== undefined &&
      previous.what === what &&
      outcome.pod !== undefined &&
      previous.last.pod === outcome.pod - 1 &&
      outcome.index === previous.last.index &&
      outcome.attempt === previous.last.attempt &&
      outcome.job === previous.last.job &&
      outcome.revision === previous.last.revision;
    if (extends_) previous.last = outcome;
    else groups.push({ first: outcome, last: outcome, what });
  }
  // An outcome without `job` matches in every Job a CronJob creates.
  const everyJob = (o: PodOutcome): string =>
    kind === 'CronJob' && o.job === undefined && (o.pod !== undefined || o.index !== undefined) ? summaryText.t(locale, 'inEveryJob') : '';
  const texts = groups.map(({ first, last }) => {
    const restarts = first === last ? restartFailures(first, defaults, locale) : undefined;
    if (restarts !== undefined) return `${restarts}${everyJob(first)}`;
    const plural = first !== last;
    const pod = plural
      ? summaryText.t(locale, 'attemptRange', { first: first.pod ?? '', last: last.pod ?? '' })
      : first.pod !== undefined
        ? summaryText.t(locale, 'attempt', { n: first.pod })
        : undefined;
    const selector = selectorWords(first, pod, locale);
    return `${summaryText.t(locale, 'outcome', { selector, action: outcomeAction(first, defaults, plural, locale) })}${everyJob(first)}`;
  });
  return listed(texts, (count) => summaryText.t(locale, 'moreOutcomes', { count }));
}

/**
 * The first pod's first container runs fail, then it runs as the others do (what-if failFirst for pods that restart
 * in place, restartPolicy OnFailure): "attempts 1–2 fail with exit 1 (restarted in the same pod)".
 */
function restartFailures(outcome: PodOutcome, defaults: PodBehaviour, locale: Locale | undefined): string | undefined {
  const runs = outcome.runs;
  if (outcome.pod !== 1 || outcome.index !== undefined || outcome.attempt !== undefined || outcome.job !== undefined || outcome.revision !== undefined) return undefined;
  if (runs === undefined || runs.length < 2) return undefined;
  const failing = runs.slice(0, -1);
  const last = runs[runs.length - 1];
  const [f] = failing;
  if (f.exitCode === 0 || failing.some((r) => r.exitCode !== f.exitCode || r.runMs !== f.runMs) || last.exitCode !== 0) return undefined;
  const after = f.runMs !== defaults.runMs ? summaryText.t(locale, 'afterRun', { duration: duration(f.runMs) }) : '';
  return failing.length === 1
    ? summaryText.t(locale, 'restartedOnce', { code: f.exitCode, after })
    : summaryText.t(locale, 'restartedMany', { count: failing.length, code: f.exitCode, after });
}

/** "Job 3 attempt 1", "index 2", "index 2 attempt 1", "every pod" (an outcome without a selector). */
function selectorWords(outcome: PodOutcome, pod: string | undefined, locale: Locale | undefined): string {
  const words: string[] = [];
  if (outcome.job !== undefined) words.push(summaryText.t(locale, 'selectorJob', { n: outcome.job }));
  if (outcome.revision !== undefined) words.push(summaryText.t(locale, 'selectorRevision', { n: outcome.revision }));
  if (outcome.index !== undefined) words.push(summaryText.t(locale, 'selectorIndex', { n: outcome.index }));
  if (outcome.attempt !== undefined) words.push(summaryText.t(locale, 'attempt', { n: outcome.attempt }));
  if (pod !== undefined) words.push(pod);
  return words.length > 0 ? words.join(' ') : summaryText.t(locale, 'everyPod');
}

/**
 * What an outcome does, for one pod ("fails with exit 1", "fails with exit 1 after 10s", "runs 2m", "runs its
 * container 10s (exit 1), then 30s (exit 0)") or for a range of them (`plural`: "fail with exit 1").
 */
function outcomeAction(outcome: PodOutcome, defaults: PodBehaviour, plural: boolean, locale: Locale | undefined): string {
  if (outcome.runs !== undefined && outcome.runs.length > 0) {
    const runs = outcome.runs.map((r) => summaryText.t(locale, 'containerRun', { duration: duration(r.runMs), code: r.exitCode })).join(summaryText.t(locale, 'containerRunJoin'));
    return plural ? summaryText.t(locale, 'runsContainerPlural', { runs }) : summaryText.t(locale, 'runsContainer', { runs });
  }
  const b = outcome.behaviour;
  const code = b.exitCode ?? defaults.exitCode;
  const after = b.runMs !== undefined && b.runMs !== defaults.runMs ? summaryText.t(locale, 'afterRun', { duration: duration(b.runMs) }) : '';
  const startup = b.startupMs !== undefined && b.startupMs !== defaults.startupMs ? summaryText.t(locale, 'startsAfter', { duration: duration(b.startupMs) }) : '';
  if (code !== 0) return plural ? summaryText.t(locale, 'failsWithExitPlural', { code, after, startup }) : summaryText.t(locale, 'failsWithExit', { code, after, startup });
  if (b.runMs !== undefined) {
    const args = { duration: duration(b.runMs), startup };
    return plural ? summaryText.t(locale, 'runsForPlural', args) : summaryText.t(locale, 'runsFor', args);
  }
  return plural ? summaryText.t(locale, 'succeedsPlural', { startup }) : summaryText.t(locale, 'succeeds', { startup });
}

/** null for the default three plain nodes (unless the kind is a DaemonSet, whose pods are one per node). */
function nodesPart(nodes: readonly ScenarioNode[], kind: string, locale: Locale | undefined): string | null {
  const plain = (n: ScenarioNode, i: number): boolean =>
    n.name === `node-${i}` && Object.keys(n.labels).length === 0 && n.taints.length === 0 && !n.unschedulable && n.ready;
  if (kind !== 'DaemonSet' && nodes.length === DEFAULT_NODE_COUNT && nodes.every(plain)) return null;
  const count =
    nodes.length === 0 ? summaryText.t(locale, 'noNodes') : nodes.length === 1 ? summaryText.t(locale, 'oneNode') : summaryText.t(locale, 'nodeCount', { count: nodes.length });
  const details: string[] = [];
  const shared = (f: (n: ScenarioNode) => string): string | null => (nodes.length > 0 && nodes.every((n) => f(n) === f(nodes[0])) ? f(nodes[0]) : null);
  const labels = shared((n) => Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(','));
  if (labels) details.push(labels);
  const taints = shared((n) => n.taints.map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`).join(','));
  if (taints) details.push(summaryText.t(locale, 'taint', { taints }));
  const cordoned = nodes.filter((n) => n.unschedulable).length;
  if (cordoned > 0) details.push(summaryText.t(locale, 'unschedulable', { count: cordoned }));
  const notReady = nodes.filter((n) => !n.ready).length;
  if (notReady > 0) details.push(summaryText.t(locale, 'notReady', { count: notReady }));
  return details.length > 0 ? summaryText.t(locale, 'nodesWithDetails', { nodes: count, details: details.join(summaryText.t(locale, 'partSeparator')) }) : count;
}

function eventPart(event: ScenarioEvent, locale: Locale | undefined): string {
  const at = `+${duration(event.atMs)}`;
  switch (event.type) {
    case 'addNode':
      return summaryText.t(locale, 'addNode', { node: event.node.name, at });
    case 'removeNode':
      return summaryText.t(locale, 'removeNode', { node: event.name, at });
    case 'setImage':
      return summaryText.t(locale, 'setImage', { image: event.image, at });
    case 'deletePod':
      return summaryText.t(locale, 'deletePod', { pod: event.pod, at });
    case 'suspend':
      return event.suspend ? summaryText.t(locale, 'suspended', { at }) : summaryText.t(locale, 'resumed', { at });
    case 'rollback':
      return event.revision > 0 ? summaryText.t(locale, 'rollbackTo', { revision: event.revision, at }) : summaryText.t(locale, 'rollback', { at });
    case 'controllerDown':
      return summaryText.t(locale, 'controllerDown', { from: at, to: `+${duration(event.atMs + event.durationMs)}` });
    case 'patch':
      return summaryText.t(locale, 'patch', { patch: JSON.stringify(event.patch), at });
    case 'delete':
      return summaryText.t(locale, 'deleteObject', { at });
  }
}

/** "starts from 2 live ReplicaSets and 8 pods": the scenario's `existing` objects, counted by kind; null when none. */
function existingPart(scenario: Scenario, locale: Locale | undefined): string | null {
  if (scenario.existing.length === 0) return null;
  const counts = new Map<string, number>();
  for (const object of scenario.existing) counts.set(object.kind, (counts.get(object.kind) ?? 0) + 1);
  const words: string[] = [];
  const add = (kind: string, one: 'existingReplicaSet' | 'existingPod' | 'existingClaim', many: 'existingReplicaSets' | 'existingPods' | 'existingClaims'): void => {
    const count = counts.get(kind) ?? 0;
    if (count > 0) words.push(count === 1 ? summaryText.t(locale, one) : summaryText.t(locale, many, { count }));
  };
  add('ReplicaSet', 'existingReplicaSet', 'existingReplicaSets');
  add('Pod', 'existingPod', 'existingPods');
  add('PersistentVolumeClaim', 'existingClaim', 'existingClaims');
  return summaryText.t(locale, 'existingStart', { objects: words.join(summaryText.t(locale, 'existingAnd')) });
}

/** The first few texts and "N more …" when there are more than one more. */
function listed(texts: readonly string[], more: (count: number) => string): string[] {
  if (texts.length <= MAX_LISTED + 1) return [...texts];
  return [...texts.slice(0, MAX_LISTED), more(texts.length - MAX_LISTED)];
}

/** Exact, in the scenario's own units: 30s, 1m30s, 3h30m, 1.5s. */
function duration(ms: number): string {
  if (ms % 1000 !== 0 && ms < 60_000) return `${ms / 1000}s`;
  return formatDuration(ms / 1000);
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}
