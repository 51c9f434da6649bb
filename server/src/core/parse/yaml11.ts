/**
 * YAML 1.1 as Kubernetes reads it. kubectl and the API server turn YAML into JSON with sigs.k8s.io/yaml
 * (yaml.go: YAMLToJSON → yaml.Unmarshal into interface{} → convertToJSONableObject → json.Marshal), and
 * that Unmarshal is go-yaml v2, a YAML 1.1 parser. So `0644` is 420, `no` is false and `on` is true there,
 * while the `yaml` package's default (YAML 1.2 core) reads 644, "no" and "on".
 *
 * Plain scalars resolve as goyaml.v2/resolve.go `resolve("", value)` does; quoted and block scalars are
 * strings (decode.go `scalar`: a non-implicit node without a tag is a !!str). Timestamps stay strings (decode.go
 * sets a timestamp as its text when the target is interface{}). `<<` merges as decode.go `merge` does.
 * Keys that resolve to booleans or numbers become their decimal text, as convertToJSONableObject does.
 *
 * Left as the `yaml` package does it, all rare in a manifest: a float key is written by JavaScript's
 * String() rather than Go's FormatFloat(f, 'g', -1, 32); a null key becomes "" where YAMLToJSON fails with
 * "unsupported map key"; a mapping or list used as a key is stringified where go-yaml v2 fails with
 * "invalid map key".
 */
import { isAlias, isMap, isSeq, Scalar, type Node, type ParseOptions, type ScalarTag, type SchemaOptions, type ToStringOptions, type DocumentOptions } from 'yaml';

/** A plain scalar's value as go-yaml v2 decodes it into interface{}; integers beyond ±2^53 are bigints, so they stay exact. */
export type GoScalar = null | boolean | number | bigint | string;

/** goyaml.v2/resolve.go resolveMapList: the spellings looked up before anything else. */
const RESOLVE_MAP: ReadonlyMap<string, GoScalar> = new Map<string, GoScalar>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s): [string, GoScalar] => [s, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s): [string, GoScalar] => [s, false]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, GoScalar] => [s, null]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, GoScalar] => [s, Number.NaN]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, GoScalar] => [s, Number.POSITIVE_INFINITY]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, GoScalar] => [s, Number.NEGATIVE_INFINITY]),
]);

/** resolve.go resolveTable: the first character decides what a plain scalar may be; anything else is a string. */
function hintOf(source: string): 'sign' | 'digit' | 'map' | 'dot' | undefined {
  const c = source[0];
  if (c === '+' || c === '-') return 'sign';
  if (c >= '0' && c <= '9') return 'digit';
  if (c === '.') return 'dot';
  return 'yYnNtTfFoO~'.includes(c) ? 'map' : undefined;
}

/** resolve.go yamlStyleFloat, tried on the text without underscores after the integer parsers fail. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat accepts for a text starting with "." (underscores only between digits). */
const GO_DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;
/** strconv.ParseUint(s, 0, 64)'s syntax: 0x / 0o / 0b prefixes, a leading 0 for octal, else decimal. */
const GO_UINT = /^(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;

const UINT64_MAX = (BigInt(1) << BigInt(64)) - BigInt(1);
const INT64_MAX = (BigInt(1) << BigInt(63)) - BigInt(1);
const INT64_MIN = -(BigInt(1) << BigInt(63));

/** strconv.ParseUint(s, 0, 64); undefined on a syntax or range error. */
function parseGoUint(s: string): bigint | undefined {
  const m = GO_UINT.exec(s);
  if (!m) return undefined;
  const [, hex, octal, binary, legacyOctal, decimal] = m;
  const value =
    hex !== undefined ? BigInt(`0x${hex}`)
    : octal !== undefined ? BigInt(`0o${octal}`)
    : binary !== undefined ? BigInt(`0b${binary}`)
    : legacyOctal !== undefined ? BigInt(`0o${legacyOctal || '0'}`)
    : BigInt(decimal);
  return value <= UINT64_MAX ? value : undefined;
}

/** strconv.ParseInt(s, base, 64) for base 0 (any prefix) or 2; undefined on a syntax or range error. */
function parseGoInt(s: string, base: 0 | 2 = 0): bigint | undefined {
  const negative = s.startsWith('-');
  const digits = negative || s.startsWith('+') ? s.slice(1) : s;
  const magnitude = base === 0 ? parseGoUint(digits) : /^[01]+$/.test(digits) ? BigInt(`0b${digits}`) : undefined;
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function jsInteger(value: bigint): number | bigint {
  return value <= SAFE && value >= -SAFE ? Number(value) : value;
}

/** A finite float as strconv.ParseFloat gives it; undefined where Go reports a range error (±Inf). */
function finite(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * goyaml.v2/resolve.go `resolve("", source)`: the value of a plain scalar.
 * Sexagesimal numbers (`1:30`) are strings, as go-yaml v2 purposely leaves them.
 */
export function resolvePlainScalar(source: string): GoScalar {
  const hint = source === '' ? 'map' : hintOf(source);
  if (hint === undefined) return source;
  const mapped = RESOLVE_MAP.get(source);
  if (mapped !== undefined || RESOLVE_MAP.has(source)) return mapped ?? null;
  if (hint === 'map') return source;
  if (hint === 'dot') return GO_DOT_FLOAT.test(source) ? (finite(source.replace(/_/g, '')) ?? source) : source;
  // Int, float, or timestamp; a timestamp decodes as its text, and no timestamp reads as a number.
  const plain = source.replace(/_/g, '');
  const int = parseGoInt(plain) ?? parseGoUint(plain);
  if (int !== undefined) return jsInteger(int);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = finite(plain);
    if (float !== undefined) return float;
  }
  // resolve.go retries "0b…" in base 2 with the sign after the prefix ("0b-101" is -5).
  if (plain.startsWith('0b')) {
    const binary = parseGoInt(plain.slice(2), 2);
    if (binary !== undefined) return jsInteger(binary);
  }
  return source;
}

// --- explicit tags (`!!int "1"`, `!!float 0`, `!!str 10`) ----------------------------------------------

type ShortTag = '!!str' | '!!int' | '!!float' | '!!bool' | '!!null' | '!!timestamp';

/** The tag resolve.go gives a value (a merge key never reaches here: `<<` is not a plain value). */
function shortTagOf(value: GoScalar): ShortTag {
  if (value === null) return '!!null';
  if (typeof value === 'boolean') return '!!bool';
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return '!!int';
  return typeof value === 'number' ? '!!float' : '!!str';
}

/** time.Parse with resolve.go allowedTimestampFormats: RFC 3339 with short fields, "2006-1-2 15:4:5", "2006-1-2". */
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?(?:Z|[-+]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?))?$/;

function isGoTimestamp(source: string): boolean {
  const m = TIMESTAMP.exec(source);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? m[7] ?? 0), Number(m[5] ?? m[8] ?? 0), Number(m[6] ?? m[9] ?? 0)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}

