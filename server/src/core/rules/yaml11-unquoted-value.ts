/**
 * Advice where YAML 1.1 surprises people. Kubernetes reads manifests as YAML 1.1 (sigs.k8s.io/yaml over
 * go-yaml v2, see parse/yaml11.ts), while most editors, linters and the YAML 1.2 spec read `no`, `on` and `y`
 * as text and `0644` as 644. So `value: no` in an env var is a boolean to the API server, which rejects it
 * ("json: cannot unmarshal bool into Go struct field EnvVar...value of type string"), and a label key `on`
 * silently becomes the key "true".
 *
 * Reported: an unquoted value that YAML 1.1 and YAML 1.2 read differently, where the field takes text (a
 * string, a time or a quantity, which is written as text), and such a key anywhere. The fix quotes it.
 */
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { resolvePlainScalar, type GoScalar } from '../parse/yaml11';
import type { Path } from '../parse/path';
import { property, rootDefinitionFor, type TypeSchema } from '../schema/schema';
import type { Locale } from '../i18n';
import { yaml11Advice } from './messages/yaml11';
import type { Rule, RuleFinding } from './rule';

/** Field types whose JSON value is text. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'time', 'quantity']);

export const yaml11UnquotedValue: Rule = {
  meta: {
    id: 'yaml11-unquoted-value',
    severity: 'warning',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      'An unquoted value such as no, on, y or 0644 that Kubernetes (YAML 1.1) reads as a boolean or a number, not as the text, where text is expected or as a key.',
  },
  check({ object, apiVersion, sourceMap, locale }) {
    const root = rootDefinitionFor(apiVersion, object.kind);
    const top = sourceMap?.nodeAt([]);
    if (root === undefined || top === undefined) return [];
    const findings: RuleFinding[] = [];
    // An explicit stack: nesting depth is the input's business.
    const stack: Array<readonly [unknown, TypeSchema | undefined, Path]> = [[top, { t: 'ref', r: root }, []]];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const [node, type, path] = next;
      const children: Array<readonly [unknown, TypeSchema | undefined, Path]> = [];
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const name = String(pair.key.value);
          const surprise = yaml11Surprise(pair.key);
          if (surprise) findings.push(keyFinding([...path, name], surprise, locale));
          const childType = type?.t === 'ref' && type.r !== undefined ? property(type.r, name) : type?.t === 'map' ? type.i : undefined;
          children.push([pair.value, childType, [...path, name]]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => children.push([item, type?.t === 'array' ? type.i : undefined, [...path, index]]));
      } else if (isScalar(node) && type !== undefined && TEXT_TYPES.has(type.t)) {
        const surprise = yaml11Surprise(node);
        if (surprise) findings.push(valueFinding(path, surprise, type.t === 'quantity', locale));
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return findings;
  },
};

interface Surprise {
  /** The text as written. */
  readonly source: string;
  /** What Kubernetes reads. */
  readonly value: GoScalar;
}

/** A plain scalar that go-yaml v2 (YAML 1.1) and the YAML 1.2 core schema read differently, if this is one. */
function yaml11Surprise(node: Scalar): Surprise | undefined {
  if (node.type !== 'PLAIN' || node.tag !== undefined || typeof node.source !== 'string') return undefined;
  const source = node.source;
  const value = resolvePlainScalar(source);
  if (typeof value === 'string' || value === null) return undefined;
  const yaml12 = yaml12Core(source);
  const same = typeof value === 'boolean' ? value === yaml12 : typeof yaml12 === 'number' && Number(value) === yaml12;
  return same ? undefined : { source, value };
}

/** The YAML 1.2 core schema (spec 10.3.2) for the booleans and numbers go-yaml v2 can produce. */
function yaml12Core(source: string): unknown {
  if (/^(?:true|True|TRUE)$/.test(source)) return true;
  if (/^(?:false|False|FALSE)$/.test(source)) return false;
  if (/^[-+]?[0-9]+$/.test(source)) return Number(source);
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(source)) return Number(source);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) return source.startsWith('-') ? -Infinity : Infinity;
  return source;
}

/** What Kubernetes reads, in words: "the boolean true", "the number 420 (octal)". */
function describe({ source, value }: Surprise, locale: Locale | undefined): string {
  if (typeof value === 'boolean') return yaml11Advice.t(locale, 'describeBoolean', { value: String(value) });
  const digits = source.replace(/_/g, '').replace(/^[-+]/, '');
  const key = /^0[0-7]+$|^0o/i.test(digits) ? 'describeOctal' : /^0b/i.test(digits) ? 'describeBinary' : /^0x/i.test(digits) ? 'describeHexadecimal' : 'describeNumber';
  return yaml11Advice.t(locale, key, { value: String(value) });
}

function valueFinding(path: Path, surprise: Surprise, quantity: boolean, locale: Locale | undefined): RuleFinding {
  const { source } = surprise;
  const args = { source, what: describe(surprise, locale), quoted: JSON.stringify(source), value: String(surprise.value) };
  const key = quantity ? 'quantity' : typeof surprise.value === 'boolean' ? 'valueNotBoolean' : 'valueNotNumber';
  return {
    path,
    message: yaml11Advice.t(locale, key, args),
    fixes: [{ title: yaml11Advice.t(locale, 'quoteFix', { source }), changes: [{ op: 'set', path, value: source }], preferred: true }],
  };
}

function keyFinding(path: Path, surprise: Surprise, locale: Locale | undefined): RuleFinding {
  const { source } = surprise;
  const quoted = JSON.stringify(source);
  const last = path[path.length - 1];
  return {
    path,
    part: 'key',
    message: yaml11Advice.t(locale, 'key', { source, what: describe(surprise, locale), key: String(last), quoted }),
    fixes: [{ title: yaml11Advice.t(locale, 'quoteFix', { source }), changes: [{ op: 'rename', path, key: quoted }], preferred: true }],
  };
}
