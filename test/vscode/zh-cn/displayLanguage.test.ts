// The extension in a VS Code whose display language is Simplified Chinese (runTest.ts: `--locale=zh-cn` and a
// minimal zh-cn language pack, without which VS Code keeps English). What a Chinese-speaking user sees: the
// command's title from package.nls.zh-cn.json, the preview panel's title and its messages from
// client/l10n/bundle.l10n.zh-cn.json, and (where the language server localizes hovers) a Chinese hover.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { K8sDryRunApi } from '../../../client/src/extensionApi';
import type { RenderedParams } from '../../../server/src/protocol/webviewMessages';

const COMMAND = 'k8sDryRun.previewRollout';

type LocalizedString = string | { readonly value: string; readonly original: string };
const workspaceFile = (name: string): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.sep), name);

async function until(condition: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function extensionApi(): Promise<K8sDryRunApi> {
  const ext = vscode.extensions.getExtension<K8sDryRunApi>('k8s-dryrun.k8s-dryrun');
  assert.ok(ext, 'the extension is installed');
  return ext.isActive ? ext.exports : ext.activate();
}

suite('k8s-dryrun with VS Code in Simplified Chinese (zh-cn)', () => {
  suiteTeardown(async () => {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  });

  test('VS Code runs with the display language zh-cn', () => {
    assert.strictEqual(vscode.env.language, 'zh-cn', 'the language pack fixture was not honoured: VS Code fell back to English');
  });

  test('the command palette shows the command as "Kubernetes: 预览上线过程" (package.nls.zh-cn.json)', () => {
    const ext = vscode.extensions.getExtension('k8s-dryrun.k8s-dryrun');
    assert.ok(ext);
    // a translated title comes as { value, original } (VS Code's ILocalizedString), the untranslated as a string
    const text = (value: LocalizedString): string => (typeof value === 'string' ? value : value.value);
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string; title: LocalizedString; category: LocalizedString }[] } }).contributes.commands;
    assert.deepStrictEqual(
      contributed.filter((c) => c.command === COMMAND).map((c) => `${text(c.category)}: ${text(c.title)}`),
      ['Kubernetes: 预览上线过程'],
    );
    const settings = (ext.packageJSON as { contributes: { configuration: { properties: Record<string, { markdownDescription?: string }> } } }).contributes.configuration.properties;
    assert.match(settings['k8sDryRun.controllerTimeZone'].markdownDescription ?? '', /^集群中 kube-controller-manager 所在的时区/);
  });

  test('the preview panel and its messages speak Chinese (client/l10n bundle)', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument(workspaceFile('pi-job.yaml'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const report = await vscode.commands.executeCommand<RenderedParams | undefined>(COMMAND);
    await until(() => api.preview !== undefined, 'the preview panel');
    const preview = api.preview as NonNullable<K8sDryRunApi['preview']>;
    assert.ok(report, 'the webview reported what it shows');
    assert.match(preview.title, /^预览：(job\/pi|pi-job\.yaml)$/);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab && /^预览：/.test(tab.label), `the tab's label: ${tab?.label}`);

    // a message the extension shows: exporting a chart the webview sent no SVG for
    const errors: string[] = [];
    api.setPreviewUi({ showError: (message) => void errors.push(message) });
    try {
      assert.strictEqual(await preview.export({ format: 'svg' }), undefined);
    } finally {
      api.setPreviewUi(undefined);
    }
    assert.deepStrictEqual(errors, ['图表没有提供可导出的 SVG。']);
  });

  test('a hover over a CronJob schedule is in Chinese (the client sends VS Code\'s language in initialize)', async () => {
    await extensionApi();
    const doc = await vscode.workspace.openTextDocument(workspaceFile('hello-cronjob.yaml'));
    await vscode.window.showTextDocument(doc, { preview: false });
    // `schedule: "*/5 9-17 * * MON-FRI"`: on the schedule's text; the server may still be starting
    let value = '';
    for (let i = 0; i < 100 && value === ''; i++) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(5, 16));
      value = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      if (value === '') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.match(value, /`\*\/5 9-17 \* \* MON-FRI`/);
    assert.match(value, /\| 下次运行 \| Asia\/Shanghai \| UTC \|/, value);
    assert.doesNotMatch(value, /Next runs/);
  });
});
