/** The header's one-line verdict: how the run ended, in words. Pure. */
import { jobCount } from '../counts';
import { formatOffset } from '../format';
import { t } from '../l10n';
import type { Timeline } from '../timelineTypes';

export interface Outcome {
  readonly tone: 'good' | 'bad' | 'warn' | 'neutral';
  readonly icon: string;
  readonly text: string;
}

export const GOOD_CONDITIONS = new Set(['Complete', 'SuccessCriteriaMet']);
export const BAD_CONDITIONS = new Set(['Failed', 'FailureTarget']);
/** Reasons that are bad news whatever the condition's status: a Deployment's Progressing=False (deployment_util.go, TimedOutReason). */
export const BAD_REASONS = new Set(['ProgressDeadlineExceeded']);

/** Schedule times a CronJob let pass without a Job: the engine's skippedRun / missedRun markers, with their count. */
export function runsNotStarted(timeline: Timeline): number {
  let n = 0;
  for (const m of timeline.markers ?? []) if (m.kind === 'skippedRun' || m.kind === 'missedRun') n += typeof m.count === 'number' && m.count > 0 ? m.count : 1;
  return n;
}

export function outcomeOf(timeline: Timeline): Outcome {
  const kind = timeline.object?.kind ?? '';
  const name = timeline.object?.name ?? '';
  const jobs = timeline.jobs ?? [];
  const conditions = timeline.conditions ?? [];
  if (kind === 'CronJob') {
    const by = (result: string): number => jobs.filter((j) => j.result === result).length;
    const skipped = runsNotStarted(timeline);
    const parts = [
      t('{0} complete', by('Complete')),
      by('Failed') ? t('{0} failed', by('Failed')) : '',
      by('Replaced') ? t('{0} replaced', by('Replaced')) : '',
      by('Running') ? t('{0} running', by('Running')) : '',
      skipped ? (skipped === 1 ? t('1 run skipped') : t('{0} runs skipped', skipped)) : '',
    ].filter(Boolean);
    const tone = by('Failed') > 0 ? 'bad' : skipped > 0 || by('Replaced') > 0 ? 'warn' : 'good';
    return { tone, icon: tone === 'bad' ? '✗' : tone === 'warn' ? '!' : '✓', text: t('{0}: {1}', jobCount(jobs.length), parts.join(t(', '))) };
  }
  if (kind === 'DaemonSet') {
    const s = timeline.status ?? {};
    const num = (k: string): number | undefined => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
    const desired = num('desiredNumberScheduled');
    const ready = num('numberReady');
    const updated = num('updatedNumberScheduled');
    const unavailable = num('numberUnavailable') ?? 0;
    if (desired !== undefined && ready !== undefined) {
      const text = `${t('{0}/{1} ready', ready, desired)}${updated !== undefined ? ` · ${t('{0} updated', updated)}` : ''}${unavailable ? ` · ${t('{0} unavailable', unavailable)}` : ''}${timeline.truncated ? t(' when the simulation stopped') : ''}`;
      const good = ready === desired && (updated === undefined || updated === desired);
      return { tone: good ? 'good' : 'warn', icon: good ? '✓' : '!', text };
    }
  }
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'ReplicaSet') {
    const stuck = [...conditions].reverse().find((c) => c.object === name && c.type === 'Progressing');
    if (stuck && BAD_REASONS.has(stuck.reason ?? '')) {
      return { tone: 'bad', icon: '✗', text: `${t('{0} at {1}', `${stuck.type}=${stuck.status} · ${stuck.reason}`, formatOffset(stuck.at))}${stuck.message ? ` — ${stuck.message}` : ''}` };
    }
    const s = timeline.status ?? {};
    const num = (k: string): number => (typeof s[k] === 'number' ? (s[k] as number) : 0);
    const want = typeof s.specReplicas === 'number' ? (s.specReplicas as number) : num('replicas');
    const ready = num('readyReplicas');
    const updated = kind === 'ReplicaSet' ? want : num('updatedReplicas');
    const available = num('availableReplicas');
    const good = ready === want && updated === want && available === want && num('replicas') === want;
    const text = [t('{0}/{1} ready', ready, want), kind !== 'ReplicaSet' ? t('{0} updated', updated) : '', t('{0} available', available)].filter(Boolean).join(' · ');
    return { tone: good ? 'good' : 'warn', icon: good ? '✓' : '!', text: `${text}${timeline.truncated ? t(' when the simulation stopped') : ''}` };
  }
  const terminal = [...conditions]
    .reverse()
    .find((c) => c.status !== 'False' && (c.object === name || !c.object) && (GOOD_CONDITIONS.has(c.type) || BAD_CONDITIONS.has(c.type) || c.type === 'Suspended'));
  if (terminal) {
    const bad = BAD_CONDITIONS.has(terminal.type);
    const text = `${t('{0} at {1}', `${terminal.type}${terminal.reason ? ` · ${terminal.reason}` : ''}`, formatOffset(terminal.at))}${terminal.message ? ` — ${terminal.message}` : ''}`;
    return { tone: bad ? 'bad' : terminal.type === 'Suspended' ? 'warn' : 'good', icon: bad ? '✗' : terminal.type === 'Suspended' ? '⏸' : '✓', text };
  }
  if (timeline.truncated) return { tone: 'warn', icon: '…', text: t('Still running when the simulation stopped at {0}', formatOffset(timeline.duration ?? 0)) };
  return { tone: 'neutral', icon: '•', text: t('No terminal condition') };
}
