/**
 * A file's lint results kept per `---` chunk (parse/documentChunks.ts), so an edit re-parses and re-lints
 * only the chunks whose text changed; the others keep their findings and only move. Used by the language
 * server: a keystroke in a 1,000-document file costs one document, not the file.
 */
import { crossDocumentFindings, type ServiceFacts } from './crossDocument';
import type { Finding, Position, Range } from './findings';
import { resolveLocale } from './i18n';
import { lintChunk, type ChunkLint, type DocumentSummary, type LintOptions } from './lint';
import { splitDocuments } from './parse/documentChunks';
import { countLineBreaks } from './parse/lineIndex';
import { parseManifests, type ManifestDocument, type ParsedFile } from './parse/parseManifests';

/** One replacement, in offsets of the text as it was just before it (LSP's incremental change order). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

interface Piece {
  start: number;
  end: number;
  /** Where the piece's text is in the text of the last refresh; undefined once an edit touched it. */
  sourceStart?: number;
  lineBreaks?: number;
  /** Lint with the chunk as its own file: line 0 and document 0 are the chunk's first. */
  result?: ChunkLint;
  line: number;
  documentIndex: number;
  /** The result moved to where the piece was last put together: reused while the piece stays there. */
  placed?: { line: number; documentIndex: number; findings: readonly Finding[]; documents: readonly DocumentSummary[] };
}

/** A document of the file, parsed again on demand with file positions; offsets are into `parsed.text`. */
export interface ParsedDocumentAt {
  readonly parsed: ParsedFile;
  readonly document: ManifestDocument;
  /** Add to an offset in `parsed.text` to get the file offset. */
  readonly offset: number;
}

export class FileAnalysis {
  private text = '';
  private pieces: Piece[] = [];
  private dirty = false;
  private assembled?: { findings: Finding[]; documents: DocumentSummary[] };
  private lastParsed?: { start: number; end: number; parsed: ParsedFile };
  /** Services of the files around this one (the editor's workspace folder), for the cross-document pass. */
  private knownServices: readonly ServiceFacts[] = [];
  /** Every finding: the chunks' and the cross-document pass's, joined again when either changes. */
  private joined?: Finding[];

  constructor(private options: LintOptions) {}

  /** The whole text anew: an open, or a change without a range. */
  reset(text: string): void {
    this.text = text;
    const chunks = splitDocuments(text);
    this.pieces = chunks.map((chunk, i) => ({
      start: chunk.start,
      end: chunk.end,
      sourceStart: chunk.start,
      lineBreaks: i + 1 < chunks.length ? chunks[i + 1].line - chunk.line : countLineBreaks(text, chunk.start, chunk.end),
      line: chunk.line,
      documentIndex: 0,
    }));
    this.dirty = false;
    this.reusable = [];
    this.forget();
  }

  /** Settings changed: every chunk is linted again, the cuts stay. */
  setOptions(options: LintOptions): void {
    if (options === this.options) return;
    this.options = options;
    for (const piece of this.pieces) {
      piece.result = undefined;
      piece.placed = undefined;
    }
    this.forget();
  }

  /**
   * Records one change. The chunks it touches, and the one before (an edit on a `---` line can join two
   * documents), become one piece to cut again at the next refresh; the chunks after it only move.
   */
  edit(change: TextChange): void {
    const delta = change.newText.length - (change.end - change.start);
    let first = this.pieces.findIndex((p) => p.end >= change.start);
    if (first === -1) first = this.pieces.length - 1;
    let last = first;
    while (last + 1 < this.pieces.length && this.pieces[last + 1].start <= change.end) last++;
    first = Math.max(0, first - 1);
    const merged: Piece = { start: this.pieces[first].start, end: this.pieces[last].end + delta, line: 0, documentIndex: 0 };
    const touched = this.pieces.slice(first, last + 1);
    this.reusable.push(...touched.filter((p) => p.sourceStart !== undefined && p.result !== undefined));
    for (let i = last + 1; i < this.pieces.length; i++) {
      this.pieces[i].start += delta;
      this.pieces[i].end += delta;
    }
    this.pieces.splice(first, last - first + 1, merged);
    this.dirty = true;
    this.forget();
  }

