/**
 * status.active as sets: ActiveIndex is the CronJob's own list (insertion order, as the controller appends),
 * ActiveChange what one sync makes of it (entries removed and added, the index untouched), so a sync costs
 * what it changes, not what the list holds. The simulation applies a change to its index when the status is
 * written (CronJobStore.setStatus).
 */
import type { ActiveJobs, JobReference } from './types';

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_LIST: readonly JobReference[] = [];

/** Up to this many entries a list is faster than maps (and a Forbid or Replace CronJob has one at most). */
const SMALL = 16;

export class ActiveIndex implements ActiveJobs {
  private list: JobReference[] = [];
  /** Built once the list grows past SMALL: by UID (insertion order), and namespace → name → entry. */
  private byUid: Map<string, JobReference> | null = null;
  private byNamespace: Map<string, Map<string, JobReference>> | null = null;

  constructor(refs: Iterable<JobReference> = []) {
    for (const ref of refs) this.add(ref);
  }

  get size(): number {
    return this.byUid !== null ? this.byUid.size : this.list.length;
  }

  hasUid(uid: string): boolean {
    if (this.byUid !== null) return this.byUid.has(uid);
    for (const ref of this.list) if (ref.uid === uid) return true;
    return false;
  }

  byName(namespace: string, name: string): JobReference | undefined {
    if (this.byNamespace !== null) return this.byNamespace.get(namespace)?.get(name);
    for (const ref of this.list) if (ref.name === name && ref.namespace === namespace) return ref;
    return undefined;
  }

  [Symbol.iterator](): Iterator<JobReference> {
    return this.byUid !== null ? this.byUid.values() : this.list[Symbol.iterator]();
  }

  add(ref: JobReference): void {
    if (this.byUid === null) {
      this.list.push(ref);
      if (this.list.length <= SMALL) return;
      this.byUid = new Map();
      this.byNamespace = new Map();
      const list = this.list;
      this.list = [];
      for (const item of list) this.index(item);
      return;
    }
    this.index(ref);
  }

  remove(uid: string): void {
    if (this.byUid === null) {
      const list = this.list;
      for (let i = 0; i < list.length; i++) {
        if (list[i].uid !== uid) continue;
        list.splice(i, 1);
        return;
      }
      return;
    }
    const ref = this.byUid.get(uid);
    if (ref === undefined) return;
    this.byUid.delete(uid);
    const names = this.byNamespace?.get(ref.namespace);
    if (names !== undefined && names.get(ref.name) === ref) names.delete(ref.name);
  }

  private index(ref: JobReference): void {
    (this.byUid as Map<string, JobReference>).set(ref.uid, ref);
    const byNamespace = this.byNamespace as Map<string, Map<string, JobReference>>;
    let names = byNamespace.get(ref.namespace);
    if (names === undefined) byNamespace.set(ref.namespace, (names = new Map()));
    names.set(ref.name, ref);
  }
}

/** `base` with some entries removed and others appended; the base is read, never changed. */
export class ActiveChange implements ActiveJobs {
  private removedSet: Set<string> | null = null;
  private addedList: JobReference[] | null = null;

  constructor(readonly base: ActiveJobs) {}

  get removed(): ReadonlySet<string> {
    return this.removedSet ?? EMPTY_SET;
  }

  get added(): readonly JobReference[] {
    return this.addedList ?? EMPTY_LIST;
  }

  get size(): number {
    return this.base.size - this.removed.size + this.added.length;
  }

  hasUid(uid: string): boolean {
    if (this.base.hasUid(uid) && (this.removedSet === null || !this.removedSet.has(uid))) return true;
    const added = this.addedList;
    if (added !== null) for (const ref of added) if (ref.uid === uid) return true;
    return false;
  }

  byName(namespace: string, name: string): JobReference | undefined {
    const added = this.addedList;
    if (added !== null) for (const ref of added) if (ref.name === name && ref.namespace === namespace) return ref;
    const ref = this.base.byName(namespace, name);
    return ref !== undefined && (this.removedSet === null || !this.removedSet.has(ref.uid)) ? ref : undefined;
  }

  *[Symbol.iterator](): Iterator<JobReference> {
    for (const ref of this.base) if (!this.removed.has(ref.uid)) yield ref;
    yield* this.added;
  }

  remove(uid: string): void {
    const added = this.addedList;
    if (added !== null) {
      for (let i = 0; i < added.length; i++) {
        if (added[i].uid !== uid) continue;
        added.splice(i, 1);
        return;
      }
    }
    if (this.base.hasUid(uid)) (this.removedSet ??= new Set()).add(uid);
  }

  add(ref: JobReference): void {
    (this.addedList ??= []).push(ref);
  }

  get changed(): boolean {
    return (this.removedSet !== null && this.removedSet.size > 0) || (this.addedList !== null && this.addedList.length > 0);
  }
}

/** An ActiveJobs of a plain list (tests, the starting state). */
export function activeJobs(refs: Iterable<JobReference>): ActiveIndex {
  return new ActiveIndex(refs);
}

export const NO_ACTIVE_JOBS: ActiveJobs = new ActiveIndex();
