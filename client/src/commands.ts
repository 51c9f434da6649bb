/**
 * Command factories: each takes what the command needs and returns its handler, so extension.ts only wires them.
 */
import * as vscode from 'vscode';
import { ErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { simulateRequest } from '../../server/src/protocol/protocol';
import type { RenderedParams } from '../../server/src/protocol/webviewMessages';
import { CLIENT_NAME } from './languageClient';
import { PreviewPanel, type PreviewDeps, type PreviewTarget, type Simulate, type SimulationOutcome } from './previewPanel';

export const PREVIEW_ROLLOUT_COMMAND = 'k8sDryRun.previewRollout';

/** The kinds whose controllers the preview simulates. */
const WORKLOAD_KIND = /^kind:\s*["']?(Job|CronJob|DaemonSet|Deployment|ReplicaSet|StatefulSet)["']?\s*(#.*)?$/m;
const DOCUMENT_SEPARATOR = /^---(\s|$)/;

/** Simulation through the language server's `k8sDryRun/simulate` request. */
export function createSimulator(client: LanguageClient): Simulate {
  return async (params, token) => {
    try {
      const result = await client.sendRequest(simulateRequest, params, token);
      if (result && typeof result === 'object' && 'timeline' in result && result.timeline) return result;
      if (result && typeof result === 'object' && 'error' in result) {
        const problems = Array.isArray(result.problems) && result.problems.length > 0 ? { problems: result.problems } : {};
        return { error: result.error || vscode.l10n.t('The language server could not simulate this object.'), code: 'simulationError', ...problems };
      }
      return { error: vscode.l10n.t('The language server answered without a timeline.'), code: 'simulationError' };
    } catch (err) {
      return failure(err);
    }
  };
}

function failure(err: unknown): SimulationOutcome {
  if (err instanceof ResponseError) {
    if (err.code === ErrorCodes.MethodNotFound) {
      return {
        error: vscode.l10n.t('The k8s-dryrun language server cannot simulate yet: it does not answer the {0} request (method not found).', simulateRequest.method),
        code: 'methodNotFound',
      };
    }
    if (err.code === ErrorCodes.ConnectionInactive || err.code === ErrorCodes.PendingResponseRejected) {
      return { error: vscode.l10n.t('The k8s-dryrun language server is not running ({0}). See the "{1}" output.', err.message, CLIENT_NAME), code: 'serverUnavailable' };
    }
  }
  return { error: vscode.l10n.t('The simulation failed: {0}', err instanceof Error ? err.message : String(err)), code: 'requestFailed' };
}

/**
 * "Kubernetes: Preview Rollout". Arguments, all optional:
 * - from a CodeLens: `(uri: string, documentIndex: number)`;
 * - from the editor title menu or the Explorer: `(uri: Uri)`;
 * - from code: `({ uri, documentIndex?, scenario? })`;
 * - none: the active editor's document, and the YAML document the cursor is in.
 * Resolves with what the preview then shows (tests use it), or undefined.
 */
export function previewRolloutCommand(extensionUri: vscode.Uri, deps: PreviewDeps) {
  return async (arg?: unknown, index?: unknown, scenario?: unknown): Promise<RenderedParams | undefined> => {
    const target = resolveTarget(arg, index, scenario);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet manifest (YAML) to preview what its controller will do.'));
      return undefined;
    }
    return PreviewPanel.createOrShow(extensionUri, target, deps).update();
  };
}

/** Restores the preview panel after a reload. */
export function previewSerializer(extensionUri: vscode.Uri, deps: PreviewDeps): vscode.WebviewPanelSerializer {
  return {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      PreviewPanel.revive(panel, extensionUri, state, deps);
    },
  };
}

function resolveTarget(arg: unknown, index: unknown, scenario: unknown): PreviewTarget | undefined {
  const documentIndex = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : undefined;
  const scenarioObject = scenario !== null && typeof scenario === 'object' ? scenario : undefined;
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string' && arg !== '') uri = vscode.Uri.parse(arg, true);
  else if (arg !== null && typeof arg === 'object' && 'uri' in arg) {
    const o = arg as { uri: unknown; documentIndex?: unknown; scenario?: unknown };
    return resolveTarget(o.uri, o.documentIndex, o.scenario);
  }
  const editor = vscode.window.activeTextEditor;
  if (!uri) {
    if (!editor || editor.document.languageId !== 'yaml') return undefined;
    uri = editor.document.uri;
  }
  const target: { uri: vscode.Uri; documentIndex?: number; scenario?: object } = { uri };
  const cursorIndex = documentIndex ?? (editor && editor.document.uri.toString() === uri.toString() ? documentAtCursor(editor) : undefined);
  if (cursorIndex !== undefined) target.documentIndex = cursorIndex;
  if (scenarioObject) target.scenario = scenarioObject;
  return target;
}

/**
 * In a multi-document file, the index of the YAML document the cursor is in, when that document is a workload;
 * otherwise undefined (the server then takes the file's first workload).
 */
function documentAtCursor(editor: vscode.TextEditor): number | undefined {
  const doc = editor.document;
  const cursorLine = editor.selection.active.line;
  const starts = [0];
  for (let line = 0; line < doc.lineCount; line++) if (DOCUMENT_SEPARATOR.test(doc.lineAt(line).text) && line > 0) starts.push(line + 1);
  // a leading `---` opens the first document rather than ending an empty one
  if (starts.length === 1) return undefined;
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1] <= cursorLine) index++;
  const end = index + 1 < starts.length ? starts[index + 1] - 1 : doc.lineCount;
  const text = doc.getText(new vscode.Range(starts[index], 0, end, 0));
  return WORKLOAD_KIND.test(text) ? index : undefined;
}
