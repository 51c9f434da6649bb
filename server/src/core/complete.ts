/**
 * Completion candidates at a position in a Job, CronJob or DaemonSet: the fields the mapping under the
 * cursor may hold (minus those already there) and the values an enum or boolean field takes. Pure.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { explainCard, fieldsAt, type FieldExplanation } from './explain';
import { isWorkloadKind, type WorkloadKind } from './model/types';
import { documentAt, type ManifestDocument, type ParsedFile } from './parse/parseManifests';
import type { Path } from './parse/path';

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: 'field' | 'value';
  /** Type and default, e.g. `integer · default 6`. */
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The default value sorts first among values. */
  readonly preselect?: boolean;
}

const KEY_PREFIX = /^(\s*)(- )?([A-Za-z0-9_$-]*)$/;
const VALUE_PREFIX = /^(\s*)(- )?([A-Za-z0-9_$-]+):\s+(\S*)$/;

export function completeAt(text: string, parsed: ParsedFile, offset: number): CompletionCandidate[] {
  const doc = documentAt(parsed, offset);
  if (!doc || !isWorkloadKind(doc.kind)) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const value = VALUE_PREFIX.exec(prefix);
  if (value) {
    const keyOffset = lineStart + value[1].length + (value[2]?.length ?? 0);
    const at = doc.sourceMap.pathAt(keyOffset);
    return at ? valueCandidates(doc.apiVersion ?? '', doc.kind, at.path) : [];
  }
  const key = KEY_PREFIX.exec(prefix);
  if (!key) return [];
  const column = key[1].length + (key[2]?.length ?? 0);
  const parent = mappingPathAbove(text, doc, lineStart, column, key[2] !== undefined);
  return parent ? fieldCandidates(doc, doc.kind, parent) : [];
}

function valueCandidates(apiVersion: string, kind: WorkloadKind, path: Path): CompletionCandidate[] {
  // The card, not the bare schema field: it knows e.g. that a Job's pods take OnFailure or Never only.
  const field = explainCard(apiVersion, kind, path);
  if (!field) return [];
  const values = field.enumValues ?? (field.type === 'boolean' ? ['true', 'false'] : []);
  return values.map((v) => ({
    label: v,
    kind: 'value',
    detail: v === field.defaultValue ? 'default' : undefined,
    insertText: v,
    preselect: v === field.defaultValue,
  }));
}

function fieldCandidates(doc: ManifestDocument, kind: WorkloadKind, path: Path): CompletionCandidate[] {
  const apiVersion = doc.apiVersion ?? '';
  const present = existingKeys(doc.sourceMap.nodeAt(path));
  return fieldsAt(apiVersion, kind, path)
    .filter((name) => !present.has(name))
    .map((name) => {
      const field = explainCard(apiVersion, kind, [...path, name]) as FieldExplanation;
      const facts = [field.type, ...(field.defaultValue !== undefined ? [`default ${field.defaultValue}`] : [])];
      return { label: name, kind: 'field', detail: facts.join(' · '), documentation: field.description, insertText: `${name}: ` };
    });
}

function existingKeys(node: unknown): Set<string> {
  if (!isMap(node)) return new Set();
  return new Set(node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])));
}

/**
 * Which mapping a key typed at `column` belongs to, read from the lines above: a sibling key at the same
 * column names the mapping; a key further left is the parent (a list of objects when the line starts a
 * new `- ` item).
 */
function mappingPathAbove(text: string, doc: ManifestDocument, lineStart: number, column: number, newItem: boolean): Path | undefined {
  if (column === 0) return [];
  let end = lineStart - 1;
  while (end > doc.offsets[0]) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const match = /^(\s*)(- )?([^\s#:][^:#]*):(?:\s|$)/.exec(line);
    if (!match) continue;
    const keyColumn = match[1].length + (match[2]?.length ?? 0);
    if (keyColumn > column) continue;
    const at = doc.sourceMap.pathAt(start + keyColumn);
    if (!at || at.on !== 'key') return undefined;
    if (keyColumn === column && !newItem) return at.path.slice(0, -1);
    if (keyColumn < column) {
      // The parent key: its value is the mapping, or for a list the item being written.
      if (!newItem && !isSeq(doc.sourceMap.nodeAt(at.path))) return at.path;
      const list = doc.sourceMap.nodeAt(at.path);
      return [...at.path, isSeq(list) ? list.items.length : 0];
    }
    // A `- ` item at the same column: a new item of the same list.
    if (match[2] !== undefined && newItem) {
      const listPath = at.path.slice(0, -2);
      const list = doc.sourceMap.nodeAt(listPath);
      return [...listPath, isSeq(list) ? list.items.length : 0];
    }
  }
  return undefined;
}
