/**
 * Turns quick-fix intents ("set this field to that value", "rename this key") into text edits that keep
 * the document's own indentation. A change that cannot be placed safely (inside a flow mapping, a path
 * through a list item that does not exist) gives no edit, and the fix is dropped rather than guessed.
 */
import { isMap, isScalar, stringify, type Node, type Pair } from 'yaml';
import type { Position, Range } from '../findings';
import type { Path } from './path';
import type { SourceMap } from './sourceMap';
import { YAML11_STRINGIFY_OPTIONS } from './yaml11';

export type Change =
  /** Sets the field at `path` to `value` (a scalar, a mapping or a list), creating missing parent mappings. */
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  /** Renames the key at `path`. */
  | { readonly op: 'rename'; readonly path: Path; readonly key: string };

export interface FixIntent {
  readonly title: string;
  readonly changes: readonly Change[];
  /** The fix VS Code applies with "Fix all" / the light bulb's first choice. */
  readonly preferred?: boolean;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export interface EditContext {
  readonly text: string;
  readonly sourceMap: SourceMap;
  readonly toPosition: (offset: number) => Position;
}

export function resolveFix(context: EditContext, intent: FixIntent): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const change of intent.changes) {
    const edit = change.op === 'rename' ? renameEdit(context, change.path, change.key) : setEdit(context, change.path, change.value);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { title: intent.title, edits, preferred: intent.preferred };
}

function renameEdit({ sourceMap }: EditContext, path: Path, key: string): TextEdit | undefined {
  const located = sourceMap.locate(path);
  if (located.depth < path.length || !located.key || typeof path[path.length - 1] !== 'string') return undefined;
  return { range: located.key, newText: key };
}

function setEdit(context: EditContext, path: Path, value: unknown): TextEdit | undefined {
  const { sourceMap } = context;
  const located = sourceMap.locate(path);
  if (located.depth === path.length) return replaceEdit(context, path, value);
  const existing = path.slice(0, located.depth);
  const missing = path.slice(located.depth);
  if (missing.some((segment) => typeof segment !== 'string')) return undefined;
  // {a: {b: value}} for the missing part of the path.
  const block = (missing as string[]).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  return insertEdit(context, existing, block as Record<string, unknown>);
}

/** Replaces an existing field's value. */
function replaceEdit(context: EditContext, path: Path, value: unknown): TextEdit | undefined {
  const { text, sourceMap, toPosition } = context;
  if (typeof path[path.length - 1] === 'number') return replaceItemEdit(context, path, value);
  const pair = pairAt(sourceMap, path);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range) return undefined;
  const valueNode = pair.value as Node | null;
  const keyStart = keyNode.range[0];
  const keyEnd = keyNode.range[1];
  if (isScalarValue(value)) {
    // From the end of the key: `key:` with no value, or any old value, becomes `key: value`.
    const end = valueNode?.range && valueNode.range[1] > keyEnd ? valueNode.range[1] : lineEnd(text, keyEnd);
    return edit(toPosition, keyEnd, end, `: ${scalarText(value)}`);
  }
  const column = columnOf(text, keyStart);
  const end = valueNode?.range && valueNode.range[1] > keyEnd ? trimmedEnd(text, valueNode.range[1]) : lineEnd(text, keyEnd);
  return edit(toPosition, keyEnd, end, `:\n${blockText(value, column + 2).replace(/\n$/, '')}`);
}

/** Replaces a scalar list item; strings are written double-quoted, which is valid in block and flow lists alike. */
function replaceItemEdit({ sourceMap, toPosition }: EditContext, path: Path, value: unknown): TextEdit | undefined {
  const node = sourceMap.nodeAt(path);
  if (!isScalar(node) || !node.range || !isScalarValue(value)) return undefined;
  return edit(toPosition, node.range[0], node.range[1], typeof value === 'string' ? JSON.stringify(value) : scalarText(value));
}

/** Adds `block`'s keys to the mapping at `path` (or to the empty value of the key at `path`). */
function insertEdit(context: EditContext, path: Path, block: Record<string, unknown>): TextEdit | undefined {
  const { text, sourceMap, toPosition } = context;
  const node = sourceMap.nodeAt(path);
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const first = node.items[0].key as Node;
    const last = node.items[node.items.length - 1];
    const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range)?.[1];
    if (!first.range || lastEnd === undefined) return undefined;
    const at = afterLine(text, trimmedEnd(text, lastEnd));
    const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return edit(toPosition, at, at, prefix + blockText(block, columnOf(text, first.range[0])));
  }
  // `key:` with nothing after it: the block goes on the next lines, indented under the key.
  const pair = path.length > 0 ? pairAt(sourceMap, path) : undefined;
  const keyNode = pair?.key as Node | undefined;
  if (pair && keyNode?.range && isScalar(pair.value) && pair.value.value === null) {
    const end = lineEnd(text, keyNode.range[1]);
    return edit(toPosition, end, end, `\n${blockText(block, columnOf(text, keyNode.range[0]) + 2).replace(/\n$/, '')}`);
  }
  return undefined;
}

function pairAt(sourceMap: SourceMap, path: Path): Pair | undefined {
  if (path.length === 0) return undefined;
  const parent = sourceMap.nodeAt(path.slice(0, -1));
  const key = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  return parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
}

function isScalarValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** Written for YAML 1.1 readers (Kubernetes): a string such as "no" or "0644" gets quotes. */
function scalarText(value: unknown): string {
  return stringify(value, YAML11_STRINGIFY_OPTIONS).trimEnd();
}

/** `value` as block YAML, every line indented by `column`. */
function blockText(value: unknown, column: number): string {
  const indent = ' '.repeat(column);
  return stringify(value, { ...YAML11_STRINGIFY_OPTIONS, indent: 2 })
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The offset just after the line holding `offset`. */
function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Block values end after their last line break; edits stop before it so the line structure stays. */
function trimmedEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r' || text[at - 1] === ' ')) at--;
  return at;
}

function edit(toPosition: (offset: number) => Position, start: number, end: number, newText: string): TextEdit {
  return { range: { start: toPosition(start), end: toPosition(end) }, newText };
}
