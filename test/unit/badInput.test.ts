/**
 * Bad input gets a clear message, never a crash, a hang or a silent empty result. Each case here is one
 * that once went wrong; the assertions are what the user sees (output, message, exit code).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ENGLISH_ENV } from './cli/englishEnv';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { lint } from '../../server/src/core';

const REPO_ROOT = resolve(__dirname, '../../..');
const DIR = mkdtempSync(join(tmpdir(), 'k8s-dryrun-bad-input-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd: DIR, encoding: 'utf8', timeout: 60_000, env: ENGLISH_ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string | Uint8Array): string {
  mkdirSync(join(DIR, name, '..'), { recursive: true });
  writeFileSync(join(DIR, name), text);
  return name;
}

const JOB = (spec: string, status = ''): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers: [{ name: a, image: b }]
${status}`;

const CRONJOB = (spec: string, status = ''): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "* * * * *"
${spec}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: a, image: b }]
${status}`;

const ALWAYS = JOB('').replace('Never', 'Always');

test('lint: big maps stay fast (the duplicate-key check and the source map were quadratic)', () => {
  const labels = (count: number, key: (i: number) => string): string =>
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n  labels:\n${Array.from({ length: count }, (_, i) => `    ${key(i)}: v\n`).join('')}spec: {}\n`;
  const cases: { name: string; text: string; expect: (messages: string[]) => void }[] = [
    {
      // 50,000 keys took 20 s; the duplicate at the end is still found.
      name: '50,000 keys and a duplicate',
      text: labels(50_000, (i) => `k${i}`).replace('spec: {}', '    k7: again\nspec: {}'),
      expect: (messages) => assert.deepEqual(messages, ['YAML syntax error: Map keys must be unique (the API server rejects duplicate fields)']),
    },
    {
      // 20,000 findings on one map took 5 s (each located its key by a linear search).
      name: '20,000 invalid label keys',
      text: labels(20_000, (i) => `-k${i}`),
      expect: (messages) => assert.equal(messages.filter((m) => /^metadata\.labels: Invalid value: "-k\d+"/.test(`metadata.labels: ${m}`)).length, 20_000),
    },
  ];
  // Their speed is measured in `npm run bench` (lint.bigMap*).
  for (const { text, expect } of cases) expect(lint(text).findings.filter((f) => f.severity === 'error').map((f) => f.message));
});

test('lint: YAML oddities get a clear finding at the right place', () => {
  const cases: { name: string; text: string; stdout: RegExp; stderr?: RegExp }[] = [
    // Classic Mac line ends were read as one line: often one comment, so nothing was found at all.
    { name: 'cr.yaml', text: `# a comment first\n${ALWAYS}`.replace(/\n/g, '\r'), stdout: /^cr\.yaml:9:22: error spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/m },
    { name: 'crlf.yaml', text: `# a comment first\n${ALWAYS}`.replace(/\n/g, '\r\n'), stdout: /^crlf\.yaml:9:22: error spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/m },
    // Duplicates inside nested and flow maps, reported at the first one in the text.
    { name: 'dups.yaml', text: 'a: 1\nb: {x: 1, x: 2}\na: 3\n', stdout: /^dups\.yaml:2:11: error YAML syntax error: Map keys must be unique/m },
    { name: 'no-dups.yaml', text: '1: a\n"1": b\n.nan: 1\n.nan: 2\nc: [{k: 1}, {k: 1}]\n', stdout: /^$/ },
    // "Maximum call stack size exceeded" said nothing a user could act on.
    {
      name: 'deep.yaml',
      text: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      stdout: /^deep\.yaml:4:\d+: error YAML nested too deeply: this document has more levels of lists and mappings inside each other than can be checked \[yaml-syntax\]$/m,
    },
    // A list as a key: the finding, and no "(node:1234) Warning: Keys with collection values" on stderr.
    { name: 'list-key.yaml', text: `${JOB('')}? [a, b]\n: c\n`, stdout: /^list-key\.yaml:1:1: error \[\[ a, b \]\]: unknown field "\[ a, b \]" \[unknown-field\]$/m, stderr: /^checked 1 file\(s\)/ },
  ];
  for (const { name, text, stdout, stderr } of cases) {
    const result = cli('lint', file(name, text));
    assert.match(result.stdout, stdout, name);
    assert.match(result.stderr, stderr ?? /checked 1 file\(s\)/, name);
    assert.doesNotMatch(result.stderr, /Warning|internal error|call stack/, name);
  }
});

test('cron --from refuses dates that do not exist instead of rolling them over', () => {
  const cases: [string, number, RegExp][] = [
    ['2026-02-30T00:00:00Z', 2, /^k8s-dryrun: --from must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not "2026-02-30T00:00:00Z"$/m],
    ['2026-04-31T10:00+02:00', 2, /not "2026-04-31T10:00\+02:00"/],
    ['2026-02-29T00:00:00Z', 2, /not "2026-02-29T00:00:00Z"/],
    ['2028-02-29T00:00:00Z', 0, /^$/],
  ];
  for (const [from, status, stderr] of cases) {
    const result = cli('cron', '@hourly', '--from', from, '--count', '1');
    assert.equal(result.status, status, from);
    assert.match(result.stderr, stderr, from);
    if (status === 0) assert.match(result.stdout, /\(from 2028-02-29T00:00:00\.000Z\)\n {2}2028-02-29 01:00/);
  }
});

test('simulate: years 0-99 stay years 0-99 (Date.UTC read 0001 as 1901)', () => {
  const scenario = file('year1.scenario.yaml', 'startTime: 0001-01-01T00:00:00Z\nuntil: 1h\n');
  const job = cli('simulate', file('year1-job.yaml', JOB('')), '--scenario', scenario);
  assert.equal(job.status, 0);
  assert.match(job.stdout, /^Job\/j: simulated from 0001-01-01T00:00:00Z to 0001-01-01T00:00:31Z$/m);
  // Go's zero time, as a pasted status may carry it.
  const status = 'status:\n  lastScheduleTime: 0001-01-01T00:00:00Z\n';
  const cron = cli('simulate', file('year1-cron.yaml', CRONJOB('  startingDeadlineSeconds: 10\n', status)), '--scenario', file('s.yaml', 'startTime: 2026-01-01T00:00:00Z\nuntil: 5m\n'));
  assert.equal(cron.status, 0);
  assert.match(cron.stdout, /missed more than 10000 runs \(0001-01-01T00:01:00Z … /);
});

test('simulate: an object that waits for nothing says why nothing happens', () => {
  const cases: [string, string, RegExp][] = [
    ['parallelism-0.yaml', JOB('  parallelism: 0\n'), /^nothing more happens: Job j has spec\.parallelism 0: the Job controller runs no pods until it is raised, so the Job stays active and never finishes\.$/m],
    ['job-suspended.yaml', JOB('  suspend: true\n'), /^nothing more happens: Job j is suspended \(spec\.suspend is true\): no pods run until it is resumed\.$/m],
    ['cron-suspended.yaml', CRONJOB('  suspend: true\n'), /^nothing more happens: CronJob c is suspended \(spec\.suspend is true\): it creates no Jobs until it is resumed\.$/m],
  ];
  for (const [name, manifest, expected] of cases) {
    const text = cli('simulate', file(name, manifest));
    assert.equal(text.status, 0, name);
    assert.match(text.stdout, expected, name);
    const json = JSON.parse(cli('simulate', name, '--format', 'json').stdout);
    assert.equal(json.stopReason, 'finished', name);
    assert.match(`nothing more happens: ${json.message}`, expected, name);
  }
  // A Job that finishes says nothing of the kind.
  const done = cli('simulate', file('done.yaml', JOB('')));
  assert.doesNotMatch(done.stdout, /nothing more happens/);
});

test('simulate: an ignored scenario event names its path once', () => {
  const scenario = file('ignored.scenario.yaml', 'until: 1h\nevents:\n  - { at: 1m, rollback: 1 }\n  - { at: 2m, setImage: "x:2" }\n');
  const { status, stderr } = cli('simulate', file('ignored-job.yaml', JOB('')), '--scenario', scenario);
  assert.equal(status, 0);
  assert.match(stderr, /^warning: scenario: events\[0\]: ignored: a Job has no revisions to roll back to$/m);
  assert.match(stderr, /^warning: scenario: events\[1\]: ignored: a Job's pod template is immutable \(the API server rejects the change: field is immutable\)$/m);
});

test('lint and simulate read UTF-16 files (with a byte order mark) as the UTF-8 file, and refuse binary ones', () => {
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
  const encodings: [string, (text: string) => Uint8Array, number, RegExp][] = [
    // Read as UTF-8, UTF-16 was NUL bytes in YAML's eyes: 0 documents, exit 0.
    ['utf16le', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 1, /^utf16le\.yaml:9:22: error spec\.template\.spec\.restartPolicy: Required value/m],
    ['utf16be', (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 1, /^utf16be\.yaml:9:22: error spec\.template\.spec\.restartPolicy: Required value/m],
    ['utf8bom', (text) => Buffer.from(`\ufeff${text}`), 1, /^utf8bom\.yaml:9:22: error spec\.template\.spec\.restartPolicy: Required value/m],
    ['nobom', (text) => Buffer.from(text, 'utf16le'), 2, /^k8s-dryrun: nobom\.yaml: not a text file: it contains NUL bytes \(save it as UTF-8, or as UTF-16 with a byte order mark\)$/m],
    ['binary', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), 2, /^k8s-dryrun: binary\.yaml: not a text file: it contains NUL bytes/m],
  ];
  for (const [name, encode, status, expected] of encodings) {
    const lint = cli('lint', file(`${name}.yaml`, encode(`# a comment first\n${ALWAYS}`)));
    assert.equal(lint.status, status, name);
    assert.match(lint.stdout + lint.stderr, expected, name);
    if (status === 1) assert.match(lint.stderr, /^checked 1 file\(s\), 1 workload document\(s\): 1 error\(s\)/m, name);
    // simulate reads the manifest and the scenario the same way.
    const manifest = file(`${name}-job.yaml`, encode(JOB('')));
    const simulated = cli('simulate', manifest, '--scenario', file(`${name}.scenario.yaml`, encode('startTime: 2030-01-01T00:00:00Z\nuntil: 1h\n')));
    if (status === 2) {
      assert.equal(simulated.status, 2, name);
      assert.match(simulated.stderr, new RegExp(`^k8s-dryrun: ${name}-job\\.yaml: not a text file`, 'm'), name);
    } else {
      assert.equal(simulated.status, 0, `${name}: ${simulated.stderr}`);
      assert.match(simulated.stdout, /^Job\/j: simulated from 2030-01-01T00:00:00Z to 2030-01-01T00:00:31Z$/m, name);
    }
  }
});

test('lint: a directory without YAML files is an error, like a missing file; the other arguments are still checked', () => {
  file('dirs/none/README.md', '# not YAML\n');
  file('dirs/vendored/node_modules/x.yaml', ALWAYS);
  file('dirs/nested/a/b/job.yaml', JOB(''));
  const cases: { args: string[]; status: number; stderr: RegExp[]; stdout?: RegExp }[] = [
    { args: ['dirs/none'], status: 2, stderr: [/^k8s-dryrun: dirs\/none: no \*\.yaml or \*\.yml files in this directory$/m, /^checked 0 file\(s\)/m] },
    // node_modules is skipped, so this one has none either.
    { args: ['dirs/vendored'], status: 2, stderr: [/^k8s-dryrun: dirs\/vendored: no \*\.yaml or \*\.yml files in this directory$/m] },
    {
      args: ['dirs/none', 'dirs/nested', 'dirs/missing'],
      status: 2,
      stderr: [/^k8s-dryrun: dirs\/none: no \*\.yaml/m, /^k8s-dryrun: dirs\/missing: no such file or directory$/m, /^checked 1 file\(s\), 1 workload/m],
      stdout: /^dirs\/nested\/a\/b\/job\.yaml:5:1: warning/m,
    },
    { args: ['dirs/nested'], status: 0, stderr: [/^checked 1 file\(s\)/m] },
  ];
  for (const { args, status, stderr, stdout } of cases) {
    const result = cli('lint', ...args);
    assert.equal(result.status, status, args.join(' '));
    for (const expected of stderr) assert.match(result.stderr, expected, args.join(' '));
    if (stdout) assert.match(result.stdout, stdout, args.join(' '));
  }
});

test('no time after 9999-12-31 is printed: RFC 3339 cannot write a five-digit year', () => {
  const range = '0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z \\(RFC 3339 years have four digits\\)';
  const cutNote = /^Note: Runs after the end of year 9999 are not listed: RFC 3339 \(and Kubernetes\) cannot write a five-digit year\.$/m;
  const cron: { args: string[]; status: number; stdout?: RegExp[]; stderr?: RegExp }[] = [
    // Printed `+010000-01-01 00 (+00:00)   +010000-01-01T00:00Z`.
    { args: ['@hourly', '--from', '9999-12-31T21:59:00Z'], status: 0, stdout: [/Next runs: {3}\(from 9999-12-31T21:59:00\.000Z\)\n {2}9999-12-31 22:00 \(\+00:00\) {3}9999-12-31T22:00:00Z\n {2}9999-12-31 23:00 \(\+00:00\) {3}9999-12-31T23:00:00Z\nNote/, cutNote] },
    { args: ['@hourly', '--from', '9999-12-31T23:59:00Z'], status: 0, stdout: [/^Next runs: {3}\(from 9999-12-31T23:59:00\.000Z\)\nNote: Runs after/m] },
    // The wall clock in +14:00 reaches year 10000 before UTC does.
    { args: ['@hourly', '--time-zone', 'Pacific/Kiritimati', '--from', '9999-12-31T08:30:00Z'], status: 0, stdout: [/^ {2}9999-12-31 23:00 \(\+14:00\) {3}9999-12-31T09:00:00Z\nNote: Runs after/m] },
    // robfig's five-year search still says "never" when nothing matches at all.
    { args: ['0 0 30 2 *', '--from', '9999-12-31T21:59:00Z'], status: 0, stdout: [/^Next runs: {3}never/m] },
    { args: ['@hourly', '--from', '9999-12-31T23:59:00-01:00'], status: 2, stderr: new RegExp(`^k8s-dryrun: --from must be from ${range}, not "9999-12-31T23:59:00-01:00"$`, 'm') },
    { args: ['@hourly', '--from', '0000-01-01T00:00:00+01:00'], status: 2, stderr: /--from must be from 0000-01-01T00:00:00Z/ },
  ];
  for (const { args, status, stdout = [], stderr } of cron) {
    const result = cli('cron', ...args, '--count', '3');
    assert.equal(result.status, status, args.join(' '));
    for (const expected of stdout) assert.match(result.stdout, expected, args.join(' '));
    if (stderr) assert.match(result.stderr, stderr, args.join(' '));
    assert.doesNotMatch(result.stdout, /\+0100/, args.join(' '));
  }
  const json = JSON.parse(cli('cron', '@hourly', '--from', '9999-12-31T21:59:00Z', '--count', '3', '--format', 'json').stdout);
  assert.deepEqual(json.next, ['9999-12-31T22:00:00Z', '9999-12-31T23:00:00Z']);
  assert.match(`Note: ${json.notes[0]}`, cutNote);

  const job = file('y9999-job.yaml', JOB(''));
  const scenarios: [string, number, RegExp][] = [
    // Printed `simulated from 9999-12-31T23:00:00Z to +010000-01-01T01:00Z` for a run that lasted that long.
    ['startTime: 9999-12-31T23:00:00Z\nuntil: 2h\n', 2, /^k8s-dryrun: y9999\.scenario\.yaml:2:8: until: the run would end after 9999-12-31T23:59:59Z, the last time RFC 3339 \(and Kubernetes\) can write: at most 3599s from this startTime$/m],
    ['startTime: 9999-12-31T23:00:00Z\n', 2, /^k8s-dryrun: y9999\.scenario\.yaml:1:1: until: needed with this startTime: without it a run may last up to 30d, past 9999-12-31T23:59:59Z, the last time RFC 3339 \(and Kubernetes\) can write; at most 3599s from this startTime$/m],
    ['startTime: 9999-12-31T23:00:00-05:00\n', 2, new RegExp(`^k8s-dryrun: y9999\\.scenario\\.yaml:1:12: startTime: must be from ${range}, got "9999-12-31T23:00:00-05:00"$`, 'm')],
    ['startTime: 9999-12-31T23:00:00Z\nuntil: 3599s\n', 0, /^Job\/j: simulated from 9999-12-31T23:00:00Z to 9999-12-31T23:00:31Z$/m],
    ['startTime: 9999-12-01T00:00:00Z\n', 0, /^Job\/j: simulated from 9999-12-01T00:00:00Z to 9999-12-01T00:00:31Z$/m],
  ];
  for (const [scenario, status, expected] of scenarios) {
    const result = cli('simulate', job, '--scenario', file('y9999.scenario.yaml', scenario));
    assert.equal(result.status, status, scenario);
    assert.match(status === 0 ? result.stdout : result.stderr, expected, scenario);
  }
});

test('simulate --scenario: YAML is parsed as manifests are (deep nesting, big maps, one document)', () => {
  const job = file('scenario-parse-job.yaml', JOB(''));
  const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: v\n`).join('');
  const labels = `until: 1h\nnodes:\n  - name: n\n    labels:\n${keys.replace(/^/gm, '      ')}`;
  // Each node label was looked up in the list of all the labels (6 s for 50,000; now in `npm run bench`).
  const many = cli('simulate', job, '--scenario', file('many.scenario.yaml', labels));
  assert.equal(many.status, 0, many.stderr);
  assert.match(many.stdout, /^Job\/j: simulated from /m);
  const cases: [string, string, RegExp][] = [
    // "Maximum call stack size exceeded".
    ['deep', `until: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /^k8s-dryrun: deep\.scenario\.yaml:1:\d+: YAML nested too deeply: this document has more levels of lists and mappings inside each other than can be checked$/m],
    // yaml's own duplicate-key check compared each key with every one before it.
    ['dup', `until: 1h\n${keys}k7: again\n`, /^k8s-dryrun: dup\.scenario\.yaml:50002:1: YAML syntax error: Map keys must be unique/m],
    // Ordinary errors as before, now with the line and column in front.
    ['syntax', 'until: [1h\n', /^k8s-dryrun: syntax\.scenario\.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]/m],
    ['alias', 'until: *x\n', /^k8s-dryrun: alias\.scenario\.yaml:1:1: YAML syntax error: Unresolved alias/m],
    ['two', 'until: 1h\n---\nuntil: 2h\n', /^k8s-dryrun: two\.scenario\.yaml:2:1: a scenario is one YAML document, but this file has 2 \(separated by ---\)$/m],
  ];
  for (const [name, text, expected] of cases) {
    const result = cli('simulate', job, '--scenario', file(`${name}.scenario.yaml`, text));
    assert.equal(result.status, 2, name);
    assert.match(result.stderr, expected, name);
    assert.doesNotMatch(result.stderr, /internal error|call stack/, name);
  }
  // Empty and comment-only files are the default scenario, as before.
  for (const text of ['', '# nothing yet\n']) assert.equal(cli('simulate', job, '--scenario', file('empty.scenario.yaml', text)).status, 0);
});

test('lint: an integer past 2^53 in free-form data is kept exact and checked, not a crash', () => {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  managedFields:
  - manager: kubectl
    fieldsV1: { "f:x": 18446744073709551615 }
spec:
  ttlSecondsAfterFinished: 100
  template:
    spec:
      restartPolicy: Always
      containers:
      - name: pi
        image: perl
`;
  assert.deepEqual(
    lint(text).findings.map((f) => `${f.range.start.line + 1}: ${f.fieldPath}: ${f.message}`),
    ['12: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
  );
});
