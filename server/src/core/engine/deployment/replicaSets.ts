/**
 * Which ReplicaSets a Deployment sees as new and old, and the orders the controller walks them in:
 * deployment_util.go FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash, FindActiveOrLatest,
 * ReplicaSetsByRevision, and controller_utils.go ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder,
 * ReplicaSetsBySizeNewer, FilterActiveReplicaSets.
 */
import { canonicalJson } from '../daemonset/history';
import { withoutServerDefaults } from './templateDefaults';
import { POD_TEMPLATE_HASH, type ReplicaSetView } from './types';
import { revisionOf } from './util';

/** ReplicaSetsByCreationTimestamp: oldest first (the zero time is oldest), then by name. */
export function byCreationTimestamp(a: ReplicaSetView, b: ReplicaSetView): number {
  const at = a.createdAt ?? -Infinity;
  const bt = b.createdAt ?? -Infinity;
  if (at === bt) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return at < bt ? -1 : 1;
}

/** ReplicaSetsBySizeOlder: largest first; equal sizes oldest first (scaling down takes from older ones first). */
export function bySizeOlder(a: ReplicaSetView, b: ReplicaSetView): number {
  if (a.replicas === b.replicas) return byCreationTimestamp(a, b);
  return b.replicas - a.replicas;
}

/** ReplicaSetsBySizeNewer: largest first; equal sizes newest first (scaling up gives to newer ones first). */
export function bySizeNewer(a: ReplicaSetView, b: ReplicaSetView): number {
  if (a.replicas === b.replicas) return byCreationTimestamp(b, a);
  return b.replicas - a.replicas;
}

/** ReplicaSetsByRevision: lowest revision first; equal (or unparsable) by creation time. */
export function byRevision(a: ReplicaSetView, b: ReplicaSetView): number {
  const ra = revisionOf(a.annotations);
  const rb = revisionOf(b.annotations);
  if (ra === null || rb === null || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export function activeReplicaSets(sets: readonly (ReplicaSetView | null)[]): ReplicaSetView[] {
  const out: ReplicaSetView[] = [];
  for (const rs of sets) if (rs !== null && rs.replicas > 0) out.push(rs);
  return out;
}

/**
 * Normalises `labels: {}` and no labels, which EqualIgnoreHash treats alike once the hash label is gone, and
 * takes out the API server's defaults (both sides are defaulted in a cluster; see templateDefaults.ts).
 */
function comparable(written: Readonly<Record<string, unknown>>): string {
  let text = comparableCache.get(written);
  if (text === undefined) {
    text = comparableText(written);
    comparableCache.set(written, text);
  }
  return text;
}

/**
 * Templates are never changed in place (a change makes a new object), and the controller compares the same
 * ones on every sync of a long rollout: each is reduced once.
 */
const comparableCache = new WeakMap<object, string>();

function comparableText(written: Readonly<Record<string, unknown>>): string {
  const template = withoutServerDefaults(written);
  const metadata = template.metadata;
  if (metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const meta = metadata as Record<string, unknown>;
    const labels = meta.labels;
    const rest = labels !== null && typeof labels === 'object' && !Array.isArray(labels) ? { ...(labels as Record<string, unknown>) } : undefined;
    if (rest !== undefined) delete rest[POD_TEMPLATE_HASH];
    const copy: Record<string, unknown> = { ...meta };
    if (rest === undefined || Object.keys(rest).length === 0) delete copy.labels;
    else copy.labels = rest;
    return canonicalJson({ ...template, metadata: copy });
  }
  return canonicalJson(template);
}

/** EqualIgnoreHash: the templates are equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return comparable(a) === comparable(b);
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label);
 * "In rare cases, such as after cluster upgrades, Deployment may end up with having more than one new
 * ReplicaSets that have the same template as its template": the oldest one wins.
 */
export function findNewReplicaSet(template: Readonly<Record<string, unknown>>, sets: readonly ReplicaSetView[]): ReplicaSetView | null {
  const wanted = comparable(template);
  const sorted = [...sets].sort(byCreationTimestamp);
  for (const rs of sorted) if (comparable(rs.template) === wanted) return rs;
  return null;
}

/** FindOldReplicaSets: every other ReplicaSet (all), and those of them with replicas (required). */
export function findOldReplicaSets(template: Readonly<Record<string, unknown>>, sets: readonly ReplicaSetView[]): { readonly required: ReplicaSetView[]; readonly all: ReplicaSetView[] } {
  const newRS = findNewReplicaSet(template, sets);
  const all: ReplicaSetView[] = [];
  const required: ReplicaSetView[] = [];
  for (const rs of sets) {
    if (newRS !== null && rs.uid === newRS.uid) continue;
    all.push(rs);
    if (rs.replicas !== 0) required.push(rs);
  }
  return { required, all };
}

/**
 * FindActiveOrLatest: the only active ReplicaSet, or the newest one when none is active (the new one if
 * any); null when several are active (they are scaled proportionally).
 */
export function findActiveOrLatest(newRS: ReplicaSetView | null, oldRSs: readonly ReplicaSetView[]): ReplicaSetView | null {
  if (newRS === null && oldRSs.length === 0) return null;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  if (active.length === 1) return active[0];
  return null;
}
