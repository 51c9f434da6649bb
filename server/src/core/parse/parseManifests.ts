/**
 * Text → one ManifestDocument per `---` document, each with its own errors and a source map.
 * Positions are counted from the text itself (LineIndex), so every error and every field has an exact position.
 */
import { isCollection, isPair, isScalar, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Position, Range } from '../findings';
import { LineIndex } from './lineIndex';
import { SourceMap } from './sourceMap';
import { nestingProblem } from './nestingLimit';
import { YAML11_PARSE_OPTIONS } from './yaml11';

/** More aliases than this in one document is treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

export interface ManifestDocument {
  readonly index: number;
  /** The plain JS value of the document, or undefined when it could not be built. */
  readonly value: unknown;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly sourceMap: SourceMap;
  /** Range of the whole document, for findings about it as a whole. */
  readonly range: Range;
  /** The same as text offsets [start, end). */
  readonly offsets: readonly [number, number];
}

/**
 * Where a piece of a file starts, when the text parsed is one chunk of it (documentChunks.ts): positions and
 * document indexes are then the file's, offsets stay the chunk's own.
 */
export interface TextOrigin {
  /** The file line of the text's first line. */
  readonly line: number;
  /** The file index of the text's first document. */
  readonly documentIndex: number;
}

export const FILE_START: TextOrigin = { line: 0, documentIndex: 0 };

/** Offsets (doc.offsets, source map, text) are into `text`; positions and document indexes are the file's. */
export interface ParsedFile {
  readonly text: string;
  readonly documents: readonly ManifestDocument[];
  readonly toPosition: (offset: number) => Position;
}

/**
 * 'kubernetes': YAML 1.1 as kubectl and the API server decode manifests (yaml11.ts: `0644` is 420, `no` is false).
 * 'yaml-1.2': the YAML 1.2 core schema, for this project's own files (scenarios), whose meaning is a contract.
 */
export type YamlDialect = 'kubernetes' | 'yaml-1.2';

export function parseManifests(source: string, origin: TextOrigin = FILE_START, dialect: YamlDialect = 'kubernetes'): ParsedFile {
  // YAML and LSP both count a lone CR (classic Mac line ends) as a line break, the yaml package does not: it
  // would read the whole file as one line, often one comment, and find nothing. Same length, same offsets.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lines = new LineIndex(text, origin.line);
  const toPosition = (offset: number): Position => lines.positionAt(offset);
  const toRange = (start: number, end: number): Range => ({ start: toPosition(start), end: toPosition(Math.max(start, end)) });
  // uniqueKeys: false, and duplicateKeyErrors() instead: the yaml package compares each key with every earlier
  // key of its map, so a map with 50,000 keys took 20 s. logLevel 'error': no process warnings on stderr
  // (e.g. for a list used as a key; the rules report such keys).
  const parsed = parseAllDocuments(text, { ...(dialect === 'kubernetes' ? YAML11_PARSE_OPTIONS : {}), prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  // parseAllDocuments returns an EmptyStream (an array with no documents) for empty or comment-only text.
  const yamlDocuments: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const documents = yamlDocuments.map((doc, index) => toManifestDocument(doc, origin.documentIndex + index, toRange));
  return { text, documents, toPosition };
}

function toManifestDocument(doc: Document.Parsed, index: number, toRange: (s: number, e: number) => Range): ManifestDocument {
  // Only the first error: the ones after it are mostly the parser losing its footing on the same mistake.
  const [duplicate] = duplicateKeyErrors(doc.contents);
  const first = doc.errors[0] !== undefined && (duplicate === undefined || doc.errors[0].pos[0] <= duplicate.pos[0]) ? doc.errors[0] : duplicate;
  const syntaxProblems: SyntaxProblem[] = (first ? [first] : []).map((error) => ({
    message: describeYamlError(error.code, error.message),
    range: toRange(error.pos[0], error.pos[1]),
  }));
  // Checked before toJS, which would run for minutes on keys nested in keys (nestingLimit.ts).
  const tooDeep = nestingProblem(doc.contents);
  if (tooDeep) syntaxProblems.unshift({ message: tooDeep.message, range: toRange(tooDeep.offsets[0], tooDeep.offsets[1]) });
  // Built even when there are syntax errors: completion and hover work on half-typed documents.
  let value: unknown;
  try {
    if (!tooDeep) value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs and unresolved aliases.
    const message = error instanceof Error ? error.message : String(error);
    if (syntaxProblems.length === 0) syntaxProblems.push({ message: describeYamlError('ALIAS', message), range: toRange(doc.range[0], doc.range[1]) });
  }
  const object = isPlainObject(value) ? value : undefined;
  return {
    index,
    value,
    apiVersion: stringField(object?.apiVersion),
    kind: stringField(object?.kind),
    name: isPlainObject(object?.metadata) ? stringField(object.metadata.name) : undefined,
    syntaxProblems,
    sourceMap: new SourceMap(doc.contents, toRange),
    range: toRange(doc.range[0], doc.range[1]),
    offsets: [doc.range[0], doc.range[2]],
  };
}

/** The document holding `offset` (a position between two documents belongs to the one before). */
export function documentAt(parsed: ParsedFile, offset: number): ManifestDocument | undefined {
  return parsed.documents.find((doc) => offset <= doc.offsets[1]) ?? parsed.documents[parsed.documents.length - 1];
}

interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly [number, number];
}

/**
 * "Map keys must be unique", as the yaml package's uniqueKeys reports it (scalar keys with the same value), in
 * document order, with one Set per map. Iterative: a document nested thousands of levels deep must not
 * overflow the stack here.
 */
function duplicateKeyErrors(root: Node | null): YamlProblem[] {
  const errors: YamlProblem[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    const seen = new Set<unknown>();
    const children: unknown[] = [];
    for (const item of node.items) {
      if (!isPair(item)) {
        children.push(item);
        continue;
      }
      const key = item.key;
      if (isScalar(key) && !Number.isNaN(key.value)) {
        if (seen.has(key.value) && key.range) errors.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.range[0], key.range[0] + 1] });
        seen.add(key.value);
      }
      children.push(key, item.value);
    }
    // Reversed onto the stack, so children are visited in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** What usually causes each of the yaml package's error codes in a hand-written manifest. */
const HINTS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'check the indentation of this line against the lines above it',
  MISSING_CHAR: 'check the indentation and the quotes on this line',
  TAB_AS_INDENT: 'YAML indentation must use spaces',
  UNEXPECTED_TOKEN: 'text follows a complete value: quote the whole value, or start a comment with " #"',
  MULTILINE_IMPLICIT_KEY: 'a key and its colon must be on one line; is a line above missing its closing quote or bracket?',
  BLOCK_AS_IMPLICIT_KEY: 'is this line indented too far or too little?',
  DUPLICATE_KEY: 'the API server rejects duplicate fields',
};

function describeYamlError(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message)) {
    return 'YAML nested too deeply: this document has more levels of lists and mappings inside each other than can be checked';
  }
  if (code === 'ALIAS' && /alias count/i.test(message)) {
    return `Too many YAML aliases (more than ${MAX_ALIAS_COUNT}): the document looks like an alias bomb and is not checked`;
  }
  const hint = HINTS[code];
  return `YAML syntax error: ${message}${hint ? ` (${hint})` : ''}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
