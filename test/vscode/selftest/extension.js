'use strict';
// Minimal extension for the harness self-test: activated by its command.
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('bilintSelftest.hello', () => 'hello from bilint self-test'));
}

function deactivate() {}

module.exports = { activate, deactivate };
