/** Core findings → LSP diagnostics: the one place that converts them. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { checkScenarioText, type Finding, type Severity } from '../core';

export const DIAGNOSTIC_SOURCE = 'k8s-dryrun';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding's diagnostic, made once: after an edit most findings are the same objects as before it. */
const diagnostics = new WeakMap<Finding, Diagnostic>();

export function cachedDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = diagnostics.get(finding);
  if (diagnostic === undefined) {
    diagnostic = toDiagnostic(finding);
    diagnostics.set(finding, diagnostic);
  }
  return diagnostic;
}

/**
 * The message reads like the API server's error: `<fieldPath>: <message>`; a finding's note (a plain explanation in
 * the user's language) follows on a line of its own, so the API server's words stay as kubectl prints them.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const message = finding.fieldPath ? `${finding.fieldPath}: ${finding.message}` : finding.message;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.note ? `${message}\n${finding.note}` : message,
    ...(finding.fixes ? { data: { fixes: finding.fixes } } : {}),
  };
}

/** Scenario files (`<stem>.scenario.yaml`, `<stem>.<name>.scenario.yaml`) are checked as scenarios, not linted as manifests. */
export function isScenarioUri(uri: string): boolean {
  return /\.scenario\.ya?ml$/i.test(uri.replace(/[?#].*$/, ''));
}

/** A scenario file's YAML and scenario problems (unknown fields, bad durations, wrong types), where they are written. */
export function scenarioDiagnostics(text: string, locale?: string): Diagnostic[] {
  return checkScenarioText(text, locale).map((problem) => ({ range: problem.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: problem.message }));
}
