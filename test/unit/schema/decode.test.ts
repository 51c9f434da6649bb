/** decode(): strict decoding as the API server does it (server/src/core/model/decode.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goQuote } from '../../../server/src/core/goFormat';
import { decode, suggestField, type DecodeIssue } from '../../../server/src/core/model/decode';
import type { Path } from '../../../server/src/core/parse/path';

type Manifest = Record<string, unknown>;

function job(spec: Manifest, extra: Manifest = {}): Manifest {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec, ...extra };
}

/** A Job whose single container gets `fields`. */
function jobWithContainer(fields: Manifest): Manifest {
  return job({ template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', ...fields }] } } });
}

function cronJob(spec: Manifest): Manifest {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec };
}

function daemonSet(spec: Manifest, extra: Manifest = {}): Manifest {
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec, ...extra };
}

function only(manifest: Manifest): DecodeIssue {
  const { issues } = decode(manifest, String(manifest.apiVersion), String(manifest.kind));
  assert.equal(issues.length, 1, `one issue expected, got ${JSON.stringify(issues)}`);
  return issues[0];
}

const C0: Path = ['spec', 'template', 'spec', 'containers', 0];

// --- unknown fields ---------------------------------------------------------------------------------------

const unknownFields: ReadonlyArray<{ name: string; manifest: Manifest; path: Path; message: string }> = [
  {
    name: 'a CronJob typo suggests the field',
    manifest: cronJob({ schedule: '* * * * *', startingDeadlineSecond: 10, jobTemplate: { spec: {} } }),
    path: ['spec', 'startingDeadlineSecond'],
    message: 'unknown field "spec.startingDeadlineSecond" (did you mean "startingDeadlineSeconds"?)',
  },
  {
    name: 'nothing close: no suggestion',
    manifest: job({ frobnicate: true }),
    path: ['spec', 'frobnicate'],
    message: 'unknown field "spec.frobnicate"',
  },
  {
    name: 'list indexes are printed in brackets',
    manifest: jobWithContainer({ imagePullPolicyy: 'Always' }),
    path: [...C0, 'imagePullPolicyy'],
    message: 'unknown field "spec.template.spec.containers[0].imagePullPolicyy" (did you mean "imagePullPolicy"?)',
  },
  {
    name: 'deep in a CronJob, second container, singular for plural',
    manifest: cronJob({
      schedule: '@daily',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'b', volumeMount: [] }] } } } },
    }),
    path: ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 1, 'volumeMount'],
    message:
      'unknown field "spec.jobTemplate.spec.template.spec.containers[1].volumeMount" (did you mean "volumeMounts"?)',
  },
  {
    name: 'at the root, another case',
    manifest: { apiVersion: 'batch/v1', kind: 'Job', Spec: {} },
    path: ['Spec'],
    message: 'unknown field "Spec" (did you mean "spec"?)',
  },
  {
    name: 'a prefix of the field',
    manifest: cronJob({ schedule: '@daily', startingDeadline: 10, jobTemplate: { spec: {} } }),
    path: ['spec', 'startingDeadline'],
    message: 'unknown field "spec.startingDeadline" (did you mean "startingDeadlineSeconds"?)',
  },
  {
    name: 'fields of an inline-embedded struct print without it',
    manifest: job({ template: { spec: { containers: [], volumes: [{ name: 'v', configmap: { name: 'c' } }] } } }),
    path: ['spec', 'template', 'spec', 'volumes', 0, 'configmap'],
    message: 'unknown field "spec.template.spec.volumes[0].configmap" (did you mean "configMap"?)',
  },
  {
    name: 'DaemonSet rolling update',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailabe: 1 } } }),
    path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailabe'],
    message: 'unknown field "spec.updateStrategy.rollingUpdate.maxUnavailabe" (did you mean "maxUnavailable"?)',
  },
  {
    name: 'a status field of a pasted live object',
    manifest: daemonSet({}, { status: { numberReadyy: 1 } }),
    path: ['status', 'numberReadyy'],
    message: 'unknown field "status.numberReadyy" (did you mean "numberReady"?)',
  },
  {
    name: 'the path is quoted as Go quotes it',
    manifest: job({ 'we"ird\n': 1 }),
    path: ['spec', 'we"ird\n'],
    message: 'unknown field "spec.we\\"ird\\n"',
  },
];

