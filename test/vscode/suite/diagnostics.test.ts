// Diagnostics as a user sees them in VS Code: the extension starts its language server, and the server's
// findings reach vscode.languages.getDiagnostics() with the API server's messages and exact ranges.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, open, ours, show, SOURCE, until, waitForDiagnostics } from './helpers';

// compiled to out/test/vscode/suite/
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'vscode');
const EXTENSION_ID = 'k8s-dryrun.k8s-dryrun';
const RULE = 'job-restart-policy';
// The API server's own messages. Current Kubernetes (pkg/apis/batch/validation, validateJobSpec) reports the
// pod default `Always` and a missing value alike as Required, since defaulting turns the one into the other;
// any other value but OnFailure/Never is NotSupported.
const REQUIRED = 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"';
const unsupported = (value: string) =>
  `spec.template.spec.restartPolicy: Unsupported value: "${value}": supported values: "OnFailure", "Never"`;

function fixture(name: string): { uri: vscode.Uri; text: string } {
  const file = path.join(FIXTURES, name);
  return { uri: vscode.Uri.file(file), text: fs.readFileSync(file, 'utf8') };
}

/** 0-based line and column of the first `restartPolicy: Always` value at or after line `from`. */
function findAlways(text: string, from = 0): { line: number; start: number; end: number } {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) {
    const m = /^(\s*restartPolicy:\s*)Always\s*$/.exec(lines[i]);
    if (m) return { line: i, start: m[1].length, end: m[1].length + 'Always'.length };
  }
  throw new Error(`no "restartPolicy: Always" line in the text at or after line ${from}`);
}

function lineOf(text: string, re: RegExp, from = 0): number {
  const i = text.split(/\r?\n/).findIndex((l, n) => n >= from && re.test(l));
  if (i < 0) throw new Error(`no line matches ${re}`);
  return i;
}

const withRule = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === RULE);
const hasRule = (ds: vscode.Diagnostic[]) => withRule(ds).length > 0;

/** Asserts the single restartPolicy finding, with `message`, exactly on the value at `at`. */
function assertValueFinding(
  ds: vscode.Diagnostic[],
  at: { line: number; start: number; end: number },
  message = REQUIRED,
): void {
  const found = withRule(ds);
  assert.strictEqual(found.length, 1, `expected one ${RULE} diagnostic, got ${show(ds)}`);
  const d = found[0];
  assert.strictEqual(d.message, message);
  assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, `severity ${vscode.DiagnosticSeverity[d.severity]}`);
  assert.strictEqual(d.source, SOURCE);
  assert.strictEqual(codeOf(d), RULE);
  assert.deepStrictEqual(
    [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    [at.line, at.start, at.line, at.end],
    `range should be exactly the value (line ${at.line}, characters ${at.start}-${at.end}); got ${show([d])}`,
  );
}

