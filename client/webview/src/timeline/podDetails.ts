/** The selected pod's details below the chart: its times, exit code, node, container runs and events. */
import { clear, el } from '../dom';
import { formatOffset } from '../format';
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
  const element = el(doc, 'section', { class: 'pod-details', attrs: { 'aria-label': 'Selected pod', 'aria-live': 'polite' } });
  const known = (t: number | null | undefined): t is number => t !== null && t !== undefined;
  function show(pod: TimelinePod | undefined): void {
    clear(element);
    if (!pod) {
      element.appendChild(el(doc, 'p', { class: 'hint', text: 'Select a pod (click its row, or focus the chart and use ↑ / ↓) to see its times, exit code and events.' }));
      return;
    }
    const time = (t: number | null | undefined): string => (known(t) ? ctx.when(t) : '—');
    const facts: [string, string][] = [
      ['Phase at the end', `${pod.phase}${pod.reason ? ` (${pod.reason})` : ''}`],
      ['Exit code', known(pod.exitCode) ? String(pod.exitCode) : '—'],
      ['Node', pod.node ?? 'not scheduled'],
      ['Owner', pod.owner ? `${pod.owner.kind.toLowerCase()}/${pod.owner.name}` : pod.job ? `job/${pod.job}` : '—'],
      ...(known(pod.index) ? [['Completion index', `${pod.index}${pod.attempt ? ` (attempt ${pod.attempt})` : ''}`] as [string, string]] : []),
      ...(known(pod.revision) ? [['Revision', String(pod.revision)] as [string, string]] : []),
      ['Created', time(pod.createdAt)],
      ['Scheduled', time(pod.scheduledAt)],
      ['Started', time(pod.startedAt)],
      ['Ready', time(pod.readyAt)],
      ['Finished', time(pod.finishedAt)],
      ['Deletion requested', time(pod.deletedAt)],
      ...(pod.deletedBy ? [['Deleted by', pod.deletedBy] as [string, string]] : []),
      ['Gone', time(pod.goneAt)],
      ['Restarts', String(pod.restarts ?? 0)],
    ];
    const close = el(doc, 'button', { class: 'link-button', text: 'Close', attrs: { type: 'button' } });
    close.addEventListener('click', onClose);
    element.appendChild(el(doc, 'div', { class: 'section-head' }, [el(doc, 'h2', {}, ['Pod ', el(doc, 'span', { class: 'pod-name', text: pod.name })]), close]));
    element.appendChild(table(doc, facts));
    const runs = runsOf(pod);
    if (runs.length > 1) {
      element.appendChild(
        el(doc, 'table', { class: 'runs-table' }, [
          el(doc, 'thead', {}, [el(doc, 'tr', {}, ['RUN', 'STARTED', 'READY', 'FINISHED', 'EXIT', 'REASON'].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
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
        ? el(doc, 'p', { class: 'empty', text: 'No events for this pod.' })
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
