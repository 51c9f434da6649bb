/**
 * One pipeline: lint and the engine both take a workload through validateWorkload (decode, defaults, rules),
 * so they report the same problems, and the Kubernetes version is read in one place.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { lintText, simulate } from '../../server/src/core';
import { resolveKubernetesVersion } from '../../server/src/core/kubernetesVersion';
import { validateWorkload } from '../../server/src/core/validateWorkload';
import { piJob } from '../fixtures/manifests';
import { coreSources } from './coreSources';

test('resolveKubernetesVersion: the given release when it parses, else the default', () => {
  const cases: [string | undefined, string][] = [
    ['1.31', '1.31'],
    ['v1.29', '1.29'],
    ['1.30.4', '1.30'],
    [' 1.28 ', '1.28'],
    [undefined, '1.37'],
    ['', '1.37'],
    ['latest', '1.37'],
    ['1', '1.37'],
  ];
  for (const [text, expected] of cases) {
    const version = resolveKubernetesVersion(text);
    assert.equal(`${version.major}.${version.minor}`, expected, String(text));
  }
});

test('lint and simulate report the same problems for an invalid Job, in the same order', () => {
  const text = piJob('      restartPolicy: Always\n      bogusField: 1\n', '  backoffLimit: -1\n  parallelism: "2"\n');
  const linted = lintText(text).filter((f) => f.severity === 'error').map((f) => `${f.fieldPath}: ${f.message}`);
  const simulated = simulate(parse(text));
  assert.equal(simulated.ok, false);
  const refused = simulated.ok ? [] : simulated.errors.map((e) => `${e.path}: ${e.message}`);
  assert.ok(linted.length >= 3, linted.join('\n'));
  assert.deepEqual(refused, linted);
});

test('validateWorkload: an apiVersion that does not serve the kind stops before decoding', () => {
  const result = validateWorkload({ apiVersion: 'batch/v1beta1', kind: 'Job', spec: { backoffLimit: -1 } }, 'batch/v1beta1', 'Job', {
    kubernetesVersion: resolveKubernetesVersion('1.37'),
  });
  assert.equal(result.object, undefined);
  assert.deepEqual(
    result.problems.map((p) => [p.meta.id, p.fieldPath, p.message]),
    [['unknown-api-version', 'apiVersion', 'no matches for kind "Job" in version "batch/v1beta1"']],
  );
});

test('the engine validates through validateWorkload, not the rule list', () => {
  for (const { label, text } of coreSources('engine')) {
    assert.doesNotMatch(text, /from '(\.\.\/)+rules'/, `${label} imports the rule list`);
    assert.doesNotMatch(text, /\ballRules\b/, `${label} names allRules`);
  }
});

test('the Kubernetes version is parsed by kubernetesVersion.ts alone', () => {
  const parsers = coreSources('').filter(({ text }) => /parseKubernetesVersion\(/.test(text)).map(({ label }) => label);
  assert.deepEqual(parsers, ['server/src/core/kubernetesVersion.ts']);
});
