import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'gloss/missing';
const BODY_LINE = post('').split('\n').length; // 1-based line where the body starts

/** Paragraphs, each followed by its English block; paragraph k starts on line `line(k)`. */
function body(...paras: string[]): { text: string; line: (k: number) => number } {
  return { text: post(paras.map((p) => p + '\n' + en('English.')).join('\n\n') + '\n'), line: (k) => BODY_LINE + k * 6 };
}

test('a bold term with no gloss is reported, with a placeholder suggestion after it', () => {
  const { text, line } = body('这就是**稳定币**的由来。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: line(0), column: 4, text: '**稳定币**', message: '“稳定币” has no gloss' }]);
  const end = d[0].span[1];
  assert.deepEqual(d[0].suggestions, [
    { title: 'Add a gloss placeholder （English Term: 中文解释）', edit: { range: [end, end], text: '（English Term: 中文解释）' } },
  ]);
  assert.equal(d[0].fix, undefined);
});

test('glossed terms, and later uses of a glossed term, pass', () => {
  const { text } = body(
    '这就是**稳定币**（Stablecoin: 一种货币）的由来。',
    '后来**稳定币**又出现了，**AI**（Artificial Intelligence: 人工智能）也是。',
    '所谓“**易得性**”（Availability）和《**东京审判**》（Judgment at Tokyo）。',
    '**旨在帮助（Aim to Assist）**：一个目标；以及**绑定 (Bindings)**的问题。',
    '我们建议从**使用率（Utilization）、影响（Impact）和成本（Cost）**这三个方面。',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('placement `every`: each use carries its gloss', () => {
  const { text, line } = body('这就是**稳定币**（Stablecoin: 一种货币）的由来。', '后来**稳定币**又出现了。');
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { placement: 'every' }] } }), [
    { line: line(1), column: 3, text: '**稳定币**' },
  ]);
});

test('not terms: speaker labels, lead-ins, names bolded inside a gloss, bold sentences and bold lines', () => {
  const { text } = body(
    '**Joe:** 你好。',
    '**主持人：**欢迎大家。',
    '**Tracy Alloway**：是的。',
    '**要点：**如下所述。',
    '挪威主权财富基金（**Norges Bank Investment Management**: 负责管理）的报告。',
    '他说：**这一点非常重要。**我们要记住。',
    '**第一部分 人工智能的未来**',
    '- **第二部分**',
    '链接**https://example.com/a**不算。',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('a term glossed only at a later use is reported at its first use, with the gloss to copy', () => {
  const { text, line } = body('起初**稳定币**没有解释。', '后来**稳定币**（Stablecoin: 一种货币）才有。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: line(0), column: 3, text: '**稳定币**', message: `glossed only at a later use (line ${line(1)})` }]);
  assert.equal(d[0].suggestions?.[0].edit.text, '（Stablecoin: 一种货币）');
  assert.deepEqual(d[0].suggestions?.[0].edit.range, [d[0].span[1], d[0].span[1]]);
});

test('an earlier plain name gloss covers a later bold use of the name', () => {
  const { text } = body('比利时的沙尔贝克（Schaerbeek）区。', '后来在**沙尔贝克**又发生了，**Schaerbeek**也一样。');
  assertFindings(text, lintRule(ID, text), []);
});

test('uses compare without quotes, title marks and case', () => {
  const { text, line } = body('所谓**“AI”**（Artificial Intelligence: 人工智能）。', '后来**ai**和**《人工智能》**。');
  assertFindings(text, lintRule(ID, text), [{ line: line(1), column: 10, text: '**《人工智能》**' }]);
});

test('code spans, English paragraphs and English blocks are not checked', () => {
  const text = post(
    '用 `**代码**` 表示。\n' + en('The **term** here.') + '\n\nThis paragraph is **English** only, with no Chinese at all.\n',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('an odd `**` does not make a term', () => {
  const { text } = body('**BOZOMA SAINT JOHN: 有趣吗？');
  assertFindings(text, lintRule(ID, text), []);
});

test('posts from Chinese-language sources are skipped unless asked', () => {
  const zh = (s: string) => `<details>\n<summary>View/Hide Original Chinese</summary>\n<p class="chinese-text">${s}</p>\n</details>`;
  const text = post('这就是**稳定币**的由来。\n' + zh('这就是稳定币的由来。') + '\n');
  assertFindings(text, lintRule(ID, text), []);
  assert.equal(lintRule(ID, text, { rules: { [ID]: ['warning', { chineseSourcePosts: true }] } }).length, 1);
});

test('CRLF, a BOM and an emoji before the finding keep the columns exact', () => {
  const text = '\uFEFF' + post('😀这就是**稳定币**的由来。\n' + en('English.') + '\n').replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [{ line: BODY_LINE, column: 6, text: '**稳定币**' }]);
});

test('linear on thousands of bold terms in one paragraph', () => {
  const { text } = body('的**术语甲**是'.repeat(20000));
  const started = Date.now();
  const d = lintRule(ID, text);
  assert.ok(Date.now() - started < 3000, 'took too long');
  assert.equal(d.length, 1);
});
