import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';

const ID = 'gloss/markdown-in-english';
const BODY_LINE = post('').split('\n').length;
const P = '<p class="english-text">'.length;

/** Pairs of Chinese paragraph and English text; the English `<p>` of pair k is on line `line(k)`, its text from column P + 1. */
function body(...english: string[]): { text: string; line: (k: number) => number } {
  return { text: post(english.map((e) => '中文段落。\n' + en(e)).join('\n\n') + '\n'), line: (k) => BODY_LINE + 3 + k * 6 };
}

test('bold in the English is reported, and the fix keeps the words', () => {
  const { text, line } = body('These **multilateral institutions** serve, and **Host:** says so.');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: P + 7, text: '**multilateral institutions**', message: 'prints the asterisks' },
    { line: line(0), column: P + 48, text: '**Host:**' },
  ]);
  assert.deepEqual(d[0].fix, { range: d[0].span, text: 'multilateral institutions' });
  const fixed = fixRule(ID, text);
  assert.ok(fixed.includes('These multilateral institutions serve, and Host: says so.'));
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('a Chinese-style gloss pasted into the English gets its own message and a suggestion, not a fix', () => {
  const { text, line } = body(
    'An analysis from **Brookings**（布鲁金斯学会: 研究机构） and **耶鲁预算实验室**（Yale Budget Lab: 耶鲁的研究机构）.',
  );
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: P + 18, text: '**Brookings**（布鲁金斯学会: 研究机构）', message: 'pasted into the English' },
    { line: line(0), column: P + 50, text: '**耶鲁预算实验室**（Yale Budget Lab: 耶鲁的研究机构）' },
  ]);
  assert.equal(d[0].fix, undefined);
  assert.equal(d[0].suggestions?.[0].edit.text, 'Brookings');
  assert.equal(d[1].suggestions?.[0].edit.text, 'Yale Budget Lab');
});

test('single `*` emphasis is reported with a suggestion only', () => {
  const { text, line } = body('It *is* curved, and *Nomadland* won.');
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: line(0), column: P + 4, text: '*is*', message: 'emphasis `*…*`' },
    { line: line(0), column: P + 21, text: '*Nomadland*' },
  ]);
  assert.equal(d[0].fix, undefined);
  assert.equal(d[0].suggestions?.[0].edit.text, 'is');
});

test('asterisks that are not emphasis pass', () => {
  const { text } = body(
    '>> Five * three * two is thirty.',
    'A footnote* here and another** there.',
    'What the f**k and s**t, F*** that.',
    'Call __init__ and snake__case__name.',
    '&gt;&gt; Hello <br><br>>> World [Music]',
    'A lone ** pair marker.',
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('`__bold__` is reported', () => {
  const { text, line } = body('This is __really important__ here.');
  assertFindings(text, lintRule(ID, text), [{ line: line(0), column: P + 9, text: '__really important__', message: 'underscores' }]);
});

test('Chinese paragraphs and code outside the English are not this rule’s business', () => {
  const text = post('这是**术语**（Term: 解释）。\n' + en('Plain English.') + '\n');
  assertFindings(text, lintRule(ID, text), []);
});

test('CRLF, a BOM and an emoji before the finding keep the columns exact', () => {
  const text = '\uFEFF' + post('中文。\n' + en('😀 The **term** here.') + '\n').replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [{ line: BODY_LINE + 3, column: P + 8, text: '**term**' }]);
  assert.ok(fixRule(ID, text).includes('>😀 The term here.</p>\r\n'));
});

test('linear on thousands of `**` in a row', () => {
  const { text } = body('a **b** '.repeat(20000) + '*'.repeat(20000));
  const started = Date.now();
  const d = lintRule(ID, text);
  assert.ok(Date.now() - started < 3000, 'took too long');
  assert.equal(d.length, 20000);
});
