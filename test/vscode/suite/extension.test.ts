/**
 * Bilint in a real VS Code: activation, diagnostics in the Problems view,
 * quick fixes, fix-all on save, the bilingual preview (rendered by the
 * webview itself, live, scroll sync, click-to-reveal), snippets, the status
 * bar, the commands, and VS Code's own Markdown preview with our plugin.
 * Workspace: test/vscode/suite/workspace, copied to a temp folder.
 */
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BilintApi } from '../../../client/src/extension';
import type { Parts } from '../../../client/src/parts';

const EXTENSION_ID = 'bilint.bilint';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const postUri = (name: string) => vscode.Uri.joinPath(folder(), 'posts', name);

async function screenshot(name: string): Promise<void> {
  if (!process.env.BILINT_SCREENSHOT_DIR || !process.env.BILINT_HARNESS_PATH) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const harness = require(process.env.BILINT_HARNESS_PATH) as { requestScreenshot(n: string): Promise<string> };
  console.log(`screenshot: ${await harness.requestScreenshot(name)}`);
}

async function until<T>(what: string, get: () => T | undefined | false, timeoutMs = 15000, detail?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bilintDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bilint');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('Bilint in VS Code', function () {
  this.timeout(60000);
  let api: BilintApi;
  let parts: Parts;

  before(async () => {
    const ext = vscode.extensions.getExtension<BilintApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    assert.equal(ext.isActive, false, 'not active before a Markdown file is opened');
    // What VS Code counts as activation: loading the main module, then activate().
    const main = path.join(ext.extensionPath, 'dist', 'extension.js');
    const loading = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(main);
    const loadMs = performance.now() - loading;
    api = await ext.activate();
    const total = loadMs + api.activationMs;
    console.log(`activation: loading ${loadMs.toFixed(1)} ms + activate() ${api.activationMs.toFixed(1)} ms = ${total.toFixed(1)} ms`);
    // activate() itself is bounded here; the loading time depends on how busy the machine is and is
    // reported (and measured on a quiet machine by npm run bench), not asserted.
    assert.ok(api.activationMs <= 50, `activate() took ${api.activationMs.toFixed(1)} ms`);
    if (total > 50) console.log(`note: activation above 50 ms on this run (load average ${os.loadavg()[0].toFixed(1)})`);
    parts = await api.parts;
    await parts.serverReady;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports problems in the Problems view with rule ids and doc links', async () => {
    const uri = postUri('defects.md');
    await vscode.window.showTextDocument(uri);
    const ds = await until('bilint diagnostics', () => {
      const d = bilintDiagnostics(uri);
      return d.some((x) => codeOf(x) === 'front-matter/schema') && d;
    });
    const schema = ds.find((d) => codeOf(d) === 'front-matter/schema')!;
    assert.deepEqual([schema.range.start.line, schema.range.start.character, schema.range.end.character], [1, 6, 21]);
    assert.match(String((schema.code as { target: vscode.Uri }).target), /docs\/rules\/front-matter\/schema\.md$/);
    assert.ok(
      ds.some((d) => codeOf(d) === 'pair/missing-english'),
      JSON.stringify(ds.map(codeOf)),
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('editor-diagnostics');
  });

  it('shows coverage and the problem count in the status bar', async () => {
    const uri = postUri('defects.md');
    const count = bilintDiagnostics(uri).length;
    const text = await until('status bar text', () => parts.status.item.text.includes(`$(warning) ${count}`) && parts.status.item.text);
    assert.equal(text, `$(book) 2/3 $(warning) ${count}`);
    assert.equal(parts.status.item.command, 'workbench.actions.view.problems');
  });

  it('applies a quick fix from the code action provider', async () => {
    const uri = postUri('defects.md');
    const d = bilintDiagnostics(uri).find((x) => codeOf(x) === 'front-matter/schema')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const quick = actions.find((a) => a.title === 'Fix this front-matter/schema problem');
    assert.ok(quick?.edit, titles.join(' | '));
    assert.ok(titles.includes('Disable front-matter/schema for this line'), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(quick.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.lineAt(1).text, 'area: finance-wealth');
    await until('the fixed finding to go away', () => !bilintDiagnostics(uri).some((x) => codeOf(x) === 'front-matter/schema'));
  });

  it('fixes the post on save with source.fixAll.bilint', async () => {
    const uri = postUri('defects.md');
    const editor = await vscode.window.showTextDocument(uri);
    // Set in the workspace's .vscode/settings.json before VS Code starts: a setting written by the test
    // itself may reach the save participants only after the save (it made this test fail once in CI).
    assert.deepEqual(vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get('codeActionsOnSave'), {
      'source.fixAll.bilint': 'explicit',
    });
    await editor.edit((e) => e.replace(new vscode.Range(1, 6, 1, 20), 'market-analysis'));
    assert.equal(editor.document.lineAt(1).text, 'area: market-analysis');
    await until('the finding to come back', () => bilintDiagnostics(uri).some((x) => codeOf(x) === 'front-matter/schema'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until(
      'the save to fix the post',
      () => editor.document.lineAt(1).text === 'area: finance-wealth' && !editor.document.isDirty,
      15000,
      () => `line 2 is "${editor.document.lineAt(1).text}", dirty: ${editor.document.isDirty}, version ${editor.document.version}`,
    );
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /\narea: finance-wealth\n/);
  });

  it('opens the bilingual preview, rendered by its webview, and updates it live', async () => {
    const uri = postUri('defects.md');
    const editor = await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('bilint.openPreview');
    const panel = await until('the preview panel', () => parts.previews.get(uri));
    const state = await panel.waitForState((s: { unpaired: number; pairs: number; rows: number }) => s.rows > 0);
    assert.deepEqual(state, { rows: 5, pairs: 2, unpaired: 1, glosses: 1 });
    assert.match(panel.lastHtml, /<td class="en missing">/);
    // A strict policy: nothing but our own stylesheet and our one nonce'd script.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.panel.webview.html)![1];
    assert.match(
      csp,
      /^default-src 'none'; img-src [^;]+ https: data:; style-src [^;]+; font-src [^;]+; script-src 'nonce-[A-Za-z0-9+/=]+'$/,
    );
    assert.doesNotMatch(csp, /unsafe/);
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('preview');
    // Live: give the unpaired paragraph its English.
    const line = editor.document.getText().split('\n').indexOf('这一段还没有英文。');
    editor.selection = new vscode.Selection(line, 2, line, 2);
    await vscode.commands.executeCommand('bilint.insertEnglishBlock');
    await editor.edit((e) => e.insert(editor.selection.active, 'This paragraph has no English yet.'));
    await panel.waitForState((s: { unpaired: number; pairs: number; rows: number }) => s.unpaired === 0 && s.pairs === 3);
    assert.equal(editor.document.lineAt(line + 3).text, '<p class="english-text">This paragraph has no English yet.</p>');
  });

  it('moves the editor when the preview scrolls or is clicked, and the preview with the editor', async () => {
    const uri = postUri('long.md');
    const editor = await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('bilint.openPreview');
    const panel = await until('the preview panel', () => parts.previews.get(uri));
    await panel.waitForState((s) => s.pairs === 64);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    // Editor → preview: the page reports the source line it scrolled to.
    editor.revealRange(new vscode.Range(300, 0, 300, 0), vscode.TextEditorRevealType.AtTop);
    await panel.waitForState((_s, top) => top !== undefined && Math.abs(top - 300) <= 6);
    // Preview → editor: the page reports a scroll; the editor follows.
    panel.handleMessage({ type: 'scrolled', line: 150 });
    await until(
      'the editor to follow the preview',
      () => Math.abs(editor.visibleRanges[0].start.line - 150) <= 5,
      15000,
      () =>
        `visible ${JSON.stringify(editor.visibleRanges)}, active ${vscode.window.activeTextEditor?.document.uri.path}, visible editors ${vscode.window.visibleTextEditors.length}`,
    );
    // A click on a row puts the cursor on its line.
    panel.handleMessage({ type: 'reveal', line: 42 });
    await until('the click to move the cursor', () => vscode.window.activeTextEditor?.selection.active.line === 42);
    await screenshot('preview-long');
  });

  it('expands the snippets', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Bilint: gloss' });
    assert.equal(doc.getText(), '**术语**（English Term: 中文解释）');
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Bilint: new post front matter' });
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(doc.getText().includes(`date: '${iso}'`), doc.getText());
    assert.ok(doc.getText().startsWith('---\narea: society-thinking\n'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('answers hover, completion, outline and folding through VS Code', async () => {
    const uri = postUri('defects.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('**分析机**再次'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Analytical Engine: 一种早期的机械计算机/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(
      symbols.some((s) => s.name === '第一节'),
      JSON.stringify(symbols.map((s) => s.name)),
    );
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(
      folds.some((f) => f.start === doc.getText().split('\n').indexOf('<details>')),
      JSON.stringify(folds),
    );
    const statusLine = doc.getText().split('\n').indexOf('status: evergreen');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(statusLine, 8),
    );
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'evergreen'));
    // Rule ids inside a disable comment, in an untitled post.
    const comment = '<!-- bilint-disable-next-line pair/mis';
    const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${comment}\n段落。\n` });
    const ids = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      scratch.uri,
      new vscode.Position(0, comment.length),
    );
    const labels = ids.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('pair/missing-english'), JSON.stringify(labels));
  });

  it('runs the commands: fix all, restart the server, show the output', async () => {
    const uri = postUri('other.md');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.replace(new vscode.Range(1, 6, 1, 22), 'tech-insights'));
    await until('the retired value to be reported', () => bilintDiagnostics(uri).some((x) => codeOf(x) === 'front-matter/schema'));
    await vscode.commands.executeCommand('bilint.fixAll');
    await until('fix all to fix it', () => editor.document.lineAt(1).text === 'area: tech-engineering');
    await vscode.commands.executeCommand('bilint.restartServer');
    await editor.edit((e) => e.replace(new vscode.Range(1, 6, 1, 22), 'tech-insights'));
    await until('diagnostics from the restarted server', () => bilintDiagnostics(uri).some((x) => codeOf(x) === 'front-matter/schema'));
    await vscode.commands.executeCommand('bilint.showOutput');
  });

  it('restarts the server when its process dies', async () => {
    const uri = postUri('other.md');
    const editor = await vscode.window.showTextDocument(uri);
    // The server is a child of this extension host.
    const children = execSync(`ps -o pid=,args= --ppid ${process.pid}`, { encoding: 'utf8' });
    const line = children.split('\n').find((l) => /server\.js/.test(l) && /--node-ipc/.test(l));
    assert.ok(line, children);
    const pid = Number(line.trim().split(/\s+/)[0]);
    process.kill(pid, 'SIGKILL');
    await until('a new server process', () => {
      const now = execSync(`ps -o pid=,args= --ppid ${process.pid}`, { encoding: 'utf8' });
      return now.split('\n').some((l) => /server\.js/.test(l) && Number(l.trim().split(/\s+/)[0]) !== pid);
    });
    await editor.edit((e) => e.replace(new vscode.Range(1, 6, 1, 22), 'tech-insights'));
    await until('diagnostics from the new server', () => bilintDiagnostics(uri).some((x) => codeOf(x) === 'front-matter/schema'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('gives VS Code’s Markdown preview the English blocks and glosses', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', fs.readFileSync(postUri('defects.md').fsPath, 'utf8'));
    assert.match(html, /<details class="bilint-english">/);
    assert.match(
      html,
      /<strong title="Analytical Engine: 一种早期的机械计算机" class="bilint-gloss-term">分析机<\/strong><span class="bilint-gloss">/,
    );
  });
});
