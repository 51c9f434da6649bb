/** Extension entry: starts the language client and registers the commands and the preview panel's serializer. */
import { commands, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createSimulator, PREVIEW_ROLLOUT_COMMAND, previewRolloutCommand, previewSerializer } from './commands';
import { createLanguageClient } from './languageClient';
import { PreviewPanel } from './previewPanel';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  const simulate = createSimulator(client);
  // Registered before the client starts, so that VS Code can restore an open preview while the server starts.
  context.subscriptions.push(
    commands.registerCommand(PREVIEW_ROLLOUT_COMMAND, previewRolloutCommand(context.extensionUri, simulate)),
    window.registerWebviewPanelSerializer(PreviewPanel.viewType, previewSerializer(context.extensionUri, simulate)),
    { dispose: () => PreviewPanel.current?.dispose() },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
