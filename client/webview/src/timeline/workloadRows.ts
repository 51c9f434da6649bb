/**
 * The chart's rows for the apps/v1 workloads. Pure: no DOM.
 *  - Deployment (and a bare ReplicaSet): a group per ReplicaSet, oldest revision first, so the old and the
 *    new revision sit one above the other: a head row named by its revision, pod-template-hash and image,
 *    whose bar is the ReplicaSet's size over time (desired, pods, available) and whose count follows the
 *    scrubber, then a row per pod it owned, in its revision's colour.
 *  - StatefulSet: a lane per ordinal (web-0, web-1, ...), each pod made under that name one after the other
 *    (the controller deletes and recreates a pod to update it), the ordinal's PersistentVolumeClaims as a line
 *    under the lane, and the stretches where spec.updateStrategy.rollingUpdate.partition held it back.
 *
 * The pod rows and bars are rows.ts's own (passed in, so the two files do not import each other).
 */
import { podCount } from '../counts';
import { formatOffset } from '../format';
import { t as tr } from '../l10n';
import type { Timeline, TimelinePersistentVolumeClaim, TimelinePod, TimelineReplicaSet, TimelineReplicaSetSample } from '../timelineTypes';
import { nodeStateAt } from './nodeState';
import { barLabel } from './podText';
import type { BarItem, RowModel, RowOptions } from './rows';
import { shortenMiddle } from './shorten';

type PodRowOf = (pod: TimelinePod, options: RowOptions, gaps: undefined, revisionSlot?: number) => RowModel;
type PodItemsOf = (pod: TimelinePod, end: number, extra?: { revision?: number; slot?: number }) => BarItem[];

/** Revision colours: as many as the stylesheet has (.rev-0 … .rev-4). */
const SLOTS = 5;
/** Longest image shown on a ReplicaSet's head (the tooltip has it whole). */
const IMAGE_CHARS = 22;

/** The ReplicaSet's sample in force at t (undefined before its first). */
export function sampleAt(rs: TimelineReplicaSet, t: number): TimelineReplicaSetSample | undefined {
  let found: TimelineReplicaSetSample | undefined;
  for (const sample of rs.history) {
    if (sample.at > t) break;
    found = sample;
  }
  return found;
}

/** `5/10` with its meaning: pods the ReplicaSet has / pods it wants, at t. */
export function replicaSetCount(rs: TimelineReplicaSet, t: number): string {
  const sample = t < rs.createdAt || (rs.deletedAt !== null && rs.deletedAt <= t) ? undefined : sampleAt(rs, t);
  if (!sample) return tr('not there');
  return tr('{0}/{1} pods, {2} available', sample.current, sample.desired, sample.available);
}

/** The bars of a ReplicaSet's head: its lifetime, then its desired size, pods and available pods as steps. */
export function replicaSetLevels(rs: TimelineReplicaSet, end: number, max: number, slot: number): BarItem[] {
  const until = rs.deletedAt ?? end;
  const items: BarItem[] = [{ type: 'span', from: rs.createdAt, to: until, cls: `rs-span rev-${slot}` }];
  rs.history.forEach((sample, i) => {
    const to = Math.min(until, rs.history[i + 1]?.at ?? until);
    if (to <= sample.at) return;
    items.push({ type: 'level', from: sample.at, to, value: sample.desired, max, cls: `rs-desired rev-${slot}` });
    if (sample.current > 0) items.push({ type: 'level', from: sample.at, to, value: sample.current, max, cls: `rs-current rev-${slot}` });
    if (sample.available > 0) items.push({ type: 'level', from: sample.at, to, value: sample.available, max, cls: `rs-available rev-${slot}` });
  });
  return items;
}

