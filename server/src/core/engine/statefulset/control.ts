/**
 * The StatefulSet control loop's decision for one sync: stateful_set_control.go updateStatefulSet with
 * processReplica, processCondemned, runForAll and the update strategies (the legacy one-at-a-time rolling
 * update and updateStatefulSetAfterInvariantEstablished for MaxUnavailableStatefulSet), and the pod control's
 * side of it (stateful_pod_control.go CreateStatefulPod, UpdateStatefulPod, DeleteStatefulPod, the claims
 * and their retention policy).
 *
 * Pure: it reads views and returns the operations in the order the controller makes the API calls, plus the
 * status it would write. Claims created during the sync are not in the claim lister yet (the informer has not
 * seen them), as in a cluster: their owner references are set by a later sync.
 */
import type { ClaimView, OwnerReference, StatefulPodView, StatefulSetFeatures, StatefulSetStatus, StatefulSetView } from './types';
import {
  allowsBurst,
  claimName,
  completeRollingUpdate,
  endOrdinal,
  identityMatches,
  inconsistentStatus,
  isClaimOwnerUpToDate,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newPodRevision,
  newStatefulSetPod,
  ordinalOf,
  podClaimIsStale,
  podName,
  startOrdinal,
  statefulSetMaxUnavailable,
  storageMatches,
  updateClaimOwnerRefs,
  updateIdentity,
  updateStorage,
} from './utils';
import { MAX_BATCH_SIZE } from './types';

/** A pod with its controller-revision-hash label (the revision's name; '' when it has none). */
export interface SetPod extends StatefulPodView {
  readonly revision: string;
}

export type DeleteCause = 'failed' | 'succeeded' | 'scaleDown' | 'update';

export type ControlOp =
  | { readonly type: 'createClaim'; readonly claim: string; readonly template: string; readonly pod: string }
  /** `revision`: the ControllerRevision's name the pod is created at (its controller-revision-hash label). */
  | { readonly type: 'createPod'; readonly pod: string; readonly ordinal: number; readonly revision: string }
  | { readonly type: 'updatePod'; readonly pod: string }
  | { readonly type: 'deletePod'; readonly pod: string; readonly cause: DeleteCause }
  | { readonly type: 'updateClaimOwners'; readonly claim: string; readonly ownerReferences: readonly OwnerReference[] }
  | { readonly type: 'failed'; readonly verb: 'create' | 'update'; readonly pod: string; readonly error: string };

export interface ControlInput {
  readonly set: StatefulSetView;
  readonly currentRevision: string;
  readonly updateRevision: string;
  readonly collisionCount: number;
  readonly pods: readonly SetPod[];
  /** The claim lister: claims by name. */
  readonly claims: ReadonlyMap<string, ClaimView>;
  /** status as the set has it (what inconsistentStatus compares with). */
  readonly previousStatus: StatefulSetStatus;
  readonly now: number;
  readonly features: StatefulSetFeatures;
  /**
   * Bumped by the caller whenever a claim is created, deleted or has its owners changed: lets the control
   * remember, per pod view object, that a healthy pod needs nothing (absent: nothing is remembered).
   */
  readonly claimsVersion?: number;
  /**
   * Per claim name, the claimsVersion of the claim's last change (creation, deletion, new owners). With it, a
   * healthy pod's remembered answer holds until one of its own claims changes, not any claim of the set.
   */
  readonly claimStamps?: ReadonlyMap<string, number>;
  /** The ordinal of the claim each claimsVersion bump was for (entry v - 1 for version v): with `settledRun`. */
  readonly claimChangeOrdinals?: readonly number[];
  /**
   * The caller's memory of the previous sync (one object per StatefulSet, absent: none): the replicas from
   * ordinal start on that were all healthy and needing nothing. While their views and claims are unchanged
   * they still need nothing and count the same, so the sync neither looks at them again nor recounts them.
   */
  readonly settledRun?: SettledRun;
}

