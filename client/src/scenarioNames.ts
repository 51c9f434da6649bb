/**
 * Which files beside a manifest are its scenarios (design §4.2): `<stem>.scenario.yaml` is the default one and
 * `<stem>.<name>.scenario.yaml` are variants, where `<stem>` is the manifest's file name without `.yaml`/`.yml`.
 * Pure (names in, names out), so the rules are unit-tested without VS Code; scenarioFiles.ts reads the folder.
 */
import type { ScenarioChoice } from '../../server/src/protocol/webviewMessages';

/** The choice that runs no scenario file: the default pods. Always offered, first. */
export const DEFAULT_CHOICE: ScenarioChoice = { id: 'default', label: 'default pods' };

const YAML_EXTENSION = /\.ya?ml$/i;
const SCENARIO_SUFFIX = /\.scenario\.ya?ml$/i;
/** What "Save as scenario" accepts as a variant's name: lower-case letters, digits and dashes. */
const VARIANT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The manifest's stem (`pi-job-backoff` for `pi-job-backoff.yaml`), or undefined when it is not a YAML file name. */
export function manifestStem(manifestFileName: string): string | undefined {
  if (!YAML_EXTENSION.test(manifestFileName)) return undefined;
  const stem = manifestFileName.replace(YAML_EXTENSION, '');
  return stem === '' ? undefined : stem;
}

/** What `fileName` is to the manifest: its default scenario, a variant (with its name), or nothing. */
export type ScenarioFileRole = { readonly role: 'default' } | { readonly role: 'variant'; readonly name: string };

/**
 * The role of `fileName` for the manifest `manifestFileName`. `siblings` (the other file names in the folder)
 * settles the one ambiguous case: `a.b.scenario.yaml` is the default scenario of `a.b.yaml` when that manifest
 * is there, not a variant `b` of `a.yaml`.
 */
export function scenarioFileRole(manifestFileName: string, fileName: string, siblings: readonly string[] = []): ScenarioFileRole | undefined {
  const stem = manifestStem(manifestFileName);
  if (stem === undefined || !SCENARIO_SUFFIX.test(fileName) || fileName === manifestFileName) return undefined;
  const base = fileName.replace(SCENARIO_SUFFIX, '');
  if (base === stem) return { role: 'default' };
  if (!base.startsWith(`${stem}.`)) return undefined;
  const name = base.slice(stem.length + 1);
  // one dot-free name: `a.b.c.scenario.yaml` belongs to `a.b.yaml` (or `a.b.c.yaml`), not to `a.yaml`
  if (name === '' || name.includes('.')) return undefined;
  const otherManifest = siblings.some((s) => s !== fileName && !SCENARIO_SUFFIX.test(s) && manifestStem(s) === base);
  return otherManifest ? undefined : { role: 'variant', name };
}

/**
 * The picker's choices for a manifest, given the file names in its folder: default pods, then the default
 * scenario file, then the variants by name. `uriOf` turns a file name into the URI the choice carries.
 */
export function scenarioChoices(manifestFileName: string, fileNames: readonly string[], uriOf: (fileName: string) => string): ScenarioChoice[] {
  const defaults: ScenarioChoice[] = [];
  const variants: { name: string; choice: ScenarioChoice }[] = [];
  for (const fileName of fileNames) {
    const found = scenarioFileRole(manifestFileName, fileName, fileNames);
    if (!found) continue;
    if (found.role === 'default') defaults.push({ id: fileName, label: fileName, uri: uriOf(fileName) });
    else variants.push({ name: found.name, choice: { id: fileName, label: found.name, uri: uriOf(fileName) } });
  }
  // `.yaml` before `.yml` when both exist; variants in name order (then file name, for `x.yaml` / `x.yml`)
  defaults.sort((a, b) => compare(a.id, b.id));
  variants.sort((a, b) => compare(a.name, b.name) || compare(a.choice.id, b.choice.id));
  return [DEFAULT_CHOICE, ...defaults, ...variants.map((v) => v.choice)];
}

/**
 * The choice in effect: the remembered one while it is still offered; with nothing remembered the default
 * scenario file when there is one, else the default pods. A remembered file that disappeared falls back to the
 * default pods (not to another file the user did not pick).
 */
export function selectedChoice(choices: readonly ScenarioChoice[], remembered: string | undefined): ScenarioChoice {
  if (remembered !== undefined) return choices.find((c) => c.id === remembered) ?? DEFAULT_CHOICE;
  return choices.find(isDefaultScenarioFile) ?? DEFAULT_CHOICE;
}

/** Whether the choice is the manifest's default scenario file: the one choice labelled by its own file name. */
export function isDefaultScenarioFile(choice: ScenarioChoice): boolean {
  return choice.id !== DEFAULT_CHOICE.id && choice.label === choice.id;
}

/** Translates an English message with `{n}` placeholders (`vscode.l10n.t` in the extension). */
export type Translate = (message: string, ...args: string[]) => string;

/** English, for code without VS Code (the unit tests). */
export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);

/** Why `name` cannot name a saved variant, or undefined when it can; in the language of `t`. */
export function variantNameProblem(name: string, t: Translate = english): string | undefined {
  if (name === '') return t('Give the scenario a name, e.g. "{0}".', 'slow-pods');
  if (!VARIANT_NAME.test(name)) return t('Use lower-case letters, digits and dashes (not at the start or end), e.g. "{0}".', 'slow-pods');
  return undefined;
}

/** The file a variant named `name` is saved to: `<stem>.<name>.scenario.yaml`. */
export function variantFileName(stem: string, name: string): string {
  return `${stem}.${name}.scenario.yaml`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
