/**
 * ControllerRevisions: update.go constructHistory, dedupCurHistories, snapshot, cleanupHistory, Match /
 * getPatch, and kubectl's side of `rollout undo` (polymorphichelpers/rollback.go DaemonSetRollbacker,
 * findHistory).
 *
 * A revision's `data` is getPatch(ds): `{"spec":{"template":{...,"$patch":"replace"}}}`; a DaemonSet matches
 * a revision when its template gives the same bytes. Here the template is serialised as canonical JSON
 * (sorted keys), so equal templates give equal data, as in the API. The hash (the revision's name suffix and
 * the pods' controller-revision-hash label) is computed like controller.ComputeHash — FNV-32a, then
 * rand.SafeEncodeString of its decimal form — but over that JSON rather than Go's object dump, so the values
 * differ from a real cluster's (same shape: up to 10 characters of bcdfghjklmnpqrstvwxz2456789).
 */
import { NAME_ALPHABET } from '../random';

export interface Revision {
  /** `<ds name>-<hash>`. */
  readonly name: string;
  readonly hash: string;
  readonly revision: number;
  /** getPatch of the template it records. */
  readonly data: string;
}

/** getPatch: the template to restore, as a strategic merge patch that replaces spec.template. */
export function templatePatch(template: unknown): string {
  const replaced = isRecord(template) ? { ...template, $patch: 'replace' } : { $patch: 'replace' };
  return canonicalJson({ spec: { template: replaced } });
}

/** The template recorded in a revision's data. */
export function templateOfPatch(data: string): Record<string, unknown> {
  const parsed = JSON.parse(data) as { spec?: { template?: Record<string, unknown> } };
  const template = { ...(parsed.spec?.template ?? {}) };
  delete template.$patch;
  return template;
}

/**
 * controller.ComputeHash(template, collisionCount): FNV-32a over the template (here its canonical JSON), then
 * the collision count as 4 little-endian bytes when set; SafeEncodeString of the decimal value.
 */
export function computeHash(template: unknown, collisionCount: number | null): string {
  let hash = 0x811c9dc5;
  const feed = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const byte of utf8(canonicalJson(template))) feed(byte);
  if (collisionCount !== null) {
    const c = collisionCount >>> 0;
    feed(c & 0xff);
    feed((c >>> 8) & 0xff);
    feed((c >>> 16) & 0xff);
    feed((c >>> 24) & 0xff);
  }
  return safeEncodeString(String(hash >>> 0));
}

/** util/rand.SafeEncodeString: each character mapped into the alphabet without vowels. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += NAME_ALPHABET[(ch.codePointAt(0) ?? 0) % NAME_ALPHABET.length];
  return out;
}

export interface HistoryWrite {
  readonly type: 'create' | 'renumber' | 'delete';
  readonly revision: Revision;
}

/** An object that keeps its ControllerRevisions (a DaemonSet or a StatefulSet). */
export interface RevisionHistory {
  revisions: Revision[];
}

/**
 * Applies a sync's ControllerRevision writes to the object's revision list, and records in `byNumber` the
 * `key` (a DaemonSet's pods carry the hash, a StatefulSet's the revision name) of each created or
 * renumbered revision under its revision number.
 */
export function applyRevisionWrites(
  owner: RevisionHistory,
  writes: readonly HistoryWrite[],
  byNumber: Map<number, string>,
  key: 'name' | 'hash',
): void {
  for (const write of writes) {
    switch (write.type) {
      case 'create':
        owner.revisions.push(write.revision);
        byNumber.set(write.revision.revision, write.revision[key]);
        break;
      case 'renumber':
        owner.revisions = owner.revisions.map((r) => (r.name === write.revision.name ? write.revision : r));
        byNumber.set(write.revision.revision, write.revision[key]);
        break;
      case 'delete':
        owner.revisions = owner.revisions.filter((r) => r.name !== write.revision.name);
        break;
    }
  }
}

export interface ConstructHistoryResult {
  readonly cur: Revision;
  readonly old: readonly Revision[];
  readonly writes: readonly HistoryWrite[];
  /** status.collisionCount after the snapshot (bumped when a name clashed). */
  readonly collisionCount: number | null;
}

