/**
 * The languages the linter, hovers and CLI speak. The API server's own messages stay in English in every
 * language (they are what `kubectl` prints); our advice, hovers, titles and explanations follow the locale.
 */
export type Locale = 'en' | 'zh-cn';

export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/**
 * The locale for a tag as editors and shells give it: VS Code's `zh-cn`, BCP 47 `zh-CN` / `zh-Hans`,
 * POSIX `zh_CN.UTF-8`. Chinese written in Traditional characters (`zh-TW`, `zh-Hant`) has no catalog and
 * falls back to English, as does anything else unknown.
 */
export function resolveLocale(tag: string | undefined): Locale {
  if (tag === undefined) return 'en';
  const normalized = tag.trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  if (normalized === 'zh' || normalized === 'zh-cn' || normalized === 'zh-sg' || normalized.startsWith('zh-hans')) return 'zh-cn';
  return 'en';
}