  /** Clean chunks cut away by edits since the last refresh: a re-cut chunk with the same text keeps its result. */
  private reusable: Piece[] = [];

  /** Brings the pieces up to `text`, the text after every change recorded since the last refresh. */
  refresh(text: string): void {
    if (!this.dirty) {
      if (text !== this.text) this.reset(text);
      return;
    }
    const byText = new Map<string, ChunkLint>();
    for (const piece of this.reusable) {
      const start = piece.sourceStart as number;
      byText.set(this.text.slice(start, start + piece.end - piece.start), piece.result as ChunkLint);
    }
    this.reusable = [];
    const pieces: Piece[] = [];
    for (const piece of this.pieces) {
      if (piece.lineBreaks !== undefined) {
        pieces.push(piece);
        continue;
      }
      for (const chunk of splitDocuments(text, piece.start, piece.end)) {
        const result = byText.get(text.slice(chunk.start, chunk.end));
        pieces.push({ start: chunk.start, end: chunk.end, line: 0, documentIndex: 0, result });
      }
    }
    for (const piece of pieces) {
      piece.sourceStart = piece.start;
      piece.lineBreaks ??= countLineBreaks(text, piece.start, piece.end);
    }
    this.text = text;
    this.pieces = pieces;
    this.dirty = false;
  }

  /** The texts of the chunks not linted yet (flat copies), for linting elsewhere; see supply(). */
  pendingTexts(): string[] {
    return this.pieces.filter((piece) => piece.result === undefined).map((piece) => detached(this.text.slice(piece.start, piece.end)));
  }

  /** Results linted elsewhere for chunk texts; used for the chunks that still have that text and these options. */
  supply(texts: readonly string[], results: readonly ChunkLint[], options: LintOptions): void {
    if (options !== this.options) return;
    const byText = new Map(texts.map((text, i) => [text, results[i]]));
    for (const piece of this.pieces) {
      if (piece.result !== undefined) continue;
      const result = byText.get(this.text.slice(piece.start, piece.end));
      if (result !== undefined) piece.result = result;
    }
  }

  /**
   * Every finding of the file, in file positions; a Helm placeholder anywhere makes it the only one. The
   * cross-document pass (a StatefulSet's Service) runs over the kept summaries: O(documents), no chunk relinted.
   */
  findings(): Finding[] {
    const assembled = this.assemble();
    if (this.joined) return this.joined;
    const cross = crossDocumentFindings(assembled.documents, this.knownServices, resolveLocale(this.options.locale));
    this.joined = cross.length === 0 ? assembled.findings : [...assembled.findings, ...cross];
    return this.joined;
  }

  /** The Services written in other files around this one; the file's own come from its documents. */
  setKnownServices(services: readonly ServiceFacts[]): void {
    if (services === this.knownServices) return;
    this.knownServices = services;
    this.joined = undefined;
  }

  documents(): readonly DocumentSummary[] {
    return this.assemble().documents;
  }

