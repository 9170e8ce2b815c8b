/** The five commands: preview, fix all, insert an English block, restart the server, show its output. */
import * as vscode from 'vscode';
import { PostDocument } from '../../server/src/engine/model/document';
import type { ServerController } from './client';
import type { PreviewManager } from './preview/panel';

const DEFAULT_SUMMARY = 'View/Hide Original English';

/** What each command does, by command id (registered in extension.ts). */
export function commandHandlers(
  server: ServerController,
  previews: PreviewManager,
  output: vscode.LogOutputChannel,
): Record<string, (...args: unknown[]) => unknown> {
  const post = () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') return editor;
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown post first.'));
    return undefined;
  };
  return {
    'bilint.openPreview': async (uri?: unknown) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : post()?.document;
      if (!document) return undefined;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      return previews.open(document, editor?.visibleRanges[0]?.start.line ?? 0);
    },
    'bilint.fixAll': async () => {
      const editor = post();
      if (!editor || !server.client) return;
      await server.client.sendRequest('workspace/executeCommand', {
        command: 'bilint.server.applyFixAll',
        arguments: [{ uri: server.client.code2ProtocolConverter.asUri(editor.document.uri) }],
      });
    },
    'bilint.insertEnglishBlock': async () => {
      const editor = post();
      if (editor) await insertEnglishBlock(editor);
    },
    'bilint.restartServer': () => server.restart(),
    'bilint.showOutput': () => output.show(true),
  };
}

/** Inserts an English block skeleton after the paragraph at the cursor, with the cursor inside its `<p>`. */
async function insertEnglishBlock(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const doc = new PostDocument(document.getText());
  const block = doc.blockAt(document.offsetAt(editor.selection.active));
  if (block?.kind === 'paragraph' && block.english) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This paragraph already has an English block.'));
    return;
  }
  const line = block?.kind === 'paragraph' ? block.endLine : editor.selection.active.line;
  const summary = vscode.workspace.getConfiguration('bilint', document.uri).get<string>('summaryText') || DEFAULT_SUMMARY;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const next = line + 1 < document.lineCount ? document.lineAt(line + 1).text : '';
  const lines = ['', '<details>', `<summary>${escapeSnippet(summary)}</summary>`, '<p class="english-text">$0</p>', '</details>'];
  if (next.trim() !== '') lines.push('');
  const end = document.lineAt(line).range.end;
  await editor.insertSnippet(new vscode.SnippetString(lines.join(eol)), end);
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}
