/** Command-line parsing for `k8s-dryrun`: small enough not to need a library. */

export class UsageError extends Error {}

export const USAGE = `Usage:
  k8s-dryrun lint [--format text|json|sarif] [--kube-version 1.37] <file|dir>...

Checks Kubernetes Job, CronJob and DaemonSet manifests with the API server's rules.
Directories are searched for *.yaml and *.yml files.
Exit codes: 0 no errors, 1 error findings, 2 usage or I/O error.`;

export interface LintCommand {
  readonly command: 'lint';
  readonly format: 'text' | 'json' | 'sarif';
  readonly kubeVersion?: string;
  readonly paths: readonly string[];
}

export type Command = LintCommand | { readonly command: 'help' } | { readonly command: 'version' };

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"`);
  let format: LintCommand['format'] = 'text';
  let kubeVersion: string | undefined;
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
    } else if (flag === '--help' || flag === '-h') {
      return { command: 'help' };
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      paths.push(rest[i]);
    }
  }
  if (paths.length === 0) throw new UsageError('lint needs at least one file or directory');
  return { command: 'lint', format, kubeVersion, paths };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