  /** The document holding `offset` (between two documents: the one before), parsed. */
  documentAtOffset(offset: number): ParsedDocumentAt | undefined {
    this.assemble();
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.pieces[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    // A chunk of comments only has no document: the offset then belongs to the document before it.
    for (let i = low; i >= 0; i--) {
      const piece = this.pieces[i];
      if (piece.result?.documents.length === 0) continue;
      const parsed = this.parse(piece);
      const local = offset - piece.start;
      const document = parsed.documents.find((doc) => local <= doc.offsets[1]) ?? parsed.documents[parsed.documents.length - 1];
      if (document) return { parsed, document, offset: piece.start };
    }
    return undefined;
  }

  /** The document with file index `index`, parsed. */
  documentAtIndex(index: number): ParsedDocumentAt | undefined {
    this.assemble();
    const piece = this.pieces.find((p) => index >= p.documentIndex && index < p.documentIndex + (p.result?.documents.length ?? 0));
    if (!piece) return undefined;
    const parsed = this.parse(piece);
    const document = parsed.documents.find((doc) => doc.index === index);
    return document ? { parsed, document, offset: piece.start } : undefined;
  }

  private parse(piece: Piece): ParsedFile {
    if (this.lastParsed?.start === piece.start && this.lastParsed.end === piece.end) return this.lastParsed.parsed;
    const parsed = parseManifests(this.text.slice(piece.start, piece.end), { line: piece.line, documentIndex: piece.documentIndex });
    this.lastParsed = { start: piece.start, end: piece.end, parsed };
    return parsed;
  }

  private forget(): void {
    this.assembled = undefined;
    this.joined = undefined;
    this.lastParsed = undefined;
  }

  /** Lints the chunks that have no result yet and puts the file together; call refresh() first after edits. */
  private assemble(): { findings: Finding[]; documents: DocumentSummary[] } {
    if (this.assembled) return this.assembled;
    let line = 0;
    let documentIndex = 0;
    let template: Finding | undefined;
    const findings: Finding[] = [];
    const documents: DocumentSummary[] = [];
    for (const piece of this.pieces) {
      // Linted as its own file, from a copy: what the results keep must not hold on to the whole text.
      piece.result ??= lintChunk(detached(this.text.slice(piece.start, piece.end)), this.options);
      piece.line = line;
      piece.documentIndex = documentIndex;
      // About the whole file, like the CLI's: document 0.
      if (piece.result.template && !template) template = moved(piece.result.template, line, 0);
      const placed = placeOf(piece as Piece & { result: ChunkLint });
      for (const finding of placed.findings) findings.push(finding);
      for (const doc of placed.documents) documents.push(doc);
      line += piece.lineBreaks ?? 0;
      documentIndex += piece.result.documents.length;
    }
    this.assembled = template ? { findings: [template], documents: [] } : { findings, documents };
    this.joined = undefined;
    return this.assembled;
  }
}

/** The piece's findings and documents at its current place; the same objects as last time if it has not moved. */
function placeOf(piece: Piece & { result: ChunkLint }): NonNullable<Piece['placed']> {
  const { line, documentIndex, placed, result } = piece;
  if (placed && placed.line === line && placed.documentIndex === documentIndex) return placed;
  piece.placed = {
    line,
    documentIndex,
    findings: result.findings.map((finding) => moved(finding, line, documentIndex)),
    documents: result.documents.map((doc) => movedDocument(doc, line, documentIndex)),
  };
  return piece.placed;
}

/** A flat copy of a string: a slice of a big text would keep the whole text alive as long as it lives. */
function detached(text: string): string {
  return (text + ' ').slice(0, -1);
}

function moved(finding: Finding, lines: number, documents: number): Finding {
  if (lines === 0 && documents === 0) return finding;
  const fixes = finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: movedRange(edit.range, lines) })) }));
  return { ...finding, document: finding.document + documents, range: movedRange(finding.range, lines), ...(fixes ? { fixes } : {}) };
}

function movedDocument(doc: DocumentSummary, lines: number, documents: number): DocumentSummary {
  if (lines === 0 && documents === 0) return doc;
  const governingService = doc.governingService && { ...doc.governingService, range: movedRange(doc.governingService.range, lines) };
  return { ...doc, index: doc.index + documents, range: movedRange(doc.range, lines), kindLine: doc.kindLine + lines, ...(governingService ? { governingService } : {}) };
}

function movedRange(range: Range, lines: number): Range {
  return { start: movedPosition(range.start, lines), end: movedPosition(range.end, lines) };
}

function movedPosition(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}
