/**
 * The language server: LSP wiring only. Linting, queries and edits live in
 * the engine and in the small modules next to this one; this file decides
 * what the client can do (pull or push diagnostics, file watching, progress)
 * and connects requests to them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PostDocument } from '../engine/model/document';
import { summarizePost } from '../engine/summary';
import { CONFIG_NAMES } from '../node/configLoader';
import { codeActions, fixAllEdits, FIX_ALL_KIND } from './codeActions';
import { completionAt } from './completion';
import { ConfigService } from './configService';
import { SOURCE } from './convert';
import { DocumentLinter, LintScheduler, type Linted } from './documentLinter';
import { watchFolders, type FileChange } from './fileWatcher';
import { describeError, guardNotification, guardRequest, type Logger } from './guard';
import { hoverAt, type QueryContext } from './hover';
import { documentSymbols, foldingRanges } from './outline';
import { isPostPath, rootsOf, uriToPath } from './paths';
import { ConfigProblemPublisher } from './configProblems';
import { SettingsStore } from './settingsStore';
import { WorkspaceIndex } from './workspaceIndex';

export const APPLY_FIX_ALL_COMMAND = 'bilint.server.applyFixAll';
export const STATUS_REQUEST = 'bilint/status';

export interface ServerStatus {
  indexedPosts: number;
  indexing: boolean;
  lastIndex?: { posts: number; ms: number };
  /** The engine's time on the most recent lint (parse, rules), without the protocol around it. */
  lastLintMs?: number;
  rssBytes: number;
  heapUsedBytes: number;
  diagnosticsMode: 'pull' | 'push';
}

