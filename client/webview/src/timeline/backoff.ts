/**
 * Back-off gaps: the wait between a failed pod and the pod that replaces it, and between a container's exit
 * and its restart in the same pod. Derived from the timeline's timestamps only. Pure.
 *
 * Kubernetes: the Job controller delays a replacement by 10 s × 2^(failures-1), capped at 6 min
 * (pkg/controller/job/backoff_utils.go, getRemainingTime); the kubelet delays a container restart the same way
 * (CrashLoopBackOff, pkg/kubelet/kuberuntime/kuberuntime_manager.go, doBackOff).
 */
import { formatDuration } from '../format';
import { t } from '../l10n';
import { terminalState } from '../podState';
import type { TimelinePod } from '../timelineTypes';

export interface BackoffGap {
  /** The pod that waited (the replacement, or the restarting pod). */
  readonly pod: string;
  /** The pod whose failure started the wait (the same pod for a restart). */
  readonly after: string;
  readonly from: number;
  readonly to: number;
  readonly kind: 'replacement' | 'restart';
  /** `back-off 20s` */
  readonly label: string;
}

const EPSILON = 1e-6;
/** Gaps shorter than this are the controller's reaction time, not a back-off. */
const MIN_GAP = 0.5;

function gap(pod: string, after: string, from: number, to: number, kind: BackoffGap['kind']): BackoffGap {
  return { pod, after, from, to, kind, label: t('back-off {0}', formatDuration(to - from)) };
}

/**
 * Each failed pod is paired with the first pod created at or after its failure by the same Job (and, for an
 * Indexed Job, for the same completion index) that no earlier failure took; the time between is the gap.
 */
export function backoffGaps(pods: readonly TimelinePod[]): BackoffGap[] {
  const out: BackoffGap[] = [];
  const groups = new Map<string, TimelinePod[]>();
  for (const pod of pods) {
    const key = `${pod.job ?? ''}\u0000${pod.index ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(pod);
    else groups.set(key, [pod]);
    const runs = pod.runs ?? [];
    for (let i = 1; i < runs.length; i++) {
      const end = runs[i - 1].finishedAt;
      if (end !== null && runs[i].startedAt - end >= MIN_GAP) out.push(gap(pod.name, pod.name, end, runs[i].startedAt, 'restart'));
    }
  }
  for (const list of groups.values()) {
    if (list[0].job === null) continue;
    const byCreation = [...list].sort((a, b) => a.createdAt - b.createdAt);
    const taken = new Set<TimelinePod>();
    const failures = byCreation
      .filter((p) => p.finishedAt !== null && terminalState(p) === 'failed')
      .sort((a, b) => (a.finishedAt as number) - (b.finishedAt as number));
    for (const failed of failures) {
      const at = failed.finishedAt as number;
      const next = byCreation.find((p) => p !== failed && !taken.has(p) && p.createdAt >= at - EPSILON);
      if (!next) continue;
      taken.add(next);
      if (next.createdAt - at >= MIN_GAP) out.push(gap(next.name, failed.name, at, next.createdAt, 'replacement'));
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
