// Runs the test/vscode suites in a real VS Code through @vscode/test-electron's runTests().
// No Electron VS Code can be installed on our machines, so the "VS Code executable" handed to runTests() is
// test/vscode/code-shim.js, which runs the suites in code-server (VS Code 1.100.3 server + web workbench)
// driven by headless Chromium. Install both with: bash .ci/install-code-server.sh
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

// compiled to out/test/vscode/runTest.js
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const shimPath = path.join(repoRoot, 'test', 'vscode', 'code-shim.js');

interface Shim {
  findCodeServer(): string | undefined;
  findChromium(): string | undefined;
  CODE_SERVER_VERSION: string;
}

async function main(): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const shim = require(shimPath) as Shim;
  const missing: string[] = [];
  if (!shim.findCodeServer()) missing.push(`code-server ${shim.CODE_SERVER_VERSION}`);
  if (!shim.findChromium()) missing.push('chromium');
  if (missing.length > 0) {
    console.error(
      `test:vscode runs the tests in code-server and headless Chromium; not found: ${missing.join(', ')}.\n` +
        '  Install both (as root, on Debian; about a minute): bash .ci/install-code-server.sh\n' +
        '  or point CODE_SERVER_BIN (or CODE_SERVER_HOME) and CHROMIUM_BIN at existing installs.',
    );
    return 2;
  }
  // runTests() executes the shim directly: make sure a checkout without the executable bit still works
  try {
    fs.accessSync(shimPath, fs.constants.X_OK);
  } catch {
    fs.chmodSync(shimPath, 0o755);
  }

  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `npm run build` first (npm run test:vscode does).');
    return 2;
  }
  try {
    await runTests({
      vscodeExecutablePath: shimPath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [path.join(repoRoot, 'test', 'fixtures', 'vscode')],
    });
    return 0;
  } catch (err) {
    console.error(`VS Code tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
