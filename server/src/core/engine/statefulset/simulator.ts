/**
 * A StatefulSet enters the simulation: its defaulted spec becomes the StatefulSet object, the StatefulSet
 * controller acts on it (and, before each sync, the garbage collector's part: the claims a deleted pod owned),
 * and the scenario's setImage / rollback events change its template as `kubectl set image` and `kubectl
 * rollout undo --to-revision=N` would.
 *
 * StatefulSet pods are long-running (restartPolicy Always): unless the scenario gives them a run time of its
 * own, they run until deleted.
 */
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import type { StatefulSet } from '../../model/types';
import type { Cluster, ClusterChange } from '../cluster';
import { seconds } from '../cluster';
import { rollback } from '../daemonset/history';
import { isRecord } from '../daemonset/object';
import { Kubelet } from '../kubelet';
import { ignoreStepsThatNeverCome, longRunningKubelet, objectNameOf } from '../longRunningSetup';
import type { TimelinePersistentVolumeClaim } from '../timeline';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { notifyStatefulSetChange, StatefulSetController } from './controller';
import { statefulSetRevisions } from './history';
import { StatefulSetObject, type StatefulSetSpecState } from './object';
import { EMPTY_STATEFULSET_STATUS, type StatefulSetFeatures, type UpdateStrategy } from './types';
import { claimName, podName } from './utils';
import { loadExistingStatefulSetState } from './existing';
import { engineText } from '../engineText';
import { setFirstContainerImage } from '../setImage';
import { DeletedOwnerCollector } from '../deployment/garbageCollector';
import { mergePatch } from '../deployment/kubectl';

/**
 * The release's StatefulSet feature gates as on by default (pkg/features/kube_features.go). MaxUnavailableStatefulSet:
 * alpha (off) 1.24-1.34, beta and on in 1.35.0-1.35.3 (the engine's 1.35), off again in 1.36 (kubernetes issue
 * 137409, PR 137904), on from 1.37 (PR 139466) — as model/defaults.ts defaults maxUnavailable.
 */
export function statefulSetFeaturesFor(version: KubernetesVersion): StatefulSetFeatures {
  return {
    maxUnavailableStatefulSet: (version.major === 1 && version.minor === 35) || isAtLeast(version, 1, 37),
    autoDeletePVC: isAtLeast(version, 1, 27),
    startOrdinal: isAtLeast(version, 1, 27),
  };
}

