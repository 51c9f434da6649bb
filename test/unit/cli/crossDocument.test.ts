/**
 * `k8s-dryrun lint` joins the files it is given: a StatefulSet's headless Service may be in another file on the
 * command line (or in the directory named), and only then is statefulset-service-not-found silent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../..');
const SEED = readFileSync(join(REPO_ROOT, 'test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
const SET = SEED.slice(0, SEED.indexOf('---\n'));
const SERVICE = SEED.slice(SEED.indexOf('---\n') + 4);
const RULE = 'statefulset-service-not-found';

const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-cross-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const folder = join(dir, 'app');
mkdirSync(folder);
writeFileSync(join(folder, 'set.yaml'), SET);
writeFileSync(join(folder, 'service.yml'), SERVICE);
writeFileSync(join(dir, 'plain-service.yaml'), SERVICE.replace('  clusterIP: None\n', ''));

function lint(...args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'lint', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
  return { status: result.status, stdout: result.stdout };
}

test('one file: the StatefulSet without its Service gets the warning on serviceName (exit 0: a warning)', () => {
  const { status, stdout } = lint(join(folder, 'set.yaml'));
  assert.equal(status, 0);
  assert.match(stdout, new RegExp(`set\\.yaml:11:16: warning spec\\.serviceName: no Service named "nginx" among the manifests checked with this StatefulSet .*\\[${RULE}\\]\\n  note: The pods get stable DNS names`));
});

test('two files: the headless Service in the other file is known before the StatefulSet is judged, in either order', () => {
  for (const files of [['set.yaml', 'service.yml'], ['service.yml', 'set.yaml']]) {
    const { status, stdout } = lint(...files.map((file) => join(folder, file)));
    assert.equal(status, 0);
    assert.doesNotMatch(stdout, new RegExp(RULE), files.join(' '));
  }
});

test('a directory counts as one folder: its files know each other', () => {
  assert.doesNotMatch(lint(folder).stdout, new RegExp(RULE));
});

test('JSON: the other file has the Service but it is not headless', () => {
  const { stdout } = lint('--format', 'json', join(folder, 'set.yaml'), join(dir, 'plain-service.yaml'));
  const findings = (JSON.parse(stdout) as { findings: { file: string; ruleId: string; message: string; document: number; range: unknown }[] }).findings;
  assert.deepEqual(
    findings.filter((f) => f.ruleId === RULE).map((f) => ({ file: f.file, document: f.document, message: f.message, range: f.range })),
    [
      {
        file: join(folder, 'set.yaml'),
        document: 0,
        message:
          'the Service "nginx" is not headless (its spec.clusterIP is not set (a cluster IP is allocated), not "None"): it balances traffic over the pods but gives them no names of their own. Set clusterIP: None on it (a new Service: the field cannot be changed later), or point serviceName at a headless one.',
        range: { start: { line: 10, character: 15 }, end: { line: 10, character: 22 } },
      },
    ],
  );
});

test('--disable turns it off', () => {
  assert.doesNotMatch(lint('--disable', RULE, join(folder, 'set.yaml')).stdout, new RegExp(RULE));
});
