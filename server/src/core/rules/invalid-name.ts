import { isAtLeast } from '../kubernetesVersion';
import { isDns1123Label, isDns1123Subdomain } from '../model/names';
import { invalid, required } from './helpers/fieldErrors';
import type { Rule, RuleFinding } from './rule';

/**
 * metadata.name must be a DNS-1123 subdomain (ValidateObjectMeta with NameIsDNSSubdomain, used by
 * ValidateJob, ValidateCronJob, ValidateDaemonSet, ValidateDeployment and ValidateReplicaSet); a StatefulSet's
 * must be a DNS-1123 label from 1.27 (ValidateStatefulSetName: NameIsDNSLabel, kubernetes PR 114172: its pods'
 * hostnames are `<name>-<ordinal>`).
 * One error per failed check, as the API server reports.
 */
export const invalidName: Rule = {
  meta: {
    id: 'invalid-name',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      "metadata.name must be a lowercase RFC 1123 subdomain, a StatefulSet's a label (for example a Job named from a $ITEM template that was not expanded).",
  },
  check({ object, kubernetesVersion }) {
    const { name, generateName } = object.metadata ?? {};
    if (!name) {
      return generateName ? [] : [{ path: ['metadata', 'name'], message: required('name or generateName is required') }];
    }
    const check = object.kind === 'StatefulSet' && isAtLeast(kubernetesVersion, 1, 27) ? isDns1123Label : isDns1123Subdomain;
    return check(name).map((detail): RuleFinding => ({ path: ['metadata', 'name'], message: invalid(name, detail) }));
  },
};