export const statefulSetSimulator: WorkloadSimulator = {
  kind: 'StatefulSet',
  existingKinds: ['Pod', 'PersistentVolumeClaim'],
  setup(context: WorkloadContext): WorkloadRun {
    const object = context.object as StatefulSet;
    const spec = object.spec ?? {};
    const metadata = object.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const cluster = context.cluster;
    const tooMany = replicasOverLimit(spec.replicas ?? 1, cluster);
    if (tooMany !== undefined) context.error('spec.replicas', tooMany);
    const features = statefulSetFeaturesFor(context.kubernetesVersion);
    const rawMetadata = isRecord(context.raw.metadata) ? context.raw.metadata : {};
    const template = JSON.parse(JSON.stringify(spec.template ?? {})) as Record<string, unknown>;
    const policy = spec.persistentVolumeClaimRetentionPolicy;
    const set = new StatefulSetObject(
      {
        name,
        namespace,
        uid: typeof rawMetadata.uid === 'string' ? rawMetadata.uid : `${namespace}/${name}`,
        selectorLabels: spec.selector?.matchLabels ?? {},
        template,
        volumeClaimTemplates: (spec.volumeClaimTemplates ?? []).map((t) => ({ name: t.metadata?.name ?? '', labels: t.metadata?.labels ?? {} })),
        spec: {
          replicas: spec.replicas ?? 1,
          podManagementPolicy: spec.podManagementPolicy ?? 'OrderedReady',
          updateStrategy: updateStrategyOf(spec.updateStrategy),
          minReadySeconds: spec.minReadySeconds ?? 0,
          revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
          // Without StatefulSetAutoDeletePVC the policy is dropped: the claims are always retained.
          retentionPolicy: features.autoDeletePVC && policy !== undefined ? { whenDeleted: policy.whenDeleted ?? 'Retain', whenScaled: policy.whenScaled ?? 'Retain' } : null,
          startOrdinal: features.startOrdinal ? (spec.ordinals?.start ?? 0) : 0,
          serviceName: spec.serviceName ?? '',
        },
        status: { ...EMPTY_STATEFULSET_STATUS, collisionCount: collisionCountOf(context.raw.status) },
      },
      cluster.statusHistory,
    );

    const kubelet = longRunningKubelet(cluster, context.scenario);
    ignoreStepsThatNeverCome(cluster);
    if (!loadExistingStatefulSetState(context, set, kubelet)) addPreexistingPods(context, set, kubelet);
    // The object exists from t=0: its (empty) status is the first thing `kubectl get sts` shows.
    set.writeStatus(set.status, 0);

    cluster.note(engineText.t(cluster.locale, 'statefulRun'));
    if (set.spec.updateStrategy.rollingUpdate?.maxUnavailable !== null && set.spec.updateStrategy.rollingUpdate !== null && !features.maxUnavailableStatefulSet) {
      cluster.note(engineText.t(cluster.locale, 'statefulMaxUnavailable'));
    }

    const notify = (change: ClusterChange): void => cluster.hooks.notify(change);
    const kubectlName = `statefulset/${name}`;
    return {
      object: { kind: 'StatefulSet', name, namespace },
      effectiveSpec: effectiveSpec(spec),
      controllers: [
        new StatefulSetController(set, features),
        new DeletedOwnerCollector(`${namespace}/${name}`, () => set.deletedAt !== null && !set.dependentsCollected, (now) => set.collectDependents(cluster, now)),
      ],
      applyEvent(event, now) {
        if (set.deletedAt !== null) return { note: engineText.t(context.cluster.locale, 'ignoredObjectDeleted', { kind: 'StatefulSet', time: seconds(set.deletedAt) }) };
        switch (event.type) {
          case 'delete':
            set.deletedAt = now;
            notifyStatefulSetChange(notify, name);
            return { marker: `kubectl delete ${kubectlName}: statefulset.apps "${name}" deleted` };
          case 'setImage': {
            const edit = setFirstContainerImage(set.template, kubectlName, event.image);
            if (edit === undefined) return { note: engineText.t(context.cluster.locale, 'ignoredNoContainers') };
            const command = edit.command;
            if (!set.setTemplate(edit.template, now)) return { marker: `${command}: statefulset.apps/${name} image unchanged` };
            notifyStatefulSetChange(notify, name);
            return { marker: `${command}: statefulset.apps/${name} image updated` };
          }
          case 'rollback': {
            const command = `kubectl rollout undo ${kubectlName}${event.revision === 0 ? '' : ` --to-revision=${event.revision}`}`;
            const outcome = rollback(event.revision, set.template, set.revisions);
            if (outcome.type === 'error') return { note: `${command} at t=${seconds(now)}s: error: ${outcome.message}` };
            if (outcome.type === 'skipped') return { marker: `${command}: ${kubectlName} ${outcome.message}` };
            set.setTemplate(outcome.template, now);
            notifyStatefulSetChange(notify, name);
            return { marker: `${command}: statefulset.apps/${name} ${outcome.message}` };
          }
          case 'patch': {
            const command = `kubectl patch ${kubectlName} --type merge -p '${JSON.stringify(event.patch)}'`;
            const outcome = applySpecPatch(event.patch, set, now, notify, context.cluster);
            if (outcome.error !== undefined) return { note: `${command} at t=${seconds(now)}s: ${outcome.error}` };
            return { marker: `${command}: statefulset.apps/${name} patched${outcome.changed ? '' : ' (no change)'}` };
          }
          case 'suspend':
            return { note: engineText.t(context.cluster.locale, 'ignoredCannotSuspend', { kind: 'StatefulSet' }) };
          default:
            return {};
        }
      },
      finalStatus() {
        return set.statusJson();
      },
      persistentVolumeClaims() {
        return set.claimRecords.map(timelineClaim);
      },
    };
  },
};

