/**
 * The bilingual preview's webview panels, one per post: rendered by the
 * extension (PostRenderer, sanitized), shown under a strict
 * Content-Security-Policy (only our own stylesheet and one nonce'd script),
 * updated live, scrolled in step with the editor both ways, and a click on
 * a row moves the editor there.
 */
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PostRenderer, escapeHtml, type PreviewProblem } from './render';

export interface PreviewState {
  rows: number;
  pairs: number;
  unpaired: number;
  glosses: number;
}

const VIEW_TYPE = 'bilint.preview';

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.panels.get(e.document.uri.toString())?.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.panels.get(uri.toString())?.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.panels.get(e.textEditor.document.uri.toString())?.editorScrolled(e)),
    );
  }

  async open(document: vscode.TextDocument, topLine: number): Promise<PreviewPanel> {
    const key = document.uri.toString();
    let panel = this.panels.get(key);
    if (panel) {
      panel.panel.reveal(vscode.ViewColumn.Beside, true);
      return panel;
    }
    panel = new PreviewPanel(document, this.extensionUri, this.log, () => this.panels.delete(key));
    this.panels.set(key, panel);
    await panel.show(topLine);
    return panel;
  }

  /** What the webview itself reported after its last update (for tests and the status of the page). */
  stateOf(uri: vscode.Uri): PreviewState | undefined {
    return this.panels.get(uri.toString())?.state;
  }

  get(uri: vscode.Uri): PreviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export class PreviewPanel {
  readonly panel: vscode.WebviewPanel;
  private readonly renderer = new PostRenderer();
  private timer: NodeJS.Timeout | undefined;
  /** Until when editor scroll events are ours (caused by the preview), in ms. */
  private editorDrivenUntil = 0;
  state: PreviewState | undefined;
  /** The source line at the top of the page after the last editor-driven scroll. */
  previewTopLine: number | undefined;
  lastHtml = '';
  private readonly stateWaiters: (() => void)[] = [];

  constructor(
    private readonly document: vscode.TextDocument,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Bilingual Preview: {0}', path.basename(document.uri.path)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [assets], retainContextWhenHidden: false },
    );
    this.panel.onDidDispose(() => {
      if (this.timer) clearTimeout(this.timer);
      onDispose();
    });
    this.panel.webview.onDidReceiveMessage((m: unknown) => this.handleMessage(m));
    this.assets = assets;
  }

  private readonly assets: vscode.Uri;

  async show(topLine: number): Promise<void> {
    await this.renderer.ready();
    const html = this.render();
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.assets, 'preview.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(this.assets, 'preview.js'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} https: data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    webview.html =
      `<!DOCTYPE html><html lang="zh"><head><meta charset="UTF-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1.0">` +
      `<link rel="stylesheet" href="${css.toString()}"><title>${escapeHtml(this.panel.title)}</title></head>` +
      `<body data-line="${topLine}"><div id="content">${html}</div><script nonce="${nonce}" src="${js.toString()}"></script></body></html>`;
  }

  /** Re-renders after the author pauses; longer posts wait a little longer. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = this.document.getText().length > 50_000 ? 250 : 100;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        void this.panel.webview.postMessage({ type: 'update', html: this.render() });
      } catch (err) {
        this.log.error(`Preview update failed: ${(err as Error).stack ?? String(err)}`);
      }
    }, delay);
  }

  editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!vscode.workspace.getConfiguration('bilint', this.document.uri).get<boolean>('preview.scrollSync', true)) return;
    if (Date.now() < this.editorDrivenUntil || e.visibleRanges.length === 0) return;
    void this.panel.webview.postMessage({ type: 'scrollTo', line: e.visibleRanges[0].start.line });
  }

  /** Resolves once what the page reported satisfies `check`. */
  async waitForState(check: (s: PreviewState, top: number | undefined) => boolean, timeoutMs = 10000): Promise<PreviewState> {
    const deadline = Date.now() + timeoutMs;
    while (!this.state || !check(this.state, this.previewTopLine)) {
      if (Date.now() > deadline)
        throw new Error(`preview state not reached; last: ${JSON.stringify(this.state)}, top line ${this.previewTopLine}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 100);
        this.stateWaiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.state;
  }

  private render(): string {
    const problems: PreviewProblem[] = vscode.languages
      .getDiagnostics(this.document.uri)
      .filter((d) => d.source === 'bilint')
      .map((d) => ({
        line: d.range.start.line,
        endLine: d.range.end.line,
        message: d.message,
        severity:
          d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
        code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
      }));
    const labels = { noEnglish: vscode.l10n.t('No English block'), noChinese: vscode.l10n.t('No Chinese paragraph') };
    this.lastHtml = this.renderer.render(this.document.getText(), problems, labels).html;
    return this.lastHtml;
  }

  /** A message from the page script (public so tests can play the page's part). */
  handleMessage(message: unknown): void {
    const m = message as { type?: string; line?: number } & Partial<PreviewState>;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'synced' && typeof m.line === 'number') {
      this.previewTopLine = m.line;
      for (const w of this.stateWaiters.splice(0)) w();
    } else if (m.type === 'rendered') {
      this.state = { rows: Number(m.rows), pairs: Number(m.pairs), unpaired: Number(m.unpaired), glosses: Number(m.glosses) };
      for (const w of this.stateWaiters.splice(0)) w();
    } else if ((m.type === 'scrolled' || m.type === 'reveal') && typeof m.line === 'number' && m.line >= 0) {
      void this.moveEditor(m.line, m.type === 'reveal');
    }
  }

  private async moveEditor(line: number, reveal: boolean): Promise<void> {
    const range = new vscode.Range(line, 0, line, 0);
    let editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
    // The editor moves because of the page: its scrolling is not echoed back to the page.
    this.editorDrivenUntil = Date.now() + 300;
    if (reveal) {
      editor = await vscode.window.showTextDocument(this.document, {
        viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One,
        selection: range,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
      return;
    }
    if (!editor || !vscode.workspace.getConfiguration('bilint', this.document.uri).get<boolean>('preview.scrollSync', true)) return;
    editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  }
}
