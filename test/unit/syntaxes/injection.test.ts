/**
 * Tokenizes YAML lines with the injection grammar, through the same TextMate engine VS Code uses
 * (vscode-textmate + Oniguruma). The host `source.yaml` grammar here is a small stand-in that knows
 * comments, which is what the injection selector excludes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const REPO_ROOT = resolve(__dirname, '../../../..');
const INJECTION = resolve(REPO_ROOT, 'syntaxes/k8s-dryrun.injection.tmLanguage.json');
const HOST_YAML = JSON.stringify({
  scopeName: 'source.yaml',
  patterns: [{ match: '#.*$', name: 'comment.line.number-sign.yaml' }],
});

let grammar: IGrammar;

before(async () => {
  await loadWASM(readFileSync(resolve(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.yaml') return parseRawGrammar(HOST_YAML, 'yaml.json');
      if (scopeName === 'k8s-dryrun.injection') return parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    // package.json contributes the grammar with injectTo: ["source.yaml"].
    getInjections: (scopeName) => (scopeName === 'source.yaml' ? ['k8s-dryrun.injection'] : []),
  });
  const loaded = await registry.loadGrammar('source.yaml');
  assert.ok(loaded);
  grammar = loaded;
});

/** The text of every token that carries `scope`. */
function tokensWith(line: string, scope: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return tokens.filter((t) => t.scopes.includes(scope)).map((t) => line.slice(t.startIndex, t.endIndex));
}

const KIND = 'support.type.workload-kind.k8s-dryrun';
const CRON = 'string.other.cron-schedule.k8s-dryrun';

test('the workload kinds are highlighted, other kinds are not', () => {
  assert.deepEqual(tokensWith('kind: Job', KIND), ['Job']);
  assert.deepEqual(tokensWith('kind: CronJob   # every minute', KIND), ['CronJob']);
  assert.deepEqual(tokensWith('  kind: "DaemonSet"', KIND), ['DaemonSet']);
  assert.deepEqual(tokensWith('kind: Deployment', KIND), []);
  assert.deepEqual(tokensWith('kind: JobSet', KIND), []);
  assert.deepEqual(tokensWith('subkind: Job', KIND), []);
});

test('the schedule string is highlighted, quoted or not', () => {
  assert.deepEqual(tokensWith('  schedule: "*/1 * * * *"', CRON), ['*/1 * * * *']);
  assert.deepEqual(tokensWith("  schedule: '0 5 * * MON-FRI'", CRON), ['0 5 * * MON-FRI']);
  assert.deepEqual(tokensWith('  schedule: @hourly # comment', CRON), ['@hourly']);
  assert.deepEqual(tokensWith('  schedules: x', CRON), []);
});

test('nothing is highlighted inside a comment', () => {
  assert.deepEqual(tokensWith('# kind: Job', KIND), []);
});
