/** Hover on a CronJob's `schedule`: what it means, the next runs in the CronJob's zone and in UTC, DST notes. */
import type { ScheduleInsight } from '../core';

export function scheduleMarkdown(schedule: string, insight: ScheduleInsight): string {
  const lines = [`**${escape(insight.description)}** · \`${escape(schedule)}\``, ''];
  if (insight.neverRuns) {
    lines.push('**Never runs**: no time in the next five years matches this schedule, so Kubernetes never creates a Job.');
    return lines.join('\n');
  }
  lines.push(`| Next runs | ${escape(insight.timeZone)} | UTC |`, '|---|---|---|');
  insight.next.forEach((run, i) => lines.push(`| ${i + 1} | ${run.local} | ${run.utc} |`));
  for (const note of insight.notes) lines.push('', `⚠ ${escape(note)}`);
  return lines.join('\n');
}

/** Manifest text goes into Markdown: keep it from being read as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}
