import { test } from 'node:test';
import { assertFindings, lintRule, post, en } from '../../helpers';

const ID = 'front-matter/missing';

test('a post without front matter is reported at its first line', () => {
  const text = '### 标题\n\n正文。\n' + en('Body.');
  assertFindings(text, lintRule(ID, text), [{ line: 1, column: 1, text: '### 标题', message: 'no front matter' }]);
});

test('a post with front matter passes', () => {
  const text = post('正文。\n' + en('Body.'));
  assertFindings(text, lintRule(ID, text), []);
});

test('an empty file is reported with an empty range at its start', () => {
  assertFindings('', lintRule(ID, ''), [{ line: 1, column: 1, text: '' }]);
});

test('after a BOM the finding starts at column 1', () => {
  const text = '\uFEFF正文\n';
  assertFindings(text, lintRule(ID, text), [{ line: 1, column: 1, text: '正文' }]);
});
