import { appsAdvice } from './messages/appsAdvice';
import type { Rule } from './rule';

/** Less than this beyond minReadySeconds rarely lets a pod pull its image, start and pass readiness. */
const MIN_MARGIN_SECONDS = 60;

/**
 * The deployment controller marks a rollout failed (Progressing False, ProgressDeadlineExceeded) when no new
 * pod became available within progressDeadlineSeconds (pkg/controller/deployment/progress.go,
 * util.DeploymentTimedOut); a pod is available only minReadySeconds after it is Ready. The API server only
 * rejects a deadline not above minReadySeconds; one barely above it fails rollouts that are merely slow.
 */
export const deploymentShortProgressDeadline: Rule = {
  meta: {
    id: 'deployment-short-progress-deadline',
    severity: 'warning',
    kinds: ['Deployment'],
    description: 'progressDeadlineSeconds less than a minute above minReadySeconds: slow but healthy rollouts are reported as failed.',
  },
  check({ object, locale }) {
    if (object.kind !== 'Deployment') return [];
    const deadline = object.spec?.progressDeadlineSeconds;
    const minReady = object.spec?.minReadySeconds ?? 0;
    // Not above minReadySeconds is the API server's error (deployment-spec), not advice.
    if (deadline === undefined || deadline <= minReady || deadline - minReady >= MIN_MARGIN_SECONDS) return [];
    return [{ path: ['spec', 'progressDeadlineSeconds'], message: appsAdvice.t(locale, 'shortProgressDeadline', { deadline, minReady, margin: deadline - minReady }) }];
  },
};
