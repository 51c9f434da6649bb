/**
 * The chart's rows as data: what each row shows (label, badges, bars, gaps, marks), for the DOM view
 * (virtualRows.ts) and the SVG export (svg.ts) alike. One builder per kind:
 *  - Job: one row per pod, grouped under a head per completion index for an Indexed Job; back-off gaps;
 *  - CronJob: one compact row per Job run with its pods inline; runs that look alike collapsed;
 *  - DaemonSet: one lane per node, pods coloured by template revision, the rollout's steps numbered.
 * Pure: no DOM.
 */
import { podCount, restartCount, taintCount } from '../counts';
import { formatDuration, formatOffset } from '../format';
import { t as tr } from '../l10n';
import { podStateAt, segmentsOf, type PodState } from '../podState';
import type { Timeline, TimelineJob, TimelineNode, TimelinePod } from '../timelineTypes';
import { backoffGaps, type BackoffGap } from './backoff';
import { nodeStateAt } from './nodeState';
import { barLabel, podTooltip, type BarLabel, type Tone } from './podText';
import { rolloutSteps, type RolloutStep } from './rollout';
import { collapseRuns, jobRuns, latenessClass, latenessText, type JobRun } from './runs';
import { shortenMiddle } from './shorten';
import { ordinalRows, replicaSetRows } from './workloadRows';

export type BarItem =
  | { readonly type: 'seg'; readonly from: number; readonly to: number; readonly state: PodState; readonly tail?: boolean; readonly pod?: string; readonly revision?: number; readonly slot?: number }
  | { readonly type: 'gap'; readonly from: number; readonly to: number; readonly text: string }
  | { readonly type: 'span'; readonly from: number; readonly to: number; readonly cls: string }
  | { readonly type: 'mark'; readonly at: number; readonly cls: string; readonly text: string; readonly title: string }
  /** A step of a size over time (a ReplicaSet's pods): `value` of `max` fills that share of the row's height. */
  | { readonly type: 'level'; readonly from: number; readonly to: number; readonly value: number; readonly max: number; readonly cls: string };

export type RowKind = 'pod' | 'index' | 'run' | 'collapsed' | 'node' | 'replicaset' | 'ordinal';

export interface RowModel {
  /** Unique among the rows; the DOM keeps rendered rows by it. */
  readonly key: string;
  readonly kind: RowKind;
  /** Shown (shortened in the middle where long). */
  readonly label: string;
  /** The full name and facts, for the tooltip (built when the row is drawn: 10,000 rows need not all have one). */
  readonly title: () => string;
  readonly badges: readonly { readonly text: string; readonly title: string; readonly cls?: string }[];
  readonly items: readonly BarItem[];
  /** The pod the row stands for: selecting the row selects it; its state at time t marks the row. */
  readonly pod?: TimelinePod;
  /** Every pod drawn in the row. */
  readonly pods: readonly TimelinePod[];
  readonly barLabel?: BarLabel & { readonly from: number; readonly to: number };
  /** For a collapsed line: how many runs it stands for. */
  readonly count?: number;
  /** For a DaemonSet node lane. */
  readonly node?: string;
  /** For a node lane: its pod's state at t and that pod's revision colour slot (the lane's dot); else `pod`'s state. */
  readonly stateAt?: (t: number) => { readonly state: PodState; readonly revisionSlot?: number };
  /** A ReplicaSet's head: its counts at time t (`3/5 ready`), shown after its label as the scrubber moves. */
  readonly countAt?: (t: number) => string;
}

/** Longest row label, in characters, before it is shortened in the middle. */
export const LABEL_CHARS = 26;

export interface RowOptions {
  /** The end of the run (where open bars end). */
  readonly end: number;
  /** Keys of collapsed lines the user expanded. */
  readonly expanded?: ReadonlySet<string>;
  readonly when: (t: number) => string;
}

