/**
 * Bilint for VS Code: activation. Registers the commands and the
 * markdown-it plugin at once, and loads the rest (language client, engine,
 * preview, status bar; parts.ts) right after activate() returns, so VS Code's
 * startup does not wait for it. A command run before that waits for it.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { bilintMarkdownIt } from './markdownIt';
import type { Parts } from './parts';

export { COMMANDS };

export interface BilintApi {
  extendMarkdownIt<T>(md: T): T;
  /** How long activate() took, in ms. */
  readonly activationMs: number;
  /** The language client, commands, preview and status bar, once loaded. */
  readonly parts: Promise<Parts>;
}

export function activate(context: vscode.ExtensionContext): BilintApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Bilint', { log: true });
  context.subscriptions.push(output);
  const parts = new Promise<Parts>((resolve, reject) => {
    setImmediate(() => {
      import('./parts.js').then((m) => resolve(m.startParts(context, output)), reject);
    });
  });
  parts.catch((err: Error) => output.error(`Bilint failed to load: ${err.stack ?? err.message}`));
  for (const id of COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => (await parts).commands[id](...args)));
  }
  const activationMs = performance.now() - started;
  output.info(`Bilint activated in ${activationMs.toFixed(1)} ms.`);
  return { extendMarkdownIt: bilintMarkdownIt, activationMs, parts };
}

export function deactivate(): void {
  // Disposables registered on the context stop the server and close the previews.
}
