/**
 * A Deployment enters the simulation: its defaulted spec becomes the Deployment object, the Deployment and
 * ReplicaSet controllers act on it, and the scenario's setImage / patch / rollback events change it as
 * `kubectl set image`, `kubectl patch --type merge` and `kubectl rollout undo [--to-revision=N]` would.
 *
 * Deployment pods are long-running (restartPolicy Always): unless the scenario gives them a run time of its
 * own (pods.default.runSeconds, or an outcome), they run until deleted.
 */
import type { Deployment } from '../../model/types';
import { seconds } from '../cluster';
import { Kubelet } from '../kubelet';
import { ignoreStepsThatNeverCome, longRunningKubelet, objectNameOf } from '../longRunningSetup';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { ReplicaSetController } from '../replicaset/controller';
import { DeploymentController } from './controller';
import { AppsObjects, isRecord, type DeploymentSpecState } from './objects';
import { applyDeploymentPatch, rollbackDeployment } from './kubectl';
import { loadExistingReplicaSets } from './existing';
import { computeHash } from '../daemonset/history';
import { templateWithHash } from './sync';
import { EMPTY_REPLICASET_STATUS, REVISION_ANNOTATION, type DeploymentStrategy } from './types';
import { maxSurge, revisionOf, setReplicasAnnotations } from './util';
import { engineText } from '../engineText';
import { podTemplateInfoOf } from '../podTemplateInfo';
import { appsGarbageCollector, deleteAppsObject } from './deleteObject';

export const deploymentSimulator: WorkloadSimulator = {
  kind: 'Deployment',
  existingKinds: ['ReplicaSet', 'Pod'],
  setup(context: WorkloadContext): WorkloadRun {
    const object = context.object as Deployment;
    const spec = object.spec ?? {};
    const metadata = object.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const cluster = context.cluster;
    const state: DeploymentSpecState = {
      replicas: spec.replicas ?? 1,
      strategy: strategyOf(spec.strategy),
      minReadySeconds: spec.minReadySeconds ?? 0,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? null,
      revisionHistoryLimit: spec.revisionHistoryLimit ?? null,
      paused: spec.paused ?? false,
      template: JSON.parse(JSON.stringify(spec.template ?? {})) as Record<string, unknown>,
    };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(metadata.annotations ?? {})) if (typeof v === 'string') annotations[k] = v;
    const objects = new AppsObjects(cluster, 'Deployment', name, namespace, state, annotations, podTemplateInfoOf);
    const kubelet = longRunningKubelet(cluster, context.scenario);
    ignoreStepsThatNeverCome(cluster);
    if (!loadExistingReplicaSets(context, objects, kubelet)) addLiveReplicaSet(context, objects, kubelet);
    // The object exists from t=0: its (empty) status is the first thing `kubectl get deploy` shows.
    cluster.statusHistory.push({ at: 0, object: name, kind: 'Deployment', status: objects.statusJson() });

    cluster.note(engineText.t(cluster.locale, 'deploymentRun'));
    const selector = spec.selector;
    const selectsAll = selector !== undefined && selector.matchLabels === undefined && selector.matchExpressions === undefined;
    const kubectlName = `deployment/${name}`;
    return {
      object: { kind: 'Deployment', name, namespace },
      effectiveSpec: effectiveSpec(state, spec.selector),
      controllers: [new DeploymentController(objects, selectsAll), new ReplicaSetController(objects), appsGarbageCollector(objects, cluster)],
      applyEvent(event, now) {
        if (objects.deletedAt !== null) return { note: engineText.t(context.cluster.locale, 'ignoredObjectDeleted', { kind: 'Deployment', time: seconds(objects.deletedAt) }) };
        switch (event.type) {
          case 'delete':
            deleteAppsObject(objects, now);
            return { marker: `kubectl delete ${kubectlName}: deployment.apps "${name}" deleted` };
          case 'setImage': {
            const containers = containersOf(state.template);
            if (containers.length === 0) return { note: engineText.t(context.cluster.locale, 'ignoredNoContainers') };
            const container = containers[0];
            const containerName = typeof container.name === 'string' ? container.name : 'container-0';
            const command = `kubectl set image ${kubectlName} ${containerName}=${event.image}`;
            if (container.image === event.image) return { marker: `${command}: deployment.apps/${name} image unchanged` };
            state.template = JSON.parse(JSON.stringify(state.template)) as Record<string, unknown>;
            containersOf(state.template)[0].image = event.image;
            objects.specChanged(now);
            return { marker: `${command}: deployment.apps/${name} image updated` };
          }
          case 'patch': {
            const outcome = applyDeploymentPatch(state, event.patch);
            const command = `kubectl patch ${kubectlName} --type merge -p '${JSON.stringify(event.patch)}'`;
            if ('error' in outcome) return { note: `${command} at t=${seconds(now)}s: ${outcome.error}` };
            if (!outcome.changed) return { marker: `${command}: deployment.apps/${name} patched (no change)` };
            objects.specChanged(now);
            return { marker: `${command}: deployment.apps/${name} patched` };
          }
          case 'rollback': {
            const command = `kubectl rollout undo ${kubectlName}${event.revision === 0 ? '' : ` --to-revision=${event.revision}`}`;
            const outcome = rollbackDeployment(event.revision, state, objects.liveReplicaSets(), name);
            if (outcome.type === 'error') return { note: `${command} at t=${seconds(now)}s: error: ${outcome.message}` };
            if (outcome.type === 'skipped') return { marker: `${command}: deployment.apps/${name} ${outcome.message}` };
            state.template = outcome.template;
            for (const [k, v] of Object.entries(outcome.annotations)) objects.annotations[k] = v;
            objects.specChanged(now);
            return { marker: `${command}: deployment.apps/${name} rolled back` };
          }
          case 'suspend':
            return { note: engineText.t(context.cluster.locale, 'ignoredDeploymentSuspend') };
          default:
            return {};
        }
      },
      idleReason() {
        return state.paused && objects.deletedAt === null ? engineText.t(cluster.locale, 'deploymentPausedIdle') : undefined;
      },
      finalStatus() {
        return objects.statusJson();
      },
      replicaSets() {
        return objects.timelineReplicaSets();
      },
    };
  },
};

