/** Hover on a CronJob's `schedule`: what it means, the next runs in the CronJob's zone and in UTC, DST notes. */
import type { ScheduleInsight } from '../core';
import type { Locale } from '../core/i18n';
import { hoverText } from '../core/i18n/hover';

/** Zone names that are UTC itself (tzdata links to Etc/UTC): their times need no second column. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

/** The headings and the never-runs line follow `locale`; the description and notes come in it already (scheduleInsight). */
export function scheduleMarkdown(schedule: string, insight: ScheduleInsight, locale?: Locale): string {
  const lines = [`**${escape(insight.description)}** · ${codeSpan(schedule)}`, ''];
  if (insight.neverRuns) {
    lines.push(hoverText.t(locale, 'neverRuns'));
    return lines.join('\n');
  }
  // Each time column is headed with its zone's IANA name, which reads the same in every language.
  const nextRuns = hoverText.t(locale, 'nextRuns');
  if (UTC_NAMES.has(insight.timeZone)) {
    // The zone's column would repeat the UTC one: one column, headed with the zone's own name.
    lines.push(`| ${nextRuns} | ${escape(insight.timeZone)} |`, '|---|---|');
    insight.next.forEach((run, i) => lines.push(`| ${i + 1} | ${run.utc} |`));
  } else {
    lines.push(`| ${nextRuns} | ${escape(insight.timeZone)} | UTC |`, '|---|---|---|');
    insight.next.forEach((run, i) => lines.push(`| ${i + 1} | ${run.local} | ${run.utc} |`));
  }
  for (const note of insight.notes) lines.push('', `⚠ ${escape(note)}`);
  return lines.join('\n');
}

/**
 * Text as a Markdown code span, verbatim: backslash escapes are printed as-is inside a code span, so nothing is
 * escaped; the fence is one backtick longer than the longest run of backticks in the text (CommonMark 6.1), with a
 * space inside each end when the text starts or ends with a backtick (the renderer strips one such space).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Manifest text goes into Markdown: keep it from being read as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}
