// The extension in the real VS Code workbench (code-server + headless Chromium, see workbench/workbench.ts) with
// the display language set to Simplified Chinese (`--locale zh-cn` and the test language pack): the command is
// found in the palette by its Chinese title, a hover over a CronJob's schedule is in Chinese (the language
// server follows the locale VS Code sends in initialize), and the preview opens under a Chinese title with Chinese
// labels. Screenshots: $UI_SCREENSHOTS (default <tmp>/k8s-dryrun-ui-screenshots/workbench); DOCS_IMAGES=1 also
// writes hover-zh-cn.png and preview-zh-cn-workbench.png to docs/images/. Chinese text needs a CJK font
// (Debian: fonts-wqy-microhei).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, startWorkbench, VIEWPORT, type Workbench } from './workbench/workbench';

const SHOTS = process.env.UI_SCREENSHOTS || path.join(os.tmpdir(), 'k8s-dryrun-ui-screenshots', 'workbench');
const DOCS_IMAGES = process.env.DOCS_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images') : undefined;

/** A CronJob that runs every 5 minutes in office hours, Shanghai time: a schedule worth a hover. */
const OFFICE_HOURS = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/5 9-17 * * MON-FRI"
  timeZone: Asia/Shanghai
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      ttlSecondsAfterFinished: 600
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "date; echo report"]
`;

let wb: Workbench;

before(async () => {
  wb = await startWorkbench({ locale: 'zh-cn', files: { 'report-cronjob.yaml': OFFICE_HOURS } });
});

after(async () => {
  await wb?.close();
});

/** A PNG of the whole window as it is now (the hover stays: no layout step that moves the mouse). */
async function windowShot(name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await wb.page.screenshot({ path: file, clip: { x: 0, y: 0, ...VIEWPORT } });
  if (DOCS_IMAGES) fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
  return file;
}

describe('VS Code in Simplified Chinese (code-server workbench)', () => {
  it('a hover over the CronJob schedule describes it in Chinese', async () => {
    await wb.openFile('report-cronjob.yaml');
    const page = wb.page;
    // the schedule's text in the editor (Monaco draws each token in its own span)
    const token = page.locator('.editor-group-container.active .view-line span', { hasText: /MON-FRI/ }).last();
    await token.waitFor({ timeout: 20000 });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: '下次运行' });
    // the language server may still be starting, and the editor redraws its lines when the CodeLens arrives:
    // find the schedule again and hover it until the server's answer shows
    const deadline = Date.now() + 30000;
    for (;;) {
      await page.mouse.move(10, 10);
      const box = await token.boundingBox({ timeout: 2000 }).catch(() => null);
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        if (!box) throw new Error('the schedule is not on screen');
        await hover.first().waitFor({ state: 'visible', timeout: 3000 });
        break;
      } catch (err) {
        if (Date.now() > deadline) throw new Error('no Chinese hover over the schedule', { cause: err });
      }
    }
    const text = await hover.first().innerText();
    assert.match(text, /\*\/5 9-17 \* \* MON-FRI/);
    assert.match(text, /下次运行/);
    assert.match(text, /Asia\/Shanghai/);
    assert.doesNotMatch(text, /Next runs/);
    await page.waitForTimeout(300); // the hover fades in
    console.log(`screenshot: ${await windowShot('hover-zh-cn')}`);
  });

  it('the palette finds "Kubernetes: 预览上线过程"; the preview opens titled 预览：cronjob/report, in Chinese', async () => {
    await wb.page.mouse.move(24, VIEWPORT.height - 300);
    await wb.openFile('report-cronjob.yaml');
    await wb.runCommand('Kubernetes: 预览上线过程');
    await wb.waitForPreviewText('.gantt-section .section-head h2', '运行记录', 60000);
    await wb.page.locator('.tab', { hasText: '预览：cronjob/report' }).first().waitFor({ timeout: 20000 });
    assert.equal((await wb.previewFrame().locator('label.scenario-label').innerText()).trim(), '场景');
    assert.match(await wb.previewFrame().locator('.lane-schedule .lane-name').innerText(), /调度计划/);
    console.log(`screenshot: ${await wb.screenshot('preview-zh-cn-workbench')}`);
  });
});
