/**
 * The chart as a standalone SVG file (the export): the rows in the visible window with their bars, gaps and
 * marks, the axis with its folds, the condition and scenario markers. An exported file cannot read the
 * editor's --vscode-* variables, so colours come in as concrete values (palette.ts reads them from the
 * current theme). Every text is escaped. Pure: builds a string, no DOM.
 */
import { t } from '../l10n';
import type { PodState } from '../podState';
import type { RowModel } from './rows';

export interface SvgPalette {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly border: string;
  readonly states: Readonly<Record<PodState, string>>;
  /** Template revisions' colours (DaemonSets), by colour slot. */
  readonly revisions: readonly string[];
  readonly good: string;
  readonly bad: string;
  readonly marker: string;
  readonly fontFamily: string;
}

export interface SvgChart {
  readonly title: string;
  readonly subtitle: string;
  readonly rows: readonly RowModel[];
  /** Position across the track (0..1) of an instant in the visible window. */
  readonly x: (t: number) => number;
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly folds: readonly { readonly x0: number; readonly x1: number; readonly label: string }[];
  /** Condition and scenario markers: a line across the rows and a label. */
  readonly markers: readonly { readonly x: number; readonly label: string; readonly tone: 'good' | 'bad' | 'neutral' | 'scenario' }[];
  /** Rows drawn at most; the others are counted in a last line. */
  readonly maxRows?: number;
  readonly width?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an SVG element or attribute value. Characters XML forbids (control characters) are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const LABEL_W = 210;
const ROW_H = 20;
const AXIS_H = 34;
const MARKER_H = 18;

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

export function timelineSvg(chart: SvgChart, palette: SvgPalette): string {
  const width = chart.width ?? 1000;
  const trackW = width - LABEL_W - 16;
  const maxRows = chart.maxRows ?? 1000;
  const rows = chart.rows.slice(0, maxRows);
  const hidden = chart.rows.length - rows.length;
  const top = 48 + (chart.markers.length > 0 ? MARKER_H : 0);
  const rowsTop = top + AXIS_H;
  const height = rowsTop + rows.length * ROW_H + (hidden > 0 ? ROW_H : 0) + 12;
  const X = (x: number): number => LABEL_W + Math.min(1, Math.max(0, x)) * trackW;
  const visible = (x: number): boolean => x >= -1e-9 && x <= 1 + 1e-9;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = ''): void => {
    out.push(`<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(s)}</text>`);
  };
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}" font-family="${escapeXml(palette.fontFamily)}" font-size="11">`);
  out.push(`<title>${escapeXml(chart.title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="${escapeXml(palette.background)}"/>`);
  text(8, 18, chart.title, `font-size="14" font-weight="600" fill="${escapeXml(palette.foreground)}"`);
  text(8, 36, chart.subtitle, `fill="${escapeXml(palette.muted)}"`);

  // folds, gridlines and the axis
  for (const fold of chart.folds) {
    if (fold.x1 < 0 || fold.x0 > 1) continue;
    const a = X(fold.x0);
    const b = X(fold.x1);
    out.push(`<rect x="${num(a)}" y="${top}" width="${num(Math.max(1, b - a))}" height="${num(height - top - 12)}" fill="${escapeXml(palette.muted)}" fill-opacity="0.12"/>`);
    text(b, top + AXIS_H - 4, `… ${fold.label}`, `text-anchor="end" fill="${escapeXml(palette.muted)}"`);
  }
  for (const tick of chart.ticks) {
    if (!visible(tick.x)) continue;
    out.push(`<line x1="${num(X(tick.x))}" x2="${num(X(tick.x))}" y1="${top + 16}" y2="${num(height - 12)}" stroke="${escapeXml(palette.border)}"/>`);
    text(X(tick.x), top + 12, tick.label, `text-anchor="middle" fill="${escapeXml(palette.muted)}"`);
  }
  text(8, top + 12, t('Time'), `fill="${escapeXml(palette.muted)}"`);

  // markers: a dashed line and a label above the axis (markers at one instant share a label; near the right
  // edge the label ends at the line)
  const merged = new Map<number, { x: number; labels: string[]; tone: SvgChart['markers'][number]['tone'] }>();
  for (const marker of chart.markers) {
    if (!visible(marker.x)) continue;
    const key = Math.round(X(marker.x));
    const entry = merged.get(key);
    if (entry) {
      if (!entry.labels.includes(marker.label)) entry.labels.push(marker.label);
      if (marker.tone === 'bad') entry.tone = 'bad';
    } else merged.set(key, { x: marker.x, labels: [marker.label], tone: marker.tone });
  }
  for (const marker of merged.values()) {
    const colour = marker.tone === 'good' ? palette.good : marker.tone === 'bad' ? palette.bad : marker.tone === 'scenario' ? palette.marker : palette.muted;
    const x = X(marker.x);
    out.push(`<line x1="${num(x)}" x2="${num(x)}" y1="${top - MARKER_H + 4}" y2="${num(height - 12)}" stroke="${escapeXml(colour)}" stroke-dasharray="3 3"/>`);
    const right = marker.x > 0.7;
    text(right ? x - 3 : x + 3, top - 6, marker.labels.join(', '), `${right ? 'text-anchor="end" ' : ''}fill="${escapeXml(colour)}"`);
  }

  rows.forEach((row, i) => {
    const y = rowsTop + i * ROW_H;
    text(8, y + 14, row.label, `fill="${escapeXml(row.kind === 'collapsed' ? palette.muted : palette.foreground)}"${row.kind === 'collapsed' ? ' font-style="italic"' : ''}`);
    for (const item of row.items) {
      if (item.type === 'mark') {
        const x = chart.x(item.at);
        if (!visible(x)) continue;
        if (item.cls === 'rollout-step') {
          // a numbered disc on the bar, as the chart draws it
          out.push(`<circle cx="${num(X(x))}" cy="${y + 5}" r="6" fill="${escapeXml(palette.marker)}"/>`);
          text(X(x), y + 8, item.text, `text-anchor="middle" font-size="9" font-weight="bold" fill="${escapeXml(palette.background)}"`);
        } else text(X(x), y + 14, item.text, `text-anchor="middle" font-weight="bold" fill="${escapeXml(palette.muted)}"`);
        continue;
      }
      const x0 = chart.x(item.from);
      const x1 = chart.x(item.to);
      if (x1 < 0 || x0 > 1) continue;
      const a = X(x0);
      const w = Math.max(item.type === 'seg' && !item.tail ? 2 : 0, X(x1) - a);
      if (item.type === 'seg') {
        const colour = item.revision !== undefined && item.state !== 'pending' ? palette.revisions[item.revision % palette.revisions.length] : palette.states[item.state];
        const slotY = item.slot ? 6 : 0;
        if (item.tail) out.push(`<rect x="${num(a)}" y="${y + 9}" width="${num(w)}" height="2" fill="${escapeXml(colour)}" fill-opacity="0.55"/>`);
        else if (item.state === 'running' || item.state === 'terminating') out.push(`<rect x="${num(a + 0.5)}" y="${y + 4.5 + slotY}" width="${num(Math.max(1, w - 1))}" height="${item.slot !== undefined ? 5 : 11}" fill="${escapeXml(colour)}" fill-opacity="0.35" stroke="${escapeXml(colour)}"/>`);
        else out.push(`<rect x="${num(a)}" y="${y + 4 + slotY}" width="${num(w)}" height="${item.slot !== undefined ? 6 : 12}" fill="${escapeXml(colour)}"/>`);
      } else if (item.type === 'gap') {
        out.push(`<line x1="${num(a)}" x2="${num(a + w)}" y1="${y + 10}" y2="${y + 10}" stroke="${escapeXml(palette.muted)}" stroke-dasharray="2 2"/>`);
        // whole or shortened to its duration (`10s`) as it fits the gap, else left out: never run under the next bar
        const label = [item.text, item.text.replace(/^back-off\s+/, '')].find((s) => [...s].length * 5.6 + 4 <= w);
        if (label) text(a + w / 2, y + 7, label, `text-anchor="middle" font-size="9" fill="${escapeXml(palette.muted)}"`);
      } else if (item.type === 'level') {
        // a ReplicaSet's size as a step: desired as an outline, pods faint, available solid, in its revision's colour
        const slot = Number(/rev-(\d)/.exec(item.cls)?.[1] ?? 0);
        const colour = palette.revisions[slot % palette.revisions.length];
        const h = Math.max(1, (item.value / Math.max(1, item.max)) * 16);
        const fill = /rs-desired/.test(item.cls) ? 'fill="none" stroke-opacity="0.8"' : /rs-current/.test(item.cls) ? 'fill-opacity="0.35"' : 'fill-opacity="0.9"';
        out.push(`<rect x="${num(a)}" y="${num(y + 19 - h)}" width="${num(Math.max(0.5, w))}" height="${num(h)}" fill="${escapeXml(colour)}" stroke="${/rs-desired/.test(item.cls) ? escapeXml(colour) : 'none'}" ${fill}/>`);
      } else {
        const colour = /failed/.test(item.cls) ? palette.bad : /complete|succeeded/.test(item.cls) ? palette.good : palette.muted;
        out.push(`<rect x="${num(a)}" y="${y + (row.kind === 'collapsed' ? 6 : 15)}" width="${num(Math.max(1, w))}" height="${row.kind === 'collapsed' ? 8 : 2}" fill="${escapeXml(colour)}" fill-opacity="0.5"/>`);
      }
    }
    if (row.barLabel) {
      const end = chart.x(row.barLabel.to);
      if (visible(end)) text(X(end) + 4, y + 14, row.barLabel.text, `fill="${escapeXml(row.barLabel.tone === 'bad' ? palette.bad : row.barLabel.tone === 'good' ? palette.good : palette.muted)}"`);
    }
  });
  if (hidden > 0) text(8, rowsTop + rows.length * ROW_H + 14, `… ${t('{0} more rows', hidden)}`, `fill="${escapeXml(palette.muted)}"`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
