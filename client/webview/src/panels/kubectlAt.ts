/**
 * What kubectl would print at time t, from the Timeline alone (the webview never simulates): the `kubectl get`
 * tables the CLI prints, in the CLI's order (server/src/cli/simulate.ts renderText and EXTRA_TABLES), the
 * conditions of the simulated object as of t, and the events so far. Pure functions; kubectlPanel.ts draws them.
 */
import { appsKubectlAt } from '../../../../server/src/core/engine/views/appsKubectl';
import { getCronJobs } from '../../../../server/src/core/engine/views/cronjob';
import { getDaemonSets, rolloutStatusLines } from '../../../../server/src/core/engine/views/daemonset';
import { humanDuration } from '../../../../server/src/core/engine/views/humanDuration';
import { getJobs, getPods } from '../../../../server/src/core/engine/views/kubectl';
import type { Timeline, TimelineStatus } from '../timelineTypes';

export interface KubectlTable {
  /** `kubectl get pods`, `kubectl rollout status daemonset/fluentd`. */
  readonly command: string;
  /** What kubectl prints, ending with a newline. */
  readonly output: string;
}

/** The tables the CLI prints, in its order, as they were at t (seconds since the start). */
export function kubectlTablesAt(timeline: Timeline, t: number): KubectlTable[] {
  const kind = timeline.object.kind;
  const tables: KubectlTable[] = [];
  if (kind === 'CronJob') tables.push({ command: 'kubectl get cronjobs', output: getCronJobs(timeline, t) });
  if (kind === 'DaemonSet') {
    tables.push({ command: 'kubectl get daemonsets', output: getDaemonSets(timeline, t) });
    tables.push(rolloutStatusAt(timeline, t));
  }
  // Deployment, ReplicaSet, StatefulSet: their tables and rollout status (the same list the CLI prints).
  tables.push(...appsKubectlAt(timeline, t));
  if (kind === 'Job' || kind === 'CronJob') tables.push({ command: 'kubectl get jobs', output: getJobs(timeline, t) });
  tables.push({ command: 'kubectl get pods', output: getPods(timeline, t) });
  return tables;
}

/**
 * `kubectl rollout status daemonset/<name>` as a user watching since the last template change (setImage or
 * rollback) at or before t would have seen it by t — else since the creation. As the CLI does, but cut at t:
 * the lines for the DaemonSet's writes after t have not been printed yet.
 */
export function rolloutStatusAt(timeline: Timeline, t: number): KubectlTable {
  const command = `kubectl rollout status daemonset/${timeline.object.name}`;
  const change = [...timeline.markers].reverse().find((m) => (m.kind === 'setImage' || m.kind === 'rollback') && m.at <= t);
  const soFar: Timeline = { ...timeline, statusHistory: timeline.statusHistory.slice(0, writesUpTo(timeline.statusHistory, t)) };
  const status = rolloutStatusLines(soFar, change?.at ?? 0);
  return { command, output: status.error !== null ? `error: ${status.error}\n` : status.lines.join('') };
}

