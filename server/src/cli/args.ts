/** Command-line parsing for `k8s-dryrun`, on node:util's parseArgs. */
import { parseArgs as parseFlags, type ParseArgsConfig } from 'node:util';
import { parseDuration, parseRfc3339, RFC3339_END_MS, RFC3339_FIRST_MS, RFC3339_RANGE } from '../core';

export class UsageError extends Error {}

export const USAGE = `Usage:
  k8s-dryrun lint [--format text|json|sarif] [--kube-version 1.37] [--disable rule-id]... <file|dir>...
  k8s-dryrun cron "<schedule>" [--time-zone <IANA>] [--from <RFC3339>] [--count N] [--format text|json]
  k8s-dryrun simulate <file> [--document N | --name NAME] [--scenario <scenario.yaml>] [--format text|json] [--kube-version 1.37] [--at <duration>]

lint      checks Kubernetes Job, CronJob and DaemonSet manifests with the API server's rules;
          directories are searched for *.yaml and *.yml files.
cron      checks a CronJob schedule as Kubernetes parses it and lists its next runs
          (default: the next 5 from now, in UTC).
simulate  replays what the Job, CronJob or DaemonSet controller would do with an object:
          a chart of its pods and the final kubectl get tables (--at 5m: the tables 5 minutes
          into the run), or the timeline as JSON.
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
  /** --at: the kubectl tables at this many ms into the run instead of when the object finished. */
  readonly atMs?: number;
}

export type Command = LintCommand | CronCommand | SimulateCommand | { readonly command: 'help' } | { readonly command: 'version' };

/** The most runs `cron --count` lists. */
const MAX_COUNT = 1000;

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'lint') return parseLint(rest);
  if (command === 'cron') return parseCron(rest);
  if (command === 'simulate') return parseSimulate(rest);
  throw new UsageError(`unknown command "${command}"`);
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

function parseLint(args: readonly string[]): Command {
  const { values, positionals } = flags(args, { ...HELP, format: { type: 'string' }, 'kube-version': { type: 'string' }, disable: { type: 'string', multiple: true } });
  if (values.help) return { command: 'help' };
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json', 'sarif'] as const);
  if (positionals.length === 0) throw new UsageError('lint needs at least one file or directory');
  const disabledRules = (values.disable ?? []).flatMap((list) => list.split(',').map((id) => id.trim()).filter(Boolean));
  return { command: 'lint', format, kubeVersion: values['kube-version'], disabledRules, paths: positionals };
}

function parseCron(args: readonly string[]): Command {
  const { values, positionals } = flags(args, { ...HELP, 'time-zone': { type: 'string' }, from: { type: 'string' }, count: { type: 'string' }, format: { type: 'string' } });
  if (values.help) return { command: 'help' };
  let from: number | undefined;
  if (values.from !== undefined) {
    // RFC 3339: a date, a time and an explicit offset or Z; the seconds may be left out here.
    const withSeconds = values.from.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-])/i, '$1:00');
    const parsed = /^\d{4}-\d{2}-\d{2}T/i.test(withSeconds) ? parseRfc3339(withSeconds) : undefined;
    if (parsed === undefined) throw new UsageError(`--from must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not "${values.from}"`);
    from = parsed;
    // An offset can carry a time into year 10000 (or before year 0), which no RFC 3339 time can name.
    if (from < RFC3339_FIRST_MS || from >= RFC3339_END_MS) throw new UsageError(`--from must be from ${RFC3339_RANGE}, not "${values.from}"`);
  }
  const countText = values.count ?? '5';
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1 || count > MAX_COUNT) throw new UsageError(`--count must be a whole number from 1 to ${MAX_COUNT}, not "${countText}"`);
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json'] as const);
  if (positionals.length !== 1) throw new UsageError('cron needs exactly one schedule, quoted: k8s-dryrun cron "*/15 * * * *"');
  return { command: 'cron', schedule: positionals[0], timeZone: values['time-zone'] ?? 'UTC', from, count, format };
}

function parseSimulate(args: readonly string[]): Command {
  const { values, positionals } = flags(args, {
    ...HELP,
    document: { type: 'string' },
    name: { type: 'string' },
    scenario: { type: 'string' },
    format: { type: 'string' },
    'kube-version': { type: 'string' },
    at: { type: 'string' },
  });
  if (values.help) return { command: 'help' };
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json'] as const);
  let atMs: number | undefined;
  if (values.at !== undefined) {
    const parsed = parseDuration(values.at);
    if ('error' in parsed) throw new UsageError(`--at ${parsed.error}`);
    if (format === 'json') throw new UsageError('--at picks the time of the kubectl tables in the text output; --format json prints the whole timeline');
    atMs = parsed.ms;
  }
  if (values.document !== undefined && !/^\d+$/.test(values.document)) {
    throw new UsageError(`--document must be a document number counted from 0, not "${values.document}"`);
  }
  if (positionals.length !== 1) throw new UsageError('simulate needs exactly one manifest file');
  if (values.document !== undefined && values.name !== undefined) throw new UsageError('use --document or --name, not both');
  return {
    command: 'simulate',
    file: positionals[0],
    document: values.document === undefined ? undefined : Number(values.document),
    name: values.name,
    scenario: values.scenario,
    format,
    kubeVersion: values['kube-version'],
    ...(atMs !== undefined ? { atMs } : {}),
  };
}

/** node:util parseArgs, with its errors turned into usage errors. */
function flags<T extends ParseArgsConfig['options']>(args: readonly string[], options: T) {
  try {
    return parseFlags({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${value}"`);
  }
  return value as T;
}
