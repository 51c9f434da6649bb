/** How VS Code reaches the language server: dist/server.js over node IPC, for YAML files and untitled YAML. */
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'k8sDryRun';
export const CLIENT_NAME = 'Kubernetes Dry Run';

export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  // YAML files saved, created or deleted: the server keeps an index of the workspace's Services from them.
  const yamlFiles = workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  context.subscriptions.push(yamlFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
    // `k8sDryRun.trace.server` is read by the client under this id; the server reads the other settings.
    synchronize: { configurationSection: 'k8sDryRun', fileEvents: yamlFiles },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
