/**
 * Zoom and pan. Ctrl/⌘ + wheel (or a plain wheel over the time axis) zooms around the pointer; Shift + wheel
 * or a sideways wheel pans; dragging the chart pans; keys + / − zoom, Alt/Ctrl/Shift + ← / → pan, 0 or F fit.
 * Buttons do the same. The window is kept in the context; the chart root carries it as data-from / data-to
 * (seconds), and a line above the chart says it as offsets and wall clock.
 */
import { el } from '../dom';
import { formatOffset } from '../format';
import { t } from '../l10n';
import type { ViewContext } from './context';
import { FULL_WINDOW, panWindow, zoomWindow, type AxisWindow } from './scale';
import { zoneClock } from './zoneClock';

export interface ZoomControls {
  readonly toolbar: HTMLElement;
  /** Wires the wheel, drag and keys on the chart; `timeArea` is where the time runs (the axis track). */
  attach(gantt: HTMLElement, timeArea: HTMLElement): void;
  setWindow(window: AxisWindow): void;
  /** The window label and data-from / data-to, after the window changed. */
  describe(gantt: HTMLElement): void;
}

const ZOOM_STEP = 1.5;

export function renderZoom(ctx: ViewContext): ZoomControls {
  const { doc } = ctx;
  const button = (cls: string, text: string, title: string, keys: string): HTMLButtonElement =>
    el(doc, 'button', { class: `icon-button ${cls}`, text, attrs: { type: 'button', title, 'aria-label': title, 'aria-keyshortcuts': keys } });
  const zoomIn = button('zoom-in', '+', t('Zoom in (+)'), '+');
  const zoomOut = button('zoom-out', '−', t('Zoom out (−)'), '-');
  const fit = button('zoom-fit', t('Fit'), t('Fit the whole run (0 or F)'), '0 F');
  const label = el(doc, 'span', { class: 'window-label', attrs: { 'aria-live': 'polite' } });
  const toolbar = el(doc, 'div', { class: 'zoom-controls', attrs: { role: 'toolbar', 'aria-label': t('Zoom') } }, [zoomOut, zoomIn, fit, label]);

  let frame = 0;
  function setWindow(window: AxisWindow): void {
    if (window.from === ctx.window.from && window.to === ctx.window.to) return;
    ctx.window = window;
    const view = doc.defaultView;
    if (!view) return ctx.emit('window');
    if (frame) return;
    // wheel and drag fire faster than frames: draw once per frame
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      ctx.emit('window');
    });
  }
  const zoom = (factor: number, anchor = 0.5): void => setWindow(zoomWindow(ctx.scale, ctx.window, factor, anchor));
  const pan = (share: number): void => setWindow(panWindow(ctx.scale, ctx.window, share));
  zoomIn.addEventListener('click', () => zoom(ZOOM_STEP));
  zoomOut.addEventListener('click', () => zoom(1 / ZOOM_STEP));
  fit.addEventListener('click', () => setWindow(FULL_WINDOW));

  function describe(gantt: HTMLElement): void {
    const { from, to } = ctx.visible();
    gantt.setAttribute('data-from', String(Math.round(from * 1000) / 1000));
    gantt.setAttribute('data-to', String(Math.round(to * 1000) / 1000));
    const whole = ctx.window.from <= 0 && ctx.window.to >= 1;
    const a = ctx.clock(from);
    const b = ctx.clock(to);
    const sameDay = a.slice(0, 10) === b.slice(0, 10);
    // `(01:00:00 → 01:08:00 Europe/Berlin)`: the schedule's own zone, times of day (with the date when it changes)
    const local = (t: number): string => (ctx.timeZone ? zoneClock(ctx.startMs, t, ctx.timeZone).slice(0, 19) : '');
    const la = local(from);
    const lb = local(to);
    const zone = la && lb ? ` (${la.slice(0, 10) === lb.slice(0, 10) ? la.slice(11) : la} → ${la.slice(0, 10) === lb.slice(0, 10) ? lb.slice(11) : lb} ${ctx.timeZone})` : '';
    const span = `${formatOffset(from)} → ${formatOffset(to)}`;
    label.textContent = `${whole ? t('Whole run {0}', span) : t('Showing {0}', span)} · ${a} → ${sameDay ? b.slice(11) : b}${zone}`;
    zoomOut.disabled = whole;
    fit.disabled = whole;
  }

  function attach(gantt: HTMLElement, timeArea: HTMLElement): void {
    const anchorOf = (clientX: number): number => {
      const box = timeArea.getBoundingClientRect();
      return box.width > 0 ? (clientX - box.left) / box.width : 0.5;
    };
    gantt.addEventListener(
      'wheel',
      (e) => {
        const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
        const dx = e.deltaX * lines;
        const dy = e.deltaY * lines;
        const overAxis = (e.target as Element | null)?.closest('.gantt-head') !== null;
        const width = timeArea.getBoundingClientRect().width || ctx.trackWidth || 700;
        if (e.ctrlKey || e.metaKey || (overAxis && !e.shiftKey && Math.abs(dy) > Math.abs(dx))) {
          e.preventDefault();
          zoom(Math.exp(-dy * 0.002), anchorOf(e.clientX));
        } else if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
          e.preventDefault();
          pan((e.shiftKey && dx === 0 ? dy : dx) / width);
        }
        // a plain vertical wheel over the rows scrolls them
      },
      { passive: false },
    );

    let drag: { x: number; window: AxisWindow; moved: boolean; id: number } | undefined;
    gantt.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || (e.target as Element | null)?.closest('button, input, a')) return;
      drag = { x: e.clientX, window: ctx.window, moved: false, id: e.pointerId };
    });
    gantt.addEventListener('pointermove', (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      const dx = e.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) < 4) return;
      if (!drag.moved) {
        drag.moved = true;
        gantt.setPointerCapture(e.pointerId);
        gantt.classList.add('panning');
      }
      const width = timeArea.getBoundingClientRect().width || ctx.trackWidth || 700;
      setWindow(panWindow(ctx.scale, drag.window, -dx / width));
    });
    const end = (e: PointerEvent): void => {
      if (!drag || e.pointerId !== drag.id) return;
      const moved = drag.moved;
      drag = undefined;
      gantt.classList.remove('panning');
      if (!moved) return;
      // the click that ends a drag does not select a pod
      gantt.addEventListener('click', (c) => c.stopPropagation(), { capture: true, once: true });
    };
    gantt.addEventListener('pointerup', end);
    gantt.addEventListener('pointercancel', end);

    const onKey = (e: KeyboardEvent): void => {
      if ((e.target as Element | null)?.closest('input, select, textarea')) return;
      const modifier = e.altKey || e.ctrlKey || e.metaKey || e.shiftKey;
      let handled = true;
      if (e.key === '+' || e.key === '=') zoom(ZOOM_STEP);
      else if (e.key === '-' || e.key === '_') zoom(1 / ZOOM_STEP);
      else if (e.key === '0' || e.key === 'f' || e.key === 'F') setWindow(FULL_WINDOW);
      else if (e.key === 'ArrowLeft' && modifier) pan(-0.2);
      else if (e.key === 'ArrowRight' && modifier) pan(0.2);
      else handled = false;
      if (handled) e.preventDefault();
    };
    // on the chart and on its toolbar
    gantt.addEventListener('keydown', onKey);
    toolbar.addEventListener('keydown', onKey);
  }

  return { toolbar, attach, setWindow, describe };
}
