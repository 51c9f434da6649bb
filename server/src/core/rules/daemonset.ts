/** The DaemonSet spec rules (ValidateDaemonSetSpec beyond selectors and metadata), in the API server's order. */
import { daemonSetActiveDeadlineSeconds } from './daemonset-active-deadline-seconds';
import { daemonSetNonnegativeFields } from './daemonset-nonnegative-fields';
import { daemonSetUpdateStrategy } from './daemonset-update-strategy';
import type { Rule } from './rule';

export const daemonSetRules: readonly Rule[] = [daemonSetActiveDeadlineSeconds, daemonSetNonnegativeFields, daemonSetUpdateStrategy];
