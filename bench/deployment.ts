/**
 * The Deployment and ReplicaSet controllers at scale: a Deployment of 10,000 replicas whose image changes at
 * 1m and rolls out with the default budget (maxSurge 25%, maxUnavailable 25%: 2,500 extra pods, 2,500 down),
 * each ReplicaSet creating at most burstReplicas (500) pods per sync. Two baselines, measured in the same
 * run: the Timeline floor (only copying the objects the rollout's Timeline holds: no simulation can return
 * it faster) and the same Deployment without the rollout (10,000 pods created, Available, nothing more).
 */
import { simulate } from '../server/src/core/engine';
import type { Timeline } from '../server/src/core/engine/timeline';
import { timelineCopyMillis } from './timelineCopy';

export interface DeploymentBenchResult {
  /** Wall-clock milliseconds of the rollout's simulation (creation, then the rollout). */
  readonly millis: number;
  /** CPU milliseconds (user + system): steadier than wall clock on a busy machine. */
  readonly cpuMillis: number;
  /** The same Deployment created and Available, no rollout. */
  readonly createMillis: number;
  readonly createCpuMillis: number;
  /** Only allocating the objects the rollout's Timeline holds (timelineCopyMillis). */
  readonly floorMillis: number;
  readonly floorCpuMillis: number;
  readonly floorObjects: number;
  readonly pods: number;
  readonly events: number;
  /** Simulated seconds from the image change to the new ReplicaSet Available (NewReplicaSetAvailable). */
  readonly rolloutSeconds: number;
}

/** How the pods behave: start 2 s, Ready 5 s later, stop 3 s after deletion. */
const PODS = { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 3 } };
const ROLLOUT_AT_SECONDS = 60;

function webDeployment(replicas: number): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'web:1', readinessProbe: { httpGet: { path: '/', port: 8080 } } }] },
      },
    },
  };
}

function timed(manifest: object, scenario: object, maxPods: number): { readonly timeline: Timeline; readonly millis: number; readonly cpuMillis: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(manifest, scenario, { limits: { maxPods } });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return { timeline: result.timeline, millis, cpuMillis: (used.user + used.system) / 1000 };
}

/** A run that did not end with every replica updated and available is an error, not a figure. */
function checkRolledOut(timeline: Timeline, replicas: number): void {
  const status = timeline.status as { updatedReplicas?: number; availableReplicas?: number; replicas?: number };
  if (timeline.truncated || status.updatedReplicas !== replicas || status.availableReplicas !== replicas || status.replicas !== replicas) {
    throw new Error(`benchmark rollout did not finish: ${timeline.message ?? JSON.stringify(timeline.status)}`);
  }
}

export function benchDeployment(replicas = 10_000): DeploymentBenchResult {
  const maxPods = replicas * 3;
  const create = timed(webDeployment(replicas), { startTime: '2026-01-01T00:00:00Z', pods: PODS, seed: 1 }, maxPods);
  checkRolledOut(create.timeline, replicas);
  const scenario = { startTime: '2026-01-01T00:00:00Z', pods: PODS, events: [{ at: `${ROLLOUT_AT_SECONDS}s`, setImage: 'web:2' }], seed: 1 };
  const run = timed(webDeployment(replicas), scenario, maxPods);
  checkRolledOut(run.timeline, replicas);
  timelineCopyMillis(create.timeline); // warm-up
  const floor = timelineCopyMillis(run.timeline);
  const done = run.timeline.conditions.filter((c) => c.reason === 'NewReplicaSetAvailable').at(-1);
  return {
    millis: run.millis,
    cpuMillis: run.cpuMillis,
    createMillis: create.millis,
    createCpuMillis: create.cpuMillis,
    floorMillis: floor.millis,
    floorCpuMillis: floor.cpuMillis,
    floorObjects: floor.objects,
    pods: run.timeline.pods.length,
    events: run.timeline.events.length,
    rolloutSeconds: (done?.at ?? Number.NaN) - ROLLOUT_AT_SECONDS,
  };
}
