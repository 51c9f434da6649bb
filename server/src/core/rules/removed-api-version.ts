import { isAtLeast } from '../kubernetesVersion';
import type { Change } from '../parse/edits';
import type { Rule } from './rule';

interface Removal {
  readonly kind: string;
  readonly apiVersion: string;
  /** The release that stopped serving it; undefined when it never served this kind. */
  readonly removedIn?: readonly [number, number];
  readonly replacement: string;
}

/**
 * API versions of these kinds that the API server no longer serves.
 * Kubernetes deprecation guide: CronJob batch/v1beta1 removed in 1.25 (batch/v2alpha1 was never served by
 * default and went with it); DaemonSet extensions/v1beta1, apps/v1beta1 and apps/v1beta2 removed in 1.16.
 */
export const REMOVALS: readonly Removal[] = [
  { kind: 'CronJob', apiVersion: 'batch/v1beta1', removedIn: [1, 25], replacement: 'batch/v1' },
  { kind: 'CronJob', apiVersion: 'batch/v2alpha1', removedIn: [1, 25], replacement: 'batch/v1' },
  { kind: 'DaemonSet', apiVersion: 'extensions/v1beta1', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1beta1', replacement: 'apps/v1' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1beta2', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'Deployment', apiVersion: 'extensions/v1beta1', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'Deployment', apiVersion: 'apps/v1beta1', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'Deployment', apiVersion: 'apps/v1beta2', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'ReplicaSet', apiVersion: 'extensions/v1beta1', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1beta1', replacement: 'apps/v1' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1beta2', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'StatefulSet', apiVersion: 'extensions/v1beta1', replacement: 'apps/v1' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1beta1', removedIn: [1, 16], replacement: 'apps/v1' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1beta2', removedIn: [1, 16], replacement: 'apps/v1' },
];

export const removedApiVersion: Rule = {
  meta: {
    id: 'removed-api-version',
    severity: 'error',
    kinds: ['CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'The apiVersion is no longer served by the configured Kubernetes version; use its replacement.',
  },
  check({ object, apiVersion, kubernetesVersion }) {
    const removal = REMOVALS.find((r) => r.kind === object.kind && r.apiVersion === apiVersion);
    if (!removal) return [];
    if (removal.removedIn && !isAtLeast(kubernetesVersion, ...removal.removedIn)) return [];
    const why = removal.removedIn
      ? `${apiVersion} ${object.kind} was removed in Kubernetes ${removal.removedIn.join('.')}`
      : `${apiVersion} never served ${object.kind}`;
    const selectorNote =
      removal.replacement === 'apps/v1' ? ' (apps/v1 also requires spec.selector matching the template labels)' : '';
    const changes: Change[] = [{ op: 'set', path: ['apiVersion'], value: removal.replacement }];
    // apps/v1 has no selector defaulting: bring the one extensions/v1beta1 and apps/v1beta1 used to copy
    // from the template labels (their SetDefaults_DaemonSet / _Deployment / _ReplicaSet / _StatefulSet).
    const spec = object.kind === 'Job' || object.kind === 'CronJob' ? undefined : object.spec;
    const labels = spec?.template?.metadata?.labels;
    if (removal.replacement === 'apps/v1' && spec && !spec.selector && labels && Object.keys(labels).length > 0) {
      changes.push({ op: 'set', path: ['spec', 'selector'], value: { matchLabels: labels } });
    }
    return [
      {
        path: ['apiVersion'],
        fixes: [{ title: `Change apiVersion to ${removal.replacement}${changes.length > 1 ? ' and add the selector it requires' : ''}`, changes, preferred: true }],
        message: `no matches for kind "${object.kind}" in version "${apiVersion}": ${why}; use apiVersion: ${removal.replacement}${selectorNote}`,
      },
    ];
  },
};
