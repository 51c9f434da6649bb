/** Output formats of `k8s-dryrun lint`. JSON is a contract (design §4.1): change it only additively. */
import type { Locale } from '../core/i18n';
import { cliText } from '../core/i18n/cli';
import type { CliFinding } from './lintChunks';
import { jsonChunks } from './jsonChunks';

export interface FileFindings {
  readonly file: string;
  /** Each with the `# Source:` path of its document (helm template output), if it has one. */
  readonly findings: readonly CliFinding[];
}

/**
 * `file:line:col: severity fieldPath: message [rule-id]`, 1-based like compilers print; with a `# Source:`
 * path, `file:line:col (source): ...`; a finding's note on an indented line under it (`  note: ...` in `locale`).
 * The severity word stays English in every language: problem matchers and scripts look for it. One piece per file.
 */
export function* formatText(results: readonly FileFindings[], locale: Locale = 'en'): Generator<string, void, undefined> {
  for (const { file, findings } of results) {
    // By position, as compilers print; the JSON output keeps the API server's order.
    const byPosition = [...findings].sort(
      (a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character,
    );
    const lines: string[] = [];
    for (const { finding: f, source } of byPosition) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}${source !== undefined ? ` (${source})` : ''}`;
      const what = f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message;
      lines.push(`${where}: ${f.severity} ${what} [${f.ruleId}]\n`);
      if (f.note) lines.push(`  ${cliText.t(locale, 'findingNote', { note: f.note })}\n`);
    }
    if (lines.length > 0) yield lines.join('');
  }
}

/** `{ "findings": [...] }` as JSON.stringify(…, null, 2) writes it, in pieces (it may be bigger than a string can be). */
export function* formatJson(results: readonly FileFindings[]): Generator<string, void, undefined> {
  const findings = results.flatMap(({ file, findings }) =>
    findings.map(({ finding: f, source }) => ({
      file,
      // Additive (design §4.1): only where the document has a `# Source:` comment.
      ...(source !== undefined ? { source } : {}),
      document: f.document,
      kind: f.kind ?? null,
      name: f.name ?? null,
      ruleId: f.ruleId,
      severity: f.severity,
      fieldPath: f.fieldPath,
      message: f.message,
      // Additive: the plain explanation after an API server message, in the CLI's language.
      ...(f.note ? { note: f.note } : {}),
      range: f.range,
    })),
  );
  yield* jsonChunks({ findings });
  yield '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, as code-scanning tools read it; columns and lines are 1-based there. */
export function* formatSarif(results: readonly FileFindings[], version: string): Generator<string, void, undefined> {
  const sarifResults = results.flatMap(({ file, findings }) =>
    findings.map(({ finding: f }) => ({
      ruleId: f.ruleId,
      level: SARIF_LEVEL[f.severity],
      // SARIF has one text per result: the note follows the message on its own line.
      message: { text: `${f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message}${f.note ? `\n${f.note}` : ''}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file.split('\\').join('/') },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'k8s-dryrun', version } }, results: sarifResults }],
  };
  // The results array is four levels down: walked there, each result serialized whole.
  yield* jsonChunks(log, { maxDepth: 4 });
  yield '\n';
}
