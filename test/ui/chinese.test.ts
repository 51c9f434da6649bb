// The preview in Simplified Chinese, as a person whose VS Code shows zh-cn sees it: the page carries the
// extension's zh-cn l10n bundle (as previewWebview.ts puts `vscode.l10n.bundle` into it) and every label of the
// scenario bar, the chart, kubectl at t, the footprint and the error state reads in Chinese, while what kubectl
// prints stays as kubectl prints it. Screenshots go to $UI_SCREENSHOTS (default <tmp>/k8s-dryrun-ui-screenshots);
// Chinese text needs a CJK font (Debian: fonts-wqy-microhei).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Timeline } from '../../server/src/protocol/timeline';
import { l10nBundle, REPO_ROOT } from './harness';
import { send, WebviewPages } from './webviewPages';

declare const window: { __csp: string[]; scrollTo(x: number, y: number): void };

const SHOTS = process.env.UI_SCREENSHOTS || path.join(os.tmpdir(), 'k8s-dryrun-ui-screenshots');
const SOURCE = 'file:///home/dev/examples/pi-job-backoff.yaml';

let pages: WebviewPages;

function simulate(manifest: string, scenario?: string): Timeline {
  const args = ['dist/cli.js', 'simulate', `examples/${manifest}`, ...(scenario ? ['--scenario', `examples/${scenario}`] : []), '--format', 'json'];
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Timeline;
}

const SCENARIO = {
  choices: [
    // the host words its built-in choice in the display language (previewPanel.ts, choiceInLanguage)
    { id: 'default', label: l10nBundle('zh-cn')['default pods'] },
    { id: 'pi-job-backoff.scenario.yaml', label: 'pi-job-backoff.scenario.yaml', uri: 'file:///home/dev/examples/pi-job-backoff.scenario.yaml' },
  ],
  selected: 'pi-job-backoff.scenario.yaml',
  whatIf: {},
  summary: 'pods run 20s; attempts 1–2 fail with exit 1',
  kind: 'Job',
  indexed: false,
};

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();
const attr = async (page: Page, selector: string, name: string): Promise<string> => (await page.locator(selector).first().getAttribute(name)) ?? '';

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  pages = await WebviewPages.launch('zh-cn', { width: 1400, height: 900 });
});

after(async () => {
  await pages?.close();
  console.log(`screenshots: ${SHOTS}`);
});

