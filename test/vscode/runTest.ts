// Runs the test/vscode suites in a real VS Code through @vscode/test-electron's runTests().
// No Electron VS Code can be installed on our machines, so the "VS Code executable" handed to runTests() is
// test/vscode/code-shim.js, which runs the suites in code-server (VS Code 1.100.3 server + web workbench)
// driven by headless Chromium. Install both with: bash .ci/install-code-server.sh
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { packVsix } from './vsix';

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
  let failed = 0;
  try {
    await runTests({
      vscodeExecutablePath: shimPath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [path.join(repoRoot, 'test', 'fixtures', 'vscode')],
    });
  } catch (err) {
    console.error(`VS Code tests failed: ${err instanceof Error ? err.message : String(err)}`);
    failed++;
  }
  // The same VS Code with its display language set to Simplified Chinese. VS Code honours `--locale` only when a
  // language pack for it is installed, and there is no gallery to fetch one from: a minimal language pack
  // (fixtures/language-pack-zh-cn: contributes.localizations for zh-cn, an empty translations file, so the
  // workbench's own strings stay English) is packed as a VSIX and installed by the shim before code-server
  // starts with `--locale zh-cn` (code-shim.js, installExtensions, says what else that takes).
  const vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-dryrun-language-pack-'));
  try {
    const languagePack = packVsix(path.join(repoRoot, 'test', 'vscode', 'fixtures', 'language-pack-zh-cn'), path.join(vsixDir, 'language-pack-zh-cn.vsix'));
    await runTests({
      vscodeExecutablePath: shimPath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'zh-cn', 'index.js'),
      launchArgs: [path.join(repoRoot, 'test', 'vscode', 'fixtures', 'zh-cn-workspace'), '--locale=zh-cn', `--install-extension=${languagePack}`],
    });
  } catch (err) {
    console.error(`VS Code tests in zh-cn failed: ${err instanceof Error ? err.message : String(err)}`);
    failed++;
  } finally {
    fs.rmSync(vsixDir, { recursive: true, force: true });
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
