/**
 * The pure helpers of pkg/controller/statefulset/stateful_set_utils.go: pod and claim names from ordinals,
 * the ordinal range (spec.ordinals.start), a pod's identity and storage, readiness and availability, the
 * maxUnavailable budget, and the claims' owner references that carry the PVC retention policy.
 */
import type { ClaimView, IntOrString, OwnerReference, PodVolume, RetentionPolicy, StatefulPodView, StatefulSetStatus, StatefulSetView } from './types';
import { POD_INDEX_LABEL, STATEFULSET_POD_NAME_LABEL } from './types';

/** statefulPodRegex `(.*)-([0-9]+)$`: the parent StatefulSet and the ordinal in a pod's name. */
const STATEFUL_POD_REGEX = /^(.*)-([0-9]+)$/s;
const INT32_MAX = 2 ** 31 - 1;

/**
 * getParentNameAndOrdinal: parent '' and ordinal -1 for a name that does not end in `-<digits>`; an ordinal
 * past int32 does not parse (strconv.ParseInt(.., 10, 32)), so it is -1 with the parent kept.
 */
export function parentNameAndOrdinal(podName: string): { readonly parent: string; readonly ordinal: number } {
  // Every sync looks at every pod's name several times: the answers are kept (a bounded table, emptied when full).
  let parsed = parsedNames.get(podName);
  if (parsed === undefined) {
    const match = STATEFUL_POD_REGEX.exec(podName);
    const value = match === null ? NaN : Number(match[2]);
    parsed = match === null ? NO_PARENT : { parent: match[1], ordinal: Number.isSafeInteger(value) && value <= INT32_MAX ? value : -1 };
    if (parsedNames.size >= PARSED_NAMES_MAX) parsedNames.clear();
    parsedNames.set(podName, parsed);
  }
  return parsed;
}

const NO_PARENT = { parent: '', ordinal: -1 } as const;
const PARSED_NAMES_MAX = 65_536;
const parsedNames = new Map<string, { readonly parent: string; readonly ordinal: number }>();

/** getOrdinal. */
export function ordinalOf(podName: string): number {
  return parentNameAndOrdinal(podName).ordinal;
}

