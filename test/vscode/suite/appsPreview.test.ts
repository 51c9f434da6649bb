// Deployment and StatefulSet in VS Code: the Preview lens sits above each manifest, and running its command opens
// the preview with the workload's pods (the seed StatefulSet shares its file with its headless Service).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RenderedParams } from '../../../server/src/protocol/webviewMessages';

// compiled to out/test/vscode/suite/
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: { path: /, port: 80 }
`;

async function lensesOf(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  // The language server answers once it has started and linted the document: ask until a Preview lens comes.
  const started = Date.now();
  for (;;) {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
    const previews = lenses.filter((l) => l.command?.command === 'k8sDryRun.previewRollout');
    if (previews.length > 0) return previews;
    if (Date.now() - started > 20_000) throw new Error(`no Preview lens within 20 s; lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runLens(lens: vscode.CodeLens): Promise<RenderedParams | undefined> {
  const command = lens.command as vscode.Command;
  return vscode.commands.executeCommand<RenderedParams | undefined>(command.command, ...(command.arguments ?? []));
}

suite('k8s-dryrun with Deployment and StatefulSet manifests in VS Code', () => {
  test('a Deployment: its Preview lens opens the preview with one pod per replica', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: DEPLOYMENT });
    await vscode.window.showTextDocument(doc, { preview: false });
    const [lens] = await lensesOf(doc);
    assert.match(lens.command?.title ?? '', /Deployment/);
    assert.strictEqual(lens.range.start.line, 1, 'above kind:');
    const report = await runLens(lens);
    assert.ok(report, 'the preview reported nothing');
    assert.strictEqual(report.view, 'timeline', JSON.stringify(report));
    assert.strictEqual(report.object, 'Deployment/web');
    assert.strictEqual(report.podCount, 4);
  });

  test('the seed StatefulSet with its Service: one lens, above the StatefulSet, and its three ordinals previewed', async () => {
    const text = fs.readFileSync(path.join(REPO, 'test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    const lenses = await lensesOf(doc);
    assert.strictEqual(lenses.length, 1, lenses.map((l) => l.command?.title).join(' | '));
    assert.strictEqual(lenses[0].range.start.line, 1);
    const report = await runLens(lenses[0]);
    assert.ok(report, 'the preview reported nothing');
    assert.strictEqual(report.view, 'timeline', JSON.stringify(report));
    assert.strictEqual(report.object, 'StatefulSet/stateful-nginx');
    assert.strictEqual(report.podCount, 3);
  });
});
