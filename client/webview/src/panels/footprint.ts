/**
 * What a run costs the cluster: how many pods are active over time (created and not yet finished or gone:
 * a pod holds its node's resources, as far as the scheduler counts requests, until it reaches a terminal phase
 * or is removed), the summed CPU and memory requests of those pods (every pod has the template's requests),
 * the peaks and the pod-hours. Pure: computed from the Timeline only; footprintPanel.ts draws it.
 */
import { t } from '../l10n';
import type { Timeline } from '../timelineTypes';

/** The pod template's summed container requests (Timeline.podRequests). */
export interface PodRequests {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

export interface FootprintStep {
  /** From this time (seconds since the start) ... */
  readonly at: number;
  /** ... this many pods are active, until the next step. */
  readonly pods: number;
}

export interface Peak {
  readonly value: number;
  /** When it was first reached, seconds since the start. */
  readonly at: number;
}

export interface Footprint {
  /** Active pods as a step function, in time order, one step per change; starts at `from`. */
  readonly steps: readonly FootprintStep[];
  readonly from: number;
  readonly to: number;
  readonly peakPods: Peak;
  /** Per-pod requests; null when the template requests nothing (or the Timeline does not say). */
  readonly requests: PodRequests | null;
  /** Peak summed requests (the pod peak times the per-pod requests); null without requests. */
  readonly peakCpuMillis: Peak | null;
  readonly peakMemoryBytes: Peak | null;
  /** Sum over pods of the time each was active, in hours. */
  readonly podHours: number;
  /** podHours times the CPU request in cores, and the memory request in GiB; null without requests. */
  readonly cpuCoreHours: number | null;
  readonly memoryGibHours: number | null;
}

/** The Timeline's pod requests, when the engine wrote them (an older Timeline has none). */
export function podRequestsOf(timeline: Timeline): PodRequests | null {
  const requests = (timeline as Timeline & { readonly podRequests?: PodRequests | null }).podRequests;
  if (!requests || !(requests.cpuMillis > 0 || requests.memoryBytes > 0)) return null;
  return requests;
}

export function footprint(timeline: Timeline): Footprint {
  const to = Number.isFinite(timeline.duration) ? timeline.duration : 0;
  const changes = new Map<number, number>();
  const bump = (at: number, delta: number): void => {
    changes.set(at, (changes.get(at) ?? 0) + delta);
  };
  let from = 0;
  let podSeconds = 0;
  for (const pod of timeline.pods) {
    const start = pod.createdAt;
    const stopped = [pod.finishedAt, pod.goneAt].filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x) && x < to);
    // A pod still active when the run stopped counts to the end, and stays counted at the end itself.
    const end = Math.max(start, stopped.length > 0 ? Math.min(...stopped) : to);
    if (end <= start && stopped.length > 0) continue;
    from = Math.min(from, start);
    podSeconds += end - start;
    bump(start, 1);
    if (stopped.length > 0) bump(end, -1);
  }
  const steps: FootprintStep[] = [{ at: from, pods: 0 }];
  let pods = 0;
  let peak: Peak = { value: 0, at: from };
  for (const at of [...changes.keys()].sort((a, b) => a - b)) {
    const delta = changes.get(at) ?? 0;
    if (delta === 0) continue;
    pods += delta;
    if (steps[steps.length - 1].at === at) steps[steps.length - 1] = { at, pods };
    else steps.push({ at, pods });
    if (pods > peak.value) peak = { value: pods, at };
  }
  const requests = podRequestsOf(timeline);
  const podHours = podSeconds / 3600;
  return {
    steps,
    from,
    to: Math.max(to, from),
    peakPods: peak,
    requests,
    peakCpuMillis: requests ? { value: peak.value * requests.cpuMillis, at: peak.at } : null,
    peakMemoryBytes: requests ? { value: peak.value * requests.memoryBytes, at: peak.at } : null,
    podHours,
    cpuCoreHours: requests ? (podHours * requests.cpuMillis) / 1000 : null,
    memoryGibHours: requests ? (podHours * requests.memoryBytes) / 2 ** 30 : null,
  };
}

/**
 * The span worth drawing: from the first pod to the last one gone, with a little room after it; the whole run
 * when pods are still active at its end. A TTL or idle tail (minutes with no pod) would squeeze the curve
 * into a corner of the chart otherwise.
 */
export function plotRange(f: Footprint): { from: number; to: number; idleAfter: number | null } {
  const last = f.steps[f.steps.length - 1];
  if (!last || last.pods > 0 || f.steps.length < 2 || last.at >= f.to) return { from: f.from, to: f.to, idleAfter: null };
  const busy = last.at - f.from;
  const to = Math.min(f.to, last.at + Math.max(busy * 0.05, 1));
  return { from: f.from, to, idleAfter: to < f.to ? last.at : null };
}

/** Active pods at t (the step in effect at t). */
export function podsAt(steps: readonly FootprintStep[], t: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid].at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : steps[lo - 1].pods;
}

/**
 * At most `buckets` steps for drawing: each bucket keeps its highest value, so a short peak is never lost
 * (10,000 pods make 20,000 steps; the chart is a few hundred pixels wide).
 */
export function downsample(steps: readonly FootprintStep[], from: number, to: number, buckets: number): FootprintStep[] {
  if (steps.length <= buckets * 2 || !(to > from)) return [...steps];
  const width = (to - from) / buckets;
  const out: FootprintStep[] = [];
  let i = 0;
  let current = 0;
  for (let b = 0; b < buckets; b++) {
    const start = from + b * width;
    const end = b === buckets - 1 ? Infinity : start + width;
    let max = current;
    while (i < steps.length && steps[i].at < end) {
      current = steps[i].pods;
      max = Math.max(max, current);
      i++;
    }
    out.push({ at: start, pods: max });
  }
  return out;
}

/** `250m`, `1.5 cores`, `2 cores`: a CPU quantity as people write it. */
export function formatCpu(millis: number): string {
  if (millis < 1000) return `${round(millis)}m CPU`;
  const cores = millis / 1000;
  return cores === 1 ? t('{0} core', round(cores)) : t('{0} cores', round(cores));
}

/** `64Mi`, `1.5Gi`: memory in binary units, as Kubernetes quantities read. */
export function formatMemory(bytes: number): string {
  const units: [string, number][] = [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ];
  for (const [unit, size] of units) if (bytes >= size) return `${round(bytes / size)}${unit}`;
  return `${round(bytes)}B`;
}

/** At most two decimals, no trailing zeros. */
function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
