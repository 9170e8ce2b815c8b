import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lint, configFrom } from '../../../server/src/bilint';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';
import { applyEdit, postWith } from './fixtures';

const ID = 'front-matter/yaml';
const BODY = '### 标题\n\n正文。\n\n' + en('Body.');

test('valid front matter, and a post without any, pass', () => {
  for (const text of [postWith({}), BODY, post(BODY, ''), postWith({ summary: 'summary: 第一行\n  第二行。' })]) {
    assertFindings(text, lintRule(ID, text), []);
  }
});

test('an unterminated front matter is reported at its opening line, with a closing line to add', () => {
  const text = '---\ntitle: 标题\ntags:\n- a\n  more\n\n### 标题\n';
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 1, column: 1, text: '---', message: 'never closed' }]);
  const fixed = applyEdit(text, d[0].suggestions![0].edit);
  assert.equal(fixed, '---\ntitle: 标题\ntags:\n- a\n  more\n---\n\n### 标题\n');
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('an unterminated front matter with nothing field-like after it gets no suggestion', () => {
  const text = '---\n### 标题\n';
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 1, column: 1, text: '---', message: 'never closed' }]);
  assert.equal(d[0].suggestions, undefined);
  assertFindings('---', lintRule(ID, '---'), [{ line: 1, column: 1, text: '---' }]);
});

test('a front matter left open and closed by a rule in the body is reported at its opening line', () => {
  const text = '---\ntitle: 标题\n\n### 小标题\n\n正文第一段。\n\n' + en('Body.') + '\n\n---\n\n更多。\n';
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 1, column: 1, text: '---', message: 'up to the `---` on line 13' }]);
  const fixed = applyEdit(text, d[0].suggestions![0].edit);
  assert.ok(fixed.startsWith('---\ntitle: 标题\n---\n\n### 小标题\n'));
  assertFindings(fixed, lintRule(ID, fixed), []);
  const glued = '---\ntitle: 标题\n正文第一段。\n\n---\n';
  assertFindings(glued, lintRule(ID, glued), [{ line: 1, column: 1, text: '---', message: 'not closed before the post body' }]);
});

test('a colon and space inside a title points at the colon and suggests quoting', () => {
  const text = postWith({ title: "title: 标题: Tom's 副标题" });
  const d = lintRule(ID, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
  assertFindings(text, d, [{ line, column: 10, text: ':', message: 'single quotes' }]);
  const fixed = applyEdit(text, d[0].suggestions![0].edit);
  assert.ok(fixed.includes("title: '标题: Tom''s 副标题'\n"));
  assertFindings(fixed, lintRule(ID, fixed), []);
});

test('a colon on a wrapped summary line points at that colon; quoting keeps the folded text', () => {
  const text = postWith({ summary: 'summary: 第一行 A\n  第二行 B: C\n  第三行。' });
  const d = lintRule(ID, text);
  const line = text.split('\n').findIndex((l) => l.includes('第二行')) + 1;
  assertFindings(text, d, [{ line, column: 8, text: ':', message: 'remove the spaces before it' }]);
  const fixed = applyEdit(text, d[0].suggestions![0].edit);
  assertFindings(fixed, lintRule(ID, fixed), []);
  const fm = fixed.split('---\n')[1];
  assert.equal(parse(fm).summary, '第一行 A 第二行 B: C 第三行。');
});

test('an unclosed quote is reported from the opening quote to the end of its line', () => {
  const text = postWith({ title: 'title: "标题 without end' });
  const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 8, text: '"标题 without end', message: 'never closed' }]);
});

test('an inline list left open is reported at its bracket', () => {
  const text = postWith({ project: 'project: [a, b' });
  const line = text.split('\n').findIndex((l) => l.startsWith('project:')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 10, text: '[a, b', message: 'not closed with `]`' }]);
});

test('a tab used as indentation is reported at the tab', () => {
  const text = postWith({ tags: 'tags:\n\t- example' });
  const line = text.split('\n').findIndex((l) => l.startsWith('\t')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 1, text: '\t', message: 'tab' }]);
});

test('a value starting with a reserved character is reported with a quoting suggestion', () => {
  const text = postWith({ speaker: 'speaker: @channel' });
  const d = lintRule(ID, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('speaker:')) + 1;
  assertFindings(text, d, [{ line, column: 10, text: '@channel', message: 'cannot start with `@`' }]);
  assert.ok(applyEdit(text, d[0].suggestions![0].edit).includes("speaker: '@channel'\n"));
});

