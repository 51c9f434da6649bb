/**
 * Scenario files as text: one YAML document, parsed as manifests are (duplicate keys in linear time, a message
 * for nesting too deep, alias bombs), and every problem located at its line and column through the document's
 * source map, so the editor can underline it and the preview can link to it.
 */
import { formatProblem, parseScenario, type ScenarioProblem } from './engine/scenario';
import { resolveLocale } from './i18n';
import type { Range } from './findings';
import { rangeFor } from './lint';
import { FILE_START, parseManifests, type ManifestDocument } from './parse/parseManifests';
import { parsePath } from './parse/path';

export interface LocatedProblem {
  /** `path: message`, as the CLI and the editor word a scenario problem. */
  readonly message: string;
  readonly range: Range;
}

export interface ScenarioText {
  /** The scenario's plain value; undefined for an empty file (the default scenario) or one with `problems`. */
  readonly value: unknown;
  /** The YAML document, for locating problems found later; undefined for an empty file. */
  readonly document: ManifestDocument | undefined;
  /** YAML syntax problems, or more than one document: the value cannot be used. */
  readonly problems: readonly LocatedProblem[];
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function readScenarioText(text: string): ScenarioText {
  // A scenario is this project's own format: YAML 1.2 as specified, not the API server's YAML 1.1.
  const { documents } = parseManifests(text, FILE_START, 'yaml-1.2');
  const document = documents[0];
  for (const doc of documents) {
    if (doc.syntaxProblems.length > 0) return { value: undefined, document, problems: doc.syntaxProblems.map((p) => ({ message: p.message, range: p.range })) };
  }
  if (documents.length > 1) {
    const message = `a scenario is one YAML document, but this file has ${documents.length} (separated by ---)`;
    return { value: undefined, document, problems: [{ message, range: { start: documents[1].range.start, end: documents[1].range.start } }] };
  }
  return { value: document?.value, document, problems: [] };
}

/**
 * A scenario problem with where it is: its field (the key, for an unknown field), else the nearest field along
 * its path that the file has, else the start of the file.
 */
export function locateScenarioProblem(document: ManifestDocument | undefined, problem: ScenarioProblem): LocatedProblem {
  const part = problem.unknownField ? 'key' : 'value';
  const range = document === undefined ? START : rangeFor(document, parsePath(problem.path), part);
  return { message: formatProblem(problem), range };
}

/** Every problem of a scenario file, located: its YAML, then what parseScenario finds (in `locale`, a language tag; English when absent). */
export function checkScenarioText(text: string, locale?: string): LocatedProblem[] {
  const read = readScenarioText(text);
  if (read.problems.length > 0) return [...read.problems];
  return parseScenario(read.value, { locale: resolveLocale(locale) }).errors.map((problem) => locateScenarioProblem(read.document, problem));
}