/**
 * The leading replicas (indexes 0 .. views.length - 1) processReplica found healthy and needing nothing, under
 * `key` (the set, its revisions), as of claimsVersion `claimsVersion`; with running totals over them: how many
 * of the first i are at the current and at the update revision, and the highest index below i whose pod is
 * not at the update revision (-1: none).
 */
export interface SettledRun {
  key: string;
  claimsVersion: number;
  views: SetPod[];
  currentBefore: number[];
  updatedBefore: number[];
  lastOldBefore: number[];
  /** The stand-ins for missing replicas by index (not created: only name, namespace and revision), for `standInKey`. */
  standInKey: string;
  standIns: (SetPod | undefined)[];
}

/** An empty SettledRun for a caller to keep between syncs. */
export function newSettledRun(): SettledRun {
  return { key: '', claimsVersion: 0, views: [], currentBefore: [0], updatedBefore: [0], lastOldBefore: [-1], standInKey: '', standIns: [] };
}

export interface ControlResult {
  readonly ops: readonly ControlOp[];
  /** The status after completeRollingUpdate. */
  readonly status: StatefulSetStatus;
  /** inconsistentStatus: whether the status is written. */
  readonly writeStatus: boolean;
  /** The sync ended with an error (a failed create or update): the key is requeued with backoff. */
  readonly error: string | null;
}

/** runForAll's answer for one pod: stop the loop (monotonic), or an error (stops any loop). */
type Step = { readonly exit: boolean; readonly error?: string };
const GO_ON: Step = { exit: false };
const EXIT: Step = { exit: true };

