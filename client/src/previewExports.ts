/**
 * What the preview writes: "Save as scenario" (a variant beside the manifest, from the scenario that ran) and
 * the exports (timeline JSON, scenario YAML, chart SVG). The dialogs go through `PreviewUi`, so the VS Code
 * tests can answer them without a person.
 */
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type { ExportParams } from '../../server/src/protocol/webviewMessages';
import type { Timeline } from '../../server/src/protocol/timeline';
import { manifestLocation } from './scenarioFiles';
import { manifestStem, variantFileName, variantNameProblem } from './scenarioNames';

/** The dialogs and messages the preview shows; each defaults to vscode.window's. */
export interface PreviewUi {
  showInputBox(options: vscode.InputBoxOptions): PromiseLike<string | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): PromiseLike<vscode.Uri | undefined>;
  /** Asks before a destructive step; resolves with whether the user agreed to `action`. */
  confirm(message: string, action: string): PromiseLike<boolean>;
  showError(message: string): void;
  showInfo(message: string): void;
}

export const windowUi: PreviewUi = {
  showInputBox: (options) => vscode.window.showInputBox(options),
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  confirm: async (message, action) => (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action,
  showError: (message) => void vscode.window.showErrorMessage(message),
  showInfo: (message) => void vscode.window.showInformationMessage(message),
};

/** What the last run produced, as far as the exports need it. */
export interface LastRun {
  readonly timeline?: Timeline;
  /** The scenario that ran (the file's, with the what-if edits applied). */
  readonly scenario?: object;
  /** The scenario in words. */
  readonly summary?: string;
}

/**
 * "Save as scenario": asks a name, writes `<stem>.<name>.scenario.yaml` beside the manifest from the scenario
 * that ran, asking before it overwrites a file. Resolves with the written file's URI, or undefined when nothing
 * was written (cancelled, untitled manifest, no scenario yet).
 */
export async function saveScenarioAs(ui: PreviewUi, manifestUri: vscode.Uri, last: LastRun): Promise<vscode.Uri | undefined> {
  const where = manifestLocation(manifestUri);
  if (!where) {
    ui.showError(vscode.l10n.t('Save the manifest to a file first: scenario files live beside it (<stem>.<name>.scenario.yaml).'));
    return undefined;
  }
  if (!last.scenario) {
    ui.showError(vscode.l10n.t('Nothing to save yet: the preview has not run a scenario (fix the problems it lists first).'));
    return undefined;
  }
  const stem = manifestStem(where.fileName) as string;
  const name = await ui.showInputBox({
    title: vscode.l10n.t('Save as scenario'),
    prompt: vscode.l10n.t('Saved beside the manifest as {0} and chosen in the preview.', variantFileName(stem, '<name>')),
    placeHolder: 'slow-pods',
    validateInput: (value) => variantNameProblem(value.trim(), vscode.l10n.t),
  });
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  const problem = variantNameProblem(trimmed, vscode.l10n.t);
  if (problem) {
    ui.showError(problem);
    return undefined;
  }
  const fileName = variantFileName(stem, trimmed);
  const target = vscode.Uri.joinPath(where.folder, fileName);
  const replace = vscode.l10n.t('Replace');
  if ((await exists(target)) && !(await ui.confirm(vscode.l10n.t('{0} exists. Replace it with the scenario the preview runs now?', fileName), replace))) return undefined;
  const header = `# Scenario for ${where.fileName}, saved from the preview${last.summary ? `: ${oneLine(last.summary)}` : ''}\n`;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(header + stringify(last.scenario)));
  return target;
}

/** Export: asks where (a name beside the manifest by default) and writes it. Resolves with the file, or undefined. */
export async function exportPreview(ui: PreviewUi, manifestUri: vscode.Uri, last: LastRun, params: ExportParams): Promise<vscode.Uri | undefined> {
  const content = exportContent(last, params);
  if (typeof content !== 'string') {
    ui.showError(content.problem);
    return undefined;
  }
  const { extension } = EXPORTS[params.format];
  const label = exportLabel(params.format);
  const where = manifestLocation(manifestUri);
  const stem = where ? (manifestStem(where.fileName) as string) : (last.timeline?.object.name ?? 'preview');
  const folder = where?.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultName = `${stem}.${EXPORTS[params.format].suffix}`;
  const target = await ui.showSaveDialog({
    title: vscode.l10n.t('Export {0}', label),
    saveLabel: vscode.l10n.t('Export'),
    filters: { [label]: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultName) } : {}),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  ui.showInfo(vscode.l10n.t('Exported {0} to {1}.', label, target.toString(true)));
  return target;
}

const EXPORTS: Record<ExportParams['format'], { readonly extension: string; readonly suffix: string }> = {
  'timeline-json': { extension: 'json', suffix: 'timeline.json' },
  // named as a variant, so that saving it beside the manifest adds it to the picker
  'scenario-yaml': { extension: 'yaml', suffix: 'exported.scenario.yaml' },
  svg: { extension: 'svg', suffix: 'timeline.svg' },
};

/** What an export is called in its dialog and message. */
function exportLabel(format: ExportParams['format']): string {
  switch (format) {
    case 'timeline-json':
      return vscode.l10n.t('Timeline JSON');
    case 'scenario-yaml':
      return vscode.l10n.t('Scenario YAML');
    default:
      return vscode.l10n.t('Chart SVG');
  }
}

/** The file's text, or why there is none. */
function exportContent(last: LastRun, params: ExportParams): string | { problem: string } {
  switch (params.format) {
    case 'timeline-json':
      return last.timeline ? `${JSON.stringify(last.timeline, null, 2)}\n` : { problem: vscode.l10n.t('No timeline to export: the preview has not run yet or the manifest has problems.') };
    case 'scenario-yaml':
      return last.scenario ? stringify(last.scenario) : { problem: vscode.l10n.t('No scenario to export: the preview has not run one yet.') };
    case 'svg':
      return typeof params.svg === 'string' && params.svg.trim() !== '' ? params.svg : { problem: vscode.l10n.t('The chart sent no SVG to export.') };
    default:
      return { problem: vscode.l10n.t('Unknown export format {0}.', JSON.stringify((params as { format?: unknown }).format)) };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
