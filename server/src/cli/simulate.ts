/**
 * `k8s-dryrun simulate`: replays what the controllers would do with one object of a file. Text output is an
 * ASCII Gantt chart of the pods plus the final `kubectl get` tables; `--format json` is the Timeline
 * (design §4.3). Exit codes: 0 simulated, 1 the API server would reject the object, 2 usage, I/O or scenario error.
 */
import {
  appsKubectlAt,
  formatDuration,
  formatProblem,
  formatSimulationProblem,
  getCronJobs,
  getDaemonSets,
  getJobs,
  getPods,
  rolloutStatusLines,
  humanDuration,
  isWorkloadKind,
  locateScenarioProblem,
  parseManifests,
  parsePath,
  rangeFor,
  readScenarioText,
  renderGantt,
  simulate,
  startTimeFromClock,
  type ManifestDocument,
  type Range,
  type SimulationProblem,
  type Timeline,
  type TimelineEvent,
} from '../core';
import type { Locale } from '../core/i18n';
import { cliText } from '../core/i18n/cli';
import type { SimulateCommand } from './args';
import { STDIN, STDIN_NAME } from './files';
import { jsonChunks } from './jsonChunks';

export interface SimulateInput {
  readonly manifestText: string;
  readonly scenarioText?: string;
  readonly now: Date;
  /** The language of the CLI's own words, the explanations and the advice warnings; English when absent. */
  readonly locale?: Locale;
}

export interface CommandOutput {
  /** Pieces, to be written one after another, when the output may be too long for one string (`--format json`). */
  readonly stdout: string | Iterable<string>;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Extra table renderers by kind, shown before the pods. */
export type TableRenderer = (timeline: Timeline, t: number) => string;
export const EXTRA_TABLES: Partial<Record<string, readonly TableRenderer[]>> = {
  CronJob: [(timeline, t) => `$ kubectl get cronjobs\n${getCronJobs(timeline, t)}`],
  DaemonSet: [
    (timeline, t) => `$ kubectl get daemonsets\n${getDaemonSets(timeline, t)}`,
    (timeline, t) => {
      // Watched from the last template change (setImage, rollback) up to t, else from creation; what it printed by t.
      const change = [...timeline.markers].reverse().find((m) => (m.kind === 'setImage' || m.kind === 'rollback') && m.at <= t);
      const seen = t >= timeline.duration ? timeline : { ...timeline, statusHistory: timeline.statusHistory.filter((entry) => entry.at <= t) };
      const status = rolloutStatusLines(seen, change?.at ?? 0);
      const output = status.error !== null ? `error: ${status.error}\n` : status.lines.join('');
      return `$ kubectl rollout status daemonset/${timeline.object.name}\n${output}`;
    },
  ],
  // Deployments, ReplicaSets and StatefulSets: their tables and rollout status, as the preview shows them.
  Deployment: [appsTables],
  ReplicaSet: [appsTables],
  StatefulSet: [appsTables],
};

function appsTables(timeline: Timeline, t: number): string {
  return appsKubectlAt(timeline, t)
    .map((table) => `$ ${table.command}\n${table.output}`)
    .join('\n');
}

/** Kinds whose pods belong to Jobs: `kubectl get jobs` is worth printing. */
const JOB_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);

