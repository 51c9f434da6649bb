/**
 * `k8s-dryrun lint`: files are read in pieces and cut into `---` chunks as they arrive; batches of chunks are
 * linted on the main thread and, for inputs big enough to pay for them, on worker threads across the cores.
 * Only findings are kept, and they come out in the same order whichever thread linted them.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { allRules, isWorkloadKind, pipelineRules, type LintOptions } from '../core';
import { crossDocumentFindings, type ServiceFacts } from '../core/crossDocument';
import type { Locale } from '../core/i18n';
import { cliText } from '../core/i18n/cli';
import type { LintCommand } from './args';
import { documentChunks, DocumentTooBig, type TextChunk } from './documentStream';
import { describeIoError, expandPaths, STDIN, STDIN_NAME } from './files';
import { formatJson, formatSarif, formatText, type FileFindings } from './formatters';
import type { ChunkResult, CliFinding, JoinedFacts } from './lintChunks';
import { LintPool } from './lintPool';
import { exitCodeAfterWrite, writeStdout } from './stdout';
import { readTextPieces } from './textStream';

/**
 * The biggest `---` document checked. The API server takes request bodies up to 3 MiB
 * (k8s.io/apiserver/pkg/server/config.go, NewConfig: MaxRequestBodyBytes) and etcd objects up to 1.5 MiB, so no
 * document that can be applied comes near; parsing one takes about 50 bytes of memory per character of it.
 */
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

/** Chunks linted together: one message to a worker and back per batch. */
const BATCH_CHARS = 128 * 1024;

/** Batches read ahead of the oldest unfinished one: bounds the text held while the threads catch up. */
const MAX_BATCHES_IN_FLIGHT = 16;

/**
 * Below this much text (all files together) everything is linted on the main thread. A worker costs about half
 * a second of CPU before it pays (loading the bundle, warming up its own JIT); measured on 2 cores, 300 KB gained
 * nothing clear, 600 KB saved ~25% of the busiest thread's time for ~50% more CPU in all, 1.2 MB ~30% for ~40%.
 */
export const PARALLEL_MIN_CHARS = 1024 * 1024;

interface FileState {
  readonly name: string;
  readonly findings: CliFinding[];
  /** Documents in the chunks folded so far: the index of the next chunk's first document. */
  documents: number;
  workloads: number;
  template?: CliFinding;
  failed: boolean;
  /** Services and serviceNames of its documents (summaries only, not syntax trees): judged once every file is read. */
  readonly joined: JoinedFacts[];
}