/**
 * A pasted live Deployment (status.replicas > 0) already runs its pods: one ReplicaSet of the current template
 * (`<name>-<pod-template-hash>`, the revision from the deployment.kubernetes.io/revision annotation, 1 when
 * absent) with status.replicas pods, assumed to be starting at t=0 (their real age is unknown). Older
 * ReplicaSets of a live Deployment are not in its manifest, so they are not modelled.
 */
function addLiveReplicaSet(context: WorkloadContext, objects: AppsObjects, kubelet: Kubelet): void {
  const status = isRecord(context.raw.status) ? context.raw.status : {};
  const count = typeof status.replicas === 'number' && Number.isInteger(status.replicas) ? status.replicas : 0;
  if (count <= 0) return;
  const collisionCount = typeof status.collisionCount === 'number' ? status.collisionCount : null;
  const d = objects.view();
  const hash = computeHash(d.template, collisionCount);
  const revision = String(revisionOf(d.annotations) || 1);
  objects.annotations[REVISION_ANNOTATION] = revision;
  objects.status = { ...objects.status, collisionCount };
  const annotations = setReplicasAnnotations({ [REVISION_ANNOTATION]: revision }, d.replicas, d.replicas + maxSurge(d)).annotations;
  const record = objects.createReplicaSet(
    { name: `${d.name}-${hash}`, uid: `${d.namespace}/${d.name}-${hash}`, createdAt: 0, generation: 1, deleting: false, replicas: count, minReadySeconds: d.minReadySeconds, annotations, template: templateWithHash(d.template, hash), status: EMPTY_REPLICASET_STATUS },
    0,
  );
  let created = 0;
  for (; created < count; created++) {
    const pod = kubelet.createPod(
      { type: 'createPod', owner: { kind: 'ReplicaSet', name: record.view.name }, namespace: d.namespace, generateName: `${record.view.name}-`, index: null, indexFailureCount: null, indexIgnoredFailureCount: null, revision: Number(revision), template: record.podTemplate },
      0,
    );
    if (pod === null) break;
    kubelet.place(pod, null, 0);
  }
  context.cluster.note(engineText.t(context.cluster.locale, 'deploymentPreexisting', { count, name: record.view.name, revision, created }));
}

function strategyOf(strategy: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } } | undefined): DeploymentStrategy {
  const type = strategy?.type || 'RollingUpdate';
  const rolling = type === 'RollingUpdate' ? strategy?.rollingUpdate : undefined;
  return { type, maxSurge: rolling?.maxSurge ?? null, maxUnavailable: rolling?.maxUnavailable ?? null };
}

export function containersOf(template: Record<string, unknown>): Record<string, unknown>[] {
  const spec = isRecord(template.spec) ? template.spec : {};
  return Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
}

/** The defaulted spec, the pod template reduced to what the simulation reads from it. */
function effectiveSpec(state: DeploymentSpecState, selector: unknown): Record<string, unknown> {
  const template = state.template;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  return {
    replicas: state.replicas,
    ...(selector !== undefined ? { selector } : {}),
    strategy: state.strategy.type === 'RollingUpdate' ? { type: 'RollingUpdate', rollingUpdate: { maxSurge: state.strategy.maxSurge, maxUnavailable: state.strategy.maxUnavailable } } : { type: state.strategy.type },
    minReadySeconds: state.minReadySeconds,
    revisionHistoryLimit: state.revisionHistoryLimit,
    progressDeadlineSeconds: state.progressDeadlineSeconds,
    paused: state.paused,
    template: {
      metadata: { ...(metadata.labels !== undefined ? { labels: metadata.labels } : {}) },
      spec: { containers: containersOf(template).map((c) => ({ name: c.name, image: c.image })) },
    },
  };
}
