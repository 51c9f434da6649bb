import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ENGLISH_ENV } from './cli/englishEnv';

const REPO_ROOT = resolve(__dirname, '../../..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** dist/cli.js with `input` piped to its standard input. */
function piped(input: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8', input, env: ENGLISH_ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JOB = 'test/fixtures/cli/job-always.yaml';
const DIR = 'test/fixtures/cli/dir';

test('lint prints file:line:col: severity fieldPath: message [rule-id] and exits 1 on errors', () => {
  const { status, stdout, stderr } = cli('lint', JOB);
  assert.equal(stdout, `${JOB}:12:22: error spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never" [job-restart-policy]\n`);
  assert.equal(stderr, 'checked 1 file(s), 1 workload document(s): 1 error(s), 0 warning(s)\n');
  assert.equal(status, 1);
});

test('lint walks directories for *.yaml and *.yml only', () => {
  const { status, stdout, stderr } = cli('lint', DIR);
  assert.equal(
    stdout,
    `${DIR}/nested/daemonset.yaml:11:7: error spec.template.metadata.labels: Invalid value: {"name":"fluentd-elasticsearch"}: \`selector\` does not match template \`labels\` [daemonset-selector-mismatch]\n`,
  );
  assert.match(stderr, /^checked 2 file\(s\), 2 workload document\(s\)/);
  assert.equal(status, 1);
});

test('exit code 0 when there are no error findings', () => {
  const { status, stdout } = cli('lint', `${DIR}/good.yml`);
  assert.equal(stdout, '');
  assert.equal(status, 0);
});

test('--format json follows the contract', () => {
  const { status, stdout } = cli('lint', '--format', 'json', JOB);
  assert.equal(status, 1);
  assert.deepEqual(JSON.parse(stdout), {
    findings: [
      {
        file: JOB,
        document: 0,
        kind: 'Job',
        name: 'pi',
        ruleId: 'job-restart-policy',
        severity: 'error',
        fieldPath: 'spec.template.spec.restartPolicy',
        message: 'Required value: valid values: "OnFailure", "Never"',
        range: { start: { line: 11, character: 21 }, end: { line: 11, character: 27 } },
      },
    ],
  });
});

test('--format sarif gives a SARIF 2.1.0 log with 1-based regions', () => {
  const { stdout } = cli('lint', '--format=sarif', JOB);
  const log = JSON.parse(stdout);
  assert.equal(log.version, '2.1.0');
  const [result] = log.runs[0].results;
  assert.equal(result.ruleId, 'job-restart-policy');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 12, startColumn: 22, endLine: 12, endColumn: 28 });
});

test('--kube-version decides which apiVersions are removed', () => {
  const cron = 'test/fixtures/cli/cron-v1beta1.yaml';
  const json = (version: string) => JSON.parse(cli('lint', '--format', 'json', '--kube-version', version, cron).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
  assert.deepEqual(json('1.24'), []);
  assert.deepEqual(json('1.25'), ['removed-api-version']);
});

test('an unreadable path is a message on stderr, the other files are still linted, exit 2', () => {
  const { status, stdout, stderr } = cli('lint', 'test/fixtures/cli/missing.yaml', JOB);
  assert.match(stderr, /^k8s-dryrun: test\/fixtures\/cli\/missing\.yaml: no such file or directory$/m);
  assert.match(stdout, /\[job-restart-policy\]/);
  assert.equal(status, 2);
});

test('usage errors exit 2 with the usage text', () => {
  for (const args of [[], ['frobnicate'], ['lint'], ['lint', '--format', 'xml', JOB], ['lint', '--kube-version', 'latest', JOB]]) {
    const { status, stderr } = cli(...args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /^k8s-dryrun: /);
  }
});

test('no arguments: the usage on stderr, nothing on stdout, exit 2; --help: the usage on stdout, exit 0', () => {
  const none = cli();
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^k8s-dryrun: no command given\n\nUsage:\n {2}k8s-dryrun lint /);
  for (const flag of ['--help', '-h', 'help']) {
    const help = cli(flag);
    assert.equal(help.status, 0, flag);
    assert.equal(help.stderr, '', flag);
    assert.match(help.stdout, /^Usage:\n {2}k8s-dryrun lint .*\n {2}k8s-dryrun cron .*\n {2}k8s-dryrun simulate /, flag);
  }
});

