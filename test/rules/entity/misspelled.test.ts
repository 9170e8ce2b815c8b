import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, fixRule, lintRule } from '../../helpers';
import { at, pairs } from './fixtures';

const ID = 'entity/misspelled';

test('a case difference is reported on the variant and fixed to the listed spelling', () => {
  const text = pairs({ companies_orgs: ['MP Materials'] }, ['稀土公司的股价上涨。', 'Shares of MP materials rose on Monday.']);
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, 'MP materials', 'capitalized differently from `MP Materials`')]);
  assert.deepEqual(found[0].fix?.text, 'MP Materials');
  assert.equal(fixRule(ID, text), text.replace('MP materials', 'MP Materials'));
});

test('spacing variants are reported and fixed: words split or joined', () => {
  const text = pairs({ companies_orgs: ['OpenAI', 'Kell Brooks'] }, [
    '他们谈到了人工智能公司。',
    'We talked about open AI and about Kellbrooks, who joined later.',
  ]);
  assertFindings(text, lintRule(ID, text), [
    at(text, 'open AI', 'spaced differently from `OpenAI`'),
    at(text, 'Kellbrooks', 'spaced differently'),
  ]);
  assert.equal(fixRule(ID, text), text.replace('open AI', 'OpenAI').replace('Kellbrooks', 'Kell Brooks'));
});

test('speech-to-text near misses are reported on the misspelled words, possessives outside', () => {
  const text = pairs(
    { people: ['Xi Jinping', 'Tracy Alloway'], products_models: ['Neodymium'] },
    ['他谈到了领导人的计划。', "Xiinping's plan, as Xihinping said, was discussed by Tracy Aloway."],
    ['稀土很重要。', 'Neodyinium magnets matter.'],
  );
  assertFindings(text, lintRule(ID, text), [
    at(text, 'Xiinping', 'looks like a misspelling of `Xi Jinping`'),
    at(text, 'Xihinping', '`Xi Jinping`'),
    at(text, 'Tracy Aloway', '`Tracy Alloway`'),
    at(text, 'Neodyinium', '`Neodymium`'),
  ]);
});

test('people are never fixed unattended: suggestions to replace, or to change the list', () => {
  const text = pairs({ people: ['Xi Jinping'] }, ['他谈到了领导人。', 'Xiinping spoke.']);
  const [d] = lintRule(ID, text);
  assert.equal(d.fix, undefined);
  assert.deepEqual(
    d.suggestions?.map((s) => [s.title, s.edit.text, text.slice(s.edit.range[0], s.edit.range[1])]),
    [
      ['Replace with `Xi Jinping`', 'Xi Jinping', 'Xiinping'],
      ['Change the people entry to `Xiinping`', 'Xiinping', 'Xi Jinping'],
    ],
  );
  assert.equal(fixRule(ID, text), text);
});

test('one letter off in a long name the post itself spells as listed is fixed', () => {
  const text = pairs(
    { companies_orgs: ['CoreWeave'] },
    ['这家公司上市了。', 'CoreWeave went public.'],
    ['它的最大客户是微软。', 'Corewave has one large customer.'],
  );
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, 'Corewave', '`CoreWeave`')]);
  assert.equal(found[0].fix?.text, 'CoreWeave');
  assert.equal(fixRule(ID, text), text.replace('Corewave', 'CoreWeave'));
});

test('a near miss without the listed spelling anywhere, or two letters off, is only a suggestion', () => {
  const once = pairs({ companies_orgs: ['CoreWeave'] }, ['它上市了。', 'Corewave went public.']);
  assert.equal(lintRule(ID, once)[0].fix, undefined);
  const twoOff = pairs({ companies_orgs: ['CoreWeave'] }, ['它上市了。', 'CoreWeave and Coreave, the same company.']);
  const [d] = lintRule(ID, twoOff);
  assert.equal(twoOff.slice(d.span[0], d.span[1]), 'Coreave');
  assert.equal(d.fix, undefined);
});

test('ordinary English words, short forms and derived words stay quiet', () => {
  const text = pairs(
    {
      companies_orgs: ['Boeing', 'Democrats', 'Nebius', 'AMD', 'FAIR'],
      products_models: ['Apple II', 'GPT-4', 'GPT-5.1', 'Deep Research'],
      people: ['John F. Kennedy', 'Xi Jinping', 'Matt Money'],
      media_books: ['The Daily', 'The Tonight Show'],
    },
    ['他们谈到了很多事情。', 'Being honest, we were being careful. Nebius grew, and so did Nebiuses.'],
    ['苹果。', 'Apple in the eighties. Apple is big. Apple. It sold. GPT4 and GPT 4 and GPT5 are models.'],
    ['总统。', "John Kennedy spoke. Xi Jinping's speech. Mr. Matt Money said so. The Democratic party and a Democrat."],
    ['节目。', 'On the Daily and on Tonight Show they did deep research with Amd, and it was fair.'],
  );
  assertFindings(text, lintRule(ID, text), []);
});

