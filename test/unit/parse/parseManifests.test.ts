import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, parseManifests } from '../../../server/src/core';
import { parsePath, formatPath } from '../../../server/src/core/parse/path';

const JOB_ALWAYS = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Always
      containers:
      - name: pi
        image: perl
`;

test('each --- document is parsed on its own, with ranges in file coordinates', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n---\n${JOB_ALWAYS}---\n${JOB_ALWAYS}`;
  const findings = lintText(text).filter((f) => f.ruleId === 'job-restart-policy');
  assert.deepEqual(
    findings.map((f) => [f.document, f.range.start.line, f.range.start.character, f.range.end.character]),
    [
      [1, 11, 21, 27],
      [2, 23, 21, 27],
    ],
  );
});

test('the source map finds keys and values by field path, list indexes included', () => {
  const [doc] = parseManifests(JOB_ALWAYS).documents;
  const image = doc.sourceMap.locate(parsePath('spec.template.spec.containers[0].image'));
  assert.equal(image.depth, 6);
  assert.deepEqual(image.key, { start: { line: 10, character: 8 }, end: { line: 10, character: 13 } });
  assert.deepEqual(image.value, { start: { line: 10, character: 15 }, end: { line: 10, character: 19 } });
  const missing = doc.sourceMap.locate(parsePath('spec.template.spec.nodeSelector.disk'));
  assert.equal(missing.depth, 3);
  assert.equal(missing.key?.start.line, 6);
});

test('field paths format like the API server and parse back', () => {
  const path = ['spec', 'template', 'spec', 'containers', 0, 'image'];
  assert.equal(formatPath(path), 'spec.template.spec.containers[0].image');
  assert.deepEqual(parsePath('spec.template.spec.containers[0].image'), path);
  assert.equal(formatPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels[app.kubernetes.io/name]');
  assert.deepEqual(parsePath('metadata.labels[app.kubernetes.io/name]'), ['metadata', 'labels', 'app.kubernetes.io/name']);
});

test('a YAML syntax error is an error at its exact position, and nothing else is reported for that document', () => {
  const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n spec: {}\n';
  const findings = lintText(text);
  assert.equal(findings.length > 0, true);
  for (const f of findings) {
    assert.equal(f.ruleId, 'yaml-syntax');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^YAML syntax error: /);
  }
  assert.equal(findings[0].range.start.line, 4);
});

test('other kinds and non-Kubernetes YAML produce no findings', () => {
  for (const text of [
    'apiVersion: v1\nkind: Service\nmetadata: { name: "NOT VALID" }\nspec: {}\n',
    'apiVersion: v1\nkind: Service\nmetadata: { name: s }\n',
    'services:\n  web:\n    image: nginx\n',
    '- just\n- a list\n',
    'plain scalar',
    '',
    '# only a comment\n',
  ]) {
    assert.deepEqual(lintText(text), [], text);
  }
});

test('Helm template syntax gives one informational finding and no false errors', () => {
  const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ .Release.Name }}-job\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n';
  const findings = lintText(text);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character]),
    [['helm-template', 'info', 3, 8]],
  );
});

test('an alias bomb is reported, not expanded', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const findings = lintText(`kind: Job\n${bomb.join('\n')}\n`);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'yaml-syntax');
  assert.match(findings[0].message, /alias bomb/);
});

test('lint is deterministic and does not throw on odd values', () => {
  for (const text of ['kind: Job\nspec: 5\n', 'kind: Job\nspec:\n  template: [1,2]\n', 'kind: CronJob\nspec:\n  schedule: 5\n', 'kind: DaemonSet\nmetadata: []\n', 'kind: Job\nmetadata:\n  name: 12\n']) {
    assert.doesNotThrow(() => lintText(text), text);
    assert.deepEqual(lintText(text), lintText(text));
  }
});
