/**
 * The footprint section: a small step chart of the active pods over time (the summed CPU and memory requests
 * follow the same curve: every pod has the template's requests), the peaks, the pod-hours, and a cursor at the
 * scrubber's time. The chart is SVG built element by element (no markup parsed); colours come from CSS classes.
 */
import { clear, el } from '../dom';
import { formatClock, formatDuration, formatOffset, parseTime } from '../format';
import { t as tr, tNodes } from '../l10n';
import { podCount } from '../counts';
import type { Timeline } from '../timelineTypes';
import { downsample, footprint, formatCpu, formatMemory, plotRange, podsAt, type PodRequests } from './footprint';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The chart's drawing coordinates; the SVG stretches them to the section's width. */
const WIDTH = 600;
const HEIGHT = 100;

export interface FootprintPanel {
  readonly element: HTMLElement;
  setTime(t: number): void;
}

function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** `3 pods · 750m CPU · 192Mi`. */
function amount(pods: number, requests: PodRequests | null): string {
  const parts = [podCount(pods)];
  if (requests) {
    if (requests.cpuMillis > 0) parts.push(formatCpu(pods * requests.cpuMillis));
    if (requests.memoryBytes > 0) parts.push(formatMemory(pods * requests.memoryBytes));
  }
  return parts.join(' · ');
}

export function createFootprintPanel(doc: Document, timeline: Timeline, time: number): FootprintPanel {
  const data = footprint(timeline);
  const startMs = parseTime(timeline.startTime);
  const when = (t: number): string => `${formatOffset(t)}${Number.isFinite(startMs) ? ` (${formatClock(startMs, t)})` : ''}`;
  const range = plotRange(data);
  const span = range.to - range.from || 1;
  const peak = Math.max(1, data.peakPods.value);
  const x = (t: number): number => ((t - range.from) / span) * WIDTH;
  // Headroom above the peak, so that a flat line at the peak is not lost in the chart's edge.
  const y = (pods: number): number => HEIGHT - (pods / peak) * HEIGHT * 0.85;

  // The step line: horizontal at each value, vertical at each change.
  const steps = downsample(data.steps, range.from, range.to, WIDTH);
  let d = `M${x(range.from).toFixed(2)} ${HEIGHT}`;
  let lastY = HEIGHT;
  for (const step of steps) {
    const sx = x(step.at).toFixed(2);
    d += ` L${sx} ${lastY.toFixed(2)} L${sx} ${(lastY = y(step.pods)).toFixed(2)}`;
  }
  d += ` L${WIDTH} ${lastY.toFixed(2)}`;
  const area = svg(doc, 'path', { class: 'footprint-area', d: `${d} L${WIDTH} ${HEIGHT} Z` });
  const line = svg(doc, 'path', { class: 'footprint-line', d, 'vector-effect': 'non-scaling-stroke' });
  const peakLine = svg(doc, 'line', { class: 'footprint-peak', x1: 0, x2: WIDTH, y1: y(data.peakPods.value), y2: y(data.peakPods.value), 'vector-effect': 'non-scaling-stroke' });
  const cursor = svg(doc, 'line', { class: 'footprint-cursor', y1: 0, y2: HEIGHT, 'vector-effect': 'non-scaling-stroke' });
  const chart = svg(doc, 'svg', { class: 'footprint-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img' });
  const title = svg(doc, 'title');
  title.textContent = tr('Active pods over time; at most {0} at {1}', amount(data.peakPods.value, data.requests), when(data.peakPods.at));
  chart.append(title, area, peakLine, line, cursor);

  const readout = el(doc, 'p', { class: 'footprint-readout', attrs: { 'aria-live': 'off' } });
  const facts: [string, string][] = [
    [tr('Peak pods'), data.peakPods.value > 0 ? tr('{0} at {1}', data.peakPods.value, when(data.peakPods.at)) : tr('none ran')],
  ];
  if (data.requests && data.peakCpuMillis && data.requests.cpuMillis > 0) facts.push([tr('Peak CPU requests'), tr('{0} at {1}', formatCpu(data.peakCpuMillis.value), when(data.peakCpuMillis.at))]);
  if (data.requests && data.peakMemoryBytes && data.requests.memoryBytes > 0) facts.push([tr('Peak memory requests'), tr('{0} at {1}', formatMemory(data.peakMemoryBytes.value), when(data.peakMemoryBytes.at))]);
  const hours = `${tr('{0} pod-hours', roundHours(data.podHours))}${data.podHours > 0 && data.podHours < 10 ? ` ${tr('({0} of pod time)', formatDuration(data.podHours * 3600))}` : ''}`;
  const extra = [
    data.cpuCoreHours !== null && data.requests && data.requests.cpuMillis > 0 ? tr('{0} CPU core-hours', roundHours(data.cpuCoreHours)) : '',
    data.memoryGibHours !== null && data.requests && data.requests.memoryBytes > 0 ? tr('{0} GiB-hours', roundHours(data.memoryGibHours)) : '',
  ].filter(Boolean);
  facts.push([tr('Pod-hours'), extra.length > 0 ? `${hours} (${extra.join(tr(', '))})` : hours]);

  const element = el(doc, 'section', { class: 'footprint', attrs: { 'aria-label': tr('Footprint') } }, [
    el(doc, 'h2', { text: tr('Footprint') }),
    el(doc, 'p', { class: 'hint', text: tr('Pods created and not yet finished or gone, and the resources they request, over the run.') }),
    el(doc, 'dl', { class: 'footprint-facts' }, facts.flatMap(([k, v]) => [el(doc, 'dt', { text: k }), el(doc, 'dd', { text: v })])),
    data.requests ? null : el(doc, 'p', { class: 'note footprint-no-requests', text: tr('The pod template requests no CPU or memory, so only pods are counted.') }),
    el(doc, 'div', { class: 'footprint-plot' }, [
      el(doc, 'span', { class: 'footprint-axis-max', text: amount(data.peakPods.value, data.requests) }),
      chart,
      el(doc, 'div', { class: 'footprint-axis-x' }, [el(doc, 'span', { text: formatOffset(range.from) }), el(doc, 'span', { text: formatOffset(range.to) })]),
    ]),
    range.idleAfter !== null ? el(doc, 'p', { class: 'note', text: tr('No pod is active after {0}; the run goes on to {1}.', formatOffset(range.idleAfter), formatOffset(data.to)) }) : null,
    readout,
  ]);

  function setTime(t: number): void {
    const cx = Math.min(WIDTH, Math.max(0, x(t))).toFixed(2);
    cursor.setAttribute('x1', cx);
    cursor.setAttribute('x2', cx);
    clear(readout);
    readout.append(...tNodes('At {0}: {1} active', formatOffset(t), el(doc, 'strong', { text: amount(podsAt(data.steps, t), data.requests) })));
  }
  setTime(time);
  return { element, setTime };
}

/** Pod-hours as people read them: 3 significant figures, at most 2 decimals. */
function roundHours(hours: number): string {
  if (hours === 0) return '0';
  if (hours >= 100) return String(Math.round(hours));
  return String(Number(hours.toPrecision(3)));
}
