import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, post, en } from '../../helpers';
import { BODY, fixWithGlossary, lintWithGlossary } from './fixtures';

const ID = 'term/forbidden';

test('a forbidden Chinese form standing alone is fixed to the preferred term', () => {
  const text = post('**人工智慧**（AI）是一个领域。\n' + en('AI is a field.') + '\n');
  const diags = lintWithGlossary(ID, text);
  assertFindings(text, diags, [
    {
      line: BODY,
      column: 3,
      text: '人工智慧',
      message: '“人工智慧” is a form the glossary forbids for “人工智能” (Artificial Intelligence): use “人工智能”',
    },
  ]);
  assert.ok(diags[0].fix);
  assert.equal(fixWithGlossary(ID, text), text.replace('人工智慧', '人工智能'));
});

test('inside a longer run of Chinese the replacement is only suggested', () => {
  const text = post('他们的城墙优势很明显。\n' + en('Their moat is obvious.') + '\n');
  const diags = lintWithGlossary(ID, text);
  assertFindings(text, diags, [{ line: BODY, column: 4, text: '城墙优势' }]);
  assert.equal(diags[0].fix, undefined);
  assert.equal(diags[0].suggestions?.[0].edit.text, '护城河');
  assert.equal(fixWithGlossary(ID, text), text);
});

test('forbidden English forms are matched as whole words, case-insensitively, and fixed to the English', () => {
  const text = post('这是**人工智能**（artifical intelligence）。ArtificalIntelligence不算。\n' + en('This is AI.') + '\n');
  const diags = lintWithGlossary(ID, text);
  assertFindings(text, diags, [{ line: BODY, column: 12, text: 'artifical intelligence', message: 'use “Artificial Intelligence”' }]);
  assert.equal(fixWithGlossary(ID, text), text.replace('artifical intelligence', 'Artificial Intelligence'));
});

test('headings are checked; code spans and English blocks are not', () => {
  const text = post('### 人工智慧的未来\n\n`人工智慧` 是代码。\n\n' + en('人工智慧 in the original stays.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text), [{ line: BODY, column: 5, text: '人工智慧' }]);
});

test('the longest forbidden form wins, once', () => {
  const text = post('我们用了大语言模式。\n' + en('We used a large language model.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text), [{ line: BODY, column: 5, text: '大语言模式' }]);
});

test('without a glossary the rule does nothing', () => {
  const text = post('人工智慧。\n' + en('AI.') + '\n');
  assertFindings(text, lintWithGlossary(ID, text, null), []);
});