describe('preview in Simplified Chinese (zh-cn bundle)', () => {
  it('a Job with back-off: every label of the page in Chinese, kubectl output as kubectl prints it', async () => {
    const page = await pages.open('vscode-dark', 1400, 'zh-cn');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-cn');
    // before the host's first message: the bar's own default choice
    assert.equal(await text(page, 'select#scenario-picker option'), '默认 Pod 行为');
    const rendered = await send<{ view: string }>(page, 'showTimeline', { timeline: simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), sourceUri: SOURCE, documentVersion: 1, scenario: SCENARIO }, 'timeline');
    assert.equal(rendered.view, 'timeline');

    // scenario bar
    assert.equal(await text(page, 'label.scenario-label'), '场景');
    assert.equal(await text(page, 'button.save-scenario'), '另存为场景…');
    assert.equal(await text(page, 'select#scenario-picker option[value="default"]'), '默认 Pod 行为');
    assert.equal(await text(page, 'summary.what-if-summary span'), '假设…');
    assert.equal(await attr(page, 'section.scenario-bar', 'aria-label'), '场景与假设控件');
    // the chart: header, legend, zoom, scrubber
    assert.match(await text(page, 'header.summary .subtitle'), /\d+ 个 Pod · 自 .+ 起模拟了 /);
    assert.match(await text(page, '.outcome-text'), /^Complete · CompletionsReached，于 \+\S+ — Reached expected number of succeeded pods$/);
    const legend = await page.locator('ul.legend li').allTextContents();
    assert.deepEqual(legend, ['等待中', '运行中，未就绪', '运行中，已就绪', '成功', '失败', '终止中', '回退']);
    assert.equal(await attr(page, 'button.zoom-in', 'title'), '放大（+）');
    assert.equal(await text(page, 'button.zoom-fit'), '全览');
    assert.equal(await attr(page, 'button.prev', 'aria-label'), '上一个变化');
    assert.match(await text(page, 'section.gantt-section .section-head h2'), /^Pod$/);
    assert.match(await text(page, 'p.zoom-hint'), /缩放/);
    // kubectl at t: our headings in Chinese, kubectl's own table as kubectl prints it
    assert.match(await text(page, 'h2.kubectl-heading'), / 时的 kubectl/);
    assert.deepEqual(await page.locator('section.kubectl h3').allTextContents(), ['job/pi 的状态', '状况', '截至目前的事件']);
    assert.deepEqual(await page.locator('table.conditions-at thead th').allTextContents(), ['类型', '状态', '原因', '消息', '距今']);
    assert.match(await text(page, 'pre.kubectl-table[data-command="kubectl get pods"]'), /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    // footprint, spec
    assert.equal(await text(page, 'section.footprint h2'), '资源占用');
    assert.deepEqual((await page.locator('dl.footprint-facts dt').allTextContents()).slice(0, 1), ['Pod 峰值']);
    assert.match(await text(page, 'details.effective-spec summary'), /^生效的 spec/);
    // no English sentence left in what the page shows (kubectl's tables and the manifest's own words aside)
    // (left out: kubectl's output, Kubernetes' condition and event messages, the server's notes and scenario summary)
    const shown = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { body: { cloneNode(deep: boolean): { querySelectorAll(s: string): Iterable<{ remove(): void }>; innerText: string; textContent: string } } } }).document;
      const copy = doc.body.cloneNode(true);
      for (const node of copy.querySelectorAll('pre, td.message, td.event-object, ul.notes, ul.pod-events, .scenario-summary, select')) node.remove();
      return copy.textContent;
    });
    const english = shown
      .replace(/ — [^✓✗]*/g, ' ')
      .split(/(?<=[.。:：])\s+|\n/)
      .filter((line) => /\b(the|of|and|pods?|runs?|at|to|is|no)\b [a-z]{2,}/i.test(line));
    assert.deepEqual(english, [], 'English sentences in the Chinese page');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    await shot(page, 'zh-cn-job-backoff-dark');
    await page.close();
  });

  it('the what-if form and the error state in Chinese', async () => {
    const page = await pages.open('vscode-light', 1100, 'zh-cn');
    await send(page, 'showTimeline', { timeline: simulate('pi-job-backoff.yaml', 'pi-job-backoff.scenario.yaml'), sourceUri: SOURCE, documentVersion: 1, scenario: SCENARIO }, 'timeline');
    await page.locator('summary.what-if-summary').click();
    assert.deepEqual(await page.locator('fieldset.what-if-group legend').allTextContents(), ['Pod', '失败', '控制平面']);
    await page.locator('#what-if-runSeconds').fill('abc');
    await page.locator('#what-if-runSeconds').press('Enter');
    assert.equal(await text(page, '#what-if-runSeconds-hint'), '“abc”不是数字');
    assert.equal(await text(page, 'p.what-if-status'), '有 1 个值需要修正，之后才会重新模拟。');
    await shot(page, 'zh-cn-what-if-light');

    const error = await send<{ view: string }>(
      page,
      'showError',
      { sourceUri: 'file:///home/dev/other.yaml', message: '', code: 'simulationError', documentVersion: 2, problems: [{ message: 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"', range: { start: { line: 11, character: 21 }, end: { line: 11, character: 27 } } }] },
      'error',
    );
    assert.equal(error.view, 'error');
    assert.equal(await text(page, '.error-title'), '以下问题导致无法模拟：');
    // the API server's message stays as kubectl prints it
    assert.match(await text(page, '.problem-message'), /Unsupported value: "Always"/);
    assert.equal(await attr(page, 'a.problem-location', 'title'), '在编辑器中显示第 12 行第 22 列');
    assert.equal(await text(page, 'section.preview-error button'), '重新运行');
    await page.close();
  });

  it('a CronJob and a DaemonSet rollout: the schedule lane, runs, nodes and steps in Chinese', async () => {
    const page = await pages.open('vscode-dark', 1400, 'zh-cn');
    await send(page, 'showTimeline', { timeline: simulate('hello-cronjob-forbid.yaml', 'hello-cronjob-forbid.scenario.yaml'), sourceUri: 'file:///home/dev/examples/hello-cronjob-forbid.yaml', documentVersion: 1 }, 'timeline');
    assert.equal(await text(page, '.lane-schedule .lane-name'), '调度计划');
    assert.match(await text(page, '.schedule-counts'), /^已创建 \d+ 次/);
    assert.equal(await text(page, 'section.gantt-section .section-head h2'), '运行记录');
    assert.match(await text(page, '.outcome-text'), /^\d+ 个 Job：/);
    await shot(page, 'zh-cn-cronjob-dark');
    await send(page, 'showTimeline', { timeline: simulate('fluentd-daemonset-rollout.yaml', 'fluentd-daemonset-rollout.scenario.yaml'), sourceUri: 'file:///home/dev/examples/fluentd-daemonset-rollout.yaml', documentVersion: 1 }, 'timeline');
    assert.equal(await text(page, 'section.gantt-section .section-head h2'), '节点');
    assert.ok((await page.locator('ul.legend li').allTextContents()).some((item) => item.endsWith('上线步骤')));
    assert.match(await text(page, '.outcome-text'), /就绪/);
    await shot(page, 'zh-cn-daemonset-dark');
    await page.close();
  });
});
