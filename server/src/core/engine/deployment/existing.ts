/**
 * A Deployment's live state from the scenario's `existing:` objects (as `kubectl get rs,pods -o yaml` prints
 * them): its old and current ReplicaSets with their sizes, revisions and creation times, and their pods, so
 * a rollout is previewed from where the cluster is. What the Deployment controller would not own is refused
 * with the object's path: a ReplicaSet controlled by something else (its controller ownerReference), one in
 * another namespace or whose labels its selector does not match (getReplicaSetsForDeployment claims only
 * those, adopting matching orphans), a pod that belongs to none of the listed ReplicaSets.
 *
 * Pods: those listed are kept by name and node; a ReplicaSet without listed pods gets status.replicas of them
 * (spec.replicas without a status). A pod that is Ready (its Ready condition, or the readyReplicas count) is
 * Running and Ready at t=0, and available at t=0 when its Ready condition's lastTransitionTime is at least
 * minReadySeconds old (or, for generated pods, within the availableReplicas count); the others start at t=0
 * as the scenario's pod behaviour says.
 */
import type { Deployment, LabelSelector } from '../../model/types';
import { selectorMatches } from '../../model/labelSelector';
import type { PodPlan, SimPod } from '../cluster';
import type { Kubelet } from '../kubelet';
import type { ExistingObject } from '../scenario';
import { parseRfc3339 } from '../time';
import type { WorkloadContext } from '../workload';
import type { Locale } from '../../i18n';
import { engineText } from '../engineText';
import { scenarioErrorText } from '../scenarioErrorText';
import { byRevision } from './replicaSets';
import { isRecord, type AppsObjects, type ReplicaSetRecord } from './objects';
import { POD_TEMPLATE_HASH, REVISION_ANNOTATION, type ReplicaSetView } from './types';
import { revisionOf } from './util';

/**
 * When a pod that was already available became Ready, if nothing says: long enough before t=0 to count as
 * available under any minReadySeconds (at most MaxInt32 seconds) its ReplicaSet has or is given.
 */
const LONG_BEFORE_START_MS = -(2147483647 + 1) * 1000;

interface ExistingReplicaSet {
  readonly source: ExistingObject;
  readonly view: ReplicaSetView;
  readonly status: Record<string, unknown>;
  readonly pods: ExistingObject[];
}

/** Loads the existing ReplicaSets and pods; false when there are none (the caller then reads status.replicas). */
export function loadExistingReplicaSets(context: WorkloadContext, objects: AppsObjects, kubelet: Kubelet): boolean {
  const existing = context.scenario.existing;
  if (existing.length === 0) return false;
  const fail = (path: string, message: string): void => (context.scenarioError ?? context.error)(path, message);
  const locale = context.cluster.locale;
  const deployment = context.object as Deployment;
  const selector = deployment.spec?.selector;
  const sets: ExistingReplicaSet[] = [];
  for (const item of existing) {
    if (item.kind !== 'ReplicaSet') continue;
    const set = replicaSetOf(item, objects, selector, context.scenario.startEpochMs, fail, locale);
    if (set !== undefined) sets.push(set);
  }
  for (const item of existing) {
    if (item.kind !== 'Pod') continue;
    if (!inNamespace(item, objects.namespace, fail, locale)) continue;
    const owner = ownerOf(item, sets);
    if (owner === undefined) fail(item.path, scenarioErrorText.t(locale, 'existingPodNoReplicaSet', { pod: item.name, label: POD_TEMPLATE_HASH }));
    else owner.pods.push(item);
  }
  if (sets.length === 0) {
    // ReplicaSets that were refused have said why already.
    if (!existing.some((item) => item.kind === 'ReplicaSet')) fail(existing[0].path, scenarioErrorText.t(locale, 'existingNoReplicaSet'));
    return true;
  }
  // Creation order: metadata.creationTimestamp when written; otherwise by revision, one second apart before t=0.
  const ordered = [...sets].sort((a, b) => byRevision(a.view, b.view));
  const missing = ordered.filter((s) => s.view.createdAt === null);
  const created = missing.map((s, i) => ({ ...s, view: { ...s.view, createdAt: (i - missing.length) * 1000 } }));
  const all = ordered.map((s) => created.find((c) => c.source === s.source) ?? s).sort((a, b) => (a.view.createdAt ?? 0) - (b.view.createdAt ?? 0));
  let podCount = 0;
  for (const set of all) {
    const record = objects.createReplicaSet(set.view, 0);
    podCount += set.pods.length > 0 ? createListedPods(context, objects, kubelet, record, set) : createCountedPods(objects, kubelet, record, set);
  }
  const revisions = all
    .map((s) => engineText.t(locale, 'existingReplicaSetItem', { name: s.view.name, revision: revisionOf(s.view.annotations) ?? '?', replicas: s.view.replicas }))
    .join(engineText.t(locale, 'existingListSeparator'));
  context.cluster.note(engineText.t(locale, 'existingDeploymentState', { replicaSets: revisions, count: podCount }));
  return true;
}