export function updateStatefulSet(input: ControlInput): ControlResult {
  const { set, now, features } = input;
  const ops: ControlOp[] = [];
  const minReady = set.minReadySeconds;
  const start = startOrdinal(set);
  const end = endOrdinal(set);
  const monotonic = !allowsBurst(set);
  const setOwner = { name: set.name, uid: set.uid, retentionPolicy: set.retentionPolicy, startOrdinal: set.startOrdinal, replicas: set.replicas };
  // The claim lister as the sync found it: the claims it creates are not in it (the informer has not seen them).
  const claims = input.claims;

  // updateStatus over the listed pods; every path but the deleting set's counts again (recount) before it ends.
  let status: StatefulSetStatus = {
    observedGeneration: set.generation,
    currentRevision: input.currentRevision,
    updateRevision: input.updateRevision,
    collisionCount: input.collisionCount,
    ...(set.deleting ? countReplicas([input.pods], minReady, input.currentRevision, input.updateRevision, now) : NO_REPLICAS),
  };

  const setKey = `${set.namespace}/${set.name}/${set.volumeClaimTemplates.join('/')}`;
  // What processReplica's answer for a healthy pod depends on besides the pod: the set and the claims.
  const stamps = input.claimStamps;
  const settledKey =
    input.claimsVersion === undefined
      ? null
      : `${setKey}|${set.replicas}|${start}|${set.minReadySeconds}|${JSON.stringify(set.retentionPolicy)}|${features.autoDeletePVC}|${stamps === undefined ? input.claimsVersion : ''}`;
  // The leading replicas still settled since the previous sync: same views, none of their claims changed.
  const run = settledKey !== null && stamps !== undefined && input.claimChangeOrdinals !== undefined ? input.settledRun : undefined;
  const runKey = `${settledKey}|${input.currentRevision}|${input.updateRevision}`;
  const runValid = run !== undefined && run.key === runKey && !set.deleting;

  // Partition the pods: replicas in [start, end] at their index, condemned the others with a valid ordinal.
  const replicas: (SetPod | undefined)[] = new Array(Math.max(0, set.replicas));
  const condemned: SetPod[] = [];
  // The pods listed in the order of the settled run, as the last sync saw them, are at the same index.
  let listed = 0;
  if (runValid) {
    const limit = Math.min(run.views.length, input.pods.length);
    while (listed < limit && input.pods[listed] === run.views[listed]) {
      replicas[listed] = input.pods[listed];
      listed++;
    }
  }
  for (let p = listed; p < input.pods.length; p++) {
    const pod = input.pods[p];
    // podInOrdinalRange, with the ordinal parsed once.
    const ordinal = ordinalOf(pod.name);
    if (ordinal >= start && ordinal <= end) replicas[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  // newVersionedStatefulSetPod for every missing ordinal. Until the control creates it, only its name, revision
  // and absence matter: the full pod (identity, claim volumes) is made when it is created.
  // They are kept between syncs (the same name and revision: the same stand-in) rather than made again.
  const standInKey = `${set.namespace}/${set.name}/${start}`;
  if (run !== undefined && run.standInKey !== standInKey) {
    run.standInKey = standInKey;
    run.standIns.length = 0;
  }
  for (let ord = start; ord <= end; ord++) {
    if (replicas[ord - start] !== undefined) continue;
    const revision = newPodRevision(set, ord) === 'current' ? input.currentRevision : input.updateRevision;
    const kept = run?.standIns[ord - start];
    if (kept !== undefined && kept.revision === revision) {
      replicas[ord - start] = kept;
      continue;
    }
    replicas[ord - start] = { ...NOT_CREATED, name: podName(set.name, ord), namespace: set.namespace, revision };
    if (run !== undefined) run.standIns[ord - start] = replicas[ord - start];
  }
  const live = replicas as SetPod[];
  condemned.sort((a, b) => ordinalOf(b.name) - ordinalOf(a.name));

  let settledCount = 0;
  if (runValid) {
    const limit = Math.min(run.views.length, live.length);
    while (settledCount < limit && live[settledCount] === run.views[settledCount]) settledCount++;
    const changes = input.claimChangeOrdinals as readonly number[];
    for (let v = run.claimsVersion; v < (input.claimsVersion as number); v++) settledCount = Math.min(settledCount, Math.max(0, changes[v] - start));
  }

  // The first unavailable pod: among the replicas in ordinal order, else the lowest condemned one.
  // The settled leading replicas are all available.
  let firstUnavailable: SetPod | null = null;
  for (let i = settledCount; i < live.length; i++) {
    if (!isUnavailable(live[i], minReady, now)) continue;
    firstUnavailable = live[i];
    break;
  }
  for (let i = condemned.length - 1; i >= 0 && firstUnavailable === null; i--) if (isUnavailable(condemned[i], minReady, now)) firstUnavailable = condemned[i];

  const finish = (error: string | null): ControlResult => {
    const completed = completeRollingUpdate(set, status);
    return { ops, status: completed, writeStatus: inconsistentStatus(input.previousStatus, completed), error };
  };
  const recount = (): void => {
    // The settled leading replicas count as created, Ready and available, at their revision.
    const rest = countReplicas([settledCount === 0 ? live : live.slice(settledCount), condemned], minReady, input.currentRevision, input.updateRevision, now);
    status = {
      ...status,
      replicas: rest.replicas + settledCount,
      readyReplicas: rest.readyReplicas + settledCount,
      availableReplicas: rest.availableReplicas + settledCount,
      currentReplicas: rest.currentReplicas + (run?.currentBefore[settledCount] ?? 0),
      updatedReplicas: rest.updatedReplicas + (run?.updatedBefore[settledCount] ?? 0),
    };
    remember();
  };
  // The new settled run: the part still valid, then the replicas after it that are settled now.
  const remember = (): void => {
    if (run === undefined) return;
    let n = run.key === runKey ? settledCount : 0;
    run.key = runKey;
    run.claimsVersion = input.claimsVersion as number;
    run.views.length = n;
    run.currentBefore.length = n + 1;
    run.updatedBefore.length = n + 1;
    run.lastOldBefore.length = n + 1;
    for (; n < live.length; n++) {
      const pod = live[n];
      if (!isCreated(pod) || !isSettled(pod)) break;
      run.views.push(pod);
      run.currentBefore.push(run.currentBefore[n] + (pod.revision === input.currentRevision ? 1 : 0));
      run.updatedBefore.push(run.updatedBefore[n] + (pod.revision === input.updateRevision ? 1 : 0));
      run.lastOldBefore.push(pod.revision !== input.updateRevision ? n : run.lastOldBefore[n]);
    }
  };

  // A StatefulSet being deleted: only the status is updated.
  if (set.deleting) return finish(null);

  const podControl = new PodControl(set, setOwner, claims, ops, features);
  const isSettled = (pod: SetPod): boolean => {
    const known = settled.get(pod);
    if (known === undefined || known.key !== settledKey) return false;
    for (let t = 0; t < known.claims.length; t++) if (stamps?.get(known.claims[t]) !== known.stamps[t]) return false;
    return true;
  };
  const settle = (pod: SetPod): void => {
    if (settledKey === null) return;
    const ordinal = ordinalOf(pod.name);
    const claimNames = stamps === undefined ? [] : set.volumeClaimTemplates.map((template) => claimName(template, set.name, ordinal));
    settled.set(pod, { key: settledKey, claims: claimNames, stamps: claimNames.map((name) => stamps?.get(name)) });
  };

  // processReplica for each replica (stops at the first blocking one when monotonic).
  const processReplica = (i: number): Step => {
    if (i < settledCount) return GO_ON;
    let pod = live[i];
    if (settledKey !== null && isSettled(pod)) return GO_ON;
    // A pod that ended (Failed, or Succeeded after a forced stop) is deleted; the next sync recreates it.
    if (isFailed(pod) || isSucceeded(pod)) {
      if (pod.deletionTimestamp === null) ops.push({ type: 'deletePod', pod: pod.name, cause: isFailed(pod) ? 'failed' : 'succeeded' });
      return EXIT;
    }
    if (!isCreated(pod)) {
      if (features.autoDeletePVC && podClaimIsStale(set, pod, claims)) return EXIT;
      pod = live[i] = { ...newStatefulSetPod(set, ordinalOf(pod.name)), revision: pod.revision };
      const error = podControl.createStatefulPod(pod, ordinalOf(pod.name));
      if (error !== null) return { exit: true, error };
      if (monotonic) return EXIT;
    }
    if (isPending(pod)) {
      const error = podControl.createMissingClaims(pod);
      if (error !== null) return { exit: true, error };
    }
    if (isTerminating(pod) && monotonic) return EXIT;
    if (!isRunningAndReady(pod) && monotonic) return EXIT;
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) return EXIT;
    const retentionMatch = !features.autoDeletePVC || podControl.claimsMatchRetentionPolicy(pod);
    if (consistent(set, pod, setKey) && retentionMatch) {
      // Running, Ready, available (which stays so while the pod is unchanged), not terminating, consistent.
      if (settledKey !== null && isRunningAndAvailable(pod, minReady, now) && isRunningAndReady(pod) && !isTerminating(pod)) settle(pod);
      return GO_ON;
    }
    const error = podControl.updateStatefulPod(pod);
    return error === null ? GO_ON : { exit: true, error };
  };

  // Monotonic, the settled leading replicas are passed over (they need nothing); in bursts they keep their
  // places in the batches.
  let outcome = runForAll(live.length, processReplica, monotonic, monotonic ? settledCount : 0);
  if (outcome.exit) {
    recount();
    return finish(outcome.error ?? null);
  }

  // Fix the claims of condemned pods for the retention policy (the pod owns them once it is scaled down). The
  // claim updates cannot fail here, so this loop never stops the sync.
  if (features.autoDeletePVC) {
    runForAll(
      condemned.length,
      (i) => {
        if (!podControl.claimsMatchRetentionPolicy(condemned[i])) podControl.updateClaimsForRetentionPolicy(condemned[i]);
        return GO_ON;
      },
      monotonic,
    );
  }

  // processCondemned: scale down from the highest ordinal; monotonic waits for terminations and for the
  // predecessors to be Running, Ready and Available (the first unavailable pod itself may go).
  const processCondemned = (i: number): Step => {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic ? EXIT : GO_ON;
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnavailable) return EXIT;
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic && pod !== firstUnavailable) return EXIT;
    ops.push({ type: 'deletePod', pod: pod.name, cause: 'scaleDown' });
    return EXIT;
  };
  outcome = runForAll(condemned.length, processCondemned, monotonic);
  if (outcome.exit) {
    recount();
    return finish(outcome.error ?? null);
  }
  recount();

  // OnDelete: pods are replaced only when someone deletes them.
  if (set.updateStrategy.type === 'OnDelete') return finish(null);

  const rolling = set.updateStrategy.rollingUpdate;
  const updateMin = rolling === null ? 0 : rolling.partition;
  if (features.maxUnavailableStatefulSet) {
    // updateStatefulSetAfterInvariantEstablished: delete up to maxUnavailable - unavailable old pods, highest first.
    let maxUnavailable = 1;
    if (rolling !== null) {
      const resolved = statefulSetMaxUnavailable(rolling.maxUnavailable, set.replicas);
      if (typeof resolved !== 'number') return finish(resolved.error);
      maxUnavailable = resolved;
    }
    // Settled replicas are available and not terminating: among them only those not at the update revision matter.
    let unavailable = 0;
    for (let i = settledCount; i < live.length; i++) if (isUnavailable(live[i], minReady, now)) unavailable++;
    if (unavailable >= maxUnavailable) return finish(null);
    const toDelete = maxUnavailable - unavailable;
    let deleted = 0;
    for (let target = live.length - 1; target >= updateMin && deleted < toDelete; target--) {
      if (target < settledCount && run !== undefined) {
        target = run.lastOldBefore[target + 1];
        if (target < updateMin) break;
      }
      const pod = live[target];
      if (pod.revision !== input.updateRevision && !isTerminating(pod)) {
        ops.push({ type: 'deletePod', pod: pod.name, cause: 'update' });
        deleted++;
        status = { ...status, currentReplicas: status.currentReplicas - 1 };
      }
    }
    return finish(null);
  }
  // The legacy rolling update: the highest-ordinal old pod is deleted once every pod above it is available.
  for (let target = live.length - 1; target >= updateMin; target--) {
    if (target < settledCount && run !== undefined) {
      // Settled replicas are available and not terminating: the highest one not at the update revision goes.
      const old = run.lastOldBefore[target + 1];
      if (old < updateMin) return finish(null);
      target = old;
    }
    const pod = live[target];
    if (pod.revision !== input.updateRevision && !isTerminating(pod)) {
      ops.push({ type: 'deletePod', pod: pod.name, cause: 'update' });
      status = { ...status, currentReplicas: status.currentReplicas - 1 };
      return finish(null);
    }
    if (isUnavailable(pod, minReady, now)) return finish(null);
  }
  return finish(null);
}

