import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, post, en } from '../../helpers';
import { BODY, lintWithGlossary } from './fixtures';

const ID = 'term/inconsistent';

test('glosses that follow the glossary give no finding (variants and plurals accepted)', () => {
  const text = post(
    [
      '**大语言模型**（Large Language Models, LLMs: 以海量文本训练的模型）正在改变软件。',
      en('Large language models are changing software.'),
      '',
      '这家公司的**护城河**（moat）很深，**人工智能**（AI）也帮了忙，**大型语言模型**（LLM）也是。',
      en('The company has a deep moat, AI helps, and so do LLMs.'),
      '',
    ].join('\n'),
  );
  assertFindings(text, lintWithGlossary(ID, text), []);
});

test('a glossary term glossed with other English: reported at the English, with a suggestion', () => {
  const text = post('这家公司的**护城河**（Competitive Wall: 竞争优势）很深。\n' + en('The company has a deep moat.') + '\n');
  const diags = lintWithGlossary(ID, text);
  assertFindings(text, diags, [
    {
      line: BODY,
      column: 14,
      text: 'Competitive Wall',
      message: '“Competitive Wall” glosses “护城河”, but the glossary gives its English as “Moat”',
    },
  ]);
  assert.equal(diags[0].fix, undefined, 'a person decides');
  assert.deepEqual(diags[0].suggestions?.[0].edit, { range: diags[0].span, text: 'Moat' });
});

test('an English term of the glossary translated with another Chinese: reported at the Chinese', () => {
  const text = post(
    '我们讨论了**巨型语言模型**（Large Language Model: 一种模型）。\n' + en('We discussed the large language model.') + '\n',
  );
  const diags = lintWithGlossary(ID, text);
  assertFindings(text, diags, [{ line: BODY, column: 8, text: '巨型语言模型', message: 'which the glossary translates as “大语言模型”' }]);
  assert.equal(diags[0].suggestions?.[0].edit.text, '大语言模型');
});

test('name glosses: their English is checked; their Chinese, whose extent is a guess, is not blamed', () => {
  const text = post(
    '美国公司英伟达（Green Core）和另一家叫绿芯（Nvidia）的公司。\n' + en('Nvidia, and a company called Green Core.') + '\n',
  );
  assertFindings(text, lintWithGlossary(ID, text), [
    { line: BODY, column: 9, text: 'Green Core', message: '“Green Core” glosses “英伟达”' },
  ]);
});

test('an acronym and its expansion agree', () => {
  const text = post('**大语言模型**（LLMs）和**人工智能**（AI）。\n' + en('LLMs and AI.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text), []);
});

test('forbidden forms are left to term/forbidden', () => {
  const text = post('**大语言模式**（Large Language Model）。\n' + en('Large language model.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text), []);
});

test('without a glossary the rule does nothing', () => {
  const text = post('这家公司的**护城河**（Competitive Wall）很深。\n' + en('A deep moat.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text, null), []);
});
