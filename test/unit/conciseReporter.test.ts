/**
 * `npm test` prints through test/conciseReporter.mjs: dots for passes, failures in full, skips by reason, and
 * node's own closing counters last (CI reads them); the exit code stays node --test's. Runs node --test on small
 * fixture files in a temporary folder, as npm test runs it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const REPORTER = resolve(ROOT, 'test/conciseReporter.mjs');
const dir = mkdtempSync(join(tmpdir(), 'concise-reporter-'));
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'passing.test.mjs'),
  [
    "import test from 'node:test';",
    "test('adds', () => {});",
    "test('subtracts', () => {});",
    "test('multiplies', { skip: 'not on this platform' }, () => {});",
    "console.log('chatter a passing file prints');",
    '',
  ].join('\n'),
);
writeFileSync(
  join(dir, 'failing.test.mjs'),
  [
    "import assert from 'node:assert/strict';",
    "import test from 'node:test';",
    "test('divides', () => {",
    '  assert.deepEqual({ quotient: 2 }, { quotient: 3 });',
    '});',
    "test('rounds', () => {});",
    '',
  ].join('\n'),
);

const SUMMARY_KEYS = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];

function runNodeTest(...files: string[]): { status: number | null; stdout: string } {
  // node --test marks its children with NODE_TEST_CONTEXT; a nested run that inherits it reports to this
  // runner instead of printing, so it is removed.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const result = spawnSync(process.execPath, ['--test', `--test-reporter=${REPORTER}`, ...files], { cwd: dir, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

/** The closing lines as `key value`, checking they are the last lines and in the TAP reporter's form. */
function closingCounters(stdout: string): Record<string, string> {
  const lines = stdout.trimEnd().split('\n').slice(-SUMMARY_KEYS.length);
  assert.deepEqual(
    lines.map((line) => /^# (\w+) [\d.]+$/.exec(line)?.[1]),
    SUMMARY_KEYS,
    `the output ends with node's counters:\n${lines.join('\n')}`,
  );
  return Object.fromEntries(lines.map((line) => line.slice(2).split(' ') as [string, string]));
}

test('a failing test: non-zero exit, the failure in full with file:line and diff, the counters last', () => {
  const { status, stdout } = runNodeTest('passing.test.mjs', 'failing.test.mjs');
  assert.equal(status, 1, stdout);
  assert.match(stdout, /✖ divides\n {2}at failing\.test\.mjs:3:1\n {2}AssertionError/);
  assert.match(stdout, /\+ actual - expected/);
  assert.match(stdout, /\+ {3}quotient: 2\n {2}- {3}quotient: 3/);
  assert.match(stdout, /^failed 1:\n {2}- divides {2}failing\.test\.mjs:3:1$/m);
  assert.match(stdout, /^skipped 1, by reason:\n {4}1 × not on this platform {2}\[multiplies\]$/m);
  assert.doesNotMatch(stdout, /TAP version|^ok \d|^not ok \d/m, 'no TAP');
  assert.doesNotMatch(stdout, /rounds|adds|subtracts/, 'passing tests are dots, not names');
  assert.doesNotMatch(stdout, /chatter/, "a passing file's output is not printed");
  const counters = closingCounters(stdout);
  assert.deepEqual(
    { tests: counters.tests, pass: counters.pass, fail: counters.fail, skipped: counters.skipped, todo: counters.todo },
    { tests: '5', pass: '3', fail: '1', skipped: '1', todo: '0' },
  );
});

test('passing tests only: exit 0, one dot per pass, the same closing counters', () => {
  const { status, stdout } = runNodeTest('passing.test.mjs');
  assert.equal(status, 0, stdout);
  assert.match(stdout, /^\.\.\n/, 'two dots for two passing tests');
  assert.doesNotMatch(stdout, /✖|failed/);
  assert.equal(closingCounters(stdout).fail, '0');
});

test('a test file that crashes before its tests: reported with its own output', () => {
  writeFileSync(join(dir, 'crashing.test.mjs'), "throw new Error('cannot load the fixture');\n");
  const { status, stdout } = runNodeTest('crashing.test.mjs');
  assert.equal(status, 1, stdout);
  assert.match(stdout, /✖ test file crashing\.test\.mjs failed/);
  assert.match(stdout, /\| Error: cannot load the fixture/);
  assert.equal(closingCounters(stdout).fail, '1');
});

test('npm test and npm run test:ui print through the concise reporter', () => {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const script of ['test', 'test:ui']) {
    assert.match(scripts[script], /node --test --test-reporter=\.\/test\/conciseReporter\.mjs /, `npm run ${script}`);
  }
});
