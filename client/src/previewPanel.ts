/**
 * The rollout preview panel's host: one webview panel that shows what the controllers do with one object of a
 * manifest. It asks for the timeline through an injected `simulate` function (commands.ts sends the LSP
 * request), runs it again when the document changes, and talks to its webview (client/webview/) only with the
 * typed messages of webviewMessages.ts. The panel survives a reload: its webview keeps what it shows in its
 * state, and the serializer (`PreviewPanel.revive`) runs the simulation again.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { SimulateParams } from '../../server/src/protocol/protocol';
import {
  ipcMessage,
  onIpc,
  readyCommand,
  refreshCommand,
  renderedCommand,
  showErrorNotification,
  showLoadingNotification,
  showTimelineNotification,
  type IpcMessage,
  type IpcNotificationType,
  type PersistedPreviewState,
  type PreviewErrorCode,
  type PreviewSource,
  type RenderedParams,
} from '../../server/src/protocol/webviewMessages';
import type { Timeline } from '../../server/src/protocol/timeline';
import { webviewHtml } from './webviewHtml';

/** What to preview: a document of a file, and optionally a scenario (design §4.2). */
export interface PreviewTarget {
  readonly uri: vscode.Uri;
  readonly documentIndex?: number;
  readonly scenario?: object;
}

export type SimulationOutcome = { readonly timeline: Timeline } | { readonly error: string; readonly code: PreviewErrorCode };

/** Runs one simulation; never throws (failures come back as `{ error, code }`). */
export type Simulate = (params: SimulateParams, token: vscode.CancellationToken) => Promise<SimulationOutcome>;

/** How long after the last keystroke the preview runs again. */
const RERUN_DELAY_MS = 400;
/** How long `update()` waits for the webview to report what it shows. */
const REPORT_TIMEOUT_MS = 20000;

