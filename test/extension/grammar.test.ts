/**
 * The TextMate injection grammar, tokenized the way VS Code does it: with
 * VS Code's own vscode-textmate, oniguruma and Markdown grammar, taken from
 * the code-server install the VS Code harness makes (skipped without it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';

const VSCODE = path.join(
  process.env.BILINT_HARNESS_CACHE || path.join(os.homedir(), '.cache', 'bilint', 'code-server-4.100.3'),
  'node_modules',
  'code-server',
  'lib',
  'vscode',
);
const ROOT = path.join(__dirname, '..', '..', '..');
const missing = fs.existsSync(path.join(VSCODE, 'node_modules', 'vscode-textmate'))
  ? false
  : 'VS Code’s vscode-textmate is not installed (bash scripts/install-vscode-harness.sh)';

interface Grammar {
  tokenizeLine(line: string, stack: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}

describe('TextMate injection grammar', { skip: missing }, () => {
  let grammar: Grammar;
  let initial: unknown;

  before(async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const tm = require(path.join(VSCODE, 'node_modules', 'vscode-textmate'));
    const onig = require(path.join(VSCODE, 'node_modules', 'vscode-oniguruma'));
    /* eslint-enable @typescript-eslint/no-require-imports */
    await onig.loadWASM(fs.readFileSync(path.join(VSCODE, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
    const files: Record<string, string> = {
      'text.html.markdown': path.join(VSCODE, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
      'text.html.basic': path.join(VSCODE, 'extensions', 'html', 'syntaxes', 'html.tmLanguage.json'),
      'bilint.markdown.injection': path.join(ROOT, 'syntaxes', 'bilint.injection.tmLanguage.json'),
    };
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
        createOnigString: (s: string) => new onig.OnigString(s),
      }),
      loadGrammar: async (scope: string) => (files[scope] ? tm.parseRawGrammar(fs.readFileSync(files[scope], 'utf8'), files[scope]) : null),
      getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['bilint.markdown.injection'] : []),
    });
    grammar = await registry.loadGrammar('text.html.markdown');
    initial = tm.INITIAL;
  });

  /** The scopes of the token that covers `text` on the given line of `lines`. */
  function scopesOf(lines: string[], lineIndex: number, text: string): string[] {
    let stack = initial;
    for (let i = 0; i < lines.length; i++) {
      const r = grammar.tokenizeLine(lines[i], stack);
      stack = r.ruleStack;
      if (i !== lineIndex) continue;
      const at = lines[i].indexOf(text);
      assert.ok(at >= 0, `${text} on line ${i}`);
      const token = r.tokens.find((t) => t.startIndex <= at && t.endIndex > at)!;
      assert.equal(
        lines[i].slice(token.startIndex, token.endIndex),
        text,
        `one token for ${text}: ${JSON.stringify(r.tokens.map((t) => lines[i].slice(t.startIndex, t.endIndex)))}`,
      );
      return token.scopes;
    }
    throw new Error('line not found');
  }

  it('scopes a glossed term and its gloss', () => {
    const lines = ['提到了**分析机**（Analytical Engine: 机械计算机）很早。'];
    assert.ok(scopesOf(lines, 0, '分析机').includes('entity.name.term.bilint'));
    assert.ok(scopesOf(lines, 0, 'Analytical Engine: 机械计算机').includes('string.other.gloss.bilint'));
  });

  it('scopes speaker labels, inside or outside the bold', () => {
    assert.ok(scopesOf(['**Joe Weisenthal:** 欢迎收听。'], 0, 'Joe Weisenthal:').includes('entity.name.type.speaker.bilint'));
    assert.ok(scopesOf(['**主持人**：欢迎。'], 0, '主持人').includes('entity.name.type.speaker.bilint'));
  });

  it('scopes an English block, its summary and its text', () => {
    const lines = [
      '中文。',
      '<details>',
      '<summary>View/Hide Original English</summary>',
      '<p class="english-text">The English original.</p>',
      '</details>',
    ];
    assert.ok(scopesOf(lines, 3, 'The English original.').includes('markup.quote.english.bilint'));
    assert.ok(scopesOf(lines, 3, 'The English original.').includes('meta.english-block.bilint'));
    assert.ok(scopesOf(lines, 2, 'View/Hide Original English').includes('comment.block.summary.bilint'));
  });

  it('leaves code alone', () => {
    const scopes = scopesOf(['`**词**（gloss）`'], 0, '**词**（gloss）');
    assert.ok(!scopes.some((s) => s.endsWith('.bilint')), scopes.join(' '));
  });
});
