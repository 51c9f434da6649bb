/**
 * A StatefulSet's live state from the scenario's `existing:` objects (as `kubectl get pods,pvc -o yaml` prints
 * them): its pods by ordinal, each at the revision its `controller-revision-hash` label names, and its claims,
 * so a rollout is previewed from where the cluster is (a partitioned rollout half done, claims left by an
 * earlier scale-down that a scale-up reuses and the retention policy applies to).
 *
 * Revisions: a pod labelled with status.updateRevision (or, without one, whose images are the template's) is at
 * the update revision, which keeps that name; the pods of any other label are at an older revision of that
 * name, whose template is the StatefulSet's with the pod's images (the only difference a pod shows).
 * status.currentRevision (else the older revision most pods carry) is the current one. Revision numbers are
 * made up in that order (older ones first), as kubectl cannot print them from pods.
 *
 * Refused with the object's path: a pod not named `<set>-<ordinal>`, controlled by something else or whose
 * labels the selector does not match; a claim not named `<template>-<set>-<ordinal>`; another namespace.
 */
import type { LabelSelector, StatefulSet } from '../../model/types';
import { selectorMatches } from '../../model/labelSelector';
import { isRecord } from '../daemonset/object';
import { templatePatch, type Revision } from '../daemonset/history';
import { startReady } from '../deployment/existing';
import type { Kubelet } from '../kubelet';
import type { ExistingObject } from '../scenario';
import type { WorkloadContext } from '../workload';
import type { Locale } from '../../i18n';
import { engineText } from '../engineText';
import { scenarioErrorText } from '../scenarioErrorText';
import type { StatefulSetObject } from './object';
import type { OwnerReference } from './types';
import { claimName, parentNameAndOrdinal } from './utils';

const REVISION_LABEL = 'controller-revision-hash';

interface ExistingPod {
  readonly source: ExistingObject;
  readonly ordinal: number;
  readonly hash: string | null;
  readonly images: ReadonlyMap<string, string>;
  readonly ready: boolean;
  readonly node: string | null;
}

/** Loads the existing pods and claims; false when `existing` holds none (the caller then reads status.replicas). */
export function loadExistingStatefulSetState(context: WorkloadContext, set: StatefulSetObject, kubelet: Kubelet): boolean {
  const existing = context.scenario.existing;
  if (existing.length === 0 || set.name === '') return existing.length > 0;
  const fail = (path: string, message: string): void => (context.scenarioError ?? context.error)(path, message);
  const locale = context.cluster.locale;
  const selector = (context.object as StatefulSet).spec?.selector;
  const pods: ExistingPod[] = [];
  const seenOrdinals = new Map<number, string>();
  for (const item of existing) {
    if (item.kind !== 'Pod' || !inNamespace(item, set.namespace, fail, locale)) continue;
    const pod = podOf(context, item, set, selector, fail);
    if (pod === undefined) continue;
    if (seenOrdinals.has(pod.ordinal)) {
      fail(`${item.path}.metadata.name`, scenarioErrorText.t(locale, 'existingSecondOrdinal', { ordinal: pod.ordinal, other: seenOrdinals.get(pod.ordinal) ?? '' }));
      continue;
    }
    seenOrdinals.set(pod.ordinal, item.path);
    pods.push(pod);
  }
  const claims: { readonly item: ExistingObject; readonly template: string; readonly ordinal: number }[] = [];
  for (const item of existing) {
    if (item.kind !== 'PersistentVolumeClaim' || !inNamespace(item, set.namespace, fail, locale)) continue;
    const { parent, ordinal } = parentNameAndOrdinal(item.name);
    const template = set.volumeClaimTemplates.find((t) => parent === `${t.name}-${set.name}`);
    if (template === undefined || ordinal < 0) {
      const names = set.volumeClaimTemplates.map((t) => `${t.name}-${set.name}-<ordinal>`).join(scenarioErrorText.t(locale, 'existingOr'));
      fail(
        `${item.path}.metadata.name`,
        names === ''
          ? scenarioErrorText.t(locale, 'existingNoClaimTemplates', { set: set.name, claim: item.name })
          : scenarioErrorText.t(locale, 'existingNotSetClaim', { claim: item.name, set: set.name, names }),
      );
      continue;
    }
    claims.push({ item, template: template.name, ordinal });
  }

  const revisions = revisionsOf(set, pods, context);
  set.applyHistoryWrites(revisions.all.map((revision) => ({ type: 'create' as const, revision })));
  set.status = { ...set.status, currentRevision: revisions.current, updateRevision: revisions.update };

  for (const claim of claims) set.addClaim(claim.item.name, claim.template, claim.ordinal, 0, ownerReferencesOf(claim.item));
  let created = 0;
  for (const pod of [...pods].sort((a, b) => a.ordinal - b.ordinal)) {
    // Without listed claims, each listed pod's claims exist (a live pod has them).
    if (claims.length === 0) for (const template of set.volumeClaimTemplates) set.addClaim(claimName(template.name, set.name, pod.ordinal), template.name, pod.ordinal, 0);
    // A pod without a controller-revision-hash label and other images is at no known revision: the rollout replaces it.
    const revision = revisions.byHash.get(pod.hash ?? '') ?? revisions.byImages(pod);
    const simPod = kubelet.createPod(
      {
        type: 'createPod',
        owner: { kind: 'StatefulSet', name: set.name },
        namespace: set.namespace,
        name: pod.source.name,
        generateName: `${set.name}-`,
        index: pod.ordinal,
        indexFailureCount: null,
        indexIgnoredFailureCount: null,
        revision: revision?.revision ?? null,
        template: set.templateInfo(revision ?? { name: `${set.name}-unlabelled-${pod.ordinal}`, hash: '', revision: 0, data: templatePatch(withImages(set.template, pod.images)) }),
      },
      0,
    );
    if (simPod === null) break;
    if (pod.ready) startReady(simPod);
    kubelet.place(simPod, pod.node, 0);
    created++;
  }
  const byRevision = revisions.all.map((r) => engineText.t(locale, 'existingRevisionItem', { name: r.name, revision: r.revision })).join(engineText.t(locale, 'existingListSeparator'));
  context.cluster.note(
    engineText.t(locale, 'existingStatefulState', {
      created,
      set: set.name,
      claims: set.claims.size,
      revisions: byRevision || engineText.t(locale, 'existingNoRevisions'),
      current: revisions.current || engineText.t(locale, 'existingCurrentIsUpdate'),
    }),
  );
  return true;
}

