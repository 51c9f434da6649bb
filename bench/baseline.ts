/**
 * The engine benchmarks' baseline, measured in the same run: pushing and popping the same number of
 * entries through the bare event queue. The ratio engine/baseline says how much the controllers cost on
 * top of the agenda they run on, whatever the machine's speed.
 */
import { EventQueue } from '../server/src/core/engine/eventQueue';

export function queueBaselineMillis(entries: number, live: number): number {
  const queue = new EventQueue<number>();
  const started = performance.now();
  // Keep about `live` entries pending, as a simulation keeps one wake-up per active pod.
  for (let i = 0; i < entries; i++) {
    queue.push(i * 0.5 + (i % live), i % 3, i);
    if (queue.size > live) queue.pop();
  }
  while (queue.size > 0) queue.pop();
  return performance.now() - started;
}
