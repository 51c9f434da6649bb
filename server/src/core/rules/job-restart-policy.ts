import type { Path } from '../parse/path';
import { notSupported, required } from './helpers/fieldErrors';
import { jobSpecPath, podTemplateOf } from './helpers/workloadPaths';
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
  check({ object }) {
    const policy = podTemplateOf(object)?.spec?.restartPolicy;
    const path: Path = [...jobSpecPath(object), 'template', 'spec', 'restartPolicy'];
    if (policy === 'OnFailure' || policy === 'Never') return [];
    const fixes = (['OnFailure', 'Never'] as const).map((value) => ({
      title: `Set restartPolicy to ${value}`,
      changes: [{ op: 'set' as const, path, value }],
    }));
    if (policy === 'Always' || policy === undefined || policy === '') {
      return [{ path, message: required('valid values: "OnFailure", "Never"'), fixes }];
    }
    return [{ path, message: notSupported(policy, ['OnFailure', 'Never']), fixes }];
  },
};
