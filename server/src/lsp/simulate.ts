/**
 * `k8sDryRun/simulate`: what the controllers do with one Job, CronJob, DaemonSet, Deployment, ReplicaSet or
 * StatefulSet of an open document.
 * The simulation runs in a worker thread: cancellation terminates it, and the client sees progress while
 * it runs.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import {
  applyWhatIf,
  describeScenario,
  formatProblem,
  isWorkloadKind,
  locateScenarioProblem,
  parsePath,
  parseScenario,
  pipelineRules,
  rangeFor,
  readScenarioText,
  startTimeFromClock,
  templateRestartPolicy,
  type Finding,
  type FileAnalysis,
  type ManifestDocument,
  type SimulateResult as EngineResult,
  type SimulationProblem,
} from '../core';
import type { Locale } from '../core/i18n';
import { editorText } from '../core/i18n/editor';
import type { SimulateParams, SimulateResult, SimulationIssue } from '../protocol/protocol';
import type { SimulateJob, WorkerMessage } from './simulateWorker';

/** Pods the editor preview keeps at most: enough to see any pattern, small enough to draw. */
const EDITOR_MAX_PODS = 20_000;

export interface SimulateContext {
  readonly connection: Connection;
  readonly kubernetesVersion: string;
  readonly controllerTimeZone: string;
  readonly now: Date;
  /** The editor's language: the request's own messages, its progress and the advice warnings about the object. */
  readonly locale: Locale;
}

export async function provideSimulation(
  params: SimulateParams,
  analysis: FileAnalysis | undefined,
  context: SimulateContext,
  token: CancellationToken,
): Promise<SimulateResult> {
  const findings = analysis?.findings() ?? [];
  if (!analysis || findings.some((f) => f.ruleId === pipelineRules.helmTemplate.id)) {
    return { error: editorText.t(context.locale, 'openFirst') };
  }
  const index = params.documentIndex ?? analysis.documents().find((d) => isWorkloadKind(d.kind))?.index;
  const doc = index === undefined ? undefined : analysis.documentAtIndex(index)?.document;
  if (!doc) return { error: editorText.t(context.locale, 'noWorkload') };
  // Document numbers count from 0 everywhere a user sees one: lint's JSON `document`, simulate --document, the preview.
  if (!isWorkloadKind(doc.kind)) {
    const notAWorkload = doc.kind === undefined ? editorText.t(context.locale, 'notAWorkloadNoKind', { index: doc.index }) : editorText.t(context.locale, 'notAWorkload', { index: doc.index, kind: doc.kind });
    return { error: notAWorkload };
  }
  if (doc.syntaxProblems.length > 0) {
    return failure(doc.syntaxProblems.map((p) => ({ message: p.message, source: 'object', uri: params.uri, range: p.range })));
  }

  const defaultStartTime = startTimeFromClock(context.now);
  const input = scenarioInput(params);
  if ('problems' in input) return failure(input.problems);
  // The file's own problems first, where they are written: the what-if edits shift list indexes.
  const fileErrors = parseScenario(input.raw, { defaultStartTime, locale: context.locale }).errors;
  if (fileErrors.length > 0) return failure(fileErrors.map((p) => scenarioIssue(p, input)));
  const merged = params.whatIf !== undefined ? applyWhatIf(input.raw, params.whatIf, { restartPolicy: templateRestartPolicy(doc.value) }) : input.raw;
  const parsed = parseScenario(merged, { defaultStartTime, locale: context.locale });
  // Only the what-if edits are left to blame: they have no place in a file.
  if (parsed.errors.length > 0) return failure(parsed.errors.map((p) => ({ message: formatProblem(p), source: 'scenario' })));

  const job: SimulateJob = {
    manifest: doc.value,
    scenario: merged,
    options: {
      kubernetesVersion: context.kubernetesVersion,
      defaultStartTime,
      limits: { maxPods: EDITOR_MAX_PODS },
      controllerTimeZone: context.controllerTimeZone,
      locale: context.locale,
    },
  };
  const issue = (problem: SimulationProblem): SimulationIssue => {
    if (problem.source === 'scenario') return scenarioIssue(problem, input);
    if (problem.source === 'engine') return { message: formatProblem(problem), source: 'engine' };
    return objectIssue(problem, doc, findings, params.uri);
  };
  const progress = await context.connection.window.createWorkDoneProgress();
  progress.begin(editorText.t(context.locale, 'simulating', { kind: doc.kind, name: doc.name ?? '' }).trim(), 0, undefined, true);
  try {
    const result = await runInWorker(job, token, () => progress.token, (percentage, message) => progress.report(percentage, message));
    if (!result) return { error: editorText.t(context.locale, 'cancelled') };
    if (!result.ok) return failure(result.errors.map(issue));
    return {
      timeline: result.timeline,
      scenarioSummary: describeScenario(parsed.scenario, doc.kind, context.locale),
      // A lint warning (advice such as a missing TTL) is in the Problems panel already: only what the run itself
      // noticed (a scenario event after the end, an object the engine simplifies) is news to the preview.
      warnings: result.warnings.filter((w) => !isLintFinding(w, doc, findings)).map(issue),
      scenario: isObject(merged) ? merged : {},
    };
  } finally {
    progress.done();
  }
}

