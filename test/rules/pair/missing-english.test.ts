import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'pair/missing-english';
/** A post whose body starts on line 4. */
const P = (lines: string[]) => post(lines.join('\n'), 'title: 示例\n');

test('a Chinese paragraph before a heading, and one ending the post, are reported over their text', () => {
  const text = P(['第一段。', '', en('One.'), '', '没有英文的一段。', '', '### 标题', '', '最后一段。']);
  assertFindings(text, lintRule(ID, text), [
    { line: 11, column: 1, text: '没有英文的一段。', message: 'a heading follows' },
    { line: 15, column: 1, text: '最后一段。', message: 'it ends the post' },
  ]);
});

test('paired paragraphs, English paragraphs and headings are not reported (headings by default)', () => {
  const text = P(['### 标题', '', '第一段。', '', en('One.'), '', '**Signed** @someone', '', '第二段。', en('Two.')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('list items and quotes are Chinese paragraphs too', () => {
  const text = P(['- 第一项', '- 第二项', '', '### 标题', '', '> 引用的话。', '', '### 另一个']);
  assertFindings(text, lintRule(ID, text), [
    { line: 4, column: 1, text: '- 第一项\n- 第二项' },
    { line: 9, column: 1, text: '> 引用的话。' },
  ]);
});

test('includeHeadings: a heading needs an English block after it', () => {
  const text = P(['### 有英文的标题', '', en('A Title'), '', '### 没有英文的标题', '', '正文。', '', en('Body.')]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { includeHeadings: true }] } }), [
    { line: 11, column: 1, text: '### 没有英文的标题', message: 'This heading has no English block' },
  ]);
});

test('a split paragraph sharing one English block is accepted by default, reported with allowSplit off', () => {
  const text = P(['前半段，说了一些话。', '', '后半段，接着说完。', '', en('The whole paragraph, said in one go, and then finished.')]);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { allowSplit: false }] } }), [
    { line: 4, column: 1, text: '前半段，说了一些话。', message: 'another paragraph follows' },
  ]);
});

test('a split is not accepted across a change of speaker', () => {
  const text = P(['**Alice:** 我先说。', '', '**Bob:** 我来回答。', '', en('Bob: I answer.')]);
  assertFindings(text, lintRule(ID, text), [{ line: 4, column: 1, text: '**Alice:** 我先说。', message: 'new speaker, bob' }]);
});

test('an unlabeled paragraph continues the speaker before it', () => {
  const text = P(['**Alice:** 我先说一半，', '', '然后说完另一半。', '', en('Alice: I say one half, then the other.')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a split is not accepted when the English is far too short for the run', () => {
  const long = '这是一个很长的中文段落，讲了很多很多的内容，远远超过后面那句英文能够翻译的范围，显然缺了英文。';
  const text = P([long, '', '短句。', '', en('Short.')]);
  assertFindings(text, lintRule(ID, text), [{ line: 4, column: 1, text: long, message: 'too short to translate 2 paragraphs' }]);
});

test('a block with one `<p>` per paragraph covers the run even with allowSplit off', () => {
  const block =
    '<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">A: one.</p>\n<p class="english-text">B: two.</p>\n</details>';
  const text = P(['甲：一。', '', '乙：二。', '', block]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { allowSplit: false }] } }), []);
});

test('a Chinese-only appendix after a `---` rule is skipped unless ignoreAppendix is off', () => {
  const text = P(['正文。', '', en('Body.'), '', '---', '', '附记一。', '', '附记二。']);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { ignoreAppendix: false }] } }), [
    { line: 13, column: 1, text: '附记一。' },
    { line: 15, column: 1, text: '附记二。' },
  ]);
});

test('a rule followed by more pairs is no appendix', () => {
  const text = P(['正文。', '', en('Body.'), '', '---', '', '缺英文。', '', '### 标题', '', '后文。', '', en('Later.')]);
  assertFindings(text, lintRule(ID, text), [{ line: 13, column: 1, text: '缺英文。' }]);
});

test('the suggestion inserts a block skeleton in the post style: blank lines around it', () => {
  const text = P(['第一段。', '', en('One.'), '', '缺英文。', '', '### 标题']);
  const [d] = lintRule(ID, text);
  const edit = d.suggestions![0].edit;
  const fixed = applyEdits(text, [edit]).text;
  assert.ok(fixed.endsWith('缺英文。\n\n' + en('') + '\n\n### 标题'), fixed);
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('the suggestion follows a tight post (no blank line before `<details>`) and its CRLF line ends', () => {
  const text = P(['第一段。', en('One.'), '', '第二段。', en('Two.'), '', '缺英文。']).replace(/\n/g, '\r\n');
  const [d] = lintRule(ID, text);
  const fixed = applyEdits(text, [d.suggestions![0].edit]).text;
  assert.ok(fixed.endsWith('缺英文。\r\n' + en('').replace(/\n/g, '\r\n')), JSON.stringify(fixed.slice(-120)));
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('the suggestion keeps a blank line before a heading that followed without one', () => {
  const text = P(['第一段。', '', en('One.'), '', '缺英文。', '### 标题']);
  const [d] = lintRule(ID, text);
  const fixed = applyEdits(text, [d.suggestions![0].edit]).text;
  assert.ok(fixed.endsWith('缺英文。\n\n' + en('') + '\n\n### 标题'), fixed);
});

test('BOM, tabs and CRLF: the finding covers the paragraph text exactly', () => {
  const text = '\uFEFF---\r\ntitle: 示例\r\n---\r\n\t缺英文的段落。\r\n\r\n### 标题\r\n';
  assertFindings(text, lintRule(ID, text), [{ line: 4, column: 2, text: '缺英文的段落。' }]);
});

test('a paragraph glued after an emoji-bearing single-line block is reported at its UTF-16 column', () => {
  const line = '<details> <summary>View/Hide Original English</summary> <p class="english-text">😀 Hi</p> </details>';
  const text = P(['你好。', '', line + '接着的中文。', '', '### 标题']);
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: line.length + 1, text: '接着的中文。' }]);
});
