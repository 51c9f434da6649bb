// Which files beside a manifest are its scenarios, and which one the preview applies (design §4.2).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DEFAULT_CHOICE,
  manifestStem,
  scenarioChoices,
  scenarioFileRole,
  selectedChoice,
  variantFileName,
  variantNameProblem,
} from '../../../client/src/scenarioNames';

// compiled to out/test/unit/client/
const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');
const uriOf = (name: string) => `file:///w/${name}`;

test('the stem is the file name without .yaml or .yml', () => {
  assert.equal(manifestStem('pi-job-backoff.yaml'), 'pi-job-backoff');
  assert.equal(manifestStem('hello.cron.yml'), 'hello.cron');
  assert.equal(manifestStem('Job.YAML'), 'Job');
  assert.equal(manifestStem('notes.txt'), undefined);
  assert.equal(manifestStem('.yaml'), undefined);
});

test('<stem>.scenario.yaml is the default scenario, <stem>.<name>.scenario.yaml a variant', () => {
  assert.deepEqual(scenarioFileRole('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), { role: 'default' });
  assert.deepEqual(scenarioFileRole('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yml'), { role: 'default' });
  assert.deepEqual(scenarioFileRole('pi-job-backoff.yaml', 'pi-job-backoff.limit.scenario.yaml'), { role: 'variant', name: 'limit' });
  assert.deepEqual(scenarioFileRole('pi-job-backoff.yml', 'pi-job-backoff.slow-pods.scenario.yml'), { role: 'variant', name: 'slow-pods' });
});

test('another manifest\'s scenarios are not this one\'s', () => {
  // a shorter stem that is a prefix of ours, and ours a prefix of a longer one
  assert.equal(scenarioFileRole('pi-job-backoff.yaml', 'pi-job.scenario.yaml'), undefined);
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job-backoff.scenario.yaml'), undefined);
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job-backoff.limit.scenario.yaml'), undefined);
  // not scenario files at all
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job.yaml'), undefined);
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job.limit.yaml'), undefined);
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job..scenario.yaml'), undefined);
  // two dots deep: a variant of `pi-job.a.yaml`, never of `pi-job.yaml`
  assert.equal(scenarioFileRole('pi-job.yaml', 'pi-job.a.b.scenario.yaml'), undefined);
});

test('a.b.scenario.yaml belongs to the manifest a.b.yaml when it is there, else it is variant b of a.yaml', () => {
  assert.deepEqual(scenarioFileRole('a.yaml', 'a.b.scenario.yaml', ['a.yaml', 'a.b.scenario.yaml']), { role: 'variant', name: 'b' });
  assert.equal(scenarioFileRole('a.yaml', 'a.b.scenario.yaml', ['a.yaml', 'a.b.yaml', 'a.b.scenario.yaml']), undefined);
  assert.deepEqual(scenarioFileRole('a.b.yaml', 'a.b.scenario.yaml', ['a.yaml', 'a.b.yaml', 'a.b.scenario.yaml']), { role: 'default' });
});

test('the choices for the examples: default pods, the default file, then variants by name', () => {
  const files = readdirSync(EXAMPLES);
  assert.deepEqual(scenarioChoices('pi-job-backoff.yaml', files, uriOf), [
    DEFAULT_CHOICE,
    { id: 'pi-job-backoff.scenario.yaml', label: 'pi-job-backoff.scenario.yaml', uri: 'file:///w/pi-job-backoff.scenario.yaml' },
    { id: 'pi-job-backoff.limit.scenario.yaml', label: 'limit', uri: 'file:///w/pi-job-backoff.limit.scenario.yaml' },
  ]);
  // pi-job.yaml has no scenario of its own: pi-job-backoff's are not offered
  assert.deepEqual(scenarioChoices('pi-job.yaml', files, uriOf), [DEFAULT_CHOICE]);
});

test('variants sort by name; a default file without variants; nothing beside: default pods only', () => {
  const files = ['job.zeta.scenario.yaml', 'job.yaml', 'job.alpha.scenario.yml', 'job.scenario.yml', 'other.scenario.yaml'];
  assert.deepEqual(
    scenarioChoices('job.yaml', files, uriOf).map((c) => c.label),
    ['default pods', 'job.scenario.yml', 'alpha', 'zeta'],
  );
  assert.deepEqual(scenarioChoices('job.yaml', ['job.yaml'], uriOf), [DEFAULT_CHOICE]);
});

test('nothing remembered: the default file applies by itself when there is one, else the default pods', () => {
  const withDefault = scenarioChoices('job.yaml', ['job.scenario.yaml', 'job.slow.scenario.yaml'], uriOf);
  assert.equal(selectedChoice(withDefault, undefined).id, 'job.scenario.yaml');
  const variantsOnly = scenarioChoices('job.yaml', ['job.slow.scenario.yaml'], uriOf);
  assert.equal(selectedChoice(variantsOnly, undefined).id, 'default');
});

test('a remembered choice wins; one whose file disappeared falls back to the default pods', () => {
  const choices = scenarioChoices('job.yaml', ['job.scenario.yaml', 'job.slow.scenario.yaml'], uriOf);
  assert.equal(selectedChoice(choices, 'job.slow.scenario.yaml').label, 'slow');
  // "default pods" chosen on purpose: the default file is not applied
  assert.equal(selectedChoice(choices, 'default').id, 'default');
  assert.equal(selectedChoice(choices, 'job.gone.scenario.yaml').id, 'default');
});

test('saved variant names: lower-case letters, digits and dashes', () => {
  assert.equal(variantNameProblem('slow-pods'), undefined);
  assert.equal(variantNameProblem('fail2'), undefined);
  for (const bad of ['', 'Slow', 'slow pods', 'a.b', '-slow', 'slow-', 'a--b', 'x/y', 'ü']) assert.ok(variantNameProblem(bad), `${JSON.stringify(bad)} is refused`);
  assert.equal(variantFileName('pi-job-backoff', 'slow-pods'), 'pi-job-backoff.slow-pods.scenario.yaml');
  // what is saved is found again as that variant
  assert.deepEqual(scenarioFileRole('pi-job-backoff.yaml', variantFileName('pi-job-backoff', 'slow-pods')), { role: 'variant', name: 'slow-pods' });
});
