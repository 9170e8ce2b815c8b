/**
 * A real LSP client for the tests: starts the built server as a child
 * process and talks JSON-RPC to it over stdio through
 * vscode-languageserver-protocol, answering the requests a client answers
 * (configuration, capability registration, progress creation, applyEdit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  ApplyWorkspaceEditRequest,
  DiagnosticRefreshRequest,
  LogMessageNotification,
  ShowMessageNotification,
  DocumentDiagnosticRequest,
  WorkDoneProgress,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ClientCapabilities,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
  type FileEvent,
  type DocumentDiagnosticReport,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(REPO, 'bin', 'bilint-language-server.js');

export interface ClientOptions {
  /** Ask for pull diagnostics (as VS Code does) instead of push. */
  pull?: boolean;
  /** Let the server register file watchers (otherwise it watches by itself). */
  watch?: boolean;
  /** Answer workspace/configuration with these `bilint` settings. */
  settings?: Record<string, unknown>;
  /** Without workspace/configuration support: settings come as initializationOptions. */
  initializationOptions?: unknown;
  rootPath?: string;
  /** Extra command-line arguments, e.g. to start a bundled server instead. */
  serverPath?: string;
}

export function uriOf(p: string): string {
  return pathToFileURL(p).href;
}

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly child: ChildProcess;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly progress: { kind: string; message?: string; percentage?: number; title?: string }[] = [];
  readonly registrations: string[] = [];
  readonly refreshes: number[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly texts = new Map<string, TextDocument>();
  private waiters: (() => void)[] = [];
  /** When set, workspace/applyEdit requests are applied to the open texts. */
  appliedEdits: WorkspaceEdit[] = [];

  private constructor(private readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [options.serverPath ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.wake();
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.wake();
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => {
      this.logs.push(`[show] ${p.message}`);
      this.wake();
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'bilint' ? this.settings : null)));
    this.conn.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r.method);
      return null;
    });
    this.conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      this.conn.onProgress(WorkDoneProgress.type, p.token, (value) => {
        this.progress.push(value);
        this.wake();
      });
      return null;
    });
    this.conn.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(Date.now());
      this.wake();
      return null;
    });
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p.edit);
      for (const change of p.edit.documentChanges ?? []) {
        if ('textDocument' in change) this.applyLocal(change.textDocument.uri, change.edits as TextEdit[]);
      }
      this.wake();
      return { applied: true };
    });
    this.conn.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const client = new TestClient(options);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.initializationOptions === undefined,
        didChangeWatchedFiles: { dynamicRegistration: !!options.watch },
        workspaceFolders: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        diagnostics: options.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
      },
      window: { workDoneProgress: true },
    };
    const root = options.rootPath;
    client.initializeResult = await client.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: path.basename(root) }] : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await client.conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full change event). */
  async setText(uri: string, text: string): Promise<number> {
    const doc = this.doc(uri);
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.texts.set(uri, next);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }],
    });
    return next.version;
  }

  /** Applies edits locally and sends them as incremental changes. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.doc(uri);
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const version = doc.version + 1;
    this.texts.set(uri, TextDocument.create(uri, doc.languageId, version, TextDocument.applyEdits(doc, edits)));
    // Changes are applied in order by the server, so send them from the end backwards.
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async configurationChanged(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { bilint: settings } });
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  doc(uri: string): TextDocument {
    const d = this.texts.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  /** Waits for pushed diagnostics of `uri` (for `version`, when given) that satisfy `accept`. */
  async diagnostics(
    uri: string,
    opts: { version?: number; accept?: (d: Diagnostic[]) => boolean; timeout?: number } = {},
  ): Promise<Diagnostic[]> {
    let found: Diagnostic[] | undefined;
    await this.until(
      () => {
        const list = this.published.get(uri) ?? [];
        const last = list[list.length - 1];
        if (!last || (opts.version !== undefined && last.version !== opts.version)) return false;
        if (opts.accept && !opts.accept(last.diagnostics)) return false;
        found = last.diagnostics;
        return true;
      },
      opts.timeout ?? 5000,
      `diagnostics for ${uri}`,
      () => {
        const last = (this.published.get(uri) ?? []).at(-1);
        return last
          ? `last published (version ${last.version}): ${JSON.stringify(last.diagnostics.map((d) => [d.code, d.message]))}`
          : 'none published';
      },
    );
    return found!;
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  async until(check: () => boolean, timeout: number, what: string, detail?: () => string): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}; ${detail?.() ?? ''}; server log:\n${this.logs.slice(-10).join('\n')}\n${this.stderr}`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), delay(2000)]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone; killing below covers it
    }
    await Promise.race([exited, delay(2000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    this.conn.dispose();
  }

  private applyLocal(uri: string, edits: TextEdit[]): void {
    const doc = this.texts.get(uri);
    if (!doc) return;
    this.texts.set(uri, TextDocument.create(uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Applies a workspace edit's changes for `uri` to `text`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) return text;
  const edits: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) edits.push(...(c.edits as TextEdit[]));
  for (const e of edit.changes?.[uri] ?? []) edits.push(e);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}
