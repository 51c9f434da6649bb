// The CLI (dist/cli.js) as the UI tests' reference: what the preview shows must match what `k8s-dryrun
// simulate` prints for the same manifest and scenario.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from './codeServer';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** `k8s-dryrun simulate <args>`'s standard output; throws with its stderr when it cannot run. */
export function simulate(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [CLI, 'simulate', ...args], { encoding: 'utf8', cwd: REPO_ROOT, timeout: 60000 });
  if (run.error) throw run.error;
  // exit 1 means "the object is invalid" and still prints; 2 is a usage or I/O error
  if (run.status === 2 || run.status === null) throw new Error(`k8s-dryrun simulate ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** A pod of the Timeline JSON, the fields the tests read. */
export interface TimelinePod {
  readonly name: string;
  readonly node?: string | null;
  readonly revision?: number | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  readonly phase: string;
}

export interface TimelineJson {
  readonly pods: readonly TimelinePod[];
  readonly nodes?: readonly { readonly name: string }[];
  readonly markers?: readonly { readonly at: number; readonly kind: string; readonly count?: number }[];
  readonly conditions?: readonly { readonly type: string; readonly reason?: string; readonly at: number }[];
}

/** `simulate --format json`: the Timeline of a manifest (examples/ path) with a scenario. */
export function timelineOf(manifest: string, scenario?: string): TimelineJson {
  const args = [manifest, '--format', 'json'];
  if (scenario) args.push('--scenario', scenario);
  return JSON.parse(simulate(args)) as TimelineJson;
}

/**
 * The tables the text output prints after the chart: `$ kubectl get pods` then its lines up to a blank line.
 * Keyed by the command, lines without trailing blanks.
 */
export function kubectlTables(text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const command = /^\$ (kubectl .*)$/.exec(line);
    if (command) {
      current = [];
      tables.set(command[1], current);
    } else if (line === '') {
      current = undefined;
    } else if (current) {
      current.push(line);
    }
  }
  return tables;
}

/** A table as the preview shows it, in the same shape: its lines without trailing blanks, no command line. */
export function tableLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line !== '' && !line.startsWith('$ '));
}