function replicaSetOf(
  item: ExistingObject,
  objects: AppsObjects,
  selector: LabelSelector | undefined,
  startEpochMs: number,
  fail: (path: string, message: string) => void,
  locale: Locale | undefined,
): ExistingReplicaSet | undefined {
  const object = item.object;
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  if (!inNamespace(item, objects.namespace, fail, locale)) return undefined;
  const controller = controllerRef(metadata);
  if (controller !== undefined && (controller.ref.kind !== 'Deployment' || controller.ref.name !== objects.name)) {
    fail(`${item.path}.metadata.ownerReferences[${controller.index}]`, scenarioErrorText.t(locale, 'existingReplicaSetControlledBy', { name: item.name, ownerKind: String(controller.ref.kind), ownerName: String(controller.ref.name), workload: objects.name }));
    return undefined;
  }
  const labels = stringMap(metadata.labels);
  if (selector !== undefined && selectorMatches(selector, labels) === false) {
    fail(`${item.path}.metadata.labels`, scenarioErrorText.t(locale, 'existingReplicaSetSelector', { name: item.name, selector: JSON.stringify(selector) }));
    return undefined;
  }
  const spec = isRecord(object.spec) ? object.spec : {};
  if (!isRecord(spec.template)) {
    fail(`${item.path}.spec.template`, scenarioErrorText.t(locale, 'existingTemplateRequired'));
    return undefined;
  }
  const replicas = count(spec.replicas, 1, `${item.path}.spec.replicas`, fail, locale);
  const minReadySeconds = count(spec.minReadySeconds, 0, `${item.path}.spec.minReadySeconds`, fail, locale);
  const status = isRecord(object.status) ? object.status : {};
  const annotations = stringMap(metadata.annotations);
  const revision = annotations[REVISION_ANNOTATION];
  if (revision !== undefined && !/^\d+$/.test(revision)) fail(`${item.path}.metadata.annotations[${REVISION_ANNOTATION}]`, scenarioErrorText.t(locale, 'existingRevisionAnnotation', { got: JSON.stringify(revision) }));
  let createdAt: number | null = null;
  if (metadata.creationTimestamp !== undefined && metadata.creationTimestamp !== null) {
    const text = metadata.creationTimestamp instanceof Date ? metadata.creationTimestamp.toISOString() : metadata.creationTimestamp;
    const at = typeof text === 'string' ? parseRfc3339(text) : undefined;
    if (at === undefined) fail(`${item.path}.metadata.creationTimestamp`, scenarioErrorText.t(locale, 'existingCreationTimestamp', { got: JSON.stringify(metadata.creationTimestamp) }));
    // A ReplicaSet created after the scenario's start still existed first: it is placed just before t=0.
    else createdAt = Math.min(at - startEpochMs, -1000);
  }
  const generation = typeof metadata.generation === 'number' && Number.isInteger(metadata.generation) && metadata.generation > 0 ? metadata.generation : 1;
  const view: ReplicaSetView = {
    name: item.name,
    uid: `${objects.namespace}/${item.name}`,
    createdAt,
    generation,
    deleting: false,
    replicas: replicas ?? 1,
    minReadySeconds: minReadySeconds ?? 0,
    annotations,
    template: JSON.parse(JSON.stringify(spec.template)) as Record<string, unknown>,
    status: {
      replicas: count(status.replicas, 0, `${item.path}.status.replicas`, fail, locale) ?? 0,
      readyReplicas: count(status.readyReplicas, 0, `${item.path}.status.readyReplicas`, fail, locale) ?? 0,
      availableReplicas: count(status.availableReplicas, 0, `${item.path}.status.availableReplicas`, fail, locale) ?? 0,
      observedGeneration: typeof status.observedGeneration === 'number' ? status.observedGeneration : generation,
    },
  };
  return { source: item, view, status, pods: [] };
}

/** The pods kubectl listed for this ReplicaSet: their names and nodes kept. */
function createListedPods(context: WorkloadContext, objects: AppsObjects, kubelet: Kubelet, record: ReplicaSetRecord, set: ExistingReplicaSet): number {
  let created = 0;
  for (const item of set.pods) {
    const metadata = isRecord(item.object.metadata) ? item.object.metadata : {};
    const spec = isRecord(item.object.spec) ? item.object.spec : {};
    const status = isRecord(item.object.status) ? item.object.status : {};
    if (metadata.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null) {
      context.warn(item.path, engineText.t(context.cluster.locale, 'existingPodTerminating', { pod: item.name }));
      continue;
    }
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      context.warn(item.path, engineText.t(context.cluster.locale, 'existingPodFinished', { pod: item.name, phase: String(status.phase) }));
      continue;
    }
    const readyCondition = Array.isArray(status.conditions) ? status.conditions.filter(isRecord).find((c) => c.type === 'Ready') : undefined;
    const ready = readyCondition !== undefined ? readyCondition.status === 'True' : status.phase === 'Running';
    let readySince: number | null = null;
    if (ready) {
      const since = readyCondition?.lastTransitionTime;
      const text = since instanceof Date ? since.toISOString() : since;
      const at = typeof text === 'string' ? parseRfc3339(text) : undefined;
      readySince = at === undefined ? LONG_BEFORE_START_MS : Math.min(at - context.scenario.startEpochMs, 0);
    }
    const node = typeof spec.nodeName === 'string' && context.cluster.liveNode(spec.nodeName) !== undefined ? spec.nodeName : null;
    if (typeof spec.nodeName === 'string' && node === null) context.warn(`${item.path}.spec.nodeName`, engineText.t(context.cluster.locale, 'existingNoSuchNode', { node: spec.nodeName }));
    if (addPod(objects, kubelet, record, item.name, node, readySince)) created++;
  }
  return created;
}

