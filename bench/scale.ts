/**
 * Speed at scale on realistic generated files (seed 42: 10 / 100 / 1,000 / 5,000 documents): the `yaml`
 * package's parseAllDocuments of the file is the baseline, measured in the same run; against it, the core's
 * lint in this process, the `k8s-dryrun lint` CLI as a process, and the language server driven over stdio
 * (open → diagnostics, one-character edit → diagnostics, peak memory). Targets are the issue's, on the sizes
 * it sets them for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/core';
import { runCliLint, type CliRun } from './cliRun';
import { benchLanguageServer, type LspBenchResult } from './lspDriver';
import { generateManifests, truthJson } from './manifestGenerator';
import { formatCount, formatMs, median, type Row } from './table';

export const SEED = 42;

interface SizePlan {
  /** Interleaved parse and lint repetitions in this process (the median is reported). */
  readonly repeats: number;
  /** Runs of the CLI process. */
  readonly cliRuns: number;
  /** Fresh language servers, each opening the file once. */
  readonly serverRuns: number;
  /** Edits per server, and the time after which it stops editing (at least two edits are timed). */
  readonly edits: number;
  readonly editBudgetMs: number;
}

/** Edits written back to back after the timed ones, as fast typing sends them. */
const BURST = 10;

const PLANS: Record<number, SizePlan> = {
  10: { repeats: 21, cliRuns: 3, serverRuns: 3, edits: 20, editBudgetMs: 10_000 },
  100: { repeats: 11, cliRuns: 3, serverRuns: 3, edits: 20, editBudgetMs: 15_000 },
  1000: { repeats: 3, cliRuns: 3, serverRuns: 2, edits: 20, editBudgetMs: 30_000 },
  5000: { repeats: 1, cliRuns: 1, serverRuns: 1, edits: 10, editBudgetMs: 60_000 },
};
const OTHER_SIZES: SizePlan = { repeats: 1, cliRuns: 1, serverRuns: 1, edits: 10, editBudgetMs: 60_000 };

/** The issue's targets, by file size. */
interface Targets {
  readonly lintRatio?: number;
  readonly openRatio?: number;
  /** Edit → diagnostics as a fraction of the whole file's parse. */
  readonly editFraction?: number;
  readonly peakMB?: number;
}
const TARGETS: Record<number, Targets> = {
  1000: { lintRatio: 1.3, openRatio: 1.3, editFraction: 0.02, peakMB: 400 },
  5000: { lintRatio: 1.3, editFraction: 0.01, peakMB: 1200 },
};

export interface ScaleOptions {
  readonly sizes: readonly number[];
  /** Where the generated files are written (git-ignored). */
  readonly manifestsDir: string;
  /** The built language server (dist/server.js) and CLI (dist/cli.js). */
  readonly server: string;
  readonly cli: string;
  /** Progress for the person waiting (stderr), not part of the table. */
  readonly progress: (message: string) => void;
}

export interface ScaleResult {
  readonly rows: Row[];
  /** Named figures for last-results.json. */
  readonly figures: Record<string, number>;
}

/** One file size being measured: what its rows are called and what they are held to. */
interface Size {
  /** "1,000 docs", the rows' prefix. */
  readonly label: string;
  /** "scale1000", the figures' prefix in last-results.json. */
  readonly key: string;
  readonly plan: SizePlan;
  readonly targets: Targets;
}