export function buildRows(timeline: Timeline, options: RowOptions): RowModel[] {
  const kind = timeline.object?.kind;
  if (kind === 'CronJob') return cronJobRows(timeline, options);
  if (kind === 'DaemonSet') return daemonSetRows(timeline, options);
  if (kind === 'Deployment' || kind === 'ReplicaSet') return replicaSetRows(timeline, options, podRow);
  if (kind === 'StatefulSet') return ordinalRows(timeline, options, podItems);
  return jobRows(timeline, options);
}

const known = (t: number | null | undefined): t is number => t !== null && t !== undefined && Number.isFinite(t);

/** The segments of a pod's bar, as bar items. */
export function podItems(pod: TimelinePod, end: number, extra: { revision?: number; slot?: number } = {}): BarItem[] {
  const items: BarItem[] = segmentsOf(pod, end).map((s) => ({ type: 'seg', from: s.from, to: s.to, state: s.state, tail: s.tail, pod: pod.name, ...extra }));
  if (known(pod.deletedAt) && pod.deletedAt <= end) items.push({ type: 'mark', at: pod.deletedAt, cls: 'deleted-mark', text: '×', title: pod.deletedBy ? tr('{0}: deletion requested {1} by {2}', pod.name, formatOffset(pod.deletedAt), pod.deletedBy) : tr('{0}: deletion requested {1}', pod.name, formatOffset(pod.deletedAt)) });
  return items;
}

/** Where a pod's bar starts and where its active part ends (for the bar's label). */
function activeSpan(pod: TimelinePod, end: number): { from: number; to: number } {
  const segments = segmentsOf(pod, end);
  const from = segments.length > 0 ? segments[0].from : pod.createdAt;
  const active = segments.filter((s) => !s.tail);
  return { from, to: active.length > 0 ? active[active.length - 1].to : from };
}

function gapItems(gaps: readonly BackoffGap[] | undefined): BarItem[] {
  return (gaps ?? []).map((g) => ({ type: 'gap', from: g.from, to: g.to, text: g.label }));
}

function gapsByPod(pods: readonly TimelinePod[]): Map<string, BackoffGap[]> {
  const map = new Map<string, BackoffGap[]>();
  for (const gap of backoffGaps(pods)) {
    const list = map.get(gap.pod);
    if (list) list.push(gap);
    else map.set(gap.pod, [gap]);
  }
  return map;
}

/**
 * A pod's row. Its bar (segments, gaps, marks) and label are worked out the first time they are read: of
 * 10,000 rows only those scrolled into view (or exported) ever are.
 */
export function podRow(pod: TimelinePod, options: RowOptions, gaps?: Map<string, BackoffGap[]>, revisionSlot?: number): RowModel {
  const badges: { text: string; title: string }[] = [];
  if (known(pod.attempt) && pod.attempt > 1) badges.push({ text: tr('try {0}', pod.attempt), title: tr('attempt {0} for index {1}', pod.attempt, pod.index ?? '?') });
  else if (known(pod.index) && !known(pod.attempt)) badges.push({ text: `#${pod.index}`, title: tr('completion index {0}', pod.index) });
  if (pod.restarts > 0) badges.push({ text: `↻${pod.restarts}`, title: restartCount(pod.restarts) });
  let bar: { items: BarItem[]; barLabel: RowModel['barLabel'] } | undefined;
  const draw = (): { items: BarItem[]; barLabel: RowModel['barLabel'] } =>
    (bar ??= { items: [...gapItems(gaps?.get(pod.name)), ...podItems(pod, options.end, revisionSlot !== undefined ? { revision: revisionSlot } : {})], barLabel: { ...barLabel(pod, options.end), ...activeSpan(pod, options.end) } });
  return {
    key: `pod:${pod.name}`,
    kind: 'pod',
    label: shortenMiddle(pod.name, LABEL_CHARS),
    title: () => podTooltip(pod, options.when),
    badges,
    get items() {
      return draw().items;
    },
    get barLabel() {
      return draw().barLabel;
    },
    pod,
    pods: [pod],
    // a pod drawn in its revision's colour has its dot in that colour too
    ...(revisionSlot !== undefined ? { stateAt: (t: number) => ({ state: podStateAt(pod, t), revisionSlot }) } : {}),
  };
}

