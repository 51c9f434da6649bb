/**
 * `JSON.stringify(value, null, 2)`, produced in pieces. V8 caps a string near 512 MB (2^29 - 24 UTF-16
 * units), and a long simulation's Timeline (e.g. ten years of a CronJob every minute, truncated at 100,000
 * pods) serializes to more than that: one `JSON.stringify` then throws `RangeError: Invalid string length`.
 * Concatenated, the chunks are byte for byte what `JSON.stringify(value, null, 2)` returns (nothing at all
 * where it returns undefined), so a caller can write them one by one.
 *
 * How: the top `maxDepth` levels of arrays and objects are walked here, with JSON.stringify's rules
 * (`toJSON(key)`, members whose value is undefined, a function or a symbol left out of objects and `null` in
 * arrays, `{}` and `[]` when empty); anything deeper is one `JSON.stringify(element, null, 2)` whose lines
 * are re-indented to where it sits (exact: JSON text has no raw newline inside a string). The pieces are
 * joined into chunks of about `chunkSize` characters, so output is a few writes per megabyte, not one per
 * element. A single element deeper than `maxDepth` must itself fit in a string.
 */
import { types } from 'node:util';

export interface JsonChunksOptions {
  /** Chunks are joined up to about this many characters (UTF-16 units); default 1 MiB. */
  readonly chunkSize?: number;
  /** Containers this many levels down (the value itself is level 0) are serialized whole; default 2. */
  readonly maxDepth?: number;
}

const GAP = '  ';

/** A container to walk here rather than serialize whole. */
interface Walk {
  readonly walk: object;
}

export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string, void, undefined> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const maxDepth = options.maxDepth ?? 2;
  const indents: string[] = [''];
  const indent = (depth: number): string => (indents[depth] ??= GAP.repeat(depth));
  /** The containers being walked, outermost first: JSON.stringify throws on a cycle, and so does this. */
  const walking: object[] = [];
  let parts: string[] = [];
  let size = 0;

  const add = (piece: string): void => {
    parts.push(piece);
    size += piece.length;
  };
  const take = (): string => {
    const chunk = parts.join('');
    parts = [];
    size = 0;
    return chunk;
  };

  /** What JSON.stringify does with `holder[key] = item` at `depth`: text, nothing (undefined), or a container to walk. */
  const classify = (key: string, item: unknown, depth: number): string | undefined | Walk => {
    let resolved = false;
    if ((typeof item === 'object' && item !== null) || typeof item === 'function' || typeof item === 'bigint') {
      const toJSON = (item as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') {
        item = toJSON.call(item, key);
        resolved = true;
      }
    }
    // toJSON is called once per member: its result is walked or unwrapped here, never handed to JSON.stringify,
    // which would call the result's own toJSON.
    if (isContainer(item) && (resolved || depth < maxDepth)) return { walk: item };
    const text = resolved ? primitiveText(item) : JSON.stringify(item, null, GAP);
    if (text === undefined || depth === 0 || !text.includes('\n')) return text;
    return text.replaceAll('\n', `\n${indent(depth)}`);
  };

  /** Adds one member: its separator and key (`head`), then its value. */
  function* member(head: string, item: string | Walk, depth: number): Generator<string, void, undefined> {
    if (typeof item === 'string') {
      const text = head + item;
      if (size > 0 && size + text.length > chunkSize) yield take();
      add(text);
    } else {
      add(head);
      yield* walk(item.walk, depth);
    }
  }

  function* walk(container: object, depth: number): Generator<string, void, undefined> {
    if (walking.includes(container)) throw new TypeError('Converting circular structure to JSON');
    walking.push(container);
    const inner = indent(depth + 1);
    let empty = true;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const item = classify(String(i), container[i], depth + 1);
        yield* member(`${empty ? '[' : ','}\n${inner}`, item ?? 'null', depth + 1);
        empty = false;
      }
      add(empty ? '[]' : `\n${indent(depth)}]`);
    } else {
      for (const key of Object.keys(container)) {
        const item = classify(key, (container as Record<string, unknown>)[key], depth + 1);
        if (item === undefined) continue;
        yield* member(`${empty ? '{' : ','}\n${inner}${JSON.stringify(key)}: `, item, depth + 1);
        empty = false;
      }
      add(empty ? '{}' : `\n${indent(depth)}}`);
    }
    walking.pop();
  }

  const root = classify('', value, 0);
  if (root === undefined) return;
  yield* member('', root, 0);
  if (size > 0) yield take();
}

/** An array, or an object JSON.stringify writes as `{…}` (not a boxed primitive, not JSON.rawJSON's). */
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (types.isNumberObject(value) || types.isStringObject(value) || types.isBooleanObject(value) || types.isBigIntObject(value)) return false;
  const isRawJSON = (JSON as { isRawJSON?: (v: unknown) => boolean }).isRawJSON;
  return !isRawJSON?.(value);
}

/** The text of a value toJSON returned that is not a container, without calling toJSON again. */
function primitiveText(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint' || types.isBigIntObject(value)) throw new TypeError('Do not know how to serialize a BigInt');
  if (types.isNumberObject(value)) return JSON.stringify(Number(value));
  if (types.isStringObject(value)) return JSON.stringify(String(value));
  if (types.isBooleanObject(value)) return JSON.stringify(value.valueOf());
  return JSON.stringify(value);
}
