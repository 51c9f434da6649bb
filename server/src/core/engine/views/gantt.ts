/**
 * The CLI's picture of a timeline: one row per pod, time running left to right, in plain ASCII so it
 * survives any terminal and CI log.
 *   -  created, waiting to run (pending or in a backoff)
 *   =  running          S  succeeded        F  failed         x  deleted before it finished
 */
import { humanDuration } from './humanDuration';
import type { Timeline, TimelinePod } from '../timeline';

export interface GanttOptions {
  /** Columns for the bars. */
  readonly width?: number;
  /** Rows at most; the rest are counted in a last line. */
  readonly maxRows?: number;
}

export function renderGantt(timeline: Timeline, options: GanttOptions = {}): string {
  const width = options.width ?? 60;
  const maxRows = options.maxRows ?? 200;
  // The chart spans the pods' activity; what happens after (a TTL deletion hours later) is listed below it.
  const end = Math.max(1, ...timeline.pods.map((p) => p.finishedAt ?? p.goneAt ?? timeline.duration));
  const column = (t: number): number => Math.min(width - 1, Math.floor((t / end) * width));
  const pods = timeline.pods;
  const label = (pod: TimelinePod): string => (pod.node && timeline.object.kind === 'DaemonSet' ? `${pod.name} (${pod.node})` : pod.name);
  const nameWidth = Math.min(48, Math.max(8, ...pods.slice(0, maxRows).map((p) => label(p).length)));
  const lines: string[] = [];
  const axisEnd = humanDuration(end * 1000);
  lines.push(`${' '.repeat(nameWidth)}  0s${' '.repeat(Math.max(1, width - 2 - axisEnd.length))}${axisEnd}`);
  for (const pod of pods.slice(0, maxRows)) lines.push(`${label(pod).padEnd(nameWidth).slice(0, nameWidth)} |${bar(pod, column, width, end)}|`);
  if (pods.length > maxRows) lines.push(`... ${pods.length - maxRows} more pods`);
  if (pods.length === 0) lines.push('(no pods were created)');
  lines.push('legend: - waiting  = running  S succeeded  F failed  x deleted');
  return `${lines.join('\n')}\n`;
}

function bar(pod: TimelinePod, column: (t: number) => number, width: number, end: number): string {
  const cells = Array<string>(width).fill(' ');
  const stop = pod.finishedAt ?? pod.deletedAt ?? pod.goneAt ?? end;
  const fill = (from: number, to: number, char: string): void => {
    for (let c = column(from); c <= column(to) && c < width; c++) cells[c] = char;
  };
  fill(pod.createdAt, stop, '-');
  if (pod.startedAt !== null) fill(pod.startedAt, stop, '=');
  // A pod stopped by its deletion ended because it was deleted, whatever its container's exit code.
  const deleted = pod.deletedAt !== null && (pod.finishedAt === null || pod.deletedAt <= pod.finishedAt);
  const mark = deleted ? 'x' : pod.phase === 'Succeeded' ? 'S' : pod.phase === 'Failed' ? 'F' : null;
  if (mark && stop <= end) cells[column(stop)] = mark;
  return cells.join('');
}
