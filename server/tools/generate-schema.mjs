#!/usr/bin/env node
// Generates server/src/core/schema/k8s-schema.json, the offline field knowledge of the linter, from the
// npm package kubernetes-models (and its @kubernetes-models/apimachinery dependency):
//   - field names, TypeScript types, string-literal enums, required fields and the OpenAPI descriptions
//     come from the packages' .d.ts files (read with the TypeScript compiler API);
//   - integer vs. number and the int32/int64 format come from probing the packages' precompiled ajv
//     validators (_schemas/*.js), because the .d.ts files only say `number`.
// What the packages cannot know is how Go spells a field's type in an error message (named types such as
// v1.RestartPolicy) and which fields reach a struct through an inline-embedded struct (VolumeSource, ...):
// GO_NAMED_TYPES and GO_EMBEDDED below carry that, each entry checked against upstream Go sources.
//
// Usage: npm run schema      (installs server/tools/schema's pinned packages, then runs this; deterministic:
//                             same packages in, same bytes out)
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO, 'server/src/core/schema/k8s-schema.json');
// The packages come from server/tools/schema/ (its own package.json and lockfile), so the install people run
// for the extension never pulls kubernetes-models (it asks for Node >= 22); `npm run schema` installs them.
const PACKAGES = path.join(REPO, 'server/tools/schema/node_modules');
const MODELS = path.join(PACKAGES, 'kubernetes-models');
const APIMACHINERY = path.join(PACKAGES, '@kubernetes-models/apimachinery');
const VALIDATE = path.join(PACKAGES, '@kubernetes-models/validate/dist/index.js');
const BASE_META = path.join(PACKAGES, '@kubernetes-models/base/dist/meta.d.ts');

// kubernetes-models does not record its Kubernetes version in the package; its changelog and the API it
// describes do (see SOURCE.md). Pinning the package version here makes an upgrade a conscious edit.
const PACKAGE_VERSION = '5.1.0';
const KUBERNETES_VERSION = '1.36';

/** The kinds the linter knows, by the apiVersion/kind a manifest uses. */
const ROOTS = {
  'batch/v1/Job': 'io.k8s.api.batch.v1.Job',
  'batch/v1/CronJob': 'io.k8s.api.batch.v1.CronJob',
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
  'apps/v1/ReplicaSet': 'io.k8s.api.apps.v1.ReplicaSet',
  'apps/v1/StatefulSet': 'io.k8s.api.apps.v1.StatefulSet',
};
/** Reachable from the kinds anyway; named so hover and completion on pod templates can rely on it. */
const EXTRA = ['io.k8s.api.core.v1.PodTemplateSpec'];

// A kind used inside another kind is written out inline by the package (an anonymous object type); the Go
// field is that kind's struct. Key: `<definition>.<property>[]` as classify() names the place.
const INLINE_KINDS = {
  'io.k8s.api.apps.v1.StatefulSetSpec.volumeClaimTemplates[]': 'io.k8s.api.core.v1.PersistentVolumeClaim', // []v1.PersistentVolumeClaim
};

// Types whose Go (un)marshalling is custom, so the OpenAPI shape is not the decoding rule.
const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string', // intstr.IntOrString.UnmarshalJSON
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity', // resource.Quantity.UnmarshalJSON
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time', // metav1.Time.UnmarshalJSON
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time', // metav1.MicroTime.UnmarshalJSON
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'free-form', // metav1.FieldsV1.UnmarshalJSON keeps raw JSON
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'free-form', // runtime.RawExtension.UnmarshalJSON keeps raw JSON
};

