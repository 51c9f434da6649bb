/**
 * What the simulators of long-running workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet) do alike as
 * their object enters the simulation: name it, and make its pods run until deleted.
 */
import type { ObjectMeta } from '../model/types';
import type { Cluster } from './cluster';
import { Kubelet } from './kubelet';
import { generateName, Random, streamSeed } from './random';
import type { Scenario } from './scenario';
import type { WorkloadContext } from './workload';

/**
 * The object's name: metadata.name, or the one the API server makes from generateName (the pods are then
 * named after it). With neither, the API server's Required error is reported and the name stays empty. Job and
 * CronJob name their object the same way.
 */
export function objectNameOf(context: WorkloadContext, metadata: ObjectMeta): string {
  const name = metadata.name ?? '';
  if (name !== '') return name;
  if (metadata.generateName) return generateName(metadata.generateName, new Random(streamSeed(context.scenario.seed, 'object-names')));
  context.error('metadata.name', 'Required value: name or generateName is required');
  return name;
}

/**
 * These pods are long-running (restartPolicy Always): unless the scenario sets `pods.default.runSeconds`, the
 * default run time (30 s, meant for Jobs) becomes "until deleted". Kubelet takes its pod behaviour from the
 * scenario it is built with, so the run gets its own.
 */
export function longRunningKubelet(cluster: Cluster, scenario: Scenario): Kubelet {
  const runMs = scenario.pods.defaultRunWritten ? scenario.pods.default.runMs : Infinity;
  return new Kubelet(cluster, { ...scenario, pods: { ...scenario.pods, default: { ...scenario.pods.default, runMs } } });
}

/** A container that never exits (or never becomes Ready) has no step for "never": nothing is put on the agenda for it. */
export function ignoreStepsThatNeverCome(cluster: Cluster): void {
  const hooks = cluster.hooks;
  cluster.hooks = {
    notify: hooks.notify,
    schedule: (at, task) => {
      if (Number.isFinite(at)) hooks.schedule(at, task);
    },
  };
}
