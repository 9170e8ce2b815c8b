import { test } from 'node:test';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'pair/orphan-english';
const P = (lines: string[]) => post(lines.join('\n'), 'title: 示例\n');

test('an English block first in the body, after a heading, after another block: reported at `<details>`', () => {
  const text = P([en('First.'), '', '### 标题', '', en('After heading.'), '', '正文。', '', en('Paired.'), '', en('Second in a row.')]);
  assertFindings(text, lintRule(ID, text), [
    { line: 4, column: 1, text: '<details>', message: 'it opens the body' },
    { line: 11, column: 1, text: '<details>', message: 'it follows a heading' },
    { line: 23, column: 1, text: '<details>', message: 'it follows another English block' },
  ]);
});

test('every block with its Chinese paragraph before it passes, with or without a blank line', () => {
  const text = P(['第一段。', en('One.'), '', '第二段。', '', '<!-- a comment -->', en('Two.')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('allowAfterHeading accepts translated headings', () => {
  const text = P(['### 标题', '', en('A Title'), '', '正文。', '', en('Body.')]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { allowAfterHeading: true }] } }), []);
});

test('the block after one that was never closed is left to pair/malformed', () => {
  const text = P([
    '中文。',
    '<details>',
    '<summary>View/Hide Original English</summary>',
    '<p class="english-text">Cut off',
    en('The real one.'),
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a `###Heading` without a space holds its paragraph: the block after it is not an orphan', () => {
  const text = P(['###标题和正文连在一起。', '', en('Title and body together.')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('an English paragraph with no `<details>`, after a heading, is reported at its tag', () => {
  const text = P(['### 标题', '<p class="english-text">Loose.</p>']);
  assertFindings(text, lintRule(ID, text), [{ line: 5, column: 1, text: '<p class="english-text">' }]);
});

test('BOM and CRLF: a block opening the body is reported on its line', () => {
  const text = '\uFEFF---\r\ntitle: 示例\r\n---\r\n' + en('First.').replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [{ line: 4, column: 1, text: '<details>' }]);
});

test('a block glued after an emoji-bearing block is reported at its UTF-16 column', () => {
  const one = '<details> <summary>View/Hide Original English</summary> <p class="english-text">😀 Hi</p> </details>';
  const text = P([
    '你好。',
    '',
    one + '<details> <summary>View/Hide Original English</summary> <p class="english-text">Two</p> </details>',
  ]);
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: one.length + 1, text: '<details>' }]);
});
