/**
 * A Timeline floor for any run, measured in the same process: only allocating the objects a given Timeline
 * holds (a deep copy of its plain arrays and objects, property by property). No simulation can return that
 * Timeline faster, so engine time / floor says how far a run is from the cost of its own output.
 */
export interface TimelineFloor {
  /** Wall-clock and CPU (user + system) milliseconds of one copy: the median of `repeats`. */
  readonly millis: number;
  readonly cpuMillis: number;
  readonly objects: number;
}

export function timelineCopyMillis(timeline: object, repeats = 3): TimelineFloor {
  const runs = Array.from({ length: repeats }, () => copyOnce(timeline));
  // The median: one copy may meet a garbage collection left by the simulation before it.
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { millis: median(runs.map((r) => r.millis)), cpuMillis: median(runs.map((r) => r.cpuMillis)), objects: runs[0].objects };
}

function copyOnce(timeline: object): TimelineFloor {
  let objects = 0;
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    objects++;
    if (Array.isArray(value)) return value.map(copy);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  copy(timeline);
  const millis = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { millis, cpuMillis: (used.user + used.system) / 1000, objects };
}
