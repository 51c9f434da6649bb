/** Shown while the first simulation of a manifest runs (a re-run keeps the last timeline, marked stale). */
import { el } from '../dom';
import { t } from '../l10n';

export function renderLoadingView(doc: Document): HTMLElement {
  return el(doc, 'section', { class: 'preview-loading', attrs: { 'aria-busy': 'true' } }, [
    el(doc, 'p', { class: 'loading', attrs: { role: 'status' } }, [el(doc, 'span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('Simulating…')]),
  ]);
}