test('lint --help, cron --help and simulate --help each describe their own command', () => {
  const usage: Record<string, RegExp> = {
    lint: /^Usage: k8s-dryrun lint \[--format text\|json\|sarif\] \[--kube-version 1\.37\] \[--disable rule-id\]\.\.\. \[--threads N\]\n +<file\|dir\|->\.\.\.\n/,
    cron: /^Usage: k8s-dryrun cron "<schedule>" \[--time-zone <IANA>\] \[--from <RFC3339>\] \[--count N\] \[--format text\|json\]\n/,
    simulate: /^Usage: k8s-dryrun simulate <file\|-> \[--document N \| --name NAME\] \[--scenario <scenario\.yaml>\]\n/,
  };
  const options: Record<string, string[]> = {
    lint: ['--format', '--kube-version', '--disable', '--threads', 'helm template . | k8s-dryrun lint -', '<stdin>', '# Source: path'],
    cron: ['--time-zone', '--from', '--count', '--format'],
    simulate: ['--document N', 'counted from 0', '--name', '--scenario', '--format', '--kube-version', '--at'],
  };
  const texts = new Set<string>();
  for (const command of ['lint', 'cron', 'simulate']) {
    for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const { status, stdout, stderr } = cli(...args);
      assert.equal(status, 0, args.join(' '));
      assert.equal(stderr, '', args.join(' '));
      assert.match(stdout, usage[command], args.join(' '));
      for (const option of options[command]) assert.ok(stdout.includes(option), `${args.join(' ')}: ${option}`);
      assert.match(stdout, /\nExit codes: 0 .*, 1 .*, 2 usage/, args.join(' '));
      // Not the overview, which sums up each command.
      assert.doesNotMatch(stdout, /^lint {6}checks/m, args.join(' '));
      texts.add(stdout);
    }
  }
  assert.equal(texts.size, 3);
  // simulate's help sums up the scenario format and says where the rest is.
  const simulate = cli('simulate', '--help').stdout;
  for (const field of ['startTime:', 'until:', 'pods:', 'default:', 'outcomes:', 'failureRate:', 'nodes:', 'events:', 'seed:', 'docs/contracts.md', 'examples/']) {
    assert.ok(simulate.includes(field), field);
  }
  assert.equal(cli('help', 'frobnicate').status, 2);
});

test('lint - reads standard input: findings name <stdin> and, after a # Source: comment, the template', () => {
  const job = readFileSync(resolve(REPO_ROOT, JOB), 'utf8');
  const cronJob = readFileSync(resolve(REPO_ROOT, 'test/fixtures/cli/cron-v1beta1.yaml'), 'utf8');
  // As `helm template .` prints: each document after `---` and a `# Source:` comment.
  const helm = `---\n# Source: chart/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n# Source: chart/templates/job.yaml\n${job}`;
  const offset = helm.split('\n').length - job.split('\n').length;
  const text = piped(helm, 'lint', '-');
  assert.equal(text.status, 1, text.stderr);
  assert.equal(
    text.stdout,
    `<stdin>:${12 + offset}:22 (chart/templates/job.yaml): error spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never" [job-restart-policy]\n`,
  );
  assert.equal(text.stderr, 'checked 1 file(s), 1 workload document(s): 1 error(s), 0 warning(s)\n');
  const json = JSON.parse(piped(helm, 'lint', '--format', 'json', '-').stdout);
  assert.equal(json.findings.length, 1);
  assert.equal(json.findings[0].file, '<stdin>');
  assert.equal(json.findings[0].source, 'chart/templates/job.yaml');
  assert.equal(json.findings[0].document, 1);
  assert.deepEqual(Object.keys(json.findings[0]), ['file', 'source', 'document', 'kind', 'name', 'ruleId', 'severity', 'fieldPath', 'message', 'range']);

  // As `kustomize build` prints: no comments, so no source; a document without one after one with it has none.
  const kustomize = `${job}---\n${cronJob}`;
  const plain = piped(kustomize, 'lint', '--format', 'json', '--kube-version', '1.25', '-');
  const findings = JSON.parse(plain.stdout).findings as { file: string; source?: string; document: number }[];
  assert.deepEqual(findings.map((f) => [f.file, f.document, 'source' in f]), [['<stdin>', 0, false], ['<stdin>', 1, false]]);
  assert.match(piped(kustomize, 'lint', '-').stdout, /^<stdin>:12:22: error spec\.template\.spec\.restartPolicy/);
  const mixed = piped(`# Source: a/job.yaml\n${job}---\n${cronJob}`, 'lint', '--format', 'json', '--kube-version', '1.25', '-');
  assert.deepEqual((JSON.parse(mixed.stdout).findings as { source?: string }[]).map((f) => f.source), ['a/job.yaml', undefined]);

  // - among files, named twice: read once, in its place.
  const both = piped(job, 'lint', '-', JOB, '-');
  assert.deepEqual(both.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0]), ['<stdin>', JOB]);
  // Empty input: nothing to check, exit 0.
  assert.equal(piped('', 'lint', '-').status, 0);
});

