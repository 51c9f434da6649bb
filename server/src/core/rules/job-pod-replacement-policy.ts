import { jobSpecView } from './helpers/jobSpecFields';
import { notSupportedNamed } from './helpers/listAndLengthErrors';
import type { Rule } from './rule';

/**
 * spec.podReplacementPolicy (feature JobPodReplacementPolicy): pkg/apis/batch/validation/validation.go
 * validatePodReplacementPolicy. With a podFailurePolicy only Failed is allowed (pods are replaced once they
 * reach phase Failed); otherwise Failed or TerminatingOrFailed. A Job gets the matching default
 * (SetDefaults_Job); a CronJob's job template is validated as written.
 */
export const jobPodReplacementPolicy: Rule = {
  meta: {
    id: 'job-pod-replacement-policy',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'podReplacementPolicy must be Failed or TerminatingOrFailed, and Failed when a podFailurePolicy is set.',
  },
  check(context) {
    const view = jobSpecView(context);
    const policy = view?.spec.podReplacementPolicy;
    if (view === undefined || policy === undefined) return [];
    const valid = view.spec.podFailurePolicy !== undefined ? ['Failed'] : ['Failed', 'TerminatingOrFailed'];
    return valid.includes(policy) ? [] : [{ path: [...view.path, 'podReplacementPolicy'], message: notSupportedNamed(policy, valid, context.kubernetesVersion) }];
  },
};