const NO_REPLICAS = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 } as const;

/** A pod the control is about to create: not in the API yet (phase ''). */
const NOT_CREATED: SetPod = {
  name: '',
  namespace: '',
  uid: '',
  labels: {},
  volumes: [],
  hostname: '',
  subdomain: '',
  phase: '',
  ready: false,
  readyTransitionTime: null,
  deletionTimestamp: null,
  revision: '',
};

/**
 * identityMatches && storageMatches. They depend on the pod's identity and volumes and on the set's name,
 * namespace and claim templates, none of which a sync changes: an answer is kept per pod object.
 */
function consistent(set: StatefulSetView, pod: SetPod, key: string): boolean {
  if (consistentFor.get(pod) === key) return true;
  const ok = identityMatches(set, pod) && storageMatches(set, pod);
  if (ok) consistentFor.set(pod, key);
  return ok;
}

const consistentFor = new WeakMap<SetPod, string>();

/**
 * Pod views processReplica found healthy and needing nothing, under the key of what else it looked at: the set,
 * and the stamps of the pod's own claims (or, without stamps, the version of all the claims in the key).
 */
const settled = new WeakMap<SetPod, { readonly key: string; readonly claims: readonly string[]; readonly stamps: readonly (number | undefined)[] }>();

/**
 * runForAll: monotonic, one pod after the other until one says stop; otherwise slowStartBatch(1, n): batches
 * of 1, 2, 4, ... (at most MaxBatchSize) until a batch has an error — the calls of a batch run in parallel
 * upstream, here in ordinal order.
 */
