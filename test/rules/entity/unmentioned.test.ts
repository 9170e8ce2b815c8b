import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule, post } from '../../helpers';
import { at, frontMatter, pairs } from './fixtures';

const ID = 'entity/unmentioned';

test('an entity the body never names is reported at its list item, as info', () => {
  const text = pairs({ companies_orgs: ['Hoover Institution', 'Google'] }, ['谷歌发布了新产品。', 'Google released a product.']);
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, 'Hoover Institution', 'never names it')]);
  assert.equal(found[0].severity, 'info');
});

test('the removal suggestion deletes the whole list line', () => {
  const text = pairs({ people: ['Ada Lovelace', 'Alan Turing'] }, ['图灵。', 'Turing spoke.']);
  const [d] = lintRule(ID, text);
  const s = d.suggestions?.[0];
  assert.equal(s?.title, 'Remove `Ada Lovelace` from people');
  assert.equal(text.slice(s!.edit.range[0], s!.edit.range[1]), '- Ada Lovelace\n');
});

test('mentions count in any spelling and in any part of the body', () => {
  const text = pairs(
    {
      people: ['Xi Jinping', 'Joseph Torigian', '习仲勋'],
      companies_orgs: ['OpenAI', 'Schaerbeek Council'],
      products_models: ['Gemini Flash'],
      media_books: ['The Three-Body Problem', 'Odd Lots Podcast'],
    },
    ['习仲勋是他的父亲。', 'Xiinping spoke about his father.'],
    ['托里吉安（Torigian）写了传记。', 'The biographer spoke.'],
    ['沙尔贝克（Schaerbeek Council）和 Gemini Flash。', 'open AI made a model; we read Three Body Problem on Odd Lots.'],
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('a quoted item is reported with its quotes; flow lists get no removal suggestion', () => {
  const text = post(
    '正文。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">Body.</p>\n</details>',
    frontMatter({}) + "media_books: ['The Party''s Line', Moby Dick]\n",
  );
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, "'The Party''s Line'"), at(text, 'Moby Dick')]);
  assert.equal(found[0].suggestions, undefined);
});

test('only the configured fields are read', () => {
  const text = pairs({ places: ['Atlantis'] }, ['正文。', 'Body.']);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { entityFields: ['places'] }), [at(text, 'Atlantis')]);
});

test('CRLF and a BOM keep the item range exact', () => {
  const lf = pairs({ companies_orgs: ['Hoover Institution'] }, ['正文。', '🚀 Body.']);
  const text = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  assertFindings(text, lintRule(ID, text), [at(text, 'Hoover Institution')]);
});
