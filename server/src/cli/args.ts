/** Command-line parsing for `k8s-dryrun`, on node:util's parseArgs. */
import { parseArgs as parseFlags, type ParseArgsConfig } from 'node:util';
import { parseDuration, parseKubernetesVersion, parseRfc3339, RFC3339_END_MS, RFC3339_FIRST_MS, RFC3339_RANGE } from '../core';
import { isSupportedLang } from './locale';

export class UsageError extends Error {}

export const USAGE = `Usage:
  k8s-dryrun lint [--format text|json|sarif] [--kube-version 1.37] [--disable rule-id]... [--threads N] <file|dir|->...
  k8s-dryrun cron "<schedule>" [--time-zone <IANA>] [--from <RFC3339>] [--count N] [--format text|json]
  k8s-dryrun simulate <file|-> [--document N | --name NAME] [--scenario <scenario.yaml>] [--format text|json] [--kube-version 1.37] [--at <duration>]

lint      checks Kubernetes Job, CronJob, DaemonSet, Deployment, ReplicaSet and StatefulSet
          manifests with the API server's rules; directories are searched for *.yaml and *.yml files.
cron      checks a CronJob schedule as Kubernetes parses it and lists its next runs
          (default: the next 5 from now, in UTC).
simulate  replays what the controllers would do with a Job, CronJob, DaemonSet, Deployment,
          ReplicaSet or StatefulSet:
          a chart of its pods and the final kubectl get tables (--at 5m: the tables 5 minutes
          into the run), or the timeline as JSON.
Exit codes: 0 ok, 1 error findings or an invalid schedule, 2 usage or I/O error.
A file argument of - reads standard input (helm template . | k8s-dryrun lint -).
--lang zh-CN (or LC_ALL, LC_MESSAGES, LANG such as zh_CN.UTF-8) speaks Simplified Chinese.
k8s-dryrun <command> --help describes one command.`;

