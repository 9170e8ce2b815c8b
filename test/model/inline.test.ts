import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInline, scanCodeSpans, glossSlot, type Inline } from '../../server/src/engine/model/inline';

const parse = (text: string): Inline => parseInline(text, [0, text.length]);
const at = (text: string, span: readonly [number, number] | undefined) => (span ? text.slice(span[0], span[1]) : undefined);

test('a bold term and its gloss right after it', () => {
  const t = '这就是**稳定币**（Stablecoin: 一种加密货币）的由来。';
  const [b] = parse(t).bolds;
  assert.equal(at(t, b.span), '**稳定币**');
  assert.equal(at(t, b.innerSpan), '稳定币');
  assert.equal(at(t, b.gloss?.span), '（Stablecoin: 一种加密货币）');
  assert.equal(at(t, b.gloss?.innerSpan), 'Stablecoin: 一种加密货币');
  assert.equal(b.label, false);
  assert.equal(b.insideParen, false);
});

test('nested parentheses stay inside one gloss', () => {
  const t = '**稳定币**（Stablecoins: 与标的资产（如美元）挂钩的货币）其后';
  assert.equal(at(t, parse(t).bolds[0].gloss?.span), '（Stablecoins: 与标的资产（如美元）挂钩的货币）');
});

test('an unclosed gloss ends at its opening parenthesis, with no close', () => {
  const t = '**术语**（Term: 没有闭合\n下一行）';
  const g = parse(t).bolds[0].gloss!;
  assert.equal(g.close, null);
  assert.deepEqual(g.span, [6, 7]);
});

test('a gloss after the quote that wraps the bold belongs to the bold', () => {
  const t = '所谓“**易得性**”（Availability: 可得性）和《**东京审判**》（Judgment at Tokyo）';
  const [a, b] = parse(t).bolds;
  assert.equal(at(t, a.gloss?.span), '（Availability: 可得性）');
  assert.equal(at(t, b.gloss?.span), '（Judgment at Tokyo）');
  assert.equal(glossSlot(t, a), t.indexOf('”') + 1);
  // A closing quote with no opening one before the bold does not carry the gloss over.
  const u = '他说**重点**”（补充）';
  assert.equal(parse(u).bolds[0].gloss, undefined);
});

test('a gloss inside the bold, full-width or half-width', () => {
  const t = '**旨在帮助（Aim to Assist）**：以及**绑定 (Bindings)**。';
  const [a, b] = parse(t).bolds;
  assert.equal(at(t, a.innerGloss?.span), '（Aim to Assist）');
  assert.equal(a.gloss, undefined);
  assert.equal(at(t, b.innerGloss?.span), '(Bindings)');
  assert.equal(b.innerGloss?.open, '(');
});

test('with a gloss after the bold, a parenthesis inside is part of the term', () => {
  const t = '**强化学习（RL）**（Reinforcement Learning: 一种学习方法）';
  const [b] = parse(t).bolds;
  assert.equal(b.innerGloss, undefined);
  assert.equal(at(t, b.gloss?.innerSpan), 'Reinforcement Learning: 一种学习方法');
});

test('a bold inside a parenthesis is a glossed name, full-width or half-width', () => {
  const t = '挪威主权财富基金（**Norges Bank**: 负责管理）与基金(**NBIM**)以及**术语**';
  const [a, b, c] = parse(t).bolds;
  assert.equal(a.insideParen, true);
  assert.equal(b.insideParen, true);
  assert.equal(c.insideParen, false);
});

test('speaker labels and lead-ins are labels', () => {
  for (const t of ['**Joe:** 你好', '**主持人：**欢迎', '**Tracy**：是的', '**Tracy**: 是的', '**要点：**如下']) {
    const inline = parse(t);
    assert.equal(inline.bolds[0].label, true, t);
  }
  const inline = parse('**Joe Weisenthal:** 大家好');
  assert.equal(inline.speaker?.name, 'Joe Weisenthal');
  assert.equal(parse('>> **Joe:** 你好').speaker?.name, 'Joe');
  assert.equal(parse('Tracy: 你好').speaker?.name, 'Tracy');
});

test('an odd `**` on a line is stray, and later lines keep their pairs', () => {
  const t = '**BOZOMA SAINT JOHN: 有趣吗？\n这是**术语**。';
  const inline = parse(t);
  assert.deepEqual(inline.strayStars, [[0, 2]]);
  assert.equal(inline.bolds.length, 1);
  assert.equal(at(t, inline.bolds[0].span), '**术语**');
  assert.equal(inline.speaker?.name, 'BOZOMA SAINT JOHN');
  assert.equal(inline.speaker?.unclosed, true);
});

test('the stray run is the one whose removal leaves plausible pairs', () => {
  const t = '**甲：** 说了 **乙';
  const inline = parse(t);
  assert.equal(at(t, inline.bolds[0].span), '**甲：**');
  assert.deepEqual(inline.strayStars, [[t.lastIndexOf('**'), t.lastIndexOf('**') + 2]]);
  const u = '前面的 ** 不成对，**术语**在后';
  const v = parse(u);
  assert.deepEqual(v.strayStars, [[4, 6]]);
  assert.equal(at(u, v.bolds[0].span), '**术语**');
});

test('`***` runs: the span covers the two stars nearest the text', () => {
  const t = '***重点***（Key）';
  const [b] = parse(t).bolds;
  assert.equal(at(t, b.span), '**重点**');
  assert.equal(at(t, b.innerSpan), '重点');
  assert.deepEqual(b.openRun, [0, 3]);
  assert.equal(at(t, b.gloss?.span), '（Key）');
});

test('code spans and escaped stars are not bold', () => {
  const t = '用 `**x**` 与 ``a ` b`` 以及 \\*\\*不是\\*\\* 和**是**';
  const inline = parse(t);
  assert.deepEqual(
    inline.codeSpans.map((s) => at(t, s)),
    ['`**x**`', '``a ` b``'],
  );
  assert.deepEqual(
    inline.bolds.map((b) => at(t, b.innerSpan)),
    ['是'],
  );
});

test('an unmatched backtick run is literal and does not swallow later code spans', () => {
  const t = 'a `` b `c` d';
  assert.deepEqual(
    scanCodeSpans(t, 0, t.length).map((s) => t.slice(s[0], s[1])),
    ['`c`'],
  );
});

test('name glosses: a Chinese name with an English gloss, not a bold term’s gloss', () => {
  const t = '沙尔贝克（Schaerbeek）和**稳定币**（Stablecoin: 货币）';
  const inline = parse(t);
  assert.equal(inline.nameGlosses.length, 1);
  assert.equal(at(t, inline.nameGlosses[0].enSpan), 'Schaerbeek');
  assert.equal(at(t, inline.nameGlosses[0].zhSpan), '沙尔贝克');
});

test('CRLF lines pair separately', () => {
  const t = '**甲\r\n乙**';
  const inline = parse(t);
  assert.equal(inline.bolds.length, 0);
  assert.equal(inline.strayStars.length, 2);
});

test('linear on thousands of `**` and `（` in a row', () => {
  const n = 20000;
  const stars = '**'.repeat(1) + ' **a**'.repeat(n) + ' **';
  const parens = '字（'.repeat(n) + '**x**' + '）'.repeat(n);
  const started = Date.now();
  const a = parse(stars);
  const b = parse(parens);
  assert.ok(Date.now() - started < 2000, 'parsing took too long');
  assert.equal(a.bolds.length + a.strayStars.length, n + 1);
  assert.equal(b.bolds[0].insideParen, true);
});
