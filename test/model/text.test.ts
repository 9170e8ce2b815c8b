import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageOf, scriptCounts } from '../../server/src/engine/text';

test('scriptCounts counts Han, Latin letters and words, CJK punctuation, and glosses apart', () => {
  const c = scriptCounts('我们用 **API**（Application Interface: 应用接口）。');
  assert.deepEqual(c, { han: 7, latin: 23, words: 3, cjkPunct: 3, glossHan: 4, glossWords: 2 });
});

test('an unclosed full-width parenthesis is no gloss', () => {
  const c = scriptCounts('说明（Some words here');
  assert.equal(c.glossWords, 0);
  assert.equal(c.words, 3);
});

test('languageOf: a pasted Chinese gloss does not turn English into Chinese', () => {
  assert.equal(languageOf('The market is led by **Nvidia**（一家领先的图形处理器和人工智能芯片制造商） with most of it.'), 'en');
});

test('languageOf: a Chinese sentence keeping English names is Chinese', () => {
  assert.equal(languageOf('我们比较了**Google**的**Gemini 3**和**OpenAI**的**GPT-5.1 Codex**。'), 'zh');
  assert.equal(languageOf('认知失调（Cognitive Dissonance: a long explanation in English words here）很常见。'), 'zh');
});

test('languageOf: punctuation alone decides between Chinese and nothing', () => {
  assert.equal(languageOf('99.5。'), 'zh');
  assert.equal(languageOf('99.5'), 'none');
  assert.equal(languageOf(''), 'none');
});

test('languageOf reads astral characters without miscounting', () => {
  assert.equal(languageOf('😀😀 A short English line 😀'), 'en');
  assert.equal(languageOf('😀 一句中文 😀'), 'zh');
});
