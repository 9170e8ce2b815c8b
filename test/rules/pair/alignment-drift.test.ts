import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule, post, en } from '../../helpers';
import { fixturePairs, postOf, withEnglishDoubled, withEnglishLost, type FixturePair } from './translation-fixtures';

const ID = 'pair/alignment-drift';

/** 1-based line of the first line that starts with `start`. */
function lineStarting(text: string, start: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
}

/** 1-based line of the English block text of `english`. */
function englishLine(text: string, english: string): number {
  return text.split('\n').findIndex((l) => l.includes(`>${english}</p>`)) + 1;
}

test('pairs that line up give no finding', () => {
  const text = postOf(fixturePairs(30));
  assertFindings(text, lintRule(ID, text), []);
});

test('a lost English block: one finding where the drift starts, naming where the English went', () => {
  const pairs = fixturePairs(30);
  const text = postOf(withEnglishLost(pairs, 10));
  const diags = lintRule(ID, text);
  assertFindings(text, diags, [{ line: lineStarting(text, pairs[11].zh), column: 1, text: pairs[11].zh, message: 'slipped one block' }]);
  const message = diags[0].message;
  assert.match(message, new RegExp(`to line ${lineStarting(text, pairs[29].zh)} \\(19 pairs\\)`));
  assert.ok(message.includes(`this paragraph’s is at line ${englishLine(text, pairs[11].en)}`), message);
  assert.ok(message.includes(`line ${lineStarting(text, pairs[12].zh)}’s at line ${englishLine(text, pairs[12].en)}`), message);
  assert.ok(message.includes('one block earlier'), message);
  assert.ok(message.includes('missing'), message);
});

test('a doubled English block: the English sits one block later', () => {
  const pairs = fixturePairs(30);
  const text = postOf(withEnglishDoubled(pairs, 10));
  const diags = lintRule(ID, text);
  assertFindings(text, diags, [{ line: lineStarting(text, pairs[11].zh), column: 1, text: pairs[11].zh, message: 'one block later' }]);
  assert.ok(diags[0].message.includes('doubled'), diags[0].message);
});

test('two swapped blocks are a local mix-up, not a drift', () => {
  const pairs = fixturePairs(30);
  const swapped = pairs.map((p) => ({ ...p }));
  [swapped[10].en, swapped[11].en] = [pairs[11].en, pairs[10].en];
  const text = postOf(swapped);
  assertFindings(text, lintRule(ID, text), []);
});

test('a slip of two blocks is found up to maxOffset', () => {
  const pairs = fixturePairs(30);
  const twice = withEnglishLost(withEnglishLost(pairs, 10), 10);
  const text = postOf(twice);
  assertFindings(text, lintRule(ID, text), [
    { line: lineStarting(text, pairs[12].zh), column: 1, text: pairs[12].zh, message: 'slipped 2 blocks' },
  ]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { maxOffset: 1 }] } }), []);
});

test('a short drift at the end is reported unless minPairs asks for more', () => {
  const pairs = fixturePairs(30);
  const text = postOf(withEnglishLost(pairs, 26));
  assertFindings(text, lintRule(ID, text), [{ line: lineStarting(text, pairs[27].zh), column: 1, text: pairs[27].zh }]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { minPairs: 5 }] } }), []);
});

test('glossed terms anchor pairs even where the Chinese uses them unglossed', () => {
  // No numbers or Latin names in the later paragraphs: only the glosses' English ties them to their blocks.
  const terms: [string, string][] = [
    ['潮汐磨坊', 'tide mill'],
    ['风向标', 'weathervane'],
    ['灯塔看守', 'lighthouse keeper'],
    ['盐沼', 'salt marsh'],
    ['石墙', 'drystone wall'],
    ['渡船', 'ferry'],
    ['蜂房', 'beehive'],
    ['钟楼', 'clock tower'],
    ['水车', 'waterwheel'],
    ['果园', 'orchard'],
    ['木桥', 'footbridge'],
    ['鸽舍', 'dovecote'],
  ];
  const glossed: FixturePair[] = terms.map(([zh, english]) => ({
    zh: `他们第一次提到**${zh}**（${english}），那是村子里最古老的东西。`,
    en: `They first mentioned the ${english}, the oldest thing in the village.`,
  }));
  const bare: FixturePair[] = terms.map(([zh, english]) => ({
    zh: `后来大家又聊起了${zh}，说它的故事比任何人记得的都长。`,
    en: `Later everyone talked about the ${english} again, saying its story was longer than anyone remembered.`,
  }));
  const lost = withEnglishLost(bare, 4);
  const text = post([...glossed, ...lost].map((p) => `${p.zh}\n\n${en(p.en)}\n`).join('\n'));
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { lengthWeight: 0 }] } }), [
    { line: lineStarting(text, bare[5].zh), column: 1, text: bare[5].zh },
  ]);
});

test('posts whose blocks hold a Chinese transcript are not checked', () => {
  const pairs = withEnglishLost(fixturePairs(30), 10).map((p) => ({ zh: p.zh, en: p.zh }));
  const text = post(
    pairs
      .map((p) => `${p.zh}\n\n<details>\n<summary>View/Hide Original Chinese</summary>\n<p class="chinese-text">${p.en}</p>\n</details>\n`)
      .join('\n'),
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('positions stay exact after CRLF, a BOM and an emoji', () => {
  const pairs = fixturePairs(30);
  pairs[11] = { zh: '😀 ' + pairs[11].zh, en: pairs[11].en };
  const text = '\uFEFF' + postOf(withEnglishLost(pairs, 10)).replace(/\n/g, '\r\n');
  const lines = text.split('\r\n');
  const line = lines.findIndex((l) => l.startsWith('😀')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 1, text: pairs[11].zh }]);
});

test('tiny and empty posts give no finding and do not fail', () => {
  for (const text of ['', post(''), post('只有一段。\n'), postOf(fixturePairs(2))]) assertFindings(text, lintRule(ID, text), []);
});