/**
 * resolve.go `resolve(tag, source)` for an explicit !!int, !!float, !!bool, !!null or !!timestamp: the value
 * must resolve to that tag (an integer is accepted as a float), else go-yaml fails the whole document.
 */
function resolveTagged(tag: ShortTag, source: string, onError: (message: string) => void): GoScalar {
  if (tag === '!!timestamp' && isGoTimestamp(source)) return source;
  const value = resolvePlainScalar(source);
  const resolved = shortTagOf(value);
  if (resolved === tag) return value;
  if (tag === '!!float' && resolved === '!!int') return Number(value);
  onError(`cannot decode ${resolved} \`${source}\` as a ${tag}`);
  return source;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A !!binary scalar: base64.StdEncoding.DecodeString (line breaks skipped, padding required), and the bytes
 * as json.Marshal writes a Go string: each byte that is not part of valid UTF-8 becomes U+FFFD.
 */
function resolveBinary(source: string, onError: (message: string) => void): string {
  const text = source.replace(/[\r\n]/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    onError('!!binary value contains invalid base64 data');
    return source;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => BASE64.indexOf(text[i + k]));
    bytes.push(((a << 2) | (b >> 4)) & 0xff);
    if (c >= 0) bytes.push(((b << 4) | (c >> 2)) & 0xff);
    if (d >= 0) bytes.push(((c << 6) | d) & 0xff);
  }
  return utf8WithReplacement(bytes);
}

function utf8WithReplacement(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let code = length === 1 ? b : length === 0 ? -1 : b & (0xff >> (length + 1));
    for (let k = 1; k < length && code >= 0; k++) {
      const next = bytes[i + k];
      code = next !== undefined && (next & 0xc0) === 0x80 ? (code << 6) | (next & 0x3f) : -1;
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][length];
    if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\ufffd';
      i += 1;
    } else {
      out += String.fromCodePoint(code);
      i += length;
    }
  }
  return out;
}

// --- merge keys ----------------------------------------------------------------------------------------

/** decode.go failWantMap. */
const MERGE_NEEDS_MAP = 'map merge requires map or sequence of maps as the value';

type ToJSContext = Parameters<NonNullable<Node['addToJSMap']>>[0];
type MapLike = Parameters<NonNullable<Node['addToJSMap']>>[1];

/**
 * decode.go `merge`: the merged mapping is decoded into the map being built, at the place of the `<<` key, so
 * it overrides keys written before it and keys written after it override it; in a list of mappings, earlier
 * ones win. (The `yaml` package's own merge never overrides a key, wherever it was written.)
 */
