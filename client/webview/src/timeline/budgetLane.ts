/**
 * A Deployment's rollout budget as a lane over the time axis (rolloutBudget.ts has the numbers): the pods its
 * ReplicaSets have (a faint area) and the available ones (a solid area), against the most pods allowed
 * (replicas + maxSurge, a dashed line above) and the fewest available allowed (replicas − maxUnavailable, a
 * dashed line below). Where the pods touch the upper line the rollout waits for old pods to go; where the
 * available pods sit on the lower line it waits for new pods to become available. The label says the numbers
 * at the scrubber's time. Drawn as an SVG of a few paths, so a 10,000-replica rollout costs four elements.
 */
import { el } from '../dom';
import { t as tr } from '../l10n';
import type { ViewContext } from './context';
import { budgetAt, budgetText, H, stepPath, type BudgetPoint, type RolloutBudget } from './rolloutBudget';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface BudgetLane {
  readonly element: HTMLElement;
  redraw(): void;
}

export function renderBudgetLane(ctx: ViewContext, budget: RolloutBudget): BudgetLane {
  const { doc } = ctx;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'budget-chart');
  svg.setAttribute('viewBox', `0 0 100 ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const path = (cls: string): SVGPathElement => {
    const p = doc.createElementNS(SVG_NS, 'path');
    p.setAttribute('class', cls);
    p.setAttribute('vector-effect', 'non-scaling-stroke');
    svg.appendChild(p);
    return p;
  };
  const total = path('budget-total');
  const available = path('budget-available');
  const maxLine = path('budget-max');
  const minLine = path('budget-min');
  const top = Math.max(1, ...budget.points.map((p) => Math.max(p.maxPods, p.total)));
  const y = (v: number): number => H - (v / top) * (H - 3);

  const now = el(doc, 'span', { class: 'budget-now' });
  const strategyText = budget.strategy === 'RollingUpdate' ? tr('maxSurge {0}, maxUnavailable {1}', budget.maxSurge, budget.maxUnavailable) : tr('Recreate: every old pod goes before a new one is made');
  const label = el(doc, 'div', { class: 'lane-label' }, [el(doc, 'span', { class: 'lane-name', text: tr('Rollout budget') }), now]);
  const track = el(doc, 'div', { class: 'lane-track budget-track' }, [svg]);
  const element = el(doc, 'div', { class: 'gantt-lane lane-budget', attrs: { 'data-strategy': budget.strategy } }, [label, track]);

  function describe(): void {
    const point = budgetAt(budget, ctx.time);
    now.textContent = budgetText(point);
    const bounds = point
      ? tr('replicas {0} + maxSurge = at most {1} pods; replicas {0} − maxUnavailable = at least {2} available', point.replicas, point.maxPods, point.minAvailable)
      : '';
    element.setAttribute('title', [strategyText, bounds, tr('At {0}: {1}', ctx.when(ctx.time), budgetText(point))].filter(Boolean).join('\n'));
  }

  function redraw(): void {
    // the points in view (and the one before, which is in force at the window's left edge)
    const visible: BudgetPoint[] = [];
    for (const point of budget.points) {
      const x = ctx.x(point.at);
      if (x > 101) break;
      if (x < -1 && visible.length > 0) visible.shift();
      visible.push(point);
    }
    const endX = Math.min(101, ctx.x(ctx.to));
    const xs = visible.map((p) => Math.max(-1, ctx.x(p.at)));
    const series = (value: (p: BudgetPoint) => number): { x: number; y: number }[] => visible.map((p, i) => ({ x: xs[i], y: y(value(p)) }));
    total.setAttribute('d', stepPath(series((p) => p.total), endX, true));
    available.setAttribute('d', stepPath(series((p) => p.available), endX, true));
    maxLine.setAttribute('d', stepPath(series((p) => p.maxPods), endX, false));
    minLine.setAttribute('d', stepPath(series((p) => p.minAvailable), endX, false));
    describe();
  }
  ctx.on('time', describe);
  return { element, redraw };
}
