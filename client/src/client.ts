/**
 * Starting the language server: the bundled server module over node IPC,
 * Markdown documents only, settings synchronized; restarted when it dies,
 * but not endlessly (5 times in 3 minutes at most).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/nodeArgs';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class ServerController implements vscode.Disposable {
  client: LanguageClient | undefined;
  private crashes: number[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  async start(): Promise<void> {
    const module = this.serverModule();
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      synchronize: { configurationSection: 'bilint' },
      outputChannel: this.output,
      diagnosticPullOptions: { onChange: true, onSave: true },
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
        closed: (): CloseHandlerResult => this.closed(),
      },
    };
    this.client = new LanguageClient('bilint', 'Bilint', serverOptions, clientOptions);
    await this.client.start();
  }

  async restart(): Promise<void> {
    this.crashes = [];
    if (this.client) {
      try {
        await this.client.stop(2000);
      } catch (err) {
        this.output.warn(`Stopping the server: ${(err as Error).message}`);
      }
      this.client = undefined;
    }
    await this.start();
    this.output.info('Bilint server restarted.');
  }

  /** The server's process died: restart it, unless it keeps dying. */
  private closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.warn(`The Bilint server stopped; restarting it (${this.crashes.length} of ${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart };
    }
    const message = vscode.l10n.t(
      'The Bilint server stopped {0} times in 3 minutes and will not be restarted. Use "Bilint: Restart Server" once the cause is fixed; the output has details.',
      MAX_RESTARTS,
    );
    return { action: CloseAction.DoNotRestart, message };
  }

  /** The bundled server (packaged extension), else the compiled one (development). */
  private serverModule(): string {
    const bundled = this.context.asAbsolutePath('dist/server.js');
    return fs.existsSync(bundled) ? bundled : this.context.asAbsolutePath('out/server/src/lsp/main.js');
  }

  async dispose(): Promise<void> {
    await this.client?.stop(2000).catch(() => undefined);
  }
}