suite('k8s-dryrun diagnostics in VS Code', () => {
  test('the extension is installed and activates when a YAML file opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepStrictEqual(
      folders.map((f) => f.uri.fsPath),
      [FIXTURES],
      'the fixture folder should be the open workspace',
    );
    await open(fixture('job-restart-always.yaml').uri);
    await until(() => ext.isActive, `${EXTENSION_ID} to be active`);
  });

  test('a Job with restartPolicy: Always gets the API server error, on the value', async () => {
    const { uri, text } = fixture('job-restart-always.yaml');
    const at = findAlways(text);
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule, `the ${RULE} diagnostic`);
    assertValueFinding(ds, at);
  });

  test('a Job without restartPolicy gets the Required value error, on the pod spec', async () => {
    const { uri, text } = fixture('job-no-restart-policy.yaml');
    // the field is missing: the finding sits on its nearest ancestor, the pod template's `spec:` key
    const podSpecLine = lineOf(text, /^\s+spec:\s*$/, lineOf(text, /^\s+template:\s*$/));
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule, `the ${RULE} diagnostic`);
    const found = withRule(ds);
    assert.strictEqual(found.length, 1, show(ds));
    assert.strictEqual(found[0].message, REQUIRED);
    assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(found[0].source, SOURCE);
    assert.strictEqual(found[0].range.start.line, podSpecLine, `expected on line ${podSpecLine}; got ${show(found)}`);
  });

  test('an untitled YAML document gets the diagnostic too, and editing it updates the diagnostics', async () => {
    const { text } = fixture('job-restart-always.yaml');
    const at = findAlways(text);
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(doc.uri.scheme, 'untitled');
    assertValueFinding(await waitForDiagnostics(doc.uri, hasRule, `the ${RULE} diagnostic (untitled)`), at);

    // Always -> Never: the error goes away, and no other error is left on this valid Job
    const valueRange = new vscode.Range(at.line, at.start, at.line, at.end);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, valueRange, 'Never');
    assert.ok(await vscode.workspace.applyEdit(fix), 'applyEdit (Always -> Never) failed');
    assert.strictEqual(doc.lineAt(at.line).text.trim(), 'restartPolicy: Never');
    const after = await waitForDiagnostics(doc.uri, (ds) => !hasRule(ds), `the ${RULE} diagnostic to disappear`);
    assert.deepStrictEqual(
      after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      [],
      `no error expected on a valid Job; got ${show(after)}`,
    );

    // a typo: not a restart policy at all, so NotSupported, again exactly on the value
    const typo = new vscode.WorkspaceEdit();
    typo.replace(doc.uri, new vscode.Range(at.line, at.start, at.line, at.start + 'Never'.length), 'Onfailure');
    assert.ok(await vscode.workspace.applyEdit(typo), 'applyEdit (Never -> Onfailure) failed');
    assertValueFinding(
      await waitForDiagnostics(doc.uri, hasRule, `the ${RULE} diagnostic for the typo`),
      { line: at.line, start: at.start, end: at.start + 'Onfailure'.length },
      unsupported('Onfailure'),
    );
  });

  test('in a multi-document file the error is on the Job in the second document', async () => {
    const { uri, text } = fixture('multi-doc.yaml');
    const separator = lineOf(text, /^---\s*$/);
    const at = findAlways(text, separator + 1);
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule, `the ${RULE} diagnostic`);
    assertValueFinding(ds, at);
    const inFirst = ds.filter((d) => d.range.start.line < separator);
    assert.deepStrictEqual(inFirst, [], `the ConfigMap in the first document is valid; got ${show(inFirst)}`);
  });

  test('a plain YAML file that is not a Kubernetes manifest gets no k8s-dryrun diagnostics', async () => {
    const { uri, text } = fixture('not-kubernetes.yaml');
    const doc = await open(uri);

    // A document opened after it gets its diagnostic: the server has seen both by then.
    const sentinel = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: fixture('job-restart-always.yaml').text,
    });
    await waitForDiagnostics(sentinel.uri, hasRule, 'the diagnostic on a Job opened after the plain file');
    assert.strictEqual(ours(uri).length, 0, `expected none, got ${show(ours(uri))}`);

    // Independent of the server's order of work: make this very document a manifest for a moment, then take
    // that back. The server has then checked the plain text itself, and the diagnostics must be empty again.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const appended = `\n---\n${fixture('job-restart-always.yaml').text}`;
    const add = new vscode.WorkspaceEdit();
    add.insert(uri, end, appended);
    assert.ok(await vscode.workspace.applyEdit(add), 'applyEdit (append a Job) failed');
    await waitForDiagnostics(uri, hasRule, 'the diagnostic on the appended Job');
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(end, doc.lineAt(doc.lineCount - 1).range.end));
    assert.ok(await vscode.workspace.applyEdit(remove), 'applyEdit (remove the Job) failed');
    assert.strictEqual(doc.getText(), text, 'the document should be back to the fixture text');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no k8s-dryrun diagnostics on the plain YAML');

    // leave the fixture file unmodified on disk and in the editor
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
