/**
 * Quick fixes: each diagnostic carries its fixes (computed with the finding, as text edits) in `data`,
 * so answering a code action request needs no second analysis.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Fix } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export interface DiagnosticData {
  readonly fixes?: readonly Fix[];
}

export function provideCodeActions(params: CodeActionParams): CodeAction[] {
  return params.context.diagnostics.flatMap((diagnostic: Diagnostic) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
    const fixes = (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
    return fixes.map(
      (fix): CodeAction => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [params.textDocument.uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      }),
    );
  });
}
