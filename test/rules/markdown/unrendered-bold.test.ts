import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';

const ID = 'markdown/unrendered-bold';
const FM_LINES = post('').split('\n').length - 1; // the body starts on this 0-based line

/** A post whose body is `lines` (each a paragraph with its English block), and the 1-based line of paragraph k. */
function body(...paras: string[]): { text: string; line: (k: number) => number } {
  const text = post(paras.map((p) => p + '\n' + en('English.')).join('\n\n') + '\n');
  return { text, line: (k) => FM_LINES + 1 + k * 6 };
}

test('punctuation just inside the markers after a Chinese character: the bold does not open', () => {
  const { text, line } = body('这是一种**“完美去通胀”**的解释。', '他引用了**《礼记》**（Book of Rites: 儒家经典）的话。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: 5, text: '**“完美去通胀”**', message: 'opening `**` comes after “种” and before the punctuation ““”' },
    { line: line(1), column: 5, text: '**《礼记》**', message: 'cannot open bold' },
  ]);
  assert.deepEqual(d[0].fix, { range: d[0].span, text: '“**完美去通胀**”' });
  assert.deepEqual(d[1].fix, { range: d[1].span, text: '《**礼记**》' });
});

test('the fix moves the punctuation outside, and a second run changes nothing', () => {
  const { text } = body('这是一种**“完美去通胀”**的解释，也叫**‘软着陆’**。', '结尾的**术语。**后面还有字。', '空格在** 里面**也不行。');
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('这是一种“**完美去通胀**”的解释，也叫‘**软着陆**’。'));
  assert.ok(fixed.includes('结尾的**术语**。后面还有字。'));
  assert.ok(fixed.includes('空格在 **里面**也不行。'));
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('closing punctuation before a letter: the bold does not close', () => {
  const { text, line } = body('我们建议从**使用率（Utilization）和成本（Cost）**这三个方面。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    {
      line: line(0),
      column: 6,
      text: '**使用率（Utilization）和成本（Cost）**',
      message: 'closing `**` comes after the punctuation “）” and before “这”',
    },
  ]);
  // The parenthesis has no partner at the start, so moving it would break it: a suggestion only.
  assert.equal(d[0].fix, undefined);
  assert.ok(d[0].suggestions?.some((s) => s.title === 'Remove the bold markers'));
});

test('a bold that renders is not reported', () => {
  const { text } = body(
    '这就是**稳定币**（Stablecoin: 一种货币）的由来。',
    '所谓“**易得性**”（Availability）偏差。',
    '**Joe:** 你好，**主持人：** 欢迎。',
    '**旨在帮助（Aim to Assist）**：说明。',
    '**“引号”**，在行首。',
    '代码 `的**“术语”**是` 不算。',
    '***重点***之后。',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('an unpaired `**` is reported on its own, with a suggestion to close a speaker label', () => {
  const { text, line } = body('**BOZOMA SAINT JOHN: 有趣吗？');
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: line(0), column: 1, text: '**', message: 'no partner' }]);
  assert.deepEqual(d[0].suggestions?.[0].edit, { range: [d[0].span[0] + 20, d[0].span[0] + 20], text: '**' });
  assert.equal(d[0].fix, undefined);
});

test('a bold broken by an earlier broken bold on the line is reported with the reason', () => {
  const { text, line } = body('那本**《畅怀录》**（Confessions: 自传），在好友**狄德罗**（Denis Diderot: 思想家）的鼓励下。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: 3, text: '**《畅怀录》**' },
    { line: line(0), column: 33, text: '**狄德罗**', message: 'pair with other `*`' },
  ]);
  // Fixing the first one fixes both.
  assert.ok(d[0].fix);
  assert.equal(d[1].fix, undefined);
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('那本《**畅怀录**》（Confessions: 自传），在好友**狄德罗**（'));
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('headings and list items are checked, each item on its own', () => {
  const text = post('### 关于**“术语”**的讨论\n\n- 第一项**“甲”**好\n- 第二项**乙**好\n');
  assertFindings(text, lintRule(ID, text), [
    { line: FM_LINES + 1, column: 7, text: '**“术语”**' },
    { line: FM_LINES + 3, column: 6, text: '**“甲”**' },
  ]);
});

test('CRLF, a BOM and an emoji before the finding keep the columns exact', () => {
  const raw = post('😀表情后的**“术语”**是\n' + en('English.') + '\n').replace(/\n/g, '\r\n');
  const text = '\uFEFF' + raw;
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: FM_LINES + 1, column: 7, text: '**“术语”**' }]);
  assert.equal(fixRule(ID, text).includes('😀表情后的“**术语**”是\r\n'), true);
});

test('flavor: markdown-it 14.1 counts an emoji next to `**` as a letter, CommonMark as a symbol', () => {
  const { text } = body('看这个**😀表情**吧。');
  assert.equal(lintRule(ID, text).length, 1);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['error', { flavor: 'markdown-it-14.1' }] } }), []);
});

test('linear on thousands of `**` in a row; no rewrite is attempted past the limit', () => {
  const many = '的**“术语”**是'.repeat(5000);
  const { text } = body(many, '** '.repeat(20001), '*'.repeat(30000));
  const started = Date.now();
  const d = lintRule(ID, text);
  assert.ok(Date.now() - started < 3000, 'took too long');
  assert.ok(d.filter((x) => x.message.includes('will not render')).length >= 5000);
  assert.equal(d.filter((x) => x.fix).length, 0);
});
