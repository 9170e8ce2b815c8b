import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostDocument } from '../../server/src/engine/model/document';
import type { EnglishBlock } from '../../server/src/engine/model/englishBlock';
import type { Block } from '../../server/src/engine/model/blocks';
import { post } from '../helpers';

/** The blocks of a post body, each as `kind@line` (1-based, counted in the body after a 3-line front matter). */
function parse(body: string) {
  const text = post(body, 'title: t\n');
  const doc = new PostDocument(text);
  const bodyLine = 3;
  const shape = doc.blocks.map(
    (b) => `${b.kind}@${b.startLine + 1 - bodyLine}${b.endLine !== b.startLine ? '-' + (b.endLine + 1 - bodyLine) : ''}`,
  );
  const english = doc.blocks.filter((b): b is EnglishBlock => b.kind === 'english');
  const anomalies = (b: EnglishBlock) => b.anomalies.map((a) => `${a.kind}:${text.slice(a.span[0], a.span[1])}`);
  return { text, doc, shape, english, anomalies, at: (s: readonly [number, number]) => text.slice(s[0], s[1]) };
}

const BLOCK = ['<details>', '<summary>View/Hide Original English</summary>', '<p class="english-text">An English line.</p>', '</details>'];

test('the canonical block: summary, one paragraph, no anomaly', () => {
  const { shape, english, anomalies, at } = parse(['中文段落。', '', ...BLOCK].join('\n'));
  assert.deepEqual(shape, ['paragraph@1', 'english@3-6']);
  assert.deepEqual(anomalies(english[0]), []);
  assert.equal(english[0].summary?.text, 'View/Hide Original English');
  assert.equal(at(english[0].contentSpans[0]), 'An English line.');
  assert.equal(english[0].contentLang, 'en');
});

test('a block right under the Chinese line (no blank line) still pairs', () => {
  const { shape, doc } = parse(['中文段落。', ...BLOCK, '', '下一段。'].join('\n'));
  assert.deepEqual(shape, ['paragraph@1', 'english@2-5', 'paragraph@7']);
  assert.equal(doc.pairs.length, 1);
});

test('a premature close takes the paragraph after it and the real close into the block', () => {
  const body = [
    '中文。',
    '<details>',
    '<summary>View/Hide Original English</p>',
    '</details>',
    '<p class="english-text">Late text.</p>',
    '</details>',
    '',
    '下一段。',
  ].join('\n');
  const { shape, english, anomalies, at } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@2-6', 'paragraph@8']);
  assert.deepEqual(anomalies(english[0]), ['summary-close:</p>', 'premature-close:</details>']);
  assert.equal(at(english[0].contentSpans[0]), 'Late text.');
});

test('a misspelled close, a rule and a stray close: the stray one is its own html block', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Text.</p>',
    '</details]',
    '',
    '---',
    '',
    '</details>',
  ].join('\n');
  const { shape, english, anomalies, doc } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@3-6', 'hr@8', 'html@10']);
  assert.deepEqual(anomalies(english[0]), ['close-tag:</details]']);
  const stray = doc.blocks[3] as Extract<Block, { kind: 'html' }>;
  assert.equal(stray.strayClose, true);
});

test('`</detais>` and `</details` without `>` end the block as closes', () => {
  for (const close of ['</detais>', '</details']) {
    const { shape, english, anomalies } = parse(['中文。', '', ...BLOCK.slice(0, 3), close, '', '下一段。'].join('\n'));
    assert.deepEqual(shape, ['paragraph@1', 'english@3-6', 'paragraph@8'], close);
    assert.deepEqual(anomalies(english[0]), [`close-tag:${close}`]);
  }
});

test('`<details` without `>` mid-file, and `<<details>`, open a normal block', () => {
  for (const open of ['<details', '<<details>']) {
    const { shape, english, anomalies } = parse(['中文。', '', open, ...BLOCK.slice(1), '', '下一段。'].join('\n'));
    assert.deepEqual(shape, ['paragraph@1', 'english@3-6', 'paragraph@8'], open);
    assert.deepEqual(anomalies(english[0]), [`open-tag:${open}`]);
  }
});

