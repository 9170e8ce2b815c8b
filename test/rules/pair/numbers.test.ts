import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseNumbers, englishNumbers, parseChineseNumeral, sameNumber } from '../../../server/src/rules/pair/numbers';

const zh = (s: string) => chineseNumbers(s, 0, s.length).map((n) => (n.weak ? `~${n.value}` : n.value));
const en = (s: string) => englishNumbers(s, 0, s.length).map((n) => n.value);

test('Chinese numerals', () => {
  assert.equal(parseChineseNumeral('二十'), 20);
  assert.equal(parseChineseNumeral('三百五十'), 350);
  assert.equal(parseChineseNumeral('一万五千'), 15000);
  assert.equal(parseChineseNumeral('十'), 10);
  assert.equal(parseChineseNumeral('五六'), undefined);
});

test('Chinese amounts with magnitudes, percentages and dates', () => {
  assert.deepEqual(zh('公司筹集了4亿美元'), [4e8]);
  assert.deepEqual(zh('人口约1.7亿'), [1.7e8]);
  assert.deepEqual(zh('产量2,000吨，增长20%'), [2000, 20]);
  assert.deepEqual(zh('百分之二十的人'), [20]);
  assert.deepEqual(zh('2003年5月18日'), [2003, 5, 18]);
  assert.deepEqual(zh('他工作了六年'), [6]);
  assert.deepEqual(zh('二十多年前'), [20]);
});

test('Chinese words that only look like numbers are weak or skipped', () => {
  assert.deepEqual(zh('我们一起去'), []);
  assert.deepEqual(zh('系统三很慢'), ['~3']);
  assert.deepEqual(zh('千百万年的演化'), []);
  assert.deepEqual(zh('这十分重要'), ['~10']);
  assert.deepEqual(zh('第三个问题'), ['~3']);
  assert.deepEqual(zh('2千兆字节'), [2]);
  assert.deepEqual(zh('型号H100很快'), []);
});

test('English digits, scales, fractions and words', () => {
  assert.deepEqual(en('They raised $400 million.'), [4e8]);
  assert.deepEqual(en('About 2,000 tons, up 20 percent.'), [2000, 20]);
  assert.deepEqual(en('On May 18th, 2003.'), [5, 18, 2003]);
  assert.deepEqual(en('In the 1970s.'), [1970]);
  assert.deepEqual(en('It took six years.'), [6]);
  assert.deepEqual(en('twenty-five and three hundred'), [25, 300]);
  assert.deepEqual(en('two thousand three hundred'), [2300]);
  assert.deepEqual(en('valued from 600 to 800 billion'), [6e11, 8e11]);
  assert.deepEqual(en('4 1/2 g of oil'), [4.5]);
  assert.deepEqual(en('It is 10x bigger'), [10]);
  assert.deepEqual(en('five, six, seven years'), [5, 6, 7]);
  assert.deepEqual(en('three and a half'), [3.5]);
  assert.deepEqual(en('a four-year plan'), [4]);
  assert.deepEqual(en('the GPT4o model and B2B'), []);
  assert.deepEqual(en('To .5 per hour'), [0.5]);
});

test('sameNumber allows what speech-to-text does, not more', () => {
  assert.ok(sameNumber(4.5, 45));
  assert.ok(sameNumber(2027, 27));
  assert.ok(sameNumber(7.25e8, 725));
  assert.ok(!sameNumber(2029, 2025));
  assert.ok(!sameNumber(2, 200));
  assert.ok(!sameNumber(0.5, 5));
});