/** status.replicas pods (spec.replicas without a status): readyReplicas of them Ready, availableReplicas available. */
function createCountedPods(objects: AppsObjects, kubelet: Kubelet, record: ReplicaSetRecord, set: ExistingReplicaSet): number {
  const hasStatus = Object.keys(set.status).length > 0;
  const total = hasStatus ? record.view.status.replicas : record.view.replicas;
  const ready = hasStatus ? Math.min(record.view.status.readyReplicas, total) : total;
  const available = hasStatus ? Math.min(record.view.status.availableReplicas, ready) : ready;
  let created = 0;
  for (let i = 0; i < total; i++) {
    const readySince = i < available ? LONG_BEFORE_START_MS : i < ready ? 0 : null;
    if (addPod(objects, kubelet, record, null, null, readySince)) created++;
  }
  return created;
}

/**
 * One pod of a ReplicaSet, placed at t=0. A Ready pod starts Ready at once (its first run's startup and
 * readiness delay are behind it); `readySince` before t=0 tells the ReplicaSet controller it is available already.
 */
function addPod(objects: AppsObjects, kubelet: Kubelet, record: ReplicaSetRecord, name: string | null, node: string | null, readySince: number | null): boolean {
  const view = record.view;
  const pod = kubelet.createPod(
    {
      type: 'createPod',
      owner: { kind: 'ReplicaSet', name: view.name },
      namespace: objects.namespace,
      generateName: `${view.name}-`,
      ...(name !== null ? { name } : {}),
      index: null,
      indexFailureCount: null,
      indexIgnoredFailureCount: null,
      revision: revisionOf(view.annotations) ?? null,
      template: record.podTemplate,
    },
    0,
  );
  if (pod === null) return false;
  if (readySince !== null) {
    startReady(pod);
    if (readySince < 0) objects.readySinceBeforeStart.set(pod, readySince);
  }
  kubelet.place(pod, node, 0);
  return true;
}

/** The pod's plan with its first run already started and Ready: it was running before the run began. */
export function startReady(pod: SimPod): void {
  const plan = pod.plan;
  const running: PodPlan = {
    startupMs: 0,
    terminationMs: plan.terminationMs,
    run: (n) => (n === 0 ? { ...plan.run(0), readyMs: 0 } : plan.run(n)),
  };
  // The plan is fixed at creation; this pod's first run happened before t=0, so its startup is already behind it.
  (pod as { plan: PodPlan }).plan = running;
}

function ownerOf(pod: ExistingObject, sets: readonly ExistingReplicaSet[]): ExistingReplicaSet | undefined {
  const metadata = isRecord(pod.object.metadata) ? pod.object.metadata : {};
  const controller = controllerRef(metadata);
  if (controller !== undefined) return controller.ref.kind === 'ReplicaSet' ? sets.find((s) => s.view.name === controller.ref.name) : undefined;
  const hash = stringMap(metadata.labels)[POD_TEMPLATE_HASH];
  return hash === undefined ? undefined : sets.find((s) => stringMap(isRecord(s.view.template.metadata) ? s.view.template.metadata.labels : undefined)[POD_TEMPLATE_HASH] === hash);
}

function inNamespace(item: ExistingObject, namespace: string, fail: (path: string, message: string) => void, locale: Locale | undefined): boolean {
  if (item.namespace === null || item.namespace === namespace) return true;
  fail(`${item.path}.metadata.namespace`, scenarioErrorText.t(locale, 'existingNamespace', { kind: item.kind, name: item.name, namespace: item.namespace, workloadKind: 'Deployment', workloadNamespace: namespace }));
  return false;
}

function controllerRef(metadata: Record<string, unknown>): { readonly ref: Record<string, unknown>; readonly index: number } | undefined {
  const refs = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  for (let index = 0; index < refs.length; index++) {
    const ref: unknown = refs[index];
    if (isRecord(ref) && ref.controller === true) return { ref, index };
  }
  return undefined;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function count(value: unknown, fallback: number, path: string, fail: (path: string, message: string) => void, locale: Locale | undefined): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2147483647) return value;
  fail(path, scenarioErrorText.t(locale, 'existingNonNegative', { got: JSON.stringify(value) }));
  return undefined;
}
