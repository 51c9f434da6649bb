/**
 * Speed at scale on realistic generated files (seed 42: 10 / 100 / 1,000 / 5,000 documents): the `yaml`
 * package's parseAllDocuments of the file is the baseline, measured in the same run; against it, the lint
 * the CLI runs (in this process) and the language server driven over stdio (open → diagnostics,
 * one-character edit → diagnostics, peak memory). Targets are the issue's, on the sizes it sets them for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/core';
import { benchLanguageServer, type LspBenchResult } from './lspDriver';
import { generateManifests, truthJson } from './manifestGenerator';
import { formatCount, formatMs, median, type Row } from './table';

export const SEED = 42;

interface SizePlan {
  /** Interleaved parse and lint repetitions in this process (the median is reported). */
  readonly repeats: number;
  /** Fresh language servers, each opening the file once. */
  readonly serverRuns: number;
  /** Edits per server, and the time after which it stops editing (at least two edits are timed). */
  readonly edits: number;
  readonly editBudgetMs: number;
}

const PLANS: Record<number, SizePlan> = {
  10: { repeats: 21, serverRuns: 3, edits: 20, editBudgetMs: 10_000 },
  100: { repeats: 11, serverRuns: 3, edits: 20, editBudgetMs: 15_000 },
  1000: { repeats: 3, serverRuns: 2, edits: 20, editBudgetMs: 30_000 },
  5000: { repeats: 1, serverRuns: 1, edits: 10, editBudgetMs: 60_000 },
};
const OTHER_SIZES: SizePlan = { repeats: 1, serverRuns: 1, edits: 10, editBudgetMs: 60_000 };

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
  /** The built language server (dist/server.js). */
  readonly server: string;
  /** Progress for the person waiting (stderr), not part of the table. */
  readonly progress: (message: string) => void;
}

export interface ScaleResult {
  readonly rows: Row[];
  /** Named figures for last-results.json. */
  readonly figures: Record<string, number>;
}

/** Wall-clock and CPU milliseconds of `fn` (CPU: this process's user + system time, steadier on a shared machine). */
const time = (fn: () => unknown): { wall: number; cpu: number } => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
};

