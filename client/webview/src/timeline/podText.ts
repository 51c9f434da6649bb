/** What the chart says about a pod in words: its bar's short label and its tooltip. Pure. */
import { restartCount } from '../counts';
import { formatDuration } from '../format';
import { l10nKey, t as tr } from '../l10n';
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
    return { text: `${tr('deleted')}${why ? ` · ${why}` : ''}${restarts}`, tone: 'muted' };
  }
  if (known(pod.finishedAt) && pod.finishedAt <= end) {
    if (pod.phase === 'Succeeded' || (pod.phase !== 'Failed' && pod.exitCode === 0)) return { text: `✓ ${ran || tr('done')}${restarts}`, tone: 'good' };
    const parts = [known(pod.exitCode) ? tr('exit {0}', pod.exitCode) : '', pod.reason ?? '', ran].filter(Boolean);
    return { text: `✗ ${parts.join(' · ') || tr('failed')}${restarts}`, tone: 'bad' };
  }
  if (state === 'ready' || state === 'running') return { text: `${tr('running')}${restarts}`, tone: 'neutral' };
  return { text: `${tr('pending')}${pod.reason ? ` · ${pod.reason}` : ''}${restarts}`, tone: 'warn' };
}

export function podTooltip(pod: TimelinePod, when: (t: number) => string): string {
  const line = (label: string, t: number | null | undefined): string => (known(t) ? tr(label, when(t)) : '');
  return [
    pod.name,
    [pod.node ? tr('node {0}', pod.node) : tr('not scheduled'), known(pod.index) ? tr('index {0}', pod.index) : '', known(pod.revision) ? tr('revision {0}', pod.revision) : '']
      .filter(Boolean)
      .join(' · '),
    line(l10nKey('created {0}'), pod.createdAt),
    line(l10nKey('started {0}'), pod.startedAt),
    line(l10nKey('ready {0}'), pod.readyAt),
    line(l10nKey('finished {0}'), pod.finishedAt),
    line(l10nKey('deletion requested {0}'), pod.deletedAt),
    pod.deletedBy ? tr('deleted by {0}', pod.deletedBy) : '',
    `${tr('phase {0}', pod.phase)}${known(pod.exitCode) ? ` · ${tr('exit code {0}', pod.exitCode)}` : ''}${pod.reason ? ` · ${pod.reason}` : ''}`,
    pod.restarts > 0 ? restartCount(pod.restarts) : '',
  ]
    .filter(Boolean)
    .join('\n');
}
