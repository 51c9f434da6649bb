// The preview's scenarios in VS Code, as a user meets them: the scenario file beside the manifest applies by
// itself, the picker's variants and the what-if edits change the run and are remembered, "Save as scenario" and
// the exports write files, an invalid manifest lists its problems with places. The tests drive the open panel
// through the extension's API as its webview would (chooseScenario, setWhatIf, saveScenario, export, reveal),
// answer its dialogs with stubs, and read what it last showed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { K8sDryRunApi } from '../../../client/src/extensionApi';
import type { PreviewPanel } from '../../../client/src/previewPanel';
import type { Timeline } from '../../../server/src/protocol/timeline';
import type { RenderedParams } from '../../../server/src/protocol/webviewMessages';
import { piJob } from '../../fixtures/manifests';
import { until } from './helpers';

const COMMAND = 'k8sDryRun.previewRollout';
// compiled to out/test/vscode/suite/
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');
const BACKOFF = vscode.Uri.file(path.join(EXAMPLES, 'pi-job-backoff.yaml'));
const DEFAULT_FILE = 'pi-job-backoff.scenario.yaml';
const LIMIT_FILE = 'pi-job-backoff.limit.scenario.yaml';

async function api(): Promise<K8sDryRunApi> {
  const ext = vscode.extensions.getExtension<K8sDryRunApi>('k8s-dryrun.k8s-dryrun');
  assert.ok(ext, 'the extension is installed');
  return ext.activate();
}

/** Opens `uri` in an editor and previews it; resolves with the open panel and what its webview reports. */
async function preview(uri: vscode.Uri): Promise<{ panel: PreviewPanel; report: RenderedParams | undefined }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  const report = await vscode.commands.executeCommand<RenderedParams | undefined>(COMMAND, uri);
  const panel = (await api()).preview;
  assert.ok(panel, 'the preview panel is open');
  return { panel, report };
}

function timelineOf(panel: PreviewPanel): Timeline {
  const timeline = panel.lastTimeline;
  assert.ok(timeline, `the preview has a timeline; problems: ${JSON.stringify(panel.lastProblems)}`);
  return timeline;
}

/** Pod phases in creation order: `Failed Failed Succeeded`. */
function phases(timeline: Timeline): string {
  return timeline.pods.map((p) => p.phase).join(' ');
}

function failedReason(timeline: Timeline): string | undefined {
  return timeline.conditions.find((c) => c.type === 'Failed' && c.status === 'True')?.reason;
}

const leftovers: (() => void)[] = [];

/** A copy of an example manifest and its scenario files in a folder of its own, for tests that write there. */
function copyOfExample(manifest: string, ...scenarios: string[]): { dir: string; manifest: vscode.Uri; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-dryrun-scenarios-'));
  for (const file of [manifest, ...scenarios]) fs.copyFileSync(path.join(EXAMPLES, file), path.join(dir, file));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  // removed at the end of the suite too, should a test stop half-way
  leftovers.push(remove);
  return { dir, manifest: vscode.Uri.file(path.join(dir, manifest)), remove };
}

async function closePanel(): Promise<void> {
  const panel = (await api()).preview;
  panel?.dispose();
  await until(() => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview)), 'the preview tab to close');
}

