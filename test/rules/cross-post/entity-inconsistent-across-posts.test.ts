import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFrom, lint } from '../../../server/src/bilint';
import { PostDocument } from '../../../server/src/engine/model/document';
import { summarizePost } from '../../../server/src/engine/summary';
import { SummaryKnowledge } from '../../../server/src/cli/knowledge';
import { boundedDistance, findVariants, mayConflict } from '../../../server/src/rules/cross-post/shared';
import { assertFindings, DEFAULT_FM, post } from '../../helpers';

const ID = 'entity/inconsistent-across-posts';
const { config } = configFrom([]);

function withPeople(...names: string[]): string {
  return post('\n正文。\n', DEFAULT_FM + 'people:\n' + names.map((n) => `- ${n}\n`).join(''));
}

function knowledgeOf(posts: Record<string, string>) {
  return new SummaryKnowledge(Object.entries(posts).map(([k, t]) => [k, summarizePost(new PostDocument(t), config)]));
}

function lintAmong(posts: Record<string, string>, self: string) {
  return lint(posts[self], { config, workspace: knowledgeOf(posts), filePath: self, only: new Set([ID]) }).diagnostics;
}

test('a near miss of another post’s spelling is reported at the list item', () => {
  const posts = { 'a.md': withPeople('Ida Brandt', 'Nicola Tangen'), 'b.md': withPeople('Nicolai Tangen') };
  assertFindings(posts['a.md'], lintAmong(posts, 'a.md'), [
    {
      line: 20,
      column: 3,
      text: 'Nicola Tangen',
      message: '“Nicola Tangen” is spelled “Nicolai Tangen” in b.md: check which spelling is right and use it in every post.',
    },
  ]);
  assertFindings(posts['b.md'], lintAmong(posts, 'b.md'), [
    { line: 19, column: 3, text: 'Nicolai Tangen', message: 'spelled “Nicola Tangen” in a.md' },
  ]);
});

test('case differences and two-letter misses of long names count', () => {
  const posts = { 'a.md': withPeople('NASDAQ', 'Zoran Mandani'), 'b.md': withPeople('Nasdaq', 'Zohran Mamdani') };
  assert.deepEqual(
    lintAmong(posts, 'a.md').map((d) => d.message.split(':')[0]),
    ['“NASDAQ” is spelled “Nasdaq” in b.md', '“Zoran Mandani” is spelled “Zohran Mamdani” in b.md'],
  );
});

test('the spelling most posts use is offered as a suggestion, never as a fix', () => {
  const posts = { 'a.md': withPeople('Jason Calcanis'), 'b.md': withPeople('Jason Calacanis'), 'c.md': withPeople('Jason Calacanis') };
  const [d] = lintAmong(posts, 'a.md');
  assert.equal(d.fix, undefined);
  assert.deepEqual(
    d.suggestions?.map((s) => s.edit.text),
    ['Jason Calacanis'],
  );
  assert.equal(
    d.message,
    '“Jason Calcanis” is spelled “Jason Calacanis” in b.md and 1 other post: check which spelling is right and use it in every post.',
  );
  const [majority] = lintAmong(posts, 'b.md');
  assert.equal(majority.suggestions, undefined, 'no suggestion toward the less common spelling');
});

test('different names are not variants', () => {
  const pairs: [string, string][] = [
    ['GPT-4', 'GPT-5'],
    ['Meta', 'Beta'],
    ['Anthropic', 'Anthropic PBC'],
    ['Tesla', 'Tessa'],
    ['Donald Trump', 'Donald Trump Jr'],
    ['Sam Altman', 'Tam Altman'],
    ['黄仁勋', '黄仁动'],
  ];
  for (const [x, y] of pairs) assert.equal(findVariants([x, y]).size, 0, `${x} / ${y}`);
  const posts = { 'a.md': withPeople('Ida Brandt'), 'b.md': withPeople('Ida Brandt') };
  assert.deepEqual(lintAmong(posts, 'a.md'), [], 'the same spelling everywhere');
});

test('mayConflict tells which posts need the cross-post pass', () => {
  const posts = { 'a.md': withPeople('Nicola Tangen'), 'b.md': withPeople('Nicolai Tangen'), 'c.md': withPeople('Ida Brandt') };
  const k = knowledgeOf(posts);
  const summary = (key: string) => [...k.posts()].find(([p]) => p === key)![1];
  assert.equal(mayConflict('a.md', summary('a.md'), k), true);
  assert.equal(mayConflict('c.md', summary('c.md'), k), false);
});

test('boundedDistance: transpositions count one; gives up past the bound', () => {
  assert.equal(boundedDistance('tangen', 'tagnen', 2), 1);
  assert.equal(boundedDistance('calcanis', 'calacanis', 2), 1);
  assert.equal(boundedDistance('abcdef', 'uvwxyz', 2), 3);
});