/** Job: a row per pod; an Indexed Job's pods under a head per completion index, attempts in order. */
function jobRows(timeline: Timeline, options: RowOptions): RowModel[] {
  const pods = timeline.pods ?? [];
  const gaps = gapsByPod(pods);
  if (!pods.some((p) => known(p.index))) return pods.map((p) => podRow(p, options, gaps));
  const byIndex = new Map<number, TimelinePod[]>();
  const other: TimelinePod[] = [];
  for (const pod of pods) {
    if (!known(pod.index)) {
      other.push(pod);
      continue;
    }
    const list = byIndex.get(pod.index);
    if (list) list.push(pod);
    else byIndex.set(pod.index, [pod]);
  }
  const rows: RowModel[] = [];
  for (const [index, list] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0) || a.createdAt - b.createdAt);
    const last = list[list.length - 1];
    const label = barLabel(last, options.end);
    const first = list[0].createdAt;
    const end = last.goneAt ?? last.finishedAt ?? options.end;
    const tone = label.tone === 'good' ? 'succeeded' : label.tone === 'bad' ? 'failed' : 'running';
    rows.push({
      key: `index:${index}`,
      kind: 'index',
      label: tr('index {0}', index),
      title: () => tr('completion index {0}: {1}, the last {2}', index, attemptCount(list.length), label.text),
      badges: [{ text: attemptCount(list.length), title: list.map((p) => p.name).join('\n') }],
      items: [{ type: 'span', from: first, to: end, cls: `index-span tone-${tone}` }],
      pod: last,
      pods: list,
    });
    for (const pod of list) rows.push(podRow(pod, options, gaps));
  }
  for (const pod of other) rows.push(podRow(pod, options, gaps));
  return rows;
}

function runLabel(run: JobRun, end: number): BarLabel {
  const { job, pods } = run;
  const finished = job.finishedAt ?? null;
  const took = finished !== null ? formatDuration(finished - job.createdAt) : '';
  const failedPods = pods.filter((p) => p.phase === 'Failed').length;
  const extra = pods.length > 1 ? ` · ${podCount(pods.length)}${failedPods ? tr(', {0} failed', failedPods) : ''}` : '';
  let text: string;
  let tone: Tone;
  switch (job.result) {
    case 'Complete':
      text = `✓ ${took}`;
      tone = 'good';
      break;
    case 'Failed':
      text = `✗ ${job.reason ?? tr('Failed')}${took ? ` · ${took}` : ''}`;
      tone = 'bad';
      break;
    case 'Replaced':
      text = tr('replaced by the next run');
      tone = 'warn';
      break;
    case 'Suspended':
      text = tr('suspended');
      tone = 'warn';
      break;
    case 'Deleted':
      text = tr('deleted');
      tone = 'muted';
      break;
    default:
      text = job.createdAt <= end ? tr('running') : tr('pending');
      tone = 'neutral';
  }
  return { text: text + extra, tone };
}

/** `, 31s after its scheduled time` for a run created late (a second or more), else nothing. */
function lateText(lateness: number | null): string {
  return lateness !== null && lateness >= 1 ? tr(', {0} after its scheduled time', formatDuration(lateness)) : '';
}