for (const { name, manifest, path, message } of unknownFields) {
  test(`decode: unknown field: ${name}`, () => {
    const issue = only(manifest);
    assert.equal(issue.problem, 'unknown-field');
    assert.deepEqual(issue.path, path);
    assert.equal(issue.message, message);
  });
}

test('decode: unknown fields are removed from the copy, siblings stay', () => {
  const { object } = decode(jobWithContainer({ imagePullPolicyy: 'Always', tty: true }), 'batch/v1', 'Job');
  assert.deepEqual((object as Manifest).spec, {
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', tty: true }] } },
  });
});

// --- wrong types ------------------------------------------------------------------------------------------

const wrongTypes: ReadonlyArray<{ name: string; manifest: Manifest; path: Path; message: string; apiVersion?: string }> = [
  {
    name: 'object where an integer is expected',
    manifest: job({ ttlSecondsAfterFinished: { seconds: 100 } }),
    path: ['spec', 'ttlSecondsAfterFinished'],
    message: 'json: cannot unmarshal object into Go struct field JobSpec.spec.ttlSecondsAfterFinished of type int32',
  },
  {
    name: 'string where a list is expected',
    manifest: jobWithContainer({ args: 'echo hello' }),
    path: [...C0, 'args'],
    message: 'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.args of type []string',
  },
  {
    name: 'scalar where an object is expected',
    manifest: job({ template: 5 }),
    path: ['spec', 'template'],
    message: 'json: cannot unmarshal number into Go struct field JobSpec.spec.template of type v1.PodTemplateSpec',
  },
  {
    name: 'object where a list of objects is expected',
    manifest: job({ template: { spec: { containers: { name: 'pi' } } } }),
    path: ['spec', 'template', 'spec', 'containers'],
    message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
  },
  {
    name: 'scalar as a list item of objects',
    manifest: job({ template: { spec: { containers: ['pi'] } } }),
    path: ['spec', 'template', 'spec', 'containers', 0],
    message: 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container',
  },
  {
    name: 'list where a map is expected',
    manifest: job({}, { metadata: { name: 'pi', labels: ['app=pi'] } }),
    path: ['metadata', 'labels'],
    message: 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
  },
  {
    name: 'number as a label value',
    manifest: job({}, { metadata: { name: 'pi', labels: { version: 1.5 } } }),
    path: ['metadata', 'labels', 'version'],
    message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'string where an int32 is expected',
    manifest: job({ backoffLimit: '6' }),
    path: ['spec', 'backoffLimit'],
    message: 'json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
  },
  {
    name: 'string where an int32 is expected, in a list item',
    manifest: jobWithContainer({ ports: [{ containerPort: '80' }] }),
    path: [...C0, 'ports', 0, 'containerPort'],
    message:
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
  },
  {
    name: 'number where a string is expected',
    manifest: jobWithContainer({ env: [{ name: 'N', value: 5 }] }),
    path: [...C0, 'env', 0, 'value'],
    message: 'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
  },
  {
    name: 'number out of int32 range (exact digits from a bigint)',
    manifest: job({ completions: BigInt('99999999999999999999') }),
    path: ['spec', 'completions'],
    message: 'json: cannot unmarshal number 99999999999999999999 into Go struct field JobSpec.spec.completions of type int32',
  },
  {
    name: 'number out of int32 range',
    manifest: job({ parallelism: 2 ** 40 }),
    path: ['spec', 'parallelism'],
    message: 'json: cannot unmarshal number 1099511627776 into Go struct field JobSpec.spec.parallelism of type int32',
  },
  {
    name: 'number out of int64 range (a double, as kubectl sends it)',
    manifest: job({ activeDeadlineSeconds: 99999999999999999999 }),
    path: ['spec', 'activeDeadlineSeconds'],
    message:
      'json: cannot unmarshal number 100000000000000000000 into Go struct field JobSpec.spec.activeDeadlineSeconds of type int64',
  },
  {
    name: 'non-integer into an integer field',
    manifest: job({ parallelism: 1.5 }),
    path: ['spec', 'parallelism'],
    message: 'json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.parallelism of type int32',
  },
  {
    name: 'YAML 1.2 `yes` is a string, not a bool',
    manifest: job({ suspend: 'yes' }),
    path: ['spec', 'suspend'],
    message: 'json: cannot unmarshal string into Go struct field JobSpec.spec.suspend of type bool',
  },
  {
    name: 'number where a bool is expected',
    manifest: cronJob({ schedule: '@daily', suspend: 1, jobTemplate: { spec: {} } }),
    path: ['spec', 'suspend'],
    message: 'json: cannot unmarshal number into Go struct field CronJobSpec.spec.suspend of type bool',
  },
  {
    name: 'a named Go type',
    manifest: job({ template: { spec: { restartPolicy: 1, containers: [] } } }),
    path: ['spec', 'template', 'spec', 'restartPolicy'],
    message: 'json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy',
  },
  {
    name: 'inline-embedded structs appear in the Go field path',
    manifest: job({ template: { spec: { containers: [], volumes: [{ name: 'v', configMap: { name: 5 } }] } } }),
    path: ['spec', 'template', 'spec', 'volumes', 0, 'configMap', 'name'],
    message:
      'json: cannot unmarshal number into Go struct field ConfigMapVolumeSource.spec.template.spec.volumes.VolumeSource.configMap.LocalObjectReference.name of type string',
  },
  {
    name: 'a probe handler',
    manifest: jobWithContainer({ livenessProbe: { httpGet: { path: 5, port: 8080 } } }),
    path: [...C0, 'livenessProbe', 'httpGet', 'path'],
    message:
      'json: cannot unmarshal number into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.ProbeHandler.httpGet.path of type string',
  },
  {
    name: 'int-or-string: a fraction',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 1.5 } } }),
    path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'],
    message:
      'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable of type int32',
  },
  {
    name: 'int-or-string: a bool',
    manifest: jobWithContainer({ readinessProbe: { tcpSocket: { port: true } } }),
    path: [...C0, 'readinessProbe', 'tcpSocket', 'port'],
    message:
      'json: cannot unmarshal bool into Go struct field TCPSocketAction.spec.template.spec.containers.readinessProbe.ProbeHandler.tcpSocket.port of type int32',
  },
  {
    name: 'quantity: an object',
    manifest: jobWithContainer({ resources: { limits: { cpu: { millis: 500 } } } }),
    path: [...C0, 'resources', 'limits', 'cpu'],
    message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  },
  {
    name: 'quantity list where a map is expected',
    manifest: jobWithContainer({ resources: { requests: ['1'] } }),
    path: [...C0, 'resources', 'requests'],
    message:
      'json: cannot unmarshal array into Go struct field ResourceRequirements.spec.template.spec.containers.resources.requests of type v1.ResourceList',
  },
  {
    name: 'time: a number',
    manifest: job({}, { status: { startTime: 1700000000 } }),
    path: ['status', 'startTime'],
    message: 'json: cannot unmarshal number into Go struct field JobStatus.status.startTime of type string',
  },
  {
    name: 'live DaemonSet status',
    manifest: daemonSet({}, { status: { numberReady: '3' } }),
    path: ['status', 'numberReady'],
    message: 'json: cannot unmarshal string into Go struct field DaemonSetStatus.status.numberReady of type int32',
  },
  {
    name: 'apiVersion is read before the object',
    manifest: { apiVersion: 1, kind: 'Job' },
    apiVersion: 'batch/v1',
    path: ['apiVersion'],
    message: "couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .apiVersion of type string",
  },
  {
    name: 'NaN never leaves kubectl',
    manifest: job({ parallelism: Number.NaN }),
    path: ['spec', 'parallelism'],
    message: 'json: unsupported value: NaN',
  },
];

