import { goQuote } from '../goFormat';
import type { Labels } from '../model/types';
import type { Path } from '../parse/path';
import { annotationProblems, byteLength, dns1123LabelErrors, dns1123SubdomainErrors, labelProblems } from './helpers/labelSyntax';
import type { Rule, RuleFinding } from './rule';
import { podTemplatePath } from './helpers/workloadPaths';

/**
 * The object's own metadata on create, as staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * ValidateObjectMetaAccessor checks it for ValidateJob, ValidateCronJobCreate and ValidateDaemonSet
 * (metadata.name itself is the invalid-name rule's):
 * - generateName: NameIsDNSSubdomain(generateName, prefix=true) (pkg/api/validation/generic.go), whose
 *   maskTrailingDash replaces the last *two* characters of a name ending in '-' by 'a' (TestMaskTrailingDash);
 * - namespace: ValidateNamespaceName (a DNS-1123 label) when set — an absent namespace is filled in from the
 *   request, so it is not reported;
 * - labels: ValidateLabels at metadata.labels. A Job without labels shares its template's labels map
 *   (SetDefaults_Job), so the template's labels are checked here too, at metadata.labels;
 * - annotations: ValidateAnnotations (key syntax on the lower-cased key, total size ≤ 256 KiB).
 * ownerReferences, finalizers, generation and managedFields are not checked.
 */
export const objectMetadata: Rule = {
  meta: {
    id: 'object-metadata',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'metadata.generateName, namespace, labels and annotations must have the syntax the API server accepts.',
  },
  check({ written, kubernetesVersion }) {
    const findings: RuleFinding[] = [];
    const meta = written.metadata ?? {};

    if (meta.generateName) {
      for (const detail of generateNameErrors(meta.generateName)) {
        findings.push({ path: ['metadata', 'generateName'], message: `Invalid value: ${goQuote(meta.generateName)}: ${detail}` });
      }
    }

    if (meta.namespace) {
      for (const detail of dns1123LabelErrors(meta.namespace)) {
        findings.push({ path: ['metadata', 'namespace'], message: `Invalid value: ${goQuote(meta.namespace)}: ${detail}` });
      }
    }

    const { labels, path: labelsPath } = metadataLabels(written);
    for (const problem of labelProblems(labels, kubernetesVersion)) {
      findings.push({ path: [...labelsPath, problem.key], part: problem.part, fieldPath: 'metadata.labels', message: problem.message });
    }

    for (const problem of annotationProblems(meta.annotations, kubernetesVersion)) {
      const path: Path = problem.key === undefined ? ['metadata', 'annotations'] : ['metadata', 'annotations', problem.key];
      findings.push({ path, part: 'key', fieldPath: 'metadata.annotations', message: problem.message });
    }
    return findings;
  },
};

/** The labels ValidateObjectMeta sees, and where they are written. */
function metadataLabels(written: Parameters<Rule['check']>[0]['written']): { labels: Labels | undefined; path: Path } {
  const own = written.metadata?.labels;
  if (written.kind === 'Job' && Object.keys(own ?? {}).length === 0) {
    const templateLabels = written.spec?.template?.metadata?.labels;
    if (templateLabels !== undefined) return { labels: templateLabels, path: [...podTemplatePath(written), 'metadata', 'labels'] };
  }
  return { labels: own, path: ['metadata', 'labels'] };
}

/** NameIsDNSSubdomain(generateName, true): maskTrailingDash turns "x…yz-" into "x…ya" (a lone "-" stays). */
function generateNameErrors(generateName: string): string[] {
  if (generateName.length < 2 || !generateName.endsWith('-')) return dns1123SubdomainErrors(generateName);
  const masked = `${generateName.slice(0, -2)}a`;
  const errors = dns1123SubdomainErrors(masked).filter((e) => !e.startsWith('must be no more than'));
  if (byteLength(generateName) - 1 > 253) errors.unshift('must be no more than 253 characters');
  return errors;
}
