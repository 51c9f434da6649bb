// Shared by the suites: waiting for what the language server publishes, without fixed sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const SOURCE = 'k8s-dryrun';
export const TIMEOUT_MS = 20000;

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/** This extension's diagnostics for a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function show(ds: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    ds.map((d) => ({
      message: d.message,
      severity: vscode.DiagnosticSeverity[d.severity],
      code: codeOf(d),
      source: d.source,
      range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    })),
  );
}

/**
 * Resolves with the document's k8s-dryrun diagnostics as soon as `accept` holds for them: checked now and on
 * every onDidChangeDiagnostics for that document. Rejects after `timeoutMs`, showing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const check = () => {
      if (done) return;
      const ds = ours(uri);
      if (accept(ds)) {
        finish();
        resolve(ds);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${key}; k8s-dryrun diagnostics now: ${show(ours(uri))}`));
    }, timeoutMs);
    const finish = () => {
      done = true;
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Polls a condition that no event reports (extension activation), with a timeout. */
export async function until(cond: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.strictEqual(doc.languageId, 'yaml', `${uri.fsPath} should open as YAML`);
  return doc;
}

