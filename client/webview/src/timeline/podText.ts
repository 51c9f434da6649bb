/** What the chart says about a pod in words: its bar's short label and its tooltip. Pure. */
import { formatDuration, plural } from '../format';
import { podStateAt } from '../podState';
import type { TimelinePod } from '../timelineTypes';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'muted';

export interface BarLabel {
  readonly text: string;
  readonly tone: Tone;
}

const known = (t: number | null | undefined): t is number => t !== null && t !== undefined;

/** The bar's short label: how the pod ended, or what it still does at `end`. */
export function barLabel(pod: TimelinePod, end: number): BarLabel {
  const restarts = pod.restarts > 0 ? ` ↻${pod.restarts}` : '';
  const state = podStateAt(pod, end);
  const ran = known(pod.startedAt) && known(pod.finishedAt) ? formatDuration(pod.finishedAt - pod.startedAt) : '';
  const deletedAt = pod.deletedAt ?? null;
  if (deletedAt !== null && deletedAt <= end && (!known(pod.finishedAt) || deletedAt <= pod.finishedAt)) {
    // stopped by a deletion rather than by itself: say why, if the timeline tells (`daemonset-controller: rolling update`)
    const why = pod.deletedBy ? pod.deletedBy.split(': ').pop()?.replace(/ to revision.*$/, '') : pod.reason;
    return { text: `deleted${why ? ` · ${why}` : ''}${restarts}`, tone: 'muted' };
  }
  if (known(pod.finishedAt) && pod.finishedAt <= end) {
    if (pod.phase === 'Succeeded' || (pod.phase !== 'Failed' && pod.exitCode === 0)) return { text: `✓ ${ran || 'done'}${restarts}`, tone: 'good' };
    const parts = [known(pod.exitCode) ? `exit ${pod.exitCode}` : '', pod.reason ?? '', ran].filter(Boolean);
    return { text: `✗ ${parts.join(' · ') || 'failed'}${restarts}`, tone: 'bad' };
  }
  if (state === 'ready' || state === 'running') return { text: `running${restarts}`, tone: 'neutral' };
  return { text: `pending${pod.reason ? ` · ${pod.reason}` : ''}${restarts}`, tone: 'warn' };
}

export function podTooltip(pod: TimelinePod, when: (t: number) => string): string {
  const line = (label: string, t: number | null | undefined): string => (known(t) ? `${label} ${when(t)}` : '');
  return [
    pod.name,
    [pod.node ? `node ${pod.node}` : 'not scheduled', known(pod.index) ? `index ${pod.index}` : '', known(pod.revision) ? `revision ${pod.revision}` : '']
      .filter(Boolean)
      .join(' · '),
    line('created', pod.createdAt),
    line('started', pod.startedAt),
    line('ready', pod.readyAt),
    line('finished', pod.finishedAt),
    line('deletion requested', pod.deletedAt),
    pod.deletedBy ? `deleted by ${pod.deletedBy}` : '',
    `phase ${pod.phase}${known(pod.exitCode) ? ` · exit code ${pod.exitCode}` : ''}${pod.reason ? ` · ${pod.reason}` : ''}`,
    pod.restarts > 0 ? plural(pod.restarts, 'restart') : '',
  ]
    .filter(Boolean)
    .join('\n');
}