function runForAll(count: number, fn: (i: number) => Step, monotonic: boolean, from = 0): Step {
  if (monotonic) {
    for (let i = from; i < count; i++) {
      const step = fn(i);
      if (step.exit || step.error !== undefined) return step;
    }
    return GO_ON;
  }
  let j = 0;
  let remaining = count;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining, MAX_BATCH_SIZE)) {
    let error: string | undefined;
    for (let i = 0; i < batch; i++) {
      const step = fn(j++);
      if (step.error !== undefined && error === undefined) error = step.error;
    }
    if (error !== undefined) return { exit: true, error };
    remaining -= batch;
  }
  return GO_ON;
}

/** updateStatus / computeReplicaStatus over pod lists. */
export function countReplicas(
  lists: readonly (readonly SetPod[])[],
  minReadySeconds: number,
  currentRevision: string,
  updateRevision: string,
  now: number,
): Pick<StatefulSetStatus, 'replicas' | 'readyReplicas' | 'availableReplicas' | 'currentReplicas' | 'updatedReplicas'> {
  let replicas = 0;
  let readyReplicas = 0;
  let availableReplicas = 0;
  let currentReplicas = 0;
  let updatedReplicas = 0;
  for (const list of lists) {
    for (const pod of list) {
      if (isCreated(pod)) replicas++;
      if (isRunningAndReady(pod)) {
        readyReplicas++;
        if (isRunningAndAvailable(pod, minReadySeconds, now)) availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        if (pod.revision === currentRevision) currentReplicas++;
        if (pod.revision === updateRevision) updatedReplicas++;
      }
    }
  }
  return { replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas };
}