test('simulate - reads the manifest from standard input', () => {
  const paral = readFileSync(resolve(REPO_ROOT, 'examples/paral-job.yaml'), 'utf8');
  const fromFile = cli('simulate', 'examples/paral-job.yaml', '--scenario', 'examples/paral-job.scenario.yaml');
  const fromStdin = piped(paral, 'simulate', '-', '--scenario', 'examples/paral-job.scenario.yaml');
  assert.equal(fromStdin.status, 0, fromStdin.stderr);
  assert.equal(fromStdin.stdout, fromFile.stdout);
  const invalid = piped(readFileSync(resolve(REPO_ROOT, 'examples/pi-job.yaml'), 'utf8'), 'simulate', '-');
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /^k8s-dryrun: <stdin>:\d+:\d+: spec\.template\.spec\.restartPolicy: Required value/m);
});

test('simulate errors are file:line:col: message, at the field, with no object: or scenario: in front', () => {
  // At restartPolicy's value, `Always`, as lint places it.
  const invalid = cli('simulate', 'examples/pi-job.yaml');
  assert.equal(invalid.status, 1);
  const pi = readFileSync(resolve(REPO_ROOT, 'examples/pi-job.yaml'), 'utf8').split('\n');
  const line = pi.findIndex((l) => /^ {6}restartPolicy: Always/.test(l)) + 1;
  assert.match(invalid.stderr, new RegExp(`^k8s-dryrun: examples/pi-job\\.yaml:${line}:22: spec\\.template\\.spec\\.restartPolicy: Required value: valid values: "OnFailure", "Never"$`, 'm'));
  assert.doesNotMatch(invalid.stderr, /^k8s-dryrun: .*(object|scenario):/m);

  const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-cli-'));
  const scenario = join(dir, 'bad.scenario.yaml');
  writeFileSync(scenario, 'startTime: 2026-01-01T00:00:00Z\nuntil: soon\npods:\n  failureRate: 2\n');
  const bad = cli('simulate', 'examples/paral-job.yaml', '--scenario', scenario);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, new RegExp(`^k8s-dryrun: ${scenario.replace(/[.\\]/g, '\\$&')}:2:8: until: must be a duration`, 'm'));
  assert.match(bad.stderr, /:4:16: pods\.failureRate: /);
  assert.doesNotMatch(bad.stderr, /^k8s-dryrun: .*(object|scenario):/m);
});

test('simulate --document counts from 0, and its messages say so', () => {
  // A Service (document 0), then the Job (document 1).
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-cli-'));
  const file = join(dir, 'two.yaml');
  writeFileSync(file, `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n${readFileSync(resolve(REPO_ROOT, 'examples/paral-job.yaml'), 'utf8')}`);
  const job = cli('simulate', file, '--document', '1');
  assert.equal(job.status, 0, job.stderr);
  assert.match(job.stdout, /^Job\//);
  const service = cli('simulate', file, '--document', '0');
  assert.equal(service.status, 2);
  assert.match(service.stderr, /: document 0 \(counted from 0\) is a Service, not a Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet\n$/);
  const missing = cli('simulate', file, '--document', '2');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /: there is no document 2 \(counted from 0\): the file has 2, numbered 0 to 1\n$/);
  assert.match(cli('simulate', 'examples/paral-job.yaml', '--document', '3').stderr, /the file has one, document 0\n$/);
});

