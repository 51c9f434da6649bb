/** Completion: fields valid at the cursor and enum values, with types and defaults (core/complete.ts). */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt, type FileAnalysis } from '../core';

export function provideCompletion(document: TextDocument, analysis: FileAnalysis, position: Position): CompletionItem[] {
  const offset = document.offsetAt(position);
  const found = analysis.documentAtOffset(offset);
  if (!found) return [];
  return completeAt(found.parsed.text, found.parsed, offset - found.offset).map((candidate, index) => ({
    label: candidate.label,
    kind: candidate.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.EnumMember,
    detail: candidate.detail,
    documentation: candidate.documentation ? { kind: MarkupKind.PlainText, value: candidate.documentation } : undefined,
    insertText: candidate.insertText,
    preselect: candidate.preselect,
    // Keep the schema's order for fields (it is alphabetical) and put the default value first.
    sortText: `${candidate.preselect ? '0' : '1'}${String(index).padStart(4, '0')}`,
  }));
}
