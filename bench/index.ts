/**
 * `npm run bench`: every benchmark, each with its baseline measured in the same run, printed as one table
 * (bench/README.md says what each row measures). Progress goes to stderr; the table to stdout.
 * BENCH_SIZES=10,100,1000 leaves out the 5,000-document file (about 1.5 minutes); BENCH_CRONJOB_DAYS=365 adds the full year.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { queueBaselineMillis } from './baseline';
import { benchCronJob, benchCronJobDecisions, benchCronJobPodBound, timelineFloor } from './cronjob';
import { benchChartRender } from './chartRender';
import { benchDaemonSet, benchDaemonSetManyPods } from './daemonset';
import { benchDeployment } from './deployment';
import { benchJob } from './job';
import { bigMapBench, lintBench } from './lint';
import { benchScale } from './scale';
import { benchStatefulSet } from './statefulset';
import { formatMs, renderTable, type Row } from './table';
import { benchZoneOffsets } from './zoneOffset';

/** out/bench/ once bundled: results and generated files stay out of the repository. */
const RESULTS = resolve(__dirname, 'last-results.json');
const MANIFESTS = resolve(__dirname, 'manifests');
const SERVER = resolve(__dirname, '../../dist/server.js');
const CLI = resolve(__dirname, '../../dist/cli.js');
const DEFAULT_SIZES = [10, 100, 1000, 5000];

type Figures = Record<string, number>;

