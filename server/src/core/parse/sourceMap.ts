/**
 * Field path → ranges of the key and of the value in the document text.
 * Lookups walk the yaml AST on demand: only findings need positions, so nothing is precomputed.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../findings';
import type { Path } from './path';

/** What is under a position: the path of the innermost field, and whether the position is on its key. */
export interface PathAtOffset {
  readonly path: Path;
  readonly on: 'key' | 'value';
}

export interface Located {
  /** The range of the key that holds the value (for list items: the item itself). */
  readonly key?: Range;
  readonly value?: Range;
  /** How many leading segments of the path exist in the document: path.length when found. */
  readonly depth: number;
}

type ToRange = (start: number, end: number) => Range;

export class SourceMap {
  constructor(
    private readonly root: Node | null,
    private readonly toRange: ToRange,
  ) {}

  /** Finds the deepest existing node along `path`; a missing field points at its nearest existing ancestor. */
  locate(path: Path): Located {
    let node: unknown = this.root;
    let keyNode: unknown = undefined;
    let depth = 0;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) break;
      ({ node, keyNode } = next);
      depth++;
    }
    return { key: this.rangeOf(keyNode), value: this.rangeOf(node), depth };
  }

  /** The innermost field at `offset` (a key or a scalar value); undefined outside every field. */
  pathAt(offset: number): PathAtOffset | undefined {
    const path: (string | number)[] = [];
    let node: unknown = this.root;
    let found: PathAtOffset | undefined;
    for (;;) {
      if (isMap(node)) {
        // Keys first: a collection value's range runs up to the next key, so it would claim that key's start.
        const pair = node.items.find((item: Pair) => contains(item.key, offset)) ?? node.items.find((item: Pair) => contains(item.value, offset));
        if (!pair || !isScalar(pair.key)) return found;
        path.push(String(pair.key.value));
        if (contains(pair.key, offset)) return { path: [...path], on: 'key' };
        found = { path: [...path], on: 'value' };
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => contains(item, offset));
        if (index < 0) return found;
        path.push(index);
        found = { path: [...path], on: 'value' };
        node = node.items[index];
      } else {
        return found;
      }
    }
  }

  /** The yaml node at `path`, for callers that need the structure (existing keys, item counts). */
  nodeAt(path: Path): unknown {
    let node: unknown = this.root;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) return undefined;
      node = next.node;
    }
    return node;
  }

  private rangeOf(node: unknown): Range | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.toRange(range[0], range[1]) : undefined;
  }
}

/** Whether the node's source range holds `offset`; for scalars the end counts, so a cursor right after a value does. */
function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  if (range === undefined || range === null || offset < range[0]) return false;
  // A block collection ends where the next line starts, which belongs to what follows.
  return isScalar(node) ? offset <= range[1] : offset < range[1];
}

/** Maps with more items than this get a key index: a finding per key of a 20,000-key map made lint quadratic. */
const INDEXED_MAP_SIZE = 32;
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair whose scalar key reads `key`. */
function pairFor(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= INDEXED_MAP_SIZE) return map.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === key);
  let index = keyIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const item of map.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!index.has(name)) index.set(name, item);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

function child(node: unknown, segment: string | number): { node: unknown; keyNode: unknown } | undefined {
  if (isMap(node)) {
    const pair = pairFor(node, String(segment));
    if (!pair) return undefined;
    // A key with no value (`restartPolicy:`) has a null value node; point at the key then.
    return { node: pair.value ?? pair.key, keyNode: pair.key };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item ? { node: item, keyNode: item } : undefined;
  }
  return undefined;
}
