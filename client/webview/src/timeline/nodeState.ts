/**
 * What a DaemonSet node lane's dot says at time t: the state of the node's pod then, and its revision (the
 * dot takes the revision's colour, as the lane's bars do). Pure.
 */
import { podStateAt, type PodState } from '../podState';
import type { TimelinePod } from '../timelineTypes';

export interface NodeStateAt {
  readonly state: PodState;
  /** The pod the state is of (undefined: the node never had one). */
  readonly pod?: TimelinePod;
  /** Its template revision, when known. */
  readonly revision?: number;
}

const LIVE: ReadonlySet<PodState> = new Set(['pending', 'running', 'ready', 'terminating', 'succeeded', 'failed']);

/**
 * The node's pod at t: of the pods there then, the newest (during a rolling update a new pod may be pending
 * beside the old one terminating: the new one is where the node is going); when none is there, the last one
 * gone (`gone`), else the first to come (`absent`).
 */
export function nodeStateAt(pods: readonly TimelinePod[], t: number): NodeStateAt {
  let live: TimelinePod | undefined;
  let lastGone: TimelinePod | undefined;
  for (const pod of pods) {
    const state = podStateAt(pod, t);
    if (LIVE.has(state)) {
      if (!live || pod.createdAt >= live.createdAt) live = pod;
    } else if (state === 'gone' && (!lastGone || pod.createdAt >= lastGone.createdAt)) lastGone = pod;
  }
  const pod = live ?? lastGone ?? [...pods].sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!pod) return { state: 'absent' };
  return { state: podStateAt(pod, t), pod, revision: pod.revision ?? undefined };
}