// Go named types, as reflect.Type.String() prints them in `json: cannot unmarshal ... of type <T>` (a
// pointer field reports its element type). Key: `<definition>.<property>` for the field's own type,
// `<definition>.<property>[]` for the items of a list. Fields not listed use the type their schema implies
// (string, int32, []string, map[string]string, v1.Container, ...). Checked against k8s.io/api
// core/v1/types.go, batch/v1/types.go, apps/v1/types.go and k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
const CORE = 'io.k8s.api.core.v1';
const BATCH = 'io.k8s.api.batch.v1';
const APPS = 'io.k8s.api.apps.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const GO_NAMED_TYPES = {
  [`${CORE}.AppArmorProfile.type`]: 'v1.AppArmorProfileType',
  [`${CORE}.AzureDiskVolumeSource.cachingMode`]: 'v1.AzureDataDiskCachingMode',
  [`${CORE}.AzureDiskVolumeSource.kind`]: 'v1.AzureDataDiskKind',
  [`${CORE}.Capabilities.add[]`]: 'v1.Capability',
  [`${CORE}.Capabilities.drop[]`]: 'v1.Capability',
  [`${CORE}.Container.imagePullPolicy`]: 'v1.PullPolicy',
  [`${CORE}.Container.restartPolicy`]: 'v1.ContainerRestartPolicy',
  [`${CORE}.Container.terminationMessagePolicy`]: 'v1.TerminationMessagePolicy',
  [`${CORE}.ContainerPort.protocol`]: 'v1.Protocol',
  [`${CORE}.ContainerResizePolicy.resourceName`]: 'v1.ResourceName',
  [`${CORE}.ContainerResizePolicy.restartPolicy`]: 'v1.ResourceResizeRestartPolicy',
  [`${CORE}.ContainerRestartRule.action`]: 'v1.ContainerRestartRuleAction',
  [`${CORE}.ContainerRestartRuleOnExitCodes.operator`]: 'v1.ContainerRestartRuleOnExitCodesOperator',
  [`${CORE}.EmptyDirVolumeSource.medium`]: 'v1.StorageMedium',
  [`${CORE}.EphemeralContainer.imagePullPolicy`]: 'v1.PullPolicy',
  [`${CORE}.EphemeralContainer.restartPolicy`]: 'v1.ContainerRestartPolicy',
  [`${CORE}.EphemeralContainer.terminationMessagePolicy`]: 'v1.TerminationMessagePolicy',
  [`${CORE}.HTTPGetAction.scheme`]: 'v1.URIScheme',
  [`${CORE}.HostPathVolumeSource.type`]: 'v1.HostPathType',
  [`${CORE}.ImageVolumeSource.pullPolicy`]: 'v1.PullPolicy',
  [`${CORE}.Lifecycle.stopSignal`]: 'v1.Signal',
  [`${CORE}.NodeSelectorRequirement.operator`]: 'v1.NodeSelectorOperator',
  [`${CORE}.ObjectReference.uid`]: 'types.UID',
  [`${CORE}.ModifyVolumeStatus.status`]: 'v1.PersistentVolumeClaimModifyVolumeStatus',
  [`${CORE}.PersistentVolumeClaimCondition.status`]: 'v1.ConditionStatus',
  [`${CORE}.PersistentVolumeClaimCondition.type`]: 'v1.PersistentVolumeClaimConditionType',
  [`${CORE}.PersistentVolumeClaimSpec.accessModes[]`]: 'v1.PersistentVolumeAccessMode',
  [`${CORE}.PersistentVolumeClaimStatus.accessModes[]`]: 'v1.PersistentVolumeAccessMode',
  [`${CORE}.PersistentVolumeClaimStatus.allocatedResourceStatuses`]: 'map[v1.ResourceName]v1.ClaimResourceStatus',
  [`${CORE}.PersistentVolumeClaimStatus.allocatedResources`]: 'v1.ResourceList',
  [`${CORE}.PersistentVolumeClaimStatus.capacity`]: 'v1.ResourceList',
  [`${CORE}.PersistentVolumeClaimStatus.phase`]: 'v1.PersistentVolumeClaimPhase',
  [`${CORE}.PersistentVolumeClaimSpec.volumeMode`]: 'v1.PersistentVolumeMode',
  [`${CORE}.PodOS.name`]: 'v1.OSName',
  [`${CORE}.PodReadinessGate.conditionType`]: 'v1.PodConditionType',
  [`${CORE}.PodSecurityContext.fsGroupChangePolicy`]: 'v1.PodFSGroupChangePolicy',
  [`${CORE}.PodSecurityContext.seLinuxChangePolicy`]: 'v1.PodSELinuxChangePolicy',
  [`${CORE}.PodSecurityContext.supplementalGroupsPolicy`]: 'v1.SupplementalGroupsPolicy',
  [`${CORE}.PodSpec.dnsPolicy`]: 'v1.DNSPolicy',
  [`${CORE}.PodSpec.overhead`]: 'v1.ResourceList',
  [`${CORE}.PodSpec.preemptionPolicy`]: 'v1.PreemptionPolicy',
  [`${CORE}.PodSpec.restartPolicy`]: 'v1.RestartPolicy',
  [`${CORE}.ResourceRequirements.limits`]: 'v1.ResourceList',
  [`${CORE}.ResourceRequirements.requests`]: 'v1.ResourceList',
  [`${CORE}.SeccompProfile.type`]: 'v1.SeccompProfileType',
  [`${CORE}.SecurityContext.procMount`]: 'v1.ProcMountType',
  [`${CORE}.Toleration.effect`]: 'v1.TaintEffect',
  [`${CORE}.Toleration.operator`]: 'v1.TolerationOperator',
  [`${CORE}.TopologySpreadConstraint.nodeAffinityPolicy`]: 'v1.NodeInclusionPolicy',
  [`${CORE}.TopologySpreadConstraint.nodeTaintsPolicy`]: 'v1.NodeInclusionPolicy',
  [`${CORE}.TopologySpreadConstraint.whenUnsatisfiable`]: 'v1.UnsatisfiableConstraintAction',
  [`${CORE}.VolumeMount.mountPropagation`]: 'v1.MountPropagationMode',
  [`${CORE}.VolumeMount.recursiveReadOnly`]: 'v1.RecursiveReadOnlyMode',
  [`${CORE}.VolumeResourceRequirements.limits`]: 'v1.ResourceList',
  [`${CORE}.VolumeResourceRequirements.requests`]: 'v1.ResourceList',
  [`${BATCH}.CronJobSpec.concurrencyPolicy`]: 'v1.ConcurrencyPolicy',
  [`${BATCH}.JobCondition.status`]: 'v1.ConditionStatus', // core/v1's ConditionStatus
  [`${BATCH}.JobCondition.type`]: 'v1.JobConditionType',
  [`${BATCH}.JobSpec.completionMode`]: 'v1.CompletionMode',
  [`${BATCH}.JobSpec.podReplacementPolicy`]: 'v1.PodReplacementPolicy',
  [`${BATCH}.PodFailurePolicyOnExitCodesRequirement.operator`]: 'v1.PodFailurePolicyOnExitCodesOperator',
  [`${BATCH}.PodFailurePolicyOnPodConditionsPattern.status`]: 'v1.ConditionStatus',
  [`${BATCH}.PodFailurePolicyOnPodConditionsPattern.type`]: 'v1.PodConditionType',
  [`${BATCH}.PodFailurePolicyRule.action`]: 'v1.PodFailurePolicyAction',
  [`${BATCH}.UncountedTerminatedPods.failed[]`]: 'types.UID',
  [`${BATCH}.UncountedTerminatedPods.succeeded[]`]: 'types.UID',
  [`${APPS}.DaemonSetCondition.status`]: 'v1.ConditionStatus',
  [`${APPS}.DaemonSetCondition.type`]: 'v1.DaemonSetConditionType',
  [`${APPS}.DaemonSetUpdateStrategy.type`]: 'v1.DaemonSetUpdateStrategyType',
  [`${APPS}.DeploymentCondition.status`]: 'v1.ConditionStatus',
  [`${APPS}.DeploymentCondition.type`]: 'v1.DeploymentConditionType',
  [`${APPS}.DeploymentStrategy.type`]: 'v1.DeploymentStrategyType',
  [`${APPS}.ReplicaSetCondition.status`]: 'v1.ConditionStatus',
  [`${APPS}.ReplicaSetCondition.type`]: 'v1.ReplicaSetConditionType',
  [`${APPS}.StatefulSetCondition.status`]: 'v1.ConditionStatus',
  [`${APPS}.StatefulSetCondition.type`]: 'v1.StatefulSetConditionType',
  [`${APPS}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted`]: 'v1.PersistentVolumeClaimRetentionPolicyType',
  [`${APPS}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled`]: 'v1.PersistentVolumeClaimRetentionPolicyType',
  [`${APPS}.StatefulSetSpec.podManagementPolicy`]: 'v1.PodManagementPolicyType',
  [`${APPS}.StatefulSetUpdateStrategy.type`]: 'v1.StatefulSetUpdateStrategyType',
  [`${META}.LabelSelectorRequirement.operator`]: 'v1.LabelSelectorOperator',
  [`${META}.ManagedFieldsEntry.operation`]: 'v1.ManagedFieldsOperationType',
  [`${META}.ObjectMeta.uid`]: 'types.UID',
  [`${META}.OwnerReference.uid`]: 'types.UID',
};

