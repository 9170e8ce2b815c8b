/**
 * Lint results for open documents: computed by the engine, cached per
 * (version, config, workspace, settings) so hover, code actions and a
 * pull after a push all reuse one lint; and the debounce for push mode.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules, fix, type LintRequest } from '../bilint';
import { lintDocument } from '../engine/linter';
import { PostDocument } from '../engine/model/document';
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
  /** An open post's contribution to the workspace changed. */
  onIndexChanged(): void;
}

const SUMMARY_DELAY = 600;

export class DocumentLinter {
  private readonly cache = new Map<string, Linted>();
  private readonly summaryTimers = new Map<string, NodeJS.Timeout>();
  lastLintMs: number | undefined;

  constructor(private readonly deps: LinterDeps) {}

  async lint(doc: TextDocument): Promise<Linted> {
    const settings = await this.deps.settings.get(doc.uri);
    return this.lintNow(doc, settings);
  }

  /** Lints with the settings at hand (no round trip); cached when nothing changed. */
  lintNow(doc: TextDocument, settings = this.deps.settings.now(doc.uri)): Linted {
    const { configs, index } = this.deps;
    const keyOf = () => `${doc.version}:${configs.generation}:${index.generation}:${this.deps.settings.generation}`;
    const cached = this.cache.get(doc.uri);
    if (cached && cached.key === keyOf()) return cached;

    const filePath = uriToPath(doc.uri);
    const loaded = configs.forPath(filePath, settings);
    const ignored = !!filePath && loaded.isIgnored(filePath);
    const indexed = !!filePath && settings.workspaceIndex && !ignored;
    const started = performance.now();
    const post = new PostDocument(doc.getText());
    // The workspace sees an open post as the editor has it; from the first lint on.
    if (indexed && !index.hasOpen(filePath)) index.setOpen(filePath, this.deps.summarize(post, loaded.config));
    const request: LintRequest = { config: loaded.config, filePath, workspace: settings.workspaceIndex ? index.knowledge() : undefined };
    const all = lintDocument(post, { rules: builtinRules, ...request, config: loaded.config });
    const ms = performance.now() - started;
    this.lastLintMs = ms;
    const findings = settings.enable && !ignored ? all : [];
    const linted: Linted = {
      uri: doc.uri,
      version: doc.version,
      key: keyOf(),
      doc: post,
      findings,
      diagnostics: findings.map((d, i) => toLspDiagnostic(d, i, doc.version)),
      config: loaded.config,
      filePath,
      settings,
      request,
      ms,
    };
    this.cache.set(doc.uri, linted);
    if (indexed) this.updateSummaryLater(doc.uri, filePath);
    return linted;
  }

  /**
   * While the author types, the post's summary in the index follows after a
   * pause: a change of glosses or entities then re-checks the open posts
   * once, instead of rebuilding the cross-post tables on every keystroke.
   */
  private updateSummaryLater(uri: string, filePath: string): void {
    const pending = this.summaryTimers.get(uri);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.summaryTimers.delete(uri);
      const linted = this.cache.get(uri);
      if (!linted) return;
      const before = this.deps.index.generation;
      this.deps.index.setOpen(filePath, this.deps.summarize(linted.doc, linted.config));
      if (this.deps.index.generation !== before) this.deps.onIndexChanged();
    }, SUMMARY_DELAY);
    timer.unref?.();
    this.summaryTimers.set(uri, timer);
  }

  cached(uri: string): Linted | undefined {
    return this.cache.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    const pending = this.summaryTimers.get(uri);
    if (pending) clearTimeout(pending);
    this.summaryTimers.delete(uri);
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
  private readonly timers = new Map<string, { timer: NodeJS.Timeout | NodeJS.Immediate; since: number; wait: number }>();
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
    if (pending) clearTimeout(pending.timer as NodeJS.Timeout);
    const since = pending?.since ?? now;
    this.arm(uri, Math.max(0, Math.min(delay, since + 4 * delay - now)), since);
  }

  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) {
      if (pending.wait === 0) clearImmediate(pending.timer as NodeJS.Immediate);
      else clearTimeout(pending.timer as NodeJS.Timeout);
    }
    this.timers.delete(uri);
    this.lastChange.delete(uri);
  }

  private arm(uri: string, wait: number, since: number): void {
    const fire = () => {
      this.timers.delete(uri);
      this.run(uri);
    };
    // At once means after the messages already received (setImmediate), not a timer's 1 ms.
    const timer = wait === 0 ? setImmediate(fire) : setTimeout(fire, wait);
    this.timers.set(uri, { timer, since, wait });
  }
}
