/**
 * How the API server prints bad values that are neither a plain string nor a plain number, and the
 * error bodies that carry them. Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (ErrorBody): int64/int32/float/bool print with %v and strings with %q in every release, but
 * composite values (structs, and intstr.IntOrString, a struct) print
 *   - from 1.34 (kubernetes PR 132314, "Nicer value rendering in API errors"): as json.Marshal renders
 *     them. Validation runs on internal types, which have no json tags, so their fields keep Go names
 *     (`{"Type":"Foo","RollingUpdate":null}`); IntOrString has its own MarshalJSON (`1` or `"1"`).
 *   - before: as Go's %#v after dereferencing a pointer (`intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}`;
 *     IntOrString's String() has a pointer receiver, so a value is not a fmt.Stringer).
 */
import { goQuote, goStringMap } from '../../goFormat';
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';

/** Whether ErrorBody renders composite bad values as JSON (1.34+) rather than Go's %#v. */
export function rendersValuesAsJson(version: KubernetesVersion): boolean {
  return isAtLeast(version, 1, 34);
}

/**
 * encoding/json's string encoding as json.Marshal does it (HTML-safe): `<`, `>`, `&`, U+2028 and U+2029
 * become \u escapes; \b \f \n \r \t have short forms (Go 1.22+); other control characters are \u00XX.
 */
export function goJsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const short = JSON_SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd'; // a lone surrogate is not valid UTF-8
    else out += char;
  }
  return `${out}"`;
}

const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** An intstr.IntOrString as decoded: a JSON number is its IntVal (Type Int), a JSON string its StrVal (Type String). */
export type IntOrString = number | string;

/** An intstr.IntOrString bad value, as ErrorBody prints it. */
export function intOrStringValue(value: IntOrString, version: KubernetesVersion): string {
  if (rendersValuesAsJson(version)) return typeof value === 'number' ? String(value) : goJsonString(value);
  return typeof value === 'number'
    ? `intstr.IntOrString{Type:0, IntVal:${value}, StrVal:""}`
    : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`;
}

/** The shape of a (v1) DaemonSetUpdateStrategy or DeploymentStrategy after decoding and defaulting. */
export interface UpdateStrategyValue {
  readonly type?: string;
  readonly rollingUpdate?: { readonly maxUnavailable?: IntOrString; readonly maxSurge?: IntOrString };
}

/**
 * The internal apps.DaemonSetUpdateStrategy (a *pointer*, which ErrorBody dereferences or json.Marshal
 * follows) as ErrorBody prints it.
 */
export function daemonSetUpdateStrategyValue(strategy: UpdateStrategyValue, version: KubernetesVersion): string {
  return surgeStrategyValue(strategy, version, 'apps.DaemonSetUpdateStrategy', 'apps.RollingUpdateDaemonSet');
}

/** The internal apps.DeploymentStrategy as ErrorBody prints it. */
export function deploymentStrategyValue(strategy: UpdateStrategyValue, version: KubernetesVersion): string {
  return surgeStrategyValue(strategy, version, 'apps.DeploymentStrategy', 'apps.RollingUpdateDeployment');
}

/**
 * A strategy of Type and a RollingUpdate pointer holding MaxUnavailable and MaxSurge (DaemonSet's and
 * Deployment's have the same fields; only their Go type names differ). A nil v1 maxUnavailable/maxSurge
 * converts to the zero IntOrString (0). Before 1.34 a non-nil RollingUpdate pointer prints as its address,
 * which differs on every request and cannot be reproduced: an elided address stands for it.
 */
function surgeStrategyValue(strategy: UpdateStrategyValue, version: KubernetesVersion, strategyType: string, rollingUpdateType: string): string {
  const rollingUpdate = strategy.rollingUpdate;
  if (rendersValuesAsJson(version)) {
    const rendered = rollingUpdate
      ? `{"MaxUnavailable":${intOrStringValue(rollingUpdate.maxUnavailable ?? 0, version)},"MaxSurge":${intOrStringValue(rollingUpdate.maxSurge ?? 0, version)}}`
      : 'null';
    return `{"Type":${goJsonString(strategy.type ?? '')},"RollingUpdate":${rendered}}`;
  }
  const pointer = rollingUpdate ? `(*${rollingUpdateType})(0xc000…)` : `(*${rollingUpdateType})(nil)`;
  return `${strategyType}{Type:${goQuote(strategy.type ?? '')}, RollingUpdate:${pointer}}`;
}

/** `field.Invalid(path, value, detail)` for a value already rendered by one of the functions above. */
export function invalidRendered(renderedValue: string, detail = ''): string {
  return detail ? `Invalid value: ${renderedValue}: ${detail}` : `Invalid value: ${renderedValue}`;
}

/** `field.NotSupported(path, value, valid)` for a value already rendered by one of the functions above. */
export function notSupportedRendered(renderedValue: string, validValues: readonly string[]): string {
  const body = `Unsupported value: ${renderedValue}`;
  return validValues.length > 0 ? `${body}: supported values: ${validValues.map(goQuote).join(', ')}` : body;
}

/**
 * A map[string]string bad value (labels, nodeSelector): JSON with sorted keys from 1.34 (`null` for a nil
 * map, as json.Marshal prints it), Go's %#v before (`map[string]string{"a":"b"}`, `map[string]string(nil)`).
 */
export function stringMapValue(map: Readonly<Record<string, string>> | undefined, version: KubernetesVersion): string {
  if (!rendersValuesAsJson(version)) return goStringMap(map);
  if (map === undefined) return 'null';
  const keys = Object.keys(map).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonString(map[k])}`).join(',')}}`;
}
