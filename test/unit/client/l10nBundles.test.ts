// Every string the extension and its preview show in the user's language has a translation: each English text
// passed to `vscode.l10n.t` in client/src, and to `t` / `tNodes` / `l10nKey` in the webview, is a key of
// client/l10n/bundle.l10n.json (English) and bundle.l10n.zh-cn.json (Simplified Chinese) with the same `{n}`
// placeholders; the two bundles have the same keys; package.json's `%key%` strings are in package.nls.json, and
// package.nls.zh-cn.json translates the same keys.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';

// compiled to out/test/unit/client/
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;

/** The calls whose first argument is an l10n key: `vscode.l10n.t`, and the webview's `t` (imported as `tr` where `t` is a time), `tNodes`, `l10nKey`. */
const KEY_CALL = /(?<![\w$])(?<![^.]\.)(?:vscode\.l10n\.t|l10n\.t|t|tr|tNodes|l10nKey)\(\s*'((?:[^'\\]|\\.)*)'/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out.sort();
}

/** key → the files that use it. */
function keysUsed(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of [...sourceFiles('client/src'), ...sourceFiles('client/webview/src')]) {
    for (const match of fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(KEY_CALL)) {
      const key = match[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\');
      keys.set(key, [...(keys.get(key) ?? []), file]);
    }
  }
  return keys;
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('l10n bundles (client/l10n)', () => {
  const english = readJson('client/l10n/bundle.l10n.json');
  const chinese = readJson('client/l10n/bundle.l10n.zh-cn.json');
  const used = keysUsed();

  it('the sources use l10n keys (the scan finds them)', () => {
    // a scan that silently found nothing would pass every check below
    assert.ok(used.size > 200, `only ${used.size} keys found`);
    for (const key of ['Open a Kubernetes Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet manifest (YAML) to preview what its controller will do.', 'Preview: {0}', 'Footprint', 'Events so far', 'Zoom in (+)', 'Running, ready']) {
      assert.ok(used.has(key), `expected the sources to use ${JSON.stringify(key)}`);
    }
  });

  it('every key the sources use is in both bundles, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [key, files] of used) {
      for (const [name, bundle] of [['bundle.l10n.json', english], ['bundle.l10n.zh-cn.json', chinese]] as const) {
        const value = bundle[key];
        if (typeof value !== 'string') problems.push(`${name} lacks ${JSON.stringify(key)} (used in ${files[0]})`);
        else if (placeholders(value).join() !== placeholders(key).join()) problems.push(`${name}: ${JSON.stringify(key)} → ${JSON.stringify(value)} has other placeholders`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the English bundle maps each key to itself and the two bundles have the same keys, none unused', () => {
    for (const [key, value] of Object.entries(english)) assert.equal(value, key);
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'keys no source uses');
  });

  it('the Chinese bundle translates (no English sentence left as it is)', () => {
    // short keys may stay as they are (`Pod {0}`, a unit); a sentence of English words may not
    const untranslated = Object.entries(chinese).filter(([key, value]) => value === key && /[a-z]{3,} [a-z]{3,}/i.test(key.replace(/\{\d+\}/g, '')));
    assert.deepEqual(untranslated, []);
  });
});

describe('package.nls (manifest strings)', () => {
  const manifest = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
  const nls = readJson('package.nls.json');
  const nlsChinese = readJson('package.nls.zh-cn.json');

  it('package.json names its l10n folder', () => {
    assert.equal((JSON.parse(manifest) as { l10n?: string }).l10n, './client/l10n');
  });

  it('every %key% of package.json is in package.nls.json', () => {
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('k8sDryRun.previewRollout.title'), 'the command title is localized');
    assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string'), []);
  });

  it('the contributed commands, categories and settings use %key% references, not English', () => {
    const contributes = (JSON.parse(manifest) as { contributes: Record<string, unknown> }).contributes;
    const literal: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (['title', 'category', 'description', 'markdownDescription'].includes(k) && typeof v === 'string' && !/^%[^%]+%$/.test(v)) literal.push(`${where}.${k}`);
          else walk(v, `${where}.${k}`);
        }
      }
    };
    walk(contributes, 'contributes');
    assert.deepEqual(literal, []);
  });

  it('the VSIX ships the translations (.vscodeignore lets package.nls*.json and client/l10n through)', () => {
    const lines = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const line of ['!package.nls.json', '!package.nls.*.json', '!client/l10n/*.json']) assert.ok(lines.includes(line), `.vscodeignore lacks ${line}`);
  });

  it('package.nls.zh-cn.json has the same keys, translated', () => {
    assert.deepEqual(Object.keys(nlsChinese).sort(), Object.keys(nls).sort());
    assert.equal(nlsChinese['k8sDryRun.previewRollout.title'], '预览上线过程');
    for (const [key, value] of Object.entries(nlsChinese)) assert.equal(typeof value, 'string', key);
  });
});
