/** Extension entry: starts the language client and registers the commands and the preview panel's serializer. */
import { commands, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createSimulator, PREVIEW_ROLLOUT_COMMAND, previewRolloutCommand, previewSerializer } from './commands';
import type { K8sDryRunApi } from './extensionApi';
import { createLanguageClient } from './languageClient';
import { windowUi, type PreviewUi } from './previewExports';
import { PreviewPanel, type PreviewDeps } from './previewPanel';
import { ScenarioMemory } from './scenarioMemory';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<K8sDryRunApi> {
  client = createLanguageClient(context);
  let ui: PreviewUi = windowUi;
  const deps: PreviewDeps = {
    simulate: createSimulator(client),
    memory: new ScenarioMemory(context.workspaceState),
    ui: () => ui,
  };
  // Registered before the client starts, so that VS Code can restore an open preview while the server starts.
  context.subscriptions.push(
    commands.registerCommand(PREVIEW_ROLLOUT_COMMAND, previewRolloutCommand(context.extensionUri, deps)),
    window.registerWebviewPanelSerializer(PreviewPanel.viewType, previewSerializer(context.extensionUri, deps)),
    { dispose: () => PreviewPanel.current?.dispose() },
  );
  await client.start();
  return {
    get preview() {
      return PreviewPanel.current;
    },
    setPreviewUi(overrides) {
      ui = { ...windowUi, ...overrides };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
