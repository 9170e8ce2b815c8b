/**
 * Everything the extension does beyond registering itself: the language
 * client, the commands' work, the status bar, the preview. Loaded right
 * after activation (see extension.ts), so loading the language client and
 * the engine does not count against VS Code's startup.
 */
import * as vscode from 'vscode';
import { ServerController } from './client';
import { commandHandlers } from './commands';
import { PreviewManager } from './preview/panel';
import { CoverageStatus } from './statusBar';

export interface Parts {
  server: ServerController;
  previews: PreviewManager;
  status: CoverageStatus;
  commands: Record<string, (...args: unknown[]) => unknown>;
  /** Resolves when the language server is running. */
  serverReady: Promise<void>;
}

export function startParts(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Parts {
  const server = new ServerController(context, output);
  const previews = new PreviewManager(context.extensionUri, output);
  const status = new CoverageStatus();
  context.subscriptions.push(previews, status, { dispose: () => void server.dispose() });
  const serverReady = server.start().catch((err: Error) => {
    output.error(`The Bilint server did not start: ${err.stack ?? err.message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The Bilint server did not start; see "Bilint: Show Output".'));
  });
  return { server, previews, status, serverReady, commands: commandHandlers(server, previews, output) };
}
