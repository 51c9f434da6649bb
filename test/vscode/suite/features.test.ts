// Quick fixes, completion and hover as a user reaches them in VS Code: through the editor's own commands
// (the light bulb's code actions, the suggest widget's completion list, the hover provider).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { helloCronJob, piJob, SHANGHAI_CRON } from '../../fixtures/manifests';
import { codeOf, waitForDiagnostics } from './helpers';

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Applies the quick fix titled `title` offered for the first diagnostic with code `rule`, and returns the new text. */
async function applyQuickFix(doc: vscode.TextDocument, rule: string, title: string): Promise<string> {
  const [diagnostic] = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === rule), `a ${rule} diagnostic`).then((ds) =>
    ds.filter((d) => codeOf(d) === rule),
  );
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no quick fix "${title}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  // The fixed document no longer has the finding.
  await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === rule), `the ${rule} diagnostic to go away`);
  return doc.getText();
}

const JOB = piJob('      restartPolicy: Always\n');

suite('k8s-dryrun quick fixes, completion and hover in VS Code', () => {
  test('quick fix: restartPolicy Always → Never', async () => {
    const doc = await untitled(JOB);
    assert.strictEqual(await applyQuickFix(doc, 'job-restart-policy', 'Set restartPolicy to Never'), JOB.replace('restartPolicy: Always', 'restartPolicy: Never'));
  });

  test('quick fix: a misspelled field is renamed to the field the API server knows', async () => {
    const text = piJob('      restartPolicy: Never\n', '  backofLimit: 4\n');
    const doc = await untitled(text);
    assert.strictEqual(await applyQuickFix(doc, 'unknown-field', 'Rename to backoffLimit'), text.replace('backofLimit', 'backoffLimit'));
  });

  test('quick fix: apps/v1beta2 DaemonSet → apps/v1 with the selector apps/v1 requires', async () => {
    const ds = `apiVersion: apps/v1beta2
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      containers:
      - name: main
        image: luksa/ssd-monitor
`;
    const doc = await untitled(ds);
    const fixed = await applyQuickFix(doc, 'removed-api-version', 'Change apiVersion to apps/v1 and add the selector it requires');
    assert.strictEqual(fixed, ds.replace('apps/v1beta2', 'apps/v1') + '  selector:\n    matchLabels:\n      app: ssd-monitor\n');
    // The new selector matches, so no selector error either.
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'daemonset-selector-mismatch'));
  });

  test('quick fix: a TZ= prefix moves into spec.timeZone', async () => {
    const cron = helloCronJob('  schedule: "TZ=Asia/Shanghai 0 9 * * *"\n');
    const doc = await untitled(cron);
    const fixed = await applyQuickFix(doc, 'cronjob-schedule', 'Move the time zone Asia/Shanghai to spec.timeZone');
    assert.strictEqual(fixed, cron.replace('"TZ=Asia/Shanghai 0 9 * * *"', '0 9 * * *') + '  timeZone: Asia/Shanghai\n');
  });

  test('completion: the values of restartPolicy, and the fields of a JobSpec with their defaults', async () => {
    const doc = await untitled(JOB.replace('restartPolicy: Always', 'restartPolicy: '));
    const line = doc.lineAt(10);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, line.range.end);
    const labels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // A Job's pods: OnFailure or Never, never the pod default Always (validateJobSpec rejects it).
    assert.deepStrictEqual(labels.filter((l) => ['Always', 'OnFailure', 'Never'].includes(l)).sort(), ['Never', 'OnFailure']);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(5, 0), '  back\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const fields = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(5, 6));
    const backoff = fields.items.find((i) => i.label === 'backoffLimit');
    assert.ok(backoff, `backoffLimit among ${fields.items.length} items`);
    assert.strictEqual(backoff.detail, 'integer · default 6', JSON.stringify(backoff));
  });

  test('hover: a kubectl explain card for the field under the cursor', async () => {
    const doc = await untitled(JOB);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(10, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*restartPolicy\*\*/);
    assert.match(text, /Job\.spec\.template\.spec\.restartPolicy/);
    // kind-aware, as the API server is: a Job's pods may only use OnFailure or Never, and must say which
    assert.match(text, /Values: `OnFailure`, `Never`\n/);
    assert.match(text, /`string` · required/);
  });

  test('hover on a CronJob schedule: description and the next runs in its zone and in UTC', async () => {
    const doc = await untitled(SHANGHAI_CRON);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(5, 14));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*Every 15 minutes\*\*/);
    assert.match(text, /\| Next runs \| Asia\/Shanghai \| UTC \|/);
    assert.strictEqual(text.match(/\(\+08:00\) \| \d{4}-\d\d-\d\dT\d\d:\d\d:00Z \|/g)?.length, 5, text);
  });

  test('CodeLens above a CronJob: what the schedule means and its next run', async () => {
    const doc = await untitled(SHANGHAI_CRON);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^Every 15 minutes · next \d\d:\d\d Asia\/Shanghai$/.test(t)), titles.join(' | '));
    assert.ok(lenses.every((l) => l.range.start.line === 1));
  });
});
