import { isAtLeast } from '../kubernetesVersion';
import type { Locale } from '../i18n';
import type { Change } from '../parse/edits';
import { apiServerRules } from './messages/apiServerRules';
import type { Rule, RuleFinding } from './rule';

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
  check({ object, apiVersion, kubernetesVersion, locale }) {
    const removal = REMOVALS.find((r) => r.kind === object.kind && r.apiVersion === apiVersion);
    if (!removal) return [];
    if (removal.removedIn && !isAtLeast(kubernetesVersion, ...removal.removedIn)) return [];
    const changes: Change[] = [{ op: 'set', path: ['apiVersion'], value: removal.replacement }];
    // apps/v1 has no selector defaulting: bring the one extensions/v1beta1 and apps/v1beta1 used to copy
    // from the template labels (their SetDefaults_DaemonSet / _Deployment / _ReplicaSet / _StatefulSet).
    const spec = object.kind === 'Job' || object.kind === 'CronJob' ? undefined : object.spec;
    const labels = spec?.template?.metadata?.labels;
    if (removal.replacement === 'apps/v1' && spec && !spec.selector && labels && Object.keys(labels).length > 0) {
      changes.push({ op: 'set', path: ['spec', 'selector'], value: { matchLabels: labels } });
    }
    const fixTitle = apiServerRules.t(locale, changes.length > 1 ? 'apiVersionAndSelectorFix' : 'apiVersionFix', { replacement: removal.replacement });
    return [{ path: ['apiVersion'], fixes: [{ title: fixTitle, changes, preferred: true }], ...explained(removal, object.kind, locale) }];
  },
};

/**
 * kubectl's own words come first: `no matches for kind "CronJob" in version "batch/v1beta1"`. In English the reason
 * and the replacement follow in the message (as they always have); in other languages they are the note.
 */
function explained(removal: Removal, kind: string, locale: Locale | undefined): Pick<RuleFinding, 'message' | 'note'> {
  const noMatches = `no matches for kind "${kind}" in version "${removal.apiVersion}"`;
  const selector = removal.replacement === 'apps/v1';
  const key = removal.removedIn
    ? selector ? 'removedApiVersionSelector' : 'removedApiVersion'
    : selector ? 'neverServedApiVersionSelector' : 'neverServedApiVersion';
  const args = { apiVersion: removal.apiVersion, kind, replacement: removal.replacement, removedIn: removal.removedIn?.join('.') ?? '' };
  const why = apiServerRules.t(locale, key, args);
  return (locale ?? 'en') === 'en' ? { message: `${noMatches}: ${why}` } : { message: noMatches, note: why };
}
