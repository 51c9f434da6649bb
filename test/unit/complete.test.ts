import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt, explainField, parseManifests } from '../../server/src/core';
import { explainCard } from '../../server/src/core/explain';

/** Completion at the `|` in the text. */
function complete(textWithCursor: string): { label: string; detail?: string; preselect?: boolean }[] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return completeAt(text, parseManifests(text), offset).map(({ label, detail, preselect }) => ({ label, detail, preselect }));
}

const JOB_HEAD = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n';

test('keys of JobSpec at the spec indentation, minus those present, with types and defaults', () => {
  const labels = complete(`${JOB_HEAD}spec:\n  completions: 3\n  back|\n`);
  const backoff = labels.find((c) => c.label === 'backoffLimit');
  assert.deepEqual(backoff, { label: 'backoffLimit', detail: 'integer · default 6', preselect: undefined });
  assert.ok(labels.some((c) => c.label === 'ttlSecondsAfterFinished'));
  assert.ok(!labels.some((c) => c.label === 'completions'), 'completions is already there');
  assert.ok(!labels.some((c) => c.label === 'containers'), 'not a JobSpec field');
});

test('keys of a container inside a list item, and of a new list item', () => {
  const inItem = complete(`${JOB_HEAD}spec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        |\n`).map((c) => c.label);
  assert.ok(inItem.includes('image'));
  assert.ok(!inItem.includes('name'));
  const newItem = complete(`${JOB_HEAD}spec:\n  template:\n    spec:\n      containers:\n      - name: pi\n      - |\n`).map((c) => c.label);
  assert.ok(newItem.includes('name') && newItem.includes('image'));
});

test('a key right under its parent (first child) completes the parent mapping', () => {
  const labels = complete(`${JOB_HEAD}spec:\n  template:\n    spec:\n      |\n`).map((c) => c.label);
  assert.ok(labels.includes('restartPolicy') && labels.includes('containers'));
});

test('enum values with the default first: restartPolicy, concurrencyPolicy, completionMode, updateStrategy.type', () => {
  // A Job's pods take OnFailure or Never only, and have no default (validateJobSpec); a DaemonSet's, Always only.
  assert.deepEqual(complete(`${JOB_HEAD}spec:\n  template:\n    spec:\n      restartPolicy: |\n`), [
    { label: 'OnFailure', detail: undefined, preselect: false },
    { label: 'Never', detail: undefined, preselect: false },
  ]);
  assert.deepEqual(
    complete('apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: |\n').map((c) => c.label),
    ['OnFailure', 'Never'],
  );
  assert.deepEqual(
    complete('apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n      restartPolicy: |\n').map((c) => c.label),
    ['Always'],
  );
  const key = complete(`${JOB_HEAD}spec:\n  template:\n    spec:\n      restart|\n`).find((c) => c.label === 'restartPolicy');
  assert.equal(key?.detail, 'string', 'no "default Always" for a Job');
  const concurrency = complete('apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  concurrencyPolicy: |\n');
  assert.deepEqual(concurrency.map((c) => c.label), ['Allow', 'Forbid', 'Replace']);
  assert.deepEqual(concurrency.find((c) => c.preselect)?.label, 'Allow');
  assert.deepEqual(complete(`${JOB_HEAD}spec:\n  completionMode: |\n`).find((c) => c.preselect)?.label, 'NonIndexed');
  const ds = complete('apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: d }\nspec:\n  updateStrategy:\n    type: |\n');
  assert.deepEqual(ds.map((c) => c.label), ['OnDelete', 'RollingUpdate']);
  assert.equal(ds.find((c) => c.preselect)?.label, 'RollingUpdate');
  assert.deepEqual(complete(`${JOB_HEAD}spec:\n  suspend: |\n`).map((c) => c.label), ['true', 'false']);
});

test('no completion outside the workload kinds', () => {
  assert.deepEqual(complete('apiVersion: v1\nkind: Service\nspec:\n  |\n'), []);
});

test('explainField reads type, default and description from the schema', () => {
  const field = explainField('batch/v1', 'Job', ['spec', 'backoffLimit']);
  assert.equal(field?.title, 'Job.spec.backoffLimit');
  assert.equal(field?.type, 'integer');
  assert.equal(field?.defaultValue, '6');
  assert.match(field?.description ?? '', /number of retries before marking this job failed/);
  assert.equal(explainField('batch/v1', 'Job', ['spec', 'template', 'spec', 'containers', 0, 'image'])?.title, 'Job.spec.template.spec.containers.image');
  assert.equal(explainField('batch/v1', 'Job', ['spec', 'nope']), undefined);
});

test("the explain card of a Job's restartPolicy does not repeat the pod's \"Default to Always\"", () => {
  const card = explainCard('batch/v1', 'Job', ['spec', 'template', 'spec', 'restartPolicy']);
  assert.doesNotMatch(card?.description ?? '', /Default to Always/);
  assert.match(card?.description ?? '', /A Job's pods have no default: set OnFailure or Never\./);
  assert.match(explainCard('apps/v1', 'DaemonSet', ['spec', 'template', 'spec', 'restartPolicy'])?.description ?? '', /Default to Always/);
});
