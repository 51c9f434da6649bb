/**
 * Below the chart: the effective spec (the object after the API server's defaulting, as the controllers saw
 * it) as nested lists, and the assumptions the run made, in sentences. Collapsible; text only.
 */
import { el } from '../dom';
import { parseTime } from '../format';
import { t } from '../l10n';
import type { Timeline } from '../timelineTypes';
import { describeObject } from './statusView';
import { renderValueTree } from './valueTree';

export function renderSpecPanel(doc: Document, timeline: Timeline, open = false): HTMLElement {
  const items = describeObject(timeline.effectiveSpec ?? {}, { startMs: parseTime(timeline.startTime), t: timeline.duration });
  return el(doc, 'details', { class: 'panel effective-spec', attrs: { open } }, [
    el(doc, 'summary', {}, [el(doc, 'h2', { text: t('Effective spec') }), el(doc, 'span', { class: 'hint', text: ` ${t('after the API server’s defaults')}` })]),
    items.length > 0 ? renderValueTree(doc, items, 'value-tree spec-tree') : el(doc, 'p', { class: 'empty', text: t('The timeline carries no spec.') }),
  ]);
}

export function renderAssumptions(doc: Document, timeline: Timeline, open = true): HTMLElement | null {
  const notes = (timeline.notes ?? []).filter((note) => typeof note === 'string' && note.trim() !== '');
  if (notes.length === 0) return null;
  return el(doc, 'details', { class: 'panel assumptions', attrs: { open } }, [
    el(doc, 'summary', {}, [el(doc, 'h2', { text: t('Assumptions') })]),
    el(doc, 'ul', { class: 'notes' }, notes.map((note) => el(doc, 'li', { text: note }))),
  ]);
}
