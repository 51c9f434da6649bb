/**
 * The preview panel's channel to its webview: the page (our script and style under a CSP with a fresh nonce),
 * the typed messages to it, and its `rendered` reports, which `show` waits for. The webview's other commands
 * (the user's requests) go to the panel through `onCommand`.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  ipcMessage,
  onIpc,
  readyCommand,
  renderedCommand,
  type IpcMessage,
  type IpcNotificationType,
  type RenderedParams,
} from '../../server/src/protocol/webviewMessages';
import { webviewHtml } from './webviewHtml';

/** How long `show` waits for the webview to report what it shows. */
const REPORT_TIMEOUT_MS = 20000;

export class PreviewWebview implements vscode.Disposable {
  readonly #webview: vscode.Webview;
  readonly #subscription: vscode.Disposable;
  /** The last show* message, sent again when the webview (re)loads. */
  #lastMessage: IpcMessage | undefined;
  #reportWaiters: ((report: RenderedParams | undefined) => void)[] = [];
  #lastReport: RenderedParams | undefined;
  #disposed = false;

  constructor(webview: vscode.Webview, extensionUri: vscode.Uri, onCommand: (message: unknown) => void) {
    this.#webview = webview;
    webview.html = html(webview, extensionUri);
    this.#subscription = webview.onDidReceiveMessage((message: unknown) => {
      const handled =
        onIpc(readyCommand, message, () => {
          // the webview (re)loaded: show it the last result again
          if (this.#lastMessage && !this.#disposed) void this.#webview.postMessage(this.#lastMessage);
        }) ||
        onIpc(renderedCommand, message, (report) => {
          this.#lastReport = report;
          if (report.view === 'loading') return;
          for (const resolve of this.#reportWaiters.splice(0)) resolve(report);
        });
      if (!handled) onCommand(message);
    });
  }

  /** What the webview last reported it shows. */
  get lastReport(): RenderedParams | undefined {
    return this.#lastReport;
  }

  /** Posts a message that is not a result (loading). */
  post<P>(type: IpcNotificationType<P>, params: P): void {
    if (this.#disposed) return;
    void this.#webview.postMessage(ipcMessage(type, params));
  }

  /**
   * Posts a final show* message (sent again if the webview reloads) and resolves with the webview's next report
   * (undefined after 20 s without one, e.g. while the panel is hidden).
   */
  show<P>(type: IpcNotificationType<P>, params: P): Promise<RenderedParams | undefined> {
    const report = this.#nextReport();
    this.post(type, params);
    this.#lastMessage = ipcMessage(type, params);
    return report;
  }

  dispose(): void {
    this.#disposed = true;
    for (const resolve of this.#reportWaiters.splice(0)) resolve(undefined);
    this.#subscription.dispose();
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
}

/** The webview's options: scripts on, and nothing loadable but the bundle and its stylesheet. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/** The webview's page: our script and style only, under a CSP with a fresh nonce. */
function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const bundle = webviewBundle();
  return webviewHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    language: vscode.env.language,
    ...(bundle ? { l10nBundle: bundle } : {}),
  });
}

/**
 * The webview's words: VS Code's l10n bundle for the display language (client/l10n/bundle.l10n.<lang>.json),
 * as English text → translation; undefined in English. The webview translates with it (client/webview/src/l10n.ts).
 */
function webviewBundle(): Record<string, string> | undefined {
  const source = vscode.l10n.bundle;
  if (!source) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    // a bundle entry with a translator's comment is { message, comment }
    const message = typeof value === 'string' ? value : (value as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string') out[key] = message;
  }
  return out;
}
