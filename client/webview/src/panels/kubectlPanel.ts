/**
 * "kubectl at t", beside the chart: for the time the user scrubs to, the `kubectl get` tables the CLI prints
 * (kubectlAt.ts, from the core's views), the object's status in words, its conditions and the events so far.
 * Everything is derived from the Timeline; nothing is simulated again.
 */
import { clear, el } from '../dom';
import { formatClock, formatOffset, parseTime } from '../format';
import { t as tr, tNodes } from '../l10n';
import type { Timeline } from '../timelineTypes';
import { conditionsAt, eventsAt, kubectlTablesAt, objectStatusAt } from './kubectlAt';
import { describeStatus } from './statusView';
import { renderValueTree } from './valueTree';

export interface KubectlPanelOptions {
  readonly time: number;
  readonly warningsOnly?: boolean;
  readonly onWarningsOnlyChange?: (on: boolean) => void;
  /** Events listed at most (the newest); default 300. */
  readonly maxEvents?: number;
  /** Draw the first time after the page is shown (a big timeline's tables take a while). */
  readonly defer?: boolean;
}

/** A redraw slower than this waits until scrubbing pauses, so that the scrubber stays smooth. */
const SLOW_RENDER_MS = 40;
const SCRUB_PAUSE_MS = 150;

export interface KubectlPanel {
  readonly element: HTMLElement;
  /** Shows the state at t (redrawn at the next animation frame: scrubbing sends many). */
  setTime(t: number): void;
  time(): number;
}

