/**
 * The chart's rows, drawn only where they are in view: a spacer as tall as every row, and the rows in view
 * (plus a few) positioned over it, redrawn on scroll once per animation frame. 10,000 pods cost the DOM of
 * the forty or so on screen. The rows are a listbox: click or ↑ / ↓ select a pod, Enter expands a
 * collapsed line of runs.
 */
import { el } from '../dom';
import { t } from '../l10n';
import { podStateAt, type PodState } from '../podState';
import type { TimelinePod } from '../timelineTypes';
import type { ViewContext } from './context';
import type { BarItem, RowModel } from './rows';

/** Every row's height, in px (as the CSS draws it: --row-h). */
export const ROW_H = 22;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blanks. */
const OVERSCAN = 8;
/** Rows assumed visible before the chart has a height (not yet in the page). */
const FIRST_ROWS = 40;
/** Average advance of a bar label's characters (11 px) and of a back-off gap's (9.5 px), in px, a little generous. */
const LABEL_CHAR_PX = 6.6;
const GAP_CHAR_PX = 5.9;

export interface RowsView {
  readonly element: HTMLElement;
  rows(): readonly RowModel[];
  setRows(rows: readonly RowModel[]): void;
  /** Draws the rows in view again (after the window moved or the width changed). */
  redraw(): void;
  /** Selects the row of a pod (its own row, else the row it is drawn in); undefined clears. */
  selectPod(name: string | undefined, notify?: boolean): void;
  /** The pod the selection stands for. */
  selected(): TimelinePod | undefined;
}

export interface RowsOptions {
  /** A collapsed line of runs asks to be expanded. */
  readonly onExpand: (key: string) => void;
  /** The selection changed (by click or keyboard when `notify`). */
  readonly onSelect: (pod: TimelinePod | undefined, notify: boolean) => void;
}

