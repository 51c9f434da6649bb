/**
 * The chart's head and the lines across it: the conditions lane (with the activeDeadlineSeconds deadline),
 * the CronJob's schedule lane (every scheduled time and its fate, with counts), the scenario lane, and the
 * time axis (offsets, the wall clock, folded stretches); gridlines under the bars and condition, marker and
 * fold lines over them. Redrawn when the window moves.
 */
import { clear, el, type Child } from '../dom';
import { formatOffset, formatDuration } from '../format';
import { t as tr } from '../l10n';
import type { TimelineCondition, TimelineMarker } from '../timelineTypes';
import type { ViewContext } from './context';
import { flagLane, placeFlags, type FlagItem, type FlagLane } from './flags';
import { BAD_CONDITIONS, BAD_REASONS, GOOD_CONDITIONS } from './outcome';
import { renderBudgetLane } from './budgetLane';
import { rolloutBudget } from './rolloutBudget';
import { partitionChanges } from './workloadRows';
import { axisTicks } from './scale';
import { FATE_COUNT_TEXT, FATE_RUNS_TEXT, fateCounts, FATES, scheduleMarks, type Fate, type ScheduleMark } from './schedule';

export interface ChartHead {
  readonly head: HTMLElement;
  readonly underlay: HTMLElement;
  readonly overlay: HTMLElement;
  /** The axis lane's track: its box is where time runs (for the pointer's position). */
  readonly axisTrack: HTMLElement;
  redraw(): void;
}

/** Items with an `at`, grouped by equal times, in time order. */
function mergeByTime<T extends { readonly at: number }>(items: readonly T[]): { at: number; items: T[] }[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(item.at);
    if (list) list.push(item);
    else groups.set(item.at, [item]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([at, list]) => ({ at, items: list }));
}

/** `SuccessCriteriaMet, Complete: CompletionsReached`: conditions set at one instant, grouped by their reason. */
function conditionText(items: readonly TimelineCondition[]): string {
  const byReason = new Map<string, string[]>();
  for (const c of items) {
    const list = byReason.get(c.reason ?? '');
    if (list) list.push(c.type);
    else byReason.set(c.reason ?? '', [c.type]);
  }
  return [...byReason].map(([reason, types]) => (reason ? `${types.join(', ')}: ${reason}` : types.join(', '))).join('; ');
}

const FATE_GLYPH: Record<Fate, string> = { created: '▼', skipped: '▽', replaced: '◆', missed: '✕' };

/**
 * The deadline of a Job with spec.activeDeadlineSeconds: counted from status.startTime
 * (pkg/controller/job/job_controller.go, pastActiveDeadline).
 */
function deadlineFlag(ctx: ViewContext): FlagItem | undefined {
  if (ctx.kind !== 'Job') return undefined;
  const seconds = ctx.timeline.effectiveSpec?.activeDeadlineSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const job = (ctx.timeline.jobs ?? []).find((j) => j.name === ctx.name);
  const at = (job?.startedAt ?? 0) + seconds;
  if (at > ctx.to) return undefined;
  const hit = job?.reason === 'DeadlineExceeded';
  return {
    at,
    text: tr('deadline {0}', formatOffset(at)),
    title: `${tr('activeDeadlineSeconds {0}: the Job may run until {1}', seconds, ctx.when(at))}${hit ? tr(' — it was reached (DeadlineExceeded)') : ''}`,
    cls: `flag-deadline tone-${hit ? 'bad' : 'neutral'}` };
}