// Fields promoted from an inline-embedded struct (`json:",inline"`): Go's decoder puts the embedded
// struct's Go name into the error's field path (sigs.k8s.io/json decode.go, object(): errorContext.FieldStack).
// Key: definition; value: { <embedded Go field name>: [json field names] | { allExcept: [json field names] } }.
const LOCAL_OBJECT_REFERENCE = { LocalObjectReference: ['name'] };
const GO_EMBEDDED = {
  [`${BATCH}.Job`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${BATCH}.CronJob`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${APPS}.DaemonSet`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${APPS}.Deployment`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${APPS}.ReplicaSet`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${APPS}.StatefulSet`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${CORE}.PersistentVolumeClaim`]: { TypeMeta: ['apiVersion', 'kind'] },
  [`${CORE}.Volume`]: { VolumeSource: { allExcept: ['name'] } },
  [`${CORE}.EphemeralContainer`]: { EphemeralContainerCommon: { allExcept: ['targetContainerName'] } },
  [`${CORE}.Probe`]: { ProbeHandler: ['exec', 'grpc', 'httpGet', 'tcpSocket'] },
  [`${CORE}.ConfigMapEnvSource`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.ConfigMapKeySelector`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.ConfigMapProjection`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.ConfigMapVolumeSource`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.SecretEnvSource`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.SecretKeySelector`]: LOCAL_OBJECT_REFERENCE,
  [`${CORE}.SecretProjection`]: LOCAL_OBJECT_REFERENCE,
};

// ---------------------------------------------------------------------------------------------------------

function fail(message) {
  throw new Error(`generate-schema: ${message}`);
}

/** OpenAPI definition name of a .d.ts file, from its place in the package. */
function definitionNameOf(file) {
  const inModels = file.startsWith(MODELS + path.sep);
  const rel = path.relative(inModels ? MODELS : APIMACHINERY, file).replace(/\.d\.ts$/, '').split(path.sep);
  const name = rel.pop();
  if (!inModels) return ['io.k8s.apimachinery.pkg', ...rel, name].join('.');
  if (rel.length === 1) return `io.k8s.api.core.${rel[0]}.${name}`;
  const group = rel[0].replace(/\.k8s\.io$/, '').replace(/\./g, '');
  return `io.k8s.api.${group}.${rel[1]}.${name}`;
}

function listDts(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') listDts(full, out);
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(full);
  }
  return out;
}

/** The text of the JSDoc block right before `node`, as the OpenAPI description it was written from. */
function jsDocOf(node, sourceFile) {
  const text = sourceFile.text;
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!last) return undefined;
  const lines = text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  // The model generator escapes `*` and `/` so a description cannot close the comment.
  const description = lines.join('\n').replace(/\\([*/])/g, '$1');
  return description === '' ? undefined : description;
}

/** alias (`IIoK8sApiBatchV1JobSpec`) -> { definition, file, sourceFile, decl (interface or type alias) } */
function indexPackages() {
  const byAlias = new Map();
  const byDefinition = new Map();
  for (const file of [...listDts(MODELS), ...listDts(APIMACHINERY)]) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const locals = new Map();
    for (const st of sourceFile.statements) {
      if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) locals.set(st.name.text, st);
    }
    for (const st of sourceFile.statements) {
      if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
      for (const el of st.exportClause.elements) {
        const alias = el.name.text;
        const local = (el.propertyName ?? el.name).text;
        if (!alias.startsWith('IIoK8s') || !locals.has(local)) continue;
        const entry = { alias, definition: definitionNameOf(file), file, sourceFile, decl: locals.get(local) };
        byAlias.set(alias, entry);
        byDefinition.set(entry.definition, entry);
      }
    }
  }
  return { byAlias, byDefinition };
}

/** Classifies a property's TypeScript type; numbers stay 'number?' until the validators are probed. */
function classify(typeNode, sourceFile, index, context) {
  const where = `${context} (${typeNode.getText(sourceFile).slice(0, 80)})`;
  switch (typeNode.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { t: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { t: 'number?' };
    case ts.SyntaxKind.BooleanKeyword:
      return { t: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return { t: 'free-form' };
    case ts.SyntaxKind.LiteralType:
    case ts.SyntaxKind.UnionType: {
      const members = ts.isUnionTypeNode(typeNode) ? typeNode.types : [typeNode];
      const values = members.map((m) => {
        if (!ts.isLiteralTypeNode(m) || !ts.isStringLiteral(m.literal)) fail(`unsupported union at ${where}`);
        return m.literal.text;
      });
      return { t: 'string', e: values };
    }
    case ts.SyntaxKind.TypeLiteral: {
      if (INLINE_KINDS[context]) return { t: 'ref', r: INLINE_KINDS[context] };
      const [member, ...rest] = typeNode.members;
      if (!member || rest.length > 0 || !ts.isIndexSignatureDeclaration(member)) fail(`unsupported object type at ${where}`);
      return { t: 'map', i: classify(member.type, sourceFile, index, `${context}{}`) };
    }
    case ts.SyntaxKind.TypeReference: {
      const name = typeNode.typeName.getText(sourceFile);
      if (name === 'Array') return { t: 'array', i: classify(typeNode.typeArguments[0], sourceFile, index, `${context}[]`) };
      const target = index.byAlias.get(name);
      if (!target) fail(`unknown type ${name} at ${where}`);
      const special = SPECIAL[target.definition];
      if (special) return { t: special };
      if (!ts.isInterfaceDeclaration(target.decl)) fail(`type alias ${name} at ${where} needs a SPECIAL entry`);
      if (target.decl.members.length === 0) fail(`empty struct ${name} at ${where}: free-form or not? add a SPECIAL entry`);
      return { t: 'ref', r: target.definition };
    }
    default:
      return fail(`unsupported type at ${where}`);
  }
}

/**
 * Kinds extend the package's TypeMeta and re-declare apiVersion/kind as undocumented literals
 * ("batch/v1"); the descriptions and optionality are TypeMeta's (metav1.TypeMeta is inline and optional).
 */
function typeMetaDocs() {
  const sourceFile = ts.createSourceFile(BASE_META, readFileSync(BASE_META, 'utf8'), ts.ScriptTarget.Latest, true);
  const decl = sourceFile.statements.find((st) => ts.isInterfaceDeclaration(st) && st.name.text === 'TypeMeta');
  if (!decl) fail('TypeMeta not found in @kubernetes-models/base');
  return new Map(decl.members.map((m) => [m.name.getText(sourceFile), jsDocOf(m, sourceFile)]));
}

function extendsTypeMeta(decl) {
  return (decl.heritageClauses ?? []).some((h) => h.types.some((t) => t.expression.getText() === 'TypeMeta'));
}

function* referencesOf(type) {
  if (type.t === 'ref') yield type.r;
  if (type.i) yield* referencesOf(type.i);
}

// --- integer formats, from the precompiled validators ------------------------------------------------------

/**
 * The ajv validators of kubernetes-models check `type: integer` and `format: int32|int64|double`; the format
 * checks go through the shared `formats` object of @kubernetes-models/validate, so recording which format
 * functions run while validating one sample value tells the format of exactly that field.
 */
async function numberProber() {
  const { formats } = await import(pathToFileURL(VALIDATE).href);
  const called = new Set();
  for (const name of ['int32', 'int64', 'double', 'float']) {
    if (!formats[name]) continue;
    formats[name].validate = () => {
      called.add(name);
      return true;
    };
  }
  const validators = new Map();
  async function validatorOf(entry) {
    if (!validators.has(entry.alias)) {
      const base = entry.file.startsWith(MODELS + path.sep) ? MODELS : APIMACHINERY;
      const file = path.join(base, '_schemas', `${entry.alias.slice(1)}.js`);
      validators.set(entry.alias, (await import(pathToFileURL(file).href)).validate);
    }
    return validators.get(entry.alias);
  }
  /** `wrap` puts a sample where the number lives (the field, a list item, a map value); `at` is its instancePath. */
  return async function probe(entry, property, wrap, at) {
    const validate = await validatorOf(entry);
    const errorsFor = (sample) => {
      validate({ [property]: wrap(sample) });
      return (validate.errors ?? []).filter((e) => e.instancePath === at);
    };
    const integer = errorsFor(1.5).some((e) => e.keyword === 'type' && e.params.type === 'integer');
    called.clear();
    const leftover = errorsFor(7);
    if (leftover.length > 0) fail(`${entry.definition}.${property}: 7 is rejected: ${JSON.stringify(leftover)}`);
    const format = [...called].sort().join(',');
    if (integer && (format === 'int32' || format === 'int64')) return format;
    if (!integer && format === 'double') return 'number';
    return fail(`${entry.definition}.${property}: unexpected integer=${integer} format=${format || 'none'}`);
  };
}

async function resolveNumbers(type, probe, entry, property) {
  const leaves = [];
  const walk = (node, wrap, at) => {
    if (node.t === 'number?') leaves.push({ node, wrap, at });
    else if (node.t === 'array') walk(node.i, (v) => wrap([v]), `${at}/0`);
    else if (node.t === 'map') walk(node.i, (v) => wrap({ k: v }), `${at}/k`);
  };
  walk(type, (v) => v, `/${property}`);
  for (const { node, wrap, at } of leaves) node.t = await probe(entry, property, wrap, at);
}

// --- assembly ---------------------------------------------------------------------------------------------

function goNameOf(definition) {
  const parts = definition.split('.');
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

function applyGoNames(definition, property, type) {
  const own = GO_NAMED_TYPES[`${definition}.${property}`];
  if (own) type.go = own;
  const item = GO_NAMED_TYPES[`${definition}.${property}[]`];
  if (item) {
    if (!type.i) fail(`${definition}.${property}[] names an item type, but the field is no list or map`);
    type.i.go = item;
  }
}

async function main() {
  if (!existsSync(MODELS)) fail(`${path.relative(REPO, MODELS)} is missing: run \`npm run schema\`, which installs server/tools/schema's packages first`);
  const installed = JSON.parse(readFileSync(path.join(MODELS, 'package.json'), 'utf8')).version;
  if (installed !== PACKAGE_VERSION) {
    fail(`kubernetes-models ${installed} is installed, the generator is pinned to ${PACKAGE_VERSION}: ` +
      'check which Kubernetes version the new package describes, then update PACKAGE_VERSION and KUBERNETES_VERSION');
  }
  const index = indexPackages();
  const typeMeta = typeMetaDocs();
  const probe = await numberProber();
  const definitions = {};
  const queue = [...Object.values(ROOTS), ...EXTRA];
  const seen = new Set(queue);
  const usedNamedTypes = new Set();
  const usedEmbedded = new Set();
  while (queue.length > 0) {
    const name = queue.shift();
    const entry = index.byDefinition.get(name) ?? fail(`definition ${name} not found`);
    const decl = entry.decl;
    const properties = {};
    const required = [];
    const embedded = GO_EMBEDDED[name] ?? {};
    const isKind = extendsTypeMeta(decl);
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member)) fail(`${name}: unexpected member kind`);
      const property = member.name.getText(entry.sourceFile).replace(/^"|"$/g, '');
      let type = classify(member.type, entry.sourceFile, index, `${name}.${property}`);
      const typeMetaField = isKind && typeMeta.has(property);
      if (typeMetaField) type = { t: 'string' };
      await resolveNumbers(type, probe, entry, property);
      if (GO_NAMED_TYPES[`${name}.${property}`] || GO_NAMED_TYPES[`${name}.${property}[]`]) {
        usedNamedTypes.add(`${name}.${property}`);
        usedNamedTypes.add(`${name}.${property}[]`);
      }
      applyGoNames(name, property, type);
      const out = { ...type };
      const description = jsDocOf(member, entry.sourceFile) ?? (typeMetaField ? typeMeta.get(property) : undefined);
      if (description) out.d = description;
      for (const [goField, fields] of Object.entries(embedded)) {
        const promoted = Array.isArray(fields) ? fields.includes(property) : !fields.allExcept.includes(property);
        if (promoted) {
          out.emb = goField;
          usedEmbedded.add(`${name}.${property}`);
        }
      }
      properties[property] = out;
      if (!member.questionToken && !typeMetaField) required.push(property);
      for (const ref of referencesOf(type)) {
        if (!seen.has(ref)) {
          seen.add(ref);
          queue.push(ref);
        }
      }
    }
    const definition = { go: goNameOf(name) };
    const description = jsDocOf(decl, entry.sourceFile);
    if (description) definition.d = description;
    if (required.length > 0) definition.req = required;
    definition.p = properties;
    definitions[name] = definition;
  }
  for (const key of Object.keys(GO_NAMED_TYPES)) {
    if (!usedNamedTypes.has(key)) fail(`GO_NAMED_TYPES entry ${key} matches no field`);
  }
  for (const [definition, groups] of Object.entries(GO_EMBEDDED)) {
    for (const field of Object.values(groups).flatMap((fields) => (Array.isArray(fields) ? fields : fields.allExcept))) {
      const promoted = usedEmbedded.has(`${definition}.${field}`);
      const listed = Object.values(groups).some((fields) => Array.isArray(fields) && fields.includes(field));
      if (listed !== promoted || !definitions[definition]?.p[field]) fail(`GO_EMBEDDED entry ${definition}.${field} matches no field`);
    }
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  const schema = {
    kubernetesVersion: KUBERNETES_VERSION,
    source: `kubernetes-models@${PACKAGE_VERSION}`,
    roots: ROOTS,
    definitions: sorted,
  };
  const json = JSON.stringify(schema);
  writeFileSync(OUT, json + '\n');
  console.log(`${path.relative(REPO, OUT)}: ${Object.keys(sorted).length} definitions, ${json.length} bytes`);
}

await main();
