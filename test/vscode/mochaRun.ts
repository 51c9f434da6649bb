// Runs every *.test.js file of a folder with mocha (tdd UI) inside the extension host, and ends with a plain
// `vscode-tests: N passed, N failed` line for CI. The suites' entries (suite/index.ts, zh-cn/index.ts) call it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function runMochaIn(dir: string, label = 'vscode-tests'): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
        console.log(`${label}: ${passes} passed, ${failed} failed`);
        if (failures > 0 || files.length === 0) reject(new Error(files.length === 0 ? 'no test files found' : `${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.log(`${label}: 0 passed, 1 failed`);
      reject(err);
    }
  });
}
