/** The chart's header: the object, the run in one line, the outcome, and the banner of a run stopped early. */
import { el } from '../dom';
import { formatDuration, formatOffset, plural } from '../format';
import type { ViewContext } from './context';
import { outcomeOf } from './outcome';

export function renderHeader(ctx: ViewContext, sourceLabel: string | undefined): HTMLElement[] {
  const { doc, timeline, kind, name } = ctx;
  const outcome = outcomeOf(timeline);
  const duration = ctx.to;
  const out: HTMLElement[] = [
    el(doc, 'header', { class: 'summary' }, [
      el(doc, 'h1', { class: 'title' }, [
        el(doc, 'span', { class: 'kind-badge', text: kind }),
        ' ',
        el(doc, 'span', { class: 'object-name', text: name }),
        timeline.object?.namespace ? el(doc, 'span', { class: 'namespace', text: ` in ${timeline.object.namespace}` }) : null,
      ]),
      el(doc, 'p', { class: 'subtitle' }, [
        sourceLabel ? el(doc, 'span', { class: 'source', text: sourceLabel }) : null,
        sourceLabel ? ' · ' : null,
        plural((timeline.pods ?? []).length, 'pod'),
        kind === 'CronJob' ? ` · ${plural((timeline.jobs ?? []).length, 'Job')}` : null,
        ` · simulated ${formatDuration(duration, 3)} from ${ctx.clock(0)}`,
        ctx.timeZone ? ` (schedule in ${ctx.timeZone})` : null,
        typeof timeline.seed === 'number' ? ` · seed ${timeline.seed}` : null,
      ]),
      el(doc, 'p', { class: `outcome outcome-${outcome.tone}`, attrs: { role: 'status' } }, [
        el(doc, 'span', { class: 'outcome-icon', text: outcome.icon, attrs: { 'aria-hidden': 'true' } }),
        ' ',
        el(doc, 'span', { class: 'outcome-text', text: outcome.text }),
      ]),
    ]),
  ];
  if (timeline.truncated) {
    const message = timeline.message || `The simulation stopped at ${formatOffset(duration)} before the ${kind} finished; what follows is its state at ${ctx.clock(duration)}.`;
    out.push(
      el(doc, 'div', { class: 'banner banner-truncated', attrs: { role: 'alert' } }, [
        el(doc, 'span', { class: 'banner-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
        el(doc, 'span', {}, [el(doc, 'strong', { text: 'Stopped early. ' }), el(doc, 'span', { class: 'banner-message', text: message })]),
      ]),
    );
  }
  return out;
}
