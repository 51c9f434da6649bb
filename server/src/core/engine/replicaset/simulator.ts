/**
 * A bare ReplicaSet enters the simulation: the ReplicaSet controller keeps spec.replicas pods of its template.
 * `kubectl set image` and a `patch` change the template and the size; as in a cluster, a new template only
 * reaches pods created after it (a ReplicaSet does not roll out). Its pods run until deleted unless the
 * scenario gives them a run time.
 */
import type { ReplicaSet } from '../../model/types';
import { seconds } from '../cluster';
import { AppsObjects, isRecord } from '../deployment/objects';
import { mergePatch } from '../deployment/kubectl';
import { containersOf } from '../deployment/simulator';
import { podTemplateInfoOf } from '../podTemplateInfo';
import { EMPTY_REPLICASET_STATUS, type ReplicaSetView } from '../deployment/types';
import { ignoreStepsThatNeverCome, longRunningKubelet, objectNameOf } from '../longRunningSetup';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { ReplicaSetController } from './controller';
import { engineText } from '../engineText';
import { appsGarbageCollector, deleteAppsObject } from '../deployment/deleteObject';

export const replicaSetSimulator: WorkloadSimulator = {
  kind: 'ReplicaSet',
  setup(context: WorkloadContext): WorkloadRun {
    const object = context.object as ReplicaSet;
    const spec = object.spec ?? {};
    const metadata = object.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const cluster = context.cluster;
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(metadata.annotations ?? {})) if (typeof v === 'string') annotations[k] = v;
    const objects = new AppsObjects(
      cluster,
      'ReplicaSet',
      name,
      namespace,
      { replicas: spec.replicas ?? 1, strategy: { type: 'RollingUpdate', maxSurge: null, maxUnavailable: null }, minReadySeconds: spec.minReadySeconds ?? 0, progressDeadlineSeconds: null, revisionHistoryLimit: null, paused: false, template: {} },
      annotations,
      podTemplateInfoOf,
    );
    const initial: ReplicaSetView = {
      name,
      uid: `${namespace}/${name}`,
      createdAt: 0,
      generation: 1,
      deleting: false,
      replicas: spec.replicas ?? 1,
      minReadySeconds: spec.minReadySeconds ?? 0,
      annotations,
      template: JSON.parse(JSON.stringify(spec.template ?? {})) as Record<string, unknown>,
      status: EMPTY_REPLICASET_STATUS,
    };
    objects.createReplicaSet(initial, 0);
    longRunningKubelet(cluster, context.scenario); // it registers itself as cluster.kubelet
    ignoreStepsThatNeverCome(cluster);
    const current = (): ReplicaSetView | undefined => objects.replicaSets.get(name)?.view;
    const update = (next: ReplicaSetView, now: number): void => {
      objects.replaceReplicaSet(next, now);
    };
    const kubectlName = `replicaset/${name}`;
    return {
      object: { kind: 'ReplicaSet', name, namespace },
      effectiveSpec: { replicas: initial.replicas, ...(spec.selector !== undefined ? { selector: spec.selector } : {}), minReadySeconds: initial.minReadySeconds, template: { spec: { containers: containersOf(initial.template).map((c) => ({ name: c.name, image: c.image })) } } },
      controllers: [new ReplicaSetController(objects), appsGarbageCollector(objects, cluster)],
      applyEvent(event, now) {
        const rs = current();
        if (objects.deletedAt !== null) return { note: engineText.t(context.cluster.locale, 'ignoredObjectDeleted', { kind: 'ReplicaSet', time: seconds(objects.deletedAt) }) };
        if (rs === undefined) return { note: engineText.t(context.cluster.locale, 'ignoredReplicaSetGone') };
        switch (event.type) {
          case 'delete':
            deleteAppsObject(objects, now);
            return { marker: `kubectl delete ${kubectlName}: replicaset.apps "${name}" deleted` };
          case 'setImage': {
            const template = JSON.parse(JSON.stringify(rs.template)) as Record<string, unknown>;
            const containers = containersOf(template);
            if (containers.length === 0) return { note: engineText.t(context.cluster.locale, 'ignoredNoContainers') };
            const containerName = typeof containers[0].name === 'string' ? containers[0].name : 'container-0';
            containers[0].image = event.image;
            update({ ...rs, template, generation: rs.generation + 1 }, now);
            return { marker: `kubectl set image ${kubectlName} ${containerName}=${event.image}: replicaset.apps/${name} image updated (only pods created from now on run it)` };
          }
          case 'patch': {
            const specPatch = 'spec' in event.patch || 'metadata' in event.patch ? event.patch.spec : event.patch;
            if (!isRecord(specPatch)) return { note: `kubectl patch ${kubectlName} at t=${seconds(now)}s: the patch's spec must be a mapping` };
            const next = mergePatch({ replicas: rs.replicas, minReadySeconds: rs.minReadySeconds, template: rs.template }, specPatch) as Record<string, unknown>;
            const replicas = next.replicas ?? 1;
            const minReady = next.minReadySeconds ?? 0;
            if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) return { note: `kubectl patch ${kubectlName} at t=${seconds(now)}s: The ReplicaSet is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` };
            if (typeof minReady !== 'number' || !Number.isInteger(minReady) || minReady < 0) return { note: `kubectl patch ${kubectlName} at t=${seconds(now)}s: The ReplicaSet is invalid: spec.minReadySeconds: Invalid value: ${JSON.stringify(minReady)}: must be greater than or equal to 0` };
            update({ ...rs, replicas, minReadySeconds: minReady, template: isRecord(next.template) ? next.template : {}, generation: rs.generation + 1 }, now);
            return { marker: `kubectl patch ${kubectlName} --type merge -p '${JSON.stringify(event.patch)}': replicaset.apps/${name} patched` };
          }
          case 'rollback':
            return { note: engineText.t(context.cluster.locale, 'ignoredReplicaSetRollback') };
          case 'suspend':
            return { note: engineText.t(context.cluster.locale, 'ignoredCannotSuspend', { kind: 'ReplicaSet' }) };
          default:
            return {};
        }
      },
      finalStatus() {
        const s = current()?.status ?? EMPTY_REPLICASET_STATUS;
        return { replicas: s.replicas, readyReplicas: s.readyReplicas, availableReplicas: s.availableReplicas, observedGeneration: s.observedGeneration };
      },
      replicaSets() {
        return objects.timelineReplicaSets();
      },
    };
  },
};

