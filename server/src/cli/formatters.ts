/** Output formats of `k8s-dryrun lint`. JSON is a contract (design §4.1): change it only additively. */
import type { Finding } from '../core';

export interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** The `# Source:` path of a finding's document (helm template output), if it has one. */
  readonly sourceOf?: (finding: Finding) => string | undefined;
}

/**
 * `file:line:col: severity fieldPath: message [rule-id]`, 1-based like compilers print; with a `# Source:`
 * path, `file:line:col (source): ...`.
 */
export function formatText(results: readonly FileFindings[]): string {
  const lines: string[] = [];
  for (const { file, findings, sourceOf } of results) {
    // By position, as compilers print; the JSON output keeps the API server's order.
    const byPosition = [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const f of byPosition) {
      const source = sourceOf?.(f);
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}${source !== undefined ? ` (${source})` : ''}`;
      const what = f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message;
      lines.push(`${where}: ${f.severity} ${what} [${f.ruleId}]`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

export function formatJson(results: readonly FileFindings[]): string {
  const findings = results.flatMap(({ file, findings, sourceOf }) =>
    findings.map((f) => {
      const source = sourceOf?.(f);
      return {
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
        range: f.range,
      };
    }),
  );
  return `${JSON.stringify({ findings }, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, as code-scanning tools read it; columns and lines are 1-based there. */
export function formatSarif(results: readonly FileFindings[], version: string): string {
  const sarifResults = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.fieldPath ? `${f.fieldPath}: ${f.message}` : f.message },
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
  return `${JSON.stringify(log, null, 2)}\n`;
}
