/**
 * Lint results for open documents: computed by the engine, cached per
 * (version, config, workspace, settings) so hover, code actions and a
 * pull after a push all reuse one lint; and the debounce for push mode.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, fix, type LintRequest } from '../bilint';
import type { PostDocument } from '../engine/model/document';
import type { ResolvedConfig } from '../engine/config';
import type { LintDiagnostic } from '../engine/types';
import type { PostSummary } from '../engine/workspace';
import type { ConfigService } from './configService';
import { toLspDiagnostic } from './convert';
import { uriToPath } from './paths';
import type { BilintSettings } from './settings';
import type { SettingsStore } from './settingsStore';
import type { WorkspaceIndex } from './workspaceIndex';

export interface Linted {
  uri: string;
  version: number;
  /** Changes whenever the result may differ: usable as a pull `resultId`. */
  key: string;
  doc: PostDocument;
  findings: LintDiagnostic[];
  diagnostics: Diagnostic[];
  config: ResolvedConfig;
  filePath?: string;
  settings: BilintSettings;
  request: LintRequest;
  /** Milliseconds the engine took. */
  ms: number;
}

export interface LinterDeps {
  configs: ConfigService;
  index: WorkspaceIndex;
  settings: SettingsStore;
  summarize(doc: PostDocument, config: ResolvedConfig): PostSummary;
  /** Another post's contribution to the workspace changed. */
  onIndexChanged(): void;
}

export class DocumentLinter {
  private readonly cache = new Map<string, Linted>();

  constructor(private readonly deps: LinterDeps) {}

  async lint(doc: TextDocument): Promise<Linted> {
    const settings = await this.deps.settings.get(doc.uri);
    return this.lintNow(doc, settings);
  }

  /** Lints with the settings at hand (no round trip); cached when nothing changed. */
  lintNow(doc: TextDocument, settings = this.deps.settings.now(doc.uri)): Linted {
    const { configs, index } = this.deps;
    const key = `${doc.version}:${configs.generation}:${index.generation}:${this.deps.settings.generation}`;
    const cached = this.cache.get(doc.uri);
    if (cached && cached.key === key) return cached;

    const filePath = uriToPath(doc.uri);
    const loaded = configs.forPath(filePath, settings);
    const ignored = !!filePath && loaded.isIgnored(filePath);
    const request: LintRequest = {
      config: loaded.config,
      filePath,
      workspace: settings.workspaceIndex ? index.knowledgeFor(filePath) : undefined,
    };
    const started = performance.now();
    const result = lint(doc.getText(), request);
    const ms = performance.now() - started;
    const findings = settings.enable && !ignored ? result.diagnostics : [];
    const linted: Linted = {
      uri: doc.uri,
      version: doc.version,
      key,
      doc: result.doc,
      findings,
      diagnostics: findings.map((d, i) => toLspDiagnostic(d, i, doc.version)),
      config: loaded.config,
      filePath,
      settings,
      request,
      ms,
    };
    // The open text, not the file on disk, is what other posts are checked against.
    if (filePath && settings.workspaceIndex && !ignored) {
      const before = index.generation;
      index.setOpen(filePath, this.deps.summarize(result.doc, loaded.config));
      if (index.generation !== before) {
        // This post's own lint does not depend on its own summary.
        linted.key = `${doc.version}:${configs.generation}:${index.generation}:${this.deps.settings.generation}`;
        this.deps.onIndexChanged();
      }
    }
    this.cache.set(doc.uri, linted);
    return linted;
  }

  cached(uri: string): Linted | undefined {
    return this.cache.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The text with every safe fix applied, linted the same way. */
  fixedText(linted: Linted, onlyRules?: ReadonlySet<string>): string {
    return fix(linted.doc.text, linted.request, onlyRules).text;
  }
}

/**
 * Debounce for pushed diagnostics: an edit after a quiet spell is linted
 * at once (the author sees the result of a single keystroke immediately);
 * edits in a burst are linted once the burst pauses for `delay` ms, and at
 * least every 4 × `delay` while it lasts.
 */
export class LintScheduler {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; since: number; wait: number }>();
  private readonly lastChange = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => void,
    private readonly delayFor: (uri: string) => number,
  ) {}

  changed(uri: string): void {
    const now = performance.now();
    const delay = this.delayFor(uri);
    const previous = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const pending = this.timers.get(uri);
    if (!pending && (previous === undefined || now - previous >= delay)) {
      this.arm(uri, 0, now);
      return;
    }
    if (pending?.wait === 0) return; // about to run, and it reads the latest text
    if (pending) clearTimeout(pending.timer);
    const since = pending?.since ?? now;
    this.arm(uri, Math.max(0, Math.min(delay, since + 4 * delay - now)), since);
  }

  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(uri);
    this.lastChange.delete(uri);
  }

  private arm(uri: string, wait: number, since: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri);
    }, wait);
    this.timers.set(uri, { timer, since, wait });
  }
}
