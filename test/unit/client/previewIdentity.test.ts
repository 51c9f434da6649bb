// What the preview panel is titled and which what-if controls apply, from the timeline or the manifest's text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isIndexed, manifestIdentity, previewTitle } from '../../../client/src/previewIdentity';
import type { Timeline } from '../../../server/src/protocol/timeline';

// compiled to out/test/unit/client/
const ROOT = join(__dirname, '..', '..', '..', '..');
const golden = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'golden', `${name}.timeline.json`), 'utf8')) as Timeline;

test('the title names the object as kubectl does', () => {
  assert.equal(previewTitle({ kind: 'Job', name: 'pi' }), 'Preview: job/pi');
  assert.equal(previewTitle({ kind: 'CronJob' }), 'Preview: cronjob');
});

test('an invalid manifest still has a kind and a name (pi-job.yaml: restartPolicy Always)', () => {
  const text = readFileSync(join(ROOT, 'examples', 'pi-job.yaml'), 'utf8');
  assert.deepEqual(manifestIdentity(text), { kind: 'Job', name: 'pi' });
});

test('the document the server simulates: the one asked for, else the first workload', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n---\nkind: CronJob\nmetadata:\n  name: hello\n---\nkind: Job\nmetadata: { name: pi }\n';
  assert.deepEqual(manifestIdentity(text), { kind: 'CronJob', name: 'hello' });
  assert.deepEqual(manifestIdentity(text, 2), { kind: 'Job', name: 'pi' });
  assert.equal(manifestIdentity(text, 0), undefined, 'a ConfigMap is not previewed');
  assert.equal(manifestIdentity(text, 7), undefined);
});

test('text without an object, or not YAML at all, has no identity and does not throw', () => {
  assert.equal(manifestIdentity(''), undefined);
  assert.equal(manifestIdentity('kind: [unclosed'), undefined);
  assert.equal(manifestIdentity('- a\n- b\n'), undefined);
  assert.deepEqual(manifestIdentity('kind: Job\nmetadata: {}\n'), { kind: 'Job' });
  // a billion laughs does not expand
  const laughs = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nkind: Job\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
  assert.equal(manifestIdentity(laughs), undefined);
});

test('Indexed: the Job\'s completionMode, or the CronJob\'s Job template\'s', () => {
  const job = golden('pi-job-backoff');
  assert.equal(isIndexed(job), false);
  assert.equal(isIndexed({ ...job, effectiveSpec: { ...job.effectiveSpec, completionMode: 'Indexed' } }), true);
  const cron = golden('hello-cronjob-forbid');
  assert.equal(isIndexed(cron), false);
  const template = cron.effectiveSpec.jobTemplate as { spec: Record<string, unknown> };
  assert.equal(isIndexed({ ...cron, effectiveSpec: { ...cron.effectiveSpec, jobTemplate: { spec: { ...template.spec, completionMode: 'Indexed' } } } }), true);
  assert.equal(isIndexed(golden('fluentd-daemonset-rollout')), false);
});
