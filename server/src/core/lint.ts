/**
 * The lint pipeline, per `---` document: YAML syntax, then validateWorkload (decode, the API server's
 * defaulting, rules), then ranges and fixes placed in the text. Pure: text in, findings out.
 */
import { crossDocumentFindings, governingServiceRef, serviceFacts, type CrossDocumentFacts, type GoverningServiceRef, type ServiceFacts } from './crossDocument';
import type { Finding, Range, Severity } from './findings';
import { resolveLocale, type Locale } from './i18n';
import { resolveKubernetesVersion, type KubernetesVersion } from './kubernetesVersion';
import { isWorkloadKind } from './model/types';
import { splitDocuments } from './parse/documentChunks';
import { countLineBreaks } from './parse/lineIndex';
import { FILE_START, parseManifests, isPlainObject, type ManifestDocument, type ParsedFile, type TextOrigin } from './parse/parseManifests';
import { resolveFix, type EditContext } from './parse/edits';
import type { Path } from './parse/path';
import { allRules, pipelineRules } from './rules';
import { pipelineMessages, yamlSyntaxNote } from './rules/messages/pipeline';
import type { Rule, RuleMeta } from './rules/rule';
import { validateWorkload } from './validateWorkload';

export interface LintOptions {
  /** `1.MINOR`; the newest stable minor when absent. */
  readonly kubernetesVersion?: string;
  /** Rules to run after the registered ones (tests of rules not registered yet). */
  readonly extraRules?: readonly Rule[];
  /** Rule ids whose findings are dropped (the `k8sDryRun.disabledRules` setting, `lint --disable`). */
  readonly disabledRules?: readonly string[];
  /** The language of advice messages and explanations (`zh-cn`, `zh_CN.UTF-8` …); English when absent. */
  readonly locale?: string;
}

interface DocumentLintContext {
  readonly kubernetesVersion: KubernetesVersion;
  readonly locale: Locale;
  readonly rules: readonly Rule[];
}

/** `# k8s-dryrun-disable rule-a, rule-b` anywhere in a document turns those rules off for that document. */
const DISABLE_COMMENT = /^\s*#\s*k8s-dryrun-disable\s+([a-z0-9, -]+)$/gm;

/** `{{ … }}` on one line: Helm (or another Go-template) placeholder. */
const TEMPLATE_SYNTAX = /\{\{.*?\}\}/;

export interface LintResult {
  readonly findings: Finding[];
  /** The `kind` of each document ('' when it has none), for summaries. */
  readonly documentKinds: readonly string[];
}

/** What the editor needs of a document without keeping its syntax tree: lenses, the preview's choice. */
export interface DocumentSummary {
  readonly index: number;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly range: Range;
  /** The line of its `kind:` key, where its CodeLenses go. */
  readonly kindLine: number;
  /** A CronJob's `spec.schedule` and `spec.timeZone` when they are strings. */
  readonly schedule?: { readonly schedule: string; readonly timeZone?: string };
  readonly hasSyntaxProblems: boolean;
  /** A `v1` Service: its name, namespace and whether it is headless (for crossDocumentFindings). */
  readonly service?: ServiceFacts;
  /** A StatefulSet's `spec.serviceName`, where it is written, and whether its check is turned off. */
  readonly governingService?: GoverningServiceRef;
}

/** The result for one chunk of a file (see parse/documentChunks.ts). */
export interface ChunkLint {
  readonly findings: Finding[];
  readonly documents: readonly DocumentSummary[];
  /** The chunk's first Helm placeholder, as a finding: then the file as a whole is not checked. */
  readonly template?: Finding;
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  return lint(text, options).findings;
}

/** A whole file, one `---` chunk at a time: only the findings of a chunk outlive its parse. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const helm = TEMPLATE_SYNTAX.exec(text);
  if (helm) return { findings: [helmTemplateFinding(text, helm.index, 0, resolveLocale(options.locale))], documentKinds: [] };
  const findings: Finding[] = [];
  const documentKinds: string[] = [];
  const joined: CrossDocumentFacts[] = [];
  for (const chunk of splitDocuments(text)) {
    const result = lintChunk(text.slice(chunk.start, chunk.end), options, { line: chunk.line, documentIndex: documentKinds.length });
    for (const finding of result.findings) findings.push(finding);
    for (const doc of result.documents) {
      documentKinds.push(doc.kind ?? '');
      if (doc.service || doc.governingService) joined.push(doc);
    }
  }
  // After the documents' own findings: the checks that join documents of the file (core/crossDocument.ts).
  for (const finding of crossDocumentFindings(joined, [], resolveLocale(options.locale))) findings.push(finding);
  return { findings, documentKinds };
}

/** Lints one chunk of a file; positions and document indexes count from `origin`. */
export function lintChunk(text: string, options: LintOptions = {}, origin: TextOrigin = FILE_START): ChunkLint {
  const helm = TEMPLATE_SYNTAX.exec(text);
  if (helm) {
    const template = helmTemplateFinding(text, helm.index, origin.line, resolveLocale(options.locale));
    return { findings: [], documents: [], template };
  }
  const parsed = parseManifests(text, origin);
  const crossDocumentOff = (i: number): boolean =>
    (options.disabledRules ?? []).includes(pipelineRules.statefulSetServiceNotFound.id) ||
    disabledInDocument(documentText(parsed, i)).includes(pipelineRules.statefulSetServiceNotFound.id);
  return { findings: lintParsed(parsed, options), documents: parsed.documents.map((doc, i) => summarize(doc, () => crossDocumentOff(i))) };
}

