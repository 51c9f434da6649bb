/** Hover: a `kubectl explain` card for the field under the cursor in a Job, CronJob or DaemonSet. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isWorkloadKind, scheduleInsight, type FieldExplanation, type FileAnalysis, type ManifestDocument } from '../core';
import { explainCard } from '../core/explain';
import { resolveLocale, type Locale } from '../core/i18n';
import { hoverText } from '../core/i18n/hover';
import { scheduleMarkdown } from './scheduleHover';
import type { Settings } from './settings';

/** How many upcoming runs the schedule hover lists. */
const SCHEDULE_RUNS = 5;

export function provideHover(document: TextDocument, analysis: FileAnalysis, position: Position, settings: Settings & { now: number }): Hover | null {
  const found = analysis.documentAtOffset(document.offsetAt(position));
  const doc = found?.document;
  if (!found || !doc || !isWorkloadKind(doc.kind)) return null;
  const at = doc.sourceMap.pathAt(document.offsetAt(position) - found.offset);
  if (!at) return null;
  // On a list item's dash or a map value, explain the field that holds it.
  const path = [...at.path];
  while (typeof path[path.length - 1] === 'number') path.pop();
  if (doc.kind === 'CronJob' && path.join('.') === 'spec.schedule') {
    const hover = scheduleHover(doc, settings);
    if (hover) return { ...hover, range: doc.sourceMap.locate(path).value };
  }
  const locale = resolveLocale(settings.locale);
  const explanation = explainCard(doc.apiVersion ?? '', doc.kind, path, locale);
  if (!explanation) return null;
  const located = doc.sourceMap.locate(path);
  return { contents: { kind: MarkupKind.Markdown, value: explanationMarkdown(explanation, locale) }, range: located.key };
}

/** The card's labels follow `locale`; field names, type words, values and the schema's description stay as kubectl explain prints them. */
export function explanationMarkdown(field: FieldExplanation, locale?: Locale): string {
  const facts = [`\`${field.type}\``];
  if (field.required) facts.push(hoverText.t(locale, 'required'));
  if (field.defaultValue !== undefined) facts.push(hoverText.t(locale, 'defaultValue', { value: `\`${field.defaultValue}\`` }));
  const lines = [`**${field.name}** · ${facts.join(' · ')}`, '', `\`${field.title}\``];
  if (field.enumValues?.length) lines.push('', hoverText.t(locale, 'values', { values: field.enumValues.map((v) => `\`${v}\``).join(', ') }));
  if (field.validation) lines.push('', hoverText.t(locale, 'apiServer', { text: escapeMarkdownHtml(field.validation) }));
  if (field.description) lines.push('', escapeMarkdownHtml(field.description));
  return lines.join('\n');
}

/** Descriptions are plain text from the OpenAPI definitions; keep angle brackets from reading as HTML. */
function escapeMarkdownHtml(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function scheduleHover(doc: ManifestDocument, settings: Settings & { now: number }): Hover | undefined {
  const spec = (doc.value as { spec?: { schedule?: unknown; timeZone?: unknown } }).spec;
  if (typeof spec?.schedule !== 'string') return undefined;
  const insight = scheduleInsight(spec.schedule, {
    timeZone: typeof spec.timeZone === 'string' ? spec.timeZone : undefined,
    controllerTimeZone: settings.controllerTimeZone,
    now: settings.now,
    count: SCHEDULE_RUNS,
    locale: settings.locale,
  });
  return insight ? { contents: { kind: MarkupKind.Markdown, value: scheduleMarkdown(spec.schedule, insight, resolveLocale(settings.locale)) } } : undefined;
}
