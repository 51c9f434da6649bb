/** The selected pod's details below the chart: its times, exit code, node, container runs and events. */
import { clear, el } from '../dom';
import { formatOffset } from '../format';
import { t as tr, tNodes } from '../l10n';
import { runsOf } from '../podState';
import type { TimelinePod } from '../timelineTypes';
import type { ViewContext } from './context';

export interface PodDetails {
  readonly element: HTMLElement;
  show(pod: TimelinePod | undefined): void;
}

function table(doc: Document, rows: readonly [string, string][]): HTMLElement {
  return el(doc, 'table', { class: 'kv' }, [
    el(doc, 'tbody', {}, rows.map(([key, value]) => el(doc, 'tr', {}, [el(doc, 'th', { text: key, attrs: { scope: 'row' } }), el(doc, 'td', { text: value })]))),
  ]);
}

export function renderPodDetails(ctx: ViewContext, onClose: () => void): PodDetails {
  const { doc } = ctx;
  const events = ctx.timeline.events ?? [];
  const element = el(doc, 'section', { class: 'pod-details', attrs: { 'aria-label': tr('Selected pod'), 'aria-live': 'polite' } });
  const known = (t: number | null | undefined): t is number => t !== null && t !== undefined;
  function show(pod: TimelinePod | undefined): void {
    clear(element);
    if (!pod) {
      element.appendChild(el(doc, 'p', { class: 'hint', text: tr('Select a pod (click its row, or focus the chart and use ↑ / ↓) to see its times, exit code and events.') }));
      return;
    }
    const time = (t: number | null | undefined): string => (known(t) ? ctx.when(t) : '—');
    const facts: [string, string][] = [
      [tr('Phase at the end'), `${pod.phase}${pod.reason ? ` (${pod.reason})` : ''}`],
      [tr('Exit code'), known(pod.exitCode) ? String(pod.exitCode) : '—'],
      [tr('Node'), pod.node ?? tr('not scheduled')],
      [tr('Owner'), pod.owner ? `${pod.owner.kind.toLowerCase()}/${pod.owner.name}` : pod.job ? `job/${pod.job}` : '—'],
      ...(known(pod.index) ? [[tr('Completion index'), `${pod.index}${pod.attempt ? ` ${tr('(attempt {0})', pod.attempt)}` : ''}`] as [string, string]] : []),
      ...(known(pod.revision) ? [[tr('Revision'), String(pod.revision)] as [string, string]] : []),
      [tr('Created'), time(pod.createdAt)],
      [tr('Scheduled'), time(pod.scheduledAt)],
      [tr('Started'), time(pod.startedAt)],
      [tr('Ready'), time(pod.readyAt)],
      [tr('Finished'), time(pod.finishedAt)],
      [tr('Deletion requested'), time(pod.deletedAt)],
      ...(pod.deletedBy ? [[tr('Deleted by'), pod.deletedBy] as [string, string]] : []),
      [tr('Gone'), time(pod.goneAt)],
      [tr('Restarts'), String(pod.restarts ?? 0)],
    ];
    const close = el(doc, 'button', { class: 'link-button', text: tr('Close'), attrs: { type: 'button' } });
    close.addEventListener('click', onClose);
    element.appendChild(el(doc, 'div', { class: 'section-head' }, [el(doc, 'h2', {}, tNodes('Pod {0}', el(doc, 'span', { class: 'pod-name', text: pod.name }))), close]));
    element.appendChild(table(doc, facts));
    const runs = runsOf(pod);
    if (runs.length > 1) {
      element.appendChild(
        el(doc, 'table', { class: 'runs-table' }, [
          el(doc, 'thead', {}, [el(doc, 'tr', {}, [tr('RUN'), tr('STARTED'), tr('READY'), tr('FINISHED'), tr('EXIT'), tr('REASON')].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
          el(
            doc,
            'tbody',
            {},
            (pod.runs ?? []).map((r, i) =>
              el(doc, 'tr', {}, [
                el(doc, 'td', { text: String(i + 1) }),
                el(doc, 'td', { text: formatOffset(r.startedAt) }),
                el(doc, 'td', { text: r.readyAt === null ? '—' : formatOffset(r.readyAt) }),
                el(doc, 'td', { text: r.finishedAt === null ? '—' : formatOffset(r.finishedAt) }),
                el(doc, 'td', { text: r.exitCode === null ? '—' : String(r.exitCode) }),
                el(doc, 'td', { text: r.reason ?? '' }),
              ]),
            ),
          ),
        ]),
      );
    }
    const podEvents = events.filter((e) => e.object === pod.name);
    element.appendChild(
      podEvents.length === 0
        ? el(doc, 'p', { class: 'empty', text: tr('No events for this pod.') })
        : el(
            doc,
            'ul',
            { class: 'pod-events' },
            podEvents.map((e) => el(doc, 'li', { class: e.type === 'Warning' ? 'type-warning' : '' }, [el(doc, 'span', { class: 'event-time', text: formatOffset(e.at) }), ' ', el(doc, 'strong', { text: e.reason }), ' ', e.message])),
          ),
    );
  }
  return { element, show };
}
