/**
 * Message catalogs: one per area (hovers, advice rules, CLI …), each an English table and a Chinese one with
 * the same keys. Templates name their arguments: `{schedule} never runs`. Both tables are checked against
 * each other by a test (same keys, same placeholders), and the type makes a missing key a compile error.
 */
import type { Locale } from './locale';

export type MessageArgs = Readonly<Record<string, string | number>>;

export interface Catalog<K extends string> {
  /** The area's name, for the parity test's messages. */
  readonly area: string;
  readonly tables: Readonly<Record<Locale, Readonly<Record<K, string>>>>;
  /** The message for `key` in `locale`, its `{name}` placeholders filled from `args`. */
  t(locale: Locale | undefined, key: K, args?: MessageArgs): string;
}

const catalogs: Catalog<string>[] = [];

/** Every catalog defined so far (for the parity test; modules register themselves when loaded). */
export function allCatalogs(): readonly Catalog<string>[] {
  return catalogs;
}

export function defineCatalog<K extends string>(area: string, en: Readonly<Record<K, string>>, zhCn: Readonly<Record<K, string>>): Catalog<K> {
  const tables = { en, 'zh-cn': zhCn } as const;
  const catalog: Catalog<K> = {
    area,
    tables,
    t: (locale, key, args) => fill(tables[locale ?? 'en'][key] ?? en[key], args),
  };
  catalogs.push(catalog as unknown as Catalog<string>);
  return catalog;
}

/** `{name}` → args.name; a placeholder without an argument stays as written (a test catches it). */
export function fill(template: string, args: MessageArgs | undefined): string {
  if (args === undefined) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : whole));
}

/** The `{name}` placeholders of a template, sorted: both languages of a key must have the same ones. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();
}