export class BilintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly log: Logger;
  private readonly configs = new ConfigService(() => this.roots);
  private readonly index: WorkspaceIndex;
  private settings!: SettingsStore;
  private linter!: DocumentLinter;
  private readonly scheduler: LintScheduler;
  private roots: string[] = [];
  private caps = { pull: false, refresh: false, watch: false, folders: false };
  private indexing: Promise<void> | undefined;
  private lastIndex: ServerStatus['lastIndex'];
  private othersTimer: NodeJS.Timeout | undefined;
  private fallbackWatcher: { dispose(): void } | undefined;
  private readonly configProblems: ConfigProblemPublisher;

  constructor(private readonly connection: Connection) {
    this.log = {
      error: (m) => connection.console.error(m),
      warn: (m) => connection.console.warn(m),
      info: (m) => connection.console.info(m),
    };
    this.index = new WorkspaceIndex((text, filePath) => {
      const loaded = this.configs.forPath(filePath, this.settings.now());
      if (loaded.isIgnored(filePath)) return undefined;
      return summarizePost(new PostDocument(text), loaded.config);
    });
    this.configProblems = new ConfigProblemPublisher(connection, this.configs, this.log);
    this.scheduler = new LintScheduler(
      (uri) => void this.push(uri),
      (uri) => this.settings.now(uri).lintDelay,
    );
  }

  listen(): void {
    const c = this.connection;
    const log = this.log;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(guardNotification(log, 'initialized', () => this.initialized()));
    c.onDidChangeConfiguration(guardNotification(log, 'didChangeConfiguration', (p) => this.configurationChanged(p.settings)));
    c.onDidChangeWatchedFiles(
      guardNotification(log, 'didChangeWatchedFiles', (p) =>
        this.filesChanged(p.changes.flatMap((ch) => (uriToPath(ch.uri) ? [{ path: uriToPath(ch.uri)!, type: ch.type }] : []))),
      ),
    );
    this.documents.onDidChangeContent(guardNotification(log, 'didChange', (e) => this.changed(e.document)));
    this.documents.onDidSave(guardNotification(log, 'didSave', (e) => this.saved(e.document)));
    this.documents.onDidClose(guardNotification(log, 'didClose', (e) => this.closed(e.document)));

    c.languages.diagnostics.on(
      guardRequest(log, 'textDocument/diagnostic', async (p) => {
        const doc = this.documents.get(p.textDocument.uri);
        if (!doc || !isPost(doc)) return { kind: 'full' as const, items: [] };
        const linted = this.pinnedOrLinted(doc, await this.linter.lint(doc));
        this.configProblems.publish();
        if (p.previousResultId === linted.key) return { kind: 'unchanged' as const, resultId: linted.key };
        return { kind: 'full' as const, resultId: linted.key, items: linted.diagnostics };
      }),
    );
    c.onCodeAction(
      guardRequest(log, 'textDocument/codeAction', async (p) => {
        const linted = await this.lintedFor(p.textDocument.uri);
        if (!linted) return [];
        return codeActions({ ...this.actionContext(linted) }, p);
      }),
    );
    c.onHover(guardRequest(log, 'textDocument/hover', async (p) => this.query(p.textDocument.uri, p.position, hoverAt)));
    c.onCompletion(
      guardRequest(log, 'textDocument/completion', async (p) => (await this.query(p.textDocument.uri, p.position, completionAt)) ?? []),
    );
    c.onDocumentSymbol(
      guardRequest(log, 'textDocument/documentSymbol', async (p) =>
        documentSymbols((await this.lintedFor(p.textDocument.uri))?.doc ?? EMPTY),
      ),
    );
    c.onFoldingRanges(
      guardRequest(log, 'textDocument/foldingRange', async (p) => foldingRanges((await this.lintedFor(p.textDocument.uri))?.doc ?? EMPTY)),
    );
    c.onExecuteCommand(
      guardRequest(log, 'workspace/executeCommand', async (p) => {
        if (p.command !== APPLY_FIX_ALL_COMMAND) throw new Error(`unknown command ${p.command}`);
        const arg = (p.arguments?.[0] ?? {}) as { uri?: string };
        const linted = arg.uri ? await this.lintedFor(arg.uri) : undefined;
        if (!linted) return { applied: false, edits: 0 };
        const edits = fixAllEdits(this.actionContext(linted));
        if (!edits.length) return { applied: true, edits: 0 };
        const r = await c.workspace.applyEdit({
          label: 'Fix all Bilint problems',
          edit: { documentChanges: [{ textDocument: { uri: linted.uri, version: linted.version }, edits }] },
        });
        return { applied: r.applied, edits: edits.length };
      }),
    );
    c.onRequest(
      STATUS_REQUEST,
      guardRequest(log, STATUS_REQUEST, async () => this.status()),
    );
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const cap = params.capabilities;
    this.caps = {
      pull: !!cap.textDocument?.diagnostic,
      refresh: !!cap.workspace?.diagnostics?.refreshSupport,
      watch: !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      folders: !!cap.workspace?.workspaceFolders,
    };
    this.roots = rootsOf(params);
    this.settings = new SettingsStore(this.connection, !!cap.workspace?.configuration);
    this.settings.setGlobal(params.initializationOptions ?? {});
    this.linter = new DocumentLinter({
      configs: this.configs,
      index: this.index,
      settings: this.settings,
      summarize: summarizePost,
      onIndexChanged: () => this.othersChanged(),
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: this.caps.pull ? { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', '-', ' '] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bilint-language-server', version: VERSION },
    };
  }

  private async initialized(): Promise<void> {
    if (this.caps.watch) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{md,markdown}' },
          { globPattern: '**/bilint.config.{json,jsonc,yaml,yml}' },
          { globPattern: '**/*.schema.json' },
        ],
      });
    } else if (this.roots.length) {
      this.fallbackWatcher = watchFolders(this.roots, (changes) => void this.filesChanged(changes), this.log);
    }
    if (this.caps.folders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        this.roots = [...this.roots.filter((r) => !removed.has(r)), ...e.added.flatMap((f) => uriToPath(f.uri) ?? [])];
        void this.reindex();
      });
    }
    this.connection.onShutdown(() => this.fallbackWatcher?.dispose());
    await this.reindex();
  }

  /** Reads every post of the workspace in the background, reporting progress. */
  private reindex(): Promise<void> {
    const run = async () => {
      if (!(await this.settings.get()).workspaceIndex || this.roots.length === 0) return;
      const progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('Bilint', 0, 'Indexing posts…', false);
      const started = performance.now();
      const posts = await this.index.scan(this.roots, (done, total) =>
        progress.report(Math.floor((done / total) * 100), `Indexing posts: ${done}/${total}`),
      );
      progress.done();
      if (posts < 0) return; // a newer scan took over
      this.lastIndex = { posts, ms: Math.round(performance.now() - started) };
      this.log.info(`Indexed ${posts} posts in ${this.lastIndex.ms} ms.`);
      this.refreshAll();
    };
    const p = run().catch((err) => this.log.error(`Indexing failed: ${describeError(err)}`));
    this.indexing = p.finally(() => {
      if (this.indexing === p) this.indexing = undefined;
    });
    return this.indexing;
  }

  private configurationChanged(raw: unknown): void {
    const wasIndexing = this.settings.now().workspaceIndex;
    this.settings.reset(raw && typeof raw === 'object' ? raw : undefined);
    this.refreshAll();
    void this.settings.get().then((s) => {
      if (s.workspaceIndex && (!wasIndexing || !this.lastIndex)) void this.reindex();
    });
  }

  private async filesChanged(changes: FileChange[]): Promise<void> {
    let configChanged = false;
    for (const ch of changes) {
      const base = path.basename(ch.path);
      if (CONFIG_NAMES.includes(base) || base.endsWith('.schema.json')) configChanged = true;
    }
    if (configChanged) {
      this.configs.clear();
      // Read each changed config file at once, so a broken one is reported even with no post open.
      for (const ch of changes) {
        if (CONFIG_NAMES.includes(path.basename(ch.path)) && ch.type !== FileChangeType.Deleted) {
          this.configs.forPath(path.join(path.dirname(ch.path), '__bilint_probe__.md'), this.settings.now());
        }
      }
      this.configProblems.publish();
      this.refreshAll();
      void this.reindex(); // ignores, entity fields and the schema shape the summaries
      return;
    }
    const before = this.index.generation;
    for (const ch of changes) {
      if (!isPostPath(ch.path)) continue;
      if (ch.type === FileChangeType.Deleted) this.index.remove(ch.path);
      else if (!this.isOpen(ch.path)) await this.index.refreshFromDisk(ch.path);
    }
    if (this.index.generation !== before) this.refreshAll();
  }

  private changed(doc: TextDocument): void {
    if (!isPost(doc)) return;
    if (this.caps.pull) return; // the client pulls
    if (this.settings.now(doc.uri).run === 'onSave' && this.linter.cached(doc.uri)) return;
    this.scheduler.changed(doc.uri);
  }

  private saved(doc: TextDocument): void {
    if (!isPost(doc) || this.settings.now(doc.uri).run !== 'onSave') return;
    this.pinned.delete(doc.uri);
    if (this.caps.pull) this.refreshAll();
    else this.scheduler.changed(doc.uri);
  }

  private closed(doc: TextDocument): void {
    this.scheduler.cancel(doc.uri);
    this.linter.forget(doc.uri);
    this.pinned.delete(doc.uri);
    this.settings.forget(doc.uri);
    if (!this.caps.pull) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    const filePath = uriToPath(doc.uri);
    if (filePath) {
      this.index.closeOpen(filePath);
      void this.index.refreshFromDisk(filePath);
    }
  }

  /** Lints and publishes one document (push mode). */
  private async push(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    try {
      const linted = this.pinnedOrLinted(doc, await this.linter.lint(doc));
      if (this.documents.get(uri)?.version !== doc.version) return; // a newer version is on its way
      await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: linted.diagnostics });
      this.configProblems.publish();
    } catch (err) {
      this.log.error(`Linting ${uri} failed: ${describeError(err)}`);
    }
  }

  /** With `run: onSave`, diagnostics stay those of the last saved (or opened) version. */
  private readonly pinned = new Map<string, Linted>();
  private pinnedOrLinted(doc: TextDocument, linted: Linted): Linted {
    if (linted.settings.run !== 'onSave') return linted;
    const pinned = this.pinned.get(doc.uri);
    if (pinned) return pinned;
    this.pinned.set(doc.uri, linted);
    return linted;
  }

  /** Config, settings or other posts changed: every open post's diagnostics may differ. */
  private refreshAll(): void {
    if (this.caps.pull) {
      if (this.caps.refresh) void this.connection.languages.diagnostics.refresh();
    } else {
      for (const doc of this.documents.all()) if (isPost(doc)) void this.push(doc.uri);
    }
  }

  /** An open post's glosses, entities or tags changed: open posts are checked again. */
  private othersChanged(): void {
    if (this.othersTimer) clearTimeout(this.othersTimer);
    this.othersTimer = setTimeout(() => {
      this.othersTimer = undefined;
      this.refreshAll();
    }, 100);
  }

  private async lintedFor(uri: string): Promise<Linted | undefined> {
    const doc = this.documents.get(uri);
    return doc ? this.linter.lint(doc) : undefined;
  }

  private async query<R>(
    uri: string,
    position: { line: number; character: number },
    fn: (ctx: QueryContext, offset: number) => R,
  ): Promise<R | null> {
    const linted = await this.lintedFor(uri);
    if (!linted) return null;
    const offset = linted.doc.src.offsetAt(position);
    return fn(
      { doc: linted.doc, config: linted.config, index: linted.settings.workspaceIndex ? this.index : undefined, filePath: linted.filePath },
      offset,
    );
  }

  private actionContext(linted: Linted) {
    return {
      uri: linted.uri,
      version: linted.version,
      doc: linted.doc,
      findings: linted.findings,
      fixedText: (only?: ReadonlySet<string>) => this.linter.fixedText(linted, only),
    };
  }

  private isOpen(filePath: string): boolean {
    return this.documents.all().some((d) => uriToPath(d.uri) === filePath);
  }

  private status(): ServerStatus {
    const mem = process.memoryUsage();
    return {
      indexedPosts: this.index.size,
      indexing: !!this.indexing,
      lastIndex: this.lastIndex,
      lastLintMs: this.linter.lastLintMs,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      diagnosticsMode: this.caps.pull ? 'pull' : 'push',
    };
  }
}

const EMPTY = new PostDocument('');
export const VERSION = readVersion();

function isPost(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || isPostPath(doc.uri.split(/[?#]/)[0]);
}

function readVersion(): string {
  for (const rel of ['../../../../package.json', '../package.json']) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(__dirname, rel), 'utf8')) as { version: string }).version;
    } catch {
      // try the next layout (compiled: out/server/src/lsp, bundled: dist)
    }
  }
  return '0.0.0';
}
