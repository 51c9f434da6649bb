/**
 * Open documents and their analysis, computed once per document version: diagnostics, hover and
 * completion all read the same parse.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintOptions, type LintResult } from '../core';

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, { version: number; options: LintOptions; result: LintResult }>();

  constructor(private readonly options: () => LintOptions) {
    this.documents.onDidClose(({ document }) => this.cache.delete(document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The lint result of the document's current version (settings changes invalidate it). */
  analysis(document: TextDocument): LintResult {
    const options = this.options();
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options) return cached.result;
    const result = lint(document.getText(), options);
    this.cache.set(document.uri, { version: document.version, options, result });
    return result;
  }
}