for (const { name, manifest, path, message, apiVersion } of wrongTypes) {
  test(`decode: wrong type: ${name}`, () => {
    const { issues } = decode(manifest, apiVersion ?? String(manifest.apiVersion), String(manifest.kind));
    assert.equal(issues.length, 1, JSON.stringify(issues));
    assert.equal(issues[0].problem, 'wrong-type');
    assert.deepEqual(issues[0].path, path);
    assert.equal(issues[0].message, message);
  });
}

test('decode: wrongly typed values are removed; list items keep their index as Go zero values', () => {
  const { object } = decode(
    jobWithContainer({ args: ['a', 7, null, 'b'], env: [{ name: 'N', value: 5 }], ports: ['80', { containerPort: 80 }] }),
    'batch/v1',
    'Job',
  );
  const container = ((object as Manifest).spec as { template: { spec: { containers: Manifest[] } } }).template.spec.containers[0];
  assert.deepEqual(container.args, ['a', '', '', 'b']);
  assert.deepEqual(container.env, [{ name: 'N' }]);
  assert.deepEqual(container.ports, [{}, { containerPort: 80 }]);
});

// --- what is accepted -------------------------------------------------------------------------------------

const accepted: ReadonlyArray<{ name: string; manifest: Manifest }> = [
  { name: 'int-or-string as a percentage', manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } }) },
  { name: 'int-or-string as a number', manifest: jobWithContainer({ livenessProbe: { httpGet: { port: 8080 } } }) },
  { name: 'int-or-string as a port name', manifest: jobWithContainer({ livenessProbe: { httpGet: { port: 'http' } } }) },
  { name: 'quantities as strings and numbers', manifest: jobWithContainer({ resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.5, memory: 134217728 } } }) },
  { name: 'int64 beyond int32', manifest: job({ activeDeadlineSeconds: 2 ** 40 }) },
  { name: 'int32 bounds', manifest: job({ backoffLimit: 2147483647, parallelism: -2147483648 }) },
  { name: 'integer-valued doubles', manifest: job({ completions: 3.0 }) },
  { name: 'booleans', manifest: job({ suspend: false, manualSelector: true }) },
  { name: 'times as strings', manifest: cronJob({ schedule: '@daily', jobTemplate: { spec: {} } }) },
  { name: 'free-form managed fields', manifest: job({}, { metadata: { name: 'pi', managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:x': {}, '.': [1, 'two', null] } } }] } }) },
  { name: 'labels with dotted keys', manifest: job({}, { metadata: { name: 'pi', labels: { 'app.kubernetes.io/name': 'pi' } } }) },
];

for (const { name, manifest } of accepted) {
  test(`decode: accepts ${name}, copying it unchanged`, () => {
    const { object, issues } = decode(manifest, String(manifest.apiVersion), String(manifest.kind));
    assert.deepEqual(issues, []);
    assert.deepEqual(object, manifest);
    assert.notEqual(object, manifest, 'a copy');
  });
}

test('decode: integers a parser gives as bigint come out as numbers', () => {
  const { object, issues } = decode(
    jobWithContainer({ resources: { limits: { memory: BigInt(2) ** BigInt(40) } }, ports: [{ containerPort: BigInt(80) }] }),
    'batch/v1',
    'Job',
  );
  assert.deepEqual(issues, []);
  const container = ((object as Manifest).spec as { template: { spec: { containers: Manifest[] } } }).template.spec.containers[0];
  assert.deepEqual(container.resources, { limits: { memory: 2 ** 40 } });
  assert.deepEqual(container.ports, [{ containerPort: 80 }]);
});

test('decode: null means unset anywhere, never an issue', () => {
  const manifest = job(
    { parallelism: null, template: { spec: { containers: [{ name: 'pi', image: null, args: null }], volumes: null } } },
    { metadata: null, status: { startTime: null } },
  );
  const { object, issues } = decode(manifest, 'batch/v1', 'Job');
  assert.deepEqual(issues, []);
  assert.deepEqual(object, { apiVersion: 'batch/v1', kind: 'Job', spec: { template: { spec: { containers: [{ name: 'pi' }] } } }, status: {} });
});

test('decode: the API server decodes removed apiVersions into the v1 shape', () => {
  const issue = only({ apiVersion: 'batch/v1beta1', kind: 'CronJob', spec: { startingDeadlineSecond: 1 } });
  assert.equal(issue.message, 'unknown field "spec.startingDeadlineSecond" (did you mean "startingDeadlineSeconds"?)');
});

test('decode: kinds it does not know are copied without issues', () => {
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' }, whatever: [1] };
  const { object, issues } = decode(manifest, 'v1', 'ConfigMap');
  assert.deepEqual(issues, []);
  assert.deepEqual(object, manifest);
});

test('decode: a manifest that is no mapping', () => {
  const { object, issues } = decode(['not', 'an', 'object'], 'batch/v1', 'Job');
  assert.equal(object, null);
  assert.equal(issues.length, 1);
  assert.equal(
    issues[0].message,
    'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
  );
});

test('decode: every issue is reported, in document order', () => {
  const { issues } = decode(
    job({ backoffLimit: 'x', template: { spec: { containers: [{ name: 'a', imag: 'x' }, { name: 5 }] } }, zzz: 1 }),
    'batch/v1',
    'Job',
  );
  assert.deepEqual(
    issues.map((issue) => issue.path.join('/')),
    ['spec/backoffLimit', 'spec/template/spec/containers/0/imag', 'spec/template/spec/containers/1/name', 'spec/zzz'],
  );
});

// --- robustness -------------------------------------------------------------------------------------------

test('decode: deeply nested free-form data does not overflow the stack', () => {
  let deep: unknown = 'leaf';
  for (let i = 0; i < 200_000; i++) deep = { n: deep };
  const manifest = job({}, { metadata: { name: 'pi', managedFields: [{ fieldsV1: deep }] } });
  const { issues } = decode(manifest, 'batch/v1', 'Job');
  assert.deepEqual(issues, []);
});

test('decode: deep nesting under an unknown or mistyped field is not walked', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 200_000; i++) deep = [deep];
  const { issues } = decode(jobWithContainer({ args: [deep], foo: deep }), 'batch/v1', 'Job');
  assert.deepEqual(
    issues.map((issue) => issue.problem),
    ['wrong-type', 'unknown-field'],
  );
});

test('decode: cyclic data (YAML aliases) terminates', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const { object } = decode(job({}, { metadata: { name: 'pi', managedFields: [{ fieldsV1: cyclic }] } }), 'batch/v1', 'Job');
  const copy = ((object as Manifest).metadata as { managedFields: Array<{ fieldsV1: Record<string, unknown> }> }).managedFields[0].fieldsV1;
  assert.equal(copy.self, copy);
  assert.notEqual(copy, cyclic);
});

