/**
 * LSP wiring: capabilities, document sync, settings and the feature handlers. Everything
 * Kubernetes-specific happens in core/; this file only moves documents in and results out.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  FileChangeType,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DidChangeWatchedFilesParams,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOptions } from '../core';
import { resolveLocale } from '../core/i18n';
import { editorText } from '../core/i18n/editor';
import { provideCodeActions } from './codeActions';
import { provideCodeLenses } from './codeLens';
import { provideCompletion } from './completion';
import { cachedDiagnostic, isScenarioUri, scenarioDiagnostics } from './diagnostics';
import { DocumentStore } from './documents';
import { createGuard } from './guard';
import { provideHover } from './hover';
import { ParallelLint } from './parallelLint';
import { provideSimulation } from './simulate';
import { simulateRequest, type SimulateParams, type SimulateResult } from '../protocol/protocol';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { WorkspaceServices } from './workspaceServices';

/** What the server offers; completion triggers on the characters that start a value or a list item. */
const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  codeLensProvider: { resolveProvider: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  completionProvider: { triggerCharacters: [':', ' ', '-'] },
};

export function startLanguageServer(connection: Connection): void {
  const guard = createGuard(connection);
  const log = (message: string): void => connection.console.log(message);
  let settings: Settings = DEFAULT_SETTINGS;
  // One options object per settings value, so the analysis cache sees a change.
  let lintOptions: LintOptions = { kubernetesVersion: settings.kubernetesVersion };
  const applySettings = (next: Settings): void => {
    settings = next;
    // The locale goes with the options, so the lint thread and the analysis cache see it like any setting.
    lintOptions = { kubernetesVersion: settings.kubernetesVersion, disabledRules: settings.disabledRules, locale: settings.locale };
  };
  const store = new DocumentStore(() => lintOptions);
  const parallel = new ParallelLint(log);
  /** Services in the workspace folders' files, for a StatefulSet whose Service is written elsewhere. */
  const workspace = new WorkspaceServices(log);
  /** An open manifest: scenario files get none of the manifest features (hover, completion, lenses). */
  const manifest = (uri: string): TextDocument | undefined => (isScenarioUri(uri) ? undefined : store.get(uri));
  let canPullConfiguration = false;
  let locale: string | undefined;
  let canRefreshCodeLenses = false;

  connection.onInitialize(
    guard('initialize', { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      locale = params.locale;
      workspace.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
      parallel.start();
      // Editors other than VS Code may pass settings here: { "kubernetesVersion": "1.37" }.
      applySettings(readSettings(params.initializationOptions, log, locale));
      return { capabilities: CAPABILITIES, serverInfo: { name: 'k8s-dryrun' } };
    }),
  );

  const refreshSettings = guard('settings', undefined, async () => {
    if (!canPullConfiguration) return;
    applySettings(readSettings(await connection.workspace.getConfiguration('k8sDryRun'), log, locale));
  });

  const publish = guard('diagnostics', undefined, async (opened: TextDocument) => {
    if (isScenarioUri(opened.uri)) {
      await connection.sendDiagnostics({ uri: opened.uri, version: opened.version, diagnostics: scenarioDiagnostics(opened.getText(), locale) });
      return;
    }
    await parallel.lintPending(store.analysis(opened), lintOptions);
    // Changes that came in meanwhile are in the newest version: publish that one.
    const document = store.get(opened.uri);
    if (!document) return;
    const analysis = store.analysis(document);
    // Its Services as typed count for the other open files; theirs and the folder's count for it.
    if (workspace.setOpen(document.uri, analysis.documents().flatMap((doc) => doc.service ?? []))) validateOthers(document.uri);
    analysis.setKnownServices(workspace.servicesFor(document.uri));
    const diagnostics = analysis.findings().map(cachedDiagnostic);
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });
  // One run at a time per document, always of its newest version: changes that arrive while a run works (the
  // lint thread's half of a big file, sending the diagnostics) ask for one more run, not one per version, so a
  // burst of typing never builds a backlog of stale versions.
  const again = new Map<string, boolean>();
  const validate = (document: TextDocument): void => {
    const uri = document.uri;
    if (again.has(uri)) {
      again.set(uri, true);
      return;
    }
    again.set(uri, false);
    setImmediate(async () => {
      do {
        again.set(uri, false);
        const current = store.get(uri);
        if (current) await publish(current);
      } while (again.get(uri));
      again.delete(uri);
    });
  };
  const validateAll = async (): Promise<void> => {
    for (const document of store.documents.all()) validate(document);
  };
  const validateOthers = (uri: string): void => {
    for (const document of store.documents.all()) if (document.uri !== uri) validate(document);
  };

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      await refreshSettings();
      await validateAll();
      // The folders' Services arrive after the first diagnostics: a start never waits for a big workspace.
      if (await workspace.scan()) await validateAll();
    }),
  );
  // Sent when the client watches YAML files (client/src/languageClient.ts): a Service file saved, added or deleted.
  connection.onDidChangeWatchedFiles(
    guard('watchedFiles', undefined, async ({ changes }: DidChangeWatchedFilesParams) => {
      let changed = false;
      for (const change of changes) if (await workspace.fileChanged(change.uri, change.type === FileChangeType.Deleted)) changed = true;
      if (changed) await validateAll();
    }),
  );
  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async (change: { settings?: unknown }) => {
      if (canPullConfiguration) await refreshSettings();
      else applySettings(readSettings((change.settings as Record<string, unknown> | undefined)?.k8sDryRun, log, locale));
      await validateAll();
      // Lenses show times in the controller's zone, a setting.
      if (canRefreshCodeLenses) await connection.sendRequest(CodeLensRefreshRequest.type);
    }),
  );

  // Fires on open too.
  store.documents.onDidChangeContent(({ document }) => void validate(document));
  // A closed document's problems leave the Problems panel with it.
  store.documents.onDidClose(
    guard('close', undefined, async ({ document }) => {
      await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      // What its file on disk holds counts again for the others.
      if (await workspace.closed(document.uri)) await validateAll();
    }),
  );

  connection.onHover(
    guard('hover', null as Hover | null, ({ textDocument, position }) => {
      const document = manifest(textDocument.uri);
      return document ? provideHover(document, store.analysis(document), position, { ...settings, now: Date.now() }) : null;
    }),
  );
  connection.onCompletion(
    guard('completion', [] as CompletionItem[], ({ textDocument, position }) => {
      const document = manifest(textDocument.uri);
      return document ? provideCompletion(document, store.analysis(document), position) : [];
    }),
  );

  connection.onCodeAction(guard('codeAction', [] as CodeAction[], provideCodeActions));
  // By method name: the client's and the server's LSP libraries ship different vscode-jsonrpc majors,
  // so the RequestType object in protocol.ts is typed against the client's.
  // The guard's fallback is one object, told apart afterwards, so its words can follow the language of the moment.
  const simulationFailed: SimulateResult = { error: '' };
  const simulate = guard('simulate', simulationFailed, (params: SimulateParams, token: CancellationToken) => {
    const document = store.get(params.uri);
    const context = {
      connection,
      kubernetesVersion: settings.kubernetesVersion,
      controllerTimeZone: settings.controllerTimeZone,
      now: new Date(),
      locale: resolveLocale(settings.locale),
    };
    return provideSimulation(params, document && store.analysis(document), context, token);
  });
  connection.onRequest(simulateRequest.method, async (params: SimulateParams, token: CancellationToken) => {
    const result = await simulate(params, token);
    return result === simulationFailed ? { error: editorText.t(resolveLocale(settings.locale), 'failedInServer') } : result;
  });
  connection.onCodeLens(
    guard('codeLens', [] as CodeLens[], ({ textDocument }) => {
      const document = manifest(textDocument.uri);
      return document ? provideCodeLenses(document.uri, store.analysis(document), settings, Date.now()) : [];
    }),
  );

  store.documents.listen(connection);
  connection.listen();
}
