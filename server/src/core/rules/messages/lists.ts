/** Lists inside messages, the way each language writes them: "0, 5 and 10" / "0、5、10". */
import { defineCatalog, type Locale } from '../../i18n';

const lists = defineCatalog(
  'rules.lists',
  {
    separator: ', ',
    lastPair: '{rest} and {last}',
  },
  {
    separator: '、',
    lastPair: '{rest}、{last}',
  },
);

/** `a, b, c` / `a、b、c`. */
export function commaList(locale: Locale | undefined, words: readonly string[]): string {
  return words.join(lists.t(locale, 'separator'));
}

/** `a, b and c` / `a、b、c`. */
export function andList(locale: Locale | undefined, words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return lists.t(locale, 'lastPair', { rest: commaList(locale, words.slice(0, -1)), last: words[words.length - 1]! });
}
