/**
 * What the simulation ran despite (ShowTimelineParams.warnings: a scenario event after the end of the run, a
 * scenario field that does not apply...): a short list under the chart's header, each warning with its
 * `line:col` link into the manifest or the scenario file, worded and ordered as in the Problems panel. The first
 * few show; the rest fold under "N more". Every string goes in as text.
 */
import type { SimulationIssue } from '../../../../server/src/protocol/simulationIssue';
import { el } from '../dom';
import { t } from '../l10n';
import { issueList, type RevealHandler } from './errorView';
import { problemLines } from './problems';

/** Warnings shown before the rest fold away. */
const SHOWN = 3;

/** `section.warnings` with `ul.warning-list > li`; null when there is nothing to say. */
export function renderWarnings(doc: Document, warnings: readonly SimulationIssue[] | undefined, sourceUri: string, onReveal: RevealHandler): HTMLElement | null {
  if (!Array.isArray(warnings) || warnings.length === 0) return null;
  const lines = problemLines('', warnings, sourceUri);
  const first = lines.slice(0, SHOWN);
  const rest = lines.slice(SHOWN);
  return el(doc, 'section', { class: 'banner banner-warnings warnings', attrs: { 'aria-label': t('Warnings') } }, [
    el(doc, 'span', { class: 'banner-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
    el(doc, 'div', { class: 'banner-body' }, [
      el(doc, 'strong', { class: 'warnings-title', text: lines.length === 1 ? t('The simulation ran with a warning:') : t('The simulation ran with {0} warnings:', lines.length) }),
      issueList(doc, first, 'warning-list', onReveal),
      rest.length > 0
        ? el(doc, 'details', { class: 'warnings-more' }, [el(doc, 'summary', { text: t('{0} more', rest.length) }), issueList(doc, rest, 'warning-list', onReveal)])
        : null,
    ]),
  ]);
}
