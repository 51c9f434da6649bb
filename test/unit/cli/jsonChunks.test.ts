/**
 * jsonChunks: concatenated, its chunks are exactly JSON.stringify(value, null, 2), whatever the walk depth
 * and chunk size; chunks stay near the requested size. And `simulate --format json`, which writes them,
 * prints what it printed as one string, and stops quietly when the reader goes away.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ENGLISH_ENV } from './englishEnv';
import { parse } from 'yaml';
import { jsonChunks, type JsonChunksOptions } from '../../../server/src/cli/jsonChunks';
import { simulate } from '../../../server/src/core';

const REPO_ROOT = resolve(__dirname, '../../../..');

function joined(value: unknown, options?: JsonChunksOptions): string {
  return [...jsonChunks(value, options)].join('');
}

/** The walk depth and chunk size change where the pieces are cut, never the text. */
const OPTIONS: readonly (JsonChunksOptions | undefined)[] = [
  undefined,
  { maxDepth: 0 },
  { maxDepth: 1 },
  { maxDepth: 3, chunkSize: 1 },
  { maxDepth: 10, chunkSize: 7 },
];

const withKey = (suffix: string) => ({ toJSON: (key: string) => `${key}${suffix}` });
const sparse = [1, , 3];
const nullPrototype = Object.assign(Object.create(null) as object, { b: 1, a: [2] });
class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  get length(): number {
    return Math.hypot(this.x, this.y);
  }
}
const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });

const CASES: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['negative zero', -0],
  ['a fraction', 1.5],
  ['NaN', NaN],
  ['Infinity', -Infinity],
  ['undefined', undefined],
  ['a function', () => 1],
  ['a symbol', Symbol('s')],
  ['the empty string', ''],
  ['a string with newlines, quotes, backslashes, unicode', 'a\nb\r\n"q" \\ \t \u2028 é 😀 \ud800 \u0000'],
  ['an empty array', []],
  ['an empty object', {}],
  ['nested empty containers', { a: [], b: {}, c: [[], {}, [[]], { d: {} }] }],
  ['nested arrays', [[1, [2, [3, [4, [5]]]]], []]],
  ['deep objects', { a: { b: { c: { d: { e: [1, { f: 'g\nh' }] } } } } }],
  ['strings with newlines at every depth', { 'k\ney': ['x\ny', { 'z\n': ['\n'] }] }],
  ['undefined, function and symbol members', { a: undefined, b: 1, c: () => 1, d: Symbol('d'), e: { f: undefined } }],
  ['undefined, function and symbol elements', [undefined, () => 1, Symbol('e'), [undefined]]],
  ['an object of only undefined members', { a: undefined, b: { c: undefined } }],
  ['a sparse array', sparse],
  ['integer-like keys come first', { b: 1, 2: 2, a: 3, 1: 4 }],
  ['a null-prototype object', nullPrototype],
  ['a class instance: own enumerable fields only', [new Point(3, 4)]],
  ['non-enumerable properties', hidden],
  ['Dates', { at: new Date(0), list: [new Date(Date.UTC(2026, 0, 1))], deep: { a: { b: new Date(1) } } }],
  ['toJSON gets the key', { x: withKey('!'), list: [withKey('?'), [withKey('.')]], deep: { a: { b: withKey('#') } } }],
  ['toJSON on the value itself gets the empty key', withKey('root')],
  ['toJSON returning undefined', { gone: { toJSON: () => undefined }, list: [{ toJSON: () => undefined }] }],
  ['toJSON returning an object whose toJSON is not called', { x: { toJSON: () => ({ toJSON: () => 'inner', y: 1 }) } }],
  ['toJSON returning containers', { toJSON: () => [{ a: 1 }, { toJSON: () => ({ b: [2] }) }] }],
  ['boxed primitives', { n: Object(3), s: Object('s\n'), b: Object(false), symbol: Object(Symbol('x')), list: [Object(1)] }],
  ['Maps and Sets have no members', { map: new Map([[1, 2]]), set: new Set([1]) }],
  ['nulls', { a: null, b: [null, { c: null }] }],
];

for (const [name, value] of CASES) {
  test(`jsonChunks is JSON.stringify(v, null, 2): ${name}`, () => {
    const expected = JSON.stringify(value, null, 2) ?? '';
    for (const options of OPTIONS) assert.equal(joined(value, options), expected, JSON.stringify(options));
  });
}