test("simulate: the CronJob controller's words stay, followed by a plain explanation", () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-cli-'));
  const never = join(dir, 'never.yaml');
  writeFileSync(
    never,
    'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: never\nspec:\n  schedule: "59 23 31 2 *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n' +
      '          containers:\n          - name: c\n            image: busybox\n          restartPolicy: OnFailure\nstatus:\n  lastScheduleTime: 2025-01-01T00:00:00Z\n',
  );
  const scenario = join(dir, 's.yaml');
  writeFileSync(scenario, 'startTime: 2026-01-01T00:00:00Z\nuntil: 5m\n');
  const text = cli('simulate', never, '--scenario', scenario).stdout;
  assert.match(text, /InvalidSchedule: invalid schedule: 59 23 31 2 \* : time difference between two schedules is less than 1 second — the schedule names no time that ever comes/);
  const outage = cli('simulate', 'examples/hello-cronjob-v1.yaml', '--scenario', 'examples/hello-cronjob-starting-deadline.outage.scenario.yaml').stdout;
  assert.match(outage, /TooManyMissedTimes: too many missed start times\. Set or decrease \.spec\.startingDeadlineSeconds or check clock skew — more than 100 scheduled runs passed without a Job/);
  // JSON is the controller's event as it is.
  const json = cli('simulate', 'examples/hello-cronjob-v1.yaml', '--scenario', 'examples/hello-cronjob-starting-deadline.outage.scenario.yaml', '--format', 'json').stdout;
  const events = (JSON.parse(json).events as { reason: string; message: string }[]).filter((e) => e.reason === 'TooManyMissedTimes');
  assert.equal(events.length, 1);
  assert.doesNotMatch(events[0].message, /—/);
});

test('cron --format json follows the contract and lists runs from --from', () => {
  const { status, stdout } = cli('cron', '*/15 * * * *', '--time-zone', 'Asia/Shanghai', '--from', '2026-11-22T02:07:00Z', '--count', '2', '--format', 'json');
  assert.equal(status, 0);
  assert.deepEqual(JSON.parse(stdout), {
    schedule: '*/15 * * * *',
    timeZone: 'Asia/Shanghai',
    valid: true,
    description: 'Every 15 minutes',
    next: ['2026-11-22T02:15:00Z', '2026-11-22T02:30:00Z'],
  });
});

test('cron: an invalid schedule exits 1 with the API server\'s parser message', () => {
  const { status, stdout } = cli('cron', '0 */1 * * * *', '--format', 'json');
  assert.equal(status, 1);
  const out = JSON.parse(stdout);
  assert.equal(out.valid, false);
  assert.equal(out.error, 'expected exactly 5 fields, found 6: [0 */1 * * * *]');
  assert.deepEqual(out.next, []);
  assert.equal(cli('cron', '@reboot').status, 1);
  assert.equal(cli('cron', '* * * * *', '--time-zone', 'Local').status, 1);
});

test('cron text output shows both zones, and usage errors exit 2', () => {
  const { status, stdout } = cli('cron', '0 9 * * MON-FRI', '--time-zone', 'Europe/Berlin', '--from', '2026-07-03T00:00:00Z', '--count', '2');
  assert.equal(status, 0);
  assert.match(stdout, /^Schedule: {4}0 9 \* \* MON-FRI\nDescription: At 09:00, Monday through Friday\nTime zone: {3}Europe\/Berlin\n/);
  assert.match(stdout, /2026-07-03 09:00 \(\+02:00\) {3}2026-07-03T07:00:00Z\n {2}2026-07-06 09:00 \(\+02:00\) {3}2026-07-06T07:00:00Z\n$/);
  assert.equal(cli('cron').status, 2);
  assert.equal(cli('cron', '* * * * *', '--count', '0').status, 2);
  assert.equal(cli('cron', '* * * * *', '--from', 'yesterday').status, 2);
});

test('simulate paral-1: 8 pods in 4 waves of 2, then the Job is Complete with 8/8', () => {
  const { status, stdout } = cli('simulate', 'examples/paral-job.yaml', '--scenario', 'examples/paral-job.scenario.yaml');
  assert.equal(status, 0);
  const rows = stdout.split('\n').filter((l) => /^paral-1-\w{5} +\|/.test(l));
  assert.equal(rows.length, 8);
  // Each wave's bars start where the previous wave's end.
  const starts = rows.map((r) => r.indexOf('='));
  assert.equal(new Set(starts).size, 4);
  assert.match(stdout, /^paral-1 +Complete +8\/8 /m);
});