/** `k8s-dryrun <command> --help`: what one command does, its options and exit codes. */
export const COMMAND_HELP = {
  lint: `Usage: k8s-dryrun lint [--format text|json|sarif] [--kube-version 1.37] [--disable rule-id]... [--threads N]
                       <file|dir|->...

Checks Kubernetes Job, CronJob, DaemonSet, Deployment, ReplicaSet and StatefulSet manifests
with the API server's rules (what kubectl apply would reject) and the project's advice.
Directories are searched for *.yaml and *.yml files; - reads standard input, so rendered
manifests can be piped in:
  helm template . | k8s-dryrun lint -
  kustomize build | k8s-dryrun lint -
Findings from standard input name the file <stdin>; where a "# Source: path" comment
precedes a document (as helm template prints), they also name that path.

Options:
  --format text|json|sarif  text (default): file:line:col: severity fieldPath: message [rule-id];
                            json: { "findings": [...] } (docs/contracts.md); sarif: SARIF 2.1.0
  --kube-version 1.37       the Kubernetes version whose API server rules apply
  --disable rule-id[,...]   skip these rules (repeatable; the rule table is in the README)
  --threads N               lint on at most N threads (default: one per CPU core; big inputs
                            only, the output is the same); 1 keeps to one thread
  --lang en|zh-CN           the language of advice, notes and the summary (default: from
                            LC_ALL, LC_MESSAGES or LANG); the API server's messages stay English
  -h, --help                this text

Files of any size are read a few documents at a time; a single document over 16 MB is
refused (the API server takes at most 3 MB).

Exit codes: 0 no error findings, 1 error findings, 2 usage or I/O error (other files are still checked).`,
  cron: `Usage: k8s-dryrun cron "<schedule>" [--time-zone <IANA>] [--from <RFC3339>] [--count N] [--format text|json]

Checks a CronJob schedule as Kubernetes parses it, describes it and lists its next runs.

Options:
  --time-zone <IANA>   the CronJob's spec.timeZone, e.g. Europe/Berlin (default: UTC)
  --from <RFC3339>     list runs after this time, e.g. 2026-01-01T00:00:00Z (default: now)
  --count N            how many runs to list, 1 to 1000 (default: 5)
  --format text|json   json: { schedule, timeZone, valid, error?, description, next } (docs/contracts.md)
  --lang en|zh-CN      the language of the description and labels (default: from LC_ALL,
                       LC_MESSAGES or LANG)
  -h, --help           this text

Exit codes: 0 a valid schedule, 1 an invalid schedule or time zone, 2 usage error.`,
  simulate: `Usage: k8s-dryrun simulate <file|-> [--document N | --name NAME] [--scenario <scenario.yaml>]
                           [--format text|json] [--kube-version 1.37] [--at <duration>]

Replays what the controllers would do with one Job, CronJob, DaemonSet, Deployment,
ReplicaSet or StatefulSet: a chart of its pods and the final kubectl get tables, or the
whole timeline as JSON. - reads the manifest from standard input.

Options:
  --document N          the document to simulate, counted from 0 (default: the first
                        Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet)
  --name NAME           the workload (one of those kinds) with this metadata.name
  --scenario <file>     what happens during the run (below); default: every pod runs 30s and succeeds
  --format text|json    json: the timeline (docs/contracts.md)
  --kube-version 1.37   the Kubernetes version whose controllers and API server apply
  --at <duration>       the kubectl tables at this time into the run, e.g. 5m (text only)
  --lang en|zh-CN       the language of explanations and advice (default: from LC_ALL,
                        LC_MESSAGES or LANG); kubectl tables and controller messages stay English
  -h, --help            this text

Scenario file (YAML, one document; all fields optional):
  startTime: 2026-01-01T00:00:00Z    wall clock at the start (schedules and time zones need it)
  until: 2h                          how long to run; the run also stops when the object is finished
  pods:
    default: { startupSeconds: 0, runSeconds: 30, exitCode: 0, readySeconds: 0 }
    outcomes:                        matched in order, by creation order or by index + attempt
      - { pod: 1, runSeconds: 10, exitCode: 1 }
      - { index: 2, attempt: 1, exitCode: 42 }
      - { job: 3, pod: 1, runSeconds: 120 }
      - { revision: 2, ready: false }  or by image / revision (Deployment, StatefulSet, DaemonSet)
    failureRate: 0                   extra random failures (0..1), drawn from seed
  nodes: 3                           a count, or a list of { name, labels, taints, unschedulable, ready }
  events:                            at: a duration into the run, then one of
      - { at: 5m, addNode: { name: node-9 } }   removeNode, setImage, deletePod,
      - { at: 15m, setImage: "fluent/fluentd:v1.4" }   suspend, rollback, controllerDown, patch
      - { at: 30m, delete: true }    kubectl delete <kind>/<name>: the garbage collector deletes its pods
  seed: 42                           for generated names and random failures
  existing: { kind: List, items: [] }   objects that exist at the start (a Deployment's ReplicaSets and
                                     pods, a StatefulSet's pods and claims), as kubectl get rs,pods,pvc
                                     -o yaml prints them
The full format is in docs/contracts.md; examples/*.scenario.yaml are ready to run, e.g.
  k8s-dryrun simulate examples/paral-job.yaml --scenario examples/paral-job.scenario.yaml

Exit codes: 0 simulated, 1 the API server would reject the object, 2 usage, I/O or scenario error.`,
} as const;

export type HelpTopic = keyof typeof COMMAND_HELP;

export interface LintCommand {
  readonly command: 'lint';
  readonly format: 'text' | 'json' | 'sarif';
  readonly kubernetesVersion?: string;
  readonly disabledRules: readonly string[];
  /** --threads: the most threads to lint on, the main one included; undefined: one per core. */
  readonly threads?: number;
  readonly paths: readonly string[];
  /** --lang, as given; the environment decides when absent (cli/locale.ts). */
  readonly lang?: string;
}

export interface CronCommand {
  readonly command: 'cron';
  readonly schedule: string;
  readonly timeZone: string;
  /** Epoch ms; undefined means now. */
  readonly from?: number;
  readonly count: number;
  readonly format: 'text' | 'json';
  readonly lang?: string;
}

export interface SimulateCommand {
  readonly command: 'simulate';
  readonly file: string;
  readonly document?: number;
  readonly name?: string;
  readonly scenario?: string;
  readonly format: 'text' | 'json';
  readonly kubernetesVersion?: string;
  /** --at: the kubectl tables at this many ms into the run instead of when the object finished. */
  readonly atMs?: number;
  readonly lang?: string;
}

