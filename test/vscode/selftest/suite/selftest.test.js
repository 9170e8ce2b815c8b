'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'bilint.bilint-harness-selftest';

describe('harness self-test (real VS Code extension host)', () => {
  it('runs in VS Code 1.100 (code-server 4.100.3), in the remote extension host', () => {
    assert.ok(vscode.version.startsWith('1.100'), `vscode.version is ${vscode.version}`);
    assert.ok(vscode.env.remoteName, 'vscode.env.remoteName should be set in code-server');
  });

  it('activates the extension under development through its command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const answer = await vscode.commands.executeCommand('bilintSelftest.hello');
    assert.strictEqual(answer, 'hello from bilint self-test');
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID).isActive, true);
  });

  it('opened the workspace folder given to the harness', () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1);
    assert.ok(fs.existsSync(path.join(folders[0].uri.fsPath, 'sample.md')));
  });

  it('gets a screenshot of the workbench on request', async function () {
    if (!process.env.BILINT_SCREENSHOT_DIR) this.skip();
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'sample.md'));
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 1500)); // let the editor paint
    const { requestScreenshot } = require(process.env.BILINT_HARNESS_PATH);
    const png = await requestScreenshot('selftest-editor');
    assert.ok(fs.statSync(png).size > 10000, `${png} looks empty`);
  });
});