/** `script`: the CLI bundle, which worker threads run. `locale`: the language of advice, notes and the summary. */
export async function runLint(command: LintCommand, version: string, script: string, locale: Locale = 'en'): Promise<number> {
  const known = new Set([...allRules.map((r) => r.meta.id), ...Object.values(pipelineRules).map((r) => r.id)]);
  const unknownRules = command.disabledRules.filter((id) => !known.has(id));
  if (unknownRules.length > 0) {
    process.stderr.write(`k8s-dryrun: --disable: no rule named ${unknownRules.map((id) => `"${id}"`).join(', ')} (see the rule table in the README)\n`);
    return 2;
  }
  // The workers get these options too, the locale with them.
  const options: LintOptions = { kubernetesVersion: command.kubernetesVersion, disabledRules: command.disabledRules, locale };
  // - is standard input (once, however often it is named), linted where it stands among the paths.
  const { files, errors } = expandPaths(command.paths, { stdin: true });

  const pool = new LintPool(options, script);
  // The main thread lints too (between reading and cutting), so one worker fewer than threads.
  const workers = Math.max(0, (command.threads ?? availableParallelism()) - 1);
  let charsSeen = 0;
  const growIfBig = (chars: number): void => {
    charsSeen += chars;
    if (charsSeen >= PARALLEL_MIN_CHARS && pool.workerCount < workers) pool.grow(workers);
  };
  // Start the workers at once when the files' sizes say they will be needed, so they load while we read.
  growIfBig(files.reduce((sum, file) => sum + (file === STDIN ? 0 : sizeOf(file)), 0));
  charsSeen = 0;

  const states: FileState[] = [];
  const inFlight: { readonly state: FileState; readonly results: Promise<ChunkResult[]> }[] = [];
  const settleOldest = async (): Promise<void> => {
    const { state, results } = inFlight.shift() as (typeof inFlight)[number];
    const chunkResults = await results;
    if (!state.failed) for (const result of chunkResults) fold(state, result);
  };
  const submit = async (state: FileState, batch: TextChunk[]): Promise<void> => {
    const results = pool.lint(batch);
    // Awaited in order by settleOldest; until then a rejection must not count as unhandled.
    results.catch(() => undefined);
    inFlight.push({ state, results });
    while (inFlight.length > MAX_BATCHES_IN_FLIGHT) await settleOldest();
  };

  try {
    for (const file of files) {
      const state: FileState = { name: file === STDIN ? STDIN_NAME : file, findings: [], documents: 0, workloads: 0, failed: false, joined: [] };
      states.push(state);
      let batch: TextChunk[] = [];
      let batchChars = 0;
      try {
        for await (const chunk of documentChunks(readTextPieces(file), MAX_DOCUMENT_CHARS)) {
          batch.push(chunk);
          batchChars += chunk.text.length;
          growIfBig(chunk.text.length);
          if (batchChars < BATCH_CHARS) continue;
          await submit(state, batch);
          batch = [];
          batchChars = 0;
        }
        if (batch.length > 0) await submit(state, batch);
      } catch (error) {
        state.failed = true;
        errors.push(`${state.name}: ${describeReadError(error)}`);
      }
    }
    while (inFlight.length > 0) await settleOldest();
  } finally {
    await pool.close();
  }

  joinDocuments(states, locale);
  const results: FileFindings[] = states
    .filter((state) => !state.failed)
    .map((state) => ({ file: state.name, findings: state.template ? [state.template] : state.findings }));
  const workloads = states.reduce((sum, state) => sum + (state.failed || state.template ? 0 : state.workloads), 0);
  for (const error of errors) process.stderr.write(`k8s-dryrun: ${error}\n`);

  const output = command.format === 'json' ? formatJson(results) : command.format === 'sarif' ? formatSarif(results, version) : formatText(results, locale);
  const writeError = await writeStdout(output);

  const count = (severity: string): number => results.reduce((sum, r) => sum + r.findings.filter((f) => f.finding.severity === severity).length, 0);
  if (command.format === 'text') {
    // To stderr, so stdout stays exactly the findings; says what was looked at even when nothing was found.
    const summary = cliText.t(locale, 'lintSummary', { files: results.length, documents: workloads, errors: count('error'), warnings: count('warning') });
    process.stderr.write(`${summary}\n`);
  }
  return exitCodeAfterWrite(writeError, errors.length > 0 ? 2 : count('error') > 0 ? 1 : 0);
}

/** Adds a chunk's results to its file's, its document indexes counted on from the chunks before it. */
function fold(state: FileState, result: ChunkResult): void {
  if (result.template) state.template ??= result.template;
  const first = state.documents;
  for (const { finding, source } of result.findings) {
    const shifted = { ...finding, document: finding.document + first };
    state.findings.push(source === undefined ? { finding: shifted } : { finding: shifted, source });
  }
  for (const facts of result.joined ?? []) state.joined.push({ ...facts, index: facts.index + first });
  state.documents += result.kinds.length;
  state.workloads += result.kinds.filter(isWorkloadKind).length;
}

/**
 * The checks that join documents (a StatefulSet's governing Service): the Services of every file on the command
 * line are known before any StatefulSet is judged, as if the files were one workspace folder.
 */
function joinDocuments(states: readonly FileState[], locale: Locale): void {
  const checked = states.filter((state) => !state.failed && !state.template);
  const services: ServiceFacts[] = checked.flatMap((state) => state.joined.flatMap((facts) => facts.service ?? []));
  for (const state of checked) {
    const sources = new Map(state.joined.map((facts) => [facts.index, facts.source]));
    for (const finding of crossDocumentFindings(state.joined, services, locale)) {
      const source = sources.get(finding.document);
      state.findings.push(source === undefined ? { finding } : { finding, source });
    }
  }
}

function describeReadError(error: unknown): string {
  if (error instanceof DocumentTooBig) {
    const mb = MAX_DOCUMENT_CHARS / (1024 * 1024);
    return `line ${error.line + 1}: a document bigger than ${mb} MB starts here (the API server takes at most 3 MB); the file is not checked`;
  }
  return describeIoError(error);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