/** The document's text with the comments before it: yaml's range begins at the first node. */
function documentText(parsed: ParsedFile, i: number): string {
  const start = i === 0 ? 0 : parsed.documents[i - 1].offsets[1];
  return parsed.text.slice(start, parsed.documents[i].offsets[1]);
}

function summarize(doc: ManifestDocument, crossDocumentOff: () => boolean): DocumentSummary {
  const service = serviceFacts(doc);
  const governingService = doc.kind === 'StatefulSet' ? governingServiceRef(doc, crossDocumentOff()) : undefined;
  const spec = isPlainObject(doc.value) && isPlainObject(doc.value.spec) ? doc.value.spec : undefined;
  const schedule =
    doc.kind === 'CronJob' && typeof spec?.schedule === 'string'
      ? { schedule: spec.schedule, ...(typeof spec.timeZone === 'string' ? { timeZone: spec.timeZone } : {}) }
      : undefined;
  return {
    index: doc.index,
    apiVersion: doc.apiVersion,
    kind: doc.kind,
    name: doc.name,
    range: doc.range,
    kindLine: (doc.sourceMap.locate(['kind']).key ?? doc.range).start.line,
    ...(schedule ? { schedule } : {}),
    hasSyntaxProblems: doc.syntaxProblems.length > 0,
    ...(service ? { service } : {}),
    ...(governingService ? { governingService } : {}),
  };
}

export function lintParsed(parsed: ParsedFile, options: LintOptions = {}): Finding[] {
  const context: DocumentLintContext = {
    kubernetesVersion: resolveKubernetesVersion(options.kubernetesVersion),
    locale: resolveLocale(options.locale),
    rules: options.extraRules ? [...allRules, ...options.extraRules] : allRules,
  };
  const disabled = new Set(options.disabledRules ?? []);
  return parsed.documents.flatMap((doc, i) => {
    const off = new Set([...disabled, ...disabledInDocument(documentText(parsed, i))]);
    const findings = lintDocument(parsed, doc, context);
    return off.size === 0 ? findings : findings.filter((f) => !off.has(f.ruleId));
  });
}

function disabledInDocument(text: string): string[] {
  return [...text.matchAll(DISABLE_COMMENT)].flatMap((m) => m[1].split(/[\s,]+/).filter(Boolean));
}

function lintDocument(parsed: ParsedFile, doc: ManifestDocument, context: DocumentLintContext): Finding[] {
  const base = { document: doc.index, kind: doc.kind, name: doc.name };
  if (doc.syntaxProblems.length > 0) {
    return doc.syntaxProblems.map((problem) => {
      const note = yamlSyntaxNote(context.locale, problem.message);
      return { ...base, ...fromMeta(pipelineRules.yamlSyntax), fieldPath: '', message: problem.message, ...(note !== undefined ? { note } : {}), range: problem.range };
    });
  }
  // Other kinds and non-Kubernetes YAML are not ours to judge.
  if (!isPlainObject(doc.value) || !isWorkloadKind(doc.kind)) return [];
  const editContext: EditContext = { text: parsed.text, sourceMap: doc.sourceMap, toPosition: parsed.toPosition };
  const validated = validateWorkload(doc.value, doc.apiVersion ?? '', doc.kind, { ...context, sourceMap: doc.sourceMap });
  return validated.problems.map((problem) => {
    const fixes = (problem.fixes ?? []).flatMap((intent) => resolveFix(editContext, intent) ?? []);
    return {
      ...base,
      ...fromMeta(problem.meta),
      fieldPath: problem.fieldPath,
      message: problem.message,
      ...(problem.note !== undefined ? { note: problem.note } : {}),
      range: rangeFor(doc, problem.path, problem.part),
      ...(fixes.length > 0 ? { fixes } : {}),
    };
  });
}

function fromMeta(meta: RuleMeta): { ruleId: string; severity: Severity } {
  return { ruleId: meta.id, severity: meta.severity };
}

/**
 * The range to underline for a path: the value (or key) when the field exists, else the key of its
 * nearest existing ancestor. A value spanning several lines (a mapping or list) underlines its key instead.
 */
export function rangeFor(doc: ManifestDocument, path: Path, part: 'key' | 'value'): Range {
  const located = doc.sourceMap.locate(path);
  const fallback = { start: doc.range.start, end: doc.range.start };
  if (located.depth < path.length) return located.key ?? fallback;
  const value = located.value;
  const multiLine = value !== undefined && value.start.line !== value.end.line;
  if (part === 'key' || multiLine || value === undefined || isEmpty(value)) return located.key ?? value ?? fallback;
  return value;
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

/** The finding for a `{{` at `offset`, from `firstLine` on; it ends where the placeholder's line ends (any line end). */
function helmTemplateFinding(text: string, offset: number, firstLine: number, locale: Locale): Finding {
  const line = firstLine + countLineBreaks(text, 0, offset);
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const lineEnd = /[\r\n]/.exec(text.slice(offset))?.index;
  const character = offset - lineStart;
  const end = { line, character: character + (lineEnd ?? text.length - offset) };
  return {
    ...fromMeta(pipelineRules.helmTemplate),
    document: 0,
    fieldPath: '',
    message: pipelineMessages.t(locale, 'helmTemplate'),
    range: { start: { line, character }, end },
  };
}
