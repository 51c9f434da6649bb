import { appsAdvice } from './messages/appsAdvice';
import type { Rule } from './rule';

/**
 * The StatefulSet controller creates a claim `<template>-<set>-<ordinal>` per pod and, with the default
 * retention policy (Retain/Retain, SetDefaults_StatefulSet), never deletes it: after a scale-down or a delete
 * the claims and their volumes stay (pkg/controller/statefulset/stateful_set_utils.go,
 * isClaimOwnerUpToDate / getPersistentVolumeClaimRetentionPolicy). Reported when the policy is left out.
 */
export const statefulSetPvcRetained: Rule = {
  meta: {
    id: 'statefulset-pvc-retained',
    severity: 'warning',
    kinds: ['StatefulSet'],
    description: 'volumeClaimTemplates with the PVC retention policy left at its default (Retain): claims of removed pods stay after a scale-down or delete.',
  },
  check({ written, locale }) {
    if (written.kind !== 'StatefulSet') return [];
    const templates = written.spec?.volumeClaimTemplates ?? [];
    if (templates.length === 0 || written.spec?.persistentVolumeClaimRetentionPolicy !== undefined) return [];
    const set = written.metadata?.name ?? '<name>';
    const claims = templates.map((template) => `${template?.metadata?.name ?? ''}-${set}-<ordinal>`).join(', ');
    return [{ path: ['spec', 'volumeClaimTemplates'], part: 'key', message: appsAdvice.t(locale, 'pvcRetained', { claims }) }];
  },
};
