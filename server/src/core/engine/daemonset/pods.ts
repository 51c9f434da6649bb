/**
 * Daemon pods as the controller sees them: which pods it claims (getDaemonPods: ControllerRefManager
 * ClaimPods), grouped by the node they are meant for (getNodesToDaemonPods), in which order it looks at
 * them (podByCreationTimestampAndPhase) and when one counts as available (podutil.IsPodAvailable).
 */
import { selectorMatches } from '../../model/labelSelector';
import type { LabelSelector } from '../../model/types';
import type { DaemonPodView } from './types';

/** podutil.IsPodTerminal. */
export function isPodTerminal(pod: DaemonPodView): boolean {
  return pod.phase === 'Failed' || pod.phase === 'Succeeded';
}

/**
 * podutil.IsPodAvailable: Ready, and either minReadySeconds is 0 or the Ready condition's lastTransitionTime
 * plus minReadySeconds is strictly before now (a zero lastTransitionTime never is).
 */
export function isPodAvailable(pod: DaemonPodView, minReadySeconds: number, now: number): boolean {
  if (!pod.ready) return false;
  if (minReadySeconds === 0) return true;
  return pod.readyTransitionTime !== null && pod.readyTransitionTime + minReadySeconds * 1000 < now;
}

/**
 * podByCreationTimestampAndPhase: scheduled pods (spec.nodeName set) first, then the oldest creationTimestamp
 * (the zero time is oldest), then the name.
 */
export function compareDaemonPods(a: DaemonPodView, b: DaemonPodView): number {
  const aScheduled = a.nodeName !== '';
  const bScheduled = b.nodeName !== '';
  if (aScheduled !== bScheduled) return aScheduled ? -1 : 1;
  const at = a.creationTimestamp ?? -Infinity;
  const bt = b.creationTimestamp ?? -Infinity;
  if (at === bt) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return at < bt ? -1 : 1;
}

/** Pods of one DaemonSet grouped by target node; insertion order is the order pods were listed in. */
export type NodeToDaemonPods = Map<string, DaemonPodView[]>;

/**
 * getNodesToDaemonPods(ds, includeDeletedTerminal): the pods the DaemonSet claims (ClaimPods: its own pods
 * that still match the selector, plus orphans that match, adopted; its own pods that no longer match are
 * released and ignored; other controllers' pods are never touched), without terminal pods that are already
 * being deleted unless includeDeletedTerminal, grouped by util.GetTargetNodeName (pods without a target are
 * skipped).
 */
export function nodesToDaemonPods(pods: Iterable<DaemonPodView>, selector: LabelSelector | undefined, includeDeletedTerminal: boolean): NodeToDaemonPods {
  const grouped: NodeToDaemonPods = new Map();
  for (const pod of pods) {
    if (!claims(pod, selector)) continue;
    if (!includeDeletedTerminal && isPodTerminal(pod) && pod.deletionTimestamp !== null) continue;
    if (pod.targetNode === null) continue;
    const list = grouped.get(pod.targetNode);
    if (list === undefined) grouped.set(pod.targetNode, [pod]);
    else list.push(pod);
  }
  return grouped;
}

/** ClaimPods for one pod: whether the DaemonSet keeps (or adopts) it. */
export function claims(pod: DaemonPodView, selector: LabelSelector | undefined): boolean {
  if (pod.owner === 'other') return false;
  const matches = selectorMatches(selector, pod.labels) === true;
  // An owned pod that no longer matches is released (orphaned); an orphan that matches is adopted, unless it
  // is already being deleted (ClaimObject does not adopt those).
  if (pod.owner === 'self') return matches;
  return matches && pod.deletionTimestamp === null;
}

/**
 * syncDaemonSet: reflect.DeepEqual(ds.Spec.Selector, &metav1.LabelSelector{}) — a selector with neither
 * matchLabels nor matchExpressions. Such a DaemonSet would claim every pod in its namespace; the controller
 * records SelectingAll and does nothing else.
 */
export function selectsAllPods(selector: LabelSelector | undefined): boolean {
  return selector !== undefined && selector.matchLabels === undefined && selector.matchExpressions === undefined;
}
