/**
 * `k8s-dryrun`: the same core as the language server, for terminals and CI.
 * Exit codes (design §4.1): 0 no error findings, 1 error findings, 2 usage or I/O error.
 */
import { allRules, DEFAULT_KUBERNETES_VERSION, isWorkloadKind, lint, parseKubernetesVersion, pipelineRules } from './core';
import { COMMAND_HELP, parseArgs, USAGE, UsageError, type LintCommand, type SimulateCommand } from './cli/args';
import { runCron } from './cli/cron';
import { runSimulate } from './cli/simulate';
import { describeIoError, expandPaths, readTextFile, STDIN, STDIN_NAME } from './cli/files';
import { sourceComments } from './cli/sources';
import { formatJson, formatSarif, formatText, type FileFindings } from './cli/formatters';

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

/** The exit code; a promise for `simulate`, which may stream more output than fits in memory at once. */
function main(argv: readonly string[]): number | Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`k8s-dryrun: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.command === 'help') {
    process.stdout.write(`${command.topic === undefined ? USAGE : COMMAND_HELP[command.topic]}\n`);
    return 0;
  }
  if (command.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command.command === 'simulate') return runSimulateCommand(command);
  if (command.command === 'cron') {
    const { text, exitCode } = runCron(command, Date.now());
    process.stdout.write(text);
    return exitCode;
  }
  return runLint(command);
}

function runLint(command: LintCommand): number {
  const kubernetesVersion = command.kubeVersion ?? DEFAULT_KUBERNETES_VERSION;
  if (!parseKubernetesVersion(kubernetesVersion)) {
    process.stderr.write(`k8s-dryrun: --kube-version must look like 1.37, not "${kubernetesVersion}"\n`);
    return 2;
  }
  const unknownRules = command.disabledRules.filter((id) => !ruleIds().has(id));
  if (unknownRules.length > 0) {
    process.stderr.write(`k8s-dryrun: --disable: no rule named ${unknownRules.map((id) => `"${id}"`).join(', ')} (see the rule table in the README)\n`);
    return 2;
  }
  // - is standard input (once, however often it is named), linted where it stands among the paths.
  const { files, errors } = expandPaths(command.paths, { stdin: true });
  const results: FileFindings[] = [];
  let workloads = 0;
  for (const file of files) {
    const name = file === STDIN ? STDIN_NAME : file;
    let text: string;
    try {
      text = readTextFile(file);
    } catch (error) {
      errors.push(`${name}: ${describeIoError(error)}`);
      continue;
    }
    const result = lint(text, { kubernetesVersion, disabledRules: command.disabledRules });
    workloads += result.documentKinds.filter(isWorkloadKind).length;
    results.push({ file: name, findings: result.findings, sourceOf: sourceComments(text) });
  }
  for (const error of errors) process.stderr.write(`k8s-dryrun: ${error}\n`);

  const output =
    command.format === 'json' ? formatJson(results) : command.format === 'sarif' ? formatSarif(results, VERSION) : formatText(results);
  process.stdout.write(output);

  const all = results.flatMap((r) => r.findings);
  const count = (severity: string): number => all.filter((f) => f.severity === severity).length;
  if (command.format === 'text') {
    // To stderr, so stdout stays exactly the findings; says what was looked at even when nothing was found.
    process.stderr.write(
      `checked ${results.length} file(s), ` +
        `${workloads} Job/CronJob/DaemonSet document(s): ${count('error')} error(s), ${count('warning')} warning(s)\n`,
    );
  }
  if (errors.length > 0) return 2;
  return count('error') > 0 ? 1 : 0;
}

async function runSimulateCommand(command: SimulateCommand): Promise<number> {
  if (command.kubeVersion !== undefined && !parseKubernetesVersion(command.kubeVersion)) {
    process.stderr.write(`k8s-dryrun: --kube-version must look like 1.37, not "${command.kubeVersion}"\n`);
    return 2;
  }
  const read = (file: string): string | undefined => {
    try {
      return readTextFile(file);
    } catch (error) {
      process.stderr.write(`k8s-dryrun: ${file}: ${describeIoError(error)}\n`);
      return undefined;
    }
  };
  const manifestText = read(command.file === STDIN ? STDIN : command.file);
  const scenarioText = command.scenario === undefined ? undefined : read(command.scenario);
  if (manifestText === undefined || (command.scenario !== undefined && scenarioText === undefined)) return 2;
  const { stdout, stderr, exitCode } = runSimulate(command, { manifestText, scenarioText, now: new Date() });
  const writeError = await writeStdout(typeof stdout === 'string' ? [stdout] : stdout);
  process.stderr.write(stderr);
  if (writeError === undefined) return exitCode;
  // EPIPE: the reader (e.g. `| head`) has all it wanted and went away; not an error of ours.
  if ((writeError as NodeJS.ErrnoException).code === 'EPIPE') return exitCode;
  process.stderr.write(`k8s-dryrun: cannot write the output: ${writeError.message}\n`);
  return 2;
}

/**
 * Writes the chunks one by one, waiting for each to drain: stdout to a pipe buffers in memory whatever the
 * reader has not taken yet, and `simulate --format json` can be gigabytes. Stops at the first write error and
 * returns it (the stream's 'error' event is then handled here, so Node prints no stack trace).
 */
async function writeStdout(chunks: Iterable<string>): Promise<Error | undefined> {
  const out = process.stdout;
  let failure: Error | undefined;
  out.on('error', (error) => (failure ??= error));
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        out.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      out.on('drain', done).on('error', done).on('close', done);
    });
  for (const chunk of chunks) {
    let more = false;
    try {
      more = out.write(chunk);
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
    // Writing to a file fails at once (out.errored); to a pipe, in an 'error' event while we wait.
    failure ??= out.errored ?? undefined;
    if (failure === undefined && !more) await drained();
    if (failure !== undefined) return failure;
  }
  // The last chunks may still be queued: a failure to write them counts too.
  if (out.writableNeedDrain && failure === undefined) await drained();
  return failure;
}

function ruleIds(): Set<string> {
  return new Set([...allRules.map((r) => r.meta.id), ...Object.values(pipelineRules).map((r) => r.id)]);
}

function internalError(error: unknown): void {
  process.stderr.write(`k8s-dryrun: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}

try {
  const exitCode = main(process.argv.slice(2));
  if (typeof exitCode === 'number') process.exitCode = exitCode;
  else exitCode.then((code) => (process.exitCode = code), internalError);
} catch (error) {
  internalError(error);
}
