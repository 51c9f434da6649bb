/**
 * Lints `---` chunks of a file for the CLI: the same work on the main thread and on a worker thread, with a
 * result that crosses between threads as plain data. Document indexes count from each chunk's first document,
 * since how many documents the chunks before it hold is known only once they are linted; the caller adds them.
 */
import { lintChunk, type Finding, type LintOptions } from '../core';
import type { CrossDocumentFacts } from '../core/crossDocument';
import type { TextChunk } from './documentStream';
import { sourceComments } from './sources';

/** A finding as the CLI prints it (no quick fixes), with its document's `# Source:` path if there is one. */
export interface CliFinding {
  readonly finding: Finding;
  readonly source?: string;
}

export interface ChunkResult {
  readonly findings: CliFinding[];
  /** The `kind` of each document in the chunk ('' when it has none), for the summary. */
  readonly kinds: string[];
  /** The chunk's first Helm placeholder: then the whole file is not checked, and this is its one finding. */
  readonly template?: CliFinding;
  /** Its Services and StatefulSets' serviceNames, for the pass that joins documents once every file is read. */
  readonly joined?: JoinedFacts[];
}

/** What the cross-document pass needs of a document, with the `# Source:` path of a StatefulSet's serviceName. */
export interface JoinedFacts extends CrossDocumentFacts {
  readonly source?: string;
}

export function lintChunks(chunks: readonly TextChunk[], options: LintOptions): ChunkResult[] {
  return chunks.map((chunk) => lintOne(chunk, options));
}

function lintOne(chunk: TextChunk, options: LintOptions): ChunkResult {
  const result = lintChunk(chunk.text, options, { line: chunk.line, documentIndex: 0 });
  const sourceAt = sourceComments(chunk.text, chunk.line);
  const located = (finding: Finding): CliFinding => {
    // Quick fixes are for the editor; the rest is what the CLI prints (and all a worker need send back).
    const printed: Finding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      fieldPath: finding.fieldPath,
      message: finding.message,
      ...(finding.note !== undefined ? { note: finding.note } : {}),
      range: finding.range,
      document: finding.document,
      ...(finding.kind !== undefined ? { kind: finding.kind } : {}),
      ...(finding.name !== undefined ? { name: finding.name } : {}),
    };
    const source = sourceAt(finding.range.start.line);
    return source === undefined ? { finding: printed } : { finding: printed, source };
  };
  const joined = result.documents.flatMap((doc): JoinedFacts[] => {
    if (!doc.service && !doc.governingService) return [];
    const source = doc.governingService && sourceAt(doc.governingService.range.start.line);
    return [{ index: doc.index, ...(doc.name !== undefined ? { name: doc.name } : {}), ...(doc.service ? { service: doc.service } : {}), ...(doc.governingService ? { governingService: doc.governingService } : {}), ...(source !== undefined ? { source } : {}) }];
  });
  return {
    findings: result.findings.map(located),
    kinds: result.documents.map((doc) => doc.kind ?? ''),
    ...(result.template ? { template: located(result.template) } : {}),
    ...(joined.length > 0 ? { joined } : {}),
  };
}
