import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule, post, en } from '../../helpers';
import { fixturePairs, postOf, withEnglishLost } from './translation-fixtures';

const ID = 'pair/number-mismatch';

test('numbers that agree after normalizing units give no finding', () => {
  const text = post(
    [
      '公司在2003年5月18日筹集了4亿美元，占比20%。',
      en('On May 18th, 2003, the company raised $400 million, 20 percent of the total.'),
      '',
      '产量达到2,000吨，持续了六年，人口约1.7亿。',
      en('Output reached 2000 tons for six years, with 170 million people.'),
      '',
    ].join('\n'),
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('a number on one side only is reported where it stands', () => {
  const body = '盈利目标是2029年，还有四年。\n' + en('Profitability target 2025, four years away.') + '\n';
  const text = post(body);
  assertFindings(text, lintRule(ID, text), [
    { line: 19, column: 6, text: '2029', message: 'The Chinese has “2029”' },
    { line: 22, column: 46, text: '2025', message: 'The English has “2025”' },
  ]);
});

test('a pair where nothing agrees gets one finding, not one per number', () => {
  const body =
    '他在1990年用3美元买了5本书，又在1995年卖掉。\n' + en('In 2001 he paid 40 dollars for 12 records and sold them in 2008.') + '\n';
  const text = post(body);
  assertFindings(text, lintRule(ID, text), [{ line: 19, column: 3, text: '1990', message: 'None of the numbers of this pair agree' }]);
});

test('a unit conversion in parentheses counts as the original number', () => {
  const text = post('从未在低于11.7摄氏度（53°F）的温度下测试。\n' + en('They never tested below 53 degrees.') + '\n');
  assertFindings(text, lintRule(ID, text), []);
});

test('spelled-out English numbers are only reported when asked', () => {
  const text = post('他们讨论了这个问题。\n' + en('They discussed it for three hours.') + '\n');
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['info', { checkSpelledOutEnglish: true }] } }), [
    { line: 22, column: 47, text: 'three' },
  ]);
});

test('positions stay exact after CRLF, a BOM and an emoji', () => {
  const text = '\uFEFF' + post('😀 目标是2029年。\n' + en('😀 Target: 2025.') + '\n').replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [
    { line: 19, column: 7, text: '2029' },
    { line: 22, column: 36, text: '2025' },
  ]);
});

test('Chinese-source posts and condensed translations are not compared', () => {
  const summary =
    '他在1990年出生。\n' +
    en('He was born in 1991, and then ' + 'he talked for a very long time about many other things '.repeat(4)) +
    '\n';
  const text = post(summary);
  assertFindings(text, lintRule(ID, text), []);
});

test('inside a drift of the English blocks, pairs are left to pair/alignment-drift', () => {
  const pairs = fixturePairs(30);
  pairs[3] = { ...pairs[3], zh: pairs[3].zh.replace(String(1901 + 3 * 3), '1899') };
  const text = postOf(withEnglishLost(pairs, 10));
  const lines = text.split('\n');
  const lineOf = (zh: string) => lines.findIndex((l) => l.startsWith(zh)) + 1;
  const found = lintRule(ID, text).map((d) => d.range.start.line + 1);
  // Pair 3 has a wrong year of its own; pair 10 lost its English (its block is pair 11's): both are
  // reported. From pair 11 on, each paragraph's English is its neighbour's: the drift, reported once
  // by pair/alignment-drift (the fixture's drift test), not as 19 pairs of numbers that differ.
  assert.ok(found.length > 0 && found.every((l) => l < lineOf(pairs[11].zh)), `findings at lines ${found.join(', ')}`);
  assert.ok(found.includes(lineOf(pairs[3].zh)), `pair 3's wrong year is still reported (lines ${found.join(', ')})`);
  // The drift rule itself sees the drift on this text (so the test is about a real drift).
  assert.equal(lintRule('pair/alignment-drift', text).length, 1);
});

test('with pair/alignment-drift off, the pairs inside a drift are compared as they stand', () => {
  const text = postOf(withEnglishLost(fixturePairs(30), 10));
  const found = lintRule(ID, text, { rules: { 'pair/alignment-drift': 'off' } });
  // Nothing else reports the drift now, so each slipped pair's numbers are this rule's to report.
  assert.ok(found.length >= 19, `${found.length} findings`);
});