test('a bad escape in double quotes is reported at the escape', () => {
  const text = postWith({ title: 'title: "C:\\qtemp"' });
  const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 11, text: '\\q', message: 'not a valid escape' }]);
});

test('a line that is not a field is reported as a whole', () => {
  const text = postWith({ draft: 'draft true' });
  const line = text.split('\n').findIndex((l) => l.startsWith('draft')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 1, text: 'draft true', message: 'missing `:`' }]);
});

test('a field given twice is reported at the second key, with both removals suggested', () => {
  const text = post(BODY, 'title: 一\nsummary: 摘要。\ntitle: 二\n');
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 4, column: 1, text: 'title', message: 'first on line 2' }]);
  assert.equal(d[0].fix, undefined, 'different values: a person chooses');
  assert.deepEqual(
    d[0].suggestions!.map((s) => applyEdit(text, s.edit).split('---\n')[1]),
    ['title: 一\nsummary: 摘要。\n', 'summary: 摘要。\ntitle: 二\n'],
  );
});

test('an exact repeat of a field is removed by the fix', () => {
  const text = post(BODY, 'tags:\n- a\ntitle: 一\ntags:\n- a\n');
  assertFindings(text, lintRule(ID, text), [{ line: 5, column: 1, text: 'tags', message: 'appears twice' }]);
  assert.equal(fixRule(ID, text), post(BODY, 'tags:\n- a\ntitle: 一\n'));
});

test('front matter that is a list or a single value is not a mapping', () => {
  const list = post(BODY, '- a\n- b\n');
  assertFindings(list, lintRule(ID, list), [{ line: 2, column: 1, text: '- a', message: 'as a list' }]);
  const scalar = post(BODY, '\n  just words\n');
  assertFindings(scalar, lintRule(ID, scalar), [{ line: 3, column: 3, text: 'just words', message: 'a single value' }]);
  const empty = post(BODY, '');
  assertFindings(empty, lintRule(ID, empty), []);
});

test('CRLF: positions are exact and inserted lines use CRLF', () => {
  const text = postWith({ title: 'title: 标题: 副标题' }).replace(/\n/g, '\r\n');
  const line = text.split('\r\n').findIndex((l) => l.startsWith('title:')) + 1;
  assertFindings(text, lintRule(ID, text), [{ line, column: 10, text: ':' }]);
  const open = '---\r\ntitle: 标题\r\n\r\n正文\r\n';
  const d = lintRule(ID, open);
  assertFindings(open, d, [{ line: 1, column: 1, text: '---' }]);
  assert.equal(applyEdit(open, d[0].suggestions![0].edit), '---\r\ntitle: 标题\r\n---\r\n\r\n正文\r\n');
});

test('BOM: the opening line and errors keep their columns', () => {
  const text = '\uFEFF' + post(BODY, 'title: a: b\n');
  assertFindings(text, lintRule(ID, text), [{ line: 2, column: 9, text: ':' }]);
  const open = '\uFEFF---\ntitle: x\n';
  assertFindings(open, lintRule(ID, open), [{ line: 1, column: 1, text: '---' }]);
});

test('mangled front matter never crashes the front matter rules', () => {
  const { config } = configFrom([]);
  const pieces = [
    '---',
    'title: ',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ': ',
    '- ',
    '\t',
    '  ',
    '\n',
    '\r\n',
    '#',
    '&a',
    '*a',
    '!!int',
    '|',
    '>',
    '标题',
    '\uFEFF',
    '...',
    '?',
    ',',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
  for (let n = 0; n < 400; n++) {
    let text = '---\n';
    for (let k = 0; k < 30; k++) text += pieces[next()];
    text += '\n---\n正文\n';
    for (const id of ['front-matter/missing', ID, 'front-matter/schema']) {
      for (const d of lint(text, { config, only: new Set([id]) }).diagnostics) {
        assert.ok(!d.message.includes('failed on this post'), `${id} crashed on ${JSON.stringify(text)}: ${d.message}`);
        assert.ok(d.span[0] <= d.span[1] && d.span[1] <= text.length);
      }
    }
  }
});

test('a front matter with hundreds of errors gets at most 20 of them and a count of the rest, quickly', () => {
  const text = post(BODY, 'title: x\n'.repeat(3000) + 'a: "b\\q"\n'.repeat(300));
  const started = process.hrtime.bigint();
  const d = lintRule(ID, text);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(d.length, 21);
  assert.match(d[0].message, /more YAML errors than shown/);
  assert.ok(ms < 2000, `took ${ms} ms`);
});