test('jsonChunks throws where JSON.stringify throws: BigInt, cycles', () => {
  const cyclic: Record<string, unknown> = { a: [1] };
  cyclic.self = { back: cyclic };
  const deepCycle: Record<string, unknown> = {};
  deepCycle.x = { y: { z: { w: deepCycle } } };
  for (const value of [1n, { a: [2n] }, cyclic, deepCycle]) {
    assert.throws(() => JSON.stringify(value, null, 2), TypeError);
    for (const options of OPTIONS) assert.throws(() => joined(value, options), TypeError);
  }
});

test('jsonChunks of a simulated Timeline is JSON.stringify of it', () => {
  const read = (file: string) => parse(readFileSync(resolve(REPO_ROOT, 'examples', file), 'utf8'));
  const result = simulate(read('hello-cronjob-forbid.yaml'), read('hello-cronjob-forbid.scenario.yaml'));
  assert.ok(result.ok);
  const expected = JSON.stringify(result.timeline, null, 2);
  for (const options of [...OPTIONS, { chunkSize: 4096 }]) assert.equal(joined(result.timeline, options), expected);
  const chunks = [...jsonChunks(result.timeline, { chunkSize: 4096 })];
  assert.ok(chunks.length > 3, `${chunks.length} chunks`);
});

test('jsonChunks cuts a big array into chunks of about chunkSize, each at most one element over', () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ name: `pod-${i}`, at: i * 60, phase: i % 7 === 0 ? 'Failed' : 'Succeeded' }));
  const value = { object: { kind: 'CronJob', name: 'hello' }, pods: rows, events: [] };
  const expected = JSON.stringify(value, null, 2);
  const chunks = [...jsonChunks(value)];
  assert.equal(chunks.join(''), expected);
  const longestElement = rows.reduce((max, r) => Math.max(max, JSON.stringify(r, null, 2).length), 0) + 20; // plus its separator and indentation
  assert.ok(chunks.length >= Math.floor(expected.length / (1 << 20)), `${chunks.length} chunks for ${expected.length} characters`);
  for (const chunk of chunks) assert.ok(chunk.length <= (1 << 20) + longestElement, `a chunk of ${chunk.length} characters`);
  // Every chunk but the last is nearly full: not one write per element.
  for (const chunk of chunks.slice(0, -1)) assert.ok(chunk.length > (1 << 20) - longestElement, `a chunk of ${chunk.length} characters`);
});

test('jsonChunks: an element bigger than chunkSize is one chunk of its own', () => {
  const big = 'x'.repeat(5000);
  const value = [big, 'a', big, big];
  const chunks = [...jsonChunks(value, { chunkSize: 1000 })];
  assert.equal(chunks.join(''), JSON.stringify(value, null, 2));
  assert.ok(chunks.every((chunk) => chunk.length <= 1000 || chunk.includes(big)));
  assert.equal(chunks.filter((chunk) => chunk.includes(big)).length, 3);
});

test('simulate --format json prints the golden Timeline, byte for byte', () => {
  for (const [manifest, scenario] of [
    ['hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml'],
    ['hello-cronjob-starting-deadline.yaml', 'hello-cronjob-starting-deadline.outage.scenario.yaml'],
  ]) {
    const args = ['dist/cli.js', 'simulate', `examples/${manifest}`, '--scenario', `examples/${scenario}`, '--format', 'json'];
    const { status, stdout, stderr } = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const golden = resolve(REPO_ROOT, 'test/fixtures/golden', scenario.replace(/\.scenario\.yaml$/, '.timeline.json'));
    assert.equal(stdout, readFileSync(golden, 'utf8'));
  }
});

test('simulate --format json stops quietly when the reader goes away (EPIPE)', async () => {
  // The outage Timeline (170 kB) is more than a pipe holds: closing after the first read leaves writes to fail.
  const args = ['dist/cli.js', 'simulate', 'examples/hello-cronjob-starting-deadline.yaml', '--scenario', 'examples/hello-cronjob-starting-deadline.outage.scenario.yaml', '--format', 'json'];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  assert.equal(stderr, '');
  assert.equal(status, 0);
});
