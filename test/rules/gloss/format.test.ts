import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';

const ID = 'gloss/format';
const BODY_LINE = post('').split('\n').length;

function body(...paras: string[]): { text: string; line: (k: number) => number } {
  return { text: post(paras.map((p) => p + '\n' + en('English.')).join('\n\n') + '\n'), line: (k) => BODY_LINE + k * 6 };
}

test('the house forms pass', () => {
  const { text } = body(
    '**稳定币**（Stablecoin: 一种价值挂钩的加密货币）。',
    '**慈悲**（compassion）和**人工智能**（人工智能的简称）。',
    '**大语言模型**（Large Language Models, LLMs: 一类模型）。',
    '**稳定币**（Stablecoins: 与标的资产（如美元）挂钩的货币）。',
    '**会议**（10:30）和**赫特奖**（赫特奖：一个压缩竞赛）。',
    '挪威主权财富基金（**Norges Bank**: 负责管理）。',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('half-width and mixed parentheses point at the wrong parenthesis, and the fix makes both full-width', () => {
  const { text, line } = body('**稳定币** (Stablecoin: 一种货币)。', '**术语**（Term: 解释)和**词**(Word）。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: 9, text: '(', message: 'half-width parentheses' },
    { line: line(1), column: 16, text: ')', message: 'closes with `)`' },
    { line: line(1), column: 23, text: '(', message: 'opens with `(`' },
  ]);
  assert.deepEqual(d[0].fix, { range: [d[0].span[0], d[0].span[0] + '(Stablecoin: 一种货币)'.length], text: '（Stablecoin: 一种货币）' });
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('**稳定币** （Stablecoin: 一种货币）。'));
  assert.ok(fixed.includes('**术语**（Term: 解释）和**词**（Word）。'));
});

test('an unclosed gloss and an empty gloss', () => {
  const { text, line } = body('**术语**（Term: 没有闭合', '**术语**（ ）之后。');
  assertFindings(text, lintRule(ID, text), [
    { line: line(0), column: 7, text: '（', message: 'not closed' },
    { line: line(1), column: 7, text: '（ ）', message: 'empty' },
  ]);
});

test('a full-width colon or a missing space after the English term, with fixes', () => {
  const { text, line } = body(
    '**星链**（Starlink：卫星互联网服务）和**多巴胺**（Dopamine： 神经递质）。',
    '**基础模型**（Foundation Models:在大规模数据上训练的模型）。',
  );
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: 16, text: '：', message: 'full-width `：`' },
    { line: line(0), column: 42, text: '：', message: 'full-width `：`' },
    { line: line(1), column: 27, text: ':', message: 'space belongs after the colon' },
  ]);
  const range = d[1].fix?.range ?? [0, 0];
  assert.equal(range[1] - range[0], 2, 'the space after `：` is replaced too');
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('（Starlink: 卫星互联网服务）和**多巴胺**（Dopamine: 神经递质）'));
  assert.ok(fixed.includes('（Foundation Models: 在大规模数据上训练的模型）'));
});

test('option colon: any accepts both colons', () => {
  const { text } = body('**星链**（Starlink：卫星互联网服务）和**模型**（Model:模型）。');
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { colon: 'any' }] } }), []);
});

test('nothing after the colon', () => {
  const { text, line } = body('**术语**（Term: ）之后。');
  assertFindings(text, lintRule(ID, text), [{ line: line(0), column: 12, text: ':', message: 'Nothing follows the colon' }]);
});

test('option allowChineseOnly: false asks for the English term', () => {
  const { text, line } = body('**人工智能**（一种技术）和**AI**（Artificial Intelligence）。');
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { allowChineseOnly: false }] } }), [
    { line: line(0), column: 10, text: '一种技术', message: 'only a Chinese explanation' },
  ]);
});

test('a gloss inside the bold is moved out by the fix', () => {
  const { text, line } = body('**旨在帮助（Aim to Assist）**：一个目标。', '在两者之间建立**绑定 (Bindings)**：接口层。');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: 7, text: '（Aim to Assist）', message: 'inside the bold' },
    { line: line(1), column: 13, text: '(', message: 'half-width' },
    { line: line(1), column: 13, text: '(Bindings)', message: 'inside the bold' },
  ]);
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('**旨在帮助**（Aim to Assist）：一个目标。'));
  assert.ok(fixed.includes('在两者之间建立**绑定**（Bindings）：接口层。'));
  assertFindings(fixed, lintRule(ID, fixed), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { glossInsideBold: 'allow' }] } }), [
    { line: line(1), column: 13, text: '(' },
  ]);
});

test('CRLF, a BOM and an emoji before the finding keep the columns exact', () => {
  const text = '\uFEFF' + post('😀**星链**（Starlink：卫星）。\n' + en('English.') + '\n').replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [{ line: BODY_LINE, column: 18, text: '：' }]);
  assert.ok(fixRule(ID, text).includes('😀**星链**（Starlink: 卫星）。\r\n'));
});

test('linear on thousands of `（` in a row', () => {
  const { text } = body('**术语**' + '（'.repeat(50000) + 'x');
  const started = Date.now();
  const d = lintRule(ID, text);
  assert.ok(Date.now() - started < 3000, 'took too long');
  assert.equal(d.length, 1);
});
