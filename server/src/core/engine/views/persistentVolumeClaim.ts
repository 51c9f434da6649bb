/**
 * `kubectl get persistentvolumeclaims -o name` at time t, from a Timeline's `persistentVolumeClaims` (the claims
 * a StatefulSet made from its volumeClaimTemplates). Only the names: a dry run binds no volumes, so the table's
 * STATUS, VOLUME and CAPACITY columns would be guesses. `-o name` prints `<resource>/<name>` per object
 * (cli-runtime printers.NamePrinter), in the API server's order (by name).
 */
import type { Timeline } from '../timeline';

/** The claims that exist at t (made at or before t, not deleted by then), sorted by name. */
export function claimNamesAt(timeline: Timeline, t: number): string[] {
  return (timeline.persistentVolumeClaims ?? [])
    .filter((claim) => claim.created <= t && (claim.deleted === null || t < claim.deleted))
    .map((claim) => claim.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `kubectl get persistentvolumeclaims -o name` at t. */
export function getPersistentVolumeClaimNames(timeline: Timeline, t: number, options: { readonly namespace?: string } = {}): string {
  const names = claimNamesAt(timeline, t);
  if (names.length === 0) return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
  return names.map((name) => `persistentvolumeclaim/${name}\n`).join('');
}

/** Whether the simulated object makes claims at all (a StatefulSet with volumeClaimTemplates). */
export function hasClaimTemplates(timeline: Timeline): boolean {
  const templates = timeline.effectiveSpec.volumeClaimTemplates;
  return (Array.isArray(templates) && templates.length > 0) || (timeline.persistentVolumeClaims ?? []).length > 0;
}
