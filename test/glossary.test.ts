import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acceptsEnglish, lookupTerm, mergeWithPosts, normalizeEnglish, parseGlossary } from '../server/src/engine/glossary';
import { summarizePost } from '../server/src/engine/summary';
import { PostDocument } from '../server/src/engine/model/document';
import { configFrom } from '../server/src/bilint';
import { ConfigLoader } from '../server/src/node/configLoader';
import { parseGlossaryText } from '../server/src/node/glossaryLoader';
import { post, en } from './helpers';
import { GLOSSARY_DATA, glossary } from './rules/term/fixtures';

test('a valid glossary parses without problems and keeps every entry', () => {
  const { glossary: g, problems } = parseGlossary(GLOSSARY_DATA, 'glossary.yaml');
  assert.deepEqual(problems, []);
  assert.equal(g.entries.length, 4);
  assert.equal(g.source, 'glossary.yaml');
});

test('invalid entries are reported and left out; the rest is kept', () => {
  const { glossary: g, problems } = parseGlossary({
    terms: [
      { term: '护城河', english: 'Moat' },
      { term: '', english: 'Nothing' },
      { term: '飞轮', english: 'Flywheel', colour: 'red' },
      { term: '护城河', english: 'Castle Moat' },
      { term: '杠杆', english: 'Leverage', forbidden: ['Leverage'] },
    ],
  });
  assert.deepEqual(
    g.entries.map((e) => e.term),
    ['护城河'],
  );
  const pointers = problems.map((p) => p.pointer);
  assert.ok(
    pointers.some((p) => p.startsWith('/terms/1')),
    JSON.stringify(problems),
  );
  assert.ok(
    pointers.some((p) => p.startsWith('/terms/2')),
    JSON.stringify(problems),
  );
  assert.ok(problems.some((p) => p.pointer === '/terms/3/term' && /already defined by entry 1/.test(p.message)));
  assert.ok(problems.some((p) => p.pointer === '/terms/4/forbidden' && /both accepted and forbidden/.test(p.message)));
});

test('a glossary without terms, or not an object, is a problem, not a crash', () => {
  for (const data of [{}, [], 'terms', null, { terms: 'x' }]) {
    const { glossary: g, problems } = parseGlossary(data);
    assert.equal(g.entries.length, 0);
    assert.ok(problems.length > 0, JSON.stringify(data));
  }
});

test('lookups find a term by its Chinese, its English and its variants', () => {
  const g = glossary();
  assert.equal(lookupTerm(g, '大语言模型')?.english, 'Large Language Model');
  assert.equal(lookupTerm(g, 'large language models')?.term, '大语言模型');
  assert.equal(lookupTerm(g, 'LLM')?.term, '大语言模型');
  assert.equal(lookupTerm(g, '大型语言模型')?.term, '大语言模型');
  assert.equal(lookupTerm(g, '大语言模式'), undefined, 'forbidden forms are not lookups');
  assert.equal(lookupTerm(undefined, '护城河'), undefined);
});

test('English is compared without case, spacing, hyphens or a plural s', () => {
  assert.equal(normalizeEnglish('Large-Language  Models'), normalizeEnglish('large language model'));
  assert.notEqual(normalizeEnglish('Moat'), normalizeEnglish('Boat'));
  const entry = glossary().entries[0];
  assert.ok(acceptsEnglish(entry, 'Large Language Models, LLMs'));
  assert.ok(acceptsEnglish(entry, 'LLM'));
  assert.ok(!acceptsEnglish(entry, 'Language Model'));
});

test("the posts' glosses join the team glossary: most common English first, definitions kept", () => {
  const { config } = configFrom([]);
  const summary = (body: string) => summarizePost(new PostDocument(post(body)), config);
  const a = summary(
    '**飞轮效应**（Flywheel Effect: 自我强化的增长循环）很重要。\n' +
      en('The flywheel effect matters.') +
      '\n\n**护城河**（Castle: 城堡）。\n' +
      en('Castle.') +
      '\n',
  );
  const b = summary('**飞轮效应**（Flywheel Effect）和**飞轮效应**（Flywheel）。\n' + en('Flywheel.') + '\n');
  const merged = mergeWithPosts(glossary(), [
    ['a.md', a],
    ['b.md', b],
  ]);
  assert.equal(merged.length, 5, 'the four team entries, then one from the posts (护城河 is the team’s)');
  assert.deepEqual(merged[4], {
    term: '飞轮效应',
    english: 'Flywheel Effect',
    origin: 'posts',
    posts: 2,
    definition: '自我强化的增长循环',
    otherEnglish: ['Flywheel'],
  });
  assert.equal(merged[1].origin, 'glossary');
});

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-glossary-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const YAML = `terms:
  - term: 护城河
    english: Moat
    forbidden: [城墙优势]
`;

test('glossary.yaml beside the nearest config file is loaded into the resolved config', () => {
  const dir = tempDir({ 'bilint.config.json': '{}', 'glossary.yaml': YAML, 'posts/a.md': '' });
  const loaded = new ConfigLoader().forFile(path.join(dir, 'posts', 'a.md'));
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.config.glossary?.entries[0].english, 'Moat');
  assert.equal(loaded.config.glossary?.source, path.join(dir, 'glossary.yaml'));
});

test('the config key `glossary` names another file, relative to the config', () => {
  const dir = tempDir({
    'bilint.config.yaml': 'glossary: terms/team.yml\n',
    'terms/team.yml': YAML,
    'glossary.yaml': 'terms: []\n',
    'a.md': '',
  });
  const loaded = new ConfigLoader().forFile(path.join(dir, 'a.md'));
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.config.glossary?.entries.length, 1);
});

test('a missing or broken glossary is reported with its file and line', () => {
  const missing = tempDir({ 'bilint.config.json': '{\n  "glossary": "nope.yaml"\n}\n', 'a.md': '' });
  const p1 = new ConfigLoader().forFile(path.join(missing, 'a.md')).problems;
  assert.equal(p1.length, 1);
  assert.match(p1[0].message, /names nope\.yaml, which does not exist/);
  assert.equal(p1[0].line, 2);

  const broken = tempDir({ 'bilint.config.json': '{}', 'glossary.yaml': 'terms:\n  - term: 护城河\n    english: [Moat\n', 'a.md': '' });
  const p2 = new ConfigLoader().forFile(path.join(broken, 'a.md')).problems;
  assert.equal(p2.length, 1);
  assert.match(p2[0].message, /not valid YAML/);
  assert.ok(p2[0].line && p2[0].line >= 3);
});

test('schema problems point at the offending entry', () => {
  const { problems } = parseGlossaryText('glossary.yaml', 'terms:\n  - term: 护城河\n    english: Moat\n  - term: 飞轮\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 4);
  assert.match(problems[0].message, /english/);
});
