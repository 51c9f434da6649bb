// Test entry that VS Code loads in the extension host (extensionTestsPath): runs every *.test.js file next to
// it with mocha (tdd UI) and ends with a plain `vscode-tests: N passed, N failed` line for CI.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
        console.log(`vscode-tests: ${passes} passed, ${failed} failed`);
        if (failures > 0 || files.length === 0) reject(new Error(files.length === 0 ? 'no test files found' : `${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.log('vscode-tests: 0 passed, 1 failed');
      reject(err);
    }
  });
}
