import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, configFrom } from '../../../server/src/bilint';
import { assertFindings, fixRule, lintRule, post, en } from '../../helpers';
import { applyEdit, lineOf, postWith } from './fixtures';

const ID = 'front-matter/schema';

test('a complete front matter passes, and so does one without the optional fields', () => {
  for (const text of [
    postWith({}),
    postWith({ draft: null, guest: null, insight: null, series: null, status: null }),
    postWith({ people: 'people:\n- Mara Lindqvist\n- 林小雨', products_models: 'products_models: []', date: 'date: 2024-02-29' }),
    postWith({ area: 'area: work-career', summary: "summary: '第一行 Apple''s\n  第二行。'" }),
  ]) {
    assertFindings(text, lintRule(ID, text), []);
  }
});

test('a missing required field is reported at the opening line, with the field to add in order', () => {
  const text = postWith({ speaker: null, layout: null });
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: 1, column: 1, text: '---', message: 'The required field `layout` is missing. It holds the site template' },
    { line: 1, column: 1, text: '---', message: 'The required field `speaker` is missing.' },
  ]);
  const layout = applyEdit(text, d[0].suggestions![0].edit);
  assert.equal(lineOf(layout, 'layout: post.njk\n'), lineOf(text, 'project:'));
  const speaker = applyEdit(text, d[1].suggestions![0].edit);
  assert.equal(lineOf(speaker, "speaker: ''\nstatus:"), lineOf(text, 'status:'));
});

test('a missing last field is added before the closing line; a list field gets []', () => {
  const text = postWith({ title: null, tags: null, status: null });
  const d = lintRule(ID, text);
  const edits = d.map((x) => x.suggestions![0].edit);
  assert.ok(applyEdit(text, edits[1]).includes("summary: 一篇示例文章。\ntitle: ''\n---\n"));
  assert.ok(applyEdit(text, edits[0]).includes('summary: 一篇示例文章。\ntags: []\n'));
});

test('an empty front matter reports every required field', () => {
  const text = post('正文\n', '');
  assert.equal(lintRule(ID, text).length, 10);
});

test('an unknown field is reported at its key, with a guess and a removal', () => {
  const text = postWith({ companies: 'companies:\n- supply-chain', titel: "titel: ''" });
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    {
      line: lineOf(text, 'companies:'),
      column: 1,
      text: 'companies',
      message: 'Did you mean `companies_orgs`? Its item looks like a tag (`supply-chain`)',
    },
    { line: lineOf(text, 'titel:'), column: 1, text: 'titel', message: 'Did you mean `title`? It is empty' },
  ]);
  assert.deepEqual(
    d[0].suggestions!.map((s) => s.title),
    ['Remove the field `companies`'],
    'tag-like items are not renamed into a list of names',
  );
  assert.ok(!applyEdit(text, d[0].suggestions![0].edit).includes('supply-chain'));
  assert.deepEqual(
    d[1].suggestions!.map((s) => s.title),
    ['Remove the field `titel`'],
    'no rename onto an existing field',
  );
  const named = postWith({ title: null, titel: 'titel: 标题' });
  const r = lintRule(ID, named).find((x) => x.message.includes('`titel`'))!;
  assert.deepEqual(
    r.suggestions!.map((s) => s.title),
    ['Rename to `title`', 'Remove the field `titel`'],
  );
  assert.ok(applyEdit(named, r.suggestions![0].edit).includes('\ntitle: 标题\n'));
});

test('an unknown field with no near name just says so', () => {
  const text = postWith({ author: 'author: Somebody' });
  assertFindings(text, lintRule(ID, text), [
    { line: lineOf(text, 'author:'), column: 1, text: 'author', message: /^`author` is not a field of a post\.$/ },
  ]);
});

test("the text '[]' instead of an empty list is fixed to []", () => {
  const text = postWith({ people: "people: '[]'", media_books: 'media_books: "[ ]"' });
  assertFindings(text, lintRule(ID, text), [
    {
      line: lineOf(text, 'media_books:'),
      column: 14,
      text: '"[ ]"',
      message: "`media_books` is the text '[]' in quotes, not an empty list",
    },
    { line: lineOf(text, 'people:'), column: 9, text: "'[]'", message: 'remove the quotes' },
  ]);
  assert.equal(fixRule(ID, text), postWith({ people: 'people: []', media_books: 'media_books: []' }));
});

test('a repeated list item is reported at the repeat and removed by the fix', () => {
  const text = postWith({ companies_orgs: 'companies_orgs:\n- Shopify\n- Intel\n- Shopify\n- Shopify', tags: 'tags: [a, b, a]' });
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    {
      line: lineOf(text, '- Intel') + 1,
      column: 3,
      text: 'Shopify',
      message: `\`Shopify\` is already listed in \`companies_orgs\` (line ${lineOf(text, '- Shopify')})`,
    },
    { line: lineOf(text, '- Intel') + 2, column: 3, text: 'Shopify' },
    { line: lineOf(text, 'tags:'), column: 14, text: 'a', message: 'already listed in `tags`' },
  ]);
  assert.equal(fixRule(ID, text), postWith({ companies_orgs: 'companies_orgs:\n- Shopify\n- Intel', tags: 'tags: [a, b]' }));
});

