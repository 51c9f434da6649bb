/**
 * The field error bodies the pod template rules need beyond rules/fieldErrors.ts, and the bad-value
 * printing of apimachinery's field.Error.ErrorBody (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go):
 * numbers and bools with %v, strings with %q, and composite values (structs, slices) as Go's %#v before
 * 1.34 and as json.Marshal renders them from 1.34 on (internal types have no json tags, so struct fields
 * keep their Go names).
 */
import { goQuote } from '../../../goFormat';
import { isAtLeast, type KubernetesVersion } from '../../../kubernetesVersion';
import { forbidden, required } from '../fieldErrors';

export { forbidden, required };

/** A bad value as ErrorBody prints it. */
export type BadValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number | bigint }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  /** A composite value: its JSON rendering (1.34+) and its Go %#v rendering (before). */
  | { readonly kind: 'composite'; readonly json: string; readonly goSyntax: string };

export const str = (value: string): BadValue => ({ kind: 'string', value });
export const num = (value: number | bigint): BadValue => ({ kind: 'number', value });
export const bool = (value: boolean): BadValue => ({ kind: 'bool', value });
export const nil: BadValue = { kind: 'null' };

/** A []string bad value. */
export function stringSlice(values: readonly string[]): BadValue {
  return {
    kind: 'composite',
    json: `[${values.map(jsonString).join(',')}]`,
    goSyntax: `[]string{${values.map(goQuote).join(', ')}}`,
  };
}

/**
 * A struct bad value given as ordered Go field names and JSON renderings of the field values. The %#v
 * rendering of pointer fields would print addresses; an elided address stands for them.
 */
export function struct(goType: string, fields: readonly (readonly [string, string])[]): BadValue {
  return {
    kind: 'composite',
    json: `{${fields.map(([k, v]) => `${jsonString(k)}:${v}`).join(',')}}`,
    goSyntax: `${goType}{${fields.map(([k, v]) => `${k}:${v === 'null' ? 'nil' : v}`).join(', ')}}`,
  };
}

export function renderValue(value: BadValue, version: KubernetesVersion): string {
  switch (value.kind) {
    case 'string':
      return goQuote(value.value);
    case 'number':
      return String(value.value);
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
    case 'composite':
      return isAtLeast(version, 1, 34) ? value.json : value.goSyntax;
  }
}

function withDetail(body: string, detail: string): string {
  return detail ? `${body}: ${detail}` : body;
}

/** A small message builder bound to the Kubernetes version (it decides how composite values print). */
export class Errors {
  constructor(readonly version: KubernetesVersion) {}

  invalid(value: BadValue, detail = ''): string {
    return withDetail(`Invalid value: ${renderValue(value, this.version)}`, detail);
  }

  notSupported(value: BadValue, valid: readonly string[]): string {
    const detail = valid.length > 0 ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
    return withDetail(`Unsupported value: ${renderValue(value, this.version)}`, detail);
  }

  duplicate(value: BadValue): string {
    return `Duplicate value: ${renderValue(value, this.version)}`;
  }

  notFound(value: BadValue, detail = ''): string {
    return withDetail(`Not found: ${renderValue(value, this.version)}`, detail);
  }

  /** field.TooLong: the value is never printed (new wording from 1.32, kubernetes/kubernetes#128553). */
  tooLong(max: number): string {
    if (isAtLeast(this.version, 1, 32)) return `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`;
    return `Too long: must have at most ${max} bytes`;
  }

  /** field.TooMany(path, actual, max). */
  tooMany(actual: number, max: number): string {
    return `Too many: ${actual}: must have at most ${max} items`;
  }

  required(detail = ''): string {
    return required(detail);
  }

  forbidden(detail = ''): string {
    return forbidden(detail);
  }
}

/** encoding/json's (HTML-safe) string encoding. */
export function jsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/** JSON renderings of field values for struct(). */
export const js = {
  str: (value: string | undefined): string => (value === undefined ? 'null' : jsonString(value)),
  num: (value: number | undefined): string => (value === undefined ? 'null' : String(value)),
  bool: (value: boolean | undefined): string => (value === undefined ? 'null' : String(value)),
  strs: (values: readonly string[] | undefined): string => (values === undefined ? 'null' : `[${values.map(jsonString).join(',')}]`),
};
