/**
 * Where the scrubber starts when the user has not chosen a time: the moment the simulated object finished (its
 * Complete or Failed condition), else the end of the run — where the CLI's `simulate` prints its kubectl tables
 * (server/src/cli/simulate.ts renderText). The end is often after a TTL deleted the Job and its pods, where the
 * tables would read "No resources found". Pure.
 */
import type { Timeline } from '../timelineTypes';

export function defaultStartTime(timeline: Timeline): number {
  const name = timeline.object?.name;
  // conditions from the first schema carry no status: each one was a transition to True
  const finished = (timeline.conditions ?? []).find(
    (c) => c.object === name && (c.type === 'Complete' || c.type === 'Failed') && (c.status === undefined || c.status === 'True') && Number.isFinite(c.at),
  );
  return finished?.at ?? timeline.duration;
}
