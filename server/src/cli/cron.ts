/** `k8s-dryrun cron`: a schedule as Kubernetes reads it, and its next runs. JSON output is a contract (design §4.1). */
import { scheduleInsight, validateScheduleFormat, validateTimeZone } from '../core';
import type { Locale } from '../core/i18n';
import { cliText } from '../core/i18n/cli';
import type { CronCommand } from './args';

export interface CronOutput {
  readonly text: string;
  readonly exitCode: number;
}

/** The description, notes and labels in `locale`; the API server's errors and the JSON keys stay as they are. */
export function runCron(command: CronCommand, now: number, locale: Locale = 'en'): CronOutput {
  const from = command.from ?? now;
  const errors = [...validateScheduleFormat(command.schedule), ...validateTimeZone(command.timeZone)];
  if (command.schedule.trim() === '') errors.unshift('Required value: the schedule is empty');
  const insight = errors.length === 0 ? scheduleInsight(command.schedule, { timeZone: command.timeZone, controllerTimeZone: 'UTC', now: from, count: command.count, locale }) : undefined;
  const valid = insight !== undefined;
  if (command.format === 'json') {
    const json = {
      schedule: command.schedule,
      timeZone: command.timeZone,
      valid,
      ...(valid ? {} : { error: errors.join('; ') || 'invalid schedule' }),
      description: insight?.description ?? '',
      next: insight?.next.map((run) => run.utc) ?? [],
      ...(insight && insight.notes.length > 0 ? { notes: insight.notes } : {}),
    };
    return { text: `${JSON.stringify(json, null, 2)}\n`, exitCode: valid ? 0 : 1 };
  }
  if (!insight) {
    return { text: `${cliText.t(locale, 'cronInvalid', { schedule: command.schedule, errors: errors.join('; ') || 'invalid schedule' })}\n`, exitCode: 1 };
  }
  const lines = [
    cliText.t(locale, 'cronSchedule', { schedule: command.schedule }),
    cliText.t(locale, 'cronDescription', { description: insight.description }),
    cliText.t(locale, 'cronTimeZone', { zone: insight.timeZone }),
  ];
  if (insight.neverRuns) lines.push(cliText.t(locale, 'cronNeverRuns'));
  else {
    lines.push(cliText.t(locale, 'cronNextRunsFrom', { from: new Date(from).toISOString() }));
    for (const run of insight.next) lines.push(`  ${run.local}   ${run.utc}`);
  }
  for (const note of insight.notes) lines.push(cliText.t(locale, 'cronNote', { note }));
  return { text: `${lines.join('\n')}\n`, exitCode: 0 };
}
