// Test entry that VS Code loads in the extension host (extensionTestsPath): runs every *.test.js file next to
// it with mocha (tdd UI) and ends with a plain `vscode-tests: N passed, N failed` line for CI.
import { runMochaIn } from '../mochaRun';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