suite('k8s-dryrun preview scenarios in VS Code', function () {
  this.timeout(60000);

  suiteTeardown(async () => {
    (await api()).setPreviewUi(undefined);
    await closePanel();
    for (const remove of leftovers.splice(0)) remove();
  });

  test('pi-job-backoff.yaml: its scenario file applies by itself (2 failed pods, then one succeeds)', async () => {
    const { panel, report } = await preview(BACKOFF);
    assert.strictEqual(report?.view, 'timeline', `the panel shows: ${JSON.stringify(report)}`);
    const state = panel.scenarioState;
    assert.ok(state);
    assert.deepStrictEqual(
      state.choices.map((c) => c.label),
      ['default pods', DEFAULT_FILE, 'limit'],
    );
    assert.strictEqual(state.selected, DEFAULT_FILE);
    assert.strictEqual(state.kind, 'Job');
    assert.strictEqual(state.indexed, false);
    assert.notStrictEqual(state.summary, '', 'the scenario in effect, in words');
    assert.strictEqual(phases(timelineOf(panel)), 'Failed Failed Succeeded');
    assert.strictEqual(panel.title, 'Preview: job/pi');
  });

  test('choosing the "limit" variant: every pod fails, the Job fails with BackoffLimitExceeded', async () => {
    const panel = (await preview(BACKOFF)).panel;
    const report = await panel.chooseScenario(LIMIT_FILE);
    assert.strictEqual(report?.view, 'timeline', `the panel shows: ${JSON.stringify(report)}`);
    assert.strictEqual(panel.scenarioState?.selected, LIMIT_FILE);
    const timeline = timelineOf(panel);
    assert.strictEqual(failedReason(timeline), 'BackoffLimitExceeded');
    // backoffLimit 4: the first pod and 4 retries
    assert.strictEqual(phases(timeline), 'Failed Failed Failed Failed Failed');
  });

  test('the choice is remembered for the manifest: closing and reopening the preview keeps "limit"', async () => {
    await closePanel();
    const { panel } = await preview(BACKOFF);
    assert.strictEqual(panel.scenarioState?.selected, LIMIT_FILE);
    assert.strictEqual(failedReason(timelineOf(panel)), 'BackoffLimitExceeded');
    // back to the default file for the other tests
    await panel.chooseScenario(DEFAULT_FILE);
    assert.strictEqual(phases(timelineOf(panel)), 'Failed Failed Succeeded');
  });

  test('editing the chosen scenario file re-runs the preview with its unsaved text', async () => {
    const copy = copyOfExample('pi-job-backoff.yaml', DEFAULT_FILE);
    try {
      const { panel } = await preview(copy.manifest);
      assert.strictEqual(phases(timelineOf(panel)), 'Failed Failed Succeeded');
      const scenarioDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(copy.dir, DEFAULT_FILE)));
      await vscode.window.showTextDocument(scenarioDoc, { preview: false, viewColumn: vscode.ViewColumn.One });
      const line = scenarioDoc.getText().split('\n').findIndex((l) => l.includes('{ pod: 2,'));
      assert.ok(line > 0, 'the scenario makes pod 2 fail');
      const edit = new vscode.WorkspaceEdit();
      edit.delete(scenarioDoc.uri, new vscode.Range(line, 0, line + 1, 0));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await until(() => phases(timelineOf(panel)) === 'Failed Succeeded', 'the preview to run the edited scenario (one failure)', 10000);
      // closing it without saving: the file on disk is in effect again
      await vscode.window.showTextDocument(scenarioDoc, { preview: false, viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await until(() => phases(timelineOf(panel)) === 'Failed Failed Succeeded', 'the preview to run the file as it is on disk', 10000);
    } finally {
      copy.remove();
    }
  });

  test('what-if "first 2 attempts fail" on a Job without a scenario file: 2 failed pods, then one succeeds', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: piJob('      restartPolicy: Never\n') });
    const { panel } = await preview(doc.uri);
    assert.deepStrictEqual(panel.scenarioState?.choices.map((c) => c.id), ['default'], 'an untitled manifest has the default pods only');
    assert.strictEqual(phases(timelineOf(panel)), 'Succeeded');
    const report = await panel.setWhatIf({ failFirst: { attempts: 2, exitCode: 1 } });
    assert.strictEqual(report?.view, 'timeline', `the panel shows: ${JSON.stringify(report)}`);
    const timeline = timelineOf(panel);
    assert.strictEqual(phases(timeline), 'Failed Failed Succeeded');
    assert.deepStrictEqual(
      timeline.pods.filter((p) => p.phase === 'Failed').map((p) => p.exitCode),
      [1, 1],
    );
    assert.deepStrictEqual(panel.scenarioState?.whatIf, { failFirst: { attempts: 2, exitCode: 1 } });
    // quick edits run once, with the last one
    void panel.setWhatIf({ failFirst: { attempts: 1, exitCode: 3 } });
    const last = await panel.setWhatIf({ failFirst: { attempts: 3, exitCode: 2 } });
    assert.strictEqual(last?.view, 'timeline');
    assert.strictEqual(phases(timelineOf(panel)), 'Failed Failed Failed Succeeded');
  });

  test('"Save as scenario" writes <stem>.<name>.scenario.yaml from the scenario that ran, then runs it', async () => {
    const copy = copyOfExample('pi-job-backoff.yaml', DEFAULT_FILE, LIMIT_FILE);
    const { panel } = await preview(copy.manifest);
    const ran = panel.lastScenario;
    assert.ok(ran, 'the server returned the scenario that ran');
    const errors: string[] = [];
    let confirmations = 0;
    (await api()).setPreviewUi({
      showInputBox: async (options) => {
        assert.strictEqual(options.validateInput?.('Bad Name') !== undefined, true, 'names with capitals and spaces are refused');
        return 'vscode-test-save';
      },
      confirm: async () => {
        confirmations++;
        return false;
      },
      showError: (message) => void errors.push(message),
    });
    const saved = vscode.Uri.file(path.join(copy.dir, 'pi-job-backoff.vscode-test-save.scenario.yaml'));
    try {
      const written = await panel.saveScenario();
      assert.strictEqual(written?.toString(), saved.toString());
      const text = fs.readFileSync(saved.fsPath, 'utf8');
      assert.match(text, /^# Scenario for pi-job-backoff\.yaml, saved from the preview.*\n[^#]/);
      assert.deepStrictEqual(parse(text), JSON.parse(JSON.stringify(ran)));
      // chosen, without what-if edits, and it runs the same pods
      assert.strictEqual(panel.scenarioState?.selected, 'pi-job-backoff.vscode-test-save.scenario.yaml');
      assert.ok(panel.scenarioState?.choices.some((c) => c.label === 'vscode-test-save'));
      assert.deepStrictEqual(panel.scenarioState?.whatIf, {});
      assert.strictEqual(phases(timelineOf(panel)), 'Failed Failed Succeeded');
      // saving again under the same name asks first; refused, the file stays as it was
      fs.appendFileSync(saved.fsPath, '# kept\n');
      assert.strictEqual(await panel.saveScenario(), undefined);
      assert.strictEqual(confirmations, 1);
      assert.match(fs.readFileSync(saved.fsPath, 'utf8'), /# kept\n$/);
      assert.deepStrictEqual(errors, []);
    } finally {
      fs.rmSync(saved.fsPath, { force: true });
      (await api()).setPreviewUi(undefined);
    }
    // the file is gone: the picker drops it and the preview falls back to the default pods
    await until(() => panel.scenarioState?.choices.every((c) => c.label !== 'vscode-test-save') === true, 'the deleted file to leave the picker', 10000);
    assert.strictEqual(panel.scenarioState?.selected, 'default');
    copy.remove();
  });

  test('export: the timeline as JSON where the dialog says, the scenario as YAML; an empty SVG is refused', async () => {
    const { panel } = await preview(BACKOFF);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-dryrun-export-'));
    const errors: string[] = [];
    let offered: vscode.Uri | undefined;
    (await api()).setPreviewUi({
      showSaveDialog: async (options) => {
        offered = options.defaultUri;
        return vscode.Uri.file(path.join(dir, 'timeline.json'));
      },
      showError: (message) => void errors.push(message),
      showInfo: () => undefined,
    });
    try {
      const written = await panel.export({ format: 'timeline-json' });
      assert.strictEqual(written?.fsPath, path.join(dir, 'timeline.json'));
      assert.strictEqual(offered?.fsPath, path.join(EXAMPLES, 'pi-job-backoff.timeline.json'), 'the dialog offers a name beside the manifest');
      const exported = JSON.parse(fs.readFileSync(path.join(dir, 'timeline.json'), 'utf8')) as Timeline;
      assert.deepStrictEqual(exported, panel.lastTimeline);
      assert.strictEqual(phases(exported), 'Failed Failed Succeeded');

      // the scenario that ran, as YAML
      const yamlFile = vscode.Uri.file(path.join(dir, 'scenario.yaml'));
      (await api()).setPreviewUi({ showSaveDialog: async () => yamlFile, showError: (message) => void errors.push(message), showInfo: () => undefined });
      assert.strictEqual((await panel.export({ format: 'scenario-yaml' }))?.fsPath, yamlFile.fsPath);
      assert.deepStrictEqual(parse(fs.readFileSync(yamlFile.fsPath, 'utf8')), JSON.parse(JSON.stringify(panel.lastScenario)));

      assert.strictEqual(await panel.export({ format: 'svg', svg: '' }), undefined);
      assert.deepStrictEqual(errors, ['The chart sent no SVG to export.']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      (await api()).setPreviewUi(undefined);
    }
  });

  test('a scenario file appearing beside the manifest joins the picker; its problems point into it, the last summary stays', async () => {
    const copy = copyOfExample('pi-job-backoff.yaml', DEFAULT_FILE);
    const { panel } = await preview(copy.manifest);
    const summary = panel.scenarioState?.summary;
    assert.ok(summary);
    const broken = vscode.Uri.file(path.join(copy.dir, 'pi-job-backoff.broken.scenario.yaml'));
    fs.writeFileSync(broken.fsPath, '# a bad horizon\nuntil: soon\npods:\n  default: { runSeconds: 10 }\n');
    await until(() => panel.scenarioState?.choices.some((c) => c.label === 'broken') === true, 'the new file in the picker', 10000);
    const report = await panel.chooseScenario('pi-job-backoff.broken.scenario.yaml');
    assert.strictEqual(report?.view, 'error', `the panel shows: ${JSON.stringify(report)}`);
    const problem = panel.lastProblems?.find((p) => p.source === 'scenario');
    assert.ok(problem, `a scenario problem: ${JSON.stringify(panel.lastProblems)}`);
    assert.strictEqual(problem.uri, broken.toString());
    assert.strictEqual(problem.range?.start.line, 1, `on the until line: ${JSON.stringify(problem)}`);
    assert.strictEqual(panel.title, 'Preview: job/pi');
    assert.strictEqual(panel.scenarioState?.selected, 'pi-job-backoff.broken.scenario.yaml');
    assert.strictEqual(panel.scenarioState?.summary, summary, 'the last known summary stays');
    // fixed on disk (not open in an editor): the preview runs it
    fs.writeFileSync(broken.fsPath, '# a good horizon\nuntil: 1h\npods:\n  default: { runSeconds: 10 }\n');
    await until(() => panel.lastProblems === undefined && panel.lastTimeline?.pods.length === 1, 'the fixed file to run', 10000);
    copy.remove();
  });

  test('an Indexed Job: the state says so, and failIndex makes that index fail until the back-off limit', async () => {
    const { panel } = await preview(vscode.Uri.file(path.join(EXAMPLES, 'indexed-job.yaml')));
    assert.strictEqual(panel.scenarioState?.indexed, true);
    assert.deepStrictEqual(panel.scenarioState?.choices.map((c) => c.label), ['default pods', 'indexed-job.scenario.yaml', 'broken-frame']);
    assert.strictEqual(failedReason(timelineOf(panel)), undefined, 'the default scenario completes');
    try {
      await panel.setWhatIf({ failIndex: { index: 0, exitCode: 3 } });
      const timeline = timelineOf(panel);
      assert.strictEqual(failedReason(timeline), 'BackoffLimitExceeded');
      const failed = timeline.pods.filter((p) => p.phase === 'Failed');
      assert.ok(failed.length >= 4, `backoffLimit 3: at least 4 failures, got ${failed.length}`);
      assert.deepStrictEqual([...new Set(failed.filter((p) => p.exitCode === 3).map((p) => p.index))], [0]);
    } finally {
      await panel.setWhatIf({});
    }
  });

  test('the DaemonSet rollout example: its scenario applies (four nodes, two revisions)', async () => {
    const { panel } = await preview(vscode.Uri.file(path.join(EXAMPLES, 'fluentd-daemonset-rollout.yaml')));
    assert.strictEqual(panel.scenarioState?.selected, 'fluentd-daemonset-rollout.scenario.yaml');
    assert.strictEqual(panel.scenarioState?.kind, 'DaemonSet');
    assert.strictEqual(panel.title, 'Preview: daemonset/fluentd-elasticsearch');
    const timeline = timelineOf(panel);
    assert.deepStrictEqual([...new Set(timeline.pods.map((p) => p.node))].sort(), ['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    assert.deepStrictEqual([...new Set(timeline.pods.map((p) => p.revision))].sort(), [1, 2]);
  });

  test('an invalid manifest (pi-job.yaml): problems with places, a link reveals it, the title stays', async () => {
    const uri = vscode.Uri.file(path.join(EXAMPLES, 'pi-job.yaml'));
    const { panel, report } = await preview(uri);
    assert.strictEqual(report?.view, 'error', `the panel shows: ${JSON.stringify(report)}`);
    assert.strictEqual(panel.title, 'Preview: job/pi');
    const problems = panel.lastProblems;
    assert.ok(problems && problems.length > 0, 'the problems, one by one');
    const restart = problems.find((p) => p.message.includes('restartPolicy'));
    assert.ok(restart?.range, `a restartPolicy problem with a range: ${JSON.stringify(problems)}`);
    assert.ok(!restart.message.startsWith('object:'), restart.message);
    assert.strictEqual(restart.uri, uri.toString());
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.lineAt(restart.range.start.line).text, /restartPolicy: Always/);
    // the scenario state travels with the error: the kind from the manifest
    assert.strictEqual(panel.scenarioState?.kind, 'Job');

    const editor = await panel.reveal({ uri: restart.uri, line: restart.range.start.line, character: restart.range.start.character });
    assert.ok(editor);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.deepStrictEqual(
      [editor.selection.active.line, editor.selection.active.character],
      [restart.range.start.line, restart.range.start.character],
    );
    assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One, 'in the manifest\'s editor, beside the panel');
  });
});
