import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostDocument } from '../../../server/src/engine/model/document';
import { summarizePost, chineseNameBefore } from '../../../server/src/engine/summary';
import { configFrom } from '../../../server/src/bilint';
import { pairs } from './fixtures';

test('summarizePost: glosses from bold terms and name glosses, entities with spans, tags', () => {
  const text = pairs({ people: ['Ada Lovelace'], companies_orgs: ['Hoover Institution'] }, [
    '**护城河**（Moat: 竞争优势）和沙尔贝克（Schaerbeek）以及**主持人：**',
    'Moat.',
  ]);
  const { config } = configFrom([]);
  const s = summarizePost(new PostDocument(text), config);
  assert.deepEqual(
    s.glosses.map((g) => [g.term, g.english, g.gloss, text.slice(g.span[0], g.span[1])]),
    [
      ['护城河', 'Moat', 'Moat: 竞争优势', '护城河'],
      ['沙尔贝克', 'Schaerbeek', 'Schaerbeek', '沙尔贝克'],
    ],
  );
  assert.deepEqual(
    s.entities.map((e) => [e.name, e.field, text.slice(e.span[0], e.span[1])]),
    [
      ['Hoover Institution', 'companies_orgs', 'Hoover Institution'],
      ['Ada Lovelace', 'people', 'Ada Lovelace'],
    ].sort((a, b) => text.indexOf(a[0]) - text.indexOf(b[0])),
  );
  assert.deepEqual(s.tags, ['example']);
});

test('the Chinese name before a gloss stops at function characters and punctuation, keeps name dots', () => {
  const name = (s: string) => {
    const paren = s.indexOf('（');
    const [a, b] = chineseNameBefore(s, paren);
    return s.slice(a, b);
  };
  assert.equal(name('今天的故事是英特尔（Intel）'), '英特尔');
  assert.equal(name('我是乔·魏森塔尔（Joe）'), '乔·魏森塔尔');
  assert.equal(name('，比利时（Belgium）'), '比利时');
  assert.equal(name('Latin（x）'), '');
});
