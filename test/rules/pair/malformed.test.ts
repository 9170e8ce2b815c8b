import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';

const ID = 'pair/malformed';
const P = (lines: string[]) => post(lines.join('\n'), 'title: 示例\n');
/** A post whose one block starts on line 6. */
const B = (...lines: string[]) => P(['中文。', '', ...lines, '', '下一段。', '', en('Next.')]);
const SUMMARY = '<summary>View/Hide Original English</summary>';
const PARA = '<p class="english-text">Text.</p>';
const CANONICAL = B('<details>', SUMMARY, PARA, '</details>');

test('canonical blocks pass: one line or four, several paragraphs, a paragraph over lines, the bilingual label', () => {
  const texts = [
    CANONICAL,
    B(`<details> ${SUMMARY} ${PARA} </details>`),
    B('<details>', SUMMARY, '<p class="english-text">A: one.</p>', '<p class="english-text">B: two,', 'over two lines.</p>', '</details>'),
    B('<details>', '<summary>查看/隐藏英文原文 / View/Hide Original English</summary>', PARA, '</details>'),
  ];
  for (const text of texts) assertFindings(text, lintRule(ID, text), []);
});

test('a doubled word in the label is fixed to the label', () => {
  const text = B('<details>', '<summary>View/Hide Original Original English</summary>', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [
    { line: 7, column: 10, text: 'View/Hide Original Original English', message: 'expected `View/Hide Original English`' },
  ]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a label variant is fixed to the label most blocks of the post use', () => {
  const bilingual = '<summary>查看/隐藏英文原文 / View/Hide Original English</summary>';
  const text = P([
    '一。',
    '',
    '<details>',
    bilingual,
    PARA,
    '</details>',
    '',
    '二。',
    '',
    '<details>',
    '<summary>查看/Hide Original English</summary>',
    PARA,
    '</details>',
  ]);
  assert.equal(fixRule(ID, text), text.replace('<summary>查看/Hide Original English</summary>', bilingual));
});

test('a summary that is no label variant gets a suggestion, not a fix', () => {
  const text = B('<details>', '<summary>Original transcript</summary>', PARA, '</details>');
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 7, column: 10, text: 'Original transcript' }]);
  assert.equal(d.fix, undefined);
  assert.equal(d.suggestions?.[0].edit.text, 'View/Hide Original English');
});

test('`</p>` closing the summary is fixed to `</summary>`', () => {
  const text = B('<details>', '<summary>View/Hide Original English</p>', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 7, column: 36, text: '</p>', message: 'closed with `</p>`' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a summary left open before the paragraph is closed after its label', () => {
  const text = B('<details>', '<summary>View/Hide Original English', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 7, column: 1, text: '<summary>', message: 'never closed' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a `</summary>` damaged by pasted text: a suggestion only, the text is never dropped by a fix', () => {
  const text = B('<details>', '<summary>View/Hide Original English</这是粘贴的中文。>', PARA, '</details>');
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 7, column: 36, text: '</这是粘贴的中文。>', message: 'damaged by pasted text' }]);
  assert.equal(d.fix, undefined);
  assert.equal(fixRule(ID, text), text);
});

test('a summary over two lines is joined', () => {
  const text = B('<details>', '<summary>View/Hide Original English', '</summary>', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [
    { line: 7, column: 1, text: '<summary>View/Hide Original English\n</summary>', message: 'several lines' },
  ]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('English text inside `<summary>`: a suggestion moves it into a paragraph', () => {
  const sentence = 'So this is the sentence that the speaker said, and it is long enough to tell.';
  const text = B('<details>', `<summary>${sentence}</p>`, '</details>');
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 7, column: 10, text: sentence, message: 'put inside `<summary>`' }]);
  const moved = applyEdits(text, [d.suggestions![0].edit]).text;
  assert.equal(moved, B('<details>', SUMMARY, `<p class="english-text">${sentence}</p>`, '</details>'));
});

