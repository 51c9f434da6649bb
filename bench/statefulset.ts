/**
 * The StatefulSet controller at scale: 1,000 replicas under OrderedReady, each pod (and its claim from the
 * volumeClaimTemplate) created only once its predecessor is Running and Ready, so a thousand syncs one after
 * the other, each looking at every pod created so far. Two baselines, measured in the same run: the same set
 * under podManagementPolicy Parallel (the same pods and claims, created in bursts without waiting: what the
 * ordering adds), and the Timeline floor (only allocating the objects the OrderedReady run's Timeline holds).
 */
import { simulate } from '../server/src/core/engine';
import type { Timeline } from '../server/src/core/engine/timeline';
import { timelineCopyMillis } from './timelineCopy';

export interface StatefulSetBenchResult {
  /** Wall-clock milliseconds of the OrderedReady run. */
  readonly millis: number;
  /** CPU milliseconds (user + system): steadier than wall clock on a busy machine. */
  readonly cpuMillis: number;
  /** The same set under Parallel. */
  readonly parallelMillis: number;
  readonly parallelCpuMillis: number;
  /** Only allocating the objects the OrderedReady run's Timeline holds (timelineCopyMillis). */
  readonly floorMillis: number;
  readonly floorCpuMillis: number;
  readonly floorObjects: number;
  readonly pods: number;
  readonly claims: number;
  readonly events: number;
  /** Simulated seconds until the last pod is Ready. */
  readonly simulatedSeconds: number;
}

/** How the pods behave: start 2 s, Ready 5 s later. */
const PODS = { default: { startupSeconds: 2, readySeconds: 5 } };

function dbStatefulSet(replicas: number, podManagementPolicy: 'OrderedReady' | 'Parallel'): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      replicas,
      serviceName: 'db',
      podManagementPolicy,
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'db', image: 'db:1', readinessProbe: { tcpSocket: { port: 5432 } }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

function timed(replicas: number, policy: 'OrderedReady' | 'Parallel'): { readonly timeline: Timeline; readonly millis: number; readonly cpuMillis: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(dbStatefulSet(replicas, policy), { startTime: '2026-01-01T00:00:00Z', pods: PODS, seed: 1 });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const timeline = result.timeline;
  // A run that did not end with every replica Ready is an error, not a figure.
  if (timeline.truncated || timeline.status.readyReplicas !== replicas || timeline.pods.length !== replicas) {
    throw new Error(`benchmark StatefulSet did not start every pod: ${timeline.message ?? JSON.stringify(timeline.status)}`);
  }
  return { timeline, millis, cpuMillis: (used.user + used.system) / 1000 };
}

export function benchStatefulSet(replicas = 1_000): StatefulSetBenchResult {
  const parallel = timed(replicas, 'Parallel');
  const ordered = timed(replicas, 'OrderedReady');
  timelineCopyMillis(parallel.timeline); // warm-up
  const floor = timelineCopyMillis(ordered.timeline);
  return {
    millis: ordered.millis,
    cpuMillis: ordered.cpuMillis,
    parallelMillis: parallel.millis,
    parallelCpuMillis: parallel.cpuMillis,
    floorMillis: floor.millis,
    floorCpuMillis: floor.cpuMillis,
    floorObjects: floor.objects,
    pods: ordered.timeline.pods.length,
    claims: ordered.timeline.persistentVolumeClaims?.length ?? 0,
    events: ordered.timeline.events.length,
    simulatedSeconds: ordered.timeline.duration,
  };
}
