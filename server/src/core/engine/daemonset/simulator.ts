/**
 * A DaemonSet enters the simulation: its defaulted spec becomes the DaemonSet object, the DaemonSet
 * controller acts on it, and the scenario's setImage / rollback events change its template as
 * `kubectl set image` and `kubectl rollout undo --to-revision=N` would.
 *
 * DaemonSet pods are long-running (restartPolicy Always): unless the scenario gives them a run time of its
 * own (pods.default.runSeconds other than the 30s Job default, or an outcome), they run until deleted.
 */
import { isAtLeast } from '../../kubernetesVersion';
import type { DaemonSet } from '../../model/types';
import { seconds } from '../cluster';
import { Kubelet } from '../kubelet';
import { ignoreStepsThatNeverCome, longRunningKubelet, objectNameOf } from '../longRunningSetup';
import type { WorkloadContext, WorkloadRun, WorkloadSimulator } from '../workload';
import { DaemonSetController, nodeViewOf, notifyDaemonSetChange } from './controller';
import { constructHistory, rollback } from './history';
import { DaemonSetObject, isRecord } from './object';
import { PlacementPolicy } from './scheduling';
import { EMPTY_DAEMONSET_STATUS, type DaemonSetStatus, type IntOrString, type UpdateStrategy } from './types';
import { engineText } from '../engineText';
import { setFirstContainerImage } from '../setImage';

export const daemonSetSimulator: WorkloadSimulator = {
  kind: 'DaemonSet',
  setup(context: WorkloadContext): WorkloadRun {
    const object = context.object as DaemonSet;
    const spec = object.spec ?? {};
    const metadata = object.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = objectNameOf(context, metadata);
    const cluster = context.cluster;
    const rawMetadata = isRecord(context.raw.metadata) ? context.raw.metadata : {};
    const template = JSON.parse(JSON.stringify(spec.template ?? {})) as Record<string, unknown>;
    const ds = new DaemonSetObject(
      {
        name,
        namespace,
        uid: typeof rawMetadata.uid === 'string' ? rawMetadata.uid : `${namespace}/${name}`,
        selector: spec.selector,
        template,
        updateStrategy: updateStrategyOf(spec.updateStrategy),
        minReadySeconds: spec.minReadySeconds ?? 0,
        revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
        status: { ...EMPTY_DAEMONSET_STATUS, collisionCount: collisionCountOf(context.raw.status) },
      },
      cluster.statusHistory,
    );

    const kubelet = longRunningKubelet(cluster, context.scenario);
    ignoreStepsThatNeverCome(cluster);
    addPreexistingPods(context, ds, kubelet);
    // The object exists from t=0: its (empty) status is the first thing `kubectl get ds` shows.
    ds.writeStatus(ds.status, 0);

    cluster.note(engineText.t(cluster.locale, 'daemonRun'));
    if (context.scenario.nodes.some((n) => !n.ready)) {
      cluster.note(engineText.t(cluster.locale, 'daemonNotReady'));
    }

    const surgeEnabled = isAtLeast(context.kubernetesVersion, 1, 22);
    const kubectlName = `daemonset/${name}`;
    return {
      object: { kind: 'DaemonSet', name, namespace },
      effectiveSpec: effectiveSpec(spec),
      controllers: [new DaemonSetController(ds, surgeEnabled)],
      applyEvent(event, now) {
        switch (event.type) {
          case 'setImage': {
            const edit = setFirstContainerImage(ds.template, kubectlName, event.image);
            if (edit === undefined) return { note: engineText.t(context.cluster.locale, 'ignoredNoContainers') };
            const command = edit.command;
            if (!ds.setTemplate(edit.template, now)) return { marker: `${command} (image unchanged: no new revision)` };
            notifyDaemonSetChange(cluster, name);
            return { marker: command };
          }
          case 'rollback': {
            const command = `kubectl rollout undo ${kubectlName}${event.revision === 0 ? '' : ` --to-revision=${event.revision}`}`;
            const outcome = rollback(event.revision, ds.template, ds.revisions);
            if (outcome.type === 'error') return { note: `${command} at t=${seconds(now)}s: error: ${outcome.message}` };
            if (outcome.type === 'skipped') return { marker: `${command}: ${kubectlName} ${outcome.message}` };
            ds.setTemplate(outcome.template, now);
            notifyDaemonSetChange(cluster, name);
            return { marker: `${command}: daemonset.apps/${name} ${outcome.message}` };
          }
          case 'suspend':
            return { note: engineText.t(context.cluster.locale, 'ignoredCannotSuspend', { kind: 'DaemonSet' }) };
          default:
            return {};
        }
      },
      finalStatus() {
        return ds.statusJson();
      },
    };
  },
};