export function runSimulate(command: SimulateCommand, input: SimulateInput): CommandOutput {
  const file = command.file === STDIN ? STDIN_NAME : command.file;
  const parsed = parseManifests(input.manifestText);
  const picked = pickDocument(parsed.documents, command);
  if ('error' in picked) return { stdout: '', stderr: `k8s-dryrun: ${file}: ${picked.error}\n`, exitCode: 2 };
  const doc = picked.doc;
  if (doc.syntaxProblems.length > 0) {
    return { stdout: '', stderr: located(file, doc.syntaxProblems[0].range, doc.syntaxProblems[0].message), exitCode: 1 };
  }
  const scenario = input.scenarioText === undefined ? undefined : parseScenarioText(input.scenarioText);
  const scenarioFile = command.scenario === STDIN ? STDIN_NAME : (command.scenario ?? 'scenario');
  if (scenario !== undefined && 'error' in scenario) return { stdout: '', stderr: located(scenarioFile, scenario.error.range, scenario.error.message), exitCode: 2 };
  const result = simulate(doc.value, scenario?.value, { kubernetesVersion: command.kubernetesVersion, defaultStartTime: startTimeFromClock(input.now), locale: input.locale });
  const warnings = result.warnings.map((w) => `warning: ${formatSimulationProblem(w)}\n`).join('');
  if (!result.ok) {
    const objectInvalid = result.errors.every((e) => e.source === 'object');
    const errors = result.errors.map((e) => problemLine(e, file, doc, scenarioFile, scenario?.document)).join('');
    return { stdout: '', stderr: warnings + errors, exitCode: objectInvalid ? 1 : 2 };
  }
  const timeline = result.timeline;
  if (command.format === 'json') return { stdout: timelineJson(timeline), stderr: warnings, exitCode: 0 };
  return { stdout: renderText(timeline, command.atMs, input.locale ?? 'en'), stderr: warnings, exitCode: 0 };
}

/** `k8s-dryrun: file:line:col: message`, 1-based, as the CLI prints every problem it can place. */
function located(file: string, range: Range, message: string): string {
  return `k8s-dryrun: ${file}:${range.start.line + 1}:${range.start.character + 1}: ${message}\n`;
}

/**
 * An error of the simulation at its field, as lint prints one: the object's in the manifest (its field path,
 * or the nearest field the document has), the scenario's in the scenario file; without an `object:` or
 * `scenario:` in front, the file says which. The engine's own errors have no place in either file.
 */
function problemLine(problem: SimulationProblem, file: string, doc: ManifestDocument, scenarioFile: string, scenarioDoc: ManifestDocument | undefined): string {
  if (problem.source === 'object') return located(file, rangeFor(doc, parsePath(problem.path), 'value'), formatProblem(problem));
  if (problem.source === 'scenario') {
    const { message, range } = locateScenarioProblem(scenarioDoc, problem);
    return located(scenarioFile, range, message);
  }
  return `k8s-dryrun: ${file}: ${formatSimulationProblem(problem)}\n`;
}

/** A scenario file's one YAML document (readScenarioText), kept to locate what parseScenario finds in it; or its first YAML problem. */
function parseScenarioText(text: string): { value: unknown; document: ManifestDocument | undefined } | { error: { message: string; range: Range } } {
  const read = readScenarioText(text);
  if (read.problems.length === 0) return { value: read.value, document: read.document };
  return { error: read.problems[0] };
}

/** `JSON.stringify(timeline, null, 2)` and a newline, in chunks: a long run's Timeline is longer than V8's longest string. */
function* timelineJson(timeline: Timeline): Generator<string, void, undefined> {
  yield* jsonChunks(timeline);
  yield '\n';
}

/** At most 24 lines: the first and the last 12, and how many are left out between them. */
function elide(lines: string[]): string[] {
  if (lines.length <= 24) return lines;
  return [...lines.slice(0, 12), `  ... ${lines.length - 24} more ...`, ...lines.slice(-12)];
}

function pickDocument(documents: readonly ManifestDocument[], command: SimulateCommand): { doc: ManifestDocument } | { error: string } {
  if (command.document !== undefined) {
    const doc = documents[command.document];
    // --document counts from 0 (design §4.1), as lint's JSON "document" does; every message here does too.
    if (!doc) {
      const has =
        documents.length === 0 ? 'the file has no documents' : documents.length === 1 ? 'the file has one, document 0' : `the file has ${documents.length}, numbered 0 to ${documents.length - 1}`;
      return { error: `there is no document ${command.document} (counted from 0): ${has}` };
    }
    return isWorkloadKind(doc.kind)
      ? { doc }
      : { error: `document ${command.document} (counted from 0) is a ${doc.kind ?? 'document without a kind'}, not a Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet` };
  }
  const workloads = documents.filter((d) => isWorkloadKind(d.kind));
  if (command.name !== undefined) {
    const doc = workloads.find((d) => d.name === command.name);
    return doc ? { doc } : { error: `no Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet named "${command.name}"` };
  }
  return workloads[0] ? { doc: workloads[0] } : { error: 'no Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet to simulate' };
}

