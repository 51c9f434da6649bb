/**
 * Label, label-key, annotation and DNS-name syntax with the API server's messages, for the
 * object-metadata, pod-template-metadata, label-selector and job-name-label rules.
 *
 * Mirrors staging/src/k8s.io/apimachinery:
 * - pkg/util/validation/validation.go: IsDNS1123Label, IsDNS1123Subdomain, MaxLenError ("characters"),
 *   RegexError, and (up to 1.34) IsQualifiedName / IsValidLabelValue;
 * - pkg/api/validate/content/kube.go + errors.go (1.35+): IsLabelKey / IsLabelValue, where util/validation's
 *   IsQualifiedName and IsValidLabelValue became aliases. That move changed two wordings: MaxLenError says
 *   "must be no more than N bytes", and a key with several '/' starts "a valid label key" instead of
 *   "a qualified name". Object names and namespaces still use util/validation ("characters").
 * - pkg/apis/meta/v1/validation/validation.go: ValidateLabels, ValidateLabelName;
 * - pkg/api/validation/objectmeta.go: ValidateAnnotations (+ TotalAnnotationSizeLimitB);
 * - pkg/util/validation/field/errors.go: TooLong (1.32 changed "must have at most N bytes" to
 *   "may not be more than N bytes", kubernetes/kubernetes#128553).
 */
import { goQuote } from '../../goFormat';
import { isAtLeast, type KubernetesVersion } from '../../kubernetesVersion';
import { byteLength } from '../../goFormat';

export { byteLength };

/** RegexError: examples are joined by `', ` + ` or ` — hence the double space before each `or`. */
export function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

/** util/validation MaxLenError (object names, namespaces, generateName). */
function maxLenCharacters(length: number): string {
  return `must be no more than ${length} characters`;
}

/** The label-key/label-value MaxLenError: content.MaxLenError says "bytes" from 1.35. */
function maxLenLabel(length: number, version: KubernetesVersion): string {
  return usesContentPackage(version) ? `must be no more than ${length} bytes` : maxLenCharacters(length);
}

function usesContentPackage(version: KubernetesVersion): boolean {
  return isAtLeast(version, 1, 35);
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** IsDNS1123Label (util/validation wording). */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenCharacters(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errors.push(DNS1123_SUBDOMAIN_RE.test(value) ? 'must not contain dots' : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errors;
}

/** IsDNS1123Subdomain; `maxLen` words the length error (label-key prefixes use the content package's). */
export function dns1123SubdomainErrors(value: string, maxLen: (length: number) => string = maxLenCharacters): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errors.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errors;
}

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_RE = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName / content.IsLabelKey: an optional DNS-subdomain prefix and '/', then a name of at most 63. */
export function labelKeyErrors(value: string, version: KubernetesVersion): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix, (n) => maxLenLabel(n, version)).map((m) => `prefix part ${m}`));
  } else {
    const head = usesContentPackage(version) ? 'a valid label key' : 'a qualified name';
    return [
      `${head} ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push(`name part ${maxLenLabel(63, version)}`);
  if (!LABEL_KEY_RE.test(name)) errors.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

/** IsValidLabelValue / content.IsLabelValue: empty, or at most 63 and the label regex. */
export function labelValueErrors(value: string, version: KubernetesVersion): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenLabel(63, version));
  if (!LABEL_VALUE_RE.test(value)) errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errors;
}

/** Whether a label key and value are accepted (labels.NewRequirement's checks, wording aside). */
export function isValidLabelKey(key: string): boolean {
  return labelKeyErrors(key, { major: 1, minor: 35 }).length === 0;
}

export function isValidLabelValue(value: string): boolean {
  return labelValueErrors(value, { major: 1, minor: 35 }).length === 0;
}

/** One ValidateLabels error: all are reported at the map's path; `key` says which entry, `part` which half. */
export interface LabelProblem {
  readonly key: string;
  readonly part: 'key' | 'value';
  /** The error body (`Invalid value: "x": ...`). */
  readonly message: string;
}

/** ValidateLabels: for each entry, the key's errors then the value's. */
export function labelProblems(labels: Readonly<Record<string, string>> | undefined, version: KubernetesVersion): LabelProblem[] {
  const problems: LabelProblem[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const detail of labelKeyErrors(key, version)) problems.push({ key, part: 'key', message: invalidString(key, detail) });
    for (const detail of labelValueErrors(String(value), version)) problems.push({ key, part: 'value', message: invalidString(String(value), detail) });
  }
  return problems;
}

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** One ValidateAnnotations error; `key` is undefined for the total-size error. */
export interface AnnotationProblem {
  readonly key?: string;
  readonly message: string;
}

/** ValidateAnnotations: keys are checked lower-cased (the error shows the key as written); total size ≤ 256 KiB. */
export function annotationProblems(annotations: Readonly<Record<string, string>> | undefined, version: KubernetesVersion): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    for (const detail of labelKeyErrors(key.toLowerCase(), version)) problems.push({ key, message: invalidString(key, detail) });
    total += byteLength(key) + byteLength(String(value));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) problems.push({ message: tooLong(TOTAL_ANNOTATION_SIZE_LIMIT, version) });
  return problems;
}

/** field.TooLong's body. */
export function tooLong(maxLength: number, version: KubernetesVersion): string {
  if (!isAtLeast(version, 1, 32)) return `Too long: must have at most ${maxLength} bytes`;
  return `Too long: may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}`;
}

/** field.Invalid's body for a string value (%q). */
export function invalidString(value: string, detail: string): string {
  return `Invalid value: ${goQuote(value)}: ${detail}`;
}
