/**
 * The status bar item of a post: its translation coverage (paired Chinese
 * paragraphs / all) and its Bilint problem count; a click opens the
 * Problems view.
 */
import * as vscode from 'vscode';
import { coverageOf } from './coverage';

export class CoverageStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('bilint.coverage', vscode.StatusBarAlignment.Right, 100);
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = vscode.l10n.t('Bilint translation coverage');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilint.statusBar')) this.update();
      }),
    );
    this.update();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 300);
  }

  update(): void {
    this.timer = undefined;
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    if (
      !doc ||
      doc.languageId !== 'markdown' ||
      !vscode.workspace.getConfiguration('bilint', doc.uri).get<boolean>('statusBar.enable', true)
    ) {
      this.item.hide();
      return;
    }
    const { paired, total } = coverageOf(doc.getText());
    const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'bilint').length;
    const icon = problems ? '$(warning)' : '$(check)';
    this.item.text = `$(book) ${paired}/${total} ${icon} ${problems}`;
    this.item.tooltip = vscode.l10n.t(
      'Bilint: {0} of {1} Chinese paragraphs have their English; {2} problems. Click to open the Problems view.',
      paired,
      total,
      problems,
    );
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
