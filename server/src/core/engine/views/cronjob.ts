/**
 * `kubectl get cronjobs` at time t, as a pure function of a Timeline: kubectl's printCronJob
 * (pkg/printers/internalversion/printers.go): NAME, SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE,
 * with ages in HumanDuration and "<none>" for an unset time zone or schedule time.
 */
import type { Timeline } from '../timeline';
import { humanDuration } from './humanDuration';
import { formatTable } from './table';

export const CRONJOB_COLUMNS = ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'] as const;

export function getCronJobs(timeline: Timeline, t: number): string {
  return formatTable([[...CRONJOB_COLUMNS], cronJobRow(timeline, t)]);
}

export function cronJobRow(timeline: Timeline, t: number): string[] {
  const spec = timeline.effectiveSpec;
  const status = statusAt(timeline, t);
  const lastSchedule = typeof status.lastScheduleTime === 'number' ? humanDuration((t - status.lastScheduleTime) * 1000) : '<none>';
  const active = typeof status.active === 'number' ? status.active : Array.isArray(status.active) ? status.active.length : 0;
  return [
    timeline.object.name,
    String(spec.schedule ?? ''),
    typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
    // printBoolPtr: the suspend flag as Go prints a bool; "<unset>" for nil.
    spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False',
    String(active),
    lastSchedule,
    humanDuration(t * 1000),
  ];
}

/** The CronJob's status as last written at or before t. */
function statusAt(timeline: Timeline, t: number): Readonly<Record<string, unknown>> {
  let status: Readonly<Record<string, unknown>> = {};
  for (const entry of timeline.statusHistory) {
    if (entry.at > t) break;
    if (entry.kind === 'CronJob' && entry.object === timeline.object.name) status = entry.status;
  }
  return status;
}
