/**
 * Bad input for the gloss and bold rules: random mixes of the characters they
 * care about never make a rule fail, every finding stays inside the text, and
 * applying the fixes twice changes nothing the second time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixRule, lintRule } from '../../helpers';

const IDS = ['gloss/missing', 'gloss/format', 'gloss/markdown-in-english', 'markdown/unrendered-bold'];

const PIECES = [
  '**',
  '**',
  '*',
  '***',
  '_',
  '__',
  '（',
  '）',
  '(',
  ')',
  '：',
  ':',
  ': ',
  '“',
  '”',
  '《',
  '》',
  '`',
  '\\',
  '[a](b)',
  '<br>',
  '术语',
  '的',
  'Term',
  ' ',
  '。',
  '😀',
  '\n',
  '\r\n',
  '\n\n',
  '- ',
  '> ',
  '### ',
  '<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">',
  '</p>\n</details>',
  '---\n',
  '\uFEFF',
];

function* randomTexts(count: number, seed: number): Generator<string> {
  let s = seed;
  const r = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  for (let k = 0; k < count; k++) {
    let t = '';
    const len = 1 + r(40);
    for (let i = 0; i < len; i++) t += PIECES[r(PIECES.length)];
    yield t;
  }
}

test('empty and degenerate posts', () => {
  for (const t of [
    '',
    '**',
    '（',
    '`',
    '*'.repeat(1000),
    '（'.repeat(1000),
    '**（**）**',
    '\uFEFF**\r\n**',
    '**😀**（',
    '<p class="english-text">**</p>',
  ]) {
    for (const id of IDS) {
      const d = lintRule(id, t);
      assert.ok(!d.some((x) => x.message.includes('failed on this post')), `${id} on ${JSON.stringify(t)}`);
      fixRule(id, t);
    }
  }
});

test('random mixes: no rule fails, findings stay in the text, fixes are stable', () => {
  for (const t of randomTexts(1500, 11)) {
    for (const id of IDS) {
      const d = lintRule(id, t);
      for (const x of d) {
        assert.ok(!x.message.includes('failed on this post'), `${id} failed on ${JSON.stringify(t)}: ${x.message}`);
        assert.ok(x.span[0] >= 0 && x.span[1] <= t.length && x.span[0] <= x.span[1], `${id} span on ${JSON.stringify(t)}`);
      }
      if (d.some((x) => x.fix)) fixRule(id, t);
    }
  }
});
