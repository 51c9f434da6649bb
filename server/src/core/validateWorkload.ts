/**
 * One workload document, as the API server takes it: the apiVersion must serve the kind, the object is
 * decoded (unknown fields, wrong types: strict field validation), defaulted (SetDefaults_*), then validated
 * (pkg/apis/<group>/validation), in that order. lint() turns the problems into findings with ranges; the
 * engine refuses to simulate an object with errors. Pure.
 */
import type { Locale } from './i18n';
import type { KubernetesVersion } from './kubernetesVersion';
import { decode } from './model/decode';
import { applyDefaults } from './model/defaults';
import type { Workload, WorkloadKind } from './model/types';
import type { FixIntent } from './parse/edits';
import { formatPath, type Path } from './parse/path';
import type { SourceMap } from './parse/sourceMap';
import { allRules, pipelineRules } from './rules';
import { apiVersionNote, decodeNote, pipelineMessages } from './rules/messages/pipeline';
import type { Rule, RuleMeta } from './rules/rule';
import { rootDefinitionFor } from './schema/schema';

export interface ValidateOptions {
  readonly kubernetesVersion: KubernetesVersion;
  readonly locale?: Locale;
  /** The document's YAML nodes: rules about how a value is written, and whether a rename fix would collide. */
  readonly sourceMap?: SourceMap;
  /** The rules to run; every registered rule when absent. */
  readonly rules?: readonly Rule[];
}

export interface WorkloadProblem {
  /** The rule (or pipeline step) that found it: its id and severity. */
  readonly meta: RuleMeta;
  /** Where in the document. */
  readonly path: Path;
  /** The API server's field path (usually formatPath(path)). */
  readonly fieldPath: string;
  readonly message: string;
  readonly note?: string;
  /** Which part of the located node to underline. */
  readonly part: 'key' | 'value';
  readonly fixes?: readonly FixIntent[];
}

export interface ValidatedWorkload {
  /** After decoding and defaulting; absent when the apiVersion does not serve the kind. */
  readonly object?: Workload;
  /** Decoded, before defaulting. */
  readonly written?: Workload;
  readonly problems: readonly WorkloadProblem[];
}

export function validateWorkload(value: Record<string, unknown>, apiVersion: string, kind: WorkloadKind, options: ValidateOptions): ValidatedWorkload {
  // Without a served apiVersion the API server cannot decode the object at all: say so and stop.
  if (!rootDefinitionFor(apiVersion, kind)) {
    const message = apiVersion ? `no matches for kind "${kind}" in version "${apiVersion}"` : 'apiVersion not set';
    const note = apiVersionNote(options.locale, kind, apiVersion);
    return { problems: [{ meta: pipelineRules.unknownApiVersion, path: ['apiVersion'], fieldPath: 'apiVersion', message, ...(note !== undefined ? { note } : {}), part: 'value' }] };
  }

  const problems: WorkloadProblem[] = [];
  const decoded = decode(value, apiVersion, kind);
  for (const issue of decoded.issues) {
    const unknownField = issue.problem === 'unknown-field';
    const note = decodeNote(options.locale, issue);
    problems.push({
      meta: unknownField ? pipelineRules.unknownField : pipelineRules.wrongType,
      path: issue.path,
      fieldPath: formatPath(issue.path),
      message: issue.message,
      ...(note !== undefined ? { note } : {}),
      part: unknownField ? 'key' : 'value',
      fixes: renameFix(issue.path, issue.suggestion, options.sourceMap, options.locale),
    });
  }

  const written = decoded.object as Workload;
  const object = applyDefaults(written, options.kubernetesVersion);
  const context = { object, written, apiVersion, kubernetesVersion: options.kubernetesVersion, locale: options.locale ?? 'en', sourceMap: options.sourceMap };
  for (const rule of options.rules ?? allRules) {
    if (!rule.meta.kinds.includes(kind)) continue;
    for (const result of rule.check(context)) {
      problems.push({
        meta: rule.meta,
        path: result.path,
        fieldPath: result.fieldPath ?? formatPath(result.path),
        message: result.message,
        ...(result.note !== undefined ? { note: result.note } : {}),
        part: result.part ?? 'value',
        fixes: result.fixes,
      });
    }
  }
  return { object, written, problems: dropRepeats(problems) };
}

/** A did-you-mean rename, unless the suggested key is already there (or the document's nodes are unknown). */
function renameFix(path: Path, suggestion: string | undefined, sourceMap: SourceMap | undefined, locale: Locale | undefined): FixIntent[] | undefined {
  if (!suggestion || !sourceMap) return undefined;
  const siblingPath = [...path.slice(0, -1), suggestion];
  if (sourceMap.locate(siblingPath).depth === siblingPath.length) return undefined;
  return [{ title: pipelineMessages.t(locale, 'renameFix', { suggestion }), changes: [{ op: 'rename', path, key: suggestion }], preferred: true }];
}

/** The API server's ErrorList.ToAggregate drops an error whose `fieldPath: message` it already has. */
function dropRepeats(problems: WorkloadProblem[]): WorkloadProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.fieldPath}: ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
