/**
 * `kubectl get daemonsets` and `kubectl rollout status daemonset/<name>` at time t, as pure functions of a
 * Timeline (t in seconds since its start):
 *   - printDaemonSet (pkg/printers/internalversion/printers.go): NAME DESIRED CURRENT READY UP-TO-DATE
 *     AVAILABLE NODE SELECTOR AGE, from the status written last at or before t; NODE SELECTOR is
 *     labels.FormatLabels(template.spec.nodeSelector) (sorted `k=v` joined by commas, `<none>` when empty);
 *   - DaemonSetStatusViewer.Status (kubectl polymorphichelpers/rollout_status.go): with
 *     generation <= observedGeneration, "Waiting for daemon set %q rollout to finish: %d out of %d new pods
 *     have been updated...", then "... %d of %d updated pods are available...", then
 *     "daemon set %q successfully rolled out"; otherwise "Waiting for daemon set spec update to be
 *     observed..."; an OnDelete DaemonSet is an error ("rollout status is only available for RollingUpdate
 *     strategy type"). `kubectl rollout status` prints one such line per watch event (every write of the
 *     object) until the rollout is done.
 * The DaemonSet is created at t = 0 in a simulation, so AGE counts from there.
 */
import { goQuote } from '../../goFormat';
import type { Timeline, TimelineStatus } from '../timeline';
import { humanDuration } from './humanDuration';
import { formatTable } from './table';

export const DAEMONSET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'] as const;

export const ROLLOUT_STATUS_ONDELETE_ERROR = 'rollout status is only available for RollingUpdate strategy type';

export interface DaemonSetViewOptions {
  /** Namespace shown in the "No resources found" line; the simulated object's by default. */
  readonly namespace?: string;
}

/** `kubectl get daemonsets` at t. */
export function getDaemonSets(timeline: Timeline, t: number, options: DaemonSetViewOptions = {}): string {
  const rows = daemonSetRows(timeline, t);
  if (rows.length === 0) return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
  return formatTable([[...DAEMONSET_COLUMNS], ...rows]);
}

/** The rows of `kubectl get daemonsets` at t. */
export function daemonSetRows(timeline: Timeline, t: number): string[][] {
  if (timeline.object.kind !== 'DaemonSet' || t < 0) return [];
  const status = daemonSetStatusAt(timeline, t);
  const count = (key: string): string => String(typeof status[key] === 'number' ? status[key] : 0);
  return [
    [
      timeline.object.name,
      count('desiredNumberScheduled'),
      count('currentNumberScheduled'),
      count('numberReady'),
      count('updatedNumberScheduled'),
      count('numberAvailable'),
      formatLabels(nodeSelectorOf(timeline)),
      humanDuration(t * 1000),
    ],
  ];
}

/** The DaemonSet's status (with its metadata.generation) as last written at or before t. */
export function daemonSetStatusAt(timeline: Timeline, t: number): Readonly<Record<string, unknown>> {
  let found: Readonly<Record<string, unknown>> = {};
  for (const entry of timeline.statusHistory) {
    if (entry.at > t) break;
    if (isDaemonSetEntry(timeline, entry)) found = entry.status;
  }
  return found;
}

export interface RolloutStatus {
  /** The line kubectl prints, ending with a newline; '' with an error. */
  readonly message: string;
  readonly done: boolean;
  /** What kubectl prints after `error: `, for an OnDelete DaemonSet. */
  readonly error: string | null;
}

/** DaemonSetStatusViewer.Status for the DaemonSet as it was at t (`kubectl rollout status --watch=false`). */
export function rolloutStatusAt(timeline: Timeline, t: number): RolloutStatus {
  return statusMessage(timeline, daemonSetStatusAt(timeline, t));
}

/**
 * What `kubectl rollout status daemonset/<name>` prints when started at t, right after the object's first
 * write at t if there is one (the change a user makes and then watches, such as `kubectl set image`, or the
 * creation at t = 0): the line for the object as it is then, and one line per later write of it, up to the
 * line that says it is done (or the end of the timeline).
 */
export function rolloutStatusLines(timeline: Timeline, t = 0): RolloutStatus & { readonly lines: readonly string[] } {
  const entries = timeline.statusHistory.filter((entry) => isDaemonSetEntry(timeline, entry));
  let next = entries.findIndex((entry) => entry.at >= t);
  if (next === -1) next = entries.length;
  let initial: Readonly<Record<string, unknown>> = next > 0 ? entries[next - 1].status : {};
  if (next < entries.length && entries[next].at === t) initial = entries[next++].status;
  const first = statusMessage(timeline, initial);
  if (first.error !== null) return { ...first, lines: [] };
  const lines = [first.message];
  let last = first;
  for (; !last.done && next < entries.length; next++) {
    last = statusMessage(timeline, entries[next].status);
    lines.push(last.message);
  }
  return { ...last, lines };
}

function statusMessage(timeline: Timeline, status: Readonly<Record<string, unknown>>): RolloutStatus {
  const name = timeline.object.name;
  const strategy = timeline.effectiveSpec.updateStrategy;
  const type = typeof strategy === 'object' && strategy !== null && typeof (strategy as Record<string, unknown>).type === 'string' ? (strategy as Record<string, unknown>).type : 'RollingUpdate';
  if (type !== 'RollingUpdate') return { message: '', done: true, error: ROLLOUT_STATUS_ONDELETE_ERROR };
  const number = (key: string): number => (typeof status[key] === 'number' ? (status[key] as number) : 0);
  const generation = typeof status.generation === 'number' ? status.generation : 1;
  if (generation <= number('observedGeneration')) {
    const desired = number('desiredNumberScheduled');
    const updated = number('updatedNumberScheduled');
    if (updated < desired) return waiting(`Waiting for daemon set ${goQuote(name)} rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`);
    const available = number('numberAvailable');
    if (available < desired) return waiting(`Waiting for daemon set ${goQuote(name)} rollout to finish: ${available} of ${desired} updated pods are available...\n`);
    return { message: `daemon set ${goQuote(name)} successfully rolled out\n`, done: true, error: null };
  }
  return waiting('Waiting for daemon set spec update to be observed...\n');
}

function waiting(message: string): RolloutStatus {
  return { message, done: false, error: null };
}

function isDaemonSetEntry(timeline: Timeline, entry: TimelineStatus): boolean {
  return entry.kind === 'DaemonSet' && entry.object === timeline.object.name;
}

function nodeSelectorOf(timeline: Timeline): Readonly<Record<string, unknown>> {
  const template = timeline.effectiveSpec.template;
  const spec = isRecord(template) && isRecord(template.spec) ? template.spec : {};
  return isRecord(spec.nodeSelector) ? spec.nodeSelector : {};
}

/** labels.FormatLabels: `k=v` pairs sorted by key, joined by commas; `<none>` for none. */
export function formatLabels(labels: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${String(labels[k])}`).join(',');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
