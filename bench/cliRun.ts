/**
 * `k8s-dryrun lint --format json FILE` as a user runs it: a whole process (start, read, lint on as many threads
 * as it chooses, print), timed from spawn to exit. Its CPU time is read from this process's children's time
 * (cutime + cstime in /proc/self/stat, which counts a child once it is waited for, its threads included).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CliRun {
  readonly wallMs: number;
  /** User + system time of the CLI process and its worker threads; NaN where /proc is not available. */
  readonly cpuMs: number;
  readonly findings: number;
}

/** CPU time of the waited-for children so far, in ms (clock ticks of 10 ms). */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

export function runCliLint(cli: string, file: string): CliRun {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const cpuMs = childrenCpuMs() - cpuBefore;
  // Exit code 1 only says that errors were found, which the generated files have on purpose.
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`k8s-dryrun lint ${file} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}): ${String(result.stderr).trim().slice(-300)}`);
  }
  const findings = (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length;
  return { wallMs, cpuMs, findings };
}
