import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule } from '../../helpers';
import { at, lineWith, pairs } from './fixtures';

const ID = 'entity/inconsistent-translation';

test('one English term rendered two ways: the second rendering is reported, naming the first', () => {
  const text = pairs(
    {},
    ['很多产品只是**包壳**（Wrapper: 对模型的简单封装）。', 'Many products are wrappers.'],
    ['这种**套壳**（Wrapper）没有护城河。', 'Such a wrapper has no moat.'],
  );
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, '套壳', `but \`包壳\` on line ${lineWith(text, '包壳')}`)]);
  assert.deepEqual(
    found[0].suggestions?.map((s) => s.edit.text),
    ['包壳'],
  );
});

test('name glosses: the guessed Chinese extent may carry context or a short form', () => {
  const text = pairs(
    {},
    ['我们先看甲骨文公司（Oracle）和杰森·黄（Jensen Huang）。', 'First, Oracle and Jensen Huang.'],
    [
      '然后是甲骨文（Oracle），黄（Jensen Huang）说了话，以及像英伟达（Nvidia）这样的公司和英伟达（Nvidia）。',
      'Then Oracle, Huang, and Nvidia.',
    ],
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('a name gloss with another transliteration is reported on the Chinese', () => {
  const text = pairs(
    {},
    ['在沙尔贝克（Schaerbeek）出了错。', 'In Schaerbeek.'],
    ['斯哈尔贝克（Schaerbeek）的选票。', 'The Schaerbeek vote.'],
  );
  assertFindings(text, lintRule(ID, text), [at(text, '斯哈尔贝克', '`Schaerbeek` is rendered `斯哈尔贝克` here but `沙尔贝克`')]);
});

test('one Chinese name glossed with two English spellings: the second spelling is reported', () => {
  const text = pairs({}, ['**沙尔贝克**（Schaerbeek）。', 'Schaerbeek.'], ['**沙尔贝克**（Schaerbeck）。', 'Schaerbeek.']);
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, 'Schaerbeck', '`沙尔贝克` is glossed `Schaerbeck` here but `Schaerbeek`')]);
  assert.deepEqual(
    found[0].suggestions?.map((s) => s.edit.text),
    ['Schaerbeek'],
  );
});

test('different words for one term, lowercase glosses and deliberate comparisons stay quiet', () => {
  const text = pairs(
    {},
    ['**人工智能**（AI）与**人工智能**（Artificial Intelligence）。', 'AI.'],
    ['**模型**（Model）和**模型**（Models）。', 'Models.'],
    ['**进步的**（progressive）和**进步派**（progressive）。', 'Progressive.'],
    ['**启发式**（Heuristic）也译作**捷思法**（Heuristic: 同“启发式”）。', 'Heuristics.'],
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('CRLF, a BOM and an emoji before the finding keep exact columns', () => {
  const lf = pairs({}, ['**包壳**（Wrapper）。', 'A.'], ['🚀 **套壳**（Wrapper）。', 'B.']);
  const text = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [at(text, '套壳')]);
});
