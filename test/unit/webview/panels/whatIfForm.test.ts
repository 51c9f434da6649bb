import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsFor, formToWhatIf, parseLabels, parseTaints, whatIfToForm } from '../../../../client/webview/src/panels/whatIfForm';

test('empty inputs mean "not set": an untouched form is no edit at all', () => {
  const names = fieldsFor('Job').map((f) => f.name);
  const blank = Object.fromEntries(names.map((n) => [n, '  ']));
  assert.deepEqual(formToWhatIf(blank, 'Job'), { whatIf: {}, errors: [] });
});

test('numbers, groups with their defaults, and durations', () => {
  const { whatIf, errors } = formToWhatIf({ runSeconds: '10', 'failFirst.attempts': '2', until: '30m', 'controllerDown.at': '2m', 'controllerDown.for': '90' }, 'Job');
  assert.deepEqual(errors, []);
  assert.deepEqual(whatIf, { runSeconds: 10, failFirst: { attempts: 2, exitCode: 1 }, until: '30m', controllerDown: { at: '2m', for: '90' } });
  const rate = formToWhatIf({ 'failureRate.rate': '0.25', 'failureRate.seed': '7' }, 'CronJob');
  assert.deepEqual(rate.whatIf, { failureRate: { rate: 0.25, seed: 7 } });
});

test('values that cannot be read are named, and left out of the edit', () => {
  const { whatIf, errors } = formToWhatIf({ runSeconds: 'ten', 'failFirst.exitCode': '300', until: '5 minutes', 'failureRate.rate': '1.5' }, 'Job');
  assert.deepEqual(whatIf, {});
  assert.deepEqual(
    errors.map((e) => e.field).sort(),
    ['failFirst.attempts', 'failFirst.exitCode', 'failureRate.rate', 'runSeconds', 'until'],
  );
  assert.match(errors.find((e) => e.field === 'until')?.message ?? '', /not a duration/);
  assert.match(errors.find((e) => e.field === 'failFirst.attempts')?.message ?? '', /needed/);
});

test('the form offers what applies to the kind', () => {
  const names = (kind: string, indexed = false): string[] => fieldsFor(kind, indexed).map((f) => f.name);
  assert.ok(!names('Job').includes('failIndex.index'));
  assert.ok(names('Job', true).includes('failIndex.index'));
  assert.ok(names('CronJob', true).includes('failIndex.index'));
  assert.ok(!names('Job').includes('nodes.count'));
  for (const name of ['nodes.count', 'nodes.labels', 'nodes.taints', 'nodeJoin.at', 'nodeLeave.at', 'setImage.image', 'controllerDown.at', 'until']) assert.ok(names('DaemonSet').includes(name), name);
  assert.ok(!names('DaemonSet').includes('failFirst.attempts'));
  assert.ok(names('CronJob').includes('failureRate.rate'));
  // a DaemonSet's form never sends Job failures, even from values left in a stale form
  assert.deepEqual(formToWhatIf({ 'failFirst.attempts': '2', 'nodes.count': '3' }, 'DaemonSet').whatIf, { nodes: { count: 3 } });
});

test('DaemonSet nodes: labels k=v,k2=v2 and taints key=value:Effect', () => {
  const { whatIf, errors } = formToWhatIf(
    { 'nodes.count': '3', 'nodes.labels': 'disk=ssd, zone=a', 'nodes.taints': 'dedicated=gpu:NoSchedule,spot:PreferNoSchedule', 'setImage.at': '10m', 'setImage.image': 'fluentd:v2', 'nodeLeave.at': '5m', 'nodeLeave.name': 'node-1' },
    'DaemonSet',
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(whatIf, {
    nodes: {
      count: 3,
      labels: { disk: 'ssd', zone: 'a' },
      taints: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'spot', effect: 'PreferNoSchedule' },
      ],
    },
    nodeLeave: { at: '5m', name: 'node-1' },
    setImage: { at: '10m', image: 'fluentd:v2' },
  });
  assert.deepEqual(parseTaints('a=b:Sometimes'), { error: '“Sometimes” is not a taint effect (NoSchedule, PreferNoSchedule, NoExecute)' });
  assert.ok('error' in parseTaints('novalue'));
  assert.ok('error' in parseLabels('=x'));
  // a label named "error" is a label, not a failure
  assert.deepEqual(parseLabels('error=x'), { value: { error: 'x' } });
});

test('whatIfToForm and formToWhatIf are inverses', () => {
  const samples = [
    { runSeconds: 12.5, startupSeconds: 3, failFirst: { attempts: 2, exitCode: 3 }, failIndex: { index: 4, exitCode: 1 }, until: '1h30m' },
    { nodes: { count: 2, labels: { gpu: '', disk: 'ssd' }, taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }, nodeJoin: { at: '3m' }, setImage: { at: '10m', image: 'x:v2' }, controllerDown: { at: '1m', for: '2m' } },
  ];
  assert.deepEqual(formToWhatIf(whatIfToForm(samples[0]), 'Job', true), { whatIf: samples[0], errors: [] });
  assert.deepEqual(formToWhatIf(whatIfToForm(samples[1]), 'DaemonSet'), { whatIf: samples[1], errors: [] });
  assert.equal(whatIfToForm(undefined).runSeconds, '');
});