test('names in Chinese script and Chinese text are not checked; emphasis in capitals is not a misspelling', () => {
  const text = pairs({ people: ['习近平', 'Tracy Alloway'], companies_orgs: ['OpenAI'] }, [
    '习近平和Tracy Aloway都提到了。',
    'OPENAI and TRACY ALLOWAY.',
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a speaker label on the Chinese side is checked like the English', () => {
  const text = pairs({ people: ['Tracy Alloway'] }, ['**Tracy Aloway:** 欢迎收听。', 'Welcome.']);
  assertFindings(text, lintRule(ID, text), [at(text, 'Tracy Aloway', '`Tracy Alloway`')]);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { speakerLabels: false }] } }), []);
});

test('the list is suspected when the English and the Chinese agree on another spelling', () => {
  const text = pairs(
    { people: ['Lindseay Halligan'] },
    ['政府任命了林赛·哈利根（Lindsay Halligan）。', 'The administration named Lindsay Halligan.'],
    ['她没有经验。', 'Lindsay Halligan had no experience.'],
  );
  const found = lintRule(ID, text);
  assertFindings(text, found, [
    at(text, 'Lindseay Halligan', /English writes `Lindsay Halligan` twice \(first on line \d+\).*the list may be misspelled/),
  ]);
  assert.deepEqual(
    found[0].suggestions?.map((s) => s.edit.text),
    ['Lindsay Halligan'],
  );
});

test('without the Chinese agreeing, a repeated variant is still reported where it is', () => {
  const text = pairs({ companies_orgs: ['Palantir'] }, ['帕兰提尔。', 'Palanteer, Palanteer and Palanteer.']);
  assert.equal(lintRule(ID, text).length, 3);
});

test('near misses can be switched off, keeping case and spacing', () => {
  const text = pairs({ people: ['Xi Jinping'], companies_orgs: ['OpenAI'] }, ['领导人。', 'Xiinping and open AI.']);
  assertFindings(text, lintRule(ID, text, { rules: { [ID]: ['warning', { nearMisses: false }] } }), [at(text, 'open AI')]);
});

test('custom entity fields', () => {
  const text = pairs({ places: ['Schaerbeek'] }, ['沙尔贝克。', 'In Schaerbeck the count was off.']);
  assertFindings(text, lintRule(ID, text), []);
  assertFindings(text, lintRule(ID, text, { entityFields: ['places'] }), [at(text, 'Schaerbeck', '`Schaerbeek`')]);
});

test('CRLF, a BOM and an emoji before the finding keep exact UTF-16 columns', () => {
  const lf = pairs({ companies_orgs: ['MP Materials'] }, ['稀土。', '🚀 Rockets and MP materials.']);
  const text = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  const found = lintRule(ID, text);
  assertFindings(text, found, [at(text, 'MP materials')]);
  const line = text.split('\r\n')[found[0].range.start.line];
  assert.equal(line.slice(found[0].range.start.character, found[0].range.end.character), 'MP materials');
  assert.equal(fixRule(ID, text), text.replace('MP materials', 'MP Materials'));
});

test('no front matter, no lists, empty lists and odd items do not crash', () => {
  for (const text of [
    '',
    'Xiinping',
    '---\npeople: []\n---\nXi',
    "---\npeople: '[]'\n---\nX",
    '---\npeople:\n- 42\n- \n- null\n---\n<p class="english-text">42 null</p>',
  ]) {
    assert.doesNotThrow(() => lintRule(ID, text));
    assert.equal(lintRule(ID, text).filter((d) => d.message.includes('failed')).length, 0);
  }
});

test('many different near misses in one post: each found, ordinary words still recognized after the full count', () => {
  const letters = 'bcdefghijklmnopqrstuvwxyz'.split('');
  const variants = letters.map((c) => `Pal${c}ntir`);
  const text = pairs(
    { companies_orgs: ['Palantir'] },
    ['很多变体。', variants.join(', ') + '.'],
    ['一个普通的词。', 'Palanter is what we call it, and palanter is a word here.'],
  );
  const found = lintRule(ID, text).map((d) => text.slice(d.span[0], d.span[1]));
  assert.deepEqual(
    found,
    variants.filter((v) => v !== 'Palantir'),
  );
});

test('a web address keeps its own spelling; the same word in prose does not', () => {
  const text = pairs({ companies_orgs: ['KiwiCo'] }, ['访问网站。', 'Visit kiwico.com/bilint, write to team@kiwico.com, or ask kiwico.']);
  const found = lintRule(ID, text);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].span[0], found[0].span[1] + 1), 'kiwico.');
  assert.equal(found[0].span[0], text.lastIndexOf('kiwico'));
});
