/**
 * The rollout preview panel's host: one webview panel that shows what the controllers do with one object of a
 * manifest, under the scenario chosen in the panel and the what-if edits over it. It asks for the timeline
 * through an injected `simulate` function (commands.ts sends the LSP request), runs it again when the manifest
 * or the chosen scenario file changes, and talks to its webview (client/webview/) only with the typed messages
 * of webviewMessages.ts. The panel survives a reload: its webview keeps what it shows in its state, the
 * scenario choice is in the workspace state, and the serializer (`PreviewPanel.revive`) runs the simulation again.
 *
 * Helpers: previewScenario.ts (choices and the request's scenario fields), scenarioMemory.ts (what is
 * remembered per manifest), previewExports.ts (save and export), previewReveal.ts (`line:col` links).
 */
import * as vscode from 'vscode';
import type { SimulateParams, SimulationIssue } from '../../server/src/protocol/protocol';
import type { Timeline } from '../../server/src/protocol/timeline';
import {
  chooseScenarioCommand,
  exportCommand,
  onIpc,
  refreshCommand,
  revealCommand,
  saveScenarioCommand,
  setWhatIfCommand,
  showErrorNotification,
  showLoadingNotification,
  showTimelineNotification,
  type ExportParams,
  type PersistedPreviewState,
  type PreviewErrorCode,
  type PreviewSource,
  type RenderedParams,
  type RevealParams,
  type ScenarioChoice,
  type ScenarioState,
  type WhatIf,
} from '../../server/src/protocol/webviewMessages';
import { exportPreview, saveScenarioAs, type LastRun, type PreviewUi } from './previewExports';
import { isIndexed, manifestIdentity, objectRef, type ObjectIdentity } from './previewIdentity';
import { revealLocation } from './previewReveal';
import { ARGUMENT_CHOICE, prepareScenario, type ScenarioRun } from './previewScenario';
import { watchScenarioFiles } from './scenarioFiles';
import type { ScenarioMemory } from './scenarioMemory';
import { DEFAULT_CHOICE } from './scenarioNames';
import { PreviewWebview, previewWebviewOptions } from './previewWebview';

/** What to preview: a document of a file, and optionally a scenario object (design §4.2) instead of the files. */
export interface PreviewTarget {
  readonly uri: vscode.Uri;
  readonly documentIndex?: number;
  readonly scenario?: object;
}

export type SimulationOutcome =
  | {
      readonly timeline: Timeline;
      readonly scenarioSummary?: string;
      readonly warnings?: readonly SimulationIssue[];
      /** The scenario that ran (file + what-if edits). */
      readonly scenario?: object;
    }
  | { readonly error: string; readonly code: PreviewErrorCode; readonly problems?: readonly SimulationIssue[] };

/** Runs one simulation; never throws (failures come back as `{ error, code }`). */
export type Simulate = (params: SimulateParams, token: vscode.CancellationToken) => Promise<SimulationOutcome>;

/** What a panel needs from the extension. */
export interface PreviewDeps {
  readonly simulate: Simulate;
  /** The scenario choice and what-if edits, per manifest. */
  readonly memory: ScenarioMemory;
  /** The dialogs (a function: tests swap them while a panel is open). */
  readonly ui: () => PreviewUi;
}

/** How long after the last keystroke in the manifest or the chosen scenario file the preview runs again. */
const RERUN_DELAY_MS = 400;
/** How long after the last what-if edit the preview runs again. */
const WHAT_IF_DELAY_MS = 300;