/**
 * A scenario `patch` event (`kubectl patch statefulset/<name> --type merge -p <patch>`, a JSON merge patch of
 * the object): spec.replicas, spec.updateStrategy (type, rollingUpdate.partition and maxUnavailable) and
 * spec.minReadySeconds change the object; a spec.template change is a new revision. Other fields are not
 * simulated (the API server makes most of a StatefulSet's spec immutable).
 */
/**
 * A replica count the run could not get through: every sync visits each ordinal (as upstream's
 * updateStatefulSet does), so a count past the pod limit (2147483647, say) would never end; it is refused.
 */
function replicasOverLimit(replicas: number, cluster: Cluster): string | undefined {
  return replicas > cluster.maxPods ? engineText.t(cluster.locale, 'statefulSetReplicasOverLimit', { replicas, limit: cluster.maxPods }) : undefined;
}

function applySpecPatch(
  patch: Readonly<Record<string, unknown>>,
  set: StatefulSetObject,
  now: number,
  notify: (change: ClusterChange) => void,
  cluster: Cluster,
): { readonly changed: boolean; readonly error?: string } {
  if (!isRecord(patch.spec)) return { changed: false, error: 'only spec is simulated: give {spec: {...}}' };
  const specPatch = patch.spec;
  const s: StatefulSetSpecState = set.spec;
  let changed = false;
  // The API server's validation of what the simulation reads (ValidateStatefulSetSpec).
  if (specPatch.replicas !== undefined && !(typeof specPatch.replicas === 'number' && Number.isInteger(specPatch.replicas) && specPatch.replicas >= 0)) {
    return { changed: false, error: `The StatefulSet "${set.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(specPatch.replicas)}: must be greater than or equal to 0` };
  }
  const tooMany = typeof specPatch.replicas === 'number' ? replicasOverLimit(specPatch.replicas, cluster) : undefined;
  if (tooMany !== undefined) return { changed: false, error: tooMany };
  if (typeof specPatch.replicas === 'number' && Number.isInteger(specPatch.replicas) && specPatch.replicas >= 0 && specPatch.replicas !== s.replicas) {
    s.replicas = specPatch.replicas;
    changed = true;
  }
  if (typeof specPatch.minReadySeconds === 'number' && specPatch.minReadySeconds >= 0 && specPatch.minReadySeconds !== s.minReadySeconds) {
    s.minReadySeconds = specPatch.minReadySeconds;
    changed = true;
  }
  if (isRecord(specPatch.updateStrategy)) {
    const next = mergeStrategy(s.updateStrategy, specPatch.updateStrategy);
    if (JSON.stringify(next) !== JSON.stringify(s.updateStrategy)) {
      s.updateStrategy = next;
      changed = true;
    }
  }
  let templateChanged = false;
  if (isRecord(specPatch.template)) templateChanged = set.setTemplate(mergePatch(set.template, specPatch.template) as Record<string, unknown>, now);
  if (!changed && !templateChanged) return { changed: false };
  if (changed) set.specChanged(now);
  notifyStatefulSetChange(notify, set.name);
  return { changed: true };
}

function mergeStrategy(current: UpdateStrategy, patch: Record<string, unknown>): UpdateStrategy {
  const type = typeof patch.type === 'string' ? patch.type : current.type;
  if (type === 'OnDelete') return { type, rollingUpdate: null };
  const rolling = isRecord(patch.rollingUpdate) ? patch.rollingUpdate : {};
  const base = current.rollingUpdate ?? { partition: 0, maxUnavailable: null };
  return {
    type,
    rollingUpdate: {
      partition: typeof rolling.partition === 'number' && Number.isInteger(rolling.partition) && rolling.partition >= 0 ? rolling.partition : base.partition,
      maxUnavailable: typeof rolling.maxUnavailable === 'number' || typeof rolling.maxUnavailable === 'string' ? rolling.maxUnavailable : base.maxUnavailable,
    },
  };
}

/**
 * A pasted live StatefulSet (status.replicas > 0) already has its pods and their claims: ordinals from
 * ordinals.start, at the current template, starting at t=0 (their real age is unknown). More pods than
 * spec.replicas preview the scale-down.
 */
