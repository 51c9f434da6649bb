/**
 * Field path → ranges of the key and of the value in the document text.
 * Lookups walk the yaml AST on demand: only findings need positions, so nothing is precomputed.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Range } from '../findings';
import type { Path } from './path';

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

  private rangeOf(node: unknown): Range | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.toRange(range[0], range[1]) : undefined;
  }
}

function child(node: unknown, segment: string | number): { node: unknown; keyNode: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(segment));
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