/**
 * A pasted live DaemonSet (status.currentNumberScheduled > 0) already has its pods: one per node that should
 * run one, at the first revision, starting at t=0 (their real age is unknown).
 */
function addPreexistingPods(context: WorkloadContext, ds: DaemonSetObject, kubelet: Kubelet): void {
  const status = isRecord(context.raw.status) ? context.raw.status : {};
  const count = typeof status.currentNumberScheduled === 'number' && Number.isInteger(status.currentNumberScheduled) ? status.currentNumberScheduled : 0;
  if (count <= 0) return;
  const history = constructHistory(ds.name, ds.template, ds.revisions, ds.status.collisionCount);
  ds.applyHistoryWrites(history.writes);
  const policy = new PlacementPolicy(ds.podSpec);
  const template = ds.templateInfo(history.cur.hash, ds.template);
  ds.labelsByHash.set(history.cur.hash, ds.templateLabels);
  let created = 0;
  for (const node of context.cluster.liveNodes()) {
    if (created >= count) break;
    if (!policy.placement(nodeViewOf(node)).shouldRun) continue;
    const pod = kubelet.createPod(
      { type: 'createPod', owner: { kind: 'DaemonSet', name: ds.name }, namespace: ds.namespace, generateName: `${ds.name}-`, index: null, indexFailureCount: null, indexIgnoredFailureCount: null, nodeName: node.name, revision: history.cur.revision, template },
      0,
    );
    if (pod === null) break;
    kubelet.place(pod, node.name, 0);
    created++;
  }
  context.cluster.note(engineText.t(context.cluster.locale, 'daemonPreexisting', { count, created }));
}

function updateStrategyOf(strategy: { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } } | undefined): UpdateStrategy {
  const type = strategy?.type || 'RollingUpdate';
  const rolling = strategy?.rollingUpdate;
  return { type, maxUnavailable: rolling?.maxUnavailable ?? null, maxSurge: rolling?.maxSurge ?? null };
}

function collisionCountOf(status: unknown): DaemonSetStatus['collisionCount'] {
  return isRecord(status) && typeof status.collisionCount === 'number' ? status.collisionCount : null;
}

/** The defaulted spec, the pod template reduced to what the simulation reads from it. */
function effectiveSpec(spec: NonNullable<DaemonSet['spec']>): Record<string, unknown> {
  const template = (spec.template ?? {}) as Record<string, unknown>;
  const podSpec = isRecord(template.spec) ? template.spec : {};
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers.filter(isRecord) : [];
  const pick = (key: string): Record<string, unknown> => (podSpec[key] !== undefined ? { [key]: podSpec[key] } : {});
  return {
    ...(spec.selector !== undefined ? { selector: spec.selector } : {}),
    updateStrategy: spec.updateStrategy,
    minReadySeconds: spec.minReadySeconds ?? 0,
    revisionHistoryLimit: spec.revisionHistoryLimit,
    template: {
      metadata: { ...(metadata.labels !== undefined ? { labels: metadata.labels } : {}) },
      spec: {
        containers: containers.map((c) => ({ name: c.name, image: c.image })),
        ...pick('nodeSelector'),
        ...pick('nodeName'),
        ...pick('affinity'),
        ...pick('tolerations'),
        ...pick('hostNetwork'),
        restartPolicy: podSpec.restartPolicy,
        terminationGracePeriodSeconds: podSpec.terminationGracePeriodSeconds,
      },
    },
  };
}
