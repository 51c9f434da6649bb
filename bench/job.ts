/**
 * The Job controller at scale: 100,000 completions, parallelism 1,000, 30s pods. Prints and returns how
 * many timeline events the run produced and how long it took; `npm run bench` calls benchJob().
 * The cost grows as n log n in the number of pods (the agenda is a binary heap; each sync looks at the
 * Job's active pods only).
 */
import { simulate } from '../server/src/core/engine';

export interface JobBenchResult {
  /** Timeline events (Kubernetes events the run recorded). */
  readonly events: number;
  /** Pods the run created. */
  readonly pods: number;
  /** Simulated duration, in seconds. */
  readonly simulatedSeconds: number;
  /** Wall-clock milliseconds of the simulation. */
  readonly millis: number;
  /** CPU milliseconds (user + system) of the simulation: steadier than wall clock on a busy machine. */
  readonly cpuMillis: number;
}

export function benchJob(completions = 100_000, parallelism = 1_000): JobBenchResult {
  const manifest = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'bench' },
    spec: {
      completions,
      parallelism,
      template: { spec: { containers: [{ name: 'work', image: 'busybox' }], restartPolicy: 'Never' } },
    },
  };
  const scenario = { pods: { default: { runSeconds: 30 } }, seed: 1 };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulate(manifest, scenario, { limits: { maxPods: completions * 2, maxEvents: 50 * completions } });
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMillis = (used.user + used.system) / 1000;
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const timeline = result.timeline;
  if (timeline.truncated || timeline.status.succeeded !== completions) throw new Error(`benchmark run did not complete: ${timeline.message ?? JSON.stringify(timeline.status)}`);
  return { events: timeline.events.length, pods: timeline.pods.length, simulatedSeconds: timeline.duration, millis, cpuMillis };
}
