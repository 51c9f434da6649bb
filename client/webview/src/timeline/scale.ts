/**
 * The chart's time scale: seconds → a position. Folded stretches (axisFit.ts) take a small fixed share of the
 * axis; everything else shares one rate, so away from a fold the chart is linear. Zoom and pan move a window
 * over this folded axis (`u`, 0 at the run's start, 1 at its end), so zooming around the pointer keeps the
 * instant under it where it was. Pure: no DOM.
 */
import { ticks, tickStep } from '../format';
import type { AxisFit, Fold } from './axisFit';

interface Piece {
  readonly t0: number;
  readonly t1: number;
  readonly u0: number;
  readonly u1: number;
  readonly fold?: Fold;
}

/** A window over the folded axis: 0 ≤ from < to ≤ 1. */
export interface AxisWindow {
  readonly from: number;
  readonly to: number;
}

export const FULL_WINDOW: AxisWindow = { from: 0, to: 1 };

export interface Scale {
  readonly from: number;
  readonly to: number;
  readonly folds: readonly Fold[];
  /** Seconds → folded axis position (0..1). */
  u(t: number): number;
  /** Folded axis position → seconds. */
  t(u: number): number;
  /** The width of one unfolded second on the folded axis. */
  readonly perSecond: number;
}

/** The share of the axis one fold takes. */
export const FOLD_SHARE = 0.05;

export function makeScale(fit: AxisFit): Scale {
  const { from, to } = fit;
  const folds = fit.folds.filter((f) => f.to > f.from && f.from >= from && f.to <= to);
  const folded = folds.reduce((n, f) => n + (f.to - f.from), 0);
  const open = Math.max(to - from - folded, 1e-9);
  const foldShare = folds.length === 0 ? 0 : Math.min(FOLD_SHARE, 0.3 / folds.length);
  const perSecond = (1 - foldShare * folds.length) / open;
  const pieces: Piece[] = [];
  let t = from;
  let u = 0;
  for (const fold of folds) {
    if (fold.from > t) {
      pieces.push({ t0: t, t1: fold.from, u0: u, u1: u + (fold.from - t) * perSecond });
      u += (fold.from - t) * perSecond;
    }
    pieces.push({ t0: fold.from, t1: fold.to, u0: u, u1: u + foldShare, fold });
    u += foldShare;
    t = fold.to;
  }
  if (to > t || pieces.length === 0) pieces.push({ t0: t, t1: to, u0: u, u1: 1 });
  const last = pieces[pieces.length - 1];
  const at = (key: 't' | 'u', value: number): Piece => {
    for (const piece of pieces) if (value <= (key === 't' ? piece.t1 : piece.u1)) return piece;
    return last;
  };
  return {
    from,
    to,
    folds,
    perSecond,
    u(time) {
      if (!Number.isFinite(time)) return time > 0 ? 1 : 0;
      if (time <= from) return (time - from) * perSecond;
      if (time >= to) return 1 + (time - to) * perSecond;
      const p = at('t', time);
      return p.t1 === p.t0 ? p.u0 : p.u0 + ((time - p.t0) / (p.t1 - p.t0)) * (p.u1 - p.u0);
    },
    t(pos) {
      if (pos <= 0) return from + pos / perSecond;
      if (pos >= 1) return to + (pos - 1) / perSecond;
      const p = at('u', pos);
      return p.u1 === p.u0 ? p.t0 : p.t0 + ((pos - p.u0) / (p.u1 - p.u0)) * (p.t1 - p.t0);
    },
  };
}

/** The narrowest window: about two seconds, or the whole axis for shorter runs. */
function minWidth(scale: Scale): number {
  return Math.min(1, 2 * scale.perSecond);
}

function clampWindow(scale: Scale, from: number, width: number): AxisWindow {
  const w = Math.min(1, Math.max(minWidth(scale), width));
  const a = Math.min(Math.max(0, from), 1 - w);
  return { from: a, to: a + w };
}

/** Zooms by `factor` (> 1 zooms in) keeping the point at `anchor` (0..1 across the view) where it is. */
export function zoomWindow(scale: Scale, window: AxisWindow, factor: number, anchor = 0.5): AxisWindow {
  const width = window.to - window.from;
  const x = Math.min(1, Math.max(0, anchor));
  const at = window.from + x * width;
  const next = Math.min(1, Math.max(minWidth(scale), width / factor));
  return clampWindow(scale, at - x * next, next);
}

/** Moves the window by `share` of its width (negative: to the left). */
export function panWindow(scale: Scale, window: AxisWindow, share: number): AxisWindow {
  const width = window.to - window.from;
  return clampWindow(scale, window.from + share * width, width);
}

/** The window that shows the seconds from `a` to `b`. */
export function windowOf(scale: Scale, a: number, b: number): AxisWindow {
  const u0 = scale.u(Math.min(a, b));
  const u1 = scale.u(Math.max(a, b));
  return clampWindow(scale, u0, u1 - u0);
}

/** Position across the view (0..1, outside when out of the window) of the instant `t`. */
export function viewX(scale: Scale, window: AxisWindow, t: number): number {
  return (scale.u(t) - window.from) / (window.to - window.from);
}

export interface AxisTick {
  readonly t: number;
  /** 0..1 across the view. */
  readonly x: number;
}

export interface VisibleFold {
  readonly fold: Fold;
  readonly x0: number;
  readonly x1: number;
}

/**
 * Ticks at one readable step for the unfolded time in view (at most about `maxTicks` of them), none inside a
 * fold; and the folds in view.
 */
export function axisTicks(scale: Scale, window: AxisWindow, maxTicks: number): { ticks: AxisTick[]; folds: VisibleFold[] } {
  const a = scale.t(window.from);
  const b = scale.t(window.to);
  const folds: VisibleFold[] = [];
  let hidden = 0;
  for (const fold of scale.folds) {
    if (fold.to <= a || fold.from >= b) continue;
    folds.push({ fold, x0: viewX(scale, window, fold.from), x1: viewX(scale, window, fold.to) });
    hidden += Math.min(fold.to, b) - Math.max(fold.from, a);
  }
  const step = tickStep(Math.max(b - a - hidden, 1e-6), Math.max(1, maxTicks));
  const out: AxisTick[] = [];
  for (const t of ticks(a, b, step)) {
    if (scale.folds.some((f) => t > f.from && t < f.to)) continue;
    out.push({ t, x: viewX(scale, window, t) });
  }
  return { ticks: out, folds };
}
