import type { Path } from '../parse/path';
import { notSupported, required } from './helpers/fieldErrors';
import { jobSpecPath, podTemplateOf } from './helpers/workloadPaths';
import { apiServerRules, translatedNote } from './messages/apiServerRules';
import type { Rule } from './rule';

/**
 * A Job's pods must not restart forever: restartPolicy OnFailure or Never.
 * pkg/apis/batch/validation/validation.go validateJobSpec: the pod default `Always` (SetDefaults_PodSpec)
 * and an empty value both give Required; any other value gives NotSupported.
 */
export const jobRestartPolicy: Rule = {
  meta: {
    id: 'job-restart-policy',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'A Job (or CronJob job template) pod template must set restartPolicy to OnFailure or Never.',
  },
  check({ object, locale }) {
    const policy = podTemplateOf(object)?.spec?.restartPolicy;
    const path: Path = [...jobSpecPath(object), 'template', 'spec', 'restartPolicy'];
    if (policy === 'OnFailure' || policy === 'Never') return [];
    const fixes = (['OnFailure', 'Never'] as const).map((value) => ({
      title: apiServerRules.t(locale, 'restartPolicyFix', { value }),
      changes: [{ op: 'set' as const, path, value }],
    }));
    if (policy === 'Always' || policy === undefined || policy === '') {
      return [{ path, message: required('valid values: "OnFailure", "Never"'), note: translatedNote(locale, 'jobRestartPolicyRequiredNote'), fixes }];
    }
    return [{ path, message: notSupported(policy, ['OnFailure', 'Never']), note: translatedNote(locale, 'jobRestartPolicyUnsupportedNote'), fixes }];
  },
};