/** Where the rows and figures go. */
interface Sheet {
  readonly rows: Row[];
  readonly figures: Record<string, number>;
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** The baseline of one file: its parse by the `yaml` package (median wall-clock and CPU milliseconds). */
interface Baseline {
  readonly ms: number;
  readonly cpuMs: number;
  /** How the baseline column shows it. */
  readonly text: string;
}

/** Wall-clock and CPU milliseconds of `fn` (CPU: this process's user + system time, steadier on a shared machine). */
function time(fn: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const ratio = (value: number, base: number): string => `${(value / base).toFixed(2)}×`;

/** `cpuRatio`: the same ratio of CPU times (NaN where it could not be measured). */
function ratioTarget(value: number, limit: number | undefined, cpuRatio: number): Pick<Row, 'target' | 'met' | 'metOnCpu'> {
  if (limit === undefined) return {};
  return { target: `≤ ${limit}× parse`, met: value <= limit, ...(Number.isFinite(cpuRatio) ? { metOnCpu: cpuRatio <= limit } : {}) };
}

export async function benchScale(options: ScaleOptions): Promise<ScaleResult> {
  const sheet: Sheet = { rows: [], figures: {} };
  mkdirSync(options.manifestsDir, { recursive: true });

  // Warm both paths up once, so the smallest file is not measured on a cold JIT.
  const warm = generateManifests(100, SEED).text;
  for (let i = 0; i < 3; i++) {
    parseAllDocuments(warm);
    lint(warm);
  }

  for (const docs of options.sizes) {
    const plan = PLANS[docs] ?? OTHER_SIZES;
    const size: Size = { label: `${formatCount(docs)} docs`, key: `scale${docs}`, plan, targets: TARGETS[docs] ?? {} };
    const generated = generateManifests(docs, SEED);
    const file = join(options.manifestsDir, `manifests-${docs}.yaml`);
    writeFileSync(file, generated.text);
    writeFileSync(join(options.manifestsDir, `manifests-${docs}.truth.json`), truthJson(generated, docs, SEED));
    const megabytes = Buffer.byteLength(generated.text) / 1e6;
    const about = `${formatCount(generated.lines)} lines, ${megabytes.toFixed(1)} MB`;
    options.progress(`${size.label} (${about}): yaml parse and lint, ${plan.repeats}×`);

    const baseline = parseAndLint(generated.text, about, size, sheet);
    options.progress(`${size.label}: k8s-dryrun lint, ${plan.cliRuns}×`);
    cliRows(options.cli, file, baseline, size, sheet);
    await serverRows(options, pathToFileURL(file).href, generated.text, baseline, size, sheet);
  }
  return sheet;
}

/** The parse (the baseline) and the core's lint, interleaved in this process; returns the baseline. */
function parseAndLint(text: string, about: string, { label, key, plan }: Size, { rows, figures }: Sheet): Baseline {
  const parseTimes: Timing[] = [];
  const lintTimes: Timing[] = [];
  let findings = 0;
  for (let i = 0; i < plan.repeats; i++) {
    parseTimes.push(time(() => parseAllDocuments(text)));
    lintTimes.push(time(() => (findings = lint(text).findings.length)));
  }
  const parse = { wall: median(parseTimes.map((t) => t.wall)), cpu: median(parseTimes.map((t) => t.cpu)) };
  const linted = { wall: median(lintTimes.map((t) => t.wall)), cpu: median(lintTimes.map((t) => t.cpu)) };
  figures[`${key}.parseMillis`] = parse.wall;
  figures[`${key}.coreLintRatioToYamlParse`] = linted.wall / parse.wall;
  rows.push({
    measure: `${label}: yaml parseAllDocuments`,
    value: formatMs(parse.wall),
    note: `${about}; CPU ${formatMs(parse.cpu)}; median of ${plan.repeats}`,
  });
  rows.push({
    measure: `${label}: lint, core in process`,
    value: formatMs(linted.wall),
    baseline: `yaml parse ${formatMs(parse.wall)}`,
    ratio: ratio(linted.wall, parse.wall),
    note: `one thread; ${formatCount(findings)} findings; CPU ${formatMs(linted.cpu)} (${ratio(linted.cpu, parse.cpu)} parse CPU); median of ${plan.repeats}`,
  });
  // The lint target is the CLI's (next row); this ratio says how much of it the CLI's threads have to win.
  return { ms: parse.wall, cpuMs: parse.cpu, text: `yaml parse ${formatMs(parse.wall)}` };
}

/** `k8s-dryrun lint --format json FILE`, the whole process. */
function cliRows(cli: string, file: string, baseline: Baseline, { label, key, plan, targets }: Size, { rows, figures }: Sheet): void {
  const runs: CliRun[] = [];
  try {
    for (let i = 0; i < plan.cliRuns; i++) runs.push(runCliLint(cli, file));
  } catch (error) {
    rows.push({ measure: `${label}: k8s-dryrun lint (CLI)`, value: 'failed', note: error instanceof Error ? error.message : String(error) });
    return;
  }
  const wall = median(runs.map((r) => r.wallMs));
  const cpu = median(runs.map((r) => r.cpuMs));
  figures[`${key}.cliLintRatioToYamlParse`] = wall / baseline.ms;
  rows.push({
    measure: `${label}: k8s-dryrun lint (CLI)`,
    value: formatMs(wall),
    baseline: baseline.text,
    ratio: ratio(wall, baseline.ms),
    // CPU time over all threads is no measure of the wall-clock target when several threads lint.
    ...ratioTarget(wall / baseline.ms, targets.lintRatio, NaN),
    note: `whole process, --format json; CPU ${formatMs(cpu)} (all threads); median of ${runs.length}`,
  });
}

/** Fresh language servers over stdio: open, edits, peak memory. */
async function serverRows(options: ScaleOptions, uri: string, text: string, baseline: Baseline, { label, key, plan, targets }: Size, { rows, figures }: Sheet): Promise<void> {
  const runs: LspBenchResult[] = [];
  let failure: string | undefined;
  for (let run = 0; run < plan.serverRuns && !failure; run++) {
    options.progress(`${label}: language server, run ${run + 1} of ${plan.serverRuns}`);
    try {
      runs.push(await benchLanguageServer(uri, text, { server: options.server, edits: plan.edits, editBudgetMs: plan.editBudgetMs, burst: BURST, timeoutMs: 300_000 }));
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  if (runs.length === 0) {
    rows.push({ measure: `${label}: language server`, value: 'failed', note: failure });
    return;
  }
  const openMs = median(runs.map((r) => r.openMs));
  const openCpuMs = median(runs.map((r) => r.openCpuMs));
  const editTimes = runs.flatMap((r) => r.editMs);
  const editMs = median(editTimes);
  const editCpuMs = median(runs.flatMap((r) => r.editCpuMs));
  const peakMB = Math.max(...runs.map((r) => r.peakRssMB));
  const servers = runs.length === 1 ? '1 server' : `${runs.length} servers`;
  figures[`${key}.openRatioToYamlParse`] = openMs / baseline.ms;
  figures[`${key}.editPercentOfYamlParse`] = (editMs / baseline.ms) * 100;
  figures[`${key}.peakServerMB`] = peakMB;
  rows.push({
    measure: `${label}: LSP open → diagnostics`,
    value: formatMs(openMs),
    baseline: baseline.text,
    ratio: ratio(openMs, baseline.ms),
    ...ratioTarget(openMs / baseline.ms, targets.openRatio, openCpuMs / baseline.cpuMs),
    note: `server CPU ${formatMs(openCpuMs)} (${ratio(openCpuMs, baseline.cpuMs)} parse CPU); ${formatCount(runs[0].diagnostics)} diagnostics; ${servers}`,
  });
  const percent = (editMs / baseline.ms) * 100;
  const fraction = targets.editFraction;
  rows.push({
    measure: `${label}: LSP edit → diagnostics`,
    value: formatMs(editMs),
    baseline: baseline.text,
    ratio: `${percent < 10 ? percent.toFixed(2) : percent.toFixed(0)}%`,
    ...(fraction === undefined
      ? {}
      : {
          target: `≤ ${fraction * 100}% of parse (${formatMs(fraction * baseline.ms)})`,
          met: editMs <= fraction * baseline.ms,
          ...(Number.isFinite(editCpuMs) ? { metOnCpu: editCpuMs <= fraction * baseline.cpuMs } : {}),
        }),
    note: `server CPU ${formatMs(editCpuMs)}; ${editTimes.length} edits on line ${formatCount(runs[0].editLine + 1)}, ${servers}`,
  });
  const bursts = runs.flatMap((r) => (r.burstMs === undefined ? [] : [r.burstMs]));
  if (bursts.length > 0) {
    const burstMs = median(bursts);
    figures[`${key}.burstRatioToEdit`] = burstMs / editMs;
    rows.push({
      measure: `${label}: LSP ${BURST} edits in a burst → diagnostics`,
      value: formatMs(burstMs),
      baseline: `one edit ${formatMs(editMs)}`,
      ratio: ratio(burstMs, editMs),
      note: `from the last of ${BURST} edits written back to back to the diagnostics of its version (no backlog: about 1×); server CPU ${formatMs(median(runs.map((r) => r.burstCpuMs ?? NaN)))} for the burst; ${servers}`,
    });
  }
  rows.push({
    measure: `${label}: LSP server peak memory`,
    value: Number.isFinite(peakMB) ? `${formatCount(peakMB)} MB` : 'n/a',
    ...(targets.peakMB === undefined ? {} : { target: `≤ ${formatCount(targets.peakMB)} MB`, ...(Number.isFinite(peakMB) ? { met: peakMB <= targets.peakMB } : {}) }),
    note: `VmHWM of the server process${failure ? `; a later server failed: ${failure}` : ''}`,
  });
  const stderr = runs.find((r) => r.stderr)?.stderr;
  if (stderr) options.progress(`${label}: the server wrote to stderr: ${stderr}`);
}
