/**
 * The API server's field error bodies: the text after `<fieldPath>: `.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Required, Invalid,
 * NotSupported, Forbidden and ErrorBody's value formatting).
 */
import { goQuote, goStringMap } from '../../goFormat';

export { goStringMap };

/** `field.Required(path, detail)` → `Required value[: detail]`. */
export function required(detail = ''): string {
  return withDetail('Required value', detail);
}

/** `field.Forbidden(path, detail)` → `Forbidden[: detail]`. */
export function forbidden(detail = ''): string {
  return withDetail('Forbidden', detail);
}

/** `field.Invalid(path, value, detail)` → `Invalid value: <value>[: detail]`. */
export function invalid(value: unknown, detail = ''): string {
  return withDetail(`Invalid value: ${goValue(value)}`, detail);
}

/** `field.NotSupported(path, value, valid)` → `Unsupported value: "X": supported values: "A", "B"`. */
export function notSupported(value: unknown, validValues: readonly string[]): string {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return withDetail(`Unsupported value: ${goValue(value)}`, detail);
}

function withDetail(body: string, detail: string): string {
  return detail ? `${body}: ${detail}` : body;
}

/**
 * ErrorBody's value printing: %v for numbers and bools, %q for strings, "null" for nil,
 * and Go's %#v for maps of strings (the only composite values our rules report), with sorted keys.
 */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) return goStringMap(value as Record<string, unknown>);
  return JSON.stringify(value);
}

