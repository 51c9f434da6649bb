/**
 * What `kubectl rollout status <kind>/<name>` prints while it watches an object, from the object's writes in
 * a Timeline's status history. kubectl (cmd/rollout/rollout_status.go) lists the object, then watches it
 * (watchtools.UntilWithSync): for the Added event and every Modified one it asks the kind's StatusViewer and
 * prints its line, stops once the viewer says done, and stops with `error: <err>` (exit 1) when the viewer
 * returns an error, such as a Deployment past its progress deadline. Each write of the object is one event,
 * so two writes in the same second print two lines, as they would.
 */
import type { TimelineStatus } from '../timeline';
import type { RolloutStatus } from './daemonset';

/** One StatusViewer.Status call: the line for the object as written, whether it is done, or the error. */
export type StatusViewer = (status: Readonly<Record<string, unknown>>) => RolloutStatus;

export interface RolloutWatch {
  /** The lines printed, each ending with a newline. */
  readonly lines: readonly string[];
  readonly done: boolean;
  /** What kubectl prints after `error: ` when the viewer failed; null otherwise. */
  readonly error: string | null;
}

/**
 * The watch started at `start`, over `writes` (the object's own status writes, in time order): the object as it
 * is then (its first write at `start` if there is one: the change the user just made and now watches, else its
 * last write before), then one line per later write, up to done, an error, or the end of `writes`.
 */
export function watchRollout(writes: readonly TimelineStatus[], start: number, viewer: StatusViewer): RolloutWatch {
  let next = writes.findIndex((entry) => entry.at >= start);
  if (next === -1) next = writes.length;
  let initial: Readonly<Record<string, unknown>> = next > 0 ? writes[next - 1].status : {};
  if (next < writes.length && writes[next].at === start) initial = writes[next++].status;
  const lines: string[] = [];
  let last = viewer(initial);
  for (;;) {
    if (last.error !== null) return { lines, done: last.done, error: last.error };
    lines.push(last.message);
    if (last.done || next >= writes.length) return { lines, done: last.done, error: null };
    last = viewer(writes[next++].status);
  }
}

/** The watch's output as a terminal shows it: the lines, then `error: ...` if it failed. */
export function watchOutput(watch: RolloutWatch): string {
  return watch.lines.join('') + (watch.error !== null ? `error: ${watch.error}\n` : '');
}

/** The writes of one object, in order. */
export function writesOf(history: readonly TimelineStatus[], kind: string, name: string, upTo = Infinity): TimelineStatus[] {
  return history.filter((entry) => entry.kind === kind && entry.object === name && entry.at <= upTo);
}

/** A number field of a status record; 0 when absent (Go's zero value). */
export function count(status: Readonly<Record<string, unknown>>, key: string): number {
  const value = status[key];
  return typeof value === 'number' ? value : 0;
}
