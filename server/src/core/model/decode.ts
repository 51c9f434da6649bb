/**
 * Decodes a manifest the way the API server does with strict field validation (`kubectl apply`'s default
 * `--validate=strict`): unknown fields and values of the wrong JSON type are reported with the API server's
 * wording, and a pruned deep copy is returned so later rules only see well-typed data.
 *
 * The behaviour mirrors k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (Serializer.unmarshal ->
 * sigs.k8s.io/json UnmarshalStrict), i.e. the Go encoding/json decoder as forked in
 * sigs.k8s.io/json/internal/golang/encoding/json (decode.go, kubernetes_patch.go):
 *   - keys are matched case-sensitively; an unknown key is a strict error `unknown field "<path>"`, the path
 *     built from field names, map keys and `[index]` (kubernetes_patch.go: newFieldError, strictError.Error);
 *   - a value of the wrong type is an UnmarshalTypeError, `json: cannot unmarshal <value> into Go struct
 *     field <Struct>.<field path> of type <Go type>`, where <Struct> is the innermost struct and the field
 *     path lists JSON field names from the root, plus the Go names of inline-embedded structs, without list
 *     indexes or map keys (decode.go: addErrorContext, errorContext.FieldStack);
 *   - JSON null means "unset" and is never an error (decode.go: literalStore).
 * The API server stops at the first type error; this decoder reports all of them, and all unknown fields.
 */
import { goQuote } from '../goFormat';
import type { Path, PathSegment } from '../parse/path';
import { definition, goStructName, goTypeName, rootDefinitionFor, type TypeSchema } from '../schema/schema';

export interface DecodeIssue {
  readonly path: Path;
  readonly problem: 'unknown-field' | 'wrong-type';
  readonly message: string;
  /** For an unknown field: the known sibling the user probably meant. */
  readonly suggestion?: string;
}

export interface DecodeResult {
  /**
   * A deep copy of the input without unknown fields, nulls and wrongly typed values. List items keep their
   * index: a null or wrongly typed item becomes the Go zero value, as the API server's decoder leaves it.
   * Numbers in typed fields are JS numbers even if the parser produced bigints.
   */
  readonly object: unknown;
  readonly issues: readonly DecodeIssue[];
}

/** Enough for any real manifest; a generated monster stops being reported (the copy is still pruned). */
const MAX_ISSUES = 1000;

/**
 * apiVersion and kind are read first, by SimpleMetaFactory.Interpret in
 * k8s.io/apimachinery/pkg/runtime/serializer/json/meta.go, into an anonymous struct.
 */
const INTERPRET_ERROR = "couldn't get version/kind; json parse error: ";
const FIND_KIND_TYPE = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** resource.ErrFormatWrong (k8s.io/apimachinery/pkg/api/resource/quantity.go), what Quantity.UnmarshalJSON returns for non-quantities. */
const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** The JSON type of a value, named as encoding/json names it in UnmarshalTypeError.Value. */
type JsonKind = 'null' | 'string' | 'number' | 'bool' | 'array' | 'object';

type Container = Record<string, unknown> | unknown[];

interface Task {
  readonly value: unknown;
  readonly type: TypeSchema;
  readonly path: readonly PathSegment[];
  /** encoding/json's errorContext: the innermost struct's name and the Go field path. */
  readonly goStruct: string;
  readonly goFields: readonly string[];
  /** sigs.k8s.io/json's strictFieldStack, joined. */
  readonly strictPath: string;
  /** Where the decoded value goes, and what kind of Go value holds it. */
  readonly parent: Container;
  readonly key: string | number;
  readonly holder: 'field' | 'item' | 'entry';
  /** apiVersion/kind of the root, whose type errors come from SimpleMetaFactory.Interpret. */
  readonly interpret?: boolean;
}

export function decode(raw: unknown, apiVersion: string, kind: string): DecodeResult {
  const root = rootDefinitionFor(apiVersion, kind);
  if (root === undefined) return { object: copyFreeForm(raw), issues: [] };
  return new Decoder().run(raw, root);
}

/** The decoder's to-do list: values to decode, and unknown fields to report when their turn comes. */
type Work = Task | { readonly unknownField: DecodeIssue };

class Decoder {
  private readonly issues: DecodeIssue[] = [];
  private readonly stack: Work[] = [];

  run(raw: unknown, root: string): DecodeResult {
    const rootKind = kindOf(raw);
    if (rootKind === 'null') return { object: null, issues: [] };
    if (rootKind !== 'object') {
      const message = `${INTERPRET_ERROR}json: cannot unmarshal ${rootKind} into Go value of type ${FIND_KIND_TYPE}`;
      this.report([], 'wrong-type', message);
      return { object: null, issues: this.issues };
    }
    const holder: unknown[] = [null];
    this.stack.push({
      value: raw,
      type: { t: 'ref', r: root },
      path: [],
      goStruct: '',
      goFields: [],
      strictPath: '',
      parent: holder,
      key: 0,
      holder: 'item',
    });
    // An explicit stack instead of recursion: nesting depth is the input's business, not ours.
    for (let work = this.stack.pop(); work !== undefined; work = this.stack.pop()) {
      if ('unknownField' in work) this.record(work.unknownField);
      else this.decodeValue(work);
    }
    return { object: holder[0], issues: this.issues };
  }

