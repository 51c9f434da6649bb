/**
 * The CLI's language: `--lang` when given, else the environment as POSIX orders it (LC_ALL overrides
 * everything, then LC_MESSAGES, the category of messages, then LANG; an empty variable counts as unset).
 * `C`, `POSIX` and languages without a catalog are English.
 */
import { resolveLocale, type Locale } from '../core/i18n';

/** The variables that name the language of messages, strongest first (POSIX XBD 8.2, Internationalization Variables). */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export function cliLocale(lang: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (lang !== undefined) return resolveLocale(lang);
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') return resolveLocale(value);
  }
  return 'en';
}

/**
 * Whether `--lang` names a language the CLI speaks: Simplified Chinese in any spelling resolveLocale reads, or
 * English (`en`, `en-US`, `en_GB.UTF-8`, `C`, `POSIX`). A typo should not fall back to English without a word, as an
 * unknown environment does.
 */
export function isSupportedLang(tag: string): boolean {
  if (resolveLocale(tag) !== 'en') return true;
  const normalized = tag.trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  return normalized === 'c' || normalized === 'posix' || normalized === 'en' || normalized.startsWith('en-');
}
