/**
 * What kubectl does to a Deployment in a scenario: `kubectl patch --type merge` (RFC 7386 on the object, of
 * which the controllers read spec) and `kubectl rollout undo [--to-revision=N]` (kubectl's
 * polymorphichelpers/rollback.go DeploymentRollbacker: the ReplicaSet of that revision, or the one before the
 * newest, gives back its template without the pod-template-hash label and its annotations).
 */
import { isRecord, type DeploymentSpecState } from './objects';
import { equalIgnoreHash } from './replicaSets';
import { DEPRECATED_ROLLBACK_TO, LAST_APPLIED_ANNOTATION, POD_TEMPLATE_HASH, type DeploymentStrategy, type ReplicaSetView } from './types';
import { revisionOf, skipCopyAnnotation } from './util';

/** RFC 7386 JSON merge patch: null removes a key, mappings merge, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * Applies a merge patch to the Deployment's spec (a patch without `spec` or `metadata` at its top is taken as
 * the spec's). The fields the controllers read are checked as the API server would reject them, in short.
 */
export function applyDeploymentPatch(state: DeploymentSpecState, patch: Readonly<Record<string, unknown>>): { readonly changed: boolean } | { readonly error: string } {
  const specPatch = 'spec' in patch || 'metadata' in patch ? patch.spec : patch;
  if (specPatch === undefined) return { changed: false };
  if (!isRecord(specPatch)) return { error: 'the patch\'s spec must be a mapping' };
  const current = {
    replicas: state.replicas,
    strategy: strategyJson(state.strategy),
    minReadySeconds: state.minReadySeconds,
    progressDeadlineSeconds: state.progressDeadlineSeconds ?? undefined,
    revisionHistoryLimit: state.revisionHistoryLimit ?? undefined,
    paused: state.paused,
    template: state.template,
  };
  const next = mergePatch(current, specPatch) as Record<string, unknown>;
  const int = (key: string, min: number): number | null | { error: string } => {
    const v = next[key];
    if (v === undefined) return null;
    return typeof v === 'number' && Number.isInteger(v) && v >= min ? v : { error: `The Deployment is invalid: spec.${key}: Invalid value: ${JSON.stringify(v)}: must be greater than or equal to ${min}` };
  };
  const replicas = int('replicas', 0);
  const minReady = int('minReadySeconds', 0);
  const deadline = int('progressDeadlineSeconds', 1);
  const limit = int('revisionHistoryLimit', 0);
  for (const v of [replicas, minReady, deadline, limit]) if (v !== null && typeof v === 'object') return v;
  if (next.paused !== undefined && typeof next.paused !== 'boolean') return { error: `The Deployment is invalid: spec.paused: Invalid value: ${JSON.stringify(next.paused)}: must be true or false` };
  const strategy = isRecord(next.strategy) ? next.strategy : {};
  const type = typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate';
  if (type !== 'RollingUpdate' && type !== 'Recreate') return { error: `The Deployment is invalid: spec.strategy.type: Unsupported value: "${type}": supported values: "Recreate", "RollingUpdate"` };
  const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  if (type === 'Recreate' && isRecord(strategy.rollingUpdate)) return { error: 'The Deployment is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'' };
  const intOrString = (v: unknown): number | string | null => (typeof v === 'number' || typeof v === 'string' ? v : null);
  const before = JSON.stringify(current);
  state.replicas = (replicas as number | null) ?? 1;
  state.minReadySeconds = (minReady as number | null) ?? 0;
  state.progressDeadlineSeconds = deadline as number | null;
  state.revisionHistoryLimit = limit as number | null;
  state.paused = (next.paused as boolean | undefined) ?? false;
  state.strategy = type === 'RollingUpdate' ? { type, maxSurge: intOrString(rolling.maxSurge) ?? '25%', maxUnavailable: intOrString(rolling.maxUnavailable) ?? '25%' } : { type, maxSurge: null, maxUnavailable: null };
  state.template = isRecord(next.template) ? next.template : {};
  const after = JSON.stringify({ ...current, replicas: state.replicas, strategy: strategyJson(state.strategy), minReadySeconds: state.minReadySeconds, progressDeadlineSeconds: state.progressDeadlineSeconds ?? undefined, revisionHistoryLimit: state.revisionHistoryLimit ?? undefined, paused: state.paused, template: state.template });
  return { changed: before !== after };
}

function strategyJson(strategy: DeploymentStrategy): Record<string, unknown> {
  if (strategy.type !== 'RollingUpdate') return { type: strategy.type };
  return { type: strategy.type, rollingUpdate: { maxSurge: strategy.maxSurge ?? undefined, maxUnavailable: strategy.maxUnavailable ?? undefined } };
}

export type DeploymentRollbackOutcome =
  | { readonly type: 'rolledBack'; readonly template: Record<string, unknown>; readonly annotations: Readonly<Record<string, string>> }
  | { readonly type: 'skipped'; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

/** DeploymentRollbacker.Rollback and deploymentRevision. */
export function rollbackDeployment(toRevision: number, state: DeploymentSpecState, replicaSets: readonly ReplicaSetView[], name: string): DeploymentRollbackOutcome {
  if (toRevision < 0) return { type: 'error', message: `unable to find specified revision ${toRevision} in history` };
  if (state.paused) return { type: 'error', message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  let target: ReplicaSetView | undefined;
  if (toRevision > 0) {
    target = replicaSets.find((rs) => revisionOf(rs.annotations) === toRevision);
    if (target === undefined) return { type: 'error', message: `unable to find specified revision ${toRevision} in history` };
  } else {
    let latest: ReplicaSetView | undefined;
    let latestRevision = -1;
    let previousRevision = -1;
    for (const rs of replicaSets) {
      const v = revisionOf(rs.annotations);
      if (v === null) continue;
      if (latestRevision < v) {
        previousRevision = latestRevision;
        target = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        target = rs;
      }
    }
    if (target === undefined) return { type: 'error', message: `no rollout history found for deployment "${name}"` };
  }
  if (equalIgnoreHash(target.template, state.template)) {
    return { type: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = JSON.parse(JSON.stringify(target.template)) as Record<string, unknown>;
  if (isRecord(template.metadata) && isRecord(template.metadata.labels)) delete template.metadata.labels[POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(target.annotations)) if (!skipCopyAnnotation(k) && k !== LAST_APPLIED_ANNOTATION && k !== DEPRECATED_ROLLBACK_TO) annotations[k] = v;
  return { type: 'rolledBack', template, annotations };
}