function podOf(context: WorkloadContext, item: ExistingObject, set: StatefulSetObject, selector: LabelSelector | undefined, fail: (path: string, message: string) => void): ExistingPod | undefined {
  const metadata = isRecord(item.object.metadata) ? item.object.metadata : {};
  const spec = isRecord(item.object.spec) ? item.object.spec : {};
  const status = isRecord(item.object.status) ? item.object.status : {};
  const { parent, ordinal } = parentNameAndOrdinal(item.name);
  if (parent !== set.name || ordinal < 0) {
    fail(`${item.path}.metadata.name`, scenarioErrorText.t(context.cluster.locale, 'existingNotSetPod', { pod: item.name, set: set.name }));
    return undefined;
  }
  const refs = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  const index = refs.findIndex((ref) => isRecord(ref) && ref.controller === true);
  const controller: unknown = index === -1 ? undefined : refs[index];
  if (isRecord(controller) && (controller.kind !== 'StatefulSet' || controller.name !== set.name)) {
    fail(`${item.path}.metadata.ownerReferences[${index}]`, scenarioErrorText.t(context.cluster.locale, 'existingPodControlledBy', { name: item.name, ownerKind: String(controller.kind), ownerName: String(controller.name), workload: set.name }));
    return undefined;
  }
  const labels = stringMap(metadata.labels);
  if (selector !== undefined && selectorMatches(selector, labels) === false) {
    fail(`${item.path}.metadata.labels`, scenarioErrorText.t(context.cluster.locale, 'existingPodSelector', { name: item.name, selector: JSON.stringify(selector) }));
    return undefined;
  }
  if (metadata.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null) {
    context.warn(item.path, engineText.t(context.cluster.locale, 'existingPodTerminating', { pod: item.name }));
    return undefined;
  }
  const images = new Map<string, string>();
  for (const key of ['initContainers', 'containers']) {
    const containers = Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isRecord) : [];
    for (const c of containers) if (typeof c.name === 'string' && typeof c.image === 'string') images.set(c.name, c.image);
  }
  const readyCondition = Array.isArray(status.conditions) ? status.conditions.filter(isRecord).find((c) => c.type === 'Ready') : undefined;
  const ready = readyCondition !== undefined ? readyCondition.status === 'True' : status.phase === 'Running';
  const node = typeof spec.nodeName === 'string' && context.cluster.liveNode(spec.nodeName) !== undefined ? spec.nodeName : null;
  if (typeof spec.nodeName === 'string' && node === null) context.warn(`${item.path}.spec.nodeName`, engineText.t(context.cluster.locale, 'existingNoSuchNode', { node: spec.nodeName }));
  return { source: item, ordinal, hash: labels[REVISION_LABEL] ?? null, images, ready, node };
}

