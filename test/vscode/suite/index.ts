/**
 * The mocha entry point VS Code's extension host loads (extensionTestsPath):
 * the contract @vscode/test-electron uses, so the same suite runs there and,
 * here, inside code-server through test/vscode/harness.js.
 */
import * as path from 'node:path';

export function run(): Promise<void> {
  // The harness names the mocha to use; otherwise the project's own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(process.env.BILINT_MOCHA_PATH || 'mocha') as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
