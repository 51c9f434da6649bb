/**
 * The simulated object after the scenario's `delete: true` (Timeline.objectDeletedAt): kubectl no longer finds
 * it. `kubectl get <kind>` lists nothing for it, and a command that names it fails as the API server answers a
 * GET of a missing object: errors.NewNotFound (apimachinery pkg/api/errors/errors.go, `%s %q not found` with the
 * group-qualified resource), printed by kubectl's CheckErr (kubectl pkg/cmd/util/helpers.go) as
 * `Error from server (NotFound): <message>`.
 */
import { goQuote } from '../../goFormat';
import type { Timeline } from '../timeline';

/** Whether the object itself was deleted at or before t. */
export function objectDeletedBy(timeline: Timeline, t: number): boolean {
  return timeline.objectDeletedAt !== undefined && t >= timeline.objectDeletedAt;
}

/** What kubectl prints for a missing object: `resource` is group-qualified, e.g. `deployments.apps`. */
export function notFoundError(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} ${goQuote(name)} not found\n`;
}