export function renderRows(ctx: ViewContext, options: RowsOptions): RowsView {
  const { doc } = ctx;
  const body = el(doc, 'div', { class: 'gantt-body', attrs: { role: 'listbox', tabindex: 0, 'aria-label': t('Pods of {0} {1}', ctx.kind, ctx.name) } });
  const spacer = el(doc, 'div', { class: 'gantt-spacer' });
  body.appendChild(spacer);
  let models: readonly RowModel[] = [];
  /** pod name → index of its own row (or of the row it is drawn in) */
  let rowOfPod = new Map<string, number>();
  const drawn = new Map<number, { element: HTMLElement; state?: PodState; rev?: string }>();
  let selectedIndex = -1;
  let selectedPod: TimelinePod | undefined;
  let frame = 0;

  function setRows(rows: readonly RowModel[]): void {
    const keepKey = selectedIndex >= 0 ? models[selectedIndex]?.key : undefined;
    models = rows;
    rowOfPod = new Map();
    rows.forEach((row, i) => {
      if (row.kind === 'pod' && row.pod) rowOfPod.set(row.pod.name, i);
    });
    rows.forEach((row, i) => {
      if (row.kind === 'collapsed') return;
      for (const pod of row.pods) if (!rowOfPod.has(pod.name)) rowOfPod.set(pod.name, i);
    });
    spacer.style.height = `${rows.length * ROW_H}px`;
    selectedIndex = keepKey !== undefined ? rows.findIndex((r) => r.key === keepKey) : -1;
    redraw();
  }

  /**
   * The rows inside both the body's own scroll box and the page's viewport: if a stylesheet leaves the body
   * unbounded (or it is taller than the window), the page scrolls instead and still only what shows is drawn.
   */
  function visibleRange(): [number, number] {
    let top = body.scrollTop;
    let height = body.clientHeight || FIRST_ROWS * ROW_H;
    const box = body.isConnected ? body.getBoundingClientRect() : undefined;
    const viewport = doc.defaultView?.innerHeight ?? 0;
    if (box && box.height > 0 && viewport > 0) {
      const from = Math.max(0, -box.top);
      const to = Math.min(box.height, viewport - box.top);
      top = body.scrollTop + from;
      height = Math.max(0, to - from);
    }
    const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
    const last = Math.min(models.length - 1, Math.ceil((top + height) / ROW_H) + OVERSCAN);
    return [first, last];
  }

  function drawRange(): void {
    const [first, last] = visibleRange();
    for (const [i, entry] of drawn) {
      if (i < first || i > last) {
        entry.element.remove();
        drawn.delete(i);
      }
    }
    for (let i = first; i <= last; i++) {
      if (drawn.has(i)) continue;
      const element = drawRow(models[i], i);
      drawn.set(i, { element });
      spacer.appendChild(element);
    }
    markStates();
    if (selectedIndex >= 0 && drawn.has(selectedIndex)) body.setAttribute('aria-activedescendant', `row-${selectedIndex}`);
    else body.removeAttribute('aria-activedescendant');
  }

  function redraw(): void {
    for (const entry of drawn.values()) entry.element.remove();
    drawn.clear();
    drawRange();
  }

  /** Each drawn row says what its pod does at the scrubber's time (a dot before its name). */
  function markStates(): void {
    for (const [i, entry] of drawn) {
      const row = models[i];
      if (row?.countAt) {
        const count = entry.element.querySelector('.rs-count');
        if (count) count.textContent = row.countAt(ctx.time);
      }
      const at = row?.stateAt ? row.stateAt(ctx.time) : row?.pod ? { state: podStateAt(row.pod, ctx.time) } : undefined;
      if (!at) continue;
      if (at.state !== entry.state) {
        if (entry.state) entry.element.classList.remove(`at-${entry.state}`);
        entry.element.classList.add(`at-${at.state}`);
        entry.state = at.state;
      }
      // a node lane's dot in its pod's revision colour (the .rev-N variables, on the label only: the bars have their own)
      const rev = 'revisionSlot' in at && at.revisionSlot !== undefined ? `rev-${at.revisionSlot}` : undefined;
      if (rev !== entry.rev) {
        const label = entry.element.querySelector('.row-label');
        if (entry.rev) label?.classList.remove(entry.rev);
        if (rev) label?.classList.add(rev);
        entry.rev = rev;
      }
    }
  }

  const clip = (x: number): number => Math.min(101, Math.max(-1, x));
  /** A label's width in px, from its length: a little more than the theme fonts' average advance, plus padding. */
  const textWidth = (text: string, charPx: number): number => [...text].length * charPx + 8;

  function drawItem(item: BarItem, track: HTMLElement): void {
    if (item.type === 'mark') {
      const x = ctx.x(item.at);
      if (x < -1 || x > 101) return;
      track.appendChild(el(doc, 'span', { class: item.cls, text: item.text, style: { left: `${x}%` }, attrs: { title: item.title } }));
      return;
    }
    const a = ctx.x(item.from);
    const b = ctx.x(item.to);
    if (b < -1 || a > 101) return;
    const style = { left: `${clip(a)}%`, width: `${Math.max(0, clip(b) - clip(a))}%` };
    if (item.type === 'seg') {
      const cls = `seg seg-${item.state}${item.tail ? ' tail' : ''}${item.revision !== undefined ? ` rev-${item.revision}` : ''}${item.slot ? ` slot-${item.slot}` : ''}`;
      track.appendChild(el(doc, 'span', { class: cls, style, attrs: { 'data-pod': item.pod } }));
    } else if (item.type === 'gap') {
      // the label as it fits between the bars: `back-off 10s`, else `10s`, else none (the tooltip says it): a
      // label wider than its gap ran under the next bar
      const px = ((clip(b) - clip(a)) / 100) * (ctx.trackWidth || 700);
      const text = [item.text, item.text.replace(/^back-off\s+/, '')].find((t) => textWidth(t, GAP_CHAR_PX) <= px);
      track.appendChild(
        el(doc, 'span', { class: 'backoff-gap', style, attrs: { title: t('{0}: from {1} to {2}', item.text, ctx.when(item.from), ctx.when(item.to)), 'aria-label': item.text } }, [
          text ? el(doc, 'span', { class: 'gap-text', text }) : null,
        ]),
      );
    } else if (item.type === 'level') {
      // a ReplicaSet's size as a step, rising from the row's foot: its share of the largest size any ReplicaSet had
      const height = `${Math.max(4, Math.min(100, (item.value / Math.max(1, item.max)) * 100))}%`;
      track.appendChild(el(doc, 'span', { class: `size-level ${item.cls}`, style: { ...style, height } }));
    } else {
      track.appendChild(el(doc, 'span', { class: `group-span ${item.cls}`, style }));
    }
  }

  function drawRow(row: RowModel, index: number): HTMLElement {
    const track = el(doc, 'div', { class: 'row-track' });
    const bar = el(doc, 'div', { class: 'bar', attrs: { title: row.title() } });
    for (const item of row.items) drawItem(item, bar);
    if (row.barLabel) {
      const label = el(doc, 'span', { class: `bar-label tone-${row.barLabel.tone}`, text: row.barLabel.text });
      // a back-off gap's label sits just before the bar: the bar's label does not go there
      const gapBefore = row.items.some((i) => i.type === 'gap' && row.barLabel && Math.abs(i.to - row.barLabel.from) < 1e-6);
      placeLabel(label, row.barLabel.text, ctx.x(row.barLabel.from), ctx.x(row.barLabel.to), !gapBefore);
      bar.appendChild(label);
    }
    track.appendChild(bar);
    // a ReplicaSet's counts at the scrubber's time, over the end of its track (markStates keeps it current)
    if (row.countAt) track.appendChild(el(doc, 'span', { class: 'rs-count', text: row.countAt(ctx.time), attrs: { title: t('Pods / desired at the scrubber\'s time, and how many are available') } }));
    const labelChildren =
      row.kind === 'collapsed'
        ? [el(doc, 'button', { class: 'runs-expand', text: row.label, attrs: { type: 'button', tabindex: -1, title: t('Show these runs one per row (Enter)') } })]
        : [
            nameElement(row.label, row.title().split('\n')[0]),
            ...row.badges.map((b) => el(doc, 'span', { class: `row-badge${b.cls ? ` ${b.cls}` : ''}`, text: b.text, attrs: { title: b.title } })),
          ];
    const classes = ['gantt-row', `row-${row.kind}`, row.kind === 'node' || row.kind === 'ordinal' ? 'node-lane' : '', row.kind === 'collapsed' ? 'runs-collapsed' : '', index === selectedIndex ? 'selected' : ''].filter(Boolean).join(' ');
    return el(
      doc,
      'div',
      {
        class: classes,
        style: { top: `${index * ROW_H}px` },
        attrs: {
          role: 'option',
          id: `row-${index}`,
          'aria-selected': index === selectedIndex ? 'true' : 'false',
          'aria-label': `${row.label}${row.barLabel ? `: ${row.barLabel.text}` : ''}`,
          'data-index': index,
          'data-pod': row.kind === 'pod' ? row.pod?.name : undefined,
          'data-job': row.kind === 'run' ? row.pod?.job ?? row.key.slice(4) : undefined,
          'data-node': row.node,
        },
      },
      [el(doc, 'div', { class: 'row-label' }, labelChildren), track],
    );
  }

  /**
   * A name whose end never gives way: in a narrow panel `hello-29434560` becomes `hel…-29434560`, not
   * `hello-2943…` (the start shrinks with an ellipsis, the last `-` part stays whole).
   */
  function nameElement(label: string, title: string): HTMLElement {
    const dash = label.lastIndexOf('-');
    const tail = dash > 0 && label.length - dash <= 14 ? label.slice(dash) : '';
    if (!tail) return el(doc, 'span', { class: 'pod-name', text: label, attrs: { title } });
    return el(doc, 'span', { class: 'pod-name split-name', attrs: { title } }, [
      el(doc, 'span', { class: 'name-head', text: label.slice(0, dash) }),
      el(doc, 'span', { class: 'name-tail', text: tail }),
    ]);
  }

  /** A bar's label after the bar, else before it, else inside; by the text's estimated width (no measuring 10,000 rows). */
  /**
   * A bar's label, whole: after the bar when there is room, else before it (unless a back-off label is there),
   * else inside when it fits; the same with only its mark (`✓`, `✗`) when the whole label does not; else
   * hidden (the row's tooltip and accessible name carry it). A label over the bar's start hid the bar.
   */
  function placeLabel(label: HTMLElement, text: string, start: number, end: number, before: boolean): void {
    const width = ctx.trackWidth || 700;
    const gap = 6;
    const a = (start / 100) * width;
    const b = (end / 100) * width;
    const mark = text.split(' ')[0];
    for (const candidate of mark !== text && /^[✓✗]$/.test(mark) ? [text, mark] : [text]) {
      const w = textWidth(candidate, LABEL_CHAR_PX);
      const place = b + gap + w <= width ? 'after' : before && a - gap - w >= 0 ? 'before' : b - a >= w + gap ? 'inside' : undefined;
      if (!place) continue;
      label.textContent = candidate;
      label.classList.add(`place-${place}`);
      if (place === 'before') label.style.right = `${100 - start}%`;
      else label.style.left = `${Math.max(0, place === 'after' ? end : start)}%`;
      return;
    }
    label.hidden = true;
  }

  function setSelected(index: number, pod: TimelinePod | undefined, notify: boolean): void {
    const previous = drawn.get(selectedIndex);
    if (previous) {
      previous.element.classList.remove('selected');
      previous.element.setAttribute('aria-selected', 'false');
    }
    selectedIndex = index;
    selectedPod = pod;
    if (index >= 0) {
      const height = body.clientHeight || FIRST_ROWS * ROW_H;
      const top = index * ROW_H;
      if (top < body.scrollTop) body.scrollTop = top;
      else if (top + ROW_H > body.scrollTop + height) body.scrollTop = top + ROW_H - height;
      drawRange();
      const entry = drawn.get(index);
      entry?.element.classList.add('selected');
      entry?.element.setAttribute('aria-selected', 'true');
      body.setAttribute('aria-activedescendant', `row-${index}`);
    } else {
      body.removeAttribute('aria-activedescendant');
    }
    options.onSelect(pod, notify);
  }

  function selectPod(name: string | undefined, notify = false): void {
    const index = name === undefined ? -1 : (rowOfPod.get(name) ?? -1);
    const pod = index >= 0 ? (models[index].pods.find((p) => p.name === name) ?? models[index].pod) : undefined;
    setSelected(index, pod, notify);
  }

  function selectIndex(index: number, notify: boolean): void {
    const row = models[index];
    setSelected(index, row?.kind === 'collapsed' ? undefined : row?.pod, notify);
  }

  const onScroll = (): void => {
    // a chart replaced by the next render lets go of the page (and of its timeline)
    if (!body.isConnected && models.length > 0 && drawn.size > 0) return void doc.defaultView?.removeEventListener('scroll', onScroll);
    if (frame) return;
    const view = doc.defaultView;
    if (!view) return drawRange();
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      if (body.isConnected) drawRange();
    });
  };
  body.addEventListener('scroll', onScroll, { passive: true });
  // the page scrolling brings other rows into the window too
  doc.defaultView?.addEventListener('scroll', onScroll, { passive: true });
  body.addEventListener('click', (e) => {
    const target = e.target as Element | null;
    const rowElement = target?.closest('.gantt-row');
    if (!rowElement) return;
    const index = Number(rowElement.getAttribute('data-index'));
    const row = models[index];
    if (!row) return;
    if (row.kind === 'collapsed') {
      options.onExpand(row.key);
      return;
    }
    // a pod drawn inline (a CronJob's run, a node's lane): that pod
    const podName = target?.closest('[data-pod]')?.getAttribute('data-pod');
    const pod = (podName ? row.pods.find((p) => p.name === podName) : undefined) ?? row.pod;
    setSelected(index, pod, true);
  });
  body.addEventListener('keydown', (e) => {
    if (models.length === 0) return;
    const index = selectedIndex;
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(models.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index < 0 ? 0 : index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = models.length - 1;
    else if (e.key === 'PageDown') next = Math.min(models.length - 1, Math.max(0, index) + 10);
    else if (e.key === 'PageUp') next = Math.max(0, index - 10);
    else if ((e.key === 'Enter' || e.key === ' ') && models[index]?.kind === 'collapsed') {
      e.preventDefault();
      options.onExpand(models[index].key);
      return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setSelected(-1, undefined, true);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    selectIndex(next, true);
  });
  ctx.on('time', markStates);

  return {
    element: body,
    rows: () => models,
    setRows,
    redraw,
    selectPod,
    selected: () => selectedPod,
  };
}