export type Command =
  | LintCommand
  | CronCommand
  | SimulateCommand
  /** topic: the command whose help was asked for (`lint --help`); none for `k8s-dryrun --help`. */
  | { readonly command: 'help'; readonly topic?: HelpTopic }
  | { readonly command: 'version' };

/** The most runs `cron --count` lists. */
const MAX_COUNT = 1000;
/** The most threads `lint --threads` starts: far more than any machine gains from. */
const MAX_THREADS = 64;

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (topic in COMMAND_HELP) return { command: 'help', topic: topic as HelpTopic };
    throw new UsageError(`no help for "${topic}": the commands are lint, cron and simulate`);
  }
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'lint') return parseLint(rest);
  if (command === 'cron') return parseCron(rest);
  if (command === 'simulate') return parseSimulate(rest);
  throw new UsageError(`unknown command "${command}"`);
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;
const LANG = { lang: { type: 'string' } } as const;

/** `--lang`: a language the CLI speaks, or a usage error naming them. */
function langFlag(tag: string | undefined): { lang?: string } {
  if (tag === undefined) return {};
  if (!isSupportedLang(tag)) throw new UsageError(`--lang must be en or zh-CN, not "${tag}"`);
  return { lang: tag };
}

function parseLint(args: readonly string[]): Command {
  const { values, positionals } = flags(args, {
    ...HELP,
    ...LANG,
    format: { type: 'string' },
    'kube-version': { type: 'string' },
    disable: { type: 'string', multiple: true },
    threads: { type: 'string' },
  });
  if (values.help) return { command: 'help', topic: 'lint' };
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json', 'sarif'] as const);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (values.threads !== undefined && (!/^\d+$/.test(values.threads) || !(Number(threads) >= 1 && Number(threads) <= MAX_THREADS))) {
    throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, not "${values.threads}"`);
  }
  if (positionals.length === 0) throw new UsageError('lint needs at least one file or directory');
  const disabledRules = (values.disable ?? []).flatMap((list) => list.split(',').map((id) => id.trim()).filter(Boolean));
  return {
    command: 'lint',
    format,
    kubernetesVersion: kubernetesVersionFlag(values['kube-version']),
    disabledRules,
    ...(threads !== undefined ? { threads } : {}),
    paths: positionals,
    ...langFlag(values.lang),
  };
}

/** `--kube-version`, checked here once for every command that takes it. */
function kubernetesVersionFlag(text: string | undefined): string | undefined {
  if (text !== undefined && !parseKubernetesVersion(text)) throw new UsageError(`--kube-version must look like 1.37, not "${text}"`);
  return text;
}

function parseCron(args: readonly string[]): Command {
  const { values, positionals } = flags(args, { ...HELP, ...LANG, 'time-zone': { type: 'string' }, from: { type: 'string' }, count: { type: 'string' }, format: { type: 'string' } });
  if (values.help) return { command: 'help', topic: 'cron' };
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
  return { command: 'cron', schedule: positionals[0], timeZone: values['time-zone'] ?? 'UTC', from, count, format, ...langFlag(values.lang) };
}

function parseSimulate(args: readonly string[]): Command {
  const { values, positionals } = flags(args, {
    ...HELP,
    ...LANG,
    document: { type: 'string' },
    name: { type: 'string' },
    scenario: { type: 'string' },
    format: { type: 'string' },
    'kube-version': { type: 'string' },
    at: { type: 'string' },
  });
  if (values.help) return { command: 'help', topic: 'simulate' };
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
  if (positionals.length !== 1) throw new UsageError('simulate needs exactly one manifest file (- reads standard input)');
  if (values.document !== undefined && values.name !== undefined) throw new UsageError('use --document or --name, not both');
  return {
    command: 'simulate',
    file: positionals[0],
    document: values.document === undefined ? undefined : Number(values.document),
    name: values.name,
    scenario: values.scenario,
    format,
    kubernetesVersion: kubernetesVersionFlag(values['kube-version']),
    ...(atMs !== undefined ? { atMs } : {}),
    ...langFlag(values.lang),
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