/** StatefulPodControl: the API calls, in order, as operations. */
class PodControl {
  constructor(
    private readonly set: StatefulSetView,
    private readonly setOwner: { readonly name: string; readonly uid: string; readonly retentionPolicy: StatefulSetView['retentionPolicy']; readonly startOrdinal: number; readonly replicas: number },
    private readonly claims: ReadonlyMap<string, ClaimView>,
    private readonly ops: ControlOp[],
    private readonly features: StatefulSetFeatures,
  ) {}

  /** CreateStatefulPod: the claims first, then the pod, then the claims' owner references (as far as the lister shows them). */
  createStatefulPod(pod: SetPod, ordinal: number): string | null {
    const error = this.createClaims(pod);
    if (error !== null) {
      this.ops.push({ type: 'failed', verb: 'create', pod: pod.name, error });
      return error;
    }
    this.ops.push({ type: 'createPod', pod: pod.name, ordinal, revision: pod.revision });
    if (this.features.autoDeletePVC) this.updateClaimsForRetentionPolicy(pod);
    return null;
  }

  /** createMissingPersistentVolumeClaims: for a Pending pod. */
  createMissingClaims(pod: SetPod): string | null {
    const error = this.createClaims(pod);
    if (error !== null) return error;
    if (this.features.autoDeletePVC) this.updateClaimsForRetentionPolicy(pod);
    return null;
  }

  /** createPersistentVolumeClaims: a missing claim is created; one being deleted is an error. */
  private createClaims(pod: SetPod): string | null {
    const errors: string[] = [];
    const ordinal = ordinalOf(pod.name);
    for (const template of this.set.volumeClaimTemplates) {
      const name = claimName(template, this.set.name, ordinal);
      const claim = this.claims.get(name);
      if (claim === undefined) {
        if (!this.ops.some((op) => op.type === 'createClaim' && op.claim === name)) this.ops.push({ type: 'createClaim', claim: name, template, pod: pod.name });
      } else if (claim.deleting) errors.push(`pvc ${name} is being deleted`);
    }
    return errors.length === 0 ? null : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  }

