/**
 * The extension's name and description in the Extensions view follow VS Code's display language: package.json
 * points at package.nls keys (vsce fills in the English for the Marketplace listing), and the Chinese file
 * translates them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../../..');
const readJson = (name: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(ROOT, name), 'utf8')) as Record<string, unknown>;

test('displayName and description are %keys% with English in package.nls.json and Chinese in package.nls.zh-cn.json', () => {
  const manifest = readJson('package.json');
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  for (const field of ['displayName', 'description']) {
    const key = /^%(.+)%$/.exec(String(manifest[field]))?.[1];
    assert.ok(key, `package.json ${field} is ${String(manifest[field])}, not a %key%`);
    assert.match(String(en[key]), /^Kubernetes Dry Run|^Lints Kubernetes/);
    assert.match(String(zh[key]), /[\u4e00-\u9fff]/, `${key} in Chinese`);
  }
  assert.equal(en['k8sDryRun.displayName'], 'Kubernetes Dry Run — Jobs, CronJobs, DaemonSets, Deployments & StatefulSets');
  assert.match(String(zh['k8sDryRun.description']), /^用 API 服务器自身的规则和消息检查 Kubernetes Job、CronJob、DaemonSet/);
});
