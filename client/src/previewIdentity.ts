/**
 * What the preview panel names and which what-if controls apply, from the timeline when there is one and from
 * the manifest's text when the simulation failed (so an invalid manifest keeps its `Preview: job/pi` title).
 * Pure: no VS Code, unit-tested.
 */
import { parseAllDocuments } from 'yaml';
import type { Timeline } from '../../server/src/protocol/timeline';

/** The simulated object: kind as the API spells it (`Job`), and its name when it has one. */
export interface ObjectIdentity {
  readonly kind: string;
  readonly name?: string;
}

/** The kinds the preview simulates (the server's `isWorkloadKind`). */
const WORKLOAD_KINDS = new Set(['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * The object the server simulates for `documentIndex` (absent: the first workload: Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet), read from
 * the manifest's text; undefined when the text has no such object. Never throws on bad YAML.
 */
export function manifestIdentity(text: string, documentIndex?: number): ObjectIdentity | undefined {
  let identities: (ObjectIdentity | undefined)[];
  try {
    identities = parseAllDocuments(text).map((doc) => {
      if (!('contents' in doc)) return undefined;
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const { kind, metadata } = value as { kind?: unknown; metadata?: { name?: unknown } };
      if (typeof kind !== 'string' || kind === '') return undefined;
      const name = metadata !== null && typeof metadata === 'object' ? metadata.name : undefined;
      return typeof name === 'string' && name !== '' ? { kind, name } : { kind };
    });
  } catch {
    return undefined;
  }
  const found = documentIndex !== undefined ? identities[documentIndex] : identities.find((i) => i !== undefined && WORKLOAD_KINDS.has(i.kind));
  return found && WORKLOAD_KINDS.has(found.kind) ? found : undefined;
}

/** The object as kubectl names it (`kubectl get job/pi`): `job/pi`, or `job` without a name. */
export function objectRef(identity: ObjectIdentity): string {
  return `${identity.kind.toLowerCase()}${identity.name !== undefined ? `/${identity.name}` : ''}`;
}

/** The panel's title for an object in English: `Preview: job/pi` (the panel translates it: previewPanel.ts). */
export function previewTitle(identity: ObjectIdentity): string {
  return `Preview: ${objectRef(identity)}`;
}

/** Whether the timeline's Job (or the CronJob's Job template) is Indexed: the what-if form then offers a failing index. */
export function isIndexed(timeline: Timeline): boolean {
  const spec = timeline.effectiveSpec;
  if (spec.completionMode === 'Indexed') return true;
  const template = spec.jobTemplate;
  if (template === null || typeof template !== 'object') return false;
  const templateSpec = (template as { spec?: unknown }).spec;
  return templateSpec !== null && typeof templateSpec === 'object' && (templateSpec as { completionMode?: unknown }).completionMode === 'Indexed';
}
