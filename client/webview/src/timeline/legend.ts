/** The chart's legend: pod states, and for a DaemonSet the template revisions' colours. */
import { el } from '../dom';
import { l10nKey, t } from '../l10n';
import type { ViewContext } from './context';
import { revisionSlots } from './rows';

const STATES: readonly [string, string][] = [
  ['pending', l10nKey('Pending')],
  ['running', l10nKey('Running, not ready')],
  ['ready', l10nKey('Running, ready')],
  ['succeeded', l10nKey('Succeeded')],
  ['failed', l10nKey('Failed')],
  ['terminating', l10nKey('Terminating')],
];

export function renderLegend(ctx: ViewContext): HTMLElement {
  const { doc } = ctx;
  // A DaemonSet's ready pods take their revision's colour: one "ready" swatch per revision, not a blue one that
  // looks like revision 1's.
  const revisions = ctx.kind === 'DaemonSet' ? [...revisionSlots(ctx.timeline.pods ?? [])] : [];
  const items: HTMLElement[] = [];
  for (const [state, label] of STATES) {
    if (state === 'ready' && revisions.length > 0) {
      for (const [revision, slot] of revisions) {
        items.push(el(doc, 'li', { class: 'legend-revision' }, [el(doc, 'span', { class: `swatch seg-ready rev-${slot}`, attrs: { 'aria-hidden': 'true' } }), t('ready, revision {0}', revision)]));
      }
    } else {
      items.push(el(doc, 'li', {}, [el(doc, 'span', { class: `swatch seg-${state}`, attrs: { 'aria-hidden': 'true' } }), t(label)]));
    }
  }
  if (ctx.kind === 'DaemonSet') {
    items.push(el(doc, 'li', {}, [el(doc, 'span', { class: 'swatch-step', text: '1', attrs: { 'aria-hidden': 'true' } }), t('rollout step')]));
  }
  if (ctx.kind !== 'DaemonSet') items.push(el(doc, 'li', {}, [el(doc, 'span', { class: 'swatch swatch-gap', attrs: { 'aria-hidden': 'true' } }), t('back-off')]));
  return el(doc, 'ul', { class: 'legend', attrs: { 'aria-label': t('Legend') } }, items);
}
