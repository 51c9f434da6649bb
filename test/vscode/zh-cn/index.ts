// Test entry for the suites that run with VS Code's display language set to Simplified Chinese (runTest.ts
// starts VS Code with `--locale=zh-cn` and a language pack for it): every *.test.js file next to it.
import { runMochaIn } from '../mochaRun';

export function run(): Promise<void> {
  return runMochaIn(__dirname, 'vscode-tests (zh-cn)');
}
