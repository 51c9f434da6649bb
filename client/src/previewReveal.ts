/**
 * The preview's `line:col` links: open the document there, in the editor beside the panel.
 */
import * as vscode from 'vscode';
import type { RevealParams } from '../../server/src/protocol/webviewMessages';

/**
 * Opens `params.uri` with the cursor at (line, character), scrolled to the middle. The column: the one showing
 * that document, else the one showing the manifest, else the one left of the panel, else beside it.
 */
export async function revealLocation(params: RevealParams, manifestUri: vscode.Uri | undefined, panelColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor | undefined> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(params.uri, true);
  } catch {
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const position = document.validatePosition(new vscode.Position(nonNegative(params.line), nonNegative(params.character)));
  const shown = (u: vscode.Uri | undefined) => (u ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === u.toString()) : undefined);
  const column =
    shown(uri)?.viewColumn ??
    shown(manifestUri)?.viewColumn ??
    (panelColumn !== undefined && panelColumn > vscode.ViewColumn.One ? ((panelColumn - 1) as vscode.ViewColumn) : vscode.ViewColumn.Beside);
  const selection = new vscode.Range(position, position);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
  return editor;
}

function nonNegative(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