test('a missing summary is inserted', () => {
  const text = B('<details>', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: 1, text: '<details>', message: 'no `<summary>`' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('opening-tag typos: `<details` and `<<details>` are fixed; attributes are only reported', () => {
  for (const open of ['<details', '<<details>', '<DETAILS>']) {
    const text = B(open, SUMMARY, PARA, '</details>');
    assertFindings(text, lintRule(ID, text), [{ line: 6, column: 1, text: open }]);
    assert.equal(fixRule(ID, text), CANONICAL, open);
  }
  const attrs = B('<details open>', SUMMARY, PARA, '</details>');
  const [d] = lintRule(ID, attrs);
  assertFindings(attrs, [d], [{ line: 6, column: 1, text: '<details open>', message: 'expected a plain `<details>`' }]);
  assert.equal(d.fix, undefined);
});

test('closing-tag typos are fixed: `</detais>`, `</details`, `</details]`', () => {
  for (const close of ['</detais>', '</details', '</details]']) {
    const text = B('<details>', SUMMARY, PARA, close);
    assertFindings(text, lintRule(ID, text), [{ line: 9, column: 1, text: close, message: 'expected `</details>`' }]);
    assert.equal(fixRule(ID, text), CANONICAL, close);
  }
});

test('a block never closed, before the next block or at the end: reported at `<details>` with a suggestion', () => {
  const nested = P(['中文。', '<details>', SUMMARY, '<p class="english-text">Cut off', en('Real.')]);
  const [d] = lintRule(ID, nested);
  assertFindings(nested, [d], [{ line: 5, column: 1, text: '<details>', message: 'a new `<details>` opens on line 8' }]);
  assert.equal(d.fix, undefined);
  const atEnd = P(['中文。', '', '<details>', SUMMARY, '<p class="english-text">Cut off']);
  const [e] = lintRule(ID, atEnd);
  assertFindings(atEnd, [e], [{ line: 6, column: 1, text: '<details>', message: 'the post ends first' }]);
  assert.equal(applyEdits(atEnd, [e.suggestions![0].edit]).text, atEnd + '</p>\n</details>');
});

test('`<details` alone at the end of the file: one finding, a suggestion to complete it', () => {
  const text = P(['中文。', '', '<details']);
  const [d, ...rest] = lintRule(ID, text);
  assert.equal(rest.length, 0);
  assertFindings(text, [d], [{ line: 6, column: 1, text: '<details', message: 'never written' }]);
  assert.equal(applyEdits(text, [d.suggestions![0].edit]).text, P(['中文。', '', en('')]));
});

test('raw English text with no `<p>` is wrapped, and its `Original English` label fixed', () => {
  const text = B('<details>', '<summary>Original English</summary>', 'Text.', '</details>');
  assertFindings(text, lintRule(ID, text), [
    { line: 7, column: 10, text: 'Original English' },
    { line: 8, column: 1, text: 'Text.', message: 'not wrapped' },
  ]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a paragraph never closed inside a closed block gets its `</p>`', () => {
  const text = B('<details>', SUMMARY, '<p class="english-text">Text.', '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 8, column: 1, text: '<p class="english-text">', message: 'never closed' }]);
  assert.equal(fixRule(ID, text), B('<details>', SUMMARY, '<p class="english-text">Text.</p>', '</details>'));
});

test('class variants are fixed; a class that may mean something else is only suggested', () => {
  for (const tag of [
    '<p class="class="english-text">',
    '<p class="p class="english-text">',
    '<p class="p-english-text">',
    '<p>',
    'p class="english-text">',
  ]) {
    const text = B('<details>', SUMMARY, `${tag}Text.</p>`, '</details>');
    assertFindings(text, lintRule(ID, text), [{ line: 8, column: 1, text: tag }]);
    assert.equal(fixRule(ID, text), CANONICAL, tag);
  }
  for (const tag of ['<p class="p-text">', '<p class="chinese-text">']) {
    const text = B('<details>', SUMMARY, `${tag}Text.</p>`, '</details>');
    const [d] = lintRule(ID, text);
    assertFindings(text, [d], [{ line: 8, column: 1, text: tag }]);
    assert.equal(d.fix, undefined, tag);
  }
});

test('Chinese-source posts: `Original Chinese`/`Original Text` labels and `chinese-text` pass; a bare `<p>` gets `chinese-text`', () => {
  const zh = (label: string, tag: string, t: string) => `<details>\n<summary>${label}</summary>\n${tag}${t}</p>\n</details>`;
  const ok = P([
    '一。',
    '',
    zh('View/Hide Original Chinese', '<p class="chinese-text">', '原文一。'),
    '',
    '二。',
    '',
    zh('View/Hide Original Text', '<p class="chinese-text">', '原文二。'),
  ]);
  assertFindings(ok, lintRule(ID, ok), []);
  const bare = P([
    '一。',
    '',
    zh('View/Hide Original Text', '<p>', '原文一。'),
    '',
    '二。',
    '',
    zh('View/Hide Original Text', '<p>', '原文二。'),
  ]);
  assertFindings(bare, lintRule(ID, bare), [
    { line: 8, column: 1, text: '<p>' },
    { line: 15, column: 1, text: '<p>' },
  ]);
  assert.equal(fixRule(ID, bare), bare.replace(/<p>/g, '<p class="chinese-text">'));
});

test('in an English-source post the Chinese label is not accepted', () => {
  const text = B('<details>', '<summary>View/Hide Original Chinese</summary>', PARA, '</details>');
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 7, column: 10, text: 'View/Hide Original Chinese' }]);
  assert.equal(d.fix, undefined);
});

test('a blank line inside the block is removed', () => {
  const text = B('<details>', SUMMARY, PARA, '', '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 9, column: 1, text: '\n', message: 'blank line' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('stray tags are removed; a tag holding pasted text is only reported', () => {
  const text = B('<details>', SUMMARY, PARA, '</p>', '</text>', '</details>');
  assertFindings(text, lintRule(ID, text), [
    { line: 9, column: 1, text: '</p>', message: 'stray `</p>`' },
    { line: 10, column: 1, text: '</text>' },
  ]);
  assert.equal(fixRule(ID, text), CANONICAL);
  const damaged = B('<details>', SUMMARY, PARA, '</粘贴>', '</details>');
  const [d] = lintRule(ID, damaged);
  assertFindings(damaged, [d], [{ line: 9, column: 1, text: '</粘贴>', message: 'damaged by pasted text' }]);
  assert.equal(d.fix, undefined);
});

test('a premature `</details>` is removed so the paragraph after it is inside', () => {
  const text = B('<details>', SUMMARY, '</details>', PARA, '</details>');
  assertFindings(text, lintRule(ID, text), [{ line: 8, column: 1, text: '</details>', message: 'before its English paragraph' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('text glued after `</details>` is moved to a paragraph of its own', () => {
  const text = P(['中文。', '', '<details>', SUMMARY, PARA, '</details>下一段。', '', en('Next.')]);
  assertFindings(text, lintRule(ID, text), [{ line: 9, column: 11, text: '下一段。', message: 'same line' }]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a `</details>` damaged into `</` plus the next paragraph is restored', () => {
  const text = P(['中文。', '', '<details>', SUMMARY, PARA, '</下一段。', '', en('Next.')]);
  assertFindings(text, lintRule(ID, text), [
    { line: 9, column: 1, text: '</', message: 'damaged' },
    { line: 9, column: 3, text: '下一段。' },
  ]);
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('a stray `</details>` outside any block gets a suggestion to remove it', () => {
  const text = P(['中文。', '', en('Text.'), '', '</details>', '', '下一段。', '', en('Next.')]);
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 11, column: 1, text: '</details>', message: 'stray' }]);
  assert.equal(applyEdits(text, [d.suggestions![0].edit]).text, P(['中文。', '', en('Text.'), '', '', '下一段。', '', en('Next.')]));
});

test('a `<summary>` with no `<details>` gets a suggestion to open the block', () => {
  const text = P(['中文。', SUMMARY, PARA, '</details>']);
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 5, column: 1, text: '<summary>', message: 'no `<details>`' }]);
  assert.equal(applyEdits(text, [d.suggestions![0].edit]).text, P(['中文。', '<details>', SUMMARY, PARA, '</details>']));
});

test('several defects in one block are all fixed, and a second run changes nothing', () => {
  const text = B('<<details>', '<summary>V/H Original English</p>', '<p class="p-english-text">Text.', '', '</detais>');
  assert.equal(fixRule(ID, text), CANONICAL);
});

test('CRLF: fixes keep the line ends, and inserted lines use them', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  const text = crlf(B('<details>', PARA, '</detais>'));
  assert.equal(fixRule(ID, text), crlf(CANONICAL));
});

test('BOM and tab indentation: the finding starts at the tag', () => {
  const text = '\uFEFF---\ntitle: 示例\n---\n中文。\n\n\t<details>\n' + SUMMARY + '\n' + PARA + '\n\t</detais>';
  assertFindings(text, lintRule(ID, text), [{ line: 9, column: 2, text: '</detais>' }]);
});

test('an emoji earlier on the line: the finding column counts UTF-16 units', () => {
  const head = `<details> ${SUMMARY} <p class="english-text">😀 Hi</p> `;
  const text = B(head + '</detais>');
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: head.length + 1, text: '</detais>' }]);
  assert.equal(fixRule(ID, text), B(head + '</details>'));
});
