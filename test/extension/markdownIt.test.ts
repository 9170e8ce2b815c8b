/** The markdown-it plugin VS Code's Markdown preview runs: English blocks get their class, glosses their tooltip. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bilintMarkdownIt } from '../../client/src/markdownIt';
import { english } from '../lsp/fixtures';

// markdown-it ships no types; the shape used here is small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };

it('marks English blocks and glossed terms for VS Code’s Markdown preview', () => {
  const md = bilintMarkdownIt(new MarkdownIt({ html: true }));
  const html = md.render(
    ['这是**分析机**（Analytical Engine: 一种（早期）计算机）。**无释义**就这样。', english('The Analytical Engine.')].join('\n'),
  );
  assert.match(
    html,
    /这是<strong title="Analytical Engine: 一种（早期）计算机" class="bilint-gloss-term">分析机<\/strong><span class="bilint-gloss">（Analytical Engine: 一种（早期）计算机）<\/span>。<strong>无释义<\/strong>就这样。/,
  );
  assert.match(html, /<details class="bilint-english">\n<summary>View\/Hide Original English<\/summary>/);
  // Without a gloss or with an unclosed one, nothing changes.
  assert.equal(md.render('**词**（没有闭合'), '<p><strong>词</strong>（没有闭合</p>\n');
});