/** How many status writes happened at or before t (statusHistory is in time order). */
function writesUpTo(history: readonly TimelineStatus[], t: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (history[mid].at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The simulated object's status as last written at or before t (`{}` before its first write). */
export function objectStatusAt(timeline: Timeline, t: number): Readonly<Record<string, unknown>> {
  const { kind, name } = timeline.object;
  const history = timeline.statusHistory;
  for (let i = writesUpTo(history, t) - 1; i >= 0; i--) {
    if (history[i].object === name && history[i].kind === kind) return history[i].status;
  }
  return {};
}

export interface ConditionRow {
  /** `job/pi`: the object the condition is on. */
  readonly object: string;
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
  /** AGE: since the condition's last transition. */
  readonly age: string;
  readonly at: number;
}

/**
 * The conditions as of t, one row per object and type with its last transition at or before t (what
 * `status.conditions` holds then, lastTransitionTime as the age): the simulated object's, and for a CronJob
 * those of its Jobs that exist at t (a CronJob has no conditions of its own).
 */
export function conditionsAt(timeline: Timeline, t: number): ConditionRow[] {
  const { kind, name } = timeline.object;
  const jobsAlive = new Set(
    kind === 'CronJob' ? timeline.jobs.filter((job) => job.createdAt <= t && (job.deletedAt === null || t < job.deletedAt)).map((job) => job.name) : [],
  );
  const latest = new Map<string, ConditionRow>();
  for (const c of timeline.conditions) {
    if (c.at > t) continue;
    const mine = c.object === name && (!c.kind || c.kind === kind);
    if (!mine && !jobsAlive.has(c.object)) continue;
    const key = `${c.kind}/${c.object}/${c.type}`;
    // A new transition replaces the row in place: types keep the order they first appeared in.
    latest.set(key, {
      object: `${(c.kind || kind).toLowerCase()}/${c.object}`,
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
      age: humanDuration((t - c.at) * 1000),
      at: c.at,
    });
  }
  return [...latest.values()];
}

export interface EventRow {
  /** LAST SEEN: the age of the last occurrence, and `(x3 over 2m)` when it repeated. */
  readonly lastSeen: string;
  readonly type: string;
  readonly reason: string;
  /** `pod/pi-x7k2p`. */
  readonly object: string;
  readonly message: string;
  /** The last occurrence, in seconds since the start. */
  readonly at: number;
  readonly count: number;
}

export interface EventsAt {
  readonly rows: readonly EventRow[];
  /** Rows left out at the top (older ones) because of `limit`. */
  readonly hidden: number;
  /** Warning rows so far (whatever the filter). */
  readonly warnings: number;
}

/**
 * `kubectl get events` at t: the events recorded at or before t, newest last. Identical events (same object,
 * type, reason, message and source) are one Event whose count grows, as client-go's event correlator records
 * them (tools/record/events_cache.go, getEventKey); LAST SEEN is the age of the last one (printers.go
 * printEvent), with `(xN over <age of the first>)` as `kubectl events` prints a repeated one.
 */
export function eventsAt(timeline: Timeline, t: number, options: { readonly warningsOnly?: boolean; readonly limit?: number } = {}): EventsAt {
  const index = eventIndex(timeline);
  const upTo = upperBound(index.times, t);
  const limit = options.limit ?? Infinity;
  // Walking back from t, a group is met first at its last occurrence: newest first, reversed below.
  const seen = new Set<number>();
  const picked: number[] = [];
  for (let i = upTo - 1; i >= 0 && picked.length < limit; i--) {
    const group = index.groupOf[i];
    if (seen.has(group)) continue;
    seen.add(group);
    if (!options.warningsOnly || index.groupWarning[group]) picked.push(i);
  }
  const rows = picked.reverse().map((i): EventRow => {
    const last = timeline.events[i];
    // Event i is its group's last occurrence up to t, so its rank in the group is the count so far.
    const count = index.rank[i];
    const age = humanDuration((t - last.at) * 1000);
    return {
      lastSeen: count > 1 ? `${age} (x${count} over ${humanDuration((t - index.groupFirst[index.groupOf[i]]) * 1000)})` : age,
      type: last.type,
      reason: last.reason,
      object: last.kind ? `${last.kind.toLowerCase()}/${last.object}` : last.object,
      message: last.message.trim(),
      at: last.at,
      count,
    };
  });
  const warnings = upperBound(index.warningFirsts, t);
  const matching = options.warningsOnly ? warnings : upperBound(index.groupFirsts, t);
  return { rows, hidden: Math.max(0, matching - rows.length), warnings };
}

interface EventIndex {
  /** Each event's time, in order. */
  readonly times: Float64Array;
  /** Each event's group (identical events share one), and which occurrence in its group it is (1, 2, ...). */
  readonly groupOf: Int32Array;
  readonly rank: Int32Array;
  /** Per group: when it first occurred, and whether it is a warning. */
  readonly groupFirst: readonly number[];
  readonly groupWarning: readonly boolean[];
  /** When each group (each warning group) first occurred, sorted. */
  readonly groupFirsts: Float64Array;
  readonly warningFirsts: Float64Array;
}

/** Built once per Timeline: scrubbing asks for the events at many times, and a long run has tens of thousands. */
const eventIndexes = new WeakMap<Timeline, EventIndex>();

function eventIndex(timeline: Timeline): EventIndex {
  const cached = eventIndexes.get(timeline);
  if (cached) return cached;
  const events = timeline.events;
  // Nested maps (object → kind, type, reason, source → message): no key strings built per event.
  const ids = new Map<string, Map<string, Map<string, number>>>();
  const counts: number[] = [];
  const groupFirst: number[] = [];
  const groupWarning: boolean[] = [];
  const times = new Float64Array(events.length);
  const groupOf = new Int32Array(events.length);
  const rank = new Int32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    let byObject = ids.get(event.object);
    if (!byObject) ids.set(event.object, (byObject = new Map()));
    const what = `${event.kind}\u0000${event.type}\u0000${event.reason}\u0000${event.source}`;
    let byWhat = byObject.get(what);
    if (!byWhat) byObject.set(what, (byWhat = new Map()));
    let id = byWhat.get(event.message);
    if (id === undefined) {
      id = counts.length;
      byWhat.set(event.message, id);
      counts.push(0);
      groupFirst.push(event.at);
      groupWarning.push(event.type === 'Warning');
    }
    rank[i] = ++counts[id];
    groupOf[i] = id;
    times[i] = event.at;
  }
  const index: EventIndex = {
    times,
    groupOf,
    rank,
    groupFirst,
    groupWarning,
    groupFirsts: Float64Array.from(groupFirst).sort(),
    warningFirsts: Float64Array.from(groupFirst.filter((_, id) => groupWarning[id])).sort(),
  };
  eventIndexes.set(timeline, index);
  return index;
}

/** How many of the sorted `values` are <= t. */
function upperBound(values: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
