/** The preview numbers documents as `simulate --document N` and lint's JSON `document` do: from 0. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentNumberTooltip, labelWithDocument } from '../../../client/webview/src/documentLabel';

test('the preview subtitle names the document by the number --document takes (counted from 0)', () => {
  // A Service (document 0), then the Job (document 1): `k8s-dryrun simulate jobs.yaml --document 1` simulates it.
  assert.equal(labelWithDocument('jobs.yaml', 1), 'jobs.yaml · document 1');
  assert.equal(labelWithDocument('jobs.yaml', 12), 'jobs.yaml · document 12');
});

test('the first document, or none chosen, shows the file name alone and no tooltip', () => {
  assert.equal(labelWithDocument('jobs.yaml', 0), 'jobs.yaml');
  assert.equal(labelWithDocument('jobs.yaml', undefined), 'jobs.yaml');
  assert.equal(documentNumberTooltip(0), undefined);
  assert.equal(documentNumberTooltip(undefined), undefined);
});

test('the tooltip says the count starts at 0 and names the matching --document', () => {
  const tip = documentNumberTooltip(1) ?? '';
  assert.match(tip, /^Document 1, counted from 0 /);
  assert.match(tip, /simulate --document 1 /);
  assert.match(tip, /"document" field of lint --format json/);
});