function addPreexistingPods(context: WorkloadContext, set: StatefulSetObject, kubelet: Kubelet): void {
  const status = isRecord(context.raw.status) ? context.raw.status : {};
  const count = typeof status.replicas === 'number' && Number.isInteger(status.replicas) ? Math.min(status.replicas, 100_000) : 0;
  if (count <= 0 || set.name === '') return;
  const revisions = statefulSetRevisions(set.name, set.template, set.revisions, set.status.collisionCount, '', set.templateData);
  set.applyHistoryWrites(revisions.writes);
  const revision = revisions.update;
  const info = set.templateInfo(revision);
  const start = set.spec.startOrdinal;
  let created = 0;
  for (let ordinal = start; ordinal < start + count; ordinal++) {
    for (const template of set.volumeClaimTemplates) set.addClaim(claimName(template.name, set.name, ordinal), template.name, ordinal, 0);
    const name = podName(set.name, ordinal);
    const pod = kubelet.createPod(
      { type: 'createPod', owner: { kind: 'StatefulSet', name: set.name }, namespace: set.namespace, name, generateName: `${set.name}-`, index: ordinal, indexFailureCount: null, indexIgnoredFailureCount: null, revision: revision.revision, template: info },
      0,
    );
    if (pod === null) break;
    kubelet.place(pod, null, 0);
    created++;
  }
  context.cluster.note(engineText.t(context.cluster.locale, 'statefulPreexisting', { count, created, first: podName(set.name, start) }));
}

function updateStrategyOf(strategy: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } } | undefined): UpdateStrategy {
  const type = strategy?.type || 'RollingUpdate';
  const rolling = strategy?.rollingUpdate;
  if (rolling === undefined) return { type, rollingUpdate: null };
  return { type, rollingUpdate: { partition: rolling.partition ?? 0, maxUnavailable: rolling.maxUnavailable ?? null } };
}

function collisionCountOf(status: unknown): number {
  return isRecord(status) && typeof status.collisionCount === 'number' ? status.collisionCount : 0;
}

function timelineClaim(claim: { readonly name: string; readonly ordinal: number; readonly template: string; readonly createdAt: number; readonly deletedAt: number | null; readonly deletedBy: string | null }): TimelinePersistentVolumeClaim {
  return { name: claim.name, template: claim.template, ordinal: claim.ordinal, created: seconds(claim.createdAt), deleted: claim.deletedAt === null ? null : seconds(claim.deletedAt), deletedBy: claim.deletedBy };
}

/** The defaulted spec, the pod template reduced to what the simulation reads from it. */
function effectiveSpec(spec: NonNullable<StatefulSet['spec']>): Record<string, unknown> {
  const template = (spec.template ?? {}) as Record<string, unknown>;
  const podSpec = isRecord(template.spec) ? template.spec : {};
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers.filter(isRecord) : [];
  return {
    replicas: spec.replicas,
    ...(spec.selector !== undefined ? { selector: spec.selector } : {}),
    serviceName: spec.serviceName,
    podManagementPolicy: spec.podManagementPolicy,
    updateStrategy: spec.updateStrategy,
    minReadySeconds: spec.minReadySeconds ?? 0,
    revisionHistoryLimit: spec.revisionHistoryLimit,
    ...(spec.ordinals !== undefined ? { ordinals: spec.ordinals } : {}),
    ...(spec.persistentVolumeClaimRetentionPolicy !== undefined ? { persistentVolumeClaimRetentionPolicy: spec.persistentVolumeClaimRetentionPolicy } : {}),
    volumeClaimTemplates: (spec.volumeClaimTemplates ?? []).map((t) => ({ metadata: { name: t.metadata?.name } })),
    template: {
      metadata: { ...(metadata.labels !== undefined ? { labels: metadata.labels } : {}) },
      spec: {
        containers: containers.map((c) => ({ name: c.name, image: c.image })),
        restartPolicy: podSpec.restartPolicy,
        terminationGracePeriodSeconds: podSpec.terminationGracePeriodSeconds,
      },
    },
  };
}