function mergeIntoJSMap(ctx: ToJSContext, map: MapLike, value: unknown): void {
  const resolved = resolveAlias(ctx, value);
  const sources: readonly unknown[] = isSeq(resolved) ? resolved.items : [value];
  for (let i = sources.length - 1; i >= 0; i--) {
    const source = sources[i];
    if (!isMap(resolveAlias(ctx, source))) throw new Error(MERGE_NEEDS_MAP);
    const entries = (source as { toJSON(arg: null, ctx: ToJSContext): unknown }).toJSON(null, ctx);
    const pairs = entries instanceof Map ? [...entries] : Object.entries(entries as Record<string, unknown>);
    for (const [key, item] of pairs) {
      if (map instanceof Map) map.set(key, item);
      else if (map instanceof Set) map.add(key);
      else Object.defineProperty(map, String(key), { value: item, writable: true, enumerable: true, configurable: true });
    }
  }
}

function resolveAlias(ctx: ToJSContext, node: unknown): unknown {
  return isAlias(node) && ctx ? node.resolve(ctx.doc, ctx) : node;
}

// --- the tags --------------------------------------------------------------------------------------------

/**
 * A RegExp whose test() asks resolvePlainScalar: the `yaml` package picks the tag of a plain scalar (and decides
 * whether a string must be quoted when writing one) by calling test() on each tag's `test`.
 */
class ResolvesTo extends RegExp {
  constructor(private readonly accepts: (value: GoScalar) => boolean) {
    super('');
  }
  override test(source: string): boolean {
    return this.accepts(cachedResolve(source));
  }
}

// The `yaml` package calls test() and then resolve() on the same text: resolve it once.
let lastSource: string | undefined;
let lastValue: GoScalar = null;
function cachedResolve(source: string): GoScalar {
  if (source !== lastSource) {
    lastValue = resolvePlainScalar(source);
    lastSource = source;
  }
  return lastValue;
}

/** Implicit tags: a plain scalar gets the tag whose test accepts it, else it is a string. */
function implicitTag(name: string, accepts: (value: GoScalar) => boolean): ScalarTag {
  return {
    tag: `tag:yaml.org,2002:${name}`,
    default: true,
    test: new ResolvesTo(accepts),
    // Only for reading: writing values goes through YAML11_STRINGIFY_OPTIONS.
    identify: () => false,
    resolve: (source) => cachedResolve(source),
  };
}

function explicitTag(name: string, resolve: ScalarTag['resolve']): ScalarTag {
  return { tag: `tag:yaml.org,2002:${name}`, default: false, identify: () => false, resolve };
}

const YAML11_TAGS: ScalarTag[] = [
  implicitTag('null', (v) => v === null),
  implicitTag('bool', (v) => typeof v === 'boolean'),
  implicitTag('int', (v) => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))),
  implicitTag('float', (v) => typeof v === 'number' && !Number.isInteger(v)),
  {
    // decode.go isMerge: a plain `<<` key (or one tagged !!merge) merges; a quoted one is just a key.
    tag: 'tag:yaml.org,2002:merge',
    default: 'key',
    test: /^<<$/,
    identify: () => false,
    // A fresh symbol each time, as the yaml package's own merge key: two `<<` keys in a mapping are no duplicate.
    resolve: () => Object.assign(new Scalar(Symbol('<<')), { addToJSMap: mergeIntoJSMap }),
  },
  explicitTag('str', (source) => source),
  explicitTag('binary', (source, onError) => resolveBinary(source, onError)),
  ...(['int', 'float', 'bool', 'null', 'timestamp'] as const).map((name) =>
    explicitTag(name, (source, onError) => resolveTagged(`!!${name}`, source, onError)),
  ),
];

/**
 * Options for parseAllDocuments/parseDocument: the documents' values as Kubernetes decodes them.
 * resolveKnownTags: false, so !!set, !!omap and !!pairs are plain mappings and lists, as go-yaml v2 reads them
 * into interface{}, rather than JavaScript Sets and Maps.
 */
export const YAML11_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: (tags) => [...tags.filter((tag) => typeof tag !== 'string' && (tag.tag.endsWith(':map') || tag.tag.endsWith(':seq') || tag.tag.endsWith(':str'))), ...YAML11_TAGS],
  resolveKnownTags: false,
  merge: false,
};

/** A tag that only makes `stringify` quote strings go-yaml v2 would not read back as strings (`"no"`, `"0644"`). */
const QUOTE_NON_STRINGS: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: new ResolvesTo((value) => typeof value !== 'string'),
  identify: () => false,
  resolve: (source) => cachedResolve(source),
};

/** Options for `stringify` when writing a value into a manifest: strings stay strings for the API server. */
export const YAML11_STRINGIFY_OPTIONS: DocumentOptions & SchemaOptions & ToStringOptions = {
  customTags: (tags) => [...tags, QUOTE_NON_STRINGS],
};

/** Whether go-yaml v2 reads this text, written as a plain scalar, as something other than that string. */
export function isPlainNonString(source: string): boolean {
  return typeof resolvePlainScalar(source) !== 'string';
}
