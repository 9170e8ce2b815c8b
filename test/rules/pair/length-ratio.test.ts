import { test } from 'node:test';
import { assertFindings, lintRule } from '../../helpers';
import { fixturePair, fixturePairs, postOf, type FixturePair } from './translation-fixtures';

const ID = 'pair/length-ratio';

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

/** Pairs k..k+n-1 as one pair: their Chinese, and their English, run together. */
function merged(k: number, n: number, side: 'zh' | 'en' | 'both'): FixturePair {
  const parts = Array.from({ length: n }, (_, i) => fixturePair(k + i));
  const first = fixturePair(k);
  return {
    zh: side === 'en' ? first.zh : parts.map((p) => p.zh).join(''),
    en: side === 'zh' ? first.en : parts.map((p) => p.en).join(' '),
  };
}

test('pairs in proportion give no finding', () => {
  const text = postOf(fixturePairs(30));
  assertFindings(text, lintRule(ID, text), []);
});

test('an English block holding several paragraphs: reported at the Chinese, with both ratios', () => {
  const pairs = fixturePairs(30);
  pairs[12] = merged(12, 4, 'en');
  const text = postOf(pairs);
  assertFindings(text, lintRule(ID, text), [
    {
      line: lineOf(text, pairs[12].zh),
      column: 1,
      text: pairs[12].zh,
      message:
        /has \d+(\.\d)? English characters per Chinese one, where this post’s pairs typically have \d\.\d: the Chinese may be truncated/,
    },
  ]);
});

test('a Chinese paragraph translating several blocks: reported at the short English', () => {
  const pairs = fixturePairs(30);
  pairs[7] = merged(7, 4, 'zh');
  const text = postOf(pairs);
  const column = text.split('\n')[lineOf(text, pairs[7].en) - 1].indexOf(pairs[7].en) + 1;
  assertFindings(text, lintRule(ID, text), [
    { line: lineOf(text, `>${pairs[7].en}<`), column, text: pairs[7].en, message: 'the English may be truncated' },
  ]);
});

test('an English block repeated from the previous pair is named', () => {
  const pairs = fixturePairs(30);
  pairs[19] = merged(19, 4, 'both');
  pairs[20] = { zh: fixturePair(23).zh, en: pairs[19].en };
  const text = postOf(pairs);
  assertFindings(text, lintRule(ID, text), [
    {
      line: lineOf(text, pairs[20].zh),
      column: 1,
      text: pairs[20].zh,
      message: `repeats the block at line ${lineOf(text, `>${pairs[19].en}<`)}`,
    },
  ]);
});

test('short paragraphs need a far larger deviation', () => {
  const pairs = fixturePairs(30);
  pairs[5] = { zh: '是的。', en: 'Yes, yes, that is exactly what I was trying to say about it.' };
  pairs[6] = { zh: '好的，我们开始吧。', en: 'OK.' };
  const text = postOf(pairs);
  assertFindings(text, lintRule(ID, text), []);
});

test('a post with too few pairs has no typical ratio to compare with', () => {
  const pairs = fixturePairs(12);
  pairs[5] = merged(5, 4, 'en');
  const text = postOf(pairs);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['info', { minPairs: 8 }] } }), [
    { line: lineOf(text, pairs[5].zh), column: 1, text: pairs[5].zh },
  ]);
});

test('threshold and minFactor tune what counts as an outlier', () => {
  const pairs = fixturePairs(30);
  pairs[12] = merged(12, 2, 'en');
  const text = postOf(pairs);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['info', { threshold: 1.5, minFactor: 1.5 }] } }), [
    { line: lineOf(text, pairs[12].zh), column: 1, text: pairs[12].zh },
  ]);
});

test('pairs inside an alignment drift are left to pair/alignment-drift', () => {
  const pairs = fixturePairs(30);
  // The English of pair 10 is lost and a long block slips into pair 14's place.
  const shifted = pairs.map((p, k) => ({ zh: p.zh, en: k >= 10 && k < 29 ? pairs[k + 1].en : p.en }));
  shifted[13].en = merged(14, 4, 'en').en;
  const text = postOf(shifted);
  assertFindings(text, lintRule(ID, text), []);
  // With the drift rule off, nothing else would tell of that block: this rule reports it.
  assertFindings(text, lintRule(ID, text, { rules: { 'pair/alignment-drift': 'off' } }), [
    { line: lineOf(text, pairs[13].zh), column: 1, text: pairs[13].zh },
  ]);
});
