import { test } from 'node:test';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'pair/wrong-language';
const P = (lines: string[]) => post(lines.join('\n'), 'title: 示例\n');
/** Enough English pairs to make the post English-source. */
const ENGLISH_PAIRS = ['', '甲。', '', en('One.'), '', '乙。', '', en('Two.'), '', '丙。', '', en('Three.')];
const zh = (t: string) => `<details>\n<summary>View/Hide Original Chinese</summary>\n<p class="chinese-text">${t}</p>\n</details>`;

test('English in the Chinese slot is reported over the paragraph; a copy of the original says so', () => {
  const text = P(['This was never translated at all.', '', en('Something else entirely.'), '', '[Music]', '', en('[Music]')]);
  assertFindings(text, lintRule(ID, text), [
    { line: 4, column: 1, text: 'This was never translated at all.', message: 'in English where the Chinese translation goes' },
    { line: 11, column: 1, text: '[Music]', message: 'copied unchanged' },
  ]);
});

test('Chinese that keeps English names, labels or short English words is Chinese', () => {
  const text = P([
    '**ALISON BEARD:** Jams，Jams。',
    en('ALISON BEARD: Jams, Jams.'),
    '',
    'Derek: 哇！',
    en('Derek: Wow!'),
    '',
    '我是Christine Sir Cleette。',
    en("I'm Christine Sir Cleette."),
    '',
    'OK。',
    en('OK.'),
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('Chinese in the English block is reported over its text', () => {
  const text = P([
    '中文。',
    '',
    en('这段本该是英文，却粘贴了中文译文。'),
    '',
    '下一段。',
    '',
    en('And它很可能是其中一个促成因素。'),
    ...ENGLISH_PAIRS,
  ]);
  assertFindings(text, lintRule(ID, text), [
    { line: 8, column: 25, text: '这段本该是英文，却粘贴了中文译文。', message: 'holds Chinese text' },
    { line: 15, column: 25, text: 'And它很可能是其中一个促成因素。' },
  ]);
});

test('a gloss or a quoted Chinese term in English is fine', () => {
  const text = P([
    '中文。',
    '',
    en('The market is led by **Nvidia**（一家领先的图形处理器和人工智能芯片制造商） with most of the share.'),
    '',
    '下一段。',
    '',
    en('In Chinese, "happiness" (幸福) is often reduced to "pleasure" (快乐).'),
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a Chinese sentence pasted into English text is reported over the sentence (unless turned off)', () => {
  const english = 'There is a recent analysis from the Brookings Institution and the Yale Budget Lab about jobs, ';
  const text = P(['中文。', '', en(english + '顺便说一句，这是一项很棒的工作。'), ...ENGLISH_PAIRS]);
  assertFindings(text, lintRule(ID, text), [
    { line: 8, column: 25 + english.length, text: '顺便说一句，这是一项很棒的工作', message: 'A Chinese sentence inside' },
  ]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { reportChineseRuns: false }] } }), []);
});

test('Chinese-source posts carry the Chinese original: not reported', () => {
  const text = P(['第一段。', '', zh('原文第一段的话。'), '', '第二段。', '', en('原文第二段，标签却是英文。')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a block labeled as Chinese in an English-source post is not reported', () => {
  const text = P(['一。', '', en('One.'), '', '二。', '', en('Two.'), '', '三。', '', zh('原文三，标签说明是中文。')]);
  assertFindings(text, lintRule(ID, text), []);
});

test('BOM, CRLF and an emoji before the finding on its line', () => {
  const block = '<details> <summary>View/Hide Original English</summary> <p class="english-text">😀 中文粘贴在这里了。</p> </details>';
  const text = '\uFEFF---\r\ntitle: 示例\r\n---\r\n中文。\r\n\r\n' + block + ENGLISH_PAIRS.join('\r\n');
  assertFindings(text, lintRule(ID, text), [{ line: 6, column: block.indexOf('😀') + 1, text: '😀 中文粘贴在这里了。' }]);
});
