/**
 * A check that runs before the `yaml` package's toJS, so that no document makes it run for minutes.
 *
 * Parsing is fast whatever the nesting; toJS is not when mappings or lists are used as keys: a JavaScript
 * object key must be a string, so toJS writes each such key out as YAML text (stringifyKey → key.toString()),
 * and converts it as well, and the keys inside that key again. With keys inside keys the time grows
 * exponentially with their depth: `spec: ` followed by 500 `{` (each `{` opens a mapping that is the key of
 * the one before) never finished, and `[{` × 200 took 5.7 s, while parsing either takes a few milliseconds.
 *
 * Kubernetes accepts no mapping or list as a key at all (go-yaml v2 decode.go `mapping`: "invalid map key"),
 * so a document with keys nested in keys is never a manifest. Keys nested up to MAX_KEY_NESTING deep convert
 * in milliseconds; deeper ones get this problem instead, and the document is not converted or checked.
 */
import { isMap, isPair, isSeq, type Node } from 'yaml';

/** Mappings or lists used as keys, each inside the key before: more than this is refused. */
export const MAX_KEY_NESTING = 32;

export interface NestingProblem {
  readonly message: string;
  /** Text offsets [start, end) of the key that goes one level too deep. */
  readonly offsets: readonly [number, number];
}

/** The first key nested deeper than MAX_KEY_NESTING, in document order; undefined when there is none. */
export function nestingProblem(root: Node | null | undefined): NestingProblem | undefined {
  // Iterative, with an explicit stack (nodes and their key depths side by side, no allocation per node): the
  // documents this is for are the ones deep enough to overflow recursion, and it runs on every document.
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const keyDepth = depths.pop() as number;
    if (!isMap(node) && !isSeq(node)) continue;
    // Only keys raise the depth, so this is a key one level too deep.
    if (keyDepth > MAX_KEY_NESTING) return problemAt(node as Node);
    const items = node.items as unknown[];
    // Last item first, and a pair's value before its key: popped, they come in document order.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (!isPair(item)) {
        nodes.push(item);
        depths.push(keyDepth);
        continue;
      }
      nodes.push(item.value);
      depths.push(keyDepth);
      if (isMap(item.key) || isSeq(item.key)) {
        nodes.push(item.key);
        depths.push(keyDepth + 1);
      }
    }
  }
  return undefined;
}

function problemAt(key: Node): NestingProblem {
  const start = key.range?.[0] ?? 0;
  return {
    message:
      `YAML nested too deeply: mappings or lists used as keys are nested more than ${MAX_KEY_NESTING} levels deep here, ` +
      'more than can be checked (the API server accepts no mapping or list as a key; is a closing bracket missing?)',
    offsets: [start, start + 1],
  };
}
