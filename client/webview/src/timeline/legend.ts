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
  const byRevision = ctx.kind === 'DaemonSet' || ctx.kind === 'Deployment' || ctx.kind === 'StatefulSet';
  // a Deployment's colours go by its ReplicaSets' revisions (a rollback renumbers one), as its rows' do
  const rsRevisions = [...new Set((ctx.timeline.replicaSets ?? []).map((rs) => rs.revision))].sort((a, b) => a - b);
  const revisions = !byRevision ? [] : ctx.kind === 'Deployment' && rsRevisions.length > 0 ? rsRevisions.map((r, i): [number, number] => [r, i % 5]) : [...revisionSlots(ctx.timeline.pods ?? [])];
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
  const swatch = (cls: string, label: string): HTMLElement => el(doc, 'li', {}, [el(doc, 'span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), label]);
  if (ctx.kind === 'Deployment' || ctx.kind === 'ReplicaSet') items.push(swatch('swatch-rs-size', t('ReplicaSet size: desired, pods, available')));
  if (ctx.kind === 'Deployment') items.push(swatch('swatch-budget', t('most pods / fewest available allowed')));
  if (ctx.kind === 'StatefulSet') {
    if ((ctx.timeline.persistentVolumeClaims ?? []).length > 0) items.push(swatch('swatch-pvc', t('PersistentVolumeClaim')));
    items.push(swatch('swatch-held', t('held back by the partition')));
  }
  if (ctx.kind === 'Job' || ctx.kind === 'CronJob') items.push(el(doc, 'li', {}, [el(doc, 'span', { class: 'swatch swatch-gap', attrs: { 'aria-hidden': 'true' } }), t('back-off')]));
  return el(doc, 'ul', { class: 'legend', attrs: { 'aria-label': t('Legend') } }, items);
}