test('decode: huge lists stay fast and the issue count is bounded', () => {
  const containers = Array.from({ length: 50_000 }, (_, i) => ({ name: `c${i}`, image: 'x', bogus: i }));
  const started = performance.now();
  const { object, issues } = decode(job({ template: { spec: { containers } } }), 'batch/v1', 'Job');
  assert.ok(performance.now() - started < 5000, 'decodes 50k containers in well under 5s');
  assert.equal(issues.length, 1000);
  const decoded = ((object as Manifest).spec as { template: { spec: { containers: Manifest[] } } }).template.spec.containers;
  assert.equal(decoded.length, 50_000);
  assert.deepEqual(decoded[49_999], { name: 'c49999', image: 'x' });
});

test('decode: never throws on odd input', () => {
  for (const raw of [undefined, null, 0, '', 'x', [], {}, { spec: 'x' }, { spec: { template: [] } }, { __proto__: { a: 1 } }]) {
    assert.doesNotThrow(() => decode(raw, 'batch/v1', 'Job'));
  }
  const proto = JSON.parse('{"metadata":{"labels":{"__proto__":"x"}}}') as Manifest;
  const { object } = decode(proto, 'batch/v1', 'Job');
  const labels = ((object as Manifest).metadata as { labels: Record<string, unknown> }).labels;
  assert.equal(Object.getOwnPropertyDescriptor(labels, '__proto__')?.value, 'x');
  assert.equal(Object.getPrototypeOf(labels), Object.prototype);
});

// --- helpers ----------------------------------------------------------------------------------------------

for (const [key, known, expected] of [
  ['startingDeadlineSecond', ['schedule', 'startingDeadlineSeconds', 'suspend'], 'startingDeadlineSeconds'],
  ['imagePullPolciy', ['image', 'imagePullPolicy'], 'imagePullPolicy'],
  ['RESTARTPOLICY', ['restartPolicy'], 'restartPolicy'],
  ['x', ['os'], undefined],
  ['nameOverride', ['name'], undefined],
  ['completion', ['completions', 'completionMode'], 'completions'],
] as const) {
  test(`decode: suggestField(${key}) is ${expected}`, () => {
    assert.equal(suggestField(key, known), expected);
  });
}

test('decode: goQuote follows strconv.Quote', () => {
  assert.equal(goQuote('spec.a'), '"spec.a"');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('\t\u0001\u007f'), '"\\t\\x01\\x7f"');
  assert.equal(goQuote('é 日本'), '"é 日本"');
  assert.equal(goQuote('\u00a0\u200b'), '"\\u00a0\\u200b"');
});
