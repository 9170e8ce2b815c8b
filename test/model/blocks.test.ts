import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostDocument } from '../../server/src/engine/model/document';
import type { ParagraphBlock } from '../../server/src/engine/model/blocks';
import { post, en } from '../helpers';

function paragraphs(body: string): ParagraphBlock[] {
  return new PostDocument(post(body, 'title: t\n')).blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
}

test('a paragraph language ignores an opening speaker label', () => {
  const cases: [string, string][] = [
    ['**BOZOMA SAINT JOHN:** 哇。', 'zh'],
    ['Zach Hammond: 嗯。', 'zh'],
    ['- [Derek] 什么鬼？', 'zh'],
    ['Allen: 50！50！', 'zh'],
    ['这是Allen Pan。', 'zh'],
    ['[Music]', 'en'],
    ['Premise 1: Eating is necessary for survival.', 'en'],
    ['99.5。', 'zh'],
    ['2025 — 12', 'none'],
  ];
  for (const [text, lang] of cases) assert.equal(paragraphs(text)[0].lang, lang, text);
});

test('list items and quotes are paragraphs with their container', () => {
  const ps = paragraphs(['- 第一项', '- 第二项', '', '> 引用的话。', '', '1. 有序项'].join('\n'));
  assert.deepEqual(
    ps.map((p) => p.container),
    ['list', 'quote', 'list'],
  );
  assert.ok(ps.every((p) => p.lang === 'zh'));
});

test('a paragraph ends where a `<details>`, a headless English paragraph or a stray close begins', () => {
  const doc = new PostDocument(
    post(
      [
        '第一行',
        '第二行',
        '<details>',
        '<summary>View/Hide Original English</summary>',
        '<p class="english-text">x</p>',
        '</details>',
      ].join('\n'),
      'title: t\n',
    ),
  );
  assert.deepEqual(
    doc.blocks.map((b) => `${b.kind}:${b.startLine}-${b.endLine}`),
    ['paragraph:3-4', 'english:5-8'],
  );
});

test('a stray `</details>` followed by text on its line: the text is read on', () => {
  const text = post('中文。\n\n</details>下一段。', 'title: t\n');
  const doc = new PostDocument(text);
  assert.deepEqual(
    doc.blocks.map((b) => [b.kind, text.slice(b.span[0], b.span[1])]),
    [
      ['paragraph', '中文。'],
      ['html', '</details>'],
      ['paragraph', '下一段。'],
    ],
  );
});

test('headings: `###Title` without a space is recorded', () => {
  const doc = new PostDocument(post('###标题正文\n\n' + en('x'), 'title: t\n'));
  const h = doc.blocks[0];
  assert.equal(h.kind, 'heading');
  assert.equal(h.kind === 'heading' && h.missingSpace, true);
});

test('pathological inputs parse in linear time', () => {
  const inputs = [
    // An open `<p>` followed by a very long run of blank lines.
    post(
      '中文。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">open' + '\n'.repeat(200_000) + 'x',
      'title: t\n',
    ),
    // Thousands of blocks without any `<p>` or `<summary>`.
    post('中文。\n<details>\n'.repeat(40_000), 'title: t\n'),
    // Thousands of `<summary>` tags never closed, on one line.
    post('<details>' + '<summary>'.repeat(100_000), 'title: t\n'),
    // A line of 1,000,000 characters inside a block.
    post(
      '中文。\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">' +
        'word '.repeat(200_000) +
        '</p>\n</details>',
      'title: t\n',
    ),
  ];
  for (const text of inputs) {
    const t0 = process.hrtime.bigint();
    new PostDocument(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // Linear work here takes a few tens of milliseconds; quadratic work would take minutes.
    if (process.env.SHOW_MS) console.log(ms.toFixed(0), text.length);
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms for ${text.length} characters`);
  }
});
