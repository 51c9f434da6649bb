/**
 * `k8s-dryrun`: the same core as the language server, for terminals and CI.
 * Exit codes (design §4.1): 0 no error findings, 1 error findings, 2 usage or I/O error.
 */
import { COMMAND_HELP, parseArgs, USAGE, UsageError, type SimulateCommand } from './cli/args';
import { runCron } from './cli/cron';
import { runSimulate } from './cli/simulate';
import { describeIoError, readTextFile, STDIN } from './cli/files';
import { runLint } from './cli/lint';
import { cliLocale } from './cli/locale';
import { isLintWorker, serveLintRequests } from './cli/lintWorker';
import { exitCodeAfterWrite, writeStdout } from './cli/stdout';
import type { Locale } from './core/i18n';

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

/** The exit code; a promise for `lint` and `simulate`, which read and write in pieces. */
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
  // --lang, else LC_ALL / LC_MESSAGES / LANG: the language of advice, notes, labels and summaries.
  const locale = cliLocale(command.lang, process.env);
  if (command.command === 'simulate') return runSimulateCommand(command, locale);
  if (command.command === 'cron') {
    const { text, exitCode } = runCron(command, Date.now(), locale);
    process.stdout.write(text);
    return exitCode;
  }
  // Worker threads run this same bundle (see cli/lintPool.ts).
  return runLint(command, VERSION, __filename, locale);
}

async function runSimulateCommand(command: SimulateCommand, locale: Locale): Promise<number> {
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
  const { stdout, stderr, exitCode } = runSimulate(command, { manifestText, scenarioText, now: new Date(), locale });
  const writeError = await writeStdout(typeof stdout === 'string' ? [stdout] : stdout);
  process.stderr.write(stderr);
  return exitCodeAfterWrite(writeError, exitCode);
}

function internalError(error: unknown): void {
  process.stderr.write(`k8s-dryrun: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}

if (isLintWorker()) {
  serveLintRequests();
} else {
  run();
}

function run(): void {
  try {
    const exitCode = main(process.argv.slice(2));
    if (typeof exitCode === 'number') process.exitCode = exitCode;
    else exitCode.then((code) => (process.exitCode = code), internalError);
  } catch (error) {
    internalError(error);
  }
}
