// The preview's words follow the bundle the host puts into the page: `t` looks English text up with `{n}`
// arguments and falls back to English, `tNodes` keeps elements in a translated sentence, and the page carries
// the bundle as inert JSON that no translation can break out of.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { afterEach, describe, it } from 'node:test';
import { webviewHtml } from '../../../client/src/webviewHtml';
import { L10N_BUNDLE_ELEMENT_ID, readL10nBundle, setL10nBundle, t, tNodes } from '../../../client/webview/src/l10n';
import { formToWhatIf } from '../../../client/webview/src/panels/whatIfForm';
import { outcomeOf } from '../../../client/webview/src/timeline/outcome';
import type { Timeline } from '../../../client/webview/src/timelineTypes';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const zhCn = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'client/l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

afterEach(() => setL10nBundle(undefined));

describe('webview l10n', () => {
  it('translates with arguments, and falls back to English without a bundle or a key', () => {
    assert.equal(t('{0} problems stop the simulation:', 3), '3 problems stop the simulation:');
    setL10nBundle(zhCn);
    assert.equal(t('{0} problems stop the simulation:', 3), '有 3 个问题导致无法模拟：');
    assert.equal(t('Footprint'), '资源占用');
    assert.equal(t('A sentence no bundle has: {0}', 'x'), 'A sentence no bundle has: x');
  });

  it('keeps elements in a translated sentence, in the language’s order', () => {
    const strong = { element: 'strong' };
    assert.deepEqual(tNodes('At {0}: {1} active', '+1m', strong), ['At ', '+1m', ': ', strong, ' active']);
    setL10nBundle(zhCn);
    assert.deepEqual(tNodes('At {0}: {1} active', '+1m', strong), ['+1m', ' 时：', strong, ' 处于活跃状态']);
  });

  it('what-if errors and the outcome line come in Chinese with the zh-cn bundle', () => {
    setL10nBundle(zhCn);
    const { errors } = formToWhatIf({ runSeconds: 'abc', 'controllerDown.at': '5m' }, 'Job');
    assert.deepEqual(
      errors.map((e) => e.message),
      ['“abc”不是数字', '需要填写：停机时长'],
    );
    const timeline = { object: { kind: 'Job', name: 'pi' }, conditions: [], pods: [], jobs: [], events: [], truncated: false } as unknown as Timeline;
    assert.equal(outcomeOf(timeline).text, '没有终止状况');
  });

  it('the page carries the bundle as inert JSON that a translation cannot end, and names its language', () => {
    const hostile = { '</script><script>alert(1)</script>': 'a & b < c \u2028' };
    const html = webviewHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 'w.js', styleUri: 'w.css', language: 'zh-cn', l10nBundle: hostile });
    assert.match(html, /<html lang="zh-cn">/);
    assert.equal(html.match(/<script/g)?.length, 2, 'the data block and our script, nothing from the bundle');
    assert.ok(!html.includes('</script><script>alert'), 'no closing tag from the bundle');
    const block = new RegExp(`<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">([^<]*)</script>`).exec(html);
    assert.ok(block, 'the bundle is in the page');
    assert.deepEqual(readL10nBundle({ getElementById: (id) => (id === L10N_BUNDLE_ELEMENT_ID ? { textContent: block[1] } : null) }), hostile);
    // the CSP is the one without a bundle: nothing was loosened for it
    const plain = webviewHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 'w.js', styleUri: 'w.css' });
    const csp = (page: string): string | undefined => /Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1];
    assert.equal(csp(html), csp(plain));
    assert.match(plain, /<html lang="en">/);
  });

  it('a missing or broken bundle block means English', () => {
    assert.deepEqual(readL10nBundle({ getElementById: () => null }), {});
    assert.deepEqual(readL10nBundle({ getElementById: () => ({ textContent: '{not json' }) }), {});
    assert.deepEqual(readL10nBundle({ getElementById: () => ({ textContent: '{"a":"b","n":1}' }) }), { a: 'b' });
  });
});
