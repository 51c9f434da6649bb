/**
 * Flags on a lane of the chart's head (conditions, scenario events, the deadline): a label at an instant.
 * Where a flag goes (which of up to three rows, pointing right or left of its instant) depends on its
 * measured width, so placeFlags() measures all of a lane's flags at once, then places them.
 */
import { el } from '../dom';
import type { ViewContext } from './context';

export interface FlagItem {
  readonly at: number;
  readonly text: string;
  readonly title: string;
  readonly cls: string;
}

export interface FlagLane {
  readonly track: HTMLElement;
  readonly flags: { readonly item: FlagItem; readonly element: HTMLElement }[];
}

export function flagLane(ctx: ViewContext, track: HTMLElement, items: readonly FlagItem[]): FlagLane {
  const flags = items.map((item) => {
    const element = el(ctx.doc, 'span', { class: `flag ${item.cls} row-0`, attrs: { title: item.title } }, [el(ctx.doc, 'span', { class: 'flag-text', text: item.text })]);
    track.appendChild(element);
    return { item, element };
  });
  return { track, flags };
}

/** Places every flag of the lane for the current window. */
export function placeFlags(ctx: ViewContext, lane: FlagLane): void {
  const gap = 6;
  const width = lane.track.clientWidth;
  for (const { item, element } of lane.flags) {
    const x = ctx.x(item.at);
    element.hidden = x < -0.01 || x > 100.01;
    element.style.left = `${x}%`;
    element.style.maxWidth = '';
  }
  if (!width) return;
  const widths = lane.flags.map((f) => f.element.offsetWidth);
  const rowEnds: number[] = [];
  lane.flags.forEach(({ item, element }, i) => {
    if (element.hidden) return;
    const w = widths[i];
    const x = (ctx.x(item.at) / 100) * width;
    const fitsRight = x + w <= width;
    const pointsLeft = !fitsRight && (x - w >= 0 || x > width / 2);
    // too wide for either side: shortened (with an ellipsis) to the room on the larger side
    element.style.maxWidth = fitsRight || x - w >= 0 ? '' : `${Math.floor(pointsLeft ? x : width - x)}px`;
    const shown = Math.min(w, pointsLeft ? x : width - x);
    const [a, b] = pointsLeft ? [x - shown, x] : [x, x + shown];
    let row = rowEnds.findIndex((end) => a >= end + gap);
    if (row < 0) row = rowEnds.length < 3 ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = b;
    element.classList.remove('row-0', 'row-1', 'row-2');
    element.classList.add(`row-${row}`);
    element.classList.toggle('flag-end', pointsLeft);
  });
  lane.track.style.setProperty('--rows', String(Math.max(1, rowEnds.length)));
}