function jobTitle(job: TimelineJob, when: (t: number) => string, lateness: number | null = null): string {
  return [
    `job/${job.name}: ${job.result}${job.reason ? ` (${job.reason})` : ''}`,
    job.scheduledTime ? tr('scheduled {0}', job.scheduledTime) : '',
    `${tr('created {0}', when(job.createdAt))}${lateText(lateness)}`,
    known(job.finishedAt) ? tr('finished {0}', when(job.finishedAt)) : '',
    known(job.deletedAt) ? tr('deleted {0}', when(job.deletedAt)) : '',
    job.message ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

const slug = (s: string): string => s.toLowerCase();

function runRow(run: JobRun, options: RowOptions, gaps: Map<string, BackoffGap[]>): RowModel {
  const { job, pods } = run;
  const end = job.finishedAt ?? job.deletedAt ?? options.end;
  const label = runLabel(run, options.end);
  const items: BarItem[] = [{ type: 'span', from: job.createdAt, to: end, cls: `job-span result-${slug(job.result ?? 'Running')}` }];
  for (const pod of pods) items.push(...gapItems(gaps.get(pod.name)), ...podItems(pod, options.end));
  const lastPod = pods[pods.length - 1];
  const barEnd = pods.length > 0 ? Math.max(...pods.map((p) => activeSpan(p, options.end).to)) : end;
  return {
    key: `job:${job.name}`,
    kind: 'run',
    label: shortenMiddle(job.name, LABEL_CHARS - 4),
    title: () => jobTitle(job, options.when, run.lateness),
    badges: pods.length > 1 ? [{ text: `${pods.length}`, title: podCount(pods.length) }] : [],
    items,
    pod: lastPod,
    pods,
    barLabel: { ...label, from: job.createdAt, to: Math.max(barEnd, job.finishedAt ?? barEnd) },
  };
}

/** CronJob: a row per Job run, look-alike runs collapsed into one line each (unless expanded). */
function cronJobRows(timeline: Timeline, options: RowOptions): RowModel[] {
  const gaps = gapsByPod(timeline.pods ?? []);
  const rows: RowModel[] = [];
  const key = (first: JobRun): string => `more:${first.job.name}`;
  for (const item of collapseRuns(jobRuns(timeline), (first) => options.expanded?.has(key(first)) ?? false)) {
    if (item.kind === 'run') {
      rows.push(runRow(item.run, options, gaps));
      continue;
    }
    const n = item.runs.length;
    const first = item.runs[0].job;
    const last = item.runs[n - 1].job;
    rows.push({
      key: key(item.like),
      kind: 'collapsed',
      label: tr('{0} more runs like this', n),
      title: () =>
        `${tr('{0} more runs like {1}: {2}', n, `job/${item.like.job.name}`, runLabel(item.like, options.end).text)}${item.like.lateness !== null ? ` · ${latenessText(latenessClass(item.like.lateness))}` : ''}\njob/${first.name} … job/${last.name}\n${formatOffset(first.createdAt)} … ${formatOffset(last.createdAt)}`,
      badges: [],
      items: item.runs.map((r) => ({ type: 'span', from: r.job.createdAt, to: r.job.finishedAt ?? r.job.deletedAt ?? options.end, cls: `run-tick result-${slug(r.job.result ?? 'Running')}` })),
      pods: item.runs.flatMap((r) => r.pods),
      count: n,
    });
  }
  return rows;
}

/** The DaemonSet's revisions in the order they appear: revision → colour slot (0..4). */
export function revisionSlots(pods: readonly TimelinePod[]): Map<number, number> {
  const revisions = [...new Set(pods.map((p) => p.revision).filter(known))].sort((a, b) => a - b);
  return new Map(revisions.map((r, i) => [r, i % 5]));
}

function nodeFacts(node: TimelineNode | undefined, pods: readonly TimelinePod[]): string[] {
  if (!node) return pods.length === 0 ? [tr('no pod')] : [];
  return [
    node.addedAt > 0 ? tr('joined {0}', formatOffset(node.addedAt)) : '',
    node.removedAt !== null ? tr('left {0}', formatOffset(node.removedAt)) : '',
    node.unschedulable ? tr('unschedulable') : '',
    node.ready ? '' : tr('not ready'),
    node.taints?.length ? taintCount(node.taints.length) : '',
    pods.length === 0 ? tr('no pod') : '',
  ].filter(Boolean);
}

/** DaemonSet: a lane per node with its pods (overlapping pods, as with maxSurge, on two levels) and the steps. */
function daemonSetRows(timeline: Timeline, options: RowOptions): RowModel[] {
  const pods = timeline.pods ?? [];
  const slots = revisionSlots(pods);
  const steps = rolloutSteps(timeline);
  const byNode = new Map<string, TimelinePod[]>();
  for (const pod of pods) {
    const key = pod.node ?? '';
    const list = byNode.get(key);
    if (list) list.push(pod);
    else byNode.set(key, [pod]);
  }
  const nodes: (TimelineNode | string)[] = [...(timeline.nodes ?? [])];
  for (const name of byNode.keys()) if (!nodes.some((n) => (typeof n === 'string' ? n : n.name) === name)) nodes.push(name);
  return nodes.map((entry) => {
    const node = typeof entry === 'string' ? undefined : entry;
    const name = typeof entry === 'string' ? entry : entry.name;
    const list = [...(byNode.get(name) ?? [])].sort((a, b) => a.createdAt - b.createdAt);
    const items: BarItem[] = [];
    if (node) items.push({ type: 'span', from: node.addedAt, to: node.removedAt ?? options.end, cls: `node-span${node.removedAt !== null ? ' removed' : ''}` });
    const levelEnds: number[] = [];
    for (const pod of list) {
      const podEnd = pod.goneAt ?? options.end;
      let slot = levelEnds.findIndex((e) => e <= pod.createdAt + 1e-9);
      if (slot < 0) slot = levelEnds.length < 2 ? levelEnds.length : 1;
      levelEnds[slot] = podEnd;
      items.push(...podItems(pod, options.end, { revision: known(pod.revision) ? (slots.get(pod.revision) ?? 0) : undefined, slot }));
    }
    const nodeSteps = steps.filter((s) => s.node === name);
    for (const step of nodeSteps) items.push({ type: 'mark', at: step.startedAt, cls: 'rollout-step', text: String(step.n), title: stepTitle(step) });
    if (node && node.addedAt > 0) items.push({ type: 'mark', at: node.addedAt, cls: 'node-join', text: '+', title: tr('{0} joined at {1}', `node/${name}`, options.when(node.addedAt)) });
    if (node && node.removedAt !== null) items.push({ type: 'mark', at: node.removedAt, cls: 'node-leave', text: '−', title: tr('{0} left at {1}', `node/${name}`, options.when(node.removedAt)) });
    const facts = nodeFacts(node, list);
    const labels = node ? Object.entries(node.labels ?? {}).map(([k, v]) => (v ? `${k}=${v}` : k)) : [];
    const title = (): string => [
      name ? `node/${name}` : tr('not scheduled'),
      ...facts,
      labels.length ? tr('labels: {0}', labels.join(', ')) : '',
      ...(node?.taints ?? []).map((taint) => tr('taint {0}', `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`)),
      ...list.map((p) => tr('{0} (revision {1}): {2}', p.name, p.revision ?? '?', barLabel(p, options.end).text)),
      ...nodeSteps.map(stepTitle),
    ]
      .filter(Boolean)
      .join('\n');
    const current = list[list.length - 1];
    return {
      key: `node:${name}`,
      kind: 'node',
      label: name ? shortenMiddle(name, LABEL_CHARS - 4) : tr('not scheduled'),
      title,
      badges: facts.map((f) => ({ text: f, title: f, cls: 'node-fact' })),
      items,
      pod: current,
      pods: list,
      node: name,
      stateAt: (t) => {
        const at = nodeStateAt(list, t);
        return { state: at.state, revisionSlot: at.revision !== undefined ? slots.get(at.revision) : undefined };
      },
    };
  });
}

export function stepTitle(step: RolloutStep): string {
  const parts = [tr('step {0} on {1}: revision {2} → {3}', step.n, `node/${step.node}`, step.fromRevision ?? '?', step.toRevision ?? '?')];
  if (step.oldDeletedAt !== null) parts.push(tr('{0} deleted {1}', step.oldPod, formatOffset(step.oldDeletedAt)));
  parts.push(tr('{0} created {1}', step.newPod, formatOffset(step.newCreatedAt)));
  parts.push(step.newReadyAt !== null ? tr('ready {0}', formatOffset(step.newReadyAt)) : tr('not ready when the run ended'));
  return parts.join(' · ');
}

const attemptCount = (n: number): string => (n === 1 ? tr('{0} attempt', n) : tr('{0} attempts', n));
