/**
 * The scenario files beside a manifest, as the preview finds, reads and watches them (the naming rules are in
 * scenarioNames.ts).
 */
import * as vscode from 'vscode';
import type { ScenarioChoice } from '../../server/src/protocol/webviewMessages';
import { DEFAULT_CHOICE, manifestStem, scenarioChoices, scenarioFileRole } from './scenarioNames';

/** The manifest's folder and file name, or undefined for a document that is not a file (untitled, git, ...). */
export function manifestLocation(manifestUri: vscode.Uri): { readonly folder: vscode.Uri; readonly fileName: string } | undefined {
  if (manifestUri.scheme === 'untitled') return undefined;
  const fileName = manifestUri.path.split('/').pop() ?? '';
  if (manifestStem(fileName) === undefined) return undefined;
  return { folder: vscode.Uri.joinPath(manifestUri, '..'), fileName };
}

/**
 * The picker's choices for the manifest: default pods, its default scenario file, its variants. Untitled
 * documents (and folders that cannot be read) have the default pods only.
 */
export async function discoverScenarios(manifestUri: vscode.Uri): Promise<ScenarioChoice[]> {
  const where = manifestLocation(manifestUri);
  if (!where) return [DEFAULT_CHOICE];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(where.folder);
  } catch {
    return [DEFAULT_CHOICE];
  }
  // a symbolic link to a file is a file too (FileType.SymbolicLink is a flag)
  const files = entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  return scenarioChoices(where.fileName, files, (name) => vscode.Uri.joinPath(where.folder, name).toString());
}

/**
 * A scenario file's text: the open editor's (unsaved edits count) when it is open, else what is on disk.
 * Rejects with a sentence when it cannot be read.
 */
export async function readScenarioText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    throw new Error(vscode.l10n.t('Cannot read the scenario {0}: {1}', uri.toString(true), err instanceof Error ? err.message : String(err)), { cause: err });
  }
}

/**
 * Watches the manifest's folder for its scenario files: `onFilesChanged` when one appears or disappears (the
 * choices change), `onFileEdited(uri)` when one changes on disk. Nothing to watch for untitled documents.
 */
export function watchScenarioFiles(
  manifestUri: vscode.Uri,
  onFilesChanged: () => void,
  onFileEdited: (uri: vscode.Uri) => void,
): vscode.Disposable {
  const where = manifestLocation(manifestUri);
  if (!where) return new vscode.Disposable(() => undefined);
  // every scenario file of the folder, then only this manifest's (a glob cannot quote every stem safely)
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(where.folder, '*.scenario.{yaml,yml}'));
  const ours = (uri: vscode.Uri): boolean => scenarioFileRole(where.fileName, uri.path.split('/').pop() ?? '') !== undefined;
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => ours(uri) && onFilesChanged()),
    watcher.onDidDelete((uri) => ours(uri) && onFilesChanged()),
    watcher.onDidChange((uri) => ours(uri) && onFileEdited(uri)),
  );
}