  private decodeValue(task: Task): void {
    const { value, type } = task;
    const kind = kindOf(value);
    if (kind === 'null') {
      // A null struct field is simply unset; a null list item or map value is the zero value (literalStore).
      if (task.holder !== 'field') store(task, zeroValue(type));
      return;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // YAML's .nan/.inf never reach the server: encoding/json refuses to marshal them (encode.go, floatEncoder).
      this.wrongType(task, `json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
      return;
    }
    switch (type.t) {
      case 'free-form':
        store(task, copyFreeForm(value));
        return;
      case 'ref':
        if (kind === 'object') this.decodeStruct(task, type.r ?? '');
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'array':
        if (kind === 'array') this.decodeList(task, value as unknown[], type.i);
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'map':
        if (kind === 'object') this.decodeMap(task, value as Record<string, unknown>, type.i);
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'string':
        if (kind === 'string') store(task, value);
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'boolean':
        if (kind === 'bool') store(task, value);
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'number':
        if (kind === 'number') store(task, toNumber(value));
        else this.typeError(task, kind, goTypeName(type));
        return;
      case 'int32':
      case 'int64':
        this.decodeInteger(task, kind, type.t);
        return;
      case 'int-or-string':
        // intstr.IntOrString.UnmarshalJSON: a JSON string is the string, anything else goes into its int32.
        if (kind === 'string') store(task, value);
        else this.decodeInteger(task, kind, 'int32');
        return;
      case 'quantity':
        // resource.Quantity.UnmarshalJSON parses the JSON text (unquoted if a string) as a quantity.
        if (kind === 'string' || kind === 'number') store(task, toNumber(value));
        else this.wrongType(task, QUANTITY_FORMAT_ERROR);
        return;
      case 'time':
        // metav1.Time.UnmarshalJSON decodes into a Go string first (RFC 3339 is a validation concern here).
        if (kind === 'string') store(task, value);
        else this.typeError(task, kind, 'string');
        return;
    }
  }

  private decodeStruct(task: Task, definitionName: string): void {
    const def = definition(definitionName);
    const source = task.value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    store(task, out);
    if (!def) return;
    const structName = goStructName(definitionName);
    const children: Work[] = [];
    for (const key of Object.keys(source)) {
      const strictPath = task.strictPath === '' ? key : `${task.strictPath}.${key}`;
      const field = Object.prototype.hasOwnProperty.call(def.p, key) ? def.p[key] : undefined;
      if (field === undefined) {
        const suggestion = suggestField(key, Object.keys(def.p));
        const message = unknownFieldMessage(strictPath, suggestion);
        children.push({ unknownField: { path: [...task.path, key], problem: 'unknown-field', message, suggestion } });
        continue;
      }
      children.push({
        value: source[key],
        type: field,
        path: [...task.path, key],
        goStruct: structName,
        goFields: field.emb === undefined ? [...task.goFields, key] : [...task.goFields, field.emb, key],
        strictPath,
        parent: out,
        key,
        holder: 'field',
        interpret: task.path.length === 0 && (key === 'apiVersion' || key === 'kind'),
      });
    }
    this.pushInOrder(children);
  }

  private decodeList(task: Task, source: unknown[], item: TypeSchema | undefined): void {
    const out: unknown[] = new Array<unknown>(source.length);
    store(task, out);
    if (!item) return;
    // Pushed last-first so items are decoded, and reported, in document order.
    for (let index = source.length - 1; index >= 0; index--) {
      this.stack.push({
        ...inherited(task),
        value: source[index],
        type: item,
        path: [...task.path, index],
        strictPath: `${task.strictPath}[${index}]`,
        parent: out,
        key: index,
        holder: 'item',
      });
    }
  }

  private decodeMap(task: Task, source: Record<string, unknown>, value: TypeSchema | undefined): void {
    const out: Record<string, unknown> = {};
    store(task, out);
    if (!value) return;
    const children = Object.keys(source).map(
      (key): Task => ({
        ...inherited(task),
        value: source[key],
        type: value,
        path: [...task.path, key],
        strictPath: task.strictPath === '' ? key : `${task.strictPath}.${key}`,
        parent: out,
        key,
        holder: 'entry',
      }),
    );
    this.pushInOrder(children);
  }

  private decodeInteger(task: Task, kind: JsonKind, goType: 'int32' | 'int64'): void {
    const value = task.value;
    if (kind !== 'number') {
      this.typeError(task, kind, goType);
    } else if (fitsInteger(value as number | bigint, goType === 'int32' ? 32 : 64)) {
      store(task, toNumber(value));
    } else {
      // Integer kinds name the offending literal: UnmarshalTypeError{Value: "number " + string(item)}.
      this.typeError(task, `number ${String(value)}`, goType);
    }
  }

  /** An encoding/json UnmarshalTypeError with the decoder's error context. */
  private typeError(task: Task, value: string, goType: string): void {
    const message = task.interpret
      ? `${INTERPRET_ERROR}json: cannot unmarshal ${value} into Go struct field .${String(task.key)} of type ${goType}`
      : `json: cannot unmarshal ${value} into Go struct field ${task.goStruct}.${task.goFields.join('.')} of type ${goType}`;
    this.wrongType(task, message);
  }

  private wrongType(task: Task, message: string): void {
    this.report(task.path, 'wrong-type', message);
    // The Go decoder leaves the zero value where it failed; only list items need one to keep their index.
    if (task.holder === 'item') store(task, zeroValue(task.type));
  }

  private report(path: readonly PathSegment[], problem: DecodeIssue['problem'], message: string): void {
    this.record({ path, problem, message });
  }

  private record(issue: DecodeIssue): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  private pushInOrder(children: readonly Work[]): void {
    for (let index = children.length - 1; index >= 0; index--) this.stack.push(children[index]);
  }
}

function inherited(task: Task): Pick<Task, 'goStruct' | 'goFields'> {
  return { goStruct: task.goStruct, goFields: task.goFields };
}

function store(task: Task, value: unknown): void {
  setOwn(task.parent, task.key, value);
}

/** Assignment that also works for a `__proto__` key, which YAML allows like any other. */
function setOwn(target: Container, key: string | number, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (target as Record<string | number, unknown>)[key] = value;
  }
}

function kindOf(value: unknown): JsonKind {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? 'array' : 'object';
    default:
      // undefined (and anything that is not JSON) is absent.
      return 'null';
  }
}

/** Parsers may hand big integers over as bigint; the decoded copy holds plain numbers (int64 beyond 2^53 rounds). */
function toNumber(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

function fitsInteger(value: number | bigint, bits: 32 | 64): boolean {
  if (typeof value === 'bigint') {
    const limit = BigInt(2) ** BigInt(bits - 1);
    return value >= -limit && value < limit;
  }
  const limit = 2 ** (bits - 1);
  return Number.isInteger(value) && value >= -limit && value < limit;
}

/** The Go zero value of a type, as JSON would show it (nil slices, maps and times are null). */
function zeroValue(type: TypeSchema): unknown {
  switch (type.t) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'number':
    case 'int-or-string':
      return 0;
    case 'boolean':
      return false;
    case 'quantity':
      return '0';
    case 'ref':
      return {};
    default:
      return null;
  }
}

/** A deep copy of anything JSON-like, without recursion; shared and cyclic references stay shared. */
function copyFreeForm(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const shell = (source: object): Container => (Array.isArray(source) ? new Array<unknown>(source.length) : {});
  const copies = new Map<object, Container>();
  const rootCopy = shell(value);
  copies.set(value, rootCopy);
  const work: Array<readonly [Record<string, unknown>, Container]> = [[value as Record<string, unknown>, rootCopy]];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [source, target] = next;
    for (const key of Object.keys(source)) {
      const item = source[key];
      let copy: unknown = item;
      if (item !== null && typeof item === 'object') {
        copy = copies.get(item);
        if (copy === undefined) {
          const fresh = shell(item);
          copies.set(item, fresh);
          work.push([item as Record<string, unknown>, fresh]);
          copy = fresh;
        }
      }
      setOwn(target, Array.isArray(target) ? Number(key) : key, copy);
    }
  }
  return rootCopy;
}

// --- unknown fields -----------------------------------------------------------------------------------------

function unknownFieldMessage(strictPath: string, suggestion: string | undefined): string {
  const message = `unknown field ${goQuote(strictPath)}`;
  return suggestion === undefined ? message : `${message} (did you mean "${suggestion}"?)`;
}

/**
 * A known sibling the user probably meant: same name in another case, a small typo (edit distance, with
 * transpositions, up to 2; up to 1 for names of 3 characters or fewer), a missing or extra plural ending,
 * or a clear prefix (`startingDeadline` for `startingDeadlineSeconds`). Best score first, then by name.
 */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  const maxDistance = key.length <= 3 ? 1 : 2;
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const candidate = name.toLowerCase();
    let score: number | undefined;
    if (candidate === wanted) {
      score = 0;
    } else {
      const distance = editDistance(wanted, candidate, maxDistance);
      if (distance <= maxDistance) score = distance;
      else if (isPluralPair(wanted, candidate)) score = 3;
      else if (isClearPrefix(wanted, candidate)) score = 4;
    }
    if (score === undefined) continue;
    if (!best || score < best.score || (score === best.score && name < best.name)) best = { name, score };
  }
  return best?.name;
}

function isPluralPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === `${short}s` || long === `${short}es`;
}

function isClearPrefix(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && short.length * 2 >= long.length && long.startsWith(short);
}

/** Optimal string alignment distance; anything above `max` is returned as max + 1. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}

