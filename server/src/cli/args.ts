/** Command-line parsing for `k8s-dryrun`: small enough not to need a library. */

export class UsageError extends Error {}

export const USAGE = `Usage:
  k8s-dryrun lint [--format text|json|sarif] [--kube-version 1.37] [--disable rule-id]... <file|dir>...
  k8s-dryrun cron "<schedule>" [--time-zone <IANA>] [--from <RFC3339>] [--count N] [--format text|json]
  k8s-dryrun simulate <file> [--document N | --name NAME] [--scenario <scenario.yaml>] [--format text|json] [--kube-version 1.37]

lint  checks Kubernetes Job, CronJob and DaemonSet manifests with the API server's rules;
      directories are searched for *.yaml and *.yml files.
cron      checks a CronJob schedule as Kubernetes parses it and lists its next runs
          (default: the next 5 from now, in UTC).
simulate  replays what the Job, CronJob or DaemonSet controller would do with an object:
          a chart of its pods and the final kubectl get tables, or the timeline as JSON.
Exit codes: 0 ok, 1 error findings or an invalid schedule, 2 usage or I/O error.`;

export interface LintCommand {
  readonly command: 'lint';
  readonly format: 'text' | 'json' | 'sarif';
  readonly kubeVersion?: string;
  readonly disabledRules: readonly string[];
  readonly paths: readonly string[];
}

export interface CronCommand {
  readonly command: 'cron';
  readonly schedule: string;
  readonly timeZone: string;
  /** Epoch ms; undefined means now. */
  readonly from?: number;
  readonly count: number;
  readonly format: 'text' | 'json';
}

export interface SimulateCommand {
  readonly command: 'simulate';
  readonly file: string;
  readonly document?: number;
  readonly name?: string;
  readonly scenario?: string;
  readonly format: 'text' | 'json';
  readonly kubeVersion?: string;
}

export type Command = LintCommand | CronCommand | SimulateCommand | { readonly command: 'help' } | { readonly command: 'version' };

/** The most runs `cron --count` lists. */
const MAX_COUNT = 1000;

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'cron') return parseCron(rest);
  if (command === 'simulate') return parseSimulate(rest);
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"`);
  let format: LintCommand['format'] = 'text';
  let kubeVersion: string | undefined;
  const disabledRules: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = splitFlag(rest[i]);
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--format') {
      const chosen = value();
      if (chosen !== 'text' && chosen !== 'json' && chosen !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${chosen}"`);
      format = chosen;
    } else if (flag === '--kube-version') {
      kubeVersion = value();
    } else if (flag === '--disable') {
      disabledRules.push(...value().split(',').map((id) => id.trim()).filter(Boolean));
    } else if (flag === '--help' || flag === '-h') {
      return { command: 'help' };
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      paths.push(rest[i]);
    }
  }
  if (paths.length === 0) throw new UsageError('lint needs at least one file or directory');
  return { command: 'lint', format, kubeVersion, disabledRules, paths };
}

function parseCron(args: readonly string[]): Command {
  let timeZone = 'UTC';
  let from: number | undefined;
  let count = 5;
  let format: CronCommand['format'] = 'text';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = splitFlag(args[i]);
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--time-zone') timeZone = value();
    else if (flag === '--from') {
      const text = value();
      // RFC 3339: a date, a time and an explicit offset or Z.
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text) || Number.isNaN(Date.parse(text))) {
        throw new UsageError(`--from must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not "${text}"`);
      }
      from = Date.parse(text);
    } else if (flag === '--count') {
      const text = value();
      count = Number(text);
      if (!/^\d+$/.test(text) || count < 1 || count > MAX_COUNT) throw new UsageError(`--count must be a whole number from 1 to ${MAX_COUNT}, not "${text}"`);
    } else if (flag === '--format') {
      const chosen = value();
      if (chosen !== 'text' && chosen !== 'json') throw new UsageError(`--format must be text or json, not "${chosen}"`);
      format = chosen;
    } else if (flag === '--help' || flag === '-h') return { command: 'help' };
    else if (flag.startsWith('--')) throw new UsageError(`unknown option "${flag}"`);
    else positional.push(args[i]);
  }
  if (positional.length !== 1) throw new UsageError('cron needs exactly one schedule, quoted: k8s-dryrun cron "*/15 * * * *"');
  return { command: 'cron', schedule: positional[0], timeZone, from, count, format };
}

function parseSimulate(args: readonly string[]): Command {
  let document: number | undefined;
  let name: string | undefined;
  let scenario: string | undefined;
  let kubeVersion: string | undefined;
  let format: SimulateCommand['format'] = 'text';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = splitFlag(args[i]);
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--document') {
      const text = value();
      if (!/^\d+$/.test(text)) throw new UsageError(`--document must be a document number counted from 0, not "${text}"`);
      document = Number(text);
    } else if (flag === '--name') name = value();
    else if (flag === '--scenario') scenario = value();
    else if (flag === '--kube-version') kubeVersion = value();
    else if (flag === '--format') {
      const chosen = value();
      if (chosen !== 'text' && chosen !== 'json') throw new UsageError(`--format must be text or json, not "${chosen}"`);
      format = chosen;
    } else if (flag === '--help' || flag === '-h') return { command: 'help' };
    else if (flag.startsWith('--')) throw new UsageError(`unknown option "${flag}"`);
    else positional.push(args[i]);
  }
  if (positional.length !== 1) throw new UsageError('simulate needs exactly one manifest file');
  if (document !== undefined && name !== undefined) throw new UsageError('use --document or --name, not both');
  return { command: 'simulate', file: positional[0], document, name, scenario, format, kubeVersion };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