export function renderHead(ctx: ViewContext): ChartHead {
  const { doc, timeline } = ctx;
  const underlay = el(doc, 'div', { class: 'gantt-underlay', attrs: { 'aria-hidden': 'true' } });
  const overlay = el(doc, 'div', { class: 'gantt-overlay', attrs: { 'aria-hidden': 'true' } });
  const head = el(doc, 'div', { class: 'gantt-head' });
  const lanes: FlagLane[] = [];
  const lines: { at: number; element: HTMLElement }[] = [];
  const lane = (label: Child[], cls: string, track: HTMLElement): void => {
    head.appendChild(el(doc, 'div', { class: `gantt-lane lane-${cls}` }, [el(doc, 'div', { class: 'lane-label' }, label), track]));
  };
  const line = (at: number, cls: string): void => {
    const element = el(doc, 'div', { class: cls });
    overlay.appendChild(element);
    lines.push({ at, element });
  };

  // conditions of the simulated object, and its deadline
  // a condition turning False is shown when it is bad news: a Deployment's rollout stuck (ProgressDeadlineExceeded)
  const objectConditions = (timeline.conditions ?? []).filter((c) => (c.status !== 'False' || BAD_REASONS.has(c.reason ?? '')) && c.object === ctx.name && (!c.kind || c.kind === ctx.kind));
  const conditionFlags: FlagItem[] = mergeByTime<TimelineCondition>(objectConditions).map(({ at, items }) => {
    const tone = items.some((c) => BAD_CONDITIONS.has(c.type) || BAD_REASONS.has(c.reason ?? '')) ? 'bad' : items.some((c) => GOOD_CONDITIONS.has(c.type)) ? 'good' : 'neutral';
    line(at, `condition-line tone-${tone}`);
    return {
      at,
      text: conditionText(items),
      title: items.map((c) => `${tr('{0} ({1}) at {2}', c.type, c.reason || tr('no reason'), ctx.when(c.at))}${c.message ? `\n${c.message}` : ''}`).join('\n\n'),
      cls: `flag-condition tone-${tone}`,
    };
  });
  const deadline = deadlineFlag(ctx);
  if (deadline) {
    conditionFlags.push(deadline);
    line(deadline.at, 'deadline-line');
  }
  if (conditionFlags.length > 0) {
    const track = el(doc, 'div', { class: 'lane-track' });
    lanes.push(flagLane(ctx, track, conditionFlags.sort((a, b) => a.at - b.at)));
    lane([tr('Conditions')], 'conditions', track);
  }

  // the CronJob's schedule
  const marks = ctx.kind === 'CronJob' ? scheduleMarks(timeline) : [];
  const scheduleTrack = el(doc, 'div', { class: 'lane-track' });
  if (ctx.kind === 'CronJob') {
    const counts = fateCounts(marks);
    const countEls: Child[] = [];
    for (const fate of FATES.filter((f) => counts[f] > 0)) {
      if (countEls.length > 0) countEls.push(' · ');
      countEls.push(el(doc, 'span', { class: `schedule-count fate-${fate}`, text: tr(FATE_COUNT_TEXT[fate], counts[fate]) }));
    }
    lane([el(doc, 'span', { class: 'lane-name', text: tr('Schedule') }), el(doc, 'span', { class: 'schedule-counts' }, countEls.length ? countEls : [tr('no runs')])], 'schedule', scheduleTrack);
  }

  // the scenario's own events (node added, pod deleted, image changed, ...); skipped runs are on the schedule lane
  const markers = (timeline.markers ?? []).filter((m) => Number.isFinite(m.at) && m.kind !== 'skippedRun' && m.kind !== 'missedRun');
  if (markers.length > 0) {
    const track = el(doc, 'div', { class: 'lane-track' });
    const items = mergeByTime<TimelineMarker>(markers).map(({ at, items: list }) => {
      line(at, 'marker-line');
      return { at, text: list.map((m) => m.description || m.kind).join(', '), title: list.map((m) => `${tr('{0} at {1}', m.kind, ctx.when(m.at))}: ${m.description}`).join('\n'), cls: 'flag-scenario' };
    });
    lanes.push(flagLane(ctx, track, items));
    lane([tr('Scenario')], 'scenario', track);
  }

  // a StatefulSet's partition as it changed: ordinals below it keep their revision (the rows hatch them)
  const partitions = ctx.kind === 'StatefulSet' ? partitionChanges(timeline) : [];
  if (partitions.some((c) => c.partition > 0)) {
    const track = el(doc, 'div', { class: 'lane-track' });
    const items = partitions.filter((c, i) => i > 0 || c.partition > 0).map((c) => {
      const at = Number.isFinite(c.at) ? c.at : ctx.from;
      line(at, 'marker-line partition-line');
      return { at, text: tr('partition {0}', c.partition), title: tr('From {0}: spec.updateStrategy.rollingUpdate.partition {1}: ordinals below {1} are not updated', ctx.when(at), c.partition), cls: 'flag-partition' };
    });
    lanes.push(flagLane(ctx, track, items));
    lane([tr('Partition')], 'partition', track);
  }

  // a Deployment's rollout budget: why the rollout goes as fast as it does
  const budget = rolloutBudget(timeline);
  const budgetLane = budget ? renderBudgetLane(ctx, budget) : undefined;
  if (budgetLane) head.appendChild(budgetLane.element);

  const axisTrack = el(doc, 'div', { class: 'lane-track axis-track' });
  lane([tr('Time')], 'axis', axisTrack);
  const cursor = el(doc, 'div', { class: 'cursor' });
  overlay.appendChild(cursor);
  const foldBands = el(doc, 'div', { class: 'fold-bands' });
  underlay.appendChild(foldBands);
  const grid = el(doc, 'div', { class: 'gridlines' });
  underlay.appendChild(grid);

  const place = (element: HTMLElement, at: number): void => {
    const x = ctx.x(at);
    element.hidden = x < -0.01 || x > 100.01;
    element.style.left = `${x}%`;
  };

  function drawSchedule(): void {
    clear(scheduleTrack);
    // one glyph per fate and few pixels: a year of minutely runs would be half a million glyphs
    const width = ctx.trackWidth || 700;
    const buckets = new Map<string, ScheduleMark[]>();
    for (const mark of marks) {
      const x = ctx.x(mark.at);
      if (x < -0.5 || x > 100.5) continue;
      const key = `${mark.fate}:${Math.round((x / 100) * width / 3)}`;
      const list = buckets.get(key);
      if (list) list.push(mark);
      else buckets.set(key, [mark]);
    }
    for (const list of buckets.values()) {
      const first = list[0];
      const count = list.reduce((n, m) => n + m.count, 0);
      const title = list.length === 1 ? first.title : `${tr(FATE_RUNS_TEXT[first.fate], count)}, ${formatOffset(first.at)} … ${formatOffset(list[list.length - 1].at)}\n${first.title}`;
      scheduleTrack.appendChild(
        el(doc, 'span', { class: `schedule-mark fate-${first.fate}${first.fate === 'created' ? '' : ' row-1'}${count > 1 && first.fate !== 'created' ? ' many' : ''}`, text: count > 1 && first.fate !== 'created' ? `${FATE_GLYPH[first.fate]}${count}` : FATE_GLYPH[first.fate], style: { left: `${ctx.x(first.at)}%` }, attrs: { title } }),
      );
    }
  }

  function drawAxis(): void {
    clear(axisTrack);
    clear(grid);
    clear(foldBands);
    const width = ctx.trackWidth || 700;
    const { ticks, folds } = axisTicks(ctx.scale, ctx.window, Math.min(10, Math.max(2, Math.floor(width / 90))));
    const days = ctx.to - ctx.from > 86400;
    // ticks either side of a fold come close together: one of two labels closer than this is dropped
    const minGap = 56;
    // a label is about this wide either side of its tick; it must not sit under a fold's hatching
    const half = minGap / 2;
    const foldPx = folds.map(({ x0, x1 }) => [x0 * width, x1 * width] as const);
    const overlapsFold = (left: number, right: number): boolean => foldPx.some(([a, b]) => left < b - 1 && right > a + 1);
    let lastRight = -Infinity;
    ticks.forEach(({ t, x }, i) => {
      const xp = x * 100;
      const px = x * width;
      const span = (a: string): [number, number] => (a === 'first' ? [px, px + 2 * half] : a === 'last' ? [px - 2 * half, px] : [px - half, px + half]);
      const fits = (a: string): boolean => {
        const [left, right] = span(a);
        return left >= -2 && right <= width + 2 && !overlapsFold(left, right);
      };
      // centred; at a fold's edge, on the side away from it (right of a fold's end, left of its start); else no label
      const align = [xp < 4 ? 'first' : xp > 94 ? 'last' : '', 'first', 'last'].find(fits);
      if (align === undefined) return;
      const [left, right] = span(align);
      if (left < lastRight) return;
      lastRight = right;
      grid.appendChild(el(doc, 'div', { class: `gridline${t === 0 ? ' origin' : ''}`, style: { left: `${xp}%` } }));
      const wall = ctx.clock(t);
      axisTrack.appendChild(
        el(doc, 'span', { class: `tick${i % 2 ? ' odd' : ''}${align ? ` ${align}` : ''}`, style: { left: `${xp}%` }, attrs: { title: ctx.when(t) } }, [
          el(doc, 'span', { class: 'tick-offset', text: t === 0 ? '0' : formatOffset(t) }),
          el(doc, 'span', { class: 'tick-clock', text: days ? wall.slice(5, 16) : wall.slice(11, 19) }),
        ]),
      );
    });
    for (const { fold, x0, x1 } of folds) {
      const a = Math.max(0, x0) * 100;
      const b = Math.min(1, x1) * 100;
      const style = { left: `${a}%`, width: `${Math.max(0, b - a)}%` };
      const where = fold.to >= ctx.to ? 'tail' : fold.from <= ctx.from ? 'lead' : 'inner';
      axisTrack.appendChild(
        el(doc, 'span', { class: `axis-fold fold-${where}`, style, attrs: { title: `${tr('Folded: {0} … {1} ({2})', formatOffset(fold.from), formatOffset(fold.to), formatDuration(fold.to - fold.from))} — ${fold.label}` } }, [
          el(doc, 'span', { class: 'axis-fold-text', text: `… ${fold.label}` }),
        ]),
      );
      foldBands.appendChild(el(doc, 'div', { class: 'fold-band', style }));
    }
    axisTrack.classList.toggle('has-folds', folds.length > 0);
  }

  function redraw(): void {
    drawAxis();
    if (ctx.kind === 'CronJob') drawSchedule();
    budgetLane?.redraw();
    for (const { at, element } of lines) place(element, at);
    for (const flagGroup of lanes) placeFlags(ctx, flagGroup);
    place(cursor, ctx.time);
  }
  ctx.on('time', () => place(cursor, ctx.time));
  return { head, underlay, overlay, axisTrack, redraw };
}
