import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'pair/empty-english';
const P = (lines: string[]) => post(lines.join('\n'), 'title: 示例\n');
const SUMMARY = '<summary>View/Hide Original English</summary>';

test('an empty English paragraph is reported over the element', () => {
  const text = P(['中文。', '', en(''), '', '下一段。', '', en('  ')]);
  assertFindings(text, lintRule(ID, text), [
    { line: 8, column: 1, text: '<p class="english-text"></p>', message: 'empty' },
    { line: 15, column: 1, text: '<p class="english-text">  </p>' },
  ]);
});

test('a block with no English text at all is reported at `<details>`', () => {
  const text = P(['中文。', '', '<details>', '<summary>View/Hide Original English</p>', '</details>']);
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: 1, text: '<details>', message: 'no English text at all' }]);
});

test('blocks with text pass, even a caption annotation alone or loose text', () => {
  const text = P([
    '中文。',
    '',
    en('[Music]'),
    '',
    '下一段。',
    '',
    '<details>',
    '<summary>Original English</summary>',
    'Loose text.',
    '</details>',
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('an empty paragraph beside a full one: reported, with a suggestion to remove it', () => {
  const text = P(['中文。', '', '<details>', SUMMARY, '<p class="english-text">Text.</p>', '<p class="english-text"></p>', '</details>']);
  const [d] = lintRule(ID, text);
  assertFindings(text, [d], [{ line: 9, column: 1, text: '<p class="english-text"></p>', message: 'remove it, or fill it in' }]);
  assert.equal(applyEdits(text, [d.suggestions![0].edit]).text, P(['中文。', '', en('Text.')]));
});

test('CRLF, BOM, and an emoji before a single-line empty block', () => {
  const line = `😀 中文。`;
  const block = `<details> ${SUMMARY} <p class="english-text"></p> </details>`;
  const text = '\uFEFF---\r\ntitle: 示例\r\n---\r\n' + line + '\r\n\r\n' + block;
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: 11 + SUMMARY.length + 1, text: '<p class="english-text"></p>' }]);
});
