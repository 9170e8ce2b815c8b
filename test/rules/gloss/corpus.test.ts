/**
 * The gloss rules on the real posts: the defects format.md lists are found,
 * the traps it lists stay quiet, the counts stay where the hand review of
 * every finding left them, and every fix is stable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixRule, lintRule } from '../../helpers';
import { corpusSkip, countByRule, lintCorpus, where, type CorpusPost } from './corpus';

const IDS = ['gloss/missing', 'gloss/format', 'gloss/markdown-in-english'];

function findingsAt(posts: CorpusPost[], file: string, line: number): string[] {
  const p = posts.find((x) => x.file === file);
  assert.ok(p, `${file} is in the corpus`);
  return p.diagnostics.filter((d) => d.range.start.line + 1 === line).map((d) => where(p, d));
}

test('known defects are found, known traps stay quiet', { skip: corpusSkip }, () => {
  const posts = lintCorpus(IDS);
  // A gloss inside the bold, with half-width parentheses: a gloss, but in the wrong form.
  assert.deepEqual(findingsAt(posts, '164-the-pragmatic-engineer-code.md', 52), [
    '164-the-pragmatic-engineer-code.md:52:44 gloss/format [(]',
    '164-the-pragmatic-engineer-code.md:52:44 gloss/format [(Bindings)]',
    '164-the-pragmatic-engineer-code.md:52:186 gloss/format [(]',
    '164-the-pragmatic-engineer-code.md:52:186 gloss/format [(Meshing)]',
  ]);
  // `English:解释`: the one gloss without a space after the colon.
  assert.deepEqual(findingsAt(posts, '007-lei-canada.md', 37), ['007-lei-canada.md:37:47 gloss/format [:]']);
  // Nested parentheses inside a gloss are fine.
  assert.deepEqual(findingsAt(posts, '043-bloomberg-podcasts-digital.md', 65), []);
  // An odd `**` (an unclosed speaker label) makes no term.
  assert.deepEqual(findingsAt(posts, '062-harvard-business-revie-business.md', 1469), []);
  // Bold in the English, and a Chinese-style gloss pasted into it.
  assert.deepEqual(findingsAt(posts, '016-adam-s-axiom-economic.md', 50), [
    '016-adam-s-axiom-economic.md:50:301 gloss/markdown-in-english [**multilateral institutions**]',
  ]);
  const pasted = findingsAt(posts, '128-techbutmakeitreal-ai-safety-narrative.md', 733);
  assert.equal(pasted.length, 2);
  assert.match(pasted[0], /:733:57 gloss\/markdown-in-english \[\*\*Brookings\*\*（布鲁金斯学会/);
  const p128 = posts.find((p) => p.file.startsWith('128-'))!;
  assert.match(p128.diagnostics.find((d) => d.range.start.line === 732)!.message, /pasted into the English/);
  // Half-width parentheses after a bold term, and a full-width colon.
  assert.deepEqual(findingsAt(posts, '133-all-in-podcast-intelligence.md', 165), [
    '133-all-in-podcast-intelligence.md:165:46 gloss/format [(]',
  ]);
  assert.deepEqual(findingsAt(posts, '056-cultural.md', 43), ['056-cultural.md:43:59 gloss/format [：]']);
});

test('the counts stay where the review left them', { skip: corpusSkip }, () => {
  const counts = countByRule(lintCorpus(IDS));
  const within = (id: string, lo: number, hi: number) =>
    assert.ok((counts[id] ?? 0) >= lo && (counts[id] ?? 0) <= hi, `${id}: ${counts[id]} findings, expected ${lo}–${hi}`);
  within('gloss/missing', 140, 170); // reviewed: 154
  within('gloss/format', 38, 45); // reviewed: 41
  within('gloss/markdown-in-english', 110, 130); // reviewed: 121
});

test('no finding is empty or outside its post; no gloss finding sits in an English block or a code span', { skip: corpusSkip }, () => {
  for (const p of lintCorpus(IDS)) {
    for (const d of p.diagnostics) {
      assert.ok(d.span[1] > d.span[0] && d.span[1] <= p.text.length, where(p, d));
      const covered = p.text.slice(d.span[0], d.span[1]);
      if (d.ruleId !== 'gloss/markdown-in-english') assert.ok(!/<p class=|<\/?details/.test(covered), where(p, d));
    }
  }
});

test('fixes on the real posts are stable and leave nothing fixable behind', { skip: corpusSkip }, () => {
  for (const p of lintCorpus(IDS)) {
    for (const id of ['gloss/format', 'gloss/markdown-in-english']) {
      if (!p.diagnostics.some((d) => d.ruleId === id && d.fix)) continue;
      const fixed = fixRule(id, p.text);
      assert.equal(lintRule(id, fixed).filter((d) => d.fix).length, 0, `${p.file}: ${id} fixes left`);
    }
  }
});
