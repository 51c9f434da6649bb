/** The preview's document number in a Chinese VS Code: the zh-cn bundle's words, the number and commands as typed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { documentNumberTooltip, labelWithDocument } from '../../../client/webview/src/documentLabel';
import { setL10nBundle } from '../../../client/webview/src/l10n';

const REPO_ROOT = resolve(__dirname, '../../../..');
const bundle = (name: string): Record<string, string> => JSON.parse(readFileSync(resolve(REPO_ROOT, 'client/l10n', name), 'utf8')) as Record<string, string>;

after(() => setL10nBundle(undefined));

test('zh-cn: the subtitle reads 文档 N and the tooltip says the count starts at 0, naming the same --document', () => {
  setL10nBundle(bundle('bundle.l10n.zh-cn.json'));
  assert.equal(labelWithDocument('jobs.yaml', 2), 'jobs.yaml · 文档 2');
  assert.equal(labelWithDocument('jobs.yaml', 0), 'jobs.yaml');
  assert.equal(
    documentNumberTooltip(2),
    '文档 2，从 0 开始计数（文件中以 --- 分隔的 YAML 文档），与 k8s-dryrun simulate --document 2 及 lint --format json 的 "document" 字段一致',
  );
});

test('en: the English bundle gives the same words as no bundle', () => {
  setL10nBundle(bundle('bundle.l10n.json'));
  const withBundle = [labelWithDocument('jobs.yaml', 3), documentNumberTooltip(3)];
  setL10nBundle(undefined);
  assert.deepEqual(withBundle, [labelWithDocument('jobs.yaml', 3), documentNumberTooltip(3)]);
  assert.equal(withBundle[0], 'jobs.yaml · document 3');
});