interface ExistingRevisions {
  readonly all: readonly Revision[];
  readonly byHash: ReadonlyMap<string, Revision>;
  /** The revision of a pod without a controller-revision-hash label: the update one when its images are the template's. */
  byImages(pod: ExistingPod): Revision | undefined;
  readonly current: string;
  readonly update: string;
}

function revisionsOf(set: StatefulSetObject, pods: readonly ExistingPod[], context: WorkloadContext): ExistingRevisions {
  const status = isRecord(context.raw.status) ? context.raw.status : {};
  const statusUpdate = typeof status.updateRevision === 'string' && status.updateRevision !== '' ? status.updateRevision : null;
  const statusCurrent = typeof status.currentRevision === 'string' && status.currentRevision !== '' ? status.currentRevision : null;
  const templateImages = imagesOf(set.template);
  const sameImages = (pod: ExistingPod): boolean => [...templateImages].every(([name, image]) => pod.images.get(name) === image);
  const updateName = statusUpdate ?? pods.find((p) => p.hash !== null && sameImages(p))?.hash ?? null;
  // Older revisions: each other label, with the template its pods show (oldest first: the current one, then by ordinal).
  const olderHashes: string[] = [];
  const examples = new Map<string, ExistingPod>();
  for (const pod of pods) {
    if (pod.hash === null || pod.hash === updateName || examples.has(pod.hash)) continue;
    examples.set(pod.hash, pod);
    olderHashes.push(pod.hash);
  }
  const counts = new Map<string, number>();
  for (const pod of pods) if (pod.hash !== null) counts.set(pod.hash, (counts.get(pod.hash) ?? 0) + 1);
  const current = statusCurrent !== null && (examples.has(statusCurrent) || statusCurrent === updateName) ? statusCurrent : ([...olderHashes].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0] ?? updateName ?? '');
  olderHashes.sort((a, b) => (a === current ? -1 : b === current ? 1 : 0));
  const all: Revision[] = olderHashes.map((hash, i) => {
    const pod = examples.get(hash) as ExistingPod;
    return { name: hash, hash: hashPart(hash, set.name), revision: i + 1, data: templatePatch(withImages(set.template, pod.images)) };
  });
  let update: Revision | undefined;
  if (updateName !== null) {
    update = { name: updateName, hash: hashPart(updateName, set.name), revision: all.length + 1, data: set.templateData };
    all.push(update);
  }
  const byHash = new Map(all.map((r) => [r.name, r]));
  return {
    all,
    byHash,
    byImages: (pod) => (sameImages(pod) ? update : undefined),
    current,
    update: updateName ?? '',
  };
}

function imagesOf(template: Readonly<Record<string, unknown>>): Map<string, string> {
  const spec = isRecord(template.spec) ? template.spec : {};
  const out = new Map<string, string>();
  for (const key of ['initContainers', 'containers']) {
    const containers = Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isRecord) : [];
    for (const c of containers) if (typeof c.name === 'string' && typeof c.image === 'string') out.set(c.name, c.image);
  }
  return out;
}

/** The StatefulSet's template with a pod's images: the older revision as far as a pod shows it. */
function withImages(template: Readonly<Record<string, unknown>>, images: ReadonlyMap<string, string>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const spec = isRecord(copy.spec) ? copy.spec : {};
  for (const key of ['initContainers', 'containers']) {
    const containers = Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isRecord) : [];
    for (const c of containers) {
      const image = typeof c.name === 'string' ? images.get(c.name) : undefined;
      if (image !== undefined) c.image = image;
    }
  }
  return copy;
}

function hashPart(name: string, setName: string): string {
  return name.startsWith(`${setName}-`) ? name.slice(setName.length + 1) : name;
}

function ownerReferencesOf(item: ExistingObject): OwnerReference[] {
  const metadata = isRecord(item.object.metadata) ? item.object.metadata : {};
  const refs = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences.filter(isRecord) : [];
  return refs
    .filter((r) => typeof r.kind === 'string' && typeof r.name === 'string')
    .map((r) => ({
      apiVersion: typeof r.apiVersion === 'string' ? r.apiVersion : '',
      kind: r.kind as string,
      name: r.name as string,
      uid: typeof r.uid === 'string' ? r.uid : '',
      ...(r.controller === true ? { controller: true } : {}),
    }));
}

function inNamespace(item: ExistingObject, namespace: string, fail: (path: string, message: string) => void, locale: Locale | undefined): boolean {
  if (item.namespace === null || item.namespace === namespace) return true;
  fail(`${item.path}.metadata.namespace`, scenarioErrorText.t(locale, 'existingNamespace', { kind: item.kind, name: item.name, namespace: item.namespace, workloadKind: 'StatefulSet', workloadNamespace: namespace }));
  return false;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