/** getPodName: `<set>-<ordinal>`. */
export function podName(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** getPersistentVolumeClaimName: `<claim template>-<set>-<ordinal>`. */
export function claimName(templateName: string, setName: string, ordinal: number): string {
  return `${templateName}-${setName}-${ordinal}`;
}

/** getStartOrdinal. */
export function startOrdinal(set: Pick<StatefulSetView, 'startOrdinal'>): number {
  return set.startOrdinal;
}

/** getEndOrdinal (inclusive). */
export function endOrdinal(set: Pick<StatefulSetView, 'startOrdinal' | 'replicas'>): number {
  return set.startOrdinal + set.replicas - 1;
}

/** podInOrdinalRange. */
export function podInOrdinalRange(podName: string, set: Pick<StatefulSetView, 'startOrdinal' | 'replicas'>): boolean {
  const ordinal = ordinalOf(podName);
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

/** isMemberOf. */
export function isMemberOf(set: Pick<StatefulSetView, 'name'>, podName: string): boolean {
  return parentNameAndOrdinal(podName).parent === set.name;
}

/** identityMatches: name, namespace and the statefulset.kubernetes.io/pod-name label. */
export function identityMatches(set: Pick<StatefulSetView, 'name' | 'namespace'>, pod: Pick<StatefulPodView, 'name' | 'namespace' | 'labels'>): boolean {
  const { parent, ordinal } = parentNameAndOrdinal(pod.name);
  return ordinal >= 0 && set.name === parent && pod.name === podName(set.name, ordinal) && pod.namespace === set.namespace && pod.labels[STATEFULSET_POD_NAME_LABEL] === pod.name;
}

/** storageMatches: every claim template has a volume of its name on the pod's claim `<claim>-<set>-<ordinal>`. */
export function storageMatches(set: Pick<StatefulSetView, 'name' | 'volumeClaimTemplates'>, pod: Pick<StatefulPodView, 'name' | 'volumes'>): boolean {
  const ordinal = ordinalOf(pod.name);
  if (ordinal < 0) return false;
  for (const template of set.volumeClaimTemplates) {
    // The map upstream builds keeps the last volume of a name.
    let volume: PodVolume | undefined;
    for (const v of pod.volumes) if (v.name === template) volume = v;
    if (volume === undefined || volume.claimName === null || volume.claimName !== claimName(template, set.name, ordinal)) return false;
  }
  return true;
}

/**
 * getPersistentVolumeClaims: one claim per template, named for the pod's ordinal, labelled with the template's
 * labels and the selector's matchLabels (the selector's win).
 */
export function persistentVolumeClaims(
  set: Pick<StatefulSetView, 'name' | 'volumeClaimTemplates' | 'selectorLabels'>,
  podName: string,
  templateLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): { readonly template: string; readonly name: string; readonly labels: Readonly<Record<string, string>> }[] {
  const ordinal = ordinalOf(podName);
  return set.volumeClaimTemplates.map((template) => ({
    template,
    name: claimName(template, set.name, ordinal),
    labels: { ...(templateLabels[template] ?? {}), ...set.selectorLabels },
  }));
}

/** updateStorage: the claim volumes replace same-named volumes; other volumes stay after them. */
export function updateStorage(set: Pick<StatefulSetView, 'name' | 'volumeClaimTemplates' | 'selectorLabels'>, pod: StatefulPodView): StatefulPodView {
  const claims = persistentVolumeClaims(set, pod.name);
  const names = new Set(claims.map((c) => c.template));
  const volumes: PodVolume[] = claims.map((c) => ({ name: c.template, claimName: c.name }));
  for (const volume of pod.volumes) if (!names.has(volume.name)) volumes.push(volume);
  return { ...pod, volumes };
}

/** updateIdentity: name and namespace from the set, the pod-name label, and the pod-index label (PodIndexLabel). */
export function updateIdentity(set: Pick<StatefulSetView, 'name' | 'namespace'>, pod: StatefulPodView, podIndexLabel = true): StatefulPodView {
  const ordinal = ordinalOf(pod.name);
  const name = podName(set.name, ordinal);
  const labels: Record<string, string> = { ...pod.labels, [STATEFULSET_POD_NAME_LABEL]: name };
  if (podIndexLabel) labels[POD_INDEX_LABEL] = String(ordinal);
  return { ...pod, name, namespace: set.namespace, labels };
}

/** initIdentity: updateIdentity plus hostname and subdomain, which are only set when the pod is created. */
export function initIdentity(set: Pick<StatefulSetView, 'name' | 'namespace' | 'serviceName'>, pod: StatefulPodView, podIndexLabel = true): StatefulPodView {
  const updated = updateIdentity(set, pod, podIndexLabel);
  return { ...updated, hostname: updated.name, subdomain: set.serviceName };
}

/**
 * newStatefulSetPod: the template's labels and volumes, then the identity (`<set>-<ordinal>`, hostname,
 * subdomain = serviceName, the pod-name and pod-index labels) and the claim volumes. Not created yet: phase ''.
 */
export function newStatefulSetPod(
  set: Pick<StatefulSetView, 'name' | 'namespace' | 'serviceName' | 'volumeClaimTemplates' | 'selectorLabels'>,
  ordinal: number,
  template: { readonly labels?: Readonly<Record<string, string>>; readonly volumes?: readonly PodVolume[] } = {},
): StatefulPodView {
  const bare: StatefulPodView = {
    name: podName(set.name, ordinal),
    namespace: set.namespace,
    uid: '',
    labels: { ...(template.labels ?? {}) },
    volumes: template.volumes ?? [],
    hostname: '',
    subdomain: '',
    phase: '',
    ready: false,
    readyTransitionTime: null,
    deletionTimestamp: null,
  };
  return updateStorage(set, initIdentity(set, bare));
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Pick<StatefulPodView, 'phase' | 'ready'>): boolean {
  return pod.phase === 'Running' && pod.ready;
}

/**
 * isRunningAndAvailable = podutil.IsPodAvailable: Ready, and either minReadySeconds is 0 or the Ready
 * condition's lastTransitionTime plus minReadySeconds is strictly before now (a zero time never is).
 */
export function isRunningAndAvailable(pod: Pick<StatefulPodView, 'ready' | 'readyTransitionTime'>, minReadySeconds: number, now: number): boolean {
  if (!pod.ready) return false;
  if (minReadySeconds === 0) return true;
  return pod.readyTransitionTime !== null && pod.readyTransitionTime + minReadySeconds * 1000 < now;
}

/** isCreated: the API server has the pod (it has a phase). */
export function isCreated(pod: Pick<StatefulPodView, 'phase'>): boolean {
  return pod.phase !== '';
}

export function isPending(pod: Pick<StatefulPodView, 'phase'>): boolean {
  return pod.phase === 'Pending';
}

export function isFailed(pod: Pick<StatefulPodView, 'phase'>): boolean {
  return pod.phase === 'Failed';
}

export function isSucceeded(pod: Pick<StatefulPodView, 'phase'>): boolean {
  return pod.phase === 'Succeeded';
}

/** isTerminating: the deletionTimestamp is set. */
export function isTerminating(pod: Pick<StatefulPodView, 'deletionTimestamp'>): boolean {
  return pod.deletionTimestamp !== null;
}

/** isHealthy: running and ready and not terminating. */
export function isHealthy(pod: Pick<StatefulPodView, 'phase' | 'ready' | 'deletionTimestamp'>): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/**
 * isUnavailable (the newest control loop's test, with minReadySeconds): not available, or terminating. With
 * minReadySeconds 0 it is !isHealthy for a running pod.
 */
export function isUnavailable(pod: StatefulPodView, minReadySeconds: number, now: number): boolean {
  return !(pod.phase === 'Running' && isRunningAndAvailable(pod, minReadySeconds, now)) || isTerminating(pod);
}

/** allowsBurst: podManagementPolicy Parallel. */
export function allowsBurst(set: Pick<StatefulSetView, 'podManagementPolicy'>): boolean {
  return set.podManagementPolicy === 'Parallel';
}

/**
 * getStatefulSetMaxUnavailable: intstr.GetScaledValueFromIntOrPercent(maxUnavailable or 1, replicas, round
 * down), never below 1. A string that is not a percentage is an error (validation rejects it first).
 */
export function statefulSetMaxUnavailable(maxUnavailable: IntOrString | null, replicaCount: number): number | { readonly error: string } {
  const value = maxUnavailable ?? 1;
  let scaled: number;
  if (typeof value === 'number') scaled = value;
  else {
    const match = /^(-?\d+)%$/.exec(value);
    if (match === null) return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
    scaled = Math.floor((Number(match[1]) * replicaCount) / 100);
  }
  return scaled < 1 ? 1 : scaled;
}

// --- claims and the retention policy ----------------------------------------------------------------------

/** The kinds the claims' owner references point at (controllerKind and podKind). */
export const CONTROLLER_KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
export const POD_KIND = { apiVersion: 'v1', kind: 'Pod' } as const;

/** An object that may own a claim: the set or one of its pods. */
export interface OwnerObject {
  readonly name: string;
  readonly uid: string;
}

type Kind = { readonly apiVersion: string; readonly kind: string };

/** getPersistentVolumeClaimRetentionPolicy: Retain for both when the set has none. */
export function retentionPolicyOf(set: Pick<StatefulSetView, 'retentionPolicy'>): RetentionPolicy {
  return set.retentionPolicy ?? { whenDeleted: 'Retain', whenScaled: 'Retain' };
}

/** matchesRef: same name, kind and group/version (the UID is not compared). */
export function matchesRef(ref: OwnerReference, obj: OwnerObject, kind: Kind): boolean {
  return kind.apiVersion === ref.apiVersion && kind.kind === ref.kind && ref.name === obj.name;
}

/** hasOwnerRef: a reference with the owner's UID, controller or not. */
export function hasOwnerRef(refs: readonly OwnerReference[], owner: OwnerObject): boolean {
  return refs.some((ref) => ref.uid === owner.uid);
}

/** hasStaleOwnerRef: the first reference that matches the object by name and kind has another UID. */
export function hasStaleOwnerRef(refs: readonly OwnerReference[], obj: OwnerObject, kind: Kind): boolean {
  for (const ref of refs) if (matchesRef(ref, obj, kind)) return ref.uid !== obj.uid;
  return false;
}

/**
 * hasUnexpectedController: with a policy other than Retain/Retain, a reference to the set or pod with another
 * UID, or a controller reference to anything else.
 */
export function hasUnexpectedController(refs: readonly OwnerReference[], set: OwnerObject & Pick<StatefulSetView, 'retentionPolicy'>, pod: OwnerObject): boolean {
  const policy = retentionPolicyOf(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of refs) {
    if (matchesRef(ref, set, CONTROLLER_KIND)) {
      if (ref.uid !== set.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod, POD_KIND)) {
      if (ref.uid !== pod.uid) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

/** hasNonControllerOwner: the set or pod owns the claim without being its controller. */
export function hasNonControllerOwner(refs: readonly OwnerReference[], set: OwnerObject, pod: OwnerObject): boolean {
  return refs.some((ref) => (ref.uid === set.uid || ref.uid === pod.uid) && ref.controller !== true);
}

type ClaimSet = OwnerObject & Pick<StatefulSetView, 'retentionPolicy' | 'startOrdinal' | 'replicas'>;

/**
 * isClaimOwnerUpToDate: whether the claim's owner references match the retention policy —
 *   Retain/Retain: neither the set nor the pod; whenDeleted Delete: the set; whenScaled Delete: the pod once
 *   it is scaled down (outside the ordinal range), and then not the set.
 * Stale references (the set or pod by name with another UID) are left alone (up to date); an unexpected
 * controller is up to date only when neither the set nor the pod also owns the claim.
 */
export function isClaimOwnerUpToDate(refs: readonly OwnerReference[], set: ClaimSet, pod: OwnerObject): boolean {
  if (hasStaleOwnerRef(refs, set, CONTROLLER_KIND) || hasStaleOwnerRef(refs, pod, POD_KIND)) return true;
  if (hasUnexpectedController(refs, set, pod)) return !(hasOwnerRef(refs, set) || hasOwnerRef(refs, pod));
  if (hasNonControllerOwner(refs, set, pod)) return false;
  const { whenScaled, whenDeleted } = retentionPolicyOf(set);
  const scaledDown = !podInOrdinalRange(pod.name, set);
  const setRef = hasOwnerRef(refs, set);
  const podRef = hasOwnerRef(refs, pod);
  if (whenScaled === 'Retain' && whenDeleted === 'Delete') return setRef && !podRef;
  if (whenScaled === 'Delete' && whenDeleted === 'Retain') return !setRef && scaledDown === podRef;
  if (whenScaled === 'Delete' && whenDeleted === 'Delete') return scaledDown !== setRef && scaledDown === podRef;
  // Retain/Retain, and any unknown policy (treated as Retain).
  return !setRef && !podRef;
}

/** addControllerRef: the owner as controller, unless a reference with its UID is there already. */
export function addControllerRef(refs: readonly OwnerReference[], owner: OwnerObject, kind: Kind): OwnerReference[] {
  if (refs.some((ref) => ref.uid === owner.uid)) return [...refs];
  return [...refs, { apiVersion: kind.apiVersion, kind: kind.kind, name: owner.name, uid: owner.uid, controller: true }];
}

/**
 * updateClaimOwnerRefForSetAndPod: drop the references to the set and pod (by name and kind), then add back
 * what the policy asks for — none when another controller owns the claim.
 */
export function updateClaimOwnerRefs(refs: readonly OwnerReference[], set: ClaimSet, pod: OwnerObject): OwnerReference[] {
  const unexpected = hasUnexpectedController(refs, set, pod);
  let out = refs.filter((ref) => !(matchesRef(ref, set, CONTROLLER_KIND) || matchesRef(ref, pod, POD_KIND)));
  if (unexpected) return out;
  const { whenScaled, whenDeleted } = retentionPolicyOf(set);
  const scaledDown = !podInOrdinalRange(pod.name, set);
  if (whenScaled === 'Retain' && whenDeleted === 'Delete') out = addControllerRef(out, set, CONTROLLER_KIND);
  else if (whenScaled === 'Delete' && whenDeleted === 'Retain') {
    if (scaledDown) out = addControllerRef(out, pod, POD_KIND);
  } else if (whenScaled === 'Delete' && whenDeleted === 'Delete') {
    out = scaledDown ? addControllerRef(out, pod, POD_KIND) : addControllerRef(out, set, CONTROLLER_KIND);
  }
  return out;
}

/**
 * StatefulPodControl.PodClaimIsStale: with whenScaled Delete, a claim of the pod that names a pod of the
 * same name with another UID (the one scaled down before, whose claim the garbage collector has not removed
 * yet) blocks the pod's creation. A pod not created yet has no UID.
 */
export function podClaimIsStale(set: Pick<StatefulSetView, 'retentionPolicy' | 'name' | 'volumeClaimTemplates'>, pod: OwnerObject, claims: ReadonlyMap<string, ClaimView>): boolean {
  if (retentionPolicyOf(set).whenScaled === 'Retain') return false;
  const ordinal = ordinalOf(pod.name);
  for (const template of set.volumeClaimTemplates) {
    const claim = claims.get(claimName(template, set.name, ordinal));
    if (claim !== undefined && hasStaleOwnerRef(claim.ownerReferences, pod, POD_KIND)) return true;
  }
  return false;
}

// --- revisions and status ------------------------------------------------------------------------------------

/**
 * newVersionedStatefulSetPod: which revision a missing pod is created at. Upstream's condition reads
 * `RollingUpdate && (rollingUpdate == nil && ordinal < start + status.currentReplicas) || (rollingUpdate != nil
 * && ordinal < start + partition)` — Go's && binds tighter, so the partition test applies whatever the type.
 */
export function newPodRevision(set: Pick<StatefulSetView, 'updateStrategy' | 'startOrdinal' | 'statusCurrentReplicas'>, ordinal: number): 'current' | 'update' {
  const strategy = set.updateStrategy;
  const start = set.startOrdinal;
  const current =
    (strategy.type === 'RollingUpdate' && strategy.rollingUpdate === null && ordinal < start + set.statusCurrentReplicas) ||
    (strategy.rollingUpdate !== null && ordinal < start + strategy.rollingUpdate.partition);
  return current ? 'current' : 'update';
}

/**
 * completeRollingUpdate: with RollingUpdate, once every replica is updated and ready (and exactly spec.replicas
 * exist), the update revision becomes the current one.
 */
export function completeRollingUpdate(set: Pick<StatefulSetView, 'updateStrategy' | 'replicas'>, status: StatefulSetStatus): StatefulSetStatus {
  if (set.updateStrategy.type === 'RollingUpdate' && status.updatedReplicas === set.replicas && status.readyReplicas === set.replicas && status.replicas === set.replicas) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
  }
  return status;
}

/** inconsistentStatus: whether the new status must be written. */
export function inconsistentStatus(previous: StatefulSetStatus, next: StatefulSetStatus): boolean {
  return (
    next.observedGeneration > previous.observedGeneration ||
    next.replicas !== previous.replicas ||
    next.currentReplicas !== previous.currentReplicas ||
    next.readyReplicas !== previous.readyReplicas ||
    next.updatedReplicas !== previous.updatedReplicas ||
    next.currentRevision !== previous.currentRevision ||
    next.availableReplicas !== previous.availableReplicas ||
    next.updateRevision !== previous.updateRevision
  );
}

/** The claims a pod's volumes name (for views and tests). */
export function claimsOf(pod: Pick<StatefulPodView, 'volumes'>): string[] {
  return pod.volumes.flatMap((v) => (v.claimName === null ? [] : [v.claimName]));
}

/** metav1.NewControllerRef(set, controllerKind): the controller reference every pod of the set carries. */
export function newControllerRef(set: OwnerObject): OwnerReference & { readonly blockOwnerDeletion: boolean } {
  return { apiVersion: CONTROLLER_KIND.apiVersion, kind: CONTROLLER_KIND.kind, name: set.name, uid: set.uid, controller: true, blockOwnerDeletion: true };
}
