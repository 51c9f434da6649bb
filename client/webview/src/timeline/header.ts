/** The chart's header: the object, the run in one line, the outcome, and the banner of a run stopped early. */
import { el } from '../dom';
import { jobCount, podCount } from '../counts';
import { formatDuration, formatOffset } from '../format';
import { t } from '../l10n';
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
        timeline.object?.namespace ? el(doc, 'span', { class: 'namespace', text: ` ${t('in namespace {0}', timeline.object.namespace)}` }) : null,
      ]),
      el(doc, 'p', { class: 'subtitle' }, [
        sourceLabel ? el(doc, 'span', { class: 'source', text: sourceLabel }) : null,
        sourceLabel ? ' · ' : null,
        podCount((timeline.pods ?? []).length),
        kind === 'CronJob' ? ` · ${jobCount((timeline.jobs ?? []).length)}` : null,
        ` · ${t('simulated {0} from {1}', formatDuration(duration, 3), ctx.clock(0))}`,
        ctx.timeZone ? ` ${t('(schedule in {0})', ctx.timeZone)}` : null,
        typeof timeline.seed === 'number' ? ` · ${t('seed {0}', timeline.seed)}` : null,
      ]),
      el(doc, 'p', { class: `outcome outcome-${outcome.tone}`, attrs: { role: 'status' } }, [
        el(doc, 'span', { class: 'outcome-icon', text: outcome.icon, attrs: { 'aria-hidden': 'true' } }),
        ' ',
        el(doc, 'span', { class: 'outcome-text', text: outcome.text }),
      ]),
    ]),
  ];
  if (timeline.truncated) {
    const message = timeline.message || t('The simulation stopped at {0} before the {1} finished; what follows is its state at {2}.', formatOffset(duration), kind, ctx.clock(duration));
    out.push(
      el(doc, 'div', { class: 'banner banner-truncated', attrs: { role: 'alert' } }, [
        el(doc, 'span', { class: 'banner-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
        el(doc, 'span', {}, [el(doc, 'strong', { text: `${t('Stopped early.')} ` }), el(doc, 'span', { class: 'banner-message', text: message })]),
      ]),
    );
  }
  return out;
}
