import { isAtLeast } from '../kubernetesVersion';
import { forbidden, invalid } from './helpers/fieldErrors';
import type { Rule } from './rule';

/**
 * A DaemonSet's pods run until replaced: the pod template may not set activeDeadlineSeconds at all.
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec (Forbidden since ≈1.14; before that
 * `Invalid value: N: must not be specified`). Its range check (1..MaxInt32) is ValidatePodSpec's, not this rule's.
 */
export const daemonSetActiveDeadlineSeconds: Rule = {
  meta: {
    id: 'daemonset-active-deadline-seconds',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: 'A DaemonSet pod template may not set activeDeadlineSeconds.',
  },
  check({ object, kubernetesVersion }) {
    if (object.kind !== 'DaemonSet') return [];
    const seconds = object.spec?.template?.spec?.activeDeadlineSeconds;
    if (seconds === undefined) return [];
    const message = isAtLeast(kubernetesVersion, 1, 14)
      ? forbidden('activeDeadlineSeconds in DaemonSet is not Supported')
      : invalid(seconds, 'must not be specified');
    return [{ path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'], message }];
  },
};