test('simulate pi with two failures: the replacements wait out the back-off (10 s, then 20 s)', () => {
  const { status, stdout } = cli('simulate', 'examples/pi-job-backoff.yaml', '--scenario', 'examples/pi-job-backoff.scenario.yaml', '--format', 'json');
  assert.equal(status, 0);
  const timeline = JSON.parse(stdout);
  const pods = timeline.pods.map((p: { createdAt: number; finishedAt: number; phase: string }) => [p.createdAt, p.finishedAt, p.phase]);
  assert.deepEqual(pods.map((p: unknown[]) => p[2]), ['Failed', 'Failed', 'Succeeded']);
  // created 10 s after the first failure, then 20 s after the second (backoff_utils.go: 10 s doubling)
  assert.equal(pods[1][0] - pods[0][1], 10);
  assert.equal(pods[2][0] - pods[1][1], 20);
});

test('simulate: backoffLimit reached fails the Job with BackoffLimitExceeded', () => {
  const { stdout } = cli('simulate', 'examples/pi-job-backoff.yaml', '--scenario', 'examples/pi-job-backoff.limit.scenario.yaml');
  assert.match(stdout, /Job pi Failed \(BackoffLimitExceeded\): Job has reached the specified backoff limit/);
  assert.equal(stdout.split('\n').filter((l) => /^pi-\w{5} +\|.*F/.test(l)).length, 5);
});

test('simulate: an object the API server rejects exits 1 with its error; a bad scenario exits 2', () => {
  const invalid = cli('simulate', 'examples/pi-job.yaml');
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
  const bad = cli('simulate', 'examples/paral-job.yaml', '--scenario', 'test/fixtures/cli/job-always.yaml');
  assert.equal(bad.status, 2);
  assert.equal(cli('simulate', 'examples/paral-job.yaml', '--document', '3').status, 2);
  assert.equal(cli('simulate', 'no-such-file.yaml').status, 2);
});

test('simulate --at: the kubectl tables at that time into the run, not when the Job finished', () => {
  const args = ['simulate', 'examples/pi-job-backoff.yaml', '--scenario', 'examples/pi-job-backoff.scenario.yaml'];
  // The first pod failed at 10s; its replacement waits out the 10s back-off.
  const early = cli(...args, '--at', '15s');
  assert.equal(early.status, 0);
  const tables = early.stdout.slice(early.stdout.indexOf('(tables at'));
  assert.match(tables, /^\(tables at \+15s\)\n/);
  assert.match(tables, /\$ kubectl get jobs\nNAME +STATUS +COMPLETIONS +DURATION +AGE\npi +Running +0\/1 +15s +15s\n/);
  assert.match(tables, /\$ kubectl get pods\nNAME +READY +STATUS +RESTARTS +AGE\npi-\w{5} +0\/1 +Error +0 +15s\n$/);
  // Without --at: the moment the Job finished, three pods.
  const finished = cli(...args).stdout;
  assert.match(finished, /\(tables at \+71s, when pi finished\)/);
  assert.equal(finished.slice(finished.indexOf('$ kubectl get pods')).trim().split('\n').length, 5);
  // After the end of the run: the end, and says so.
  assert.match(cli(...args, '--at', '2h').stdout, /\(tables at \+11m11s, the end of the run: --at 2h is after it\)/);
  // A DaemonSet's rollout status: what `kubectl rollout status` printed by then.
  const rollout = cli('simulate', 'examples/fluentd-daemonset-rollout.yaml', '--scenario', 'examples/fluentd-daemonset-rollout.scenario.yaml', '--at', '10m30s').stdout;
  assert.match(rollout, /rollout to finish: 2 out of 4 new pods have been updated\.\.\.\n\n\$ kubectl get pods/);
  assert.doesNotMatch(rollout, /successfully rolled out/);
});

test('simulate --at: a bad duration, or with --format json, is a usage error', () => {
  const bad = cli('simulate', 'examples/pi-job-backoff.yaml', '--at', 'soon');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^k8s-dryrun: --at must be a duration such as "90s"/);
  const json = cli('simulate', 'examples/pi-job-backoff.yaml', '--at', '1m', '--format', 'json');
  assert.equal(json.status, 2);
  assert.match(json.stderr, /--at picks the time of the kubectl tables in the text output/);
});

