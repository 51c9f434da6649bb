/**
 * `lint` on inputs big enough for worker threads gives the same output as on one thread, and as core's
 * whole-file lint; a document too big to check is refused with a message, not an out-of-memory abort.
 * Runs go through the built CLI with a time limit, so a hang fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';
import { lint as lintWhole } from '../../../server/src/core';
import { PARALLEL_MIN_CHARS, MAX_DOCUMENT_CHARS } from '../../../server/src/cli/lint';
import { sourceComments } from '../../../server/src/cli/sources';
import { MAX_WHOLE_FILE_BYTES } from '../../../server/src/cli/files';

const REPO_ROOT = resolve(__dirname, '../../../..');
const TIME_LIMIT_MS = 120_000;

const work = mkdtempSync(join(tmpdir(), 'k8s-dryrun-big-'));
after(() => rmSync(work, { recursive: true, force: true }));

function lint(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'lint', ...args], {
    cwd: work,
    encoding: 'utf8',
    env: ENGLISH_ENV,
    timeout: TIME_LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
    ...(input !== undefined ? { input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  assert.equal(result.signal, null, `k8s-dryrun lint ${args.join(' ')} did not finish within ${TIME_LIMIT_MS / 1000} s`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Helm-rendered documents with errors and warnings here and there, CRLF line ends in every fifth. */
function manifests(count: number, seed: number): string {
  const docs = Array.from({ length: count }, (_, i) => {
    const n = seed * 100_000 + i;
    const doc = [
      `# Source: chart/templates/job-${n % 7}.yaml`,
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      `  name: pi-${n}`,
      'spec:',
      `  backoffLimit: ${n % 11 === 0 ? -1 : 4}`,
      '  template:',
      '    spec:',
      `      restartPolicy: ${n % 3 === 0 ? 'Always' : 'Never'}`,
      '      containers:',
      '      - name: pi',
      '        image: perl:5.34',
      '        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]',
      n % 13 === 0 ? '        resources: { limits: { cpu: nope } }' : '        resources: { requests: { cpu: 100m } }',
      '',
    ];
    return doc.join(i % 5 === 0 ? '\r\n' : '\n');
  });
  return docs.join('---\n');
}

/** What core's whole-file lint gives for each file, in the CLI's JSON shape. */
function wholeFileJson(files: readonly { name: string; text: string }[]): unknown {
  const findings = files.flatMap(({ name, text }) => {
    const sourceAt = sourceComments(text);
    return lintWhole(text).findings.map((f) => {
      const source = sourceAt(f.range.start.line);
      return {
        file: name,
        ...(source !== undefined ? { source } : {}),
        document: f.document,
        kind: f.kind ?? null,
        name: f.name ?? null,
        ruleId: f.ruleId,
        severity: f.severity,
        fieldPath: f.fieldPath,
        message: f.message,
        range: f.range,
      };
    });
  });
  return { findings };
}

test('big inputs: the same output on one thread and on several, and the same findings as a whole-file lint', () => {
  const a = manifests(1500, 1);
  const b = manifests(1500, 2);
  const helm = `${manifests(3, 3)}---\napiVersion: batch/v1\nkind: Job\nmetadata: { name: {{ .Release.Name }} }\n`;
  const piped = manifests(200, 4);
  assert.ok(a.length + b.length > PARALLEL_MIN_CHARS, 'the input is big enough for worker threads');
  writeFileSync(join(work, 'a.yaml'), a);
  writeFileSync(join(work, 'b.yaml'), b);
  writeFileSync(join(work, 'helm.yaml'), helm);
  const paths = ['a.yaml', '-', 'helm.yaml', 'b.yaml'];

  const json1 = lint(['--format', 'json', '--threads', '1', ...paths], piped);
  const json2 = lint(['--format', 'json', '--threads', '2', ...paths], piped);
  assert.equal(json1.status, 1);
  assert.equal(json2.stdout, json1.stdout);
  assert.deepEqual(
    JSON.parse(json2.stdout),
    wholeFileJson([
      { name: 'a.yaml', text: a },
      { name: '<stdin>', text: piped },
      { name: 'helm.yaml', text: helm },
      { name: 'b.yaml', text: b },
    ]),
  );

  const text1 = lint(['--threads', '1', ...paths], piped);
  const text2 = lint(['--threads', '2', ...paths], piped);
  assert.equal(text2.stdout, text1.stdout);
  assert.equal(text2.stderr, text1.stderr);
  // The whole file is not checked: one finding, at the placeholder (its document has no # Source: line).
  assert.deepEqual(text2.stdout.split('\n').filter((line) => line.startsWith('helm.yaml')), [
    `helm.yaml:${helm.split(/\r\n|\n/).length - 1}:19: info Helm template syntax ({{ ... }}) found: this file is not checked. Run \`helm template\` and check its output instead. [helm-template]`,
  ]);
  assert.match(text2.stderr, /^checked 4 file\(s\), 3200 workload document\(s\)/m);
});

test('a document over the size limit: a message with its line and exit 2, never an out-of-memory abort; other files are linted', () => {
  const big = `apiVersion: v1\nkind: ConfigMap\n---\n# a huge ConfigMap\napiVersion: v1\nkind: ConfigMap\ndata:\n${'  k: v\n'.repeat(Math.ceil(MAX_DOCUMENT_CHARS / 6) + 10)}`;
  writeFileSync(join(work, 'huge.yaml'), big);
  const job = readFileSync(join(REPO_ROOT, 'test/fixtures/cli/job-always.yaml'), 'utf8');
  writeFileSync(join(work, 'job.yaml'), job);
  const { status, stdout, stderr } = lint(['huge.yaml', 'job.yaml']);
  assert.match(stderr, /^k8s-dryrun: huge\.yaml: line 3: a document bigger than 16 MB starts here \(the API server takes at most 3 MB\); the file is not checked$/m);
  assert.match(stdout, /^job\.yaml:12:22: error .*\[job-restart-policy\]$/m);
  assert.equal(status, 2);
});

test('simulate refuses a file over its size limit before reading it', () => {
  const huge = join(work, 'huge-sparse.yaml');
  writeFileSync(huge, '');
  // Sparse: the size is all that is looked at.
  truncateSync(huge, MAX_WHOLE_FILE_BYTES + 1);
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'simulate', huge], { encoding: 'utf8', env: ENGLISH_ENV, timeout: TIME_LIMIT_MS });
  assert.equal(result.signal, null);
  assert.match(result.stderr, /^k8s-dryrun: .*huge-sparse\.yaml: too big: 65 MB, more than the 64 MB a file can have here$/m);
  assert.equal(result.status, 2);
});