export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'k8sDryRun.preview';

  static #current: PreviewPanel | undefined;

  /** Shows the preview of `target` beside the editor: in the open panel if there is one, else in a new panel. */
  static createOrShow(extensionUri: vscode.Uri, target: PreviewTarget, simulate: Simulate): PreviewPanel {
    const current = PreviewPanel.#current;
    if (current) {
      current.#target = target;
      current.#panel.reveal(undefined, true);
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      PreviewPanel.viewType,
      titleFor(target.uri),
      { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new PreviewPanel(panel, extensionUri, target, simulate);
  }

  /** Takes over a panel VS Code restored after a reload; `state` is what its webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: unknown, simulate: Simulate): PreviewPanel {
    PreviewPanel.#current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    const source = (state as PersistedPreviewState | undefined)?.source;
    let target: PreviewTarget | undefined;
    if (source && typeof source.sourceUri === 'string') {
      try {
        target = { uri: vscode.Uri.parse(source.sourceUri, true), documentIndex: source.documentIndex };
      } catch {
        target = undefined;
      }
    }
    const preview = new PreviewPanel(panel, extensionUri, target, simulate);
    void preview.update();
    return preview;
  }

  /** The open preview, if any. */
  static get current(): PreviewPanel | undefined {
    return PreviewPanel.#current;
  }

  readonly #panel: vscode.WebviewPanel;
  readonly #extensionUri: vscode.Uri;
  readonly #simulate: Simulate;
  readonly #disposables: vscode.Disposable[] = [];
  #target: PreviewTarget | undefined;
  #run: vscode.CancellationTokenSource | undefined;
  #runCount = 0;
  #rerunTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last show* message, sent again when the webview (re)loads. */
  #lastMessage: IpcMessage | undefined;
  #reportWaiters: ((report: RenderedParams | undefined) => void)[] = [];
  #lastReport: RenderedParams | undefined;
  #disposed = false;

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, target: PreviewTarget | undefined, simulate: Simulate) {
    PreviewPanel.#current = this;
    this.#panel = panel;
    this.#extensionUri = extensionUri;
    this.#target = target;
    this.#simulate = simulate;
    this.#panel.webview.html = this.#html();
    this.#disposables.push(
      this.#panel.onDidDispose(() => this.dispose()),
      this.#panel.webview.onDidReceiveMessage((message: unknown) => this.#onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#target && e.contentChanges.length > 0 && e.document.uri.toString() === this.#target.uri.toString()) this.#scheduleRerun();
      }),
    );
  }

  /** What the webview last reported it shows. */
  get lastReport(): RenderedParams | undefined {
    return this.#lastReport;
  }

  /**
   * Runs the simulation for the target and shows the result. Resolves with what the webview then reports it
   * shows (undefined if it says nothing within 20 s, e.g. while the panel is hidden, or if a newer run replaced
   * this one).
   */
  async update(): Promise<RenderedParams | undefined> {
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    this.#rerunTimer = undefined;
    this.#run?.cancel();
    this.#run?.dispose();
    const run = new vscode.CancellationTokenSource();
    this.#run = run;
    const runId = ++this.#runCount;
    const current = (): boolean => !this.#disposed && runId === this.#runCount && !run.token.isCancellationRequested;

    const target = this.#target;
    if (!target) {
      return this.#show(showErrorNotification, {
        sourceUri: '',
        message: 'Nothing to preview: run "Kubernetes: Preview Rollout" from a Job, CronJob or DaemonSet manifest.',
        code: 'requestFailed',
      });
    }
    const source: PreviewSource =
      target.documentIndex === undefined ? { sourceUri: target.uri.toString() } : { sourceUri: target.uri.toString(), documentIndex: target.documentIndex };
    this.#panel.title = titleFor(target.uri);
    this.#post(showLoadingNotification, source);

    let document: vscode.TextDocument;
    try {
      // Opening it also hands it to the language server, which simulates open documents.
      document = await vscode.workspace.openTextDocument(target.uri);
    } catch (err) {
      if (!current()) return undefined;
      return this.#show(showErrorNotification, { ...source, message: `Cannot open ${target.uri.toString(true)}: ${messageOf(err)}`, code: 'requestFailed' });
    }
    const documentVersion = document.version;
    const params: SimulateParams = { uri: source.sourceUri };
    if (target.documentIndex !== undefined) params.documentIndex = target.documentIndex;
    if (target.scenario !== undefined) params.scenario = target.scenario;
    const outcome = await this.#simulate(params, run.token);
    if (!current()) return undefined;
    if ('timeline' in outcome) {
      const object = outcome.timeline.object;
      if (object) this.#panel.title = `Rollout: ${String(object.kind).toLowerCase()}/${object.name}`;
      return this.#show(showTimelineNotification, { ...source, timeline: outcome.timeline, documentVersion });
    }
    return this.#show(showErrorNotification, { ...source, message: outcome.error, code: outcome.code, documentVersion });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (PreviewPanel.#current === this) PreviewPanel.#current = undefined;
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    this.#run?.cancel();
    this.#run?.dispose();
    for (const resolve of this.#reportWaiters.splice(0)) resolve(undefined);
    this.#panel.dispose();
    for (const d of this.#disposables.splice(0)) d.dispose();
  }

  #scheduleRerun(): void {
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    this.#rerunTimer = setTimeout(() => {
      this.#rerunTimer = undefined;
      void this.update();
    }, RERUN_DELAY_MS);
  }

  /** Posts a final show* message and waits for the webview's report of it. */
  #show<P>(type: IpcNotificationType<P>, params: P): Promise<RenderedParams | undefined> {
    const report = this.#nextReport();
    this.#post(type, params);
    this.#lastMessage = ipcMessage(type, params);
    return report;
  }

  #nextReport(): Promise<RenderedParams | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#reportWaiters = this.#reportWaiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, REPORT_TIMEOUT_MS);
      const waiter = (report: RenderedParams | undefined): void => {
        clearTimeout(timer);
        resolve(report);
      };
      this.#reportWaiters.push(waiter);
    });
  }

  #post<P>(type: IpcNotificationType<P>, params: P): void {
    if (this.#disposed) return;
    void this.#panel.webview.postMessage(ipcMessage(type, params));
  }

  #onMessage(message: unknown): void {
    void (
      onIpc(readyCommand, message, () => {
        // the webview (re)loaded: show it the last result again
        if (this.#lastMessage && !this.#disposed) void this.#panel.webview.postMessage(this.#lastMessage);
      }) ||
      onIpc(refreshCommand, message, () => void this.update()) ||
      onIpc(renderedCommand, message, (report) => {
        this.#lastReport = report;
        if (report.view === 'loading') return;
        for (const resolve of this.#reportWaiters.splice(0)) resolve(report);
      })
    );
  }

  /** The webview's page: our script and style only, under a CSP with a fresh nonce. */
  #html(): string {
    const webview = this.#panel.webview;
    const dist = vscode.Uri.joinPath(this.#extensionUri, 'dist');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'));
    return webviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: script.toString(),
      styleUri: style.toString(),
    });
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    // the bundle and its stylesheet, nothing else
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

function titleFor(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() || uri.toString(true);
  return `Rollout Preview: ${name}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
