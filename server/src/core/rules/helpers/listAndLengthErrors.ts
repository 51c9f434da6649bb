/**
 * Field error bodies that fieldErrors.ts does not have: Duplicate, TooMany, TooLong (both wordings), Invalid
 * with an omitted value, ValidateNonnegativeField, and an []int32 bad value (see goValues.ts for the 1.34
 * switch from Go's %#v to JSON).
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Duplicate, TooMany, TooLong,
 * TooLongMaxLength, OmitValueType, ErrorBody) and pkg/apis/core/validation ValidateNonnegativeField.
 */
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import { goValue, invalid } from './fieldErrors';
import { goQuote } from '../../goFormat';
import { goJsonString, notSupportedRendered, rendersValuesAsJson } from './goValues';

/** `field.Duplicate(path, value)` → `Duplicate value: <value>`. */
export function duplicate(value: unknown): string {
  return `Duplicate value: ${goValue(value)}`;
}

/** `field.TooMany(path, actual, max)` → `Too many: <actual>: must have at most <max> items`. */
export function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}

/**
 * The release that merged TooLong and TooLongMaxLength into one wording (kubernetes/kubernetes#128553,
 * merged November 2024, before the 1.32 code freeze).
 */
const MERGED_TOO_LONG: KubernetesVersion = { major: 1, minor: 32 };

function mergedTooLong(max: number): string {
  return `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`;
}

/** `field.TooLong(path, value, max)`: the value is never printed. */
export function tooLong(max: number, version: KubernetesVersion): string {
  if (isAtLeast(version, MERGED_TOO_LONG.major, MERGED_TOO_LONG.minor)) return mergedTooLong(max);
  return `Too long: must have at most ${max} bytes`;
}

/** `field.TooLongMaxLength(path, value, max)` (deprecated alias of TooLong since the merge). */
export function tooLongMaxLength(max: number, version: KubernetesVersion): string {
  if (isAtLeast(version, MERGED_TOO_LONG.major, MERGED_TOO_LONG.minor)) return mergedTooLong(max);
  return `Too long: may not be longer than ${max}`;
}

/** `field.Invalid(path, field.OmitValueType{}, detail)` → `Invalid value: <detail>`. */
export function invalidOmitValue(detail: string): string {
  return `Invalid value: ${detail}`;
}

/** `ValidateNonnegativeField(int64(v), path)` (IsNegativeErrorMsg). */
export function nonNegative(value: number): string | undefined {
  return value < 0 ? invalid(value, 'must be greater than or equal to 0') : undefined;
}

/**
 * An []int32 bad value as ErrorBody prints it: JSON from 1.34 (`[1,2]`, `[]`, `null` for an absent list),
 * Go's %#v before (`[]int32{1, 2}`, `[]int32{}`, `[]int32(nil)`).
 */
export function int32SliceValue(values: readonly number[] | undefined, version: KubernetesVersion): string {
  if (rendersValuesAsJson(version)) return values === undefined ? 'null' : `[${values.join(',')}]`;
  return values === undefined ? '[]int32(nil)' : `[]int32{${values.join(', ')}}`;
}

/** Go's len() of a string: its UTF-8 byte count. */
export function goByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * `field.NotSupported(path, value, valid)` for a value of a named string type (batch.CompletionMode,
 * PodFailurePolicyAction, ConcurrencyPolicy…): %q before 1.34; from 1.34 ErrorBody's type switch only
 * catches plain strings, so a named string goes through json.Marshal (same text for plain ASCII).
 */
export function notSupportedNamed(value: string, validValues: readonly string[], version: KubernetesVersion): string {
  return notSupportedRendered(rendersValuesAsJson(version) ? goJsonString(value) : goQuote(value), validValues);
}