export async function benchScale(options: ScaleOptions): Promise<ScaleResult> {
  const rows: Row[] = [];
  const figures: Record<string, number> = {};
  mkdirSync(options.manifestsDir, { recursive: true });

  // Warm both paths up once, so the smallest file is not measured on a cold JIT.
  const warm = generateManifests(100, SEED).text;
  for (let i = 0; i < 3; i++) {
    parseAllDocuments(warm);
    lint(warm);
  }

  for (const docs of options.sizes) {
    const plan = PLANS[docs] ?? OTHER_SIZES;
    const targets = TARGETS[docs] ?? {};
    const generated = generateManifests(docs, SEED);
    const { text } = generated;
    const file = join(options.manifestsDir, `manifests-${docs}.yaml`);
    writeFileSync(file, text);
    writeFileSync(join(options.manifestsDir, `manifests-${docs}.truth.json`), truthJson(generated, docs, SEED));
    const size = `${formatCount(docs)} docs`;
    const megabytes = Buffer.byteLength(text) / 1e6;
    options.progress(`${size} (${formatCount(generated.lines)} lines, ${megabytes.toFixed(1)} MB): yaml parse and lint, ${plan.repeats}×`);

    const parseTimes: { wall: number; cpu: number }[] = [];
    const lintTimes: { wall: number; cpu: number }[] = [];
    let findings = 0;
    for (let i = 0; i < plan.repeats; i++) {
      parseTimes.push(time(() => parseAllDocuments(text)));
      lintTimes.push(time(() => (findings = lint(text).findings.length)));
    }
    const parseMs = median(parseTimes.map((t) => t.wall));
    const parseCpuMs = median(parseTimes.map((t) => t.cpu));
    const lintMs = median(lintTimes.map((t) => t.wall));
    const lintCpuMs = median(lintTimes.map((t) => t.cpu));
    const parseBaseline = `yaml parse ${formatMs(parseMs)}`;
    figures[`scale${docs}.parseMillis`] = parseMs;
    figures[`scale${docs}.lintRatioToYamlParse`] = lintMs / parseMs;
    rows.push({
      measure: `${size}: yaml parseAllDocuments`,
      value: formatMs(parseMs),
      note: `the baseline: ${formatCount(generated.lines)} lines, ${megabytes.toFixed(1)} MB; CPU ${formatMs(parseCpuMs)}; median of ${plan.repeats}`,
    });
    rows.push({
      measure: `${size}: lint (the CLI's core)`,
      value: formatMs(lintMs),
      baseline: parseBaseline,
      ratio: `${(lintMs / parseMs).toFixed(2)}×`,
      ...ratioTarget(lintMs / parseMs, targets.lintRatio, lintCpuMs / parseCpuMs),
      note: `${formatCount(findings)} findings; CPU ${formatMs(lintCpuMs)} (${(lintCpuMs / parseCpuMs).toFixed(2)}× parse CPU); median of ${plan.repeats}`,
    });

    const runs: LspBenchResult[] = [];
    let failure: string | undefined;
    for (let run = 0; run < plan.serverRuns && !failure; run++) {
      options.progress(`${size}: language server, run ${run + 1} of ${plan.serverRuns}`);
      try {
        runs.push(
          await benchLanguageServer(pathToFileURL(file).href, text, { server: options.server, edits: plan.edits, editBudgetMs: plan.editBudgetMs, timeoutMs: 300_000 }),
        );
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    if (runs.length === 0) {
      rows.push({ measure: `${size}: language server`, value: 'failed', note: failure });
      continue;
    }
    const openMs = median(runs.map((r) => r.openMs));
    const openCpuMs = median(runs.map((r) => r.openCpuMs));
    const editTimes = runs.flatMap((r) => r.editMs);
    const editMs = median(editTimes);
    const editCpuMs = median(runs.flatMap((r) => r.editCpuMs));
    const peakMB = Math.max(...runs.map((r) => r.peakRssMB));
    const servers = runs.length === 1 ? '1 server' : `${runs.length} servers`;
    figures[`scale${docs}.openRatioToYamlParse`] = openMs / parseMs;
    figures[`scale${docs}.editPercentOfYamlParse`] = (editMs / parseMs) * 100;
    figures[`scale${docs}.peakServerMB`] = peakMB;
    rows.push({
      measure: `${size}: LSP open → diagnostics`,
      value: formatMs(openMs),
      baseline: parseBaseline,
      ratio: `${(openMs / parseMs).toFixed(2)}×`,
      ...ratioTarget(openMs / parseMs, targets.openRatio, openCpuMs / parseCpuMs),
      note: `server CPU ${formatMs(openCpuMs)} (${(openCpuMs / parseCpuMs).toFixed(2)}× parse CPU); ${formatCount(runs[0].diagnostics)} diagnostics; median of ${servers}`,
    });
    const percent = (editMs / parseMs) * 100;
    rows.push({
      measure: `${size}: LSP edit → diagnostics`,
      value: formatMs(editMs),
      baseline: parseBaseline,
      ratio: `${percent < 10 ? percent.toFixed(2) : percent.toFixed(0)}%`,
      ...(targets.editFraction === undefined
        ? {}
        : {
            target: `≤ ${targets.editFraction * 100}% of parse (${formatMs(targets.editFraction * parseMs)})`,
            met: editMs <= targets.editFraction * parseMs,
            ...(Number.isFinite(editCpuMs) ? { metOnCpu: editCpuMs <= targets.editFraction * parseCpuMs } : {}),
          }),
      note: `server CPU ${formatMs(editCpuMs)}; median of ${editTimes.length} one-character edits (line ${runs[0].editLine + 1}), ${servers}`,
    });
    rows.push({
      measure: `${size}: LSP server peak memory`,
      value: Number.isFinite(peakMB) ? `${formatCount(peakMB)} MB` : 'n/a',
      ...(targets.peakMB === undefined ? {} : { target: `≤ ${formatCount(targets.peakMB)} MB`, ...(Number.isFinite(peakMB) ? { met: peakMB <= targets.peakMB } : {}) }),
      note: `VmHWM of the server process (resident, peak)${failure ? `; a later server failed: ${failure}` : ''}`,
    });
    const stderr = runs.find((r) => r.stderr)?.stderr;
    if (stderr) options.progress(`${size}: the server wrote to stderr: ${stderr}`);
  }
  return { rows, figures };
}

/** `cpuRatio`: the same ratio of CPU times (NaN where /proc is not available). */
function ratioTarget(ratio: number, limit: number | undefined, cpuRatio: number): Pick<Row, 'target' | 'met' | 'metOnCpu'> {
  if (limit === undefined) return {};
  return { target: `≤ ${limit}× parse`, met: ratio <= limit, ...(Number.isFinite(cpuRatio) ? { metOnCpu: cpuRatio <= limit } : {}) };
}
