/**
 * A CronJob's schedule lane: every scheduled time and what became of it (a Job created, skipped under Forbid
 * or while suspended, replaced by a newer run, missed), with counts. Pure.
 */
import { formatClock, formatOffset, parseTime } from '../format';
import { l10nKey, t } from '../l10n';
import type { Timeline } from '../timelineTypes';

export type Fate = 'created' | 'skipped' | 'replaced' | 'missed';
export const FATES: readonly Fate[] = ['created', 'skipped', 'replaced', 'missed'];

/** `57 created`: a fate's count in words, as l10n keys. */
export const FATE_COUNT_TEXT: Readonly<Record<Fate, string>> = {
  created: l10nKey('{0} created'),
  skipped: l10nKey('{0} skipped'),
  replaced: l10nKey('{0} replaced'),
  missed: l10nKey('{0} missed'),
};

/** `12 skipped runs`: the tooltip of marks drawn as one, as l10n keys. */
export const FATE_RUNS_TEXT: Readonly<Record<Fate, string>> = {
  created: l10nKey('{0} created runs'),
  skipped: l10nKey('{0} skipped runs'),
  replaced: l10nKey('{0} replaced runs'),
  missed: l10nKey('{0} missed runs'),
};

export interface ScheduleMark {
  /** Where the mark goes: the scheduled time of a Job, or when the controller gave up a run. */
  readonly at: number;
  readonly fate: Fate;
  /** Schedule times the mark stands for (a missed-run marker after an outage may stand for many). */
  readonly count: number;
  readonly title: string;
}

export function scheduleMarks(timeline: Timeline): ScheduleMark[] {
  const startMs = parseTime(timeline.startTime);
  const marks: ScheduleMark[] = [];
  for (const job of timeline.jobs ?? []) {
    const scheduled = parseTime(job.scheduledTime);
    if (!Number.isFinite(scheduled) || !Number.isFinite(startMs)) continue;
    const at = (scheduled - startMs) / 1000;
    const fate: Fate = job.result === 'Replaced' ? 'replaced' : 'created';
    const title = `${t('Scheduled {0} ({1})', formatClock(startMs, at), formatOffset(at))}\njob/${job.name}: ${job.result}${job.reason ? ` (${job.reason})` : ''}`;
    marks.push({ at, fate, count: 1, title });
  }
  for (const marker of timeline.markers ?? []) {
    if ((marker.kind !== 'skippedRun' && marker.kind !== 'missedRun') || !Number.isFinite(marker.at)) continue;
    const count = typeof marker.count === 'number' && marker.count > 0 ? marker.count : 1;
    marks.push({
      at: marker.at,
      fate: marker.kind === 'skippedRun' ? 'skipped' : 'missed',
      count,
      title: `${formatOffset(marker.at)} (${formatClock(startMs, marker.at)}): ${marker.description}`,
    });
  }
  return marks.sort((a, b) => a.at - b.at);
}

export function fateCounts(marks: readonly ScheduleMark[]): Record<Fate, number> {
  const counts: Record<Fate, number> = { created: 0, skipped: 0, replaced: 0, missed: 0 };
  for (const mark of marks) counts[mark.fate] += mark.count;
  return counts;
}

/** `57 created · 3 skipped`: the fates that happened, in a fixed order. */
export function fateSummary(counts: Record<Fate, number>): string[] {
  return FATES.filter((f) => counts[f] > 0).map((f) => `${counts[f]} ${f}`);
}