function renderText(timeline: Timeline, atMs: number | undefined, locale: Locale): string {
  // The tables show the moment the object finished (a Job's Complete or Failed), or the end of the run; or --at's time.
  const finished = timeline.conditions.find((c) => c.object === timeline.object.name && (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const t = atMs !== undefined ? Math.min(atMs / 1000, timeline.duration) : (finished?.at ?? timeline.duration);
  const head = cliText.t(locale, 'simulatedRange', { object: `${timeline.object.kind}/${timeline.object.name}`, start: timeline.startTime, end: timeline.endTime });
  const why = timeline.message ? [cliText.t(locale, timeline.truncated ? 'stoppedEarly' : 'nothingMoreHappens', { reason: timeline.message })] : [];
  const parts = [head, ...why, '', renderGantt(timeline)];
  // Final conditions only: the interim SuccessCriteriaMet / FailureTarget come at the same moment.
  const milestones: [number, string][] = timeline.conditions
    .filter((c) => c.status === 'True' && c.type !== 'SuccessCriteriaMet' && c.type !== 'FailureTarget')
    .map((c) => [c.at, `${c.kind} ${c.object} ${c.type}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`]);
  // Scenario events, skipped and missed runs, and the controllers' warnings.
  for (const marker of timeline.markers) milestones.push([marker.at, marker.description]);
  for (const event of timeline.events) if (event.type === 'Warning') milestones.push([event.at, `${event.reason}: ${event.message}${explain(event, locale)}`]);
  milestones.sort((a, b) => a[0] - b[0]);
  if (milestones.length > 0) parts.push(`${elide(milestones.map(([at, text]) => `  +${humanDuration(at * 1000)}  ${text}`)).join('\n')}\n`);
  if (atMs !== undefined) {
    // Exact times here: the user compares them with the preview's scrubber.
    const tablesAt =
      atMs / 1000 > timeline.duration
        ? cliText.t(locale, 'tablesAtEnd', { time: formatDuration(t), at: formatDuration(atMs / 1000) })
        : cliText.t(locale, 'tablesAt', { time: formatDuration(t) });
    parts.push(`${tablesAt}\n`);
  } else if (t !== timeline.duration) parts.push(`${cliText.t(locale, 'tablesWhenFinished', { time: humanDuration(t * 1000), name: timeline.object.name })}\n`);
  for (const table of EXTRA_TABLES[timeline.object.kind] ?? []) parts.push(table(timeline, t));
  if (JOB_KINDS.has(timeline.object.kind)) parts.push(`$ kubectl get jobs\n${getJobs(timeline, t)}`);
  parts.push(`$ kubectl get pods\n${getPods(timeline, t)}`);
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * The controller's words stay as `kubectl describe` shows them; where they are cryptic, a plain explanation
 * in the CLI's language follows them (` — ...`).
 */
const EXPLANATIONS: readonly (readonly [RegExp, 'explainNoNextRun' | 'explainTooManyMissed'])[] = [
  [/time difference between two schedules is less than 1 second/, 'explainNoNextRun'],
  [/too many missed start times/, 'explainTooManyMissed'],
];

export function explain(event: Pick<TimelineEvent, 'message'>, locale: Locale = 'en'): string {
  const found = EXPLANATIONS.find(([words]) => words.test(event.message));
  return found ? ` — ${cliText.t(locale, found[1])}` : '';
}
