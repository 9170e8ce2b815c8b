import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { mergeWithPosts } from '../server/src/engine/glossary';
import { summarizePost } from '../server/src/engine/summary';
import { PostDocument } from '../server/src/engine/model/document';
import { configFrom } from '../server/src/bilint';
import { formatGlossary } from '../server/src/cli/glossaryExport';
import { post, en } from './helpers';
import { glossary } from './rules/term/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const POST = post(
  '**飞轮效应**（Flywheel Effect: 自我强化的“增长”循环）很重要，A&B公司（A&B Corp）也这么说。\n' +
    en('The flywheel effect matters, says A&B Corp.') +
    '\n',
);

function records() {
  const { config } = configFrom([]);
  return mergeWithPosts(glossary(), [['a.md', summarizePost(new PostDocument(POST), config)]]);
}

/** Parses XML strictly: any warning or error fails. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => problems.push(`${level}: ${msg}`) }).parseFromString(
    text,
    'text/xml',
  );
  assert.deepEqual(problems, [], 'the TBX is well-formed XML');
  return doc;
}

function els(node: Document | Element, tag: string): Element[] {
  const list = node.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

test('TBX-Basic: valid XML, a martif root, a termEntry per term with zh and en langSets', () => {
  const recs = records();
  const doc = parseXml(formatGlossary(recs, 'tbx'));
  const root = doc.documentElement!;
  assert.equal(root.nodeName, 'martif');
  assert.equal(root.getAttribute('type'), 'TBX-Basic');
  const entries = els(doc, 'termEntry');
  assert.equal(entries.length, recs.length);
  const first = entries[0];
  const langs = els(first, 'langSet').map((l) => l.getAttribute('xml:lang'));
  assert.deepEqual(langs, ['zh', 'en']);
  const zh = els(first, 'langSet')[0];
  const terms = els(zh, 'tig').map((t) => [els(t, 'term')[0].textContent, els(t, 'termNote')[0].textContent]);
  assert.deepEqual(terms, [
    ['大语言模型', 'preferredTerm-admn-sts'],
    ['大型语言模型', 'admittedTerm-admn-sts'],
    ['大语言模式', 'deprecatedTerm-admn-sts'],
  ]);
  assert.equal(els(zh, 'descrip')[0].textContent, '以海量文本训练的语言模型');
  const all = els(doc, 'term').map((t) => t.textContent);
  for (const r of recs) assert.ok(all.includes(r.term) && all.includes(r.english), r.term);
  assert.ok(all.includes('A&B Corp'), 'special characters survive escaping');
});

test('CSV: a header and one quoted-where-needed row per term', () => {
  const text = formatGlossary(records(), 'csv');
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'term,english,definition,variants,forbidden,origin,posts,note');
  assert.equal(
    lines[1],
    '大语言模型,Large Language Model,以海量文本训练的语言模型,LLM; 大型语言模型,大语言模式; Large Languages Model,glossary,,',
  );
  assert.ok(lines.includes('飞轮效应,Flywheel Effect,自我强化的“增长”循环,,,posts,1,'), text);
  assert.equal(lines.at(-1), '');
  const quoted = formatGlossary([{ term: '术语', english: 'A, "B"', origin: 'glossary' }], 'csv');
  assert.ok(quoted.includes('术语,"A, ""B""",'), quoted);
});

test('JSON: the records under "terms"', () => {
  const data = JSON.parse(formatGlossary(records(), 'json')) as {
    terms: { term: string; english: string; origin: string; posts?: number }[];
  };
  assert.equal(data.terms[0].origin, 'glossary');
  assert.deepEqual(
    data.terms.find((t) => t.term === '飞轮效应'),
    {
      term: '飞轮效应',
      english: 'Flywheel Effect',
      origin: 'posts',
      posts: 1,
      definition: '自我强化的“增长”循环',
    },
  );
});

test('bilint glossary export runs over a folder, with the glossary beside the config', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-export-'));
  fs.writeFileSync(path.join(dir, 'bilint.config.json'), '{}');
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), 'terms:\n  - term: 护城河\n    english: Moat\n');
  fs.mkdirSync(path.join(dir, 'posts'));
  fs.writeFileSync(path.join(dir, 'posts', 'a.md'), POST);
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bilint.js'), 'glossary', ...args], { cwd: dir, encoding: 'utf8' });
  const r = run('export', '--format', 'tbx');
  assert.equal(r.status, 0, r.stderr);
  const terms = els(parseXml(r.stdout), 'term').map((t) => t.textContent);
  assert.ok(terms.includes('护城河') && terms.includes('飞轮效应'), terms.join(' '));
  const only = run('export', '--glossary-only', '-f', 'json', '-o', 'out.json');
  assert.equal(only.status, 0, only.stderr);
  assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { terms: unknown[] }).terms.length, 1);
  const bad = run('export', '--format', 'xlsx');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Unknown format "xlsx"/);
});
