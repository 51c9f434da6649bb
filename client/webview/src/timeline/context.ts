/**
 * What every part of the chart shares: the document, the timeline, the time scale and the visible window,
 * the time and the selection, and the listeners that redraw a part when one of them changes. The parts
 * (header, scrubber, axis, lanes, rows, details, zoom) each take this context and add their DOM.
 */
import { formatClock, formatOffset, parseTime } from '../format';
import type { Timeline } from '../timelineTypes';
import { fitAxis, type AxisFit } from './axisFit';
import { FULL_WINDOW, makeScale, viewX, type AxisWindow, type Scale } from './scale';
import { zoneClock } from './zoneClock';

export type ChangeKind = 'window' | 'time' | 'selection' | 'rows' | 'layout';

export interface ViewCallbacks {
  readonly onTimeChange?: (t: number) => void;
  readonly onSelectPod?: (name: string | undefined) => void;
}

export interface ViewContext {
  readonly doc: Document;
  readonly timeline: Timeline;
  readonly kind: string;
  readonly name: string;
  /** Epoch ms of t = 0 (NaN when the timeline has no readable startTime). */
  readonly startMs: number;
  /** The CronJob's spec.timeZone, when it has one: wall-clock times are also shown there. */
  readonly timeZone: string | undefined;
  readonly fit: AxisFit;
  readonly scale: Scale;
  /** The whole run: the scrubber's range. */
  readonly from: number;
  readonly to: number;
  /** The part of the folded axis in view (zoom and pan). */
  window: AxisWindow;
  /** The scrubber's time. */
  time: number;
  selectedPod: string | undefined;
  /** The width of a row's track in px, measured by layout() (a guess until then). */
  trackWidth: number;
  readonly callbacks: ViewCallbacks;
  /** `2026-01-01 00:01:30Z` */
  clock(t: number): string;
  /** `+1m30s (2026-01-01 00:01:30Z)`, with the CronJob's time zone when it has one. */
  when(t: number): string;
  /** Percent across the track of the instant t in the current window (outside 0..100 when out of view). */
  x(t: number): number;
  /** The instants at the window's edges, in seconds. */
  visible(): { from: number; to: number };
  on(kind: ChangeKind, listener: () => void): void;
  emit(kind: ChangeKind): void;
}

export function createContext(doc: Document, timeline: Timeline, callbacks: ViewCallbacks): ViewContext {
  const fit = fitAxis(timeline);
  const scale = makeScale(fit);
  const startMs = parseTime(timeline.startTime);
  const spec = timeline.effectiveSpec ?? {};
  const timeZone = typeof spec.timeZone === 'string' && spec.timeZone && spec.timeZone !== 'UTC' && spec.timeZone !== 'Etc/UTC' ? spec.timeZone : undefined;
  const listeners = new Map<ChangeKind, (() => void)[]>();
  const clock = (t: number): string => formatClock(startMs, t);
  const ctx: ViewContext = {
    doc,
    timeline,
    kind: timeline.object?.kind ?? 'Object',
    name: timeline.object?.name ?? '',
    startMs,
    timeZone,
    fit,
    scale,
    from: fit.from,
    to: fit.to,
    window: FULL_WINDOW,
    time: fit.to,
    selectedPod: undefined,
    trackWidth: 700,
    callbacks,
    clock,
    when(t) {
      const local = timeZone ? zoneClock(startMs, t, timeZone) : '';
      return `${formatOffset(t)} (${clock(t)}${local ? `, ${local}` : ''})`;
    },
    x(t) {
      return viewX(scale, ctx.window, t) * 100;
    },
    visible() {
      return { from: scale.t(ctx.window.from), to: scale.t(ctx.window.to) };
    },
    on(kind, listener) {
      const list = listeners.get(kind);
      if (list) list.push(listener);
      else listeners.set(kind, [listener]);
    },
    emit(kind) {
      for (const listener of listeners.get(kind) ?? []) listener();
    },
  };
  return ctx;
}
