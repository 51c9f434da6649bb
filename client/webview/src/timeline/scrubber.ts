/**
 * The scrubber: a slider over the whole run, the time as an offset and as wall clock, the pods counted by
 * state at that time, and the pods running then. Keyboard: ← / → jump between changes, Page Up / Down move
 * by a tenth, Home / End go to the ends.
 */
import { clear, el } from '../dom';
import { formatOffset } from '../format';
import { t as tr } from '../l10n';
import { changeTimes, COUNTED_STATES, countsAt, podStateAt, STATE_LABELS } from '../podState';
import type { ViewContext } from './context';

export interface Scrubber {
  readonly element: HTMLElement;
  /** Moves the time (clamped to the run); `notify` tells the host. */
  setTime(t: number, notify?: boolean): void;
}

export function renderScrubber(ctx: ViewContext): Scrubber {
  const { doc, from, to } = ctx;
  const pods = ctx.timeline.pods ?? [];
  const jobs = ctx.timeline.jobs ?? [];
  const span = to - from;
  // the instants the arrow keys stop at, worked out at the first key press
  let stopList: number[] | undefined;
  const stops = (): number[] => (stopList ??= changeTimes(ctx.timeline).filter((t) => t >= from && t <= to));
  const range = el(doc, 'input', {
    class: 'scrubber-input',
    attrs: {
      type: 'range',
      min: from,
      max: to,
      step: 'any',
      'aria-label': tr('Time'),
      'aria-describedby': 'scrubber-help',
      'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End PageUp PageDown',
    },
  });
  const prev = el(doc, 'button', { class: 'icon-button prev', text: '◀', attrs: { type: 'button', title: tr('Previous change'), 'aria-label': tr('Previous change') } });
  const next = el(doc, 'button', { class: 'icon-button next', text: '▶', attrs: { type: 'button', title: tr('Next change'), 'aria-label': tr('Next change') } });
  const offset = el(doc, 'span', { class: 'time-offset' });
  const clockDate = el(doc, 'span', { class: 'clock-date' });
  const clockTime = el(doc, 'span', { class: 'clock-time' });
  const timeClock = el(doc, 'span', { class: 'time-clock' }, [clockDate, clockTime]);
  const output = el(doc, 'output', { class: 'scrubber-time', attrs: { 'aria-live': 'off' } }, [offset, timeClock]);
  const counts = el(doc, 'div', { class: 'counts', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  const running = el(doc, 'p', { class: 'running-list' });
  const element = el(doc, 'section', { class: 'scrubber', attrs: { 'aria-label': tr('State at a time') } }, [
    el(doc, 'div', { class: 'scrubber-grid' }, [el(doc, 'div', { class: 'scrubber-controls' }, [prev, output, next]), el(doc, 'div', { class: 'scrubber-track' }, [range])]),
    counts,
    running,
    el(doc, 'p', {
      class: 'hint',
      attrs: { id: 'scrubber-help' },
      text: tr('← / → jump to the previous / next change, Page Up / Page Down move by a tenth, Home / End go to the start / end.'),
    }),
  ]);

  const clamp = (t: number): number => (Number.isFinite(t) ? Math.min(Math.max(t, from), to) : to);

  function setTime(t: number, notify = false): void {
    const now = clamp(t);
    ctx.time = now;
    if (range.value !== String(now)) range.value = String(now);
    offset.textContent = formatOffset(now);
    // `2026-01-01 ` and `00:02:08Z`: narrow panels show the time of day only
    const wall = ctx.clock(now);
    const space = wall.indexOf(' ');
    clockDate.textContent = wall.slice(0, space + 1);
    clockTime.textContent = wall.slice(space + 1);
    timeClock.title = ctx.when(now);
    const byState = countsAt(pods, now);
    clear(counts);
    for (const state of COUNTED_STATES) {
      counts.appendChild(
        el(doc, 'span', { class: `count count-${state}${byState[state] === 0 ? ' zero' : ''}` }, [
          el(doc, 'span', { class: `swatch seg-${state}`, attrs: { 'aria-hidden': 'true' } }),
          `${tr(STATE_LABELS[state])} `,
          el(doc, 'strong', { text: String(byState[state]) }),
        ]),
      );
    }
    if (ctx.kind === 'CronJob') {
      const active = jobs.filter((j) => j.createdAt <= now && (j.finishedAt ?? j.deletedAt ?? Infinity) > now).length;
      counts.appendChild(el(doc, 'span', { class: 'count count-jobs' }, [`${tr('Active Jobs')} `, el(doc, 'strong', { text: String(active) })]));
    }
    const names: string[] = [];
    let more = 0;
    for (const pod of pods) {
      const state = podStateAt(pod, now);
      if (state !== 'running' && state !== 'ready') continue;
      if (names.length < 12) names.push(pod.name);
      else more++;
    }
    running.textContent =
      names.length === 0
        ? tr('No pod is running at {0}.', formatOffset(now))
        : more > 0
          ? tr('Running at {0}: {1} and {2} more.', formatOffset(now), names.join(', '), more)
          : tr('Running at {0}: {1}.', formatOffset(now), names.join(', '));
    range.setAttribute(
      'aria-valuetext',
      `${formatOffset(now)}, ${wall}: ${COUNTED_STATES.filter((s) => byState[s] > 0).map((s) => `${byState[s]} ${tr(STATE_LABELS[s]).toLowerCase()}`).join(', ') || tr('no pods')}`,
    );
    ctx.emit('time');
    if (notify) ctx.callbacks.onTimeChange?.(now);
  }

  const nextStop = (dir: 1 | -1): number => {
    const eps = 1e-6;
    const list = stops();
    if (dir > 0) return list.find((t) => t > ctx.time + eps) ?? to;
    for (let i = list.length - 1; i >= 0; i--) if (list[i] < ctx.time - eps) return list[i];
    return from;
  };
  range.addEventListener('input', () => setTime(Number(range.value), true));
  range.addEventListener('keydown', (e) => {
    let t: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') t = e.shiftKey ? ctx.time + span / 100 : nextStop(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') t = e.shiftKey ? ctx.time - span / 100 : nextStop(-1);
    else if (e.key === 'PageUp') t = ctx.time + span / 10;
    else if (e.key === 'PageDown') t = ctx.time - span / 10;
    else if (e.key === 'Home') t = from;
    else if (e.key === 'End') t = to;
    if (t === undefined) return;
    e.preventDefault();
    setTime(t, true);
  });
  prev.addEventListener('click', () => setTime(nextStop(-1), true));
  next.addEventListener('click', () => setTime(nextStop(1), true));
  return { element, setTime };
}
