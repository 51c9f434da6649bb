import cronstrue from 'cronstrue/i18n';
import { formatDelay } from './duration';
import { DOM, DOW, HOURS, MINUTES, MONTHS, parseSchedule, SECONDS, type Bounds } from './parse';
import type { CronField, Schedule, SpecSchedule } from './schedule';

/**
 * A human description of a schedule in the user's language, by cronstrue (24-hour clock). cronstrue reads Vixie-style
 * expressions, so what it is given is rewritten to mean what robfig means:
 *   - a field keeps its text only when cronstrue reads it the same way (`*`, `?`, `a`, `a-b`, and a star, `a` or
 *     `a-b` with a step that still leaves two values; names); anything else (`*-5`, `+5`, `1,,2`, a step of 61
 *     minutes) is written out from the values robfig computed;
 *   - day of month / day of week: with robfig's star bit on either field both must match, and the starred field
 *     allows every day, so it becomes `*` (a star with step 1 included). Without a star either may match: if one
 *     of them allows every value the day never restricts anything (both `*`); otherwise both are kept and cronstrue
 *     says "…, and on Friday" (its default reading of two restricted day fields is the same OR);
 *   - descriptors are described as their fields (`@hourly` is "Every hour"), `@every 1h30m` as "Every 1h30m";
 *   - a `TZ=` prefix is left out (the zone is the schedule's `location`).
 * The `cronstrue/i18n` build carries all of cronstrue's locales in one CommonJS module, so nothing is registered on
 * a global and esbuild bundles it as is.
 */

/** cronstrue's locale names ("en", "zh_CN", "pt_BR", …). */
const LOCALES: readonly string[] = Object.keys(cronstrue.locales);

/** A cronstrue locale for a VS Code / BCP 47 style tag: "zh-cn" → "zh_CN", "de-AT" → "de", unknown → "en". */
export function cronstrueLocale(locale: string | undefined): string {
  if (locale === undefined || locale === '') return 'en';
  const wanted = locale.replace(/-/g, '_').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const language = wanted.split('_')[0]!;
  return LOCALES.find((l) => l.toLowerCase() === language) ?? LOCALES.find((l) => l.toLowerCase().startsWith(`${language}_`)) ?? 'en';
}

/** "Every <duration>" for `@every`, in the languages we word ourselves (others fall back to English). */
const EVERY: Readonly<Record<string, (duration: string) => string>> = {
  en: (d) => `Every ${d}`,
  zh_CN: (d) => `每隔 ${d}`,
  zh_TW: (d) => `每隔 ${d}`,
};

/** A field left without values (only commas, e.g. `0 0 , * *`) parses but never fires; cronstrue cannot read it. */
const NEVER: Readonly<Record<string, string>> = {
  en: 'Never',
  zh_CN: '从不',
  zh_TW: '從不',
};

/** cronstrue reads these items like robfig does: a value, a range, a star, each with an optional step. */
const PLAIN_ITEM = /^(?:\*|\?|[0-9]+|[A-Za-z]{3})(?:-(?:[0-9]+|[A-Za-z]{3}))?(?:\/[0-9]+)?$/;

function valueOf(token: string, r: Bounds): number {
  const named = r.names?.[token.toLowerCase()];
  return named ?? Number(token);
}

/** Whether cronstrue reads `text` as the same set of values robfig computed. */
function isPlain(text: string, r: Bounds): boolean {
  const items = text.split(',');
  return items.every((item) => {
    if (!PLAIN_ITEM.test(item)) return false;
    const [range, step] = item.split('/') as [string, string | undefined];
    const [low, high] = range.split('-') as [string, string | undefined];
    if ((low === '*' || low === '?') && high !== undefined) return false;
    if (step === undefined) return true;
    // A step must leave at least two values, or cronstrue's "every n" would mislead (`*/61` is minute 0 only).
    const start = low === '*' || low === '?' ? r.min : valueOf(low, r);
    const end = low === '*' || low === '?' || high === undefined ? r.max : valueOf(high, r);
    return start + Number(step) <= end;
  });
}

/** The values as a list of single values and runs (`1-5,10,12`). */
function writeOut(values: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${values[i]}-${values[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(values[k]));
    i = j + 1;
  }
  return parts.join(',');
}

function fieldText(text: string, field: CronField, r: Bounds): string {
  if (field.star) return '*';
  return isPlain(text, r) ? text.replace(/\?/g, '*') : writeOut(field.values);
}

/** The Vixie-style expression cronstrue gets for a spec schedule (five fields, or six when seconds are not just 0). */
export function cronstrueExpression(s: SpecSchedule): string {
  const full = (f: CronField, r: Bounds): boolean => f.values.length === r.max - r.min + 1;
  const [secondText, minuteText, hourText, domText, monthText, dowText] = s.fields as [string, string, string, string, string, string];
  // A starred day field is written `*` (AND: the other field decides). Without a star (OR), a field allowing every
  // value makes every day match.
  const everyDay = !s.dayOfMonth.star && !s.dayOfWeek.star && (full(s.dayOfMonth, DOM) || full(s.dayOfWeek, DOW));
  const dom = everyDay ? '*' : fieldText(domText, s.dayOfMonth, DOM);
  const dow = everyDay ? '*' : fieldText(dowText, s.dayOfWeek, DOW);
  const fields = [
    fieldText(minuteText, s.minute, MINUTES),
    fieldText(hourText, s.hour, HOURS),
    dom,
    fieldText(monthText, s.month, MONTHS),
    dow,
  ];
  const withSeconds = !(s.second.values.length === 1 && s.second.values[0] === 0);
  return (withSeconds ? [fieldText(secondText, s.second, SECONDS), ...fields] : fields).join(' ');
}

/**
 * Describes a schedule (parsed, or text that parses) in `locale` ("en" default, "zh_CN" / "zh-cn", any cronstrue
 * locale). A schedule text that does not parse is described by robfig's error message.
 */
export function describeSchedule(schedule: Schedule | string, locale?: string): string {
  let parsed: Schedule;
  if (typeof schedule === 'string') {
    const result = parseSchedule(schedule);
    if (!result.ok) return result.error;
    parsed = result.schedule;
  } else {
    parsed = schedule;
  }
  const lang = cronstrueLocale(locale);
  if (parsed.kind === 'every') return (EVERY[lang] ?? EVERY['en']!)(formatDelay(parsed.delaySeconds));
  const fields = [parsed.second, parsed.minute, parsed.hour, parsed.dayOfMonth, parsed.month, parsed.dayOfWeek];
  if (fields.some((f) => f.values.length === 0)) return NEVER[lang] ?? NEVER['en']!;
  const expression = cronstrueExpression(parsed);
  try {
    return cronstrue.toString(expression, { locale: lang, use24HourTimeFormat: true, throwExceptionOnParseError: true, verbose: false });
  } catch {
    return expression; // not expected for what cronstrueExpression writes; the expression is still a fair description
  }
}
