/**
 * CodeLenses above each workload: for a CronJob what its schedule means and when it runs next
 * (`Every 15 minutes · next 10:15 Asia/Shanghai`), and for every Job, CronJob and DaemonSet the preview
 * of what its controller will do.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import { isWorkloadKind, scheduleInsight, type FileAnalysis } from '../core';
import { resolveLocale } from '../core/i18n';
import { editorText } from '../core/i18n/editor';
import type { Settings } from './settings';

/** The client command that opens the rollout preview for a document of a file (see client/src/commands.ts). */
export const PREVIEW_COMMAND = 'k8sDryRun.previewRollout';

export function provideCodeLenses(uri: string, analysis: FileAnalysis, settings: Settings, now: number): CodeLens[] {
  const lenses: CodeLens[] = [];
  const locale = resolveLocale(settings.locale);
  for (const doc of analysis.documents()) {
    if (!isWorkloadKind(doc.kind)) continue;
    const range = { start: { line: doc.kindLine, character: 0 }, end: { line: doc.kindLine, character: 0 } };
    lenses.push({ range, command: { title: editorText.t(locale, 'previewLens', { kind: doc.kind }), command: PREVIEW_COMMAND, arguments: [uri, doc.index] } });
    if (doc.kind !== 'CronJob' || !doc.schedule) continue;
    const insight = scheduleInsight(doc.schedule.schedule, {
      timeZone: doc.schedule.timeZone,
      controllerTimeZone: settings.controllerTimeZone,
      now,
      count: 1,
      locale: settings.locale,
    });
    if (!insight) continue;
    const next = insight.next[0];
    const title = next
      ? editorText.t(locale, 'nextRunLens', { description: insight.description, time: shortLocal(next.local, now, next.at), zone: insight.timeZone })
      : editorText.t(locale, 'neverRunsLens', { description: insight.description });
    // The title is shown as is; clicking it opens the same preview.
    lenses.push({ range, command: { title, command: PREVIEW_COMMAND, arguments: [uri, doc.index] } });
  }
  return lenses;
}

/** `2026-11-22 10:15 (+08:00)` → `10:15` within a day of now, else `2026-11-23 09:00`. */
function shortLocal(local: string, now: number, at: number): string {
  const [date, time] = local.split(' ');
  return at - now < 20 * 3600 * 1000 ? time : `${date} ${time}`;
}