function replicaSetTitle(rs: TimelineReplicaSet, options: RowOptions, pods: number): string {
  const last = rs.history[rs.history.length - 1];
  return [
    `replicaset/${rs.name}`,
    rs.podTemplateHash !== null ? `${tr('revision {0}', rs.revision)} · pod-template-hash ${rs.podTemplateHash}` : '',
    rs.image ? tr('image {0}', rs.image) : '',
    tr('created {0}', options.when(rs.createdAt)),
    rs.deletedAt !== null ? tr('deleted {0}', options.when(rs.deletedAt)) : '',
    last ? tr('at the end: {0} desired, {1} pods, {2} ready, {3} available', last.desired, last.current, last.ready, last.available) : '',
    podCount(pods),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Deployment or bare ReplicaSet: a group per ReplicaSet (head with its sizes, then its pods). */
export function replicaSetRows(timeline: Timeline, options: RowOptions, podRow: PodRowOf): RowModel[] {
  const pods = timeline.pods ?? [];
  const replicaSets = [...(timeline.replicaSets ?? [])].sort((a, b) => a.revision - b.revision || a.createdAt - b.createdAt);
  const slots = new Map([...new Set(replicaSets.map((rs) => rs.revision))].sort((a, b) => a - b).map((r, i) => [r, i % SLOTS]));
  const byOwner = new Map<string, TimelinePod[]>();
  for (const pod of pods) {
    const owner = pod.owner?.name ?? '';
    const list = byOwner.get(owner);
    if (list) list.push(pod);
    else byOwner.set(owner, [pod]);
  }
  // one scale for every head, so the old ReplicaSet shrinking and the new one growing compare at a glance
  let max = 1;
  for (const rs of replicaSets) for (const s of rs.history) max = Math.max(max, s.desired, s.current);
  const bare = timeline.object?.kind === 'ReplicaSet';
  const rows: RowModel[] = [];
  for (const rs of replicaSets) {
    const slot = slots.get(rs.revision) ?? 0;
    const own = [...(byOwner.get(rs.name) ?? [])].sort((a, b) => a.createdAt - b.createdAt);
    byOwner.delete(rs.name);
    const badges: RowModel['badges'][number][] = [];
    if (rs.podTemplateHash !== null) badges.push({ text: rs.podTemplateHash, title: `pod-template-hash=${rs.podTemplateHash}`, cls: 'rs-hash' });
    if (rs.image) badges.push({ text: shortenMiddle(rs.image.split('/').pop() ?? rs.image, IMAGE_CHARS), title: tr('image {0}', rs.image), cls: 'rs-image' });
    rows.push({
      key: `rs:${rs.name}`,
      kind: 'replicaset',
      label: bare ? shortenMiddle(rs.name, 16) : tr('rev {0}', rs.revision),
      title: () => replicaSetTitle(rs, options, own.length),
      badges,
      items: replicaSetLevels(rs, options.end, max, slot),
      pods: [],
      countAt: (t) => replicaSetCount(rs, t),
    });
    for (const pod of own) rows.push(podRow(pod, options, undefined, slot));
  }
  // pods of no ReplicaSet the timeline lists (none from the engine; a hand-made timeline may have them)
  for (const list of byOwner.values()) for (const pod of list) rows.push(podRow(pod, options, undefined));
  return rows;
}

/** spec.updateStrategy.rollingUpdate.partition over time: the status history carries it, else the spec's. */
export function partitionChanges(timeline: Timeline): { at: number; partition: number }[] {
  const spec = (timeline.effectiveSpec ?? {}) as { updateStrategy?: { type?: unknown; rollingUpdate?: { partition?: unknown } } };
  const initial = spec.updateStrategy?.type === 'OnDelete' ? 0 : Number(spec.updateStrategy?.rollingUpdate?.partition ?? 0) || 0;
  const changes = [{ at: -Infinity, partition: initial }];
  for (const entry of timeline.statusHistory ?? []) {
    if (entry.object !== timeline.object?.name || (entry.kind && entry.kind !== 'StatefulSet')) continue;
    const partition = entry.status?.partition;
    if (typeof partition !== 'number') continue;
    if (changes[changes.length - 1].partition !== partition) changes.push({ at: entry.at, partition });
  }
  return changes;
}

/** Where an ordinal was below the partition (a rolling update leaves it at its old revision). */
export function heldSpans(changes: readonly { at: number; partition: number }[], ordinal: number, from: number, end: number): { from: number; to: number; partition: number }[] {
  const spans: { from: number; to: number; partition: number }[] = [];
  changes.forEach((change, i) => {
    if (ordinal >= change.partition) return;
    const a = Math.max(from, change.at);
    const b = Math.min(end, changes[i + 1]?.at ?? end);
    if (b > a) spans.push({ from: a, to: b, partition: change.partition });
  });
  return spans;
}

/** `web-3` → 3 for the set `web`; undefined for a name that is not one of its ordinals. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

function claimTitle(claim: TimelinePersistentVolumeClaim, options: RowOptions): string {
  const created = tr('{0} created {1}', `persistentvolumeclaim/${claim.name}`, options.when(claim.created));
  if (claim.deleted === null) return created;
  return `${created}\n${tr('deleted {0}', options.when(claim.deleted))}${claim.deletedBy ? ` · ${claim.deletedBy}` : ''}`;
}

/** StatefulSet: a lane per ordinal with its pods one after another, its claims and the partition. */
export function ordinalRows(timeline: Timeline, options: RowOptions, podItems: PodItemsOf): RowModel[] {
  const set = timeline.object?.name ?? '';
  const pods = timeline.pods ?? [];
  const claims = timeline.persistentVolumeClaims ?? [];
  const slots = new Map([...new Set(pods.map((p) => p.revision).filter((r): r is number => typeof r === 'number'))].sort((a, b) => a - b).map((r, i) => [r, i % SLOTS]));
  const byOrdinal = new Map<number, TimelinePod[]>();
  const claimsOf = new Map<number, TimelinePersistentVolumeClaim[]>();
  for (const pod of pods) {
    const ordinal = ordinalOf(set, pod.name) ?? -1;
    const list = byOrdinal.get(ordinal);
    if (list) list.push(pod);
    else byOrdinal.set(ordinal, [pod]);
  }
  for (const claim of claims) {
    const list = claimsOf.get(claim.ordinal);
    if (list) list.push(claim);
    else claimsOf.set(claim.ordinal, [claim]);
    if (!byOrdinal.has(claim.ordinal)) byOrdinal.set(claim.ordinal, []);
  }
  const partitions = partitionChanges(timeline);
  const partitioned = partitions.some((c) => c.partition > 0);
  return [...byOrdinal.keys()]
    .sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b))
    .map((ordinal) => {
      const list = [...(byOrdinal.get(ordinal) ?? [])].sort((a, b) => a.createdAt - b.createdAt);
      const own = claimsOf.get(ordinal) ?? [];
      const items: BarItem[] = [];
      for (const claim of own) items.push({ type: 'span', from: claim.created, to: claim.deleted ?? options.end, cls: `pvc-span${claim.deleted !== null ? ' deleted' : ''}` });
      const held = ordinal >= 0 && partitioned ? heldSpans(partitions, ordinal, list[0]?.createdAt ?? options.end, options.end) : [];
      for (const span of held) items.push({ type: 'span', from: span.from, to: span.to, cls: 'partition-held' });
      for (const pod of list) items.push(...podItems(pod, options.end, { revision: typeof pod.revision === 'number' ? (slots.get(pod.revision) ?? 0) : undefined }));
      for (const claim of own) if (claim.deleted !== null) items.push({ type: 'mark', at: claim.deleted, cls: 'pvc-deleted', text: '×', title: claimTitle(claim, options) });
      const badges: RowModel['badges'][number][] = [];
      if (list.length > 1) badges.push({ text: `×${list.length}`, title: podCount(list.length), cls: 'incarnations' });
      for (const claim of own) badges.push({ text: claim.template, title: claimTitle(claim, options), cls: `pvc-badge${claim.deleted !== null ? ' deleted' : ''}` });
      if (held.length > 0) badges.push({ text: tr('held'), title: held.map((s) => tr('below partition {0} from {1} to {2}: not updated', s.partition, formatOffset(s.from), formatOffset(s.to))).join('\n'), cls: 'partition-badge' });
      const name = ordinal >= 0 ? `${set}-${ordinal}` : tr('other pods');
      return {
        key: `ordinal:${ordinal}`,
        kind: 'ordinal' as const,
        label: shortenMiddle(name, 20),
        title: () =>
          [
            ordinal >= 0 ? tr('ordinal {0}: pod/{1}', ordinal, name) : name,
            ...list.map((p, i) => tr('{0}. (revision {1}) created {2}: {3}', i + 1, p.revision ?? '?', formatOffset(p.createdAt), barLabel(p, options.end).text)),
            ...own.map((c) => claimTitle(c, options)),
            ...held.map((s) => tr('below partition {0} from {1} to {2}: not updated', s.partition, formatOffset(s.from), formatOffset(s.to))),
          ].join('\n'),
        badges,
        items,
        pod: list[list.length - 1],
        pods: list,
        stateAt: (t: number) => {
          const at = nodeStateAt(list, t);
          return { state: at.state, revisionSlot: at.revision !== undefined ? slots.get(at.revision) : undefined };
        },
      };
    });
}