test('`<details` as the last line of the file is an unfinished block', () => {
  const { shape, english, anomalies } = parse('中文。\n\n<details');
  assert.deepEqual(shape, ['paragraph@1', 'english@3']);
  assert.deepEqual(anomalies(english[0]), ['open-tag:<details', 'unclosed:<details', 'summary-missing:<details', 'p-missing:<details']);
});

test('a block left open before the next `<details>` ends there (nested open)', () => {
  const body = [
    '中文。',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Cut off mid',
    ...BLOCK,
    '下一段。',
  ].join('\n');
  const { shape, english, anomalies } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@2-4', 'english@5-8', 'paragraph@9']);
  assert.deepEqual(anomalies(english[0]), ['unclosed:<details>', 'p-unclosed:<p class="english-text">']);
  assert.equal(english[1].chinese, undefined);
});

test('a block still open at the end of the file', () => {
  const { shape, english, anomalies } = parse(
    ['中文。', '', '<details>', '<summary>View/Hide Original English</summary>', '<p class="english-text">Never closed'].join('\n'),
  );
  assert.deepEqual(shape, ['paragraph@1', 'english@3-5']);
  assert.deepEqual(anomalies(english[0]), ['unclosed:<details>', 'p-unclosed:<p class="english-text">']);
});

test('an unclosed paragraph does not run on through a blank line into the next Chinese paragraph', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Never closed',
    '',
    '下一段中文。',
    '',
    ...BLOCK,
  ].join('\n');
  const { shape } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@3-5', 'paragraph@7', 'english@9-12']);
});

test('text glued after `</details>` is read as the next paragraph, from where it starts', () => {
  const body = ['中文。', '', ...BLOCK.slice(0, 3), '</details>下一段中文。', '', ...BLOCK].join('\n');
  const { shape, english, anomalies, doc, at } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@3-6', 'paragraph@6', 'english@8-11']);
  assert.deepEqual(anomalies(english[0]), ['glued-text:下一段中文。']);
  assert.equal(at(doc.blocks[2].span), '下一段中文。');
  assert.equal(doc.pairs.length, 2);
});

test('single-line blocks', () => {
  const line = '<details> <summary>View/Hide Original English</summary> <p class="english-text">One line.</p> </details>';
  const { shape, english, anomalies, at } = parse(['中文。', '', line, '', '下一段。', '', line].join('\n'));
  assert.deepEqual(shape, ['paragraph@1', 'english@3', 'paragraph@5', 'english@7']);
  assert.deepEqual(anomalies(english[0]), []);
  assert.equal(at(english[1].contentSpans[0]), 'One line.');
});

test('several paragraphs in one block, and a paragraph over several lines, are legitimate', () => {
  const body = [
    '甲：一。',
    '',
    '乙：二。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">A: one.</p>',
    '<p class="english-text">B: two,',
    'over two lines.</p>',
    '</details>',
  ].join('\n');
  const { english, anomalies, at } = parse(body);
  assert.deepEqual(anomalies(english[0]), []);
  assert.deepEqual(
    english[0].paragraphs.map((p) => at(p.textSpan)),
    ['A: one.', 'B: two,\nover two lines.'],
  );
});

test('a summary split over two lines is recorded', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English',
    '</summary>',
    '<p class="english-text">Text.</p>',
    '</details>',
  ].join('\n');
  const { english, anomalies } = parse(body);
  assert.deepEqual(anomalies(english[0]), ['summary-multiline:<summary>View/Hide Original English\n</summary>']);
  assert.equal(english[0].summary?.text, 'View/Hide Original English');
});

test('an English sentence inside `<summary>` is the content', () => {
  const sentence = 'Well, this is what we said about the numbers, and it goes on for a while longer.';
  const { english, anomalies, at } = parse(['中文。', '', '<details>', `<summary>${sentence}</p>`, '</details>'].join('\n'));
  assert.deepEqual(anomalies(english[0]), ['summary-close:</p>', `summary-content:${sentence}`]);
  assert.equal(at(english[0].contentSpans[0]), sentence);
});

test('a raw text line with no `<p>` is still the English text', () => {
  const { english, anomalies, at } = parse(
    ['中文。', '', '<details>', '<summary>Original English</summary>', 'Raw text line.', '</details>'].join('\n'),
  );
  assert.deepEqual(anomalies(english[0]), ['p-missing:<summary>Original English</summary>']);
  assert.equal(at(english[0].contentSpans[0]), 'Raw text line.');
});