test('a date in another year-first spelling is rewritten, keeping its quotes', () => {
  const cases: [string, string][] = [
    ['date: 2025/3/14', 'date: 2025-03-14'],
    ["date: '2025.03.14'", "date: '2025-03-14'"],
    ['date: "2025-3-4"', 'date: "2025-03-04"'],
    ['date: 2025年3月14日', 'date: 2025-03-14'],
  ];
  for (const [before, after] of cases) {
    const text = postWith({ date: before });
    const value = before.slice(6);
    assertFindings(text, lintRule(ID, text), [
      { line: lineOf(text, 'date:'), column: 7, text: value, message: 'real calendar date written as YYYY-MM-DD' },
    ]);
    assert.equal(fixRule(ID, text), postWith({ date: after }));
  }
});

test('a date that does not exist or is ambiguous is reported without a fix', () => {
  for (const value of ["'2025-02-30'", "'2023-02-29'", "'14/03/2025'", "'3/4/2025'", '2025-03-14T10:00:00', "''", '20250314']) {
    const text = postWith({ date: `date: ${value}` });
    const d = lintRule(ID, text);
    assertFindings(text, d, [{ line: lineOf(text, 'date:'), column: 7, text: value, message: 'YYYY-MM-DD' }]);
    assert.equal(d[0].fix, undefined, value);
  }
});

test('a retired area with one replacement is fixed; with two, both are suggested', () => {
  const one = postWith({ area: 'area: "market-analysis"' });
  assertFindings(one, lintRule(ID, one), [
    { line: 2, column: 7, text: '"market-analysis"', message: 'retired `area` value; its replacement is `finance-wealth`' },
  ]);
  assert.equal(fixRule(ID, one), postWith({ area: 'area: "finance-wealth"' }));

  const two = postWith({ area: 'area: society-systems' });
  const d = lintRule(ID, two);
  assertFindings(two, d, [
    { line: 2, column: 7, text: 'society-systems', message: 'split into `geopolitics` and `society-thinking`: pick' },
  ]);
  assert.equal(d[0].fix, undefined);
  assert.deepEqual(
    d[0].suggestions!.map((s) => applyEdit(two, s.edit)),
    [postWith({ area: 'area: geopolitics' }), postWith({ area: 'area: society-thinking' })],
  );
  assert.equal(fixRule(ID, two), two);
});

test('values outside a closed set name the allowed ones', () => {
  const text = postWith({ area: 'area: tech', layout: 'layout: post.md', status: 'status: draft', category: 'category: Technology' });
  assertFindings(text, lintRule(ID, text), [
    { line: 2, column: 7, text: 'tech', message: '`area` should be one of `society-thinking`' },
    { line: 3, column: 11, text: 'Technology', message: '`category` is not a known category' },
    { line: lineOf(text, 'layout:'), column: 9, text: 'post.md', message: '`layout` should be `post.njk`' },
    { line: lineOf(text, 'status:'), column: 9, text: 'draft', message: '`status` should be `evergreen`' },
  ]);
});

test('tags must be unique kebab-case words; a near one is suggested', () => {
  const text = postWith({ tags: 'tags:\n- Supply Chain\n- 供应链\n- 2024' });
  const d = lintRule(ID, text);
  const first = lineOf(text, '- Supply');
  assertFindings(text, d, [
    { line: first, column: 3, text: 'Supply Chain', message: 'A tag should be lowercase letters and digits' },
    { line: first + 1, column: 3, text: '供应链', message: 'A tag should be lowercase' },
    { line: first + 2, column: 3, text: '2024', message: 'Item 3 of `tags` should be text; a tag made only of digits needs quotes' },
  ]);
  assert.ok(applyEdit(text, d[0].suggestions![0].edit).includes('- supply-chain\n'));
  assert.equal(d[1].suggestions, undefined);
  const none = postWith({ tags: 'tags: []' });
  assertFindings(none, lintRule(ID, none), [{ line: lineOf(none, 'tags:'), column: 7, text: '[]', message: 'at least one tag' }]);
  const empty = postWith({ tags: 'tags:' });
  assertFindings(empty, lintRule(ID, empty), [
    { line: lineOf(empty, 'tags:'), column: 1, text: 'tags', message: '`tags` has no value. `tags` should be a list' },
  ]);
});

test('types: quoted booleans are fixed, other wrong types explained', () => {
  const text = postWith({
    draft: "draft: 'true'",
    guest: 'guest: 3',
    people: 'people: Mara Lindqvist',
    source: 'source: www.example.com/x',
  });
  assertFindings(text, lintRule(ID, text), [
    { line: lineOf(text, 'draft:'), column: 8, text: "'true'", message: '`draft` should be `true` or `false`' },
    { line: lineOf(text, 'guest:'), column: 8, text: '3', message: '`guest` should be a text' },
    { line: lineOf(text, 'people:'), column: 9, text: 'Mara Lindqvist', message: '`people` should be a list of names' },
    { line: lineOf(text, 'source:'), column: 9, text: 'www.example.com/x', message: 'starting with https://' },
  ]);
  assert.ok(fixRule(ID, text).includes('draft: true\n'));
});

