/** Core findings → LSP diagnostics: the one place that converts them. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core';

export const DIAGNOSTIC_SOURCE = 'k8s-dryrun';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The message reads like the API server's error: `<fieldPath>: <message>`. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.fieldPath ? `${finding.fieldPath}: ${finding.message}` : finding.message,
    ...(finding.fixes ? { data: { fixes: finding.fixes } } : {}),
  };
}
