/**
 * What `activate` returns (`vscode.extensions.getExtension('k8s-dryrun.k8s-dryrun').exports`): the open preview
 * panel, and a way to answer its dialogs. The VS Code tests drive the panel through it as its webview would
 * (choose a scenario, set what-if edits, save, export) and read what it last showed.
 */
import type { PreviewUi } from './previewExports';
import type { PreviewPanel } from './previewPanel';

export interface K8sDryRunApi {
  /** The open preview panel, if any. */
  readonly preview: PreviewPanel | undefined;
  /** Replaces some of the preview's dialogs (e.g. `showInputBox`); undefined restores VS Code's own. */
  setPreviewUi(ui: Partial<PreviewUi> | undefined): void;
}