test('simulate fluentd: on 4 nodes, the image change rolls out one node at a time (maxUnavailable 1)', () => {
  const { status, stdout } = cli('simulate', 'examples/fluentd-daemonset-rollout.yaml', '--scenario', 'examples/fluentd-daemonset-rollout.scenario.yaml', '--format', 'json');
  assert.equal(status, 0);
  const timeline = JSON.parse(stdout);
  const pods = timeline.pods as { node: string; revision: number; createdAt: number; deletedAt: number | null; readyAt: number | null }[];
  assert.deepEqual([...new Set(pods.map((p) => p.node))].length, 4);
  const replacements = pods.filter((p) => p.revision === 2).sort((a, b) => a.createdAt - b.createdAt);
  assert.equal(replacements.length, 4);
  // Never two nodes without a ready fluentd at once: each old pod goes only after the previous new one is ready.
  const removals = pods.filter((p) => p.revision === 1).map((p) => p.deletedAt as number).sort((a, b) => a - b);
  for (let i = 1; i < removals.length; i++) assert.ok(removals[i] >= (replacements[i - 1].readyAt as number), `removal ${i} waits for the previous node`);
  const text = cli('simulate', 'examples/fluentd-daemonset-rollout.yaml', '--scenario', 'examples/fluentd-daemonset-rollout.scenario.yaml').stdout;
  assert.match(text, /^fluentd-elasticsearch +4 +4 +4 +4 +4 +<none> /m);
  assert.match(text, /daemon set "fluentd-elasticsearch" successfully rolled out\n/);
});

type SimJob = { name: string; createdAt: number; finishedAt: number | null; result: string };
function cronJobs(manifest: string, scenario: string): SimJob[] {
  const { status, stdout } = cli('simulate', `examples/${manifest}`, '--scenario', `examples/${scenario}`, '--format', 'json');
  assert.equal(status, 0);
  return JSON.parse(stdout).jobs;
}

test('simulate hello every minute with 90-second runs: Allow overlaps the runs', () => {
  const jobs = cronJobs('hello-cronjob-v1.yaml', 'hello-cronjob-v1.scenario.yaml');
  // A Job every minute, each started before the previous one finished.
  for (let i = 1; i < jobs.length; i++) {
    assert.equal(Math.round(jobs[i].createdAt - jobs[i - 1].createdAt), 60);
    if (jobs[i - 1].finishedAt !== null) assert.ok(jobs[i].createdAt < (jobs[i - 1].finishedAt as number));
  }
  // Job names are <cronjob>-<minutes since the epoch of the scheduled time>.
  assert.equal(jobs[0].name, `hello-${Date.parse('2026-01-01T00:01:00Z') / 60000}`);
});

test('simulate hello under Forbid: a run never starts while another is active, so every other minute is skipped', () => {
  const jobs = cronJobs('hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml');
  for (let i = 1; i < jobs.length; i++) assert.ok(jobs[i].createdAt >= (jobs[i - 1].finishedAt ?? Infinity), `${jobs[i].name} overlaps`);
  const text = cli('simulate', 'examples/hello-cronjob-forbid.yaml', '--scenario', 'examples/hello-cronjob-forbid.scenario.yaml').stdout;
  assert.match(text, /skipped the run at 2026-01-01T00:03:00Z: hello-\d+ still running \(concurrencyPolicy Forbid\)/);
});

test('simulate hello under Replace: each run replaces the one still running, none completes', () => {
  const jobs = cronJobs('hello-cronjob-replace.yaml', 'hello-cronjob-replace.scenario.yaml');
  assert.deepEqual(jobs.map((j) => j.result), [...jobs.slice(0, -1).map(() => 'Replaced'), 'Running']);
});

test('simulate a 3-hour controller outage: with startingDeadlineSeconds only the next run starts', () => {
  const text = cli('simulate', 'examples/hello-cronjob-starting-deadline.yaml', '--scenario', 'examples/hello-cronjob-starting-deadline.outage.scenario.yaml').stdout;
  assert.match(text, /missed 180 runs \(2026-01-01T00:31:00Z … 2026-01-01T03:30:00Z\)/);
  assert.match(text, /^hello +\*\/1 \* \* \* \* +<none> +False +0 +60s +3h35m$/m);
});
