/**
 * YAML 1.1 as Kubernetes decodes it: the cases of go-yaml v2's own tests (goyaml.v2/decode_test.go in
 * sigs.k8s.io/yaml: unmarshalTests with interface{} targets, TestMerge, unmarshalErrorTests), plus the
 * branches of goyaml.v2/resolve.go `resolve` that those tests do not reach. Values are compared as the
 * API server sees them: after YAMLToJSON, i.e. as JSON (NaN and ±Inf are checked apart, JSON has none).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { parseManifests } from '../../../server/src/core/parse/parseManifests';
import { isPlainNonString, resolvePlainScalar, YAML11_PARSE_OPTIONS, YAML11_STRINGIFY_OPTIONS } from '../../../server/src/core/parse/yaml11';
import { readScenarioText } from '../../../server/src/core/scenarioText';

function decode(text: string): unknown {
  const docs = parseAllDocuments(text, { ...YAML11_PARSE_OPTIONS, logLevel: 'error' });
  assert.ok(Array.isArray(docs));
  const [doc] = docs;
  assert.deepEqual(doc.errors.map((e) => e.message), []);
  return doc.toJS({ maxAliasCount: 100 });
}

function decodeError(text: string): string {
  const docs = parseAllDocuments(text, { ...YAML11_PARSE_OPTIONS, logLevel: 'error' });
  assert.ok(Array.isArray(docs));
  const [doc] = docs;
  if (doc.errors.length > 0) return doc.errors[0].message;
  try {
    doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return (error as Error).message;
  }
  return '(no error)';
}

const big = (s: string): bigint => BigInt(s);

// decode_test.go unmarshalTests (interface{} and map[string]interface{} targets).
const UNMARSHAL_TESTS: readonly [string, unknown][] = [
  ['v: hi', { v: 'hi' }],
  ['v: true', { v: true }],
  ['v: 10', { v: 10 }],
  ['v: 0b10', { v: 2 }],
  ['v: 0xA', { v: 10 }],
  ['v: 4294967296', { v: 4294967296 }],
  ['v: 0.1', { v: 0.1 }],
  ['v: .1', { v: 0.1 }],
  ['v: -10', { v: -10 }],
  ['v: -.1', { v: -0.1 }],
  ['123', 123],
  ['canonical: 6.8523e+5', { canonical: 685230 }],
  ['expo: 685.230_15e+03', { expo: 685230.15 }],
  ['fixed: 685_230.15', { fixed: 685230.15 }],
  ['canonical: y', { canonical: true }],
  ['answer: NO', { answer: false }],
  ['logical: True', { logical: true }],
  ['option: on', { option: true }],
  ['canonical: 685230', { canonical: 685230 }],
  ['decimal: +685_230', { decimal: 685230 }],
  ['octal: 02472256', { octal: 685230 }],
  ['hexa: 0x_0A_74_AE', { hexa: 685230 }],
  ['bin: 0b1010_0111_0100_1010_1110', { bin: 685230 }],
  ['bin: -0b101010', { bin: -42 }],
  [`bin: -0b1${'0'.repeat(63)}`, { bin: big('-9223372036854775808') }],
  ['empty:', { empty: null }],
  ['canonical: ~', { canonical: null }],
  ['english: null', { english: null }],
  ['seq: [A,B]', { seq: ['A', 'B'] }],
  ['seq: [A,1,C]', { seq: ['A', 1, 'C'] }],
  ['seq:\n - A\n - 1\n - C', { seq: ['A', 1, 'C'] }],
  ['a: {b: c}', { a: { b: 'c' } }],
  [`'1': '"2"'`, { '1': '"2"' }],
  [`v: !!float '1.1'`, { v: 1.1 }],
  ['v: !!float 0', { v: 0 }],
  ['v: !!float -1', { v: -1 }],
  [`v: !!null ''`, { v: null }],
  [`%TAG !y! tag:yaml.org,2002:\n---\nv: !y!int '1'`, { v: 1 }],
  ['v: ! test', { v: 'test' }],
  ['a: &x 1\nb: &y 2\nc: *x\nd: *y\n', { a: 1, b: 2, c: 1, d: 2 }],
  ['a: -b_c', { a: '-b_c' }],
  ['a: +b_c', { a: '+b_c' }],
  ['a: 50cent_of_dollar', { a: '50cent_of_dollar' }],
  ['a: {b: https://github.com/go-yaml/yaml}', { a: { b: 'https://github.com/go-yaml/yaml' } }],
  ['a: 1:1\n', { a: '1:1' }], // base 60 is unsupported
  // !!binary: the bytes 0x80 0x81 0x82 are not UTF-8, so json.Marshal writes each as U+FFFD.
  ['a: !!binary gIGC\n', { a: '\ufffd\ufffd\ufffd' }],
  [`a: !!binary |\n  ${'kJCQ'.repeat(17)}kJ\n  CQ\n`, { a: '\ufffd'.repeat(54) }],
  ['a: !!binary aGVsbG8=\n', { a: 'hello' }],
  // Timestamps into interface{} stay their text (decode.go: "for backward compatibility reasons").
  ['a: 2015-01-01', { a: '2015-01-01' }],
  ['a: !!str 2015-01-01', { a: '2015-01-01' }],
  ['a: "2015-01-01"', { a: '2015-01-01' }],
  ['a: !!timestamp "2015-01-01"', { a: '2015-01-01' }],
  ['a: 2015-02-24T18:19:39Z\n', { a: '2015-02-24T18:19:39Z' }],
  ['a: 123456e1\n', { a: 1234560 }],
  ['a: 123456E1\n', { a: 1234560 }],
  [
    'First occurrence: &anchor Foo\nSecond occurrence: *anchor\nOverride anchor: &anchor Bar\nReuse anchor: *anchor\n',
    { 'First occurrence': 'Foo', 'Second occurrence': 'Foo', 'Override anchor': 'Bar', 'Reuse anchor': 'Bar' },
  ],
  ['a:\n  b\nb:\n  ? a\n  : a', { a: 'b', b: { a: 'a' } }],
];

for (const [text, expected] of UNMARSHAL_TESTS) {
  test(`go-yaml v2 decodes ${JSON.stringify(text)}`, () => {
    assert.deepEqual(decode(text), expected);
  });
}

test('.inf, -.Inf and .NaN are IEEE specials (the decoder later refuses them, as json.Marshal does)', () => {
  assert.deepEqual(decode('v: .Inf'), { v: Infinity });
  assert.deepEqual(decode('v: -.Inf'), { v: -Infinity });
  assert.deepEqual(decode('neginf: -.inf'), { neginf: -Infinity });
  assert.ok(Number.isNaN((decode('notanum: .NaN') as { notanum: number }).notanum));
});

// resolve.go branches, one row each: source → value.
const RESOLVE_CASES: readonly [string, unknown][] = [
  // The Kubernetes case of issue 10: file modes are octal.
  ['0644', 420],
  ['0755', 493],
  ['0o644', 420], // strconv.ParseInt(s, 0, 64) also takes Go's 0o prefix
  ['0_644', 420], // underscores are removed before parsing
  ['08', 8], // not octal: yamlStyleFloat reads it as the float 8
  ['0', 0],
  ['-0', 0],
  ['00', 0],
  ['-0x1A', -26],
  ['+0b11', 3],
  ['0X1f', 31],
  ['0b-101', -5], // resolve.go retries "0b" + signed base-2
  ['1_000', 1000],
  ['+_1', 1],
  ['_1', '_1'], // the first character decides: "_" is never a number
  ['0x', '0x'],
  ['0b', '0b'],
  ['0o', '0o'],
  // int64 and uint64 stay exact; beyond uint64 a decimal becomes a float, anything else a string.
  ['9007199254740993', big('9007199254740993')],
  ['9223372036854775807', big('9223372036854775807')],
  ['9223372036854775808', big('9223372036854775808')],
  ['18446744073709551615', big('18446744073709551615')],
  ['18446744073709551616', 18446744073709551616],
  ['-9223372036854775809', -9223372036854775809],
  ['0x10000000000000000', '0x10000000000000000'],
  ['1e400', '1e400'], // strconv.ParseFloat's range error: left a string
  ['.5e400', '.5e400'],
  ['1.', 1],
  ['+.5', 0.5],
  ['.5_0', 0.5],
  ['._5', '._5'],
  ['1e3', 1000],
  ['1.5', 1.5],
  // Booleans and nulls: only these spellings.
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s): [string, unknown] => [s, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s): [string, unknown] => [s, false]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, unknown] => [s, null]),
  ...['yEs', 'oN', 'nULL', 'tRUE', 'Nope', 'offline', '~x'].map((s): [string, unknown] => [s, s]),
  ['+.inf', Infinity],
  ['+.nan', '+.nan'],
  ['<<', '<<'],
  ['190:20:30', '190:20:30'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
];

for (const [source, expected] of RESOLVE_CASES) {
  test(`resolve.go: plain ${JSON.stringify(source)}`, () => {
    assert.deepEqual(resolvePlainScalar(source), expected);
  });
}

test('merge keys: every form of the YAML merge spec decodes to the same map (decode_test.go TestMerge)', () => {
  const text = `
anchors:
  list:
    - &CENTER { "x": 1, "y": 2 }
    - &LEFT   { "x": 0, "y": 2 }
    - &BIG    { "r": 10 }
    - &SMALL  { "r": 1 }
plain:
  "x": 1
  "y": 2
  "r": 10
  label: center/big
mergeOne:
  << : *CENTER
  "r": 10
  label: center/big
mergeMultiple:
  << : [ *CENTER, *BIG ]
  label: center/big
override:
  << : [ *BIG, *LEFT, *SMALL ]
  "x": 1
  label: center/big
shortTag:
  !!merge "<<" : [ *CENTER, *BIG ]
  label: center/big
longTag:
  !<tag:yaml.org,2002:merge> "<<" : [ *CENTER, *BIG ]
  label: center/big
inlineMap:
  << : {"x": 1, "y": 2, "r": 10}
  label: center/big
inlineSequenceMap:
  << : [ *CENTER, {"r": 10} ]
  label: center/big
`;
  const all = decode(text) as Record<string, unknown>;
  for (const [name, value] of Object.entries(all)) {
    if (name !== 'anchors') assert.deepEqual(value, { x: 1, y: 2, r: 10, label: 'center/big' }, name);
  }
});

test('merge keys: the merged map overrides keys written before <<, keys after it override the merge (decode.go merge)', () => {
  assert.deepEqual(decode('a: {x: 1, <<: {x: 2, z: 2}}'), { a: { x: 2, z: 2 } });
  assert.deepEqual(decode('a: {<<: {x: 2, z: 2}, x: 1}'), { a: { x: 1, z: 2 } });
  // A quoted "<<" is an ordinary key.
  assert.deepEqual(decode('a: {"<<": {x: 2}}'), { a: { '<<': { x: 2 } } });
});

test('keys that resolve to booleans or numbers become their text (convertToJSONableObject)', () => {
  assert.deepEqual(decode('on: 1\n0644: 3\nno: 4\n1.5: 5'), { true: 1, '420': 3, false: 4, '1.5': 5 });
});

test('quoted and block scalars are strings whatever they look like', () => {
  assert.deepEqual(decode(`a: 'no'\nb: "0644"\nc: |\n  on\nd: !!str yes`), { a: 'no', b: '0644', c: 'on\n', d: 'yes' });
});

// decode_test.go unmarshalErrorTests that concern decoding (the rest are syntax errors).
const ERROR_CASES: readonly [string, string][] = [
  [`v: !!float 'error'`, 'cannot decode !!str `error` as a !!float'],
  ['a: &x null\n<<:\n- *x\nb: &x {}\n', 'map merge requires map or sequence of maps as the value'],
  ['a: !!binary ==', '!!binary value contains invalid base64 data'],
  ['a: !!int 1.5', 'cannot decode !!float `1.5` as a !!int'],
  ['<<: 1', 'map merge requires map or sequence of maps as the value'],
];

for (const [text, message] of ERROR_CASES) {
  test(`go-yaml v2 refuses ${JSON.stringify(text)}`, () => {
    assert.match(decodeError(text), new RegExp(message.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&')));
  });
}

test('an alias bomb is still refused (maxAliasCount)', () => {
  const text =
    'a: &a [00,00,00,00,00,00,00,00,00]\n' +
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' +
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
  assert.match(decodeError(text), /alias count/i);
});

test('writing a value quotes the strings go-yaml v2 would not read back as strings', () => {
  const write = (value: unknown): string => stringify(value, YAML11_STRINGIFY_OPTIONS).trimEnd();
  assert.equal(write('no'), '"no"');
  assert.equal(write('On'), '"On"');
  assert.equal(write('0644'), '"0644"');
  assert.equal(write('1_000'), '"1_000"');
  assert.equal(write('Never'), 'Never');
  assert.equal(write('nope'), 'nope');
  assert.equal(write(420), '420');
  assert.equal(write(true), 'true');
  assert.equal(isPlainNonString('y'), true);
  assert.equal(isPlainNonString('yEs'), false);
});

test('manifests are read as Kubernetes reads them (YAML 1.1); scenarios, this project\'s own format, as YAML 1.2', () => {
  assert.deepEqual(parseManifests('mode: 0644\nflag: no\non: 1\n').documents[0].value, { mode: 420, flag: false, true: 1 });
  assert.deepEqual(readScenarioText('until: 1h\nnodes:\n  - name: n\n').value, { until: '1h', nodes: [{ name: 'n' }] });
});
