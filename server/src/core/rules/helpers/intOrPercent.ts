/**
 * Int-or-percent checks shared by the rolling-update rules, with the API server's messages.
 * pkg/apis/apps/validation/validation.go (ValidatePositiveIntOrPercent, getPercentValue,
 * getIntOrPercentValue, IsNotMoreThan100Percent) and
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsValidPercent, RegexError).
 */
import type { Path } from '../../parse/path';
import type { KubernetesVersion } from '../../kubernetesVersion';
import { invalid } from './fieldErrors';
import { intOrStringValue, invalidRendered, type IntOrString } from './goValues';
import type { RuleFinding } from '../rule';

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = /^[0-9]+%$/;
const PERCENT_ERR_MSG = "a valid percent string must be a numeric string followed by an ending '%'";

/**
 * util/validation RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 're')`. Each example is
 * followed by `', '` and the next one preceded by `' or '`, hence the two spaces before `or`.
 */
export function goRegexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  return `${message} (e.g. ${examples.map((example) => `'${example}', `).join(' or ')}regex used for validation is '${format}')`;
}

/** util/validation IsValidPercent. */
export function isValidPercent(text: string): string[] {
  return PERCENT_RE.test(text) ? [] : [goRegexError(PERCENT_ERR_MSG, PERCENT_FMT, '1%', '93%')];
}

/**
 * Go's strconv.Atoi as intstr.IntValue uses it (errors ignored): an optional sign and decimal digits, else 0;
 * out of range values saturate (only their sign and non-zeroness matter to the callers).
 */
export function goAtoi(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) return 0;
  const value = Number(text);
  return Number.isFinite(value) ? value : text.startsWith('-') ? -Number.MAX_VALUE : Number.MAX_VALUE;
}

/** getPercentValue: the number of a valid `N%` string, else undefined. */
export function percentValue(value: IntOrString): number | undefined {
  if (typeof value !== 'string' || isValidPercent(value).length > 0) return undefined;
  return goAtoi(value.slice(0, -1));
}

/** getIntOrPercentValue: the percentage of a valid percent, else IntValue() (a non-percent string through Atoi). */
export function intOrPercentValue(value: IntOrString): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  return typeof value === 'number' ? value : goAtoi(value);
}

/** ValidatePositiveIntOrPercent: a string must be `[0-9]+%`, an int must be >= 0. */
export function validatePositiveIntOrPercent(value: IntOrString, path: Path, version: KubernetesVersion): RuleFinding[] {
  if (typeof value === 'string') {
    return isValidPercent(value).map((detail) => ({ path, message: invalidRendered(intOrStringValue(value, version), detail) }));
  }
  // apivalidation.ValidateNonnegativeField(int64(IntValue())): the bad value is a plain int64.
  return value < 0 ? [{ path, message: invalid(value, 'must be greater than or equal to 0') }] : [];
}

/** IsNotMoreThan100Percent: only valid percent strings are checked. */
export function isNotMoreThan100Percent(value: IntOrString, path: Path, version: KubernetesVersion): RuleFinding[] {
  const percent = percentValue(value);
  if (percent === undefined || percent <= 100) return [];
  return [{ path, message: invalidRendered(intOrStringValue(value, version), 'must not be greater than 100%') }];
}
