'use strict';
// Mocha entry point loaded by VS Code's extension host (extensionTestsPath).
// Same contract as @vscode/test-electron: run() resolves when all tests pass.
// mocha: BILINT_MOCHA_PATH is set by test/vscode/harness.js (the project's
// node_modules/mocha); the plain 'mocha' fallback resolves from this folder too.
const path = require('path');
const Mocha = require(process.env.BILINT_MOCHA_PATH || 'mocha');

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'selftest.test.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}

module.exports = { run };
