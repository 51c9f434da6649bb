import type { FieldPath } from './helpers/podSpec/fieldPath';
import { podContext } from './helpers/podSpec/podContext';
import { parseQuantity, quantityText } from './helpers/podSpec/quantity';
import type { Rule, RuleFinding } from './rule';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Resource quantities in a pod template that do not parse (`2Gb`, `1.5.0`, `10 Mi`): container and pod
 * resources, overhead, emptyDir sizeLimit, downward API divisors and ephemeral volume claim resources.
 * The API server rejects these while decoding the request (resource.Quantity.UnmarshalJSON →
 * ParseQuantity), before any validation, with the parser's error as the whole message.
 * staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go: ParseQuantity, ErrFormatWrong, ErrNumeric, ErrSuffix.
 */
export const podQuantitySyntax: Rule = {
  meta: {
    id: 'pod-quantity-syntax',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Resource quantities (requests, limits, sizeLimit, divisors) must parse as Kubernetes quantities such as 500m, 1Gi or 2e3.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    const one = (raw: unknown, path: FieldPath): void => {
      const text = quantityText(raw);
      if (text === undefined) return;
      const parsed = parseQuantity(text);
      if (typeof parsed === 'string') findings.push(path.finding(parsed));
    };
    const resourceList = (raw: unknown, path: FieldPath): void => {
      if (isObj(raw)) for (const [name, value] of Object.entries(raw)) one(value, path.key(name));
    };
    const requirements = (raw: unknown, path: FieldPath): void => {
      if (!isObj(raw)) return;
      resourceList(raw.limits, path.child('limits'));
      resourceList(raw.requests, path.child('requests'));
    };
    const downwardItems = (raw: unknown, path: FieldPath): void => {
      list(raw).forEach((item, i) => {
        if (isObj(item) && isObj(item.resourceFieldRef)) one(item.resourceFieldRef.divisor, path.index(i).child('resourceFieldRef').child('divisor'));
      });
    };
    for (const ref of pod.allContainers()) {
      requirements(ref.container.resources, ref.path.child('resources'));
      (ref.container.env ?? []).forEach((env, i) => {
        const divisor = env?.valueFrom?.resourceFieldRef?.divisor;
        one(divisor, ref.path.child('env').index(i).child('valueFrom').child('resourceFieldRef').child('divisor'));
      });
    }
    requirements(pod.spec.resources, pod.path.child('resources'));
    resourceList(pod.spec.overhead, pod.path.child('overhead'));
    (pod.spec.volumes ?? []).forEach((volume, i) => {
      if (!volume) return;
      const path = pod.path.child('volumes').index(i);
      if (isObj(volume.emptyDir)) one(volume.emptyDir.sizeLimit, path.child('emptyDir').child('sizeLimit'));
      if (isObj(volume.downwardAPI)) downwardItems(volume.downwardAPI.items, path.child('downwardAPI').child('items'));
      if (isObj(volume.projected)) {
        list(volume.projected.sources).forEach((source, j) => {
          if (isObj(source) && isObj(source.downwardAPI)) {
            downwardItems(source.downwardAPI.items, path.child('projected').child('sources').index(j).child('downwardAPI').child('items'));
          }
        });
      }
      if (isObj(volume.ephemeral) && isObj(volume.ephemeral.volumeClaimTemplate) && isObj(volume.ephemeral.volumeClaimTemplate.spec)) {
        const specPath = path.child('ephemeral').child('volumeClaimTemplate').child('spec');
        requirements(volume.ephemeral.volumeClaimTemplate.spec.resources, specPath.child('resources'));
      }
    });
    return findings;
  },
};