function sizes(): number[] {
  const text = process.env.BENCH_SIZES;
  if (!text) return DEFAULT_SIZES;
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must list document counts such as 10,100,1000,5000, not "${text}"`);
  return values;
}

const SECTIONS = ['scale', 'lint', 'zones', 'job', 'cronjob', 'daemonset', 'deployment', 'statefulset', 'chart'];
/** BENCH_ONLY=scale,cronjob runs only those sections (while working on one of them). */
function wanted(section: string): boolean {
  const only = process.env.BENCH_ONLY;
  if (!only) return true;
  const listed = only.split(',').map((s) => s.trim());
  const unknown = listed.filter((s) => !SECTIONS.includes(s));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: no section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
  return listed.includes(section);
}

async function main(): Promise<void> {
  const started = performance.now();
  const previous: Figures = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const figures: Figures = {};
  const rows: Row[] = [];
  const progress = (message: string): void => {
    process.stderr.write(`bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s: ${message}\n`);
  };
  const sinceLast = (name: string, value: number): string => {
    const before = previous[name];
    return before ? `${(value / before).toFixed(2)}× the previous run` : '';
  };
  /** A figure kept under `name` in last-results.json; `target`: the limit it must not exceed. */
  const report: Report = (name, value, unit, note, more = {}) => {
    figures[name] = value;
    const shown = `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 0 })} ${unit}`;
    rows.push({
      measure: name,
      value: shown,
      ...(more.baseline ? { baseline: more.baseline, ratio: more.ratio } : {}),
      ...(more.limit !== undefined ? { target: more.target, met: value <= more.limit } : {}),
      ...(more.limit !== undefined && more.cpu !== undefined ? { metOnCpu: more.cpu <= more.limit } : {}),
      note: [note, sinceLast(name, value)].filter(Boolean).join('; '),
    });
  };

  // First, on a fresh heap: the generated files, the lint and the language server against the yaml parse.
  if (wanted('scale')) {
    for (const built of [SERVER, CLI]) if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm run bench does)`);
    const scale = await benchScale({ sizes: sizes(), manifestsDir: MANIFESTS, server: SERVER, cli: CLI, progress });
    rows.push(...scale.rows);
    for (const [name, value] of Object.entries(scale.figures)) figures[name] = value;
  }

  if (wanted('lint')) benchLint(report, progress);
  if (wanted('zones')) benchZones(report, progress);
  if (wanted('job')) benchJobs(report, progress);
  if (wanted('cronjob')) benchCronJobs(report, progress);
  if (wanted('daemonset')) benchDaemonSets(report, progress);
  if (wanted('deployment')) benchDeployments(report, progress);
  if (wanted('statefulset')) benchStatefulSets(report, progress);
  if (wanted('cronjob')) {
    // What a year's full Timeline costs before any simulation: only allocating the objects it holds. Last,
    // because the gigabytes it leaves to the garbage collector would slow whatever ran next.
    progress("a year's Timeline floor");
    timelineFloor(7); // warm-up
    const floor = timelineFloor(365);
    report('cronjobYear.timelineFloorMillis', floor.millis, 'ms', `${floor.objects} objects: allocating a year's Timeline, no simulation (the full simulation cannot be faster)`);
  }

  if (wanted('chart')) {
    // The preview chart's first render of 10,000 pods in Chromium, as the UI test measures it.
    progress('chart render in Chromium');
    const chart = await benchChartRender();
    if ('skipped' in chart) rows.push({ measure: 'chart10k.renderMillis', value: 'skipped', note: chart.skipped });
    else {
      report('chart10k.renderMillis', chart.chartMillis, 'ms', `${chart.pods} pods: the chart's own render in Chromium`, { limit: 200, target: '≤ 200 ms' });
      const steps = Object.entries(chart.steps).map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ');
      report('chart10k.messageToRenderedMillis', chart.totalMillis, 'ms', `the host's message to the webview's rendered report, sent once the chart is painted (panels and state follow); steps (ms): ${steps}`);
    }
  }

  progress(`done in ${formatMs(performance.now() - started)}`);
  console.log(renderTable(rows));
  const missed = rows.filter((row) => row.met === false).length;
  const targets = rows.filter((row) => row.target).length;
  if (targets > 0) console.log(`\n${targets - missed} of ${targets} targets met${missed ? `; not met: ${rows.filter((row) => row.met === false).map((row) => row.measure).join(', ')}` : ''}.`);

  mkdirSync(dirname(RESULTS), { recursive: true });
  // Keep the figures of sections not run this time, so the next full run still compares with them.
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...figures }, null, 2)}\n`);
}

/** A figure's same-run baseline (with the ratio to it) and its target (the limit it must not exceed). */
interface Context {
  readonly baseline?: string;
  readonly ratio?: string;
  readonly limit?: number;
  readonly target?: string;
  /** The figure measured in CPU time, in the same unit (judged against the same limit). */
  readonly cpu?: number;
}
type Report = (name: string, value: number, unit: string, note: string, more?: Context) => void;
type Progress = (message: string) => void;

function benchLint(report: Report, progress: Progress): void {
  progress('lint of 3,000 synthetic documents, big maps');
  const lint = lintBench(3000);
  report('lint.documentsPerSecond', (lint.documents / lint.lintMs) * 1000, 'docs/s', `${lint.documents} documents, ${lint.findings} findings, ${lint.lintMs.toFixed(0)} ms`);
  report('lint.ratioToYamlParse', lint.lintMs / lint.parseMs, '×', `lint time / yaml.parseAllDocuments time of the same text (${lint.parseMs.toFixed(0)} ms)`);

  // One document with a huge map (the duplicate-key check and the source map's key lookups must stay linear).
  bigMapBench(5_000); // warm-up
  for (const keys of [25_000, 50_000]) {
    const run = bigMapBench(keys);
    report(`lint.bigMap${keys / 1000}k.ratioToYamlParse`, run.lintMs / run.parseMs, '×', `${keys} label keys, ${run.findings} findings: ${run.lintMs.toFixed(0)} ms; flat = linear`);
  }
}

function benchZones(report: Report, progress: Progress): void {
  // Time zone offsets for schedules: the transition table against formatToParts on the same instants.
  progress('time zone offsets');
  benchZoneOffsets(200_000, 3_000); // warm-up
  const zones = benchZoneOffsets();
  report('zoneOffset.tableMicrosPerCall', zones.tableMicrosPerCall, 'µs/call', 'an offset from the transition table (years already built)', {
    baseline: `formatToParts ${zones.intlMicrosPerCall.toFixed(2)} µs/call`,
    ratio: `${(zones.tableMicrosPerCall / zones.intlMicrosPerCall).toFixed(4)}×`,
  });
  report('zoneOffset.buildMillisPerZoneYear', zones.buildMillisPerZoneYear, 'ms', "building one zone's table for one year (once per zone and year)");
}

function benchJobs(report: Report, progress: Progress): void {
  // Job: 100,000 completions, parallelism 1,000. Smaller sizes show how the cost grows (n log n or better).
  progress('Job');
  benchJob(10_000, 100); // warm-up
  for (const completions of [25_000, 50_000, 100_000]) {
    const run = benchJob(completions, 1_000);
    const perPodMicros = (run.millis * 1000) / run.pods;
    if (completions === 100_000) {
      report('job100k.millis', run.millis, 'ms', `${run.pods} pods, ${run.events} events, ${run.simulatedSeconds} s simulated`, { limit: 1000, target: '≤ 1,000 ms', cpu: run.cpuMillis });
      report('job100k.eventsPerSecond', (run.events / run.millis) * 1000, 'events/s', '');
      const baseline = queueBaselineMillis(run.events * 2, 1_000);
      report('job100k.ratioToQueue', run.millis / baseline, '×', `engine time / the bare event queue pushing and popping ${run.events * 2} entries (${baseline.toFixed(0)} ms)`);
    }
    report(`job${completions / 1000}k.microsPerPod`, perPodMicros, 'µs/pod', 'flat or slowly growing = n log n or better');
  }
}

function benchCronJobs(report: Report, progress: Progress): void {
  // CronJob every minute under Forbid. A full year (525,600 Jobs and pods, about 3 million timeline events)
  // takes tens of seconds, so the full simulation is measured on 7 and 30 days; the year is measured for the
  // controller's decisions alone. Set BENCH_CRONJOB_DAYS=365 for the full year.
  progress('CronJob');
  benchCronJobDecisions(7); // warm-up
  const decisions = benchCronJobDecisions(365);
  report('cronjobYear.decisionsMillis', decisions.millis, 'ms', `${decisions.jobs} Jobs, ${decisions.syncs} syncs: syncCronJob decisions only, no Jobs or pods run`);
  for (const days of [7, 30, Number(process.env.BENCH_CRONJOB_DAYS ?? 0)].filter((d) => d > 0)) {
    const run = benchCronJob(days);
    report(`cronjob${days}d.millis`, run.millis, 'ms', `${days * 1440} runs, ${run.events} events; full simulation`);
    report(`cronjob${days}d.eventsPerSecond`, (run.events / run.millis) * 1000, 'events/s', '');
    // The issue's target: 30 days of runs, full Timeline, at most 10 µs each.
    const target = days === 30 ? { limit: 10, target: '≤ 10 µs/run', cpu: (run.cpuMillis * 1000) / (days * 1440) } : undefined;
    report(`cronjob${days}d.microsPerRun`, (run.millis * 1000) / (days * 1440), 'µs/run', 'flat or slowly growing = n log n or better', target);
  }

  // Up to the 100,000-pod bound (a per-minute CronJob given ten years): time here, peak memory in a child process.
  progress('CronJob up to the 100,000-pod bound');
  const bound = benchCronJobPodBound();
  const floorText = `Timeline floor ${formatMs(bound.floorMillis)}`;
  report('cronjobPodBound.millis', bound.millis, 'ms', `${bound.pods} pods, ${bound.jobs} Jobs, ${bound.events} events, stopped: ${bound.stopReason}`, {
    baseline: floorText,
    ratio: `${(bound.millis / bound.floorMillis).toFixed(2)}×`,
    limit: 1500,
    target: '≤ 1,500 ms',
    cpu: bound.cpuMillis,
  });
  report('cronjobPodBound.peakRssMB', bound.peakRssMB, 'MB', `peak resident set of a process running only this simulation; peak V8 heap ${bound.peakHeapMB.toFixed(0)} MB`, {
    limit: 400,
    target: '≤ 400 MB',
  });
}

function benchDaemonSets(report: Report, progress: Progress): void {
  // DaemonSet: a rollout over 5,000 nodes with maxUnavailable 10%.
  progress('DaemonSet');
  benchDaemonSet(500); // warm-up
  for (const nodes of [1_250, 2_500, 5_000]) {
    const run = benchDaemonSet(nodes);
    const target = nodes === 5_000 ? { limit: 1000, target: '≤ 1,000 ms', cpu: run.cpuMillis } : undefined;
    report(`daemonset${nodes}.millis`, run.millis, 'ms', `${run.events} events`, target);
    if (nodes === 5_000) {
      report('daemonset5000.eventsPerSecond', (run.events / run.millis) * 1000, 'events/s', '');
      const baseline = queueBaselineMillis(run.events * 2, nodes);
      report('daemonset5000.ratioToQueue', run.millis / baseline, '×', `engine time / the bare event queue with ${run.events * 2} entries (${baseline.toFixed(0)} ms)`);
    }
  }

  // About 20,000 pods from rollouts on 5,000 nodes against as many pods on 3 nodes: the cost follows the pods.
  progress('DaemonSet, 20,000 pods on 5,000 nodes and on 3');
  const many = benchDaemonSetManyPods(20_000, 5_000);
  report('daemonset20kPods5000Nodes.millis', many.millis, 'ms', `${many.pods} pods (CPU ${many.cpuMillis.toFixed(0)} ms); on 3 nodes ${many.baselinePods} pods (CPU ${many.baselineCpuMillis.toFixed(0)} ms)`, {
    baseline: `3 nodes ${formatMs(many.baselineMillis)}`,
    ratio: `${many.ratio.toFixed(2)}×`,
    limit: 2000,
    target: '≤ 2,000 ms',
    cpu: many.cpuMillis,
  });
}

/** engine CPU time / floor CPU time, or why there is none (a copy too short for the CPU clock). */
function cpuRatio(cpuMillis: number, floorCpuMillis: number): string {
  return floorCpuMillis > 0 ? `${(cpuMillis / floorCpuMillis).toFixed(2)}×` : 'not measurable';
}

function benchDeployments(report: Report, progress: Progress): void {
  // Deployment: 10,000 replicas rolled out with the default budget (25% / 25%), against the same Deployment
  // only created (a comparable minimal run) and against copying the rollout's Timeline (its floor).
  progress('Deployment, 10,000 replicas');
  benchDeployment(1_000); // warm-up
  const run = benchDeployment(10_000);
  report('deployment10k.millis', run.millis, 'ms', `${run.pods} pods, ${run.events} events, rollout ${run.rolloutSeconds} s simulated; CPU ${run.cpuMillis.toFixed(0)} ms (created only ${run.createCpuMillis.toFixed(0)} ms)`, {
    baseline: `created only ${formatMs(run.createMillis)}`,
    ratio: `${(run.millis / run.createMillis).toFixed(2)}×`,
  });
  report('deployment10k.ratioToTimelineFloor', run.millis / run.floorMillis, '×', `engine time / only allocating the ${run.floorObjects} objects of its Timeline (${run.floorMillis.toFixed(0)} ms; in CPU time ${cpuRatio(run.cpuMillis, run.floorCpuMillis)})`);
}

function benchStatefulSets(report: Report, progress: Progress): void {
  // StatefulSet: 1,000 replicas under OrderedReady (one pod at a time, each once its predecessor is Ready),
  // against the same set under Parallel and against copying the OrderedReady run's Timeline (its floor).
  progress('StatefulSet, 1,000 replicas OrderedReady');
  benchStatefulSet(100); // warm-up
  const run = benchStatefulSet(1_000);
  report('statefulset1000.millis', run.millis, 'ms', `${run.pods} pods, ${run.claims} claims, ${run.events} events, ${run.simulatedSeconds} s simulated; CPU ${run.cpuMillis.toFixed(0)} ms (Parallel ${run.parallelCpuMillis.toFixed(0)} ms)`, {
    baseline: `Parallel ${formatMs(run.parallelMillis)}`,
    ratio: `${(run.millis / run.parallelMillis).toFixed(2)}×`,
  });
  report('statefulset1000.ratioToTimelineFloor', run.millis / run.floorMillis, '×', `engine time / only allocating the ${run.floorObjects} objects of its Timeline (${run.floorMillis.toFixed(1)} ms; in CPU time ${cpuRatio(run.cpuMillis, run.floorCpuMillis)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
