import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule, post, en, DEFAULT_FM } from '../../helpers';
import { PostDocument } from '../../../server/src/engine/model/document';

const ID = 'entity/unlisted';

/** The default front matter with `companies_orgs` (block list) and `products_models` (flow list) added in key order. */
const FM = DEFAULT_FM.replace('date:', 'companies_orgs:\n- Orbital Foods\ndate:').replace('project:', 'products_models: []\nproject:');

function pairs(list: [string, string][]): string {
  return list.map(([zh, english]) => `${zh}\n\n${en(english)}\n`).join('\n');
}

function apply(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

function lineCol(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

test('a recurring name the lists lack: one info finding with suggestions for every list, the guess first', () => {
  const text = post(
    pairs([
      ['Zentrix Labs发布了新产品。', 'Yesterday Zentrix Labs released a product.'],
      ['大家都在谈论Zentrix Labs。', 'Everyone is talking about Zentrix Labs now.'],
    ]),
    FM,
  );
  const diags = lintRule(ID, text);
  assertFindings(text, diags, [
    {
      ...lineCol(text, 'Zentrix Labs released'),
      text: 'Zentrix Labs',
      message:
        '`Zentrix Labs` occurs 2 times in the English but is in none of the front matter lists: add it (to companies_orgs, probably).',
    },
  ]);
  const titles = diags[0].suggestions!.map((s) => s.title);
  assert.deepEqual(titles, [
    'Add `Zentrix Labs` to companies_orgs',
    'Add `Zentrix Labs` to people',
    'Add `Zentrix Labs` to products_models',
    'Add `Zentrix Labs` to media_books',
  ]);
  const added = new PostDocument(apply(text, diags[0].suggestions![0].edit)).frontMatter!.data;
  assert.deepEqual(added.companies_orgs, ['Orbital Foods', 'Zentrix Labs']);
  const flow = new PostDocument(apply(text, diags[0].suggestions![2].edit)).frontMatter!.data;
  assert.deepEqual(flow.products_models, ['Zentrix Labs']);
  const created = apply(text, diags[0].suggestions![1].edit);
  assert.deepEqual(new PostDocument(created).frontMatter!.data.people, ['Zentrix Labs']);
  assert.ok(
    created.includes('layout: post.njk\npeople:\n- Zentrix Labs\nproducts_models: []'),
    'a new key goes where alphabetical order puts it',
  );
});

test('people, products and titles are guessed from their shape and context', () => {
  const text = post(
    pairs([
      ['Marta Quillfeather说Quasar 7很快。', 'Then Marta Quillfeather said the Quasar 7 is fast.'],
      ['Marta Quillfeather又说Quasar 7很贵。', 'And Marta Quillfeather said the Quasar 7 costs a lot.'],
      ['她写了《The Patient Orchard》。', 'She wrote "The Patient Orchard" and then "The Patient Orchard" again.'],
    ]),
    FM,
  );
  const guesses = lintRule(ID, text).map((d) => /to (\w+), probably/.exec(d.message)?.[1]);
  assert.deepEqual(guesses, ['people', 'products_models', 'media_books']);
});

test('a first name alone that the post also gives in full: the full name is what to add, to people', () => {
  const text = post(
    pairs([
      ['我是来自Halden Post的Corvin Ashby。', 'Hi, I am Corvin Ashby from the Halden Post.'],
      ['Corvin，你怎么看？', 'So Corvin, what do you think?'],
      ['Corvin说他不确定。', 'Well, Corvin said he was not sure.'],
    ]),
    FM,
  );
  const diags = lintRule(ID, text);
  assertFindings(text, diags, [
    {
      ...lineCol(text, 'Corvin, what'),
      text: 'Corvin',
      message:
        '`Corvin` occurs 2 times in the English (and once as `Corvin Ashby`) but is in none of the front matter lists: add `Corvin Ashby` (to people, probably).',
    },
  ]);
  assert.equal(diags[0].suggestions![0].title, 'Add `Corvin Ashby` to people');
  assert.deepEqual(new PostDocument(apply(text, diags[0].suggestions![0].edit)).frontMatter!.data.people, ['Corvin Ashby']);

  // Two people of that first name: which one is meant is not known, so the word alone is reported.
  const two = post(
    pairs([
      ['Corvin Ashby和Corvin Maddox都来了。', 'We met Corvin Ashby and Corvin Maddox.'],
      ['Corvin，你怎么看？', 'So Corvin, what do you think?'],
      ['Corvin说他不确定。', 'Well, Corvin said he was not sure.'],
    ]),
    FM,
  );
  assert.match(lintRule(ID, two)[0].message, /^`Corvin` occurs 2 times in the English but is in none of the front matter lists: add it/);
});

test('company words name a company, however many words the name has', () => {
  const text = post(pairs([['Quennell Pharma又涨了，Quennell Pharma。', 'We like Quennell Pharma, and Quennell Pharma likes us.']]), FM);
  assert.match(lintRule(ID, text)[0].message, /to companies_orgs, probably/);
});

test('no finding for listed names, their parts, sentence openers, common words, places, concepts and one-offs', () => {
  const fm = FM.replace('- Orbital Foods\n', '- Orbital Foods\n').replace('project:', 'people:\n- Henrietta Vossberg\nproject:');
  const text = post(
    pairs([
      ['Orbital Foods和Vossberg。', 'We met Orbital Foods and Vossberg, and Orbital Foods again with Henrietta Vossberg.'],
      ['云很重要。', 'Cloud matters. Cloud matters. The cloud is big, and Cloud is everywhere.'],
      ['Nobody知道。', 'Nobody knows. Nobody cares.'],
      ['她去了纽约和纽约。', 'She went to New York and then New York again, and to Canada and Canada.'],
      ['**飞轮**（Growth Flywheel: 增长飞轮）很重要。', 'The Growth Flywheel matters, the Growth Flywheel works.'],
      ['Plimbo只出现一次。', 'We saw Plimbo once.'],
    ]),
    fm,
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('named events and dotted country abbreviations are in no list: no finding', () => {
  const text = post(
    pairs([
      ['内战之后，U.S开始重建。', 'After the Dunmore Civil War, the U.S rebuilt. The Dunmore Civil War changed the U.S for good.'],
      ['那场危机很严重。', 'The Velmar Debt Crisis was severe; the Velmar Debt Crisis lasted years.'],
    ]),
    FM,
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('a single word counts only when the Chinese keeps it in Latin letters', () => {
  const translated = post(pairs([['我们见了克洛维斯，又见了克洛维斯。', 'We met Clovis, and we met Clovis again.']]), FM);
  assertFindings(translated, lintRule(ID, translated), []);
  const kept = post(pairs([['我们用了Stellarbase，又用了Stellarbase。', 'We used Stellarbase, then we used Stellarbase again.']]), FM);
  assertFindings(kept, lintRule(ID, kept), [{ ...lineCol(kept, 'Stellarbase,'), text: 'Stellarbase' }]);
});

test('minOccurrences raises the bar', () => {
  const text = post(pairs([['Zentrix Labs和Zentrix Labs。', 'We like Zentrix Labs and Zentrix Labs.']]), FM);
  assert.equal(lintRule(ID, text).length, 1);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['info', { minOccurrences: 3 }] } }), []);
});

test('posts without front matter, or made from Chinese sources, are not checked', () => {
  const body = pairs([['Zentrix Labs和Zentrix Labs。', 'We like Zentrix Labs and Zentrix Labs.']]);
  assertFindings(body, lintRule(ID, body), []);
  const zh = post(
    'Zentrix Labs和Zentrix Labs。\n\n<details>\n<summary>View/Hide Original Chinese</summary>\n<p class="chinese-text">我们喜欢Zentrix Labs和Zentrix Labs。</p>\n</details>\n',
    FM,
  );
  assertFindings(zh, lintRule(ID, zh), []);
});
