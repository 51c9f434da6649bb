import { appsAdvice } from './messages/appsAdvice';
import type { Rule } from './rule';

/**
 * A pod is available once Ready for minReadySeconds (podutil.IsPodAvailable); without a readinessProbe a
 * container is Ready as soon as it runs, so with minReadySeconds 0 a Deployment's rollout and a StatefulSet's
 * OrderedReady start-up move on before the application has shown it works.
 */
export const appsNoReadinessProbe: Rule = {
  meta: {
    id: 'apps-no-readiness-probe',
    severity: 'warning',
    kinds: ['Deployment', 'StatefulSet'],
    description: 'No container has a readinessProbe and minReadySeconds is 0: new pods count as available as soon as they start.',
  },
  check({ object, locale }) {
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') return [];
    const spec = object.spec ?? {};
    if ((spec.minReadySeconds ?? 0) > 0) return [];
    const containers = (spec.template?.spec?.containers ?? []) as { readinessProbe?: unknown }[];
    if (containers.length === 0 || containers.some((container) => container?.readinessProbe !== undefined)) return [];
    return [{ path: ['spec', 'template', 'spec', 'containers'], part: 'key', message: appsAdvice.t(locale, 'noReadinessProbe', { kind: object.kind }) }];
  },
};
