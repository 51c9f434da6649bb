import { notSupported } from './helpers/fieldErrors';
import { podTemplateOf } from './helpers/workloadPaths';
import { translatedNote } from './messages/apiServerRules';
import type { Rule } from './rule';

/**
 * A DaemonSet's pods run forever: restartPolicy must be Always (the default).
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec.
 */
export const daemonSetRestartPolicy: Rule = {
  meta: {
    id: 'daemonset-restart-policy',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: 'A DaemonSet pod template must use restartPolicy Always (the default).',
  },
  check({ object, locale }) {
    const policy = podTemplateOf(object)?.spec?.restartPolicy;
    if (policy === undefined || policy === 'Always') return [];
    return [{ path: ['spec', 'template', 'spec', 'restartPolicy'], message: notSupported(policy, ['Always']), note: translatedNote(locale, 'alwaysRestartPolicyNote', { kind: 'DaemonSet' }) }];
  },
};
