/**
 * LSP wiring: capabilities, document sync, settings and diagnostics. Everything Kubernetes-specific
 * happens in core/; this file only moves documents in and diagnostics out.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../core';
import { toDiagnostic } from './diagnostics';
import { createGuard } from './guard';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const guard = createGuard(connection);
  const log = (message: string): void => connection.console.log(message);
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;

  connection.onInitialize(
    guard('initialize', {} as InitializeResult, (params: InitializeParams): InitializeResult => {
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      // Editors other than VS Code may pass settings here: { "kubernetesVersion": "1.37" }.
      settings = readSettings(params.initializationOptions, log);
      return {
        capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        serverInfo: { name: 'k8s-dryrun' },
      };
    }),
  );

  const refreshSettings = guard('settings', undefined, async () => {
    if (!canPullConfiguration) return;
    settings = readSettings(await connection.workspace.getConfiguration('k8sDryRun'), log);
  });

  const validate = guard('diagnostics', undefined, async (document: TextDocument) => {
    const diagnostics = lintText(document.getText(), settings).map(toDiagnostic);
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });

  const validateAll = async (): Promise<void> => {
    await Promise.all(documents.all().map(validate));
  };

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      await refreshSettings();
      await validateAll();
    }),
  );
  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async (change: { settings?: unknown }) => {
      if (canPullConfiguration) await refreshSettings();
      else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.k8sDryRun, log);
      await validateAll();
    }),
  );

  // Fires on open too.
  documents.onDidChangeContent(({ document }) => void validate(document));
  // A closed document's problems leave the Problems panel with it.
  documents.onDidClose(
    guard('close', undefined, async ({ document }) => {
      await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );

  documents.listen(connection);
  connection.listen();
}
