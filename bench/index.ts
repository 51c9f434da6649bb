/** `npm run bench`: every benchmark, each with its baseline measured in the same run. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { queueBaselineMillis } from './baseline';
import { benchCronJob, benchCronJobDecisions, timelineFloor } from './cronjob';
import { benchChartRender } from './chartRender';
import { benchDaemonSet } from './daemonset';
import { benchJob } from './job';
import { bigMapBench, lintBench } from './lint';

const RESULTS = resolve(__dirname, 'last-results.json');

type Figures = Record<string, number>;

async function main(): Promise<void> {
  const previous: Figures = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const figures: Figures = {};
  const report = (name: string, value: number, unit: string, note: string): void => {
    figures[name] = value;
    const before = previous[name];
    const change = before ? ` (${(value / before).toFixed(2)}× the previous run)` : '';
    console.log(`${name.padEnd(34)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${change}  ${note}`);
  };

  const lint = lintBench(3000);
  report('lint.documentsPerSecond', (lint.documents / lint.lintMs) * 1000, 'docs/s', `${lint.documents} documents, ${lint.findings} findings, ${lint.lintMs.toFixed(0)} ms`);
  report('lint.ratioToYamlParse', lint.lintMs / lint.parseMs, '×', `lint time / yaml.parseAllDocuments time of the same text (${lint.parseMs.toFixed(0)} ms)`);

  // One document with a huge map (the duplicate-key check and the source map's key lookups must stay linear).
  bigMapBench(5_000); // warm-up
  for (const keys of [25_000, 50_000]) {
    const run = bigMapBench(keys);
    report(`lint.bigMap${keys / 1000}k.ratioToYamlParse`, run.lintMs / run.parseMs, '×', `${keys} label keys, ${run.findings} findings: ${run.lintMs.toFixed(0)} ms; flat = linear`);
  }

  // Job: 100,000 completions, parallelism 1,000. Smaller sizes show how the cost grows (n log n or better).
  benchJob(10_000, 100); // warm-up
  for (const completions of [25_000, 50_000, 100_000]) {
    const run = benchJob(completions, 1_000);
    const perPodMicros = (run.millis * 1000) / run.pods;
    if (completions === 100_000) {
      report('job100k.millis', run.millis, 'ms', `${run.pods} pods, ${run.events} events, ${run.simulatedSeconds} s simulated (target ≤ 1000 ms)`);
      report('job100k.eventsPerSecond', (run.events / run.millis) * 1000, 'events/s', '');
      const baseline = queueBaselineMillis(run.events * 2, 1_000);
      report('job100k.ratioToQueue', run.millis / baseline, '×', `engine time / the bare event queue pushing and popping ${run.events * 2} entries (${baseline.toFixed(0)} ms)`);
    }
    report(`job${completions / 1000}k.microsPerPod`, perPodMicros, 'µs/pod', 'flat or slowly growing = n log n or better');
  }

  // CronJob every minute under Forbid. A full year (525,600 Jobs and pods, about 3 million timeline events)
  // takes tens of seconds, so the full simulation is measured on 7 and 30 days; the year is measured for the
  // controller's decisions alone. Set BENCH_CRONJOB_DAYS=365 for the full year.
  benchCronJobDecisions(7); // warm-up
  const decisions = benchCronJobDecisions(365);
  report('cronjobYear.decisionsMillis', decisions.millis, 'ms', `${decisions.jobs} Jobs, ${decisions.syncs} syncs: syncCronJob decisions only, no Jobs or pods run`);
  for (const days of [7, 30, Number(process.env.BENCH_CRONJOB_DAYS ?? 0)].filter((d) => d > 0)) {
    const run = benchCronJob(days);
    report(`cronjob${days}d.millis`, run.millis, 'ms', `${days * 1440} runs, ${run.events} events; full simulation`);
    report(`cronjob${days}d.eventsPerSecond`, (run.events / run.millis) * 1000, 'events/s', '');
    report(`cronjob${days}d.microsPerRun`, (run.millis * 1000) / (days * 1440), 'µs/run', 'flat or slowly growing = n log n or better');
  }

  // DaemonSet: a rollout over 5,000 nodes with maxUnavailable 10%.
  benchDaemonSet(500); // warm-up
  for (const nodes of [1_250, 2_500, 5_000]) {
    const run = benchDaemonSet(nodes);
    report(`daemonset${nodes}.millis`, run.millis, 'ms', `${run.events} events${nodes === 5_000 ? ' (target ≤ 1000 ms)' : ''}`);
    if (nodes === 5_000) {
      report('daemonset5000.eventsPerSecond', (run.events / run.millis) * 1000, 'events/s', '');
      const baseline = queueBaselineMillis(run.events * 2, nodes);
      report('daemonset5000.ratioToQueue', run.millis / baseline, '×', `engine time / the bare event queue with ${run.events * 2} entries (${baseline.toFixed(0)} ms)`);
    }
  }

  // What a year's full Timeline costs before any simulation: only allocating the objects it holds. Last,
  // because the gigabytes it leaves to the garbage collector would slow whatever ran next.
  timelineFloor(7); // warm-up
  const floor = timelineFloor(365);
  report('cronjobYear.timelineFloorMillis', floor.millis, 'ms', `${floor.objects} objects: allocating a year's Timeline, no simulation (the full simulation cannot be faster)`);

  // The preview chart's first render of 10,000 pods in Chromium (target ≤ 200 ms), as the UI test measures it.
  const chart = await benchChartRender();
  if ('skipped' in chart) console.log(`${'chart10k.renderMillis'.padEnd(34)} ${'skipped'.padStart(10)}     ${chart.skipped}`);
  else {
    report('chart10k.renderMillis', chart.chartMillis, 'ms', `${chart.pods} pods: the chart's own render in Chromium (target ≤ 200 ms)`);
    report('chart10k.messageToRenderedMillis', chart.totalMillis, 'ms', "the host's message to the webview's rendered report, sent once the chart is painted (panels and state follow)");
    const steps = Object.entries(chart.steps).map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ');
    console.log(`${''.padEnd(34)} ${''.padStart(10)}     steps (ms): ${steps}`);
  }

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
}

void main();
