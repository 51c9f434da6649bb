/**
 * `k8sDryRun/simulate`: what the controllers do with one Job, CronJob or DaemonSet of an open document.
 * The simulation runs in a worker thread: cancellation terminates it, and the client sees progress while
 * it runs.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { formatSimulationProblem, isWorkloadKind, type LintResult, type SimulateResult as EngineResult } from '../core';
import type { SimulateParams, SimulateResult } from '../protocol/protocol';
import type { SimulateJob, WorkerMessage } from './simulateWorker';

/** Pods the editor preview keeps at most: enough to see any pattern, small enough to draw. */
const EDITOR_MAX_PODS = 20_000;

export interface SimulateContext {
  readonly connection: Connection;
  readonly kubernetesVersion: string;
  readonly controllerTimeZone: string;
  readonly now: Date;
}

export async function provideSimulation(
  params: SimulateParams,
  analysis: LintResult | undefined,
  context: SimulateContext,
  token: CancellationToken,
): Promise<SimulateResult> {
  if (!analysis?.parsed) return { error: 'Open the manifest in the editor first (Helm templates cannot be simulated: render them with `helm template`).' };
  const documents = analysis.parsed.documents;
  const doc =
    params.documentIndex !== undefined ? documents[params.documentIndex] : documents.find((d) => isWorkloadKind(d.kind));
  if (!doc) return { error: 'No Job, CronJob or DaemonSet in this file to simulate.' };
  if (!isWorkloadKind(doc.kind)) return { error: `Document ${doc.index + 1} is a ${doc.kind ?? 'YAML document without a kind'}: only Jobs, CronJobs and DaemonSets can be simulated.` };
  if (doc.syntaxProblems.length > 0) return { error: `Document ${doc.index + 1} is not valid YAML: ${doc.syntaxProblems[0].message}` };

  const job: SimulateJob = {
    manifest: doc.value,
    scenario: params.scenario,
    options: {
      kubernetesVersion: context.kubernetesVersion,
      defaultStartTime: context.now.toISOString(),
      limits: { maxPods: EDITOR_MAX_PODS },
      controllerTimeZone: context.controllerTimeZone,
    },
  };
  const progress = await context.connection.window.createWorkDoneProgress();
  progress.begin(`Simulating ${doc.kind} ${doc.name ?? ''}`.trim(), 0, undefined, true);
  try {
    const result = await runInWorker(job, token, () => progress.token, (percentage, message) => progress.report(percentage, message));
    if (!result) return { error: 'Simulation cancelled.' };
    if (!result.ok) return { error: result.errors.map(formatSimulationProblem).join('\n') };
    return { timeline: result.timeline };
  } finally {
    progress.done();
  }
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