/** Where the scenario comes from: the file's text (problems located in it), the plain object, or none (the default). */
type ScenarioInput = { readonly raw: unknown; readonly document?: ManifestDocument; readonly uri?: string } | { readonly problems: SimulationIssue[] };

function scenarioInput(params: SimulateParams): ScenarioInput {
  if (params.scenarioText === undefined) return { raw: params.scenario };
  const read = readScenarioText(params.scenarioText);
  const uri = params.scenarioUri;
  if (read.problems.length > 0) return { problems: read.problems.map((p) => ({ message: p.message, source: 'scenario', ...(uri !== undefined ? { uri, range: p.range } : {}) })) };
  return { raw: read.value, document: read.document, uri };
}

function scenarioIssue(problem: { readonly path: string; readonly message: string }, input: ScenarioInput): SimulationIssue {
  if ('problems' in input || input.uri === undefined) return { message: formatProblem(problem), source: 'scenario' };
  const located = locateScenarioProblem(input.document, problem);
  return { message: located.message, source: 'scenario', uri: input.uri, range: located.range };
}

/**
 * An object problem worded and placed as the Problems panel shows it: the lint finding with the same text when
 * there is one (rules may point elsewhere than their field path), else the field along its path in the source map.
 */
function objectIssue(problem: SimulationProblem, doc: ManifestDocument, findings: readonly Finding[], uri: string): SimulationIssue {
  const message = formatProblem(problem);
  const finding = findings.find((f) => f.document === doc.index && (f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message) === message);
  return { message, source: 'object', uri, range: finding?.range ?? rangeFor(doc, parsePath(problem.path), 'value') };
}

function isLintFinding(problem: SimulationProblem, doc: ManifestDocument, findings: readonly Finding[]): boolean {
  if (problem.source !== 'object') return false;
  const message = formatProblem(problem);
  return findings.some((f) => f.document === doc.index && (f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message) === message);
}

/** Both shapes: one text for older clients, the problems one by one for the preview's list. */
function failure(problems: SimulationIssue[]): SimulateResult {
  return { error: problems.map((p) => p.message).join('\n'), problems };
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Resolves with the engine's result, or undefined when the request (or the progress UI) is cancelled. */
function runInWorker(
  job: SimulateJob,
  token: CancellationToken,
  progressToken: () => CancellationToken,
  onProgress: (percentage: number, message: string) => void,
): Promise<EngineResult | undefined> {
  // A cancellation that arrived before the worker started fires no listener: look first.
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'simulateWorker.js'), { workerData: job });
    const stop = (): void => {
      void worker.terminate();
      resolve(undefined);
    };
    const cancelled = [token.onCancellationRequested(stop), progressToken().onCancellationRequested(stop)];
    const finish = (): void => cancelled.forEach((d) => d.dispose());
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress(message.percentage, message.message);
        return;
      }
      finish();
      resolve(message.result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      finish();
      reject(error);
    });
  });
}