export function createKubectlPanel(doc: Document, timeline: Timeline, options: KubectlPanelOptions): KubectlPanel {
  const startMs = parseTime(timeline.startTime);
  const maxEvents = options.maxEvents ?? 300;
  const heading = el(doc, 'h2', { class: 'kubectl-heading' });
  const tablesBox = el(doc, 'div', { class: 'kubectl-tables' });
  const statusBox = el(doc, 'div', { class: 'status-at' });
  const conditionsBox = el(doc, 'div', { class: 'conditions-box' });
  const eventsBox = el(doc, 'div', { class: 'events-box' });
  const warningsOnly = el(doc, 'input', { attrs: { type: 'checkbox', id: 'events-warnings-only' } });
  warningsOnly.checked = options.warningsOnly ?? false;
  const warningsLabel = el(doc, 'label', { class: 'toggle', attrs: { for: 'events-warnings-only' } });
  const element = el(doc, 'section', { class: 'kubectl', attrs: { 'aria-label': tr('kubectl at the chosen time') } }, [
    heading,
    tablesBox,
    el(doc, 'h3', { text: tr('Status of {0}', `${timeline.object.kind.toLowerCase()}/${timeline.object.name}`) }),
    statusBox,
    el(doc, 'h3', { text: tr('Conditions') }),
    conditionsBox,
    el(doc, 'div', { class: 'section-head' }, [el(doc, 'h3', { text: tr('Events so far') }), el(doc, 'span', { class: 'toggle-wrap' }, [warningsOnly, warningsLabel])]),
    eventsBox,
  ]);

  let t = options.time;
  let frame: number | undefined;
  let pause: ReturnType<typeof setTimeout> | undefined;
  /** How long the last full redraw took. */
  let cost = 0;
  warningsOnly.addEventListener('change', () => {
    options.onWarningsOnlyChange?.(warningsOnly.checked);
    renderEvents();
  });

  function renderHeading(): void {
    const clock = formatClock(startMs, t);
    clear(heading);
    heading.append(...tNodes('kubectl at {0}', el(doc, 'span', { class: 'kubectl-time', text: formatOffset(t) })), clock ? el(doc, 'span', { class: 'kubectl-clock', text: ` · ${clock}` }) : '');
  }

  function render(): void {
    frame = undefined;
    pause = undefined;
    const started = performance.now();
    element.classList.remove('updating');
    element.removeAttribute('aria-busy');
    // The time shown, in seconds since the start: what tests (and a reader of the DOM) check the tables against.
    element.dataset.time = String(t);
    try {
      renderAll();
    } catch (err) {
      // a timeline these views cannot read: say so here; the chart stays usable
      for (const box of [tablesBox, statusBox, conditionsBox, eventsBox]) clear(box);
      tablesBox.appendChild(el(doc, 'p', { class: 'note', text: tr('Cannot show kubectl at this time: {0}', err instanceof Error ? err.message : String(err)) }));
    }
    const ended = performance.now();
    cost = ended - started;
    // A User Timing measure: the UI test and the bench read how long the tables take at one time.
    performance.measure('k8s-dryrun:kubectl-panel', { start: started, end: ended });
  }

  function renderAll(): void {
    renderHeading();
    clear(tablesBox);
    for (const table of kubectlTablesAt(timeline, t)) {
      tablesBox.appendChild(
        el(doc, 'figure', { class: 'kubectl-block' }, [
          el(doc, 'figcaption', { class: 'kubectl-command', text: `$ ${table.command}` }),
          outputBlock(doc, table.command, table.output),
        ]),
      );
    }
    clear(statusBox);
    const items = describeStatus(objectStatusAt(timeline, t), { startMs, t });
    statusBox.appendChild(items.length > 0 ? renderValueTree(doc, items, 'value-tree status-tree') : el(doc, 'p', { class: 'empty', text: tr('No status written yet.') }));
    renderConditions();
    renderEvents();
  }

  function renderConditions(): void {
    clear(conditionsBox);
    const rows = conditionsAt(timeline, t);
    if (rows.length === 0) {
      conditionsBox.appendChild(el(doc, 'p', { class: 'empty', text: tr('No conditions yet.') }));
      return;
    }
    // One object: its rows. Several (a CronJob's Jobs): a heading row per object, the same five columns.
    const grouped = rows.some((row) => row.object !== rows[0].object) || timeline.object.kind === 'CronJob';
    const body = el(doc, 'tbody');
    let current: string | undefined;
    for (const row of rows) {
      if (grouped && row.object !== current) {
        current = row.object;
        body.appendChild(el(doc, 'tr', { class: 'condition-object' }, [el(doc, 'th', { text: row.object, attrs: { colspan: 5, scope: 'rowgroup' } })]));
      }
      body.appendChild(
        el(doc, 'tr', { class: `condition status-${row.status.toLowerCase()}` }, [
          el(doc, 'td', { class: 'condition-type', text: row.type }),
          el(doc, 'td', { class: 'condition-status', text: row.status }),
          el(doc, 'td', { text: row.reason }),
          el(doc, 'td', { class: 'message', text: row.message }),
          el(doc, 'td', { class: 'age', text: row.age, attrs: { title: formatClock(startMs, row.at) } }),
        ]),
      );
    }
    conditionsBox.appendChild(
      el(doc, 'div', { class: 'table-wrap', attrs: { tabindex: 0, role: 'region', 'aria-label': tr('Conditions') } }, [
        el(doc, 'table', { class: 'conditions-at kube-table' }, [
          el(doc, 'thead', {}, [el(doc, 'tr', {}, [tr('TYPE'), tr('STATUS'), tr('REASON'), tr('MESSAGE'), tr('AGE')].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
          body,
        ]),
      ]),
    );
  }

  function renderEvents(): void {
    clear(eventsBox);
    const events = eventsAt(timeline, t, { warningsOnly: warningsOnly.checked, limit: maxEvents });
    warningsLabel.textContent = ` ${tr('Warnings only ({0})', events.warnings)}`;
    if (events.rows.length === 0) {
      eventsBox.appendChild(el(doc, 'p', { class: 'empty', text: warningsOnly.checked ? tr('No warnings so far.') : tr('No events so far.') }));
      return;
    }
    if (events.hidden > 0) eventsBox.appendChild(el(doc, 'p', { class: 'note', text: events.hidden === 1 ? tr('1 earlier event not listed.') : tr('{0} earlier events not listed.', events.hidden) }));
    eventsBox.appendChild(
      el(doc, 'div', { class: 'table-wrap events-wrap', attrs: { tabindex: 0, role: 'region', 'aria-label': tr('Events so far') } }, [
        el(doc, 'table', { class: 'events-at kube-table' }, [
          el(doc, 'thead', {}, [el(doc, 'tr', {}, [tr('LAST SEEN'), tr('TYPE'), tr('REASON'), tr('OBJECT'), tr('MESSAGE')].map((h) => el(doc, 'th', { text: h, attrs: { scope: 'col' } })))]),
          el(
            doc,
            'tbody',
            {},
            events.rows.map((row) =>
              el(doc, 'tr', { class: `event type-${row.type === 'Warning' ? 'warning' : 'normal'}` }, [
                el(doc, 'td', { class: 'age', text: row.lastSeen, attrs: { title: formatClock(startMs, row.at) } }),
                el(doc, 'td', { class: 'event-type', text: row.type }),
                el(doc, 'td', { text: row.reason }),
                el(doc, 'td', { class: 'event-object', text: row.object }),
                el(doc, 'td', { class: 'message', text: row.message }),
              ]),
            ),
          ),
        ]),
      ]),
    );
  }

  if (options.defer) {
    renderHeading();
    element.classList.add('updating');
    element.setAttribute('aria-busy', 'true');
    tablesBox.appendChild(el(doc, 'p', { class: 'empty', text: tr('Computing the tables…') }));
    pause = setTimeout(render, 0);
  } else {
    render();
  }
  return {
    element,
    time: () => t,
    setTime(next: number): void {
      if (!Number.isFinite(next) || next === t) return;
      t = next;
      const win = doc.defaultView;
      if (!win) return render();
      if (cost < SLOW_RENDER_MS && pause === undefined) {
        if (frame === undefined) frame = win.requestAnimationFrame(render);
        return;
      }
      // Slow tables (thousands of pods): the time follows at once, the tables when the scrubbing pauses.
      renderHeading();
      element.classList.add('updating');
      if (pause !== undefined) clearTimeout(pause);
      pause = setTimeout(render, SCRUB_PAUSE_MS);
    },
  };
}

/**
 * A command's output as kubectl prints it. Tables keep their columns (a narrow panel scrolls them sideways);
 * `kubectl rollout status` prints sentences, one a line: each line wraps in the panel's width, its continuation
 * indented under it (panels.css), so that a panel beside the editor reads them without scrolling. The text is
 * the output as is (one text node: copying it gives kubectl's lines).
 */
function outputBlock(doc: Document, command: string, output: string): HTMLPreElement {
  const lines = command.startsWith('kubectl rollout status');
  return el(doc, 'pre', { class: lines ? 'kubectl-table kubectl-lines' : 'kubectl-table', text: output, attrs: { 'data-command': command, tabindex: 0, 'aria-label': tr('Output of {0}', command) } });
}
