/**
 * A DaemonSet rollout's steps: on each node, where the old revision's pod was deleted and the new revision's
 * pod became ready. Derived from the timeline's pods. Pure.
 *
 * Kubernetes: the DaemonSet controller's rolling update deletes up to maxUnavailable old pods at a time and
 * creates each node's new pod once the old one is gone, or with maxSurge creates the new pod first and
 * deletes the old one when the new is available (pkg/controller/daemon/update.go, rollingUpdate).
 */
import type { Timeline, TimelinePod } from '../timelineTypes';

export interface RolloutStep {
  /** 1, 2, 3, ... in the order the steps began. */
  readonly n: number;
  readonly node: string;
  readonly oldPod: string;
  readonly newPod: string;
  readonly fromRevision: number | null;
  readonly toRevision: number | null;
  /** When the step began: the old pod's deletion, or the new pod's creation when it came first (surge). */
  readonly startedAt: number;
  readonly oldDeletedAt: number | null;
  readonly newCreatedAt: number;
  /** When the new pod became Ready; null if it did not during the run. */
  readonly newReadyAt: number | null;
}

export function rolloutSteps(timeline: Timeline): RolloutStep[] {
  const byNode = new Map<string, TimelinePod[]>();
  for (const pod of timeline.pods ?? []) {
    if (pod.node === null || pod.node === undefined) continue;
    const list = byNode.get(pod.node);
    if (list) list.push(pod);
    else byNode.set(pod.node, [pod]);
  }
  const found: Omit<RolloutStep, 'n'>[] = [];
  for (const [node, list] of byNode) {
    const pods = [...list].sort((a, b) => a.createdAt - b.createdAt);
    const used = new Set<TimelinePod>();
    for (const next of pods) {
      if (next.revision === null || next.revision === undefined) continue;
      // the latest earlier pod of another revision on this node that was (or is being) deleted
      let old: TimelinePod | undefined;
      for (const p of pods) {
        if (p === next || used.has(p) || p.createdAt > next.createdAt) continue;
        if (p.revision === null || p.revision === undefined || p.revision === next.revision) continue;
        if (p.deletedAt === null || p.deletedAt === undefined) continue;
        old = p;
      }
      if (!old) continue;
      used.add(old);
      const deleted = old.deletedAt ?? null;
      found.push({
        node,
        oldPod: old.name,
        newPod: next.name,
        fromRevision: old.revision,
        toRevision: next.revision,
        startedAt: deleted === null ? next.createdAt : Math.min(deleted, next.createdAt),
        oldDeletedAt: deleted,
        newCreatedAt: next.createdAt,
        newReadyAt: next.readyAt ?? null,
      });
    }
  }
  return found.sort((a, b) => a.startedAt - b.startedAt || a.node.localeCompare(b.node)).map((s, i) => ({ n: i + 1, ...s }));
}
