/**
 * The DaemonSet controller at scale: a DaemonSet on 5,000 nodes whose image changes at 10m and rolls out
 * with maxUnavailable 10% (500 nodes at a time, each sync capped at burstReplicas = 250 creates and 250
 * deletes). Returns how many timeline events the run produced and how long it took; run directly, it also
 * measures smaller sizes so the growth with the number of nodes can be read off.
 *
 * benchDaemonSetManyPods: about 20,000 pods made by successive rollouts, on 5,000 nodes and on 3 nodes in the
 * same run; their ratio shows whether the cost follows the pods or pods × nodes.
 */
import { simulate } from '../server/src/core/engine';
import type { Timeline } from '../server/src/core/engine/timeline';

export interface DaemonSetBenchResult {
  /** Timeline events (Kubernetes events the run recorded). */
  readonly events: number;
  /** Wall-clock milliseconds of the simulation. */
  readonly millis: number;
  /** CPU milliseconds (user + system): steadier than wall clock on a busy machine. */
  readonly cpuMillis: number;
  readonly pods: number;
  readonly simulatedSeconds: number;
}

export function benchDaemonSet(nodes = 5_000, maxUnavailable = '10%'): DaemonSetBenchResult {
  const scenario = { nodes, pods: AGENT_PODS, events: [{ at: '10m', setImage: 'agent:2' }], seed: 1 };
  const run = timedRollout(agentDaemonSet(maxUnavailable), scenario, nodes * 3, nodes);
  return { events: run.timeline.events.length, millis: run.millis, cpuMillis: run.cpuMillis, pods: run.timeline.pods.length, simulatedSeconds: run.timeline.duration };
}

/** How the agent's pods behave: terminate 3 s, start 2 s, Ready 5 s later. */
const AGENT_PODS = { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 3 } };

/** The benchmarks' DaemonSet; maxUnavailable null: the default strategy (maxUnavailable 1). */
function agentDaemonSet(maxUnavailable: string | number | null): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      ...(maxUnavailable === null ? {} : { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable } } }),
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'agent:1', resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '64Mi' } } }] },
      },
    },
  };
}

/** Runs the simulation and times it; a rollout that did not reach every node is an error, not a figure. */
function timedRollout(manifest: object, scenario: object, maxPods: number, nodes: number): { readonly timeline: Timeline; readonly millis: number; readonly cpuMillis: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(manifest, scenario, { limits: { maxPods } });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const timeline = result.timeline;
  if (timeline.truncated || timeline.status.updatedNumberScheduled !== nodes || timeline.status.numberAvailable !== nodes) {
    throw new Error(`benchmark rollout did not finish: ${timeline.message ?? JSON.stringify(timeline.status)}`);
  }
  return { timeline, millis, cpuMillis: (used.user + used.system) / 1000 };
}

export interface DaemonSetManyPodsResult {
  /** Wall-clock milliseconds for about `pods` pods on 5,000 nodes (a few rollouts). */
  readonly millis: number;
  /** The same number of pods on 3 nodes (thousands of rollouts), measured in the same run: the baseline. */
  readonly baselineMillis: number;
  /** CPU milliseconds (user + system) of each: steadier than wall clock on a busy machine. */
  readonly cpuMillis: number;
  readonly baselineCpuMillis: number;
  readonly pods: number;
  readonly baselinePods: number;
  /** millis / baselineMillis: 1 when the cost follows the pods, not pods × nodes. */
  readonly ratio: number;
}

/**
 * About `pods` daemon pods made by rollouts (kubectl set image, one rollout after the other) of a DaemonSet
 * with the default update strategy (RollingUpdate, maxUnavailable 1: one node at a time, so a sync for every
 * step of every node): on 5,000 nodes that is a handful of rollouts, on 3 nodes thousands. Both runs create
 * the same number of pods, so their ratio shows what the number of nodes adds.
 */
export function benchDaemonSetManyPods(pods = 20_000, nodes = 5_000, maxUnavailable: string | number | null = null): DaemonSetManyPodsResult {
  const wide = rolloutsRun(nodes, pods, maxUnavailable);
  const narrow = rolloutsRun(3, pods, maxUnavailable);
  return {
    millis: wide.millis,
    baselineMillis: narrow.millis,
    cpuMillis: wide.cpuMillis,
    baselineCpuMillis: narrow.cpuMillis,
    pods: wide.pods,
    baselinePods: narrow.pods,
    ratio: wide.millis / narrow.millis,
  };
}

/**
 * A DaemonSet on `nodes` nodes rolled out until about `pods` pods were created; how long it took.
 * maxUnavailable null: the default strategy (maxUnavailable 1).
 */
export function rolloutsRun(nodes: number, pods: number, maxUnavailable: string | number | null = null): { readonly millis: number; readonly cpuMillis: number; readonly pods: number } {
  const rollouts = Math.max(0, Math.round(pods / nodes) - 1);
  // Each rollout finishes before the next: a node takes about 10 s (terminate 3, start 2, Ready 5), so one at a
  // time over 5,000 nodes takes some 14 hours, 10% at a time a few minutes, and 3 nodes half a minute.
  const perNodeSeconds = 10;
  const steps = maxUnavailable === null ? nodes : 10;
  const everyMinutes = Math.max(1, Math.ceil((steps * perNodeSeconds * 1.5) / 60));
  const events = Array.from({ length: rollouts }, (_, i) => ({ at: `${(i + 1) * everyMinutes}m`, setImage: `agent:${i + 2}` }));
  const scenario = { nodes, pods: AGENT_PODS, events, seed: 1 };
  const run = timedRollout(agentDaemonSet(maxUnavailable), scenario, pods * 2, nodes);
  return { millis: run.millis, cpuMillis: run.cpuMillis, pods: run.timeline.pods.length };
}
