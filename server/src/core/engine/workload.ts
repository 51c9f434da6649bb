/**
 * How a kind of workload enters a simulation: a WorkloadSimulator puts the object (with its status)
 * into the cluster and names the controllers that act on it. simulate.ts keeps one per kind.
 */
import type { KubernetesVersion } from '../kubernetesVersion';
import type { Workload, WorkloadKind } from '../model/types';
import type { Cluster } from './cluster';
import type { Controller } from './controller';
import type { JobFeatures } from './job/types';
import type { Kubelet } from './kubelet';
import type { Scenario, ScenarioEvent } from './scenario';
import type { TimelineObjectRef, TimelinePersistentVolumeClaim, TimelineReplicaSet } from './timeline';

export interface WorkloadContext {
  readonly cluster: Cluster;
  readonly kubelet: Kubelet;
  /** Decoded and defaulted (model/defaults.ts). */
  readonly object: Workload;
  /** Decoded, not defaulted: to tell a written value from a default. */
  readonly written: Workload;
  /** The manifest as given, for its `status` (the starting state) and metadata. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly scenario: Scenario;
  readonly kubernetesVersion: KubernetesVersion;
  readonly jobFeatures: JobFeatures;
  /** The kube-controller-manager's time zone (SimulateOptions.controllerTimeZone); UTC when absent. */
  readonly controllerTimeZone?: string;
  /** A problem with the object that stops the simulation (path in the manifest). */
  error(path: string, message: string): void;
  /** Something worth telling but not stopping for. */
  warn(path: string, message: string): void;
  /** A problem with the scenario's `existing` objects that stops the simulation (path in the scenario). */
  scenarioError?(path: string, message: string): void;
}

export interface WorkloadRun {
  readonly object: TimelineObjectRef;
  readonly effectiveSpec: Readonly<Record<string, unknown>>;
  readonly controllers: readonly Controller[];
  /** Scenario events aimed at the object (suspend, setImage, rollback); returns the marker text, or a note why it was ignored (without the event's path: the caller adds it). */
  applyEvent(event: ScenarioEvent, now: number): { readonly marker?: string; readonly note?: string };
  /**
   * Why nothing more happens although the object has not finished (a Job with parallelism 0, a suspended
   * CronJob), for a run that ends because nothing is left to do: without it such a run ends at once, silently.
   */
  idleReason?(): string | undefined;
  /** The object's status when the run ends. */
  finalStatus(): Readonly<Record<string, unknown>>;
  /** The horizon when the scenario sets no `until` (a CronJob never finishes by itself). */
  readonly defaultUntilMs?: number;
  /** StatefulSets: the claims made during the run (Timeline.persistentVolumeClaims). */
  persistentVolumeClaims?(): readonly TimelinePersistentVolumeClaim[];
  /** Deployments and ReplicaSets: the ReplicaSets and their sizes over time (Timeline.replicaSets). */
  replicaSets?(): readonly TimelineReplicaSet[];
}

export interface WorkloadSimulator {
  readonly kind: WorkloadKind;
  /** The kinds of the scenario's `existing` objects it reads; none when absent. */
  readonly existingKinds?: readonly string[];
  setup(context: WorkloadContext): WorkloadRun;
}
