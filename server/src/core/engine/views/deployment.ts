/**
 * `kubectl get deployments` and `kubectl rollout status deployment/<name>` at time t, as pure functions of a
 * Timeline (t in seconds since its start), read from the Deployment's status writes (which carry its
 * metadata.generation and spec.replicas at that moment):
 *   - printDeployment (pkg/printers/internalversion/printers.go): NAME READY UP-TO-DATE AVAILABLE AGE, READY
 *     being `<status.readyReplicas>/<spec.replicas>`;
 *   - DeploymentStatusViewer.Status (kubectl pkg/polymorphichelpers/rollout_status.go): once
 *     generation <= observedGeneration, an error when the Progressing condition's reason is
 *     ProgressDeadlineExceeded, else "Waiting for deployment %q rollout to finish: " with "%d out of %d new
 *     replicas have been updated...", "%d old replicas are pending termination..." or "%d of %d updated
 *     replicas are available...", else "deployment %q successfully rolled out"; before that, "Waiting for
 *     deployment spec update to be observed...".
 * The Deployment is created at t = 0 in a simulation, so AGE counts from there.
 */
import { goQuote } from '../../goFormat';
import type { Timeline } from '../timeline';
import type { RolloutStatus } from './daemonset';
import { humanDuration } from './humanDuration';
import { objectDeletedBy } from './objectDeleted';
import { count, watchRollout, writesOf, type RolloutWatch } from './rolloutWatch';
import { formatTable } from './table';

export const DEPLOYMENT_COLUMNS = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'] as const;

/** deploymentutil.TimedOutReason: the Progressing condition's reason once progressDeadlineSeconds has passed. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';

/** `kubectl get deployments` at t. */
export function getDeployments(timeline: Timeline, t: number, options: { readonly namespace?: string } = {}): string {
  const rows = deploymentRows(timeline, t);
  if (rows.length === 0) return `No resources found in ${options.namespace ?? timeline.object.namespace} namespace.\n`;
  return formatTable([[...DEPLOYMENT_COLUMNS], ...rows]);
}

/** The rows of `kubectl get deployments` at t: the simulated Deployment's, none once it is deleted. */
export function deploymentRows(timeline: Timeline, t: number): string[][] {
  if (timeline.object.kind !== 'Deployment' || t < 0 || objectDeletedBy(timeline, t)) return [];
  const status = deploymentStatusAt(timeline, t);
  return [printDeploymentRow(timeline.object.name, { ...status, specReplicas: typeof status.specReplicas === 'number' ? status.specReplicas : specReplicas(timeline) }, t * 1000)];
}

/** printDeployment's cells for a Deployment with this status (and `specReplicas`), created `ageMs` ago. */
export function printDeploymentRow(name: string, status: Readonly<Record<string, unknown>>, ageMs: number): string[] {
  return [name, `${count(status, 'readyReplicas')}/${count(status, 'specReplicas')}`, String(count(status, 'updatedReplicas')), String(count(status, 'availableReplicas')), humanDuration(ageMs)];
}

/** The Deployment's status (with its generation and spec.replicas) as last written at or before t. */
export function deploymentStatusAt(timeline: Timeline, t: number): Readonly<Record<string, unknown>> {
  const writes = writesOf(timeline.statusHistory, 'Deployment', timeline.object.name, t);
  return writes.length > 0 ? writes[writes.length - 1].status : {};
}

/**
 * DeploymentStatusViewer.Status (without --revision) for a Deployment named `name` whose status record holds
 * the status fields plus `generation` (metadata.generation, 1 when absent: the object exists) and
 * `specReplicas` (spec.replicas; absent reads as nil, which skips that check, as in Go).
 */
export function deploymentStatusViewer(name: string, status: Readonly<Record<string, unknown>>): RolloutStatus {
  const generation = typeof status.generation === 'number' ? status.generation : 1;
  if (generation > count(status, 'observedGeneration')) return waiting('Waiting for deployment spec update to be observed...\n');
  const progressing = Array.isArray(status.conditions) ? (status.conditions as unknown[]).find((c) => isRecord(c) && c.type === 'Progressing') : undefined;
  if (isRecord(progressing) && progressing.reason === TIMED_OUT_REASON) return { message: '', done: false, error: `deployment ${goQuote(name)} exceeded its progress deadline` };
  const updated = count(status, 'updatedReplicas');
  const prefix = `Waiting for deployment ${goQuote(name)} rollout to finish: `;
  if (typeof status.specReplicas === 'number' && updated < status.specReplicas) return waiting(`${prefix}${updated} out of ${status.specReplicas} new replicas have been updated...\n`);
  const replicas = count(status, 'replicas');
  if (replicas > updated) return waiting(`${prefix}${replicas - updated} old replicas are pending termination...\n`);
  const available = count(status, 'availableReplicas');
  if (available < updated) return waiting(`${prefix}${available} of ${updated} updated replicas are available...\n`);
  return { message: `deployment ${goQuote(name)} successfully rolled out\n`, done: true, error: null };
}

/** `kubectl rollout status deployment/<name>` started at `start`, over the writes in the Timeline (see watchRollout). */
export function deploymentRolloutStatusLines(timeline: Timeline, start = 0): RolloutWatch {
  const name = timeline.object.name;
  return watchRollout(writesOf(timeline.statusHistory, 'Deployment', name), start, (status) => deploymentStatusViewer(name, status));
}

function specReplicas(timeline: Timeline): number {
  const value = timeline.effectiveSpec.replicas;
  return typeof value === 'number' ? value : 1;
}

function waiting(message: string): RolloutStatus {
  return { message, done: false, error: null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
