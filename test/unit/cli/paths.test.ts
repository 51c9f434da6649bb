/**
 * `lint` paths that used to hang or repeat: a FIFO or a device named as a file, directories with symbolic links
 * to themselves or their parents. Each run goes through the built CLI with a time limit, so a hang fails.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../..');
const JOB = join(REPO_ROOT, 'test/fixtures/cli/job-always.yaml');
/** Generous: the machines running tests are often busy. A hang is caught, not timed. */
const TIME_LIMIT_MS = 30_000;

const work = mkdtempSync(join(tmpdir(), 'k8s-dryrun-paths-'));
after(() => rmSync(work, { recursive: true, force: true }));

function lint(...args: string[]): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'lint', ...args], {
    cwd: work,
    encoding: 'utf8',
    env: ENGLISH_ENV,
    timeout: TIME_LIMIT_MS,
    // Standard input stays closed: only `-` may read it.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(result.signal, null, `k8s-dryrun lint ${args.join(' ')} did not finish within ${TIME_LIMIT_MS / 1000} s`);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A directory holding one Job with an error, for link tests. */
function jobDirectory(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  copyFileSync(JOB, join(dir, 'job.yaml'));
  return dir;
}

const FINDING = /\[job-restart-policy\]$/;

test('a named pipe given as a file is an error line and exit 2, not a wait for a writer; other files are still linted', () => {
  const fifo = join(work, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  const { status, stdout, stderr } = lint(fifo, JOB);
  assert.match(stderr, /^k8s-dryrun: .*pipe\.yaml: not a regular file but a named pipe \(FIFO\); only regular files are read \(pipe input to - to read standard input\)$/m);
  assert.equal(stdout.trim().split('\n').filter((line) => FINDING.test(line)).length, 1);
  assert.equal(status, 2);
});

test('a named pipe inside a directory is reported too, and the directory\'s files are linted', () => {
  const dir = jobDirectory('with-fifo');
  execFileSync('mkfifo', [join(dir, 'stream.yaml')]);
  const { status, stdout, stderr } = lint('with-fifo');
  assert.match(stderr, /^k8s-dryrun: with-fifo\/stream\.yaml: not a regular file but a named pipe \(FIFO\)/m);
  assert.match(stdout, /^with-fifo\/job\.yaml:12:22: error .*\[job-restart-policy\]$/m);
  assert.equal(status, 2);
});

test('/dev/zero and /dev/null are character devices: an error line and exit 2, not an endless read', { skip: !existsSync('/dev/zero') }, () => {
  const { status, stdout, stderr } = lint('/dev/zero', '/dev/null');
  assert.equal(stdout, '');
  assert.match(stderr, /^k8s-dryrun: \/dev\/zero: not a regular file but a character device; only regular files are read/m);
  assert.match(stderr, /^k8s-dryrun: \/dev\/null: not a regular file but a character device/m);
  assert.equal(status, 2);
});

test('standard input that is endless NUL bytes is refused as not text, at once', { skip: !existsSync('/dev/zero') }, () => {
  const result = spawnSync(`"${process.execPath}" "${join(REPO_ROOT, 'dist/cli.js')}" lint - < /dev/zero`, {
    shell: true,
    encoding: 'utf8',
    env: ENGLISH_ENV,
    timeout: TIME_LIMIT_MS,
  });
  assert.equal(result.signal, null, 'lint - < /dev/zero did not finish');
  assert.match(result.stderr, /^k8s-dryrun: <stdin>: not a text file: it contains NUL bytes/m);
  assert.equal(result.status, 2);
});

test('a link to the directory itself is not followed: the file is linted once', () => {
  const dir = jobDirectory('self');
  symlinkSync('.', join(dir, 'again'));
  const { status, stdout } = lint('self');
  assert.deepEqual(stdout.trim().split('\n'), [
    'self/job.yaml:12:22: error spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never" [job-restart-policy]',
  ]);
  assert.equal(status, 1);
});

test('a link to the parent directory is not followed up and out: nothing outside the named directory is linted', () => {
  const parent = jobDirectory('parent');
  const child = join(parent, 'child');
  mkdirSync(child);
  copyFileSync(JOB, join(child, 'job.yaml'));
  symlinkSync('..', join(child, 'up'));
  symlinkSync(parent, join(child, 'up-absolute'));
  const { status, stdout } = lint('parent/child');
  assert.deepEqual(stdout.trim().split('\n').map((line) => line.split(':')[0]), ['parent/child/job.yaml']);
  assert.equal(status, 1);
  // From the parent, the child is walked once, and its links back up are not.
  const fromParent = lint('parent');
  assert.deepEqual(fromParent.stdout.trim().split('\n').map((line) => line.split(':')[0]), ['parent/child/job.yaml', 'parent/job.yaml']);
});

test('two directories linking to each other: each is walked once', () => {
  const a = jobDirectory('ring-a');
  const b = jobDirectory('ring-b');
  symlinkSync(b, join(a, 'to-b'));
  symlinkSync(a, join(b, 'to-a'));
  const { status, stdout } = lint('ring-a');
  assert.deepEqual(stdout.trim().split('\n').map((line) => line.split(':')[0]), ['ring-a/job.yaml', 'ring-a/to-b/job.yaml']);
  assert.equal(status, 1);
});

test('the same file named twice, or reached through a link, is linted once, under the first name', () => {
  const dir = jobDirectory('twice');
  symlinkSync('job.yaml', join(dir, 'link.yaml'));
  const { stdout, stderr } = lint('twice/job.yaml', 'twice', 'twice/link.yaml', './twice/job.yaml');
  assert.deepEqual(stdout.trim().split('\n').map((line) => line.split(':')[0]), ['twice/job.yaml']);
  assert.match(stderr, /^checked 1 file\(s\)/m);
});

test('a link loop or a dangling link named *.yaml is an error line; one not named *.yaml is passed over', () => {
  const dir = jobDirectory('broken-links');
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  symlinkSync('missing.yaml', join(dir, 'dangling.yaml'));
  symlinkSync('nowhere', join(dir, 'README'));
  const { status, stdout, stderr } = lint('broken-links');
  assert.match(stdout, /^broken-links\/job\.yaml:12:22: /m);
  assert.deepEqual(stderr.split('\n').filter((line) => line.startsWith('k8s-dryrun:')).sort(), [
    'k8s-dryrun: broken-links/dangling.yaml: no such file or directory',
    'k8s-dryrun: broken-links/loop.yaml: too many levels of symbolic links',
  ]);
  assert.equal(status, 2);
});

test('simulate refuses a named pipe or a device as its manifest or scenario, at once', () => {
  const fifo = join(work, 'scenario.yaml');
  execFileSync('mkfifo', [fifo]);
  for (const args of [['simulate', fifo], ['simulate', JOB, '--scenario', fifo], ...(existsSync('/dev/zero') ? [['simulate', '/dev/zero']] : [])]) {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd: work, encoding: 'utf8', env: ENGLISH_ENV, timeout: TIME_LIMIT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(result.signal, null, `k8s-dryrun ${args.join(' ')} did not finish`);
    assert.match(result.stderr, /^k8s-dryrun: \S+: not a regular file but a (named pipe \(FIFO\)|character device); only regular files are read/m, args.join(' '));
    assert.equal(result.status, 2, args.join(' '));
  }
});
