/** The generated schema and its typed access (server/src/core/schema/schema.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  definition,
  goStructName,
  goTypeName,
  k8sSchema,
  propertyAt,
  rootDefinitionFor,
  schemaKubernetesVersion,
  typeAt,
} from '../../../server/src/core/schema/schema';

const JOB = 'io.k8s.api.batch.v1.Job';
const CRONJOB = 'io.k8s.api.batch.v1.CronJob';
const DAEMONSET = 'io.k8s.api.apps.v1.DaemonSet';

test('schema: records the Kubernetes version it was generated from', () => {
  assert.equal(schemaKubernetesVersion, '1.36');
  assert.equal(k8sSchema.source, 'kubernetes-models@5.1.0');
});

for (const [apiVersion, kind, expected] of [
  ['batch/v1', 'Job', JOB],
  ['batch/v1', 'CronJob', CRONJOB],
  ['apps/v1', 'DaemonSet', DAEMONSET],
  ['batch/v1beta1', 'CronJob', CRONJOB],
  ['batch/v2alpha1', 'CronJob', CRONJOB],
  ['extensions/v1beta1', 'DaemonSet', DAEMONSET],
  ['apps/v1beta1', 'DaemonSet', DAEMONSET],
  ['apps/v1beta2', 'DaemonSet', DAEMONSET],
  ['apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['extensions/v1beta1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['apps/v1', 'ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['apps/v1beta2', 'ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'io.k8s.api.apps.v1.StatefulSet'],
  ['apps/v1beta1', 'StatefulSet', 'io.k8s.api.apps.v1.StatefulSet'],
  ['v1', 'Service', undefined],
  ['v1', 'Pod', undefined],
  ['batch/v1', 'job', undefined],
] as const) {
  test(`schema: rootDefinitionFor(${apiVersion}, ${kind}) is ${expected}`, () => {
    assert.equal(rootDefinitionFor(apiVersion, kind), expected);
  });
}

for (const [root, path, values] of [
  [JOB, ['spec', 'template', 'spec', 'restartPolicy'], ['Always', 'Never', 'OnFailure']],
  [JOB, ['spec', 'completionMode'], ['Indexed', 'NonIndexed']],
  [JOB, ['spec', 'podReplacementPolicy'], ['Failed', 'TerminatingOrFailed']],
  [CRONJOB, ['spec', 'concurrencyPolicy'], ['Allow', 'Forbid', 'Replace']],
  [CRONJOB, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'], ['Always', 'IfNotPresent', 'Never']],
  [DAEMONSET, ['spec', 'updateStrategy', 'type'], ['OnDelete', 'RollingUpdate']],
  ['io.k8s.api.apps.v1.Deployment', ['spec', 'strategy', 'type'], ['Recreate', 'RollingUpdate']],
  ['io.k8s.api.apps.v1.StatefulSet', ['spec', 'podManagementPolicy'], ['OrderedReady', 'Parallel']],
  ['io.k8s.api.apps.v1.StatefulSet', ['spec', 'volumeClaimTemplates', 0, 'spec', 'volumeMode'], ['Block', 'Filesystem']],
] as const) {
  test(`schema: ${path.join('.')} has the enum ${values.join(', ')}`, () => {
    const found = propertyAt(root, path);
    assert.ok(found, 'field found');
    assert.equal(found.property.t, 'string');
    assert.deepEqual([...(found.property.e ?? [])].sort(), [...values].sort());
  });
}

test('schema: every definition and every field has its description', () => {
  const missing: string[] = [];
  for (const [name, def] of Object.entries(k8sSchema.definitions)) {
    if (!def.d) missing.push(name);
    for (const [field, prop] of Object.entries(def.p)) if (!prop.d) missing.push(`${name}.${field}`);
  }
  assert.deepEqual(missing, []);
  assert.match(propertyAt(JOB, ['spec', 'backoffLimit'])?.property.d ?? '', /^Specifies the number of retries before marking this job failed/);
  assert.match(propertyAt(JOB, ['kind'])?.property.d ?? '', /^Kind is a string value representing the REST resource/);
});

test('schema: reaches everything the three kinds reference, status included', () => {
  for (const name of [
    'io.k8s.api.core.v1.PodTemplateSpec',
    'io.k8s.api.core.v1.PodSpec',
    'io.k8s.api.core.v1.Container',
    'io.k8s.api.core.v1.Volume',
    'io.k8s.api.core.v1.Affinity',
    'io.k8s.api.core.v1.NodeSelectorRequirement',
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    'io.k8s.api.batch.v1.JobStatus',
    'io.k8s.api.batch.v1.CronJobStatus',
    'io.k8s.api.apps.v1.DaemonSetStatus',
  ]) {
    assert.ok(definition(name), name);
  }
  assert.equal(definition('io.k8s.api.core.v1.Pod'), undefined, 'only what the three kinds use');
});

for (const [root, path, expected] of [
  [JOB, ['spec', 'backoffLimit'], 'int32'],
  [JOB, ['spec', 'activeDeadlineSeconds'], 'int64'],
  [JOB, ['metadata', 'generation'], 'int64'],
  [JOB, ['spec', 'template', 'spec', 'securityContext', 'supplementalGroups', 0], 'int64'],
  [DAEMONSET, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], 'int-or-string'],
  [JOB, ['spec', 'template', 'spec', 'containers', 3, 'resources', 'limits', 'cpu'], 'quantity'],
  [CRONJOB, ['status', 'lastScheduleTime'], 'time'],
  [JOB, ['metadata', 'managedFields', 0, 'fieldsV1'], 'free-form'],
  [JOB, ['metadata', 'labels', 'app.kubernetes.io/name'], 'string'],
] as const) {
  test(`schema: ${path.join('.')} decodes as ${expected}`, () => {
    assert.equal(typeAt(root, path)?.t, expected);
  });
}

test('schema: required fields come from the OpenAPI schema', () => {
  assert.deepEqual(definition('io.k8s.api.batch.v1.JobSpec')?.req, ['template']);
  assert.deepEqual(definition('io.k8s.api.core.v1.Container')?.req, ['name']);
  assert.equal(definition(JOB)?.req, undefined, 'apiVersion and kind are optional in the schema');
});

test('schema: propertyAt names the declaring definition, and only for fields', () => {
  const image = propertyAt(CRONJOB, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'initContainers', 2, 'image']);
  assert.equal(image?.definition, 'io.k8s.api.core.v1.Container');
  assert.equal(image?.name, 'image');
  assert.equal(propertyAt(JOB, ['spec', 'template', 'spec', 'containers', 0]), undefined, 'a list item is no field');
  assert.equal(propertyAt(JOB, ['spec', 'nope']), undefined);
  assert.equal(propertyAt(JOB, ['spec', 'template', 'spec', 'containers', 'x']), undefined, 'lists take indexes');
  assert.equal(typeAt(JOB, [])?.r, JOB);
});

for (const [root, path, expected] of [
  [JOB, ['spec'], 'v1.JobSpec'],
  [JOB, ['spec', 'template', 'spec', 'containers'], '[]v1.Container'],
  [JOB, ['spec', 'template', 'spec', 'containers', 0, 'args'], '[]string'],
  [JOB, ['metadata', 'labels'], 'map[string]string'],
  [JOB, ['spec', 'template', 'spec', 'restartPolicy'], 'v1.RestartPolicy'],
  [JOB, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'], 'v1.ResourceList'],
  [JOB, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities', 'add'], '[]v1.Capability'],
  [JOB, ['metadata', 'uid'], 'types.UID'],
  [JOB, ['spec', 'suspend'], 'bool'],
  [JOB, ['spec', 'selector'], 'v1.LabelSelector'],
] as const) {
  test(`schema: Go type of ${path.join('.') || '<root>'} is ${expected}`, () => {
    const type = typeAt(root, path);
    assert.ok(type);
    assert.equal(goTypeName(type), expected);
  });
}

test('schema: Go struct names and inline-embedded structs', () => {
  assert.equal(goStructName('io.k8s.api.batch.v1.JobSpec'), 'JobSpec');
  assert.equal(goStructName('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), 'ObjectMeta');
  assert.equal(propertyAt(JOB, ['spec', 'template', 'spec', 'volumes', 0, 'configMap'])?.property.emb, 'VolumeSource');
  assert.equal(propertyAt(JOB, ['spec', 'template', 'spec', 'volumes', 0, 'name'])?.property.emb, undefined);
  assert.equal(propertyAt(JOB, ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'httpGet'])?.property.emb, 'ProbeHandler');
  assert.equal(propertyAt(JOB, ['apiVersion'])?.property.emb, 'TypeMeta');
});
