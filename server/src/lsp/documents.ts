/**
 * Open documents and their analysis. Each document's FileAnalysis is told every incremental change as it
 * arrives (offsets taken before the change is applied), so bringing it up to date costs the documents the
 * changes touched, not the file. Diagnostics, hover, completion, CodeLens and the preview all read it.
 */
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileAnalysis, type LintOptions } from '../core';

export class DocumentStore {
  private readonly analyses = new Map<string, { analysis: FileAnalysis; version: number }>();
  readonly documents: TextDocuments<TextDocument>;

  constructor(private readonly options: () => LintOptions) {
    this.documents = new TextDocuments({
      create: (uri, languageId, version, content) => {
        this.analyses.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (document, changes, version) => this.update(document, changes, version),
    });
    this.documents.onDidClose(({ document }) => this.analyses.delete(document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version (a settings change relints every chunk). */
  analysis(document: TextDocument): FileAnalysis {
    const entry = this.analyses.get(document.uri);
    const options = this.options();
    if (entry === undefined) {
      const analysis = new FileAnalysis(options);
      analysis.reset(document.getText());
      this.analyses.set(document.uri, { analysis, version: document.version });
      return analysis;
    }
    entry.analysis.setOptions(options);
    if (entry.version !== document.version) {
      entry.analysis.refresh(document.getText());
      entry.version = document.version;
    }
    return entry.analysis;
  }

  /** Applies the changes one at a time, telling the analysis (if any yet) where each one lands. */
  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const analysis = this.analyses.get(document.uri)?.analysis;
    for (const change of changes) {
      if (analysis) {
        if ('range' in change) {
          analysis.edit({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), newText: change.text });
        } else {
          // A whole new text: nothing to keep but the results of chunks that come out the same.
          analysis.edit({ start: 0, end: document.getText().length, newText: change.text });
        }
      }
      TextDocument.update(document, [change], version);
    }
    return document;
  }
}