/**
 * constructHistory: revisions whose data match the DaemonSet's template are current, the rest old;
 * currRevision = max(old revisions) + 1. No current one → snapshot a new revision `<name>-<hash>` numbered
 * currRevision (a name taken by different data bumps status.collisionCount and hashes again); several →
 * dedupCurHistories keeps the highest-numbered one and deletes the others; a current revision numbered
 * below currRevision is renumbered to it — which is how a rollback (`kubectl rollout undo`) re-uses the old
 * revision under a new number.
 */
export function constructHistory(dsName: string, template: unknown, histories: readonly Revision[], collisionCount: number | null, data = templatePatch(template)): ConstructHistoryResult {
  const current: Revision[] = [];
  const old: Revision[] = [];
  for (const history of histories) (history.data === data ? current : old).push(history);
  const currRevision = maxRevision(old) + 1;
  const writes: HistoryWrite[] = [];
  if (current.length === 0) {
    let count = collisionCount;
    for (;;) {
      const hash = computeHash(template, count);
      const name = `${dsName}-${hash}`;
      const clash = histories.find((h) => h.name === name);
      if (clash === undefined) {
        const cur: Revision = { name, hash, revision: currRevision, data };
        writes.push({ type: 'create', revision: cur });
        return { cur, old, writes, collisionCount: count };
      }
      // snapshot: AlreadyExists with different data → bump collisionCount and try again.
      count = (count ?? 0) + 1;
    }
  }
  let keep = current[0];
  if (current.length > 1) {
    for (const h of current) if (h.revision >= keep.revision) keep = h;
    for (const h of current) if (h !== keep) writes.push({ type: 'delete', revision: h });
  }
  let cur = keep;
  if (cur.revision < currRevision) {
    cur = { ...cur, revision: currRevision };
    writes.push({ type: 'renumber', revision: cur });
  }
  return { cur, old, writes, collisionCount };
}

/**
 * cleanupHistory: keep revisionHistoryLimit old revisions; delete the oldest (lowest revision) first, never
 * one whose hash a live pod still carries (pods that are terminal and deleted included).
 */
export function cleanupHistory(old: readonly Revision[], revisionHistoryLimit: number, liveHashes: ReadonlySet<string>): Revision[] {
  let toKill = old.length - revisionHistoryLimit;
  if (toKill <= 0) return [];
  const out: Revision[] = [];
  for (const history of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(history.hash)) continue;
    out.push(history);
    toKill--;
  }
  return out;
}

function maxRevision(histories: readonly Revision[]): number {
  let max = 0;
  for (const h of histories) if (h.revision > max) max = h.revision;
  return max;
}

/** kubectl findHistory: toRevision 0 = the second-highest revision; otherwise the one with that number. */
export function findHistory(toRevision: number, histories: readonly Revision[]): Revision | undefined {
  if (toRevision === 0) {
    if (histories.length <= 1) return undefined;
    const sorted = [...histories].sort((a, b) => a.revision - b.revision);
    return sorted[sorted.length - 2];
  }
  return histories.find((h) => h.revision === toRevision);
}

export type RollbackOutcome =
  | { readonly type: 'rolledBack'; readonly template: Record<string, unknown>; readonly message: string }
  | { readonly type: 'skipped'; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

/**
 * DaemonSetRollbacker.Rollback (`kubectl rollout undo daemonset/<name> [--to-revision=N]`): errors
 * `no last revision to roll back to` / `unable to find specified revision N in history`; a revision that
 * already matches the template is skipped (`skipped rollback (current template already matches revision N)`);
 * otherwise the DaemonSet is patched with the revision's data (`rolled back`).
 */
export function rollback(toRevision: number, template: unknown, histories: readonly Revision[]): RollbackOutcome {
  if (toRevision < 0) return { type: 'error', message: `unable to find specified revision ${toRevision} in history` };
  if (toRevision === 0 && histories.length <= 1) return { type: 'error', message: 'no last revision to roll back to' };
  const to = findHistory(toRevision, histories);
  if (to === undefined) return { type: 'error', message: `unable to find specified revision ${toRevision} in history` };
  if (to.data === templatePatch(template)) return { type: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  return { type: 'rolledBack', template: templateOfPatch(to.data), message: 'rolled back' };
}

/** JSON with object keys sorted, so equal values serialise to equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