test('entity lists take non-empty names; an empty item is reported at its dash', () => {
  const text = postWith({ people: "people:\n-\n- ''\n- Carl" });
  const first = lineOf(text, 'people:') + 1;
  assertFindings(text, lintRule(ID, text), [
    { line: first, column: 1, text: '-', message: 'Item 1 of `people` should be a non-empty name.' },
    { line: first + 1, column: 3, text: "''", message: 'Item 2 of `people` should be a non-empty name.' },
  ]);
});

test('empty speaker, title and summary are reported', () => {
  const text = postWith({ speaker: "speaker: ''", title: 'title: " "' });
  assertFindings(text, lintRule(ID, text), [
    { line: lineOf(text, 'speaker:'), column: 10, text: "''", message: '`speaker` is empty' },
    { line: lineOf(text, 'title:'), column: 8, text: '" "', message: '`title` is empty' },
  ]);
});

test('the schema rule waits while the YAML is broken, but not for a repeated key', () => {
  const broken = postWith({ title: 'title: a: b', speaker: null });
  assertFindings(broken, lintRule(ID, broken), []);
  assertFindings('---\ntitle: x\n', lintRule(ID, '---\ntitle: x\n'), []);
  const repeated = post('正文\n', postWith({}).split('---\n')[1] + 'layout: page.njk\n');
  assertFindings(repeated, lintRule(ID, repeated), [
    { line: lineOf(repeated, 'page.njk'), column: 9, text: 'page.njk', message: '`layout` should be `post.njk`' },
  ]);
});

test("a team's own schema (config.postSchema) replaces the built-in one", () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['author'],
    properties: {
      author: { type: 'string', description: 'The person who wrote the post.' },
      area: { type: 'string', enum: ['books'], 'x-retired': { reading: 'books' } },
    },
  };
  const { config } = configFrom([], { postSchema: schema });
  const text = post('正文\n', 'area: reading\ntitle: 标题\n');
  const d = lint(text, { config, only: new Set([ID]) }).diagnostics;
  assertFindings(text, d, [
    { line: 1, column: 1, text: '---', message: 'The required field `author` is missing. It holds the person who wrote the post.' },
    { line: 2, column: 7, text: 'reading', message: 'its replacement is `books`' },
  ]);
  assert.equal(applyEdit(text, d[0].suggestions![0].edit), post('正文\n', "area: reading\nauthor: ''\ntitle: 标题\n"));
});

test('a missing field is explained in a sentence: the description joins it in lowercase, acronyms kept', () => {
  const schema = {
    type: 'object',
    required: ['blurb', 'link'],
    properties: {
      blurb: { type: 'string', description: 'A short text for listings.' },
      link: { type: 'string', description: 'URL of the original.' },
    },
  };
  const { config } = configFrom([], { postSchema: schema });
  const text = post('正文\n', 'title: 标题\n');
  assertFindings(text, lint(text, { config, only: new Set([ID]) }).diagnostics, [
    { line: 1, column: 1, text: '---', message: 'The required field `blurb` is missing. It holds a short text for listings.' },
    { line: 1, column: 1, text: '---', message: 'The required field `link` is missing. It holds URL of the original.' },
  ]);
});

test('a schema that does not compile is reported once, at the opening line', () => {
  const { config } = configFrom([], { postSchema: { type: 'object', properties: { a: { type: 'no-such-type' } } } });
  const text = postWith({});
  assertFindings(text, lint(text, { config, only: new Set([ID]) }).diagnostics, [
    { line: 1, column: 1, text: '---', message: 'The schema itself is invalid' },
  ]);
});

test('CRLF: ranges are exact, fixes and inserted fields keep CRLF', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  const text = crlf(postWith({ people: "people: '[]'", companies_orgs: 'companies_orgs:\n- A\n- A', speaker: null }));
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: 1, column: 1, text: '---', message: '`speaker`' },
    { line: lineOf(text, '- A') + 1, column: 3, text: 'A' },
    { line: lineOf(text, 'people:'), column: 9, text: "'[]'" },
  ]);
  assert.ok(applyEdit(text, d[0].suggestions![0].edit).includes("\r\nspeaker: ''\r\nstatus:"));
  assert.equal(fixRule(ID, text), crlf(postWith({ people: 'people: []', companies_orgs: 'companies_orgs:\n- A', speaker: null })));
});

test('BOM: the opening line is column 1 and value ranges are exact', () => {
  const text = '\uFEFF' + postWith({ date: 'date: 2025/3/14', title: null });
  assertFindings(text, lintRule(ID, text), [
    { line: 1, column: 1, text: '---', message: '`title`' },
    { line: lineOf(text, 'date:'), column: 7, text: '2025/3/14' },
  ]);
  assert.equal(fixRule(ID, text), '\uFEFF' + postWith({ date: 'date: 2025-03-14', title: null }));
});

test('a finding in the body does not come from this rule', () => {
  const text = postWith({}) + '\n' + en('**bold**');
  assertFindings(text, lintRule(ID, text), []);
});