export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'k8sDryRun.preview';

  static #current: PreviewPanel | undefined;

  /** Shows the preview of `target` beside the editor: in the open panel if there is one, else in a new panel. */
  static createOrShow(extensionUri: vscode.Uri, target: PreviewTarget, deps: PreviewDeps): PreviewPanel {
    const current = PreviewPanel.#current;
    if (current) {
      current.#target = target;
      current.#panel.reveal(undefined, true);
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      PreviewPanel.viewType,
      fileTitle(target.uri),
      { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
      previewWebviewOptions(extensionUri),
    );
    return new PreviewPanel(panel, extensionUri, target, deps);
  }

  /** Takes over a panel VS Code restored after a reload; `state` is what its webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: unknown, deps: PreviewDeps): PreviewPanel {
    PreviewPanel.#current?.dispose();
    panel.webview.options = previewWebviewOptions(extensionUri);
    const source = (state as PersistedPreviewState | undefined)?.source;
    let target: PreviewTarget | undefined;
    if (source && typeof source.sourceUri === 'string') {
      try {
        target = { uri: vscode.Uri.parse(source.sourceUri, true), documentIndex: source.documentIndex };
      } catch {
        target = undefined;
      }
    }
    const preview = new PreviewPanel(panel, extensionUri, target, deps);
    void preview.update();
    return preview;
  }

  /** The open preview, if any. */
  static get current(): PreviewPanel | undefined {
    return PreviewPanel.#current;
  }

  readonly #panel: vscode.WebviewPanel;
  readonly #webview: PreviewWebview;
  readonly #deps: PreviewDeps;
  readonly #disposables: vscode.Disposable[] = [];
  #target: PreviewTarget | undefined;
  #run: vscode.CancellationTokenSource | undefined;
  #runCount = 0;
  #rerunTimer: ReturnType<typeof setTimeout> | undefined;
  /** Callers of a scheduled run (setWhatIf) waiting for its report. */
  #rerunWaiters: ((report: RenderedParams | undefined) => void)[] = [];
  #disposed = false;

  /** The manifest whose scenario files are watched, and the watcher. */
  #watched: { readonly key: string; readonly watcher: vscode.Disposable } | undefined;
  /** The last run's results for the current manifest (cleared when the panel shows another manifest). */
  #last: LastRun & { readonly identity?: ObjectIdentity; readonly indexed?: boolean; readonly problems?: readonly SimulationIssue[] } = {};
  /** The scenario file in effect, whose edits re-run the preview. */
  #scenarioFile: string | undefined;
  #scenarioState: ScenarioState | undefined;

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, target: PreviewTarget | undefined, deps: PreviewDeps) {
    PreviewPanel.#current = this;
    this.#panel = panel;
    this.#webview = new PreviewWebview(panel.webview, extensionUri, (message) => this.#onCommand(message));
    this.#target = target;
    this.#deps = deps;
    const inEffect = (uri: vscode.Uri): boolean => uri.toString() === this.#target?.uri.toString() || uri.toString() === this.#scenarioFile;
    this.#disposables.push(
      this.#panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && inEffect(e.document.uri)) void this.#scheduleRerun(RERUN_DELAY_MS);
      }),
      // closing a scenario file with unsaved edits brings back what is on disk
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.#scenarioFile) void this.#scheduleRerun(RERUN_DELAY_MS);
      }),
    );
  }

  /** What the webview last reported it shows. */
  get lastReport(): RenderedParams | undefined {
    return this.#webview.lastReport;
  }

  /** The manifest (and document) shown. */
  get target(): PreviewTarget | undefined {
    return this.#target;
  }

  /** The last timeline of the shown manifest (kept while later runs fail). */
  get lastTimeline(): Timeline | undefined {
    return this.#last.timeline;
  }

  /** The scenario that last ran (what "Save as scenario" writes). */
  get lastScenario(): object | undefined {
    return this.#last.scenario;
  }

  /** The problems of the last run, when it failed; undefined after a successful run. */
  get lastProblems(): readonly SimulationIssue[] | undefined {
    return this.#last.problems;
  }

  /** The scenario state last sent to the webview. */
  get scenarioState(): ScenarioState | undefined {
    return this.#scenarioState;
  }

  /** The panel's title (`Preview: job/pi`). */
  get title(): string {
    return this.#panel.title;
  }

  /**
   * Runs the simulation for the target and shows the result. Resolves with what the webview then reports it
   * shows (undefined if it says nothing within 20 s, e.g. while the panel is hidden, or if a newer run replaced
   * this one).
   */
  update(): Promise<RenderedParams | undefined> {
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    this.#rerunTimer = undefined;
    // a scheduled run that this one replaces: its callers get this run's report
    const waiters = this.#rerunWaiters.splice(0);
    const report = this.#simulateAndShow();
    if (waiters.length > 0) void report.then((r) => waiters.forEach((resolve) => resolve(r)));
    return report;
  }

  async #simulateAndShow(): Promise<RenderedParams | undefined> {
    this.#run?.cancel();
    this.#run?.dispose();
    const run = new vscode.CancellationTokenSource();
    this.#run = run;
    const runId = ++this.#runCount;
    const current = (): boolean => !this.#disposed && runId === this.#runCount && !run.token.isCancellationRequested;

    const target = this.#target;
    if (!target) {
      return this.#webview.show(showErrorNotification, {
        sourceUri: '',
        message: vscode.l10n.t('Nothing to preview: run "{0}" from a Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet manifest.', vscode.l10n.t('Kubernetes: Preview Rollout')),
        code: 'requestFailed',
      });
    }
    this.#watchScenarioFilesOf(target.uri);
    const source: PreviewSource =
      target.documentIndex === undefined ? { sourceUri: target.uri.toString() } : { sourceUri: target.uri.toString(), documentIndex: target.documentIndex };
    this.#webview.post(showLoadingNotification, source);

    let document: vscode.TextDocument;
    try {
      // Opening it also hands it to the language server, which simulates open documents.
      document = await vscode.workspace.openTextDocument(target.uri);
    } catch (err) {
      if (!current()) return undefined;
      return this.#webview.show(showErrorNotification, { ...source, message: vscode.l10n.t('Cannot open {0}: {1}', target.uri.toString(true), messageOf(err)), code: 'requestFailed' });
    }
    const documentVersion = document.version;
    if (!this.#last.identity) this.#panel.title = fileTitle(target.uri);

    let scenario: ScenarioRun;
    try {
      scenario = await prepareScenario(target.uri, this.#deps.memory, target.scenario);
    } catch (err) {
      if (!current()) return undefined;
      this.#scenarioFile = undefined;
      return this.#webview.show(showErrorNotification, { ...source, message: messageOf(err), code: 'requestFailed', documentVersion });
    }
    if (!current()) return undefined;
    this.#scenarioFile = scenario.params.scenarioUri;

    const params: SimulateParams = { uri: source.sourceUri, ...scenario.params };
    if (target.documentIndex !== undefined) params.documentIndex = target.documentIndex;
    const outcome = await this.#deps.simulate(params, run.token);
    if (!current()) return undefined;
    if ('timeline' in outcome) {
      const object = outcome.timeline.object;
      this.#last = {
        timeline: outcome.timeline,
        scenario: outcome.scenario,
        summary: outcome.scenarioSummary,
        identity: { kind: object.kind, name: object.name },
        indexed: isIndexed(outcome.timeline),
      };
      this.#panel.title = panelTitle(this.#last.identity as ObjectIdentity);
      const state = this.#state(scenario);
      const warnings = outcome.warnings && outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {};
      return this.#webview.show(showTimelineNotification, { ...source, timeline: outcome.timeline, documentVersion, scenario: state, ...warnings });
    }
    // an invalid manifest keeps its name and kind (from its text, else from the last timeline)
    const identity = manifestIdentity(document.getText(), target.documentIndex) ?? this.#last.identity;
    if (identity) this.#panel.title = panelTitle(identity);
    this.#last = { ...this.#last, identity, problems: outcome.problems };
    const state = this.#state(scenario);
    const error = { ...source, message: outcome.error, code: outcome.code, documentVersion, scenario: state };
    return this.#webview.show(showErrorNotification, outcome.problems ? { ...error, problems: outcome.problems } : error);
  }

  /** Picks a scenario (the picker): remembered for the manifest, and the preview runs with it. */
  async chooseScenario(id: string): Promise<RenderedParams | undefined> {
    const target = this.#target;
    if (!target || typeof id !== 'string') return undefined;
    if (id !== ARGUMENT_CHOICE.id && target.scenario) this.#target = { uri: target.uri, documentIndex: target.documentIndex };
    if (id !== ARGUMENT_CHOICE.id) await this.#deps.memory.choose(target.uri.toString(), id);
    return this.update();
  }

  /**
   * Sets the what-if edits (the panel's form): remembered for the manifest, and the preview runs again 300 ms
   * after the last edit. Resolves with the report of that run.
   */
  async setWhatIf(whatIf: WhatIf): Promise<RenderedParams | undefined> {
    const target = this.#target;
    if (!target || whatIf === null || typeof whatIf !== 'object' || Array.isArray(whatIf)) return undefined;
    await this.#deps.memory.setWhatIf(target.uri.toString(), whatIf);
    return this.#scheduleRerun(WHAT_IF_DELAY_MS);
  }

  /**
   * "Save as scenario": asks a name, writes `<stem>.<name>.scenario.yaml` from the scenario that ran, chooses
   * it and clears the what-if edits (they are in the file now). Resolves with the file, or undefined.
   */
  async saveScenario(): Promise<vscode.Uri | undefined> {
    const target = this.#target;
    if (!target) return undefined;
    const ui = this.#deps.ui();
    let written: vscode.Uri | undefined;
    try {
      written = await saveScenarioAs(ui, target.uri, this.#last);
    } catch (err) {
      ui.showError(vscode.l10n.t('Cannot save the scenario: {0}', messageOf(err)));
      return undefined;
    }
    if (!written || this.#disposed) return written;
    const key = target.uri.toString();
    await this.#deps.memory.setWhatIf(key, {});
    await this.chooseScenario(written.path.split('/').pop() as string);
    return written;
  }

  /** Export (the panel's buttons): asks where and writes the file. Resolves with it, or undefined. */
  async export(params: ExportParams): Promise<vscode.Uri | undefined> {
    const target = this.#target;
    if (!target || params === null || typeof params !== 'object') return undefined;
    const ui = this.#deps.ui();
    try {
      return await exportPreview(ui, target.uri, this.#last, params);
    } catch (err) {
      ui.showError(vscode.l10n.t('Cannot export: {0}', messageOf(err)));
      return undefined;
    }
  }

  /** A problem's `line:col` link: the document at that place, in the editor beside the panel. */
  async reveal(params: RevealParams): Promise<vscode.TextEditor | undefined> {
    if (params === null || typeof params !== 'object' || typeof params.uri !== 'string') return undefined;
    try {
      return await revealLocation(params, this.#target?.uri, this.#panel.viewColumn);
    } catch (err) {
      this.#deps.ui().showError(vscode.l10n.t('Cannot open {0}: {1}', params.uri, messageOf(err)));
      return undefined;
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (PreviewPanel.#current === this) PreviewPanel.#current = undefined;
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    this.#run?.cancel();
    this.#run?.dispose();
    for (const resolve of this.#rerunWaiters.splice(0)) resolve(undefined);
    this.#webview.dispose();
    this.#watched?.watcher.dispose();
    this.#panel.dispose();
    for (const d of this.#disposables.splice(0)) d.dispose();
  }

  /** The ScenarioState every show* message carries. */
  #state(scenario: ScenarioRun): ScenarioState {
    const state: ScenarioState = {
      choices: scenario.choices.map(choiceInLanguage),
      selected: scenario.selected.id,
      whatIf: scenario.whatIf,
      summary: this.#last.summary ?? choiceInLanguage(scenario.selected).label,
      ...(this.#last.identity ? { kind: this.#last.identity.kind } : {}),
      ...(this.#last.indexed !== undefined ? { indexed: this.#last.indexed } : {}),
    };
    this.#scenarioState = state;
    return state;
  }

  /** Follows the manifest's scenario files: one appearing or disappearing, or the chosen one changing on disk. */
  #watchScenarioFilesOf(manifestUri: vscode.Uri): void {
    const key = manifestUri.toString();
    if (this.#watched?.key === key) return;
    this.#watched?.watcher.dispose();
    this.#last = {};
    const watcher = watchScenarioFiles(
      manifestUri,
      () => void this.#scheduleRerun(RERUN_DELAY_MS),
      (uri) => {
        // an open file's edits already re-ran the preview, keystroke by keystroke
        const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
        if (uri.toString() === this.#scenarioFile && !open) void this.#scheduleRerun(RERUN_DELAY_MS);
      },
    );
    this.#watched = { key, watcher };
  }

  /** Runs `update()` after `delayMs` without another call; resolves with that run's report. */
  #scheduleRerun(delayMs: number): Promise<RenderedParams | undefined> {
    if (this.#disposed) return Promise.resolve(undefined);
    if (this.#rerunTimer !== undefined) clearTimeout(this.#rerunTimer);
    const done = new Promise<RenderedParams | undefined>((resolve) => this.#rerunWaiters.push(resolve));
    this.#rerunTimer = setTimeout(() => void this.update(), delayMs);
    return done;
  }

  /** What the user asked for in the webview. */
  #onCommand(message: unknown): void {
    void (
      onIpc(refreshCommand, message, () => void this.update()) ||
      onIpc(chooseScenarioCommand, message, ({ id }) => void this.chooseScenario(id)) ||
      onIpc(setWhatIfCommand, message, ({ whatIf }) => void this.setWhatIf(whatIf)) ||
      onIpc(saveScenarioCommand, message, () => void this.saveScenario()) ||
      onIpc(exportCommand, message, (params) => void this.export(params)) ||
      onIpc(revealCommand, message, (params) => void this.reveal(params))
    );
  }
}

/** The picker's two built-in choices (default pods, the command's scenario) in the user's language; files keep their names. */
function choiceInLanguage(choice: ScenarioChoice): ScenarioChoice {
  if (choice.id === DEFAULT_CHOICE.id) return { ...choice, label: vscode.l10n.t('default pods') };
  if (choice.id === ARGUMENT_CHOICE.id) return { ...choice, label: vscode.l10n.t('scenario given to the command') };
  return choice;
}

/** The title before the object is known: the file's name. */
function fileTitle(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() || uri.toString(true);
  return vscode.l10n.t('Preview: {0}', name);
}

/** The title once the object is known: `Preview: job/pi`. */
function panelTitle(identity: ObjectIdentity): string {
  return vscode.l10n.t('Preview: {0}', objectRef(identity));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
