/**
 * The bilingual preview's renderer, outside VS Code: rows and their source
 * lines, glosses as tooltips, problems in place, and nothing a post holds
 * surviving as script.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PostRenderer, type PreviewProblem } from '../../client/src/preview/render';
import { coverageOf } from '../../client/src/coverage';
import { english, frontMatter } from '../lsp/fixtures';

const LABELS = { noEnglish: 'No English block', noChinese: 'No Chinese paragraph' };

const BODY = [
  '### 标题',
  '',
  '**分析机**（Analytical Engine: 机械计算机）很早。',
  english('The Analytical Engine came early &amp; was <br>mechanical.'),
  '',
  '没有英文的段落。',
  '',
  '### 第二节',
  english('An English block with no Chinese before it.'),
].join('\n');

describe('bilingual preview renderer', () => {
  const renderer = new PostRenderer();
  before(() => renderer.ready());

  it('renders one row per pair with its source lines, headings across, gaps marked', () => {
    const text = frontMatter() + BODY;
    const fmLines = frontMatter().split('\n').length - 1;
    const r = renderer.render(text, [], LABELS);
    assert.deepEqual([r.rows, r.pairs, r.unpaired, r.orphans], [5, 1, 1, 1]);
    const rows = [...r.html.matchAll(/<tr class="row ([^"]+)" data-line="(\d+)" data-end="(\d+)">/g)].map((m) => [
      m[1],
      Number(m[2]) - fmLines,
      Number(m[3]) - fmLines,
    ]);
    assert.deepEqual(rows, [
      ['heading', 0, 0],
      ['pair', 2, 6],
      ['pair unpaired', 8, 8],
      ['heading', 10, 10],
      ['pair orphan', 11, 14],
    ]);
    assert.match(r.html, /<h3>标题<\/h3>/);
    assert.match(r.html, /<td class="en missing"><span class="marker">No English block<\/span><\/td>/);
    assert.match(r.html, /<td class="zh missing"><span class="marker">No Chinese paragraph<\/span>/);
    assert.match(r.html, /<h1>测试标题：分析机<\/h1><p class="meta">2024-05-01 · Test Channel · #early-computing · #history<\/p>/);
  });

  it('turns a gloss into the bold term’s tooltip', () => {
    const r = renderer.render(frontMatter() + BODY, [], LABELS);
    assert.match(
      r.html,
      /<strong title="Analytical Engine: 机械计算机" class="gloss-term">分析机<\/strong><span class="gloss">（Analytical Engine: 机械计算机）<\/span>很早。/,
    );
  });

  it('shows the English as text: entities read, line breaks kept, tags dropped', () => {
    const r = renderer.render(frontMatter() + BODY, [], LABELS);
    assert.match(r.html, /The Analytical Engine came early &amp; was <br>mechanical\./);
    const tricky = renderer.render(
      frontMatter() + '中文。\n' + english('&lt;script&gt;alert(1)&lt;/script&gt; <b onclick="x()">bold</b>'),
      [],
      LABELS,
    );
    assert.match(tricky.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; bold/);
    assert.doesNotMatch(tricky.html, /onclick|<b /);
  });

  it('puts problems in the row of their line, front matter problems in the header', () => {
    const text = frontMatter() + BODY;
    const fmLines = frontMatter().split('\n').length - 1;
    const problems: PreviewProblem[] = [
      { line: 1, endLine: 1, message: 'front <matter>', severity: 'error', code: 'front-matter/schema' },
      { line: fmLines + 8, endLine: fmLines + 8, message: 'no English', severity: 'warning', code: 'pair/missing-english' },
    ];
    const r = renderer.render(text, problems, LABELS);
    assert.match(
      r.html,
      /<header[^>]*>.*<li class="problem error" data-line="1" title="front-matter\/schema">front &lt;matter&gt;<\/li>.*<\/header>/,
    );
    assert.match(
      r.html,
      /<tr class="row pair unpaired"[^>]*><td class="zh"[^>]*><p>没有英文的段落。<\/p><ul class="problems"><li class="problem warning"/,
    );
  });

  it('lets nothing in a post run as script', () => {
    const evil = [
      '<script>alert(1)</script>',
      '',
      '段落<img src=x onerror="alert(1)"> [链接](javascript:alert(1)) <iframe src="https://example.com"></iframe>',
      english('<script>alert(2)</script>'),
      '',
      '<style>body{display:none}</style>',
      '',
      '[ok](https://example.com "t") <a href="javascript:alert(3)">a</a>',
    ].join('\n');
    const r = renderer.render(frontMatter() + evil, [], LABELS);
    assert.doesNotMatch(r.html, /<script|onerror|javascript:|<iframe|<style|<img/i);
    assert.match(r.html, /<a href="https:\/\/example\.com" title="t">ok<\/a>/);
  });

  it('re-renders only what changed (fragments cached by source)', () => {
    const text = frontMatter() + BODY;
    const first = renderer.render(text, [], LABELS).html;
    const again = renderer.render(text.replace('很早', '很早很早'), [], LABELS).html;
    assert.notEqual(first, again);
    assert.match(again, /很早很早/);
  });

  it('counts coverage: Chinese paragraphs with their English / all', () => {
    assert.deepEqual(coverageOf(frontMatter() + BODY), { paired: 1, total: 2 });
    assert.deepEqual(coverageOf(''), { paired: 0, total: 0 });
  });
});