  /** ClaimsMatchRetentionPolicy: every claim the lister has is owned as the policy says. */
  claimsMatchRetentionPolicy(pod: SetPod): boolean {
    const ordinal = ordinalOf(pod.name);
    for (const template of this.set.volumeClaimTemplates) {
      const claim = this.claims.get(claimName(template, this.set.name, ordinal));
      if (claim !== undefined && !isClaimOwnerUpToDate(claim.ownerReferences, this.setOwner, pod)) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy. */
  updateClaimsForRetentionPolicy(pod: SetPod): void {
    const ordinal = ordinalOf(pod.name);
    for (const template of this.set.volumeClaimTemplates) {
      const claim = this.claims.get(claimName(template, this.set.name, ordinal));
      if (claim === undefined || isClaimOwnerUpToDate(claim.ownerReferences, this.setOwner, pod)) continue;
      const refs = updateClaimOwnerRefs(claim.ownerReferences, this.setOwner, pod);
      if (!sameRefs(refs, claim.ownerReferences)) this.ops.push({ type: 'updateClaimOwners', claim: claim.name, ownerReferences: refs });
    }
  }

  /** UpdateStatefulPod: identity, storage (creating missing claims) and claim ownership; the pod is written when any was off. */
  updateStatefulPod(pod: SetPod): string | null {
    let consistent = true;
    let fixed: StatefulPodView = pod;
    if (!identityMatches(this.set, fixed)) {
      fixed = updateIdentity(this.set, fixed);
      consistent = false;
    }
    if (!storageMatches(this.set, fixed)) {
      fixed = updateStorage(this.set, fixed);
      consistent = false;
      const error = this.createClaims(pod);
      if (error !== null) {
        this.ops.push({ type: 'failed', verb: 'update', pod: pod.name, error });
        return error;
      }
    }
    if (this.features.autoDeletePVC && !this.claimsMatchRetentionPolicy(pod)) {
      this.updateClaimsForRetentionPolicy(pod);
      consistent = false;
    }
    if (!consistent) this.ops.push({ type: 'updatePod', pod: pod.name });
    return null;
  }
}

function sameRefs(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  return a.length === b.length && a.every((ref, i) => ref.uid === b[i].uid && ref.name === b[i].name && ref.kind === b[i].kind && ref.controller === b[i].controller);
}

/**
 * The event the pod control records for an operation (recordPodEvent / recordClaimEvent), on the StatefulSet:
 * `create Pod web-0 in StatefulSet web successful`, `create Claim www-web-0 Pod web-0 in StatefulSet web success`.
 */
export function eventOf(op: ControlOp, setName: string): { readonly eventType: 'Normal' | 'Warning'; readonly reason: string; readonly message: string } | null {
  switch (op.type) {
    case 'createPod':
      return { eventType: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${op.pod} in StatefulSet ${setName} successful` };
    case 'deletePod':
      return { eventType: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${op.pod} in StatefulSet ${setName} successful` };
    case 'updatePod':
      return { eventType: 'Normal', reason: 'SuccessfulUpdate', message: `update Pod ${op.pod} in StatefulSet ${setName} successful` };
    case 'createClaim':
      return { eventType: 'Normal', reason: 'SuccessfulCreate', message: `create Claim ${op.claim} Pod ${op.pod} in StatefulSet ${setName} success` };
    case 'failed': {
      const verb = op.verb === 'create' ? 'Create' : 'Update';
      return { eventType: 'Warning', reason: `Failed${verb}`, message: `${op.verb} Pod ${op.pod} in StatefulSet ${setName} failed error: ${op.error}` };
    }
    case 'updateClaimOwners':
      return null;
  }
}
