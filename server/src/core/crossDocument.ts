/**
 * Checks that need more than one document: a StatefulSet's `spec.serviceName` against the Services written next
 * to it. Each document's facts are gathered once, when its chunk is linted (DocumentSummary); this pass only
 * joins them, so it costs O(documents) and never parses again. The editor runs it over a file's kept summaries
 * plus the Services of its workspace folder, the CLI over each file plus the Services of every file linted.
 */
import type { Finding, Range } from './findings';
import type { Locale } from './i18n';
import type { ManifestDocument } from './parse/parseManifests';
import { isPlainObject } from './parse/parseManifests';
import { pipelineRules } from './rules';
import { crossDocumentText } from './rules/messages/crossDocument';

/** A `v1` Service as far as a StatefulSet cares: where it is and whether it is headless. */
export interface ServiceFacts {
  readonly name: string;
  /** As written; absent means whatever namespace it is applied to. */
  readonly namespace?: string;
  readonly headless: boolean;
  /** spec.clusterIP as written (for the message), when it is a string. */
  readonly clusterIP?: string;
}

/** A StatefulSet's `spec.serviceName` and where its value is written. */
export interface GoverningServiceRef {
  readonly service: string;
  readonly namespace?: string;
  readonly range: Range;
  /** The check is turned off for this document (a disable comment or setting). */
  readonly disabled: boolean;
}

/** What the pass reads of a document summary (the CLI keeps only these of each document). */
export interface CrossDocumentFacts {
  readonly index: number;
  readonly name?: string;
  readonly service?: ServiceFacts;
  readonly governingService?: GoverningServiceRef;
}

/**
 * A Service is headless when spec.clusterIP is "None" (pkg/apis/core/types.go, ClusterIPNone). Only the singular
 * field counts: on create the API server copies clusterIP into an empty clusterIPs, never the other way
 * (pkg/registry/core/service/storage/storage.go, normalizeClusterIPs: "new client must use both fields").
 */
export function serviceFacts(doc: ManifestDocument): ServiceFacts | undefined {
  if (doc.kind !== 'Service' || doc.apiVersion !== 'v1' || !isPlainObject(doc.value) || !doc.name) return undefined;
  const spec = isPlainObject(doc.value.spec) ? doc.value.spec : {};
  const clusterIP = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
  const namespace = namespaceOf(doc);
  return { name: doc.name, ...(namespace ? { namespace } : {}), headless: clusterIP === 'None', ...(clusterIP !== undefined ? { clusterIP } : {}) };
}

/**
 * A StatefulSet's serviceName, when it names one. The field is optional (StatefulSetSpec: only selector and
 * template are required, and ValidateStatefulSetSpec in pkg/apis/apps/validation does not check it): empty
 * means the pods get no per-pod DNS names and nothing is asked of a Service.
 */
export function governingServiceRef(doc: ManifestDocument, disabled: boolean): GoverningServiceRef | undefined {
  if (doc.kind !== 'StatefulSet' || !isPlainObject(doc.value) || !isPlainObject(doc.value.spec)) return undefined;
  const service = doc.value.spec.serviceName;
  if (typeof service !== 'string' || service === '') return undefined;
  const located = doc.sourceMap.locate(['spec', 'serviceName']);
  const range = located.value ?? located.key ?? doc.range;
  const namespace = namespaceOf(doc);
  return { service, ...(namespace ? { namespace } : {}), range, disabled };
}

function namespaceOf(doc: ManifestDocument): string | undefined {
  const metadata = isPlainObject(doc.value) && isPlainObject(doc.value.metadata) ? doc.value.metadata : undefined;
  return typeof metadata?.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
}

/** A missing namespace is whatever the manifests are applied to: the same as the other's. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * The warnings for StatefulSets whose serviceName matches no headless Service in `summaries` (one file) or
 * `knownServices` (the other files around it). O(documents + known Services).
 */
export function crossDocumentFindings(summaries: readonly CrossDocumentFacts[], knownServices: Iterable<ServiceFacts> = [], locale?: Locale): Finding[] {
  const sets = summaries.filter((doc) => doc.governingService !== undefined && !doc.governingService.disabled);
  if (sets.length === 0) return [];
  const byName = new Map<string, ServiceFacts[]>();
  const add = (service: ServiceFacts): void => {
    const list = byName.get(service.name);
    if (list) list.push(service);
    else byName.set(service.name, [service]);
  };
  for (const doc of summaries) if (doc.service) add(doc.service);
  for (const service of knownServices) add(service);

  const meta = pipelineRules.statefulSetServiceNotFound;
  const findings: Finding[] = [];
  for (const doc of sets) {
    const ref = doc.governingService as GoverningServiceRef;
    const candidates = byName.get(ref.service) ?? [];
    const here = candidates.filter((service) => sameNamespace(service.namespace, ref.namespace));
    if (here.some((service) => service.headless)) continue;
    const args = { service: ref.service };
    let message: string;
    if (here.length > 0) {
      const clusterIP = here[0].clusterIP;
      message = crossDocumentText.t(locale, 'serviceNotHeadless', {
        ...args,
        clusterIP: clusterIP === undefined ? crossDocumentText.t(locale, 'clusterIPUnset') : `"${clusterIP}"`,
      });
    } else if (candidates.length > 0 && ref.namespace !== undefined) {
      message = crossDocumentText.t(locale, 'serviceInOtherNamespace', { ...args, serviceNamespace: candidates[0].namespace ?? '', namespace: ref.namespace });
    } else {
      message = crossDocumentText.t(locale, 'serviceNotFound', args);
    }
    const note = crossDocumentText.t(locale, 'dnsNote', { ...args, pod: `${doc.name ?? '<name>'}-0` });
    findings.push({
      ruleId: meta.id,
      severity: meta.severity,
      fieldPath: 'spec.serviceName',
      message,
      note,
      range: ref.range,
      document: doc.index,
      kind: 'StatefulSet',
      ...(doc.name !== undefined ? { name: doc.name } : {}),
    });
  }
  return findings;
}

/** The Services of a whole file's text (the editor's index of a workspace folder reads files it has not opened). */
export function servicesOf(documents: readonly ManifestDocument[]): ServiceFacts[] {
  return documents.flatMap((doc) => serviceFacts(doc) ?? []);
}