test('a `</summary>` damaged by pasted text spans up to its `>`', () => {
  const { english, anomalies } = parse(
    [
      '中文。',
      '',
      '<details>',
      '<summary>View/Hide Original English</这是粘贴的文字。>',
      '<p class="english-text">Text.</p>',
      '</details>',
    ].join('\n'),
  );
  assert.deepEqual(anomalies(english[0]), ['summary-close:</这是粘贴的文字。>']);
});

test('class variants, a bare `<p>` and a tag that lost its `<` are paragraphs with an odd tag', () => {
  const tags = ['<p class="class="english-text">', '<p class="p-english-text">', '<p>', 'p class="english-text">'];
  for (const tag of tags) {
    const { english, anomalies } = parse(
      ['中文。', '', '<details>', '<summary>View/Hide Original English</summary>', `${tag}Text.</p>`, '</details>'].join('\n'),
    );
    assert.deepEqual(anomalies(english[0]), [`p-open-tag:${tag}`], tag);
    assert.equal(english[0].paragraphs[0].openTag, tag);
  }
});

test('stray tags inside a block: an extra `</p>`, `</text>`', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Text.</p>',
    '</p>',
    '</text>',
    '</details>',
  ].join('\n');
  const { english, anomalies } = parse(body);
  assert.deepEqual(anomalies(english[0]), ['stray-tag:</p>', 'stray-tag:</text>']);
});

test('a `</details>` damaged into `</` plus the next paragraph', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Text.</p>',
    '</下一段中文。',
    '',
    ...BLOCK,
  ].join('\n');
  const { shape, english, anomalies } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@3-6', 'paragraph@6', 'english@8-11']);
  assert.deepEqual(anomalies(english[0]), ['close-tag:</', 'glued-text:下一段中文。']);
});

test('a blank line inside the block is recorded and does not end it', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Text.</p>',
    '',
    '</details>',
  ].join('\n');
  const { shape, english, anomalies } = parse(body);
  assert.deepEqual(shape, ['paragraph@1', 'english@3-7']);
  assert.deepEqual(anomalies(english[0]), ['blank-line:']);
});

test('a `<summary>` or an English paragraph with no `<details>` starts a block of its own', () => {
  const a = parse(
    ['中文。', '<summary>View/Hide Original English</summary>', '<p class="english-text">Text.</p>', '</details>'].join('\n'),
  );
  assert.deepEqual(a.shape, ['paragraph@1', 'english@2-4']);
  assert.deepEqual(a.anomalies(a.english[0]), ['no-details:<summary>']);
  const b = parse(['中文。', '<p class="english-text">Text.</p>', '', '下一段。'].join('\n'));
  assert.deepEqual(b.shape, ['paragraph@1', 'english@2', 'paragraph@4']);
  assert.deepEqual(b.anomalies(b.english[0]), ['no-details:<p class="english-text">']);
});

test('Chinese-source blocks: the Chinese transcript is the content', () => {
  const body = [
    '中文。',
    '',
    '<details>',
    '<summary>View/Hide Original Text</summary>',
    '<p>原文第一行',
    '原文第二行</p>',
    '</details>',
  ].join('\n');
  const { english, at } = parse(body);
  assert.equal(english[0].contentLang, 'zh');
  assert.equal(at(english[0].contentSpans[0]), '原文第一行\n原文第二行');
});

test('CRLF line ends and a BOM keep every span exact', () => {
  const text =
    '\uFEFF---\r\ntitle: t\r\n---\r\n中文。\r\n\r\n<details>\r\n<summary>View/Hide Original English</summary>\r\n<p class="english-text">Text.</p>\r\n</detais>\r\n';
  const doc = new PostDocument(text);
  const b = doc.blocks[1] as EnglishBlock;
  assert.deepEqual(
    doc.blocks.map((x) => x.kind),
    ['paragraph', 'english'],
  );
  assert.equal(text.slice(b.closeSpan![0], b.closeSpan![1]), '</detais>');
  assert.deepEqual(doc.src.positionAt(b.closeSpan![0]), { line: 8, character: 0 });
});
