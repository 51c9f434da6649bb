/**
 * Every message catalog, in both languages: the same keys, the same `{placeholders}`, no empty text; and every
 * `catalog.t(locale, 'key', { … })` call in the sources names a key the catalog has and fills each placeholder of
 * it (the type system checks keys, not arguments: a forgotten argument would print `{name}` to the user).
 * All of core is loaded first, so every catalog has registered itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import '../../../server/src/core';
import { allCatalogs, fill, LOCALES, placeholders, type Catalog } from '../../../server/src/core/i18n';

const REPO_ROOT = resolve(__dirname, '../../../..');
/** The compiled core next to this test (tsc -p test compiles server/src to out/server/src). */
const CORE_OUT = resolve(__dirname, '../../../server/src/core');
const SOURCES = join(REPO_ROOT, 'server/src');

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ext);
    return entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Core is pure (no I/O, no clock): loading every module only registers its catalogs. Returns each module's exported catalogs by name. */
function loadCore(): Map<string, Catalog<string>> {
  const registered = new Set(allCatalogs());
  const byName = new Map<string, Catalog<string>>();
  for (const file of files(CORE_OUT, '.js')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (allCatalogs().includes(value as Catalog<string>)) byName.set(name, value as Catalog<string>);
    }
  }
  assert.ok(allCatalogs().length >= registered.size);
  return byName;
}

/** What is wrong with a catalog's tables: a key missing in a language, different placeholders, empty text. */
export function catalogProblems(catalog: Pick<Catalog<string>, 'area' | 'tables'>): string[] {
  const problems: string[] = [];
  const keys = new Set(LOCALES.flatMap((locale) => Object.keys(catalog.tables[locale] ?? {})));
  for (const key of keys) {
    const templates = LOCALES.map((locale) => catalog.tables[locale]?.[key]);
    LOCALES.forEach((locale, i) => {
      const template = templates[i];
      if (template === undefined) problems.push(`${catalog.area}.${key}: missing in ${locale}`);
      else if (template.trim() === '') problems.push(`${catalog.area}.${key}: empty in ${locale}`);
    });
    const [en, ...others] = templates;
    if (en === undefined) continue;
    others.forEach((other, i) => {
      if (other !== undefined && placeholders(other).join() !== placeholders(en).join()) {
        problems.push(`${catalog.area}.${key}: placeholders {${placeholders(en).join('}, {')}} in en, {${placeholders(other).join('}, {')}} in ${LOCALES[i + 1]}`);
      }
    });
  }
  return problems;
}

/** The arguments of a call whose `(` is at `open`, split at top-level commas; undefined if the text ends first. */
function callArguments(source: string, open: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') {
      // Skip a string (a template's ${…} holds no commas that matter at this depth).
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        args.push(source.slice(start, i).trim());
        return args.filter((arg) => arg !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

/** The property names of an object literal's text, or undefined when a spread makes them unknowable. */
function propertyNames(objectText: string): string[] | undefined {
  const inner = callArguments(`(${objectText.slice(1, -1)})`, 0) ?? [];
  const names: string[] = [];
  for (const property of inner) {
    if (property.startsWith('...')) return undefined;
    const name = /^['"]?([A-Za-z0-9_]+)['"]?\s*(?::|$)/.exec(property)?.[1];
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Problems of the `<catalog>.t(…)` calls in one source text: unknown keys, placeholders left unfilled, arguments no placeholder takes. */
export function callProblems(file: string, source: string, catalogs: ReadonlyMap<string, Catalog<string>>): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const [name, catalog] of catalogs) {
    for (const match of source.matchAll(new RegExp(`\\b${name}\\.t\\(`, 'g'))) {
      const open = (match.index ?? 0) + match[0].length - 1;
      const args = callArguments(source, open);
      const line = source.slice(0, match.index).split('\n').length;
      const where = `${file}:${line}: ${name}.t`;
      if (!args || args.length < 2) continue;
      // The key: a literal, or a choice between literals (`truncated ? 'a' : 'b'`).
      const keyText = args[1]!;
      const keys = /^(?:[^'"]*\?\s*)?'[^']*'(?:\s*:\s*'[^']*')?$/.test(keyText) ? [...keyText.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : [];
      if (keys.length === 0) continue;
      const given = args[2] === undefined ? [] : args[2].startsWith('{') ? propertyNames(args[2]) : undefined;
      for (const key of keys) {
        checked++;
        const template = catalog.tables.en[key];
        if (template === undefined) {
          problems.push(`${where}: no key "${key}" in ${catalog.area}`);
          continue;
        }
        if (given === undefined) continue;
        const wanted = placeholders(template);
        const missing = wanted.filter((p) => !given.includes(p));
        const extra = given.filter((p) => !wanted.includes(p));
        if (missing.length > 0) problems.push(`${where}: "${key}" needs {${missing.join('}, {')}}`);
        if (extra.length > 0) problems.push(`${where}: "${key}" has no {${extra.join('}, {')}}`);
      }
    }
  }
  return { problems, checked };
}

const catalogs = loadCore();

test('every catalog has each key in English and Chinese, with the same placeholders and no empty text', () => {
  const areas = allCatalogs().map((c) => c.area);
  // The server's and the CLI's catalogs are among them.
  for (const area of ['hover', 'editor', 'cli']) assert.ok(areas.includes(area), `${area} in ${areas.join(', ')}`);
  assert.deepEqual(allCatalogs().flatMap(catalogProblems), []);
});

test('every catalog.t call in the sources names a key its catalog has and fills all of its placeholders', () => {
  assert.ok(catalogs.size >= 3, [...catalogs.keys()].join(', '));
  let checked = 0;
  const problems: string[] = [];
  for (const file of files(SOURCES, '.ts')) {
    const result = callProblems(file.slice(REPO_ROOT.length + 1), readFileSync(file, 'utf8'), catalogs);
    checked += result.checked;
    problems.push(...result.problems);
  }
  assert.deepEqual(problems, []);
  // The scan found the calls (hovers, CodeLens, the CLI's summary, cron's labels, …).
  assert.ok(checked >= 30, `only ${checked} calls checked`);
});

test('the checks catch a key missing in one language, different placeholders, empty text, an unknown key and a forgotten argument', () => {
  const bad = {
    area: 'bad',
    tables: {
      en: { only: 'English only', count: '{n} pods', blank: 'text' },
      'zh-cn': { count: '{count} 个 Pod', blank: ' ' },
    },
  } as unknown as Catalog<string>;
  assert.deepEqual(catalogProblems(bad), ['bad.only: missing in zh-cn', 'bad.count: placeholders {n} in en, {count} in zh-cn', 'bad.blank: empty in zh-cn']);

  const source = [
    "badText.t(locale, 'count', { n: 3 });",
    "badText.t(locale, 'count');",
    "badText.t(locale, 'count', { pods: 3 });",
    "badText.t(locale, 'nope');",
    "badText.t(locale, flag ? 'blank' : 'missing');",
  ].join('\n');
  assert.deepEqual(callProblems('x.ts', source, new Map([['badText', bad]])).problems, [
    'x.ts:2: badText.t: "count" needs {n}',
    'x.ts:3: badText.t: "count" needs {n}',
    'x.ts:3: badText.t: "count" has no {pods}',
    'x.ts:4: badText.t: no key "nope" in bad',
    'x.ts:5: badText.t: no key "missing" in bad',
  ]);
  // At run time a forgotten argument shows as the placeholder itself, which the scan above keeps from shipping.
  assert.equal(fill('{n} pods', {}), '{n} pods');
});
